CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"target" text,
	"details" jsonb NOT NULL,
	"seq" bigint,
	"prev_hash" "bytea",
	"hash" "bytea"
);
--> statement-breakpoint
CREATE TABLE "authorities" (
	"id" text PRIMARY KEY NOT NULL,
	"parent_id" text,
	"kind" text NOT NULL,
	"subject_dn" text NOT NULL,
	"key_id" uuid NOT NULL,
	"certificate_der" "bytea" NOT NULL,
	"key_hash_sha1" "bytea" NOT NULL,
	"name_hash_sha1" "bytea" NOT NULL,
	"crl_number" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"authority_id" text NOT NULL,
	"serial" text NOT NULL,
	"profile" text NOT NULL,
	"status" text NOT NULL,
	"subject_dn" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"tbs_der" "bytea" NOT NULL,
	"der" "bytea",
	"revoked_at" timestamp with time zone,
	"revocation_reason" smallint,
	"invalidity_date" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "crls" (
	"authority_id" text NOT NULL,
	"number" bigint NOT NULL,
	"this_update" timestamp with time zone NOT NULL,
	"next_update" timestamp with time zone NOT NULL,
	"entries" bigint NOT NULL,
	"der" "bytea" NOT NULL,
	CONSTRAINT "crls_authority_id_number_pk" PRIMARY KEY("authority_id","number")
);
--> statement-breakpoint
CREATE TABLE "delegated_signers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"authority_id" text NOT NULL,
	"purpose" text NOT NULL,
	"key_id" uuid NOT NULL,
	"serial" text NOT NULL,
	"certificate_der" "bytea" NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"backend" text NOT NULL,
	"algorithm" text NOT NULL,
	"label" text NOT NULL,
	"public_key" "bytea" NOT NULL,
	"wrapped_private_key" "bytea",
	"handle" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ocsp_responses" (
	"authority_id" text NOT NULL,
	"serial" text NOT NULL,
	"der" "bytea" NOT NULL,
	"this_update" timestamp with time zone NOT NULL,
	"next_update" timestamp with time zone NOT NULL,
	CONSTRAINT "ocsp_responses_authority_id_serial_pk" PRIMARY KEY("authority_id","serial")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "authorities" ADD CONSTRAINT "authorities_key_id_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crls" ADD CONSTRAINT "crls_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegated_signers" ADD CONSTRAINT "delegated_signers_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegated_signers" ADD CONSTRAINT "delegated_signers_key_id_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocsp_responses" ADD CONSTRAINT "ocsp_responses_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_seq_uq" ON "audit_events" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_events_unsealed_idx" ON "audit_events" USING btree ("id") WHERE "audit_events"."seq" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_authority_serial_uq" ON "certificates" USING btree ("authority_id","serial");--> statement-breakpoint
CREATE INDEX "certificates_revoked_idx" ON "certificates" USING btree ("authority_id") WHERE "certificates"."revoked_at" is not null;--> statement-breakpoint
CREATE INDEX "certificates_pending_idx" ON "certificates" USING btree ("created_at") WHERE "certificates"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "delegated_signers_authority_idx" ON "delegated_signers" USING btree ("authority_id","purpose");--> statement-breakpoint
CREATE INDEX "ocsp_responses_this_update_idx" ON "ocsp_responses" USING btree ("this_update");