CREATE TABLE "signing_authorisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subscriber_certificate_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"documents" integer NOT NULL,
	"remaining" integer NOT NULL,
	"sealed_key" "bytea" NOT NULL,
	"outer_layer" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signing_authorisations" ADD CONSTRAINT "signing_authorisations_subscriber_certificate_id_subscriber_certificates_id_fk" FOREIGN KEY ("subscriber_certificate_id") REFERENCES "public"."subscriber_certificates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_authorisations" ADD CONSTRAINT "signing_authorisations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signing_authorisations_expiry_idx" ON "signing_authorisations" USING btree ("expires_at");