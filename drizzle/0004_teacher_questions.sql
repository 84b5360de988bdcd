ALTER TABLE "fact" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "question" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "fact" ADD CONSTRAINT "fact_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question" ADD CONSTRAINT "question_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_owner_idx" ON "question" USING btree ("owner_id");