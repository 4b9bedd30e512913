CREATE TABLE `sla_clauses` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`metric` text NOT NULL,
	`subject_en` text DEFAULT '' NOT NULL,
	`subject_zh` text DEFAULT '' NOT NULL,
	`custom_name_en` text DEFAULT '' NOT NULL,
	`custom_name_zh` text DEFAULT '' NOT NULL,
	`target` text NOT NULL,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`window_kind` text NOT NULL,
	`window_days` integer,
	`time_zone` text NOT NULL,
	`service_hours` text NOT NULL,
	`percentile` real NOT NULL,
	`percentile_method` text NOT NULL,
	`support_priority` text,
	`exclude_maintenance` integer NOT NULL,
	`exclude_client_caused` integer NOT NULL,
	`exclude_force_majeure` integer NOT NULL,
	`credit_tiers` text NOT NULL,
	`per_incident_cap_minor` integer,
	`per_period_cap_percent` text,
	`monthly_fee_minor` integer NOT NULL,
	`claim_window_days` integer NOT NULL,
	`wording_en` text,
	`wording_zh` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "sla_clauses_metric" CHECK("sla_clauses"."metric" IN ('availability', 'latency-percentile', 'mttr', 'support-response', 'rpo', 'rto', 'error-rate', 'sync-lag', 'custom')),
	CONSTRAINT "sla_clauses_direction" CHECK("sla_clauses"."direction" IN ('at-least', 'at-most')),
	CONSTRAINT "sla_clauses_window" CHECK(("sla_clauses"."window_kind" IN ('calendar-month', 'quarter') AND "sla_clauses"."window_days" IS NULL) OR ("sla_clauses"."window_kind" = 'rolling-days' AND typeof("sla_clauses"."window_days") = 'integer' AND "sla_clauses"."window_days" BETWEEN 1 AND 366)),
	CONSTRAINT "sla_clauses_money_integer" CHECK(typeof("sla_clauses"."monthly_fee_minor") = 'integer' AND "sla_clauses"."monthly_fee_minor" >= 0 AND ("sla_clauses"."per_incident_cap_minor" IS NULL OR (typeof("sla_clauses"."per_incident_cap_minor") = 'integer' AND "sla_clauses"."per_incident_cap_minor" >= 0))),
	CONSTRAINT "sla_clauses_claim_window" CHECK(typeof("sla_clauses"."claim_window_days") = 'integer' AND "sla_clauses"."claim_window_days" BETWEEN 0 AND 365)
);
--> statement-breakpoint
CREATE INDEX `sla_clauses_engagement_idx` ON `sla_clauses` (`engagement_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sla_incidents` (
	`id` text PRIMARY KEY NOT NULL,
	`clause_id` text NOT NULL,
	`start_at` text NOT NULL,
	`end_at` text NOT NULL,
	`cause` text DEFAULT '' NOT NULL,
	`excluded` integer NOT NULL,
	`exclusion_kind` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`clause_id`) REFERENCES `sla_clauses`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "sla_incidents_order" CHECK("sla_incidents"."end_at" > "sla_incidents"."start_at"),
	CONSTRAINT "sla_incidents_exclusion" CHECK("sla_incidents"."exclusion_kind" IS NULL OR "sla_incidents"."exclusion_kind" IN ('maintenance', 'client-caused', 'force-majeure'))
);
--> statement-breakpoint
CREATE INDEX `sla_incidents_clause_start_idx` ON `sla_incidents` (`clause_id`,`start_at`);--> statement-breakpoint
CREATE TABLE `sla_measurements` (
	`id` text PRIMARY KEY NOT NULL,
	`clause_id` text NOT NULL,
	`date` text NOT NULL,
	`value` real NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`clause_id`) REFERENCES `sla_clauses`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "sla_measurements_value" CHECK("sla_measurements"."value" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sla_measurements_clause_date_unique` ON `sla_measurements` (`clause_id`,`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `credit_notes_sla_source_unique` ON `credit_notes` (`source_ref`) WHERE "credit_notes"."source" = 'sla';