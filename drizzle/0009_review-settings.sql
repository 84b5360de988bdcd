ALTER TABLE "learner_settings" ADD COLUMN "day_rollover_hour" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "learner_settings" ADD COLUMN "optimiser_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "learner_settings" ADD COLUMN "optimiser_failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "learner_settings" ADD COLUMN "optimiser_lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "learner_settings" ADD CONSTRAINT "learner_settings_rollover" CHECK ("learner_settings"."day_rollover_hour" >= 0 and "learner_settings"."day_rollover_hour" <= 23);