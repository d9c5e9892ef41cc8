CREATE TABLE "time_stamp_tokens" (
	"serial" text PRIMARY KEY NOT NULL,
	"signer_serial" text NOT NULL,
	"gen_time" timestamp with time zone NOT NULL,
	"policy" text NOT NULL,
	"hash_algorithm" text NOT NULL,
	"digest" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE INDEX "time_stamp_tokens_gen_time_idx" ON "time_stamp_tokens" USING btree ("gen_time");