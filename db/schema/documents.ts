import { sql } from 'drizzle-orm';
import { check, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { engagements } from './billing';

/**
 * Per-engagement document settings (proposal and contract wording) and the engagement's own
 * wording of standard clauses. Both are owned by the engagement and go with it (cascade);
 * an engagement without a row prints the defaults and the standard clause texts.
 */

export const engagementDocumentSettings = sqliteTable(
  'engagement_document_settings',
  {
    engagementId: text('engagement_id')
      .primaryKey()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    executiveSummary: text('executive_summary').notNull().default(''),
    /** `YYYY-MM-DD`, or null: the proposal's issue date + 30 days. */
    proposalValidUntil: text('proposal_valid_until'),
    /** Decimal string, percent of the contract value. */
    liabilityCapPercent: text('liability_cap_percent').notNull().default('100'),
    governingLaw: text('governing_law').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    check(
      'engagement_document_settings_valid_until',
      sql`${t.proposalValidUntil} IS NULL OR ${t.proposalValidUntil} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`,
    ),
    check(
      'engagement_document_settings_cap',
      sql`length(${t.liabilityCapPercent}) BETWEEN 1 AND 20`,
    ),
  ],
);

export const engagementClauses = sqliteTable(
  'engagement_clauses',
  {
    engagementId: text('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    clauseKey: text('clause_key').notNull(),
    language: text('language', { enum: ['en', 'zh-CN'] }).notNull(),
    text: text('text').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.engagementId, t.clauseKey, t.language] }),
    check(
      'engagement_clauses_key',
      sql`${t.clauseKey} IN ('acceptance', 'liability', 'confidentiality', 'intellectualProperty', 'termination', 'governingLaw', 'slaExclusions', 'proposalTerms')`,
    ),
    check('engagement_clauses_language', sql`${t.language} IN ('en', 'zh-CN')`),
    check('engagement_clauses_text', sql`length(${t.text}) BETWEEN 1 AND 20000`),
  ],
);

export type EngagementDocumentSettingsRow = typeof engagementDocumentSettings.$inferSelect;
export type EngagementClauseRow = typeof engagementClauses.$inferSelect;
