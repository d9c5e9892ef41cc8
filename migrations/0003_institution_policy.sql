ALTER TABLE "institutions" ADD COLUMN "email_domains" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "province" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "self_registration" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "nip_check_required" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "four_eyes" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "name_without_titles" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "name_max_length" smallint DEFAULT 25 NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "jabatan_forbidden_characters" text DEFAULT '.()' NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "jabatan_max_length" smallint DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "unit_unabbreviated" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "unit_max_length" smallint DEFAULT 150 NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;