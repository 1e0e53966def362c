CREATE SEQUENCE "public"."entry_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 63000 CACHE 1;--> statement-breakpoint
CREATE TABLE "cases" (
	"id" text PRIMARY KEY NOT NULL,
	"entry_number" integer,
	"area" text NOT NULL,
	"status" text NOT NULL,
	"requesting_authority_id" text NOT NULL,
	"responding_authority_id" text,
	"data" jsonb NOT NULL,
	"version" integer NOT NULL,
	"closed_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cases_entry_number_unique" UNIQUE("entry_number")
);
--> statement-breakpoint
CREATE TABLE "changes" (
	"position" bigserial PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"audience" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_sequences" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"last_seq" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "command_outcomes" (
	"client_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"outcome" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "command_outcomes_client_id_seq_pk" PRIMARY KEY("client_id","seq")
);
--> statement-breakpoint
ALTER TABLE "client_sequences" ADD CONSTRAINT "client_sequences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "command_outcomes" ADD CONSTRAINT "command_outcomes_client_id_client_sequences_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."client_sequences"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_requesting_idx" ON "cases" USING btree ("requesting_authority_id");--> statement-breakpoint
CREATE INDEX "cases_responding_idx" ON "cases" USING btree ("responding_authority_id");--> statement-breakpoint
CREATE INDEX "cases_closed_idx" ON "cases" USING btree ("closed_at");--> statement-breakpoint
CREATE INDEX "changes_audience_idx" ON "changes" USING gin ("audience");--> statement-breakpoint
CREATE INDEX "changes_entity_idx" ON "changes" USING btree ("entity","entity_id","position");