CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`actor_name` text DEFAULT '' NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`parent_id` text,
	`action` text NOT NULL,
	`summary` text NOT NULL,
	CONSTRAINT "audit_log_actor" CHECK("audit_log"."actor" IN ('user', 'system')),
	CONSTRAINT "audit_log_entity" CHECK("audit_log"."entity" IN ('invoice', 'credit_note', 'engagement', 'milestone')),
	CONSTRAINT "audit_log_action" CHECK(length("audit_log"."action") BETWEEN 1 AND 64),
	CONSTRAINT "audit_log_summary" CHECK(json_valid("audit_log"."summary"))
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_parent_idx` ON `audit_log` (`parent_id`,`at`);--> statement-breakpoint
DROP INDEX `engagements_stage_idx`;--> statement-breakpoint
CREATE INDEX `engagements_stage_idx` ON `engagements` (`stage`,`currency`,`contract_value_minor`);--> statement-breakpoint
CREATE INDEX `debt_items_client_portfolio_idx` ON `debt_items` (`client_id`,`currency`,`status`,`impact`,`pv_carry_minor`,`fix_cost_minor`,`net_benefit_minor`,`fix_days_likely`,`quarterly_cost_likely_minor`,`quarterly_cost_low_minor`,`quarterly_cost_high_minor`,`growth_per_quarter`,`fix_days_low`,`fix_days_high`,`day_rate_minor`,`residual_fraction`,`lag_quarters`);--> statement-breakpoint
CREATE INDEX `credit_notes_revenue_idx` ON `credit_notes` (`currency`,`issue_date`,`total_minor`);--> statement-breakpoint
CREATE INDEX `invoices_revenue_idx` ON `invoices` (`currency`,`issue_date`,`status`,`total_minor`);--> statement-breakpoint
CREATE INDEX `payments_currency_date_idx` ON `payments` (`currency`,`date`,`amount_minor`);--> statement-breakpoint
-- Append-only, enforced by SQLite itself (hand-written below drizzle-kit's output: it has no
-- triggers). A later rebuild of this table must re-create both.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: an entry cannot be changed'); END;--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: an entry cannot be deleted'); END;
