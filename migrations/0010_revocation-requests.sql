CREATE TABLE "revocation_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subscriber_certificate_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"confirmed_with" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"reject_reason" text
);
--> statement-breakpoint
ALTER TABLE "revocation_requests" ADD CONSTRAINT "revocation_requests_subscriber_certificate_id_subscriber_certificates_id_fk" FOREIGN KEY ("subscriber_certificate_id") REFERENCES "public"."subscriber_certificates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revocation_requests" ADD CONSTRAINT "revocation_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revocation_requests" ADD CONSTRAINT "revocation_requests_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "revocation_requests_queue_idx" ON "revocation_requests" USING btree ("institution_id","status","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "revocation_requests_pending_uq" ON "revocation_requests" USING btree ("subscriber_certificate_id") WHERE "revocation_requests"."status" = 'pending';