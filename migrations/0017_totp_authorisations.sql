CREATE TABLE "totp_authorisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"subscriber_certificate_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"api_client_id" uuid NOT NULL,
	"parent_id" uuid,
	"documents" integer,
	"remaining" integer,
	"sealed_key" "bytea",
	"outer_layer" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "totp_authorisations" ADD CONSTRAINT "totp_authorisations_subscriber_certificate_id_subscriber_certificates_id_fk" FOREIGN KEY ("subscriber_certificate_id") REFERENCES "public"."subscriber_certificates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "totp_authorisations" ADD CONSTRAINT "totp_authorisations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "totp_authorisations" ADD CONSTRAINT "totp_authorisations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "totp_authorisations" ADD CONSTRAINT "totp_authorisations_api_client_id_api_clients_id_fk" FOREIGN KEY ("api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "totp_authorisations_certificate_idx" ON "totp_authorisations" USING btree ("subscriber_certificate_id","kind","state");--> statement-breakpoint
CREATE INDEX "totp_authorisations_expiry_idx" ON "totp_authorisations" USING btree ("expires_at");