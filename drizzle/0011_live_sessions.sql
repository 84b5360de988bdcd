CREATE TABLE "live_answer" (
	"session_id" text NOT NULL,
	"player_id" text NOT NULL,
	"position" integer NOT NULL,
	"response" jsonb NOT NULL,
	"score" real NOT NULL,
	"correct" boolean NOT NULL,
	"points" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "live_answer_player_id_position_pk" PRIMARY KEY("player_id","position")
);
--> statement-breakpoint
CREATE TABLE "live_player" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"user_id" text,
	"nickname" text NOT NULL,
	"token_hash" text,
	"removed" boolean DEFAULT false NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_question" (
	"session_id" text NOT NULL,
	"position" integer NOT NULL,
	"question_version_id" integer NOT NULL,
	CONSTRAINT "live_question_session_id_position_pk" PRIMARY KEY("session_id","position")
);
--> statement-breakpoint
CREATE TABLE "live_session" (
	"id" text PRIMARY KEY NOT NULL,
	"teacher_id" text NOT NULL,
	"set_id" text NOT NULL,
	"assignment_id" text,
	"class_id" text,
	"title" text NOT NULL,
	"join_code" text NOT NULL,
	"join_code_expires_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'lobby' NOT NULL,
	"question_index" integer DEFAULT -1 NOT NULL,
	"question_started_at" timestamp with time zone,
	"question_deadline_at" timestamp with time zone,
	"paused_remaining_ms" integer,
	"seq" integer DEFAULT 0 NOT NULL,
	"seconds_per_question" integer DEFAULT 30 NOT NULL,
	"speed_bonus" boolean DEFAULT false NOT NULL,
	"guests_allowed" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "live_session_seconds" CHECK ("live_session"."seconds_per_question" between 5 and 600)
);
--> statement-breakpoint
ALTER TABLE "attempt" ADD COLUMN "live_session_id" text;--> statement-breakpoint
ALTER TABLE "live_answer" ADD CONSTRAINT "live_answer_session_id_live_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_answer" ADD CONSTRAINT "live_answer_player_id_live_player_id_fk" FOREIGN KEY ("player_id") REFERENCES "public"."live_player"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_player" ADD CONSTRAINT "live_player_session_id_live_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_player" ADD CONSTRAINT "live_player_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_question" ADD CONSTRAINT "live_question_session_id_live_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_question" ADD CONSTRAINT "live_question_question_version_id_question_version_id_fk" FOREIGN KEY ("question_version_id") REFERENCES "public"."question_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session" ADD CONSTRAINT "live_session_teacher_id_user_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session" ADD CONSTRAINT "live_session_set_id_question_set_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."question_set"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session" ADD CONSTRAINT "live_session_assignment_id_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session" ADD CONSTRAINT "live_session_class_id_class_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."class"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "live_answer_session_idx" ON "live_answer" USING btree ("session_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "live_player_user_uq" ON "live_player" USING btree ("session_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "live_player_token_uq" ON "live_player" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "live_session_open_code_uq" ON "live_session" USING btree ("join_code") WHERE "live_session"."finished_at" is null;--> statement-breakpoint
CREATE INDEX "live_session_teacher_idx" ON "live_session" USING btree ("teacher_id","created_at");--> statement-breakpoint
CREATE INDEX "live_session_class_idx" ON "live_session" USING btree ("class_id");--> statement-breakpoint
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_live_session_id_live_session_id_fk" FOREIGN KEY ("live_session_id") REFERENCES "public"."live_session"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attempt_live_session_idx" ON "attempt" USING btree ("live_session_id");