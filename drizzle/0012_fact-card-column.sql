ALTER TABLE "review_card" ALTER COLUMN "question_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "review_card" ADD COLUMN "fact_id" text;