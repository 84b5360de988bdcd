ALTER TABLE "learner_settings" ADD COLUMN "reviews_per_day" integer DEFAULT 200 NOT NULL;--> statement-breakpoint
ALTER TABLE "review_card" ADD COLUMN "leech_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "review_card" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "learner_settings" ADD CONSTRAINT "learner_settings_reviews_per_day" CHECK ("learner_settings"."reviews_per_day" >= 0 and "learner_settings"."reviews_per_day" <= 9999);