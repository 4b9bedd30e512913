CREATE TABLE `sla_period_results` (
	`clause_id` text NOT NULL,
	`period` text NOT NULL,
	`engine` text NOT NULL,
	`start_at` text NOT NULL,
	`end_at` text NOT NULL,
	`measured` text,
	`met` integer,
	`credit_percent` real NOT NULL,
	`credit_minor` integer NOT NULL,
	`incident_count` integer NOT NULL,
	PRIMARY KEY(`clause_id`, `period`)
);
--> statement-breakpoint
-- A clause's computed periods go whenever anything they were computed from is written
-- (hand-written below drizzle-kit's output: it has no triggers). A later rebuild of
-- sla_clauses, sla_incidents or sla_measurements must re-create these.
CREATE TRIGGER `sla_period_results_clause_insert` AFTER INSERT ON `sla_clauses`
BEGIN DELETE FROM `sla_period_results` WHERE `clause_id` = NEW.`id`; END;--> statement-breakpoint
CREATE TRIGGER `sla_period_results_clause_update` AFTER UPDATE ON `sla_clauses`
BEGIN DELETE FROM `sla_period_results` WHERE `clause_id` IN (OLD.`id`, NEW.`id`); END;--> statement-breakpoint
CREATE TRIGGER `sla_period_results_clause_delete` AFTER DELETE ON `sla_clauses`
BEGIN DELETE FROM `sla_period_results` WHERE `clause_id` = OLD.`id`; END;--> statement-breakpoint
CREATE TRIGGER `sla_period_results_incident_insert` AFTER INSERT ON `sla_incidents`
BEGIN DELETE FROM `sla_period_results` WHERE `clause_id` = NEW.`clause_id`; END;--> statement-breakpoint
CREATE TRIGGER `sla_period_results_incident_update` AFTER UPDATE ON `sla_incidents`
BEGIN DELETE FROM `sla_period_results` WHERE `clause_id` IN (OLD.`clause_id`, NEW.`clause_id`); END;--> statement-breakpoint
CREATE TRIGGER `sla_period_results_incident_delete` AFTER DELETE ON `sla_incidents`
BEGIN DELETE FROM `sla_period_results` WHERE `clause_id` = OLD.`clause_id`; END;--> statement-breakpoint
CREATE TRIGGER `sla_period_results_measurement_insert` AFTER INSERT ON `sla_measurements`
BEGIN DELETE FROM `sla_period_results` WHERE `clause_id` = NEW.`clause_id`; END;--> statement-breakpoint
CREATE TRIGGER `sla_period_results_measurement_update` AFTER UPDATE ON `sla_measurements`
BEGIN DELETE FROM `sla_period_results` WHERE `clause_id` IN (OLD.`clause_id`, NEW.`clause_id`); END;--> statement-breakpoint
CREATE TRIGGER `sla_period_results_measurement_delete` AFTER DELETE ON `sla_measurements`
BEGIN DELETE FROM `sla_period_results` WHERE `clause_id` = OLD.`clause_id`; END;
