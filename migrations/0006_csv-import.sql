CREATE TABLE "enrollment_import_batches" (
	"import_id" uuid NOT NULL,
	"first_row" integer NOT NULL,
	"row_count" integer NOT NULL,
	"sealed_report" "bytea" NOT NULL,
	CONSTRAINT "enrollment_import_batches_import_id_first_row_pk" PRIMARY KEY("import_id","first_row")
);
--> statement-breakpoint
ALTER TABLE "enrollment_imports" ADD COLUMN "file_sha256" "bytea";--> statement-breakpoint
ALTER TABLE "enrollment_imports" ADD COLUMN "resent_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "enrollment_import_batches" ADD CONSTRAINT "enrollment_import_batches_import_id_enrollment_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."enrollment_imports"("id") ON DELETE cascade ON UPDATE no action;