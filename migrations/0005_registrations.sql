CREATE TABLE "change_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"sealed_changes" "bytea" NOT NULL,
	"fields" text[] NOT NULL,
	"email_confirmed_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollment_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"institution_id" uuid NOT NULL,
	"started_by" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created_rows" integer DEFAULT 0 NOT NULL,
	"refused_rows" integer DEFAULT 0 NOT NULL,
	"sealed_report" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "phone_verifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"phone_sealed" "bytea" NOT NULL,
	"phone_hash" "bytea" NOT NULL,
	"code_hash" "bytea" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone,
	"voided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "profile_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"field" text NOT NULL,
	"sealed_values" "bytea" NOT NULL,
	"changed_by" text NOT NULL,
	"cause" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"institution_id" uuid NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"source" text NOT NULL,
	"invited_by" text NOT NULL,
	"step" smallint DEFAULT 1 NOT NULL,
	"nik_sealed" "bytea",
	"nik_hash" "bytea",
	"gelar_depan" text,
	"gelar_belakang" text,
	"phone_sealed" "bytea",
	"phone_hash" "bytea",
	"phone_verified_at" timestamp with time zone,
	"phone_verified_by" text,
	"employee_type" text,
	"nip_sealed" "bytea",
	"nip_hash" "bytea",
	"nip_verified_by" text,
	"unit_organisasi" text,
	"jabatan" text,
	"province" text,
	"selfie_sealed" "bytea",
	"selfie_type" text,
	"ktp_sealed" "bytea",
	"ktp_type" text,
	"consents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"products" text[] DEFAULT '{esign}' NOT NULL,
	"submitted_at" timestamp with time zone,
	"first_approved_by" uuid,
	"first_approved_at" timestamp with time zone,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"rejected_by" uuid,
	"rejected_at" timestamp with time zone,
	"reject_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment_imports" ADD CONSTRAINT "enrollment_imports_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_verifications" ADD CONSTRAINT "phone_verifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_history" ADD CONSTRAINT "profile_history_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_first_approved_by_accounts_id_fk" FOREIGN KEY ("first_approved_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_verified_by_accounts_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_rejected_by_accounts_id_fk" FOREIGN KEY ("rejected_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "change_requests_queue_idx" ON "change_requests" USING btree ("institution_id","status","created_at");--> statement-breakpoint
CREATE INDEX "change_requests_account_idx" ON "change_requests" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "phone_verifications_account_idx" ON "phone_verifications" USING btree ("account_id","purpose");--> statement-breakpoint
CREATE INDEX "profile_history_account_idx" ON "profile_history" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_nik_uq" ON "registrations" USING btree ("nik_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_phone_uq" ON "registrations" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "registrations_nip_idx" ON "registrations" USING btree ("nip_hash");--> statement-breakpoint
CREATE INDEX "registrations_queue_idx" ON "registrations" USING btree ("institution_id","status","submitted_at");