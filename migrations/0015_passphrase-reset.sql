CREATE TABLE "selfie_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"selfie_sealed" "bytea" NOT NULL,
	"selfie_type" text NOT NULL,
	"status" text NOT NULL,
	"score" integer,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"refuse_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "selfie_checks" ADD CONSTRAINT "selfie_checks_request_id_certificate_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."certificate_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfie_checks" ADD CONSTRAINT "selfie_checks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfie_checks" ADD CONSTRAINT "selfie_checks_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "selfie_checks_queue_idx" ON "selfie_checks" USING btree ("institution_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "selfie_checks_open_uq" ON "selfie_checks" USING btree ("request_id") WHERE "selfie_checks"."status" in ('pending', 'matched');