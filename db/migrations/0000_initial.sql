CREATE TABLE `clients` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`legal_name` text DEFAULT '' NOT NULL,
	`contact_person` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`tax_id` text DEFAULT '' NOT NULL,
	`default_currency` text NOT NULL,
	`default_day_rate_minor` integer DEFAULT 0 NOT NULL,
	`payment_terms_days` integer DEFAULT 30 NOT NULL,
	`document_language` text DEFAULT 'en' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "clients_day_rate_integer" CHECK(typeof("clients"."default_day_rate_minor") = 'integer' AND "clients"."default_day_rate_minor" >= 0),
	CONSTRAINT "clients_terms_range" CHECK("clients"."payment_terms_days" BETWEEN 0 AND 365),
	CONSTRAINT "clients_currency_iso" CHECK(length("clients"."default_currency") = 3 AND upper("clients"."default_currency") = "clients"."default_currency"),
	CONSTRAINT "clients_language" CHECK("clients"."document_language" IN ('en', 'zh-CN')),
	CONSTRAINT "clients_archived_bool" CHECK("clients"."archived" IN (0, 1))
);
--> statement-breakpoint
CREATE INDEX `clients_display_name_idx` ON `clients` ("display_name" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `clients_archived_display_name_idx` ON `clients` (`archived`,"display_name" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `clients_updated_at_idx` ON `clients` (`updated_at`);