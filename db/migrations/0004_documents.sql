CREATE TABLE `engagement_clauses` (
	`engagement_id` text NOT NULL,
	`clause_key` text NOT NULL,
	`language` text NOT NULL,
	`text` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`engagement_id`, `clause_key`, `language`),
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "engagement_clauses_key" CHECK("engagement_clauses"."clause_key" IN ('acceptance', 'liability', 'confidentiality', 'intellectualProperty', 'termination', 'governingLaw', 'slaExclusions', 'proposalTerms')),
	CONSTRAINT "engagement_clauses_language" CHECK("engagement_clauses"."language" IN ('en', 'zh-CN')),
	CONSTRAINT "engagement_clauses_text" CHECK(length("engagement_clauses"."text") BETWEEN 1 AND 20000)
);
--> statement-breakpoint
CREATE TABLE `engagement_document_settings` (
	`engagement_id` text PRIMARY KEY NOT NULL,
	`executive_summary` text DEFAULT '' NOT NULL,
	`proposal_valid_until` text,
	`liability_cap_percent` text DEFAULT '100' NOT NULL,
	`governing_law` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "engagement_document_settings_valid_until" CHECK("engagement_document_settings"."proposal_valid_until" IS NULL OR "engagement_document_settings"."proposal_valid_until" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "engagement_document_settings_cap" CHECK(length("engagement_document_settings"."liability_cap_percent") BETWEEN 1 AND 20)
);
--> statement-breakpoint
ALTER TABLE `consultant_profile` ADD `accent_color` text CHECK(length(accent_color) = 7 AND accent_color GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]') DEFAULT '#1F6FEB' NOT NULL;--> statement-breakpoint
ALTER TABLE `consultant_profile` ADD `document_footer` text DEFAULT '' NOT NULL;