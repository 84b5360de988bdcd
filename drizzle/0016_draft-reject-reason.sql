ALTER TABLE "article_draft" ADD COLUMN "reject_reason" text;--> statement-breakpoint
ALTER TABLE "article_draft" ADD COLUMN "reject_note" text;--> statement-breakpoint
ALTER TABLE "article_draft" ADD CONSTRAINT "article_draft_reason_if_rejected" CHECK ("article_draft"."status" = 'rejected' or ("article_draft"."reject_reason" is null and "article_draft"."reject_note" is null));