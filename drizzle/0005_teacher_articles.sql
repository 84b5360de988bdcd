CREATE TABLE "article_draft" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_slug" text NOT NULL,
	"position" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"draft" jsonb NOT NULL,
	"question_id" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "article" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "article" ADD COLUMN "created_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
ALTER TABLE "article_draft" ADD CONSTRAINT "article_draft_article_slug_article_slug_fk" FOREIGN KEY ("article_slug") REFERENCES "public"."article"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_draft" ADD CONSTRAINT "article_draft_question_id_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."question"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "article_draft_position_uq" ON "article_draft" USING btree ("article_slug","position");--> statement-breakpoint
ALTER TABLE "article" ADD CONSTRAINT "article_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_owner_idx" ON "article" USING btree ("owner_id");