CREATE TABLE "signed_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"subscriber_certificate_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"api_client_id" uuid,
	"institution_id" uuid,
	"input_sha256" "bytea" NOT NULL,
	"output_sha256" "bytea" NOT NULL,
	"signing_time" timestamp with time zone NOT NULL,
	"sealed_pdf" "bytea",
	"download_until" timestamp with time zone,
	"downloaded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signed_documents" ADD CONSTRAINT "signed_documents_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signed_documents" ADD CONSTRAINT "signed_documents_subscriber_certificate_id_subscriber_certificates_id_fk" FOREIGN KEY ("subscriber_certificate_id") REFERENCES "public"."subscriber_certificates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signed_documents_download_idx" ON "signed_documents" USING btree ("download_until") WHERE "signed_documents"."sealed_pdf" is not null;--> statement-breakpoint
CREATE INDEX "signed_documents_account_idx" ON "signed_documents" USING btree ("account_id","created_at");