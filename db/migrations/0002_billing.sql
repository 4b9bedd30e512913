CREATE TABLE `consultant_profile` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`business_name` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`tax_id` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`bank_details` text DEFAULT '' NOT NULL,
	`payment_instructions` text DEFAULT '' NOT NULL,
	`logo_mime_type` text,
	`logo_base64` text,
	`default_currency` text NOT NULL,
	`default_payment_terms_days` integer NOT NULL,
	`default_tax_rate_percent` text NOT NULL,
	`invoice_number_pattern` text NOT NULL,
	`credit_note_number_pattern` text NOT NULL,
	`late_interest_annual_rate` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "consultant_profile_single_row" CHECK("consultant_profile"."id" = 1),
	CONSTRAINT "consultant_profile_currency_iso" CHECK(length("consultant_profile"."default_currency") = 3 AND upper("consultant_profile"."default_currency") = "consultant_profile"."default_currency"),
	CONSTRAINT "consultant_profile_terms" CHECK(typeof("consultant_profile"."default_payment_terms_days") = 'integer' AND "consultant_profile"."default_payment_terms_days" BETWEEN 0 AND 365),
	CONSTRAINT "consultant_profile_logo" CHECK(("consultant_profile"."logo_mime_type" IS NULL AND "consultant_profile"."logo_base64" IS NULL) OR ("consultant_profile"."logo_mime_type" IN ('image/png', 'image/jpeg') AND "consultant_profile"."logo_base64" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE `credit_note_lines` (
	`credit_note_id` text NOT NULL,
	`position` integer NOT NULL,
	`description` text NOT NULL,
	`quantity` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`discount_percent` text,
	`discount_amount_minor` integer,
	`tax_rate_percent` text NOT NULL,
	`discount_minor` integer NOT NULL,
	`amount_minor` integer NOT NULL,
	`net_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`gross_minor` integer NOT NULL,
	PRIMARY KEY(`credit_note_id`, `position`),
	FOREIGN KEY (`credit_note_id`) REFERENCES `credit_notes`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "credit_note_lines_money_integer" CHECK(typeof("credit_note_lines"."unit_price_minor") = 'integer' AND typeof("credit_note_lines"."discount_minor") = 'integer' AND typeof("credit_note_lines"."amount_minor") = 'integer' AND typeof("credit_note_lines"."net_minor") = 'integer' AND typeof("credit_note_lines"."tax_minor") = 'integer' AND typeof("credit_note_lines"."gross_minor") = 'integer')
);
--> statement-breakpoint
CREATE TABLE `credit_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`invoice_id` text NOT NULL,
	`client_id` text NOT NULL,
	`engagement_id` text,
	`currency` text NOT NULL,
	`tax_mode` text NOT NULL,
	`issue_date` text NOT NULL,
	`reason` text NOT NULL,
	`source` text NOT NULL,
	`source_ref` text,
	`client_name` text NOT NULL,
	`seller_snapshot` text NOT NULL,
	`buyer_snapshot` text NOT NULL,
	`subtotal_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "credit_notes_money_integer" CHECK(typeof("credit_notes"."subtotal_minor") = 'integer' AND typeof("credit_notes"."tax_minor") = 'integer' AND typeof("credit_notes"."total_minor") = 'integer' AND "credit_notes"."total_minor" = "credit_notes"."subtotal_minor" + "credit_notes"."tax_minor" AND "credit_notes"."total_minor" > 0),
	CONSTRAINT "credit_notes_source" CHECK("credit_notes"."source" IN ('manual', 'sla')),
	CONSTRAINT "credit_notes_currency_iso" CHECK(length("credit_notes"."currency") = 3 AND upper("credit_notes"."currency") = "credit_notes"."currency")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credit_notes_number_unique` ON `credit_notes` (`number`);--> statement-breakpoint
CREATE INDEX `credit_notes_invoice_idx` ON `credit_notes` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `credit_notes_created_idx` ON `credit_notes` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `engagement_debt_items` (
	`engagement_id` text NOT NULL,
	`debt_item_id` text NOT NULL,
	PRIMARY KEY(`engagement_id`, `debt_item_id`),
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`debt_item_id`) REFERENCES `debt_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `engagement_debt_items_item_idx` ON `engagement_debt_items` (`debt_item_id`);--> statement-breakpoint
CREATE TABLE `engagements` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`stage` text NOT NULL,
	`currency` text NOT NULL,
	`contract_value_minor` integer NOT NULL,
	`start_date` text,
	`end_date` text,
	`scope` text DEFAULT '' NOT NULL,
	`deliverables` text DEFAULT '' NOT NULL,
	`tax_rate_percent` text NOT NULL,
	`payment_terms_days` integer,
	`notes` text DEFAULT '' NOT NULL,
	`schedule_basis` text,
	`search_text` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "engagements_value_integer" CHECK(typeof("engagements"."contract_value_minor") = 'integer' AND "engagements"."contract_value_minor" >= 0),
	CONSTRAINT "engagements_currency_iso" CHECK(length("engagements"."currency") = 3 AND upper("engagements"."currency") = "engagements"."currency"),
	CONSTRAINT "engagements_type" CHECK("engagements"."type" IN ('fixed_price', 'time_and_materials', 'retainer', 'subscription')),
	CONSTRAINT "engagements_stage" CHECK("engagements"."stage" IN ('lead', 'proposal_sent', 'won', 'active', 'completed', 'lost', 'cancelled')),
	CONSTRAINT "engagements_terms" CHECK("engagements"."payment_terms_days" IS NULL OR (typeof("engagements"."payment_terms_days") = 'integer' AND "engagements"."payment_terms_days" BETWEEN 0 AND 365)),
	CONSTRAINT "engagements_schedule_basis" CHECK("engagements"."schedule_basis" IS NULL OR "engagements"."schedule_basis" IN ('percent', 'amount'))
);
--> statement-breakpoint
CREATE INDEX `engagements_client_idx` ON `engagements` (`client_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `engagements_updated_idx` ON `engagements` (`updated_at`);--> statement-breakpoint
CREATE INDEX `engagements_stage_idx` ON `engagements` (`stage`);--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`invoice_id` text NOT NULL,
	`position` integer NOT NULL,
	`description` text NOT NULL,
	`quantity` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`discount_percent` text,
	`discount_amount_minor` integer,
	`tax_rate_percent` text NOT NULL,
	`discount_minor` integer NOT NULL,
	`amount_minor` integer NOT NULL,
	`net_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`gross_minor` integer NOT NULL,
	PRIMARY KEY(`invoice_id`, `position`),
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "invoice_lines_money_integer" CHECK(typeof("invoice_lines"."unit_price_minor") = 'integer' AND typeof("invoice_lines"."discount_minor") = 'integer' AND typeof("invoice_lines"."amount_minor") = 'integer' AND typeof("invoice_lines"."net_minor") = 'integer' AND typeof("invoice_lines"."tax_minor") = 'integer' AND typeof("invoice_lines"."gross_minor") = 'integer')
);
--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`client_id` text NOT NULL,
	`engagement_id` text,
	`milestone_id` text,
	`currency` text NOT NULL,
	`tax_mode` text NOT NULL,
	`issue_date` text,
	`supply_date` text,
	`due_date` text,
	`payment_terms_days` integer NOT NULL,
	`client_name` text NOT NULL,
	`seller_snapshot` text,
	`buyer_snapshot` text,
	`notes` text DEFAULT '' NOT NULL,
	`payment_instructions` text DEFAULT '' NOT NULL,
	`unaccepted_reason` text,
	`void_reason` text,
	`subtotal_minor` integer DEFAULT 0 NOT NULL,
	`tax_minor` integer DEFAULT 0 NOT NULL,
	`total_minor` integer DEFAULT 0 NOT NULL,
	`deposit_minor` integer DEFAULT 0 NOT NULL,
	`amount_due_minor` integer DEFAULT 0 NOT NULL,
	`credited_minor` integer DEFAULT 0 NOT NULL,
	`paid_minor` integer DEFAULT 0 NOT NULL,
	`balance_minor` integer DEFAULT 0 NOT NULL,
	`previously_invoiced_minor` integer,
	`search_text` text DEFAULT '' NOT NULL,
	`issued_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "invoices_money_integer" CHECK(typeof("invoices"."subtotal_minor") = 'integer' AND typeof("invoices"."tax_minor") = 'integer' AND typeof("invoices"."total_minor") = 'integer' AND typeof("invoices"."deposit_minor") = 'integer' AND typeof("invoices"."amount_due_minor") = 'integer' AND typeof("invoices"."credited_minor") = 'integer' AND typeof("invoices"."paid_minor") = 'integer' AND typeof("invoices"."balance_minor") = 'integer'),
	CONSTRAINT "invoices_previously_integer" CHECK("invoices"."previously_invoiced_minor" IS NULL OR typeof("invoices"."previously_invoiced_minor") = 'integer'),
	CONSTRAINT "invoices_amounts" CHECK("invoices"."total_minor" = "invoices"."subtotal_minor" + "invoices"."tax_minor" AND "invoices"."amount_due_minor" = "invoices"."total_minor" - "invoices"."deposit_minor" AND "invoices"."balance_minor" = "invoices"."amount_due_minor" - "invoices"."credited_minor" - "invoices"."paid_minor" AND "invoices"."paid_minor" >= 0 AND "invoices"."credited_minor" >= 0 AND "invoices"."credited_minor" <= "invoices"."total_minor" AND "invoices"."deposit_minor" >= 0),
	CONSTRAINT "invoices_currency_iso" CHECK(length("invoices"."currency") = 3 AND upper("invoices"."currency") = "invoices"."currency"),
	CONSTRAINT "invoices_kind" CHECK("invoices"."kind" IN ('milestone', 'time_and_materials', 'manual')),
	CONSTRAINT "invoices_status" CHECK("invoices"."status" IN ('draft', 'issued', 'partly_paid', 'paid', 'void')),
	CONSTRAINT "invoices_tax_mode" CHECK("invoices"."tax_mode" IN ('exclusive', 'inclusive')),
	CONSTRAINT "invoices_numbered" CHECK(("invoices"."status" = 'draft' AND "invoices"."number" IS NULL) OR ("invoices"."status" <> 'draft' AND "invoices"."number" IS NOT NULL AND "invoices"."issue_date" IS NOT NULL AND "invoices"."due_date" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_unique` ON `invoices` (`number`);--> statement-breakpoint
CREATE INDEX `invoices_created_idx` ON `invoices` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_issue_date_idx` ON `invoices` (`issue_date`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_due_date_idx` ON `invoices` (`due_date`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_client_name_idx` ON `invoices` ("client_name" COLLATE NOCASE,`id`);--> statement-breakpoint
CREATE INDEX `invoices_total_idx` ON `invoices` (`total_minor`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_balance_idx` ON `invoices` (`balance_minor`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_status_created_idx` ON `invoices` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_client_idx` ON `invoices` (`client_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `invoices_engagement_idx` ON `invoices` (`engagement_id`,`status`);--> statement-breakpoint
CREATE INDEX `invoices_milestone_idx` ON `invoices` (`milestone_id`);--> statement-breakpoint
CREATE INDEX `invoices_search_idx` ON `invoices` (`search_text`);--> statement-breakpoint
CREATE INDEX `invoices_open_idx` ON `invoices` (`status`,`due_date`,`currency`,`balance_minor`);--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`percent` text,
	`amount_minor` integer NOT NULL,
	`deliverable` text DEFAULT '' NOT NULL,
	`acceptance_criteria` text DEFAULT '' NOT NULL,
	`planned_date` text,
	`status` text NOT NULL,
	`ready_at` text,
	`accepted_date` text,
	`accepted_by` text,
	`acceptance_note` text,
	`acceptance_recorded_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "milestones_amount_integer" CHECK(typeof("milestones"."amount_minor") = 'integer' AND "milestones"."amount_minor" >= 0),
	CONSTRAINT "milestones_status" CHECK("milestones"."status" IN ('planned', 'ready', 'accepted', 'invoiced', 'paid'))
);
--> statement-breakpoint
CREATE INDEX `milestones_engagement_idx` ON `milestones` (`engagement_id`,`position`);--> statement-breakpoint
CREATE INDEX `milestones_status_planned_idx` ON `milestones` (`status`,`planned_date`);--> statement-breakpoint
CREATE TABLE `number_series` (
	`series` text NOT NULL,
	`period` text NOT NULL,
	`next_value` integer NOT NULL,
	PRIMARY KEY(`series`, `period`),
	CONSTRAINT "number_series_next" CHECK(typeof("number_series"."next_value") = 'integer' AND "number_series"."next_value" >= 1)
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`date` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`method` text NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "payments_amount_integer" CHECK(typeof("payments"."amount_minor") = 'integer' AND "payments"."amount_minor" > 0),
	CONSTRAINT "payments_currency_iso" CHECK(length("payments"."currency") = 3 AND upper("payments"."currency") = "payments"."currency")
);
--> statement-breakpoint
CREATE INDEX `payments_invoice_idx` ON `payments` (`invoice_id`,`date`);