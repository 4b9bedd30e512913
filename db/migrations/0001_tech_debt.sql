CREATE TABLE `debt_items` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`currency` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`category` text NOT NULL,
	`impact` text NOT NULL,
	`affected_system` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`quarterly_cost_low_minor` integer NOT NULL,
	`quarterly_cost_likely_minor` integer NOT NULL,
	`quarterly_cost_high_minor` integer NOT NULL,
	`cost_estimate` text,
	`growth_per_quarter` real DEFAULT 0 NOT NULL,
	`fix_days_low` real NOT NULL,
	`fix_days_likely` real NOT NULL,
	`fix_days_high` real NOT NULL,
	`day_rate_minor` integer NOT NULL,
	`residual_fraction` real DEFAULT 0 NOT NULL,
	`lag_quarters` integer DEFAULT 0 NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`fix_cost_minor` real DEFAULT 0 NOT NULL,
	`pv_carry_minor` real DEFAULT 0 NOT NULL,
	`net_benefit_minor` real DEFAULT 0 NOT NULL,
	`roi` real,
	`payback_quarters` real,
	`cost_of_delay_minor` real DEFAULT 0 NOT NULL,
	`cd3` real,
	`search_text` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "debt_items_cost_integer" CHECK(typeof("debt_items"."quarterly_cost_low_minor") = 'integer' AND typeof("debt_items"."quarterly_cost_likely_minor") = 'integer' AND typeof("debt_items"."quarterly_cost_high_minor") = 'integer'),
	CONSTRAINT "debt_items_cost_ordered" CHECK(0 <= "debt_items"."quarterly_cost_low_minor" AND "debt_items"."quarterly_cost_low_minor" <= "debt_items"."quarterly_cost_likely_minor" AND "debt_items"."quarterly_cost_likely_minor" <= "debt_items"."quarterly_cost_high_minor"),
	CONSTRAINT "debt_items_days_ordered" CHECK(0 <= "debt_items"."fix_days_low" AND "debt_items"."fix_days_low" <= "debt_items"."fix_days_likely" AND "debt_items"."fix_days_likely" <= "debt_items"."fix_days_high"),
	CONSTRAINT "debt_items_day_rate_integer" CHECK(typeof("debt_items"."day_rate_minor") = 'integer' AND "debt_items"."day_rate_minor" >= 0),
	CONSTRAINT "debt_items_residual" CHECK("debt_items"."residual_fraction" BETWEEN 0 AND 1),
	CONSTRAINT "debt_items_lag" CHECK(typeof("debt_items"."lag_quarters") = 'integer' AND "debt_items"."lag_quarters" >= 0),
	CONSTRAINT "debt_items_currency_iso" CHECK(length("debt_items"."currency") = 3 AND upper("debt_items"."currency") = "debt_items"."currency"),
	CONSTRAINT "debt_items_category" CHECK("debt_items"."category" IN ('architecture', 'code', 'infrastructure', 'testing', 'security', 'data', 'process')),
	CONSTRAINT "debt_items_impact" CHECK("debt_items"."impact" IN ('critical', 'high', 'medium', 'low')),
	CONSTRAINT "debt_items_status" CHECK("debt_items"."status" IN ('identified', 'proposed', 'accepted', 'in_progress', 'fixed', 'wont_fix'))
);
--> statement-breakpoint
CREATE INDEX `debt_items_client_cd3_idx` ON `debt_items` (`client_id`,`cd3`,`id`);--> statement-breakpoint
CREATE INDEX `debt_items_client_net_idx` ON `debt_items` (`client_id`,`net_benefit_minor`,`id`);--> statement-breakpoint
CREATE INDEX `debt_items_client_updated_idx` ON `debt_items` (`client_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `debt_items_cd3_idx` ON `debt_items` (`cd3`,`id`);--> statement-breakpoint
CREATE INDEX `debt_items_net_idx` ON `debt_items` (`net_benefit_minor`,`id`);--> statement-breakpoint
CREATE INDEX `debt_items_roi_idx` ON `debt_items` (`roi`,`id`);--> statement-breakpoint
CREATE INDEX `debt_items_payback_idx` ON `debt_items` (`payback_quarters`,`id`);--> statement-breakpoint
CREATE INDEX `debt_items_cost_idx` ON `debt_items` (`quarterly_cost_likely_minor`,`id`);--> statement-breakpoint
CREATE INDEX `debt_items_updated_idx` ON `debt_items` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `debt_items_title_idx` ON `debt_items` ("title" COLLATE NOCASE,`id`);--> statement-breakpoint
CREATE INDEX `debt_items_status_idx` ON `debt_items` (`status`);--> statement-breakpoint
CREATE INDEX `debt_items_totals_idx` ON `debt_items` (`currency`,`pv_carry_minor`,`fix_cost_minor`,`net_benefit_minor`);--> statement-breakpoint
CREATE INDEX `debt_items_search_totals_idx` ON `debt_items` (`search_text`,`currency`,`pv_carry_minor`,`fix_cost_minor`,`net_benefit_minor`);--> statement-breakpoint
CREATE INDEX `debt_items_status_totals_idx` ON `debt_items` (`status`,`currency`,`pv_carry_minor`,`fix_cost_minor`,`net_benefit_minor`);--> statement-breakpoint
CREATE TABLE `debt_model_settings` (
	`client_id` text PRIMARY KEY NOT NULL,
	`annual_discount_rate` real NOT NULL,
	`horizon_quarters` integer NOT NULL,
	`rate_mode` text NOT NULL,
	`distribution` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "debt_settings_rate" CHECK("debt_model_settings"."annual_discount_rate" BETWEEN 0 AND 1),
	CONSTRAINT "debt_settings_horizon" CHECK("debt_model_settings"."horizon_quarters" BETWEEN 1 AND 200),
	CONSTRAINT "debt_settings_rate_mode" CHECK("debt_model_settings"."rate_mode" IN ('effective', 'nominal')),
	CONSTRAINT "debt_settings_distribution" CHECK("debt_model_settings"."distribution" IN ('pert', 'triangular'))
);
--> statement-breakpoint
CREATE TABLE `debt_selections` (
	`client_id` text PRIMARY KEY NOT NULL,
	`item_ids` text NOT NULL,
	`budget` text,
	`saved_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
