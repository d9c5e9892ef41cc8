CREATE TABLE "certificate_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"product" text NOT NULL,
	"kind" text DEFAULT 'new' NOT NULL,
	"status" text NOT NULL,
	"subject" jsonb NOT NULL,
	"emails" text[] DEFAULT '{}' NOT NULL,
	"document_sealed" "bytea",
	"document_name" text,
	"document_bytes" integer,
	"document_sha256" "bytea",
	"replaces_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_approved_by" uuid,
	"first_approved_at" timestamp with time zone,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"rejected_by" uuid,
	"rejected_at" timestamp with time zone,
	"reject_reason" text,
	"issued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriber_certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"product" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"enroll_method" text DEFAULT 'service' NOT NULL,
	"key_algorithm" text NOT NULL,
	"public_key" "bytea" NOT NULL,
	"sealed_key" "bytea" NOT NULL,
	"outer_layer" text NOT NULL,
	"authority_id" text,
	"serial" text,
	"not_after" timestamp with time zone,
	"replaced_by" uuid,
	"renewal_due_at" timestamp with time zone,
	"downloaded_at" timestamp with time zone,
	"expired_at" timestamp with time zone,
	"agreement_version" text NOT NULL,
	"agreement_accepted_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_tokens" ADD COLUMN "ref" uuid;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "request_ref" uuid;--> statement-breakpoint
ALTER TABLE "certificate_requests" ADD CONSTRAINT "certificate_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_requests" ADD CONSTRAINT "certificate_requests_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_requests" ADD CONSTRAINT "certificate_requests_first_approved_by_accounts_id_fk" FOREIGN KEY ("first_approved_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_requests" ADD CONSTRAINT "certificate_requests_rejected_by_accounts_id_fk" FOREIGN KEY ("rejected_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_certificates" ADD CONSTRAINT "subscriber_certificates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_certificates" ADD CONSTRAINT "subscriber_certificates_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriber_certificates" ADD CONSTRAINT "subscriber_certificates_request_id_certificate_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."certificate_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_requests_queue_idx" ON "certificate_requests" USING btree ("institution_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "certificate_requests_account_idx" ON "certificate_requests" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_requests_open_uq" ON "certificate_requests" USING btree ("account_id","product") WHERE "certificate_requests"."status" in ('submitted', 'approved');--> statement-breakpoint
CREATE INDEX "subscriber_certificates_account_idx" ON "subscriber_certificates" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "subscriber_certificates_institution_idx" ON "subscriber_certificates" USING btree ("institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriber_certificates_serial_uq" ON "subscriber_certificates" USING btree ("authority_id","serial");--> statement-breakpoint
CREATE INDEX "subscriber_certificates_pending_idx" ON "subscriber_certificates" USING btree ("created_at") WHERE "subscriber_certificates"."state" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "subscriber_certificates_request_uq" ON "subscriber_certificates" USING btree ("request_id") WHERE "subscriber_certificates"."state" in ('pending', 'active');--> statement-breakpoint
CREATE INDEX "certificates_request_ref_idx" ON "certificates" USING btree ("request_ref") WHERE "certificates"."request_ref" is not null;