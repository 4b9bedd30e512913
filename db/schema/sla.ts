import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { engagements } from './billing';
import { isInteger } from './checks';

/**
 * SLA clauses of an engagement, their incidents and measurements.
 *
 * - A clause references its engagement with RESTRICT: recorded incidents and measurements
 *   are evidence for credits, so deleting an engagement that has clauses is refused
 *   (ENGAGEMENT_HAS_DEPENDENTS via db/dependents.ts) until the clauses are deleted.
 * - Incidents and measurements are owned by their clause and cascade with it.
 * - Fee and caps are integer minor units of the engagement's currency (the clause has no
 *   currency of its own: it always follows its engagement's).
 * - Timestamps are stored as normalised UTC ISO text (`toISOString()`), so text order is
 *   time order and range queries use the index.
 */

export const slaClauses = sqliteTable(
  'sla_clauses',
  {
    id: text('id').primaryKey(),
    engagementId: text('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'restrict' }),
    label: text('label').notNull().default(''),
    metric: text('metric').notNull(),
    subjectEn: text('subject_en').notNull().default(''),
    subjectZh: text('subject_zh').notNull().default(''),
    customNameEn: text('custom_name_en').notNull().default(''),
    customNameZh: text('custom_name_zh').notNull().default(''),
    target: text('target').notNull(),
    unit: text('unit').notNull(),
    direction: text('direction').notNull(),
    windowKind: text('window_kind').notNull(),
    windowDays: integer('window_days'),
    timeZone: text('time_zone').notNull(),
    /** core/sla ServiceHours as JSON. */
    serviceHours: text('service_hours').notNull(),
    percentile: real('percentile').notNull(),
    percentileMethod: text('percentile_method').notNull(),
    supportPriority: text('support_priority'),
    excludeMaintenance: integer('exclude_maintenance', { mode: 'boolean' }).notNull(),
    excludeClientCaused: integer('exclude_client_caused', { mode: 'boolean' }).notNull(),
    excludeForceMajeure: integer('exclude_force_majeure', { mode: 'boolean' }).notNull(),
    /** Canonical credit tiers as JSON, shallowest first. */
    creditTiers: text('credit_tiers').notNull(),
    perIncidentCapMinor: integer('per_incident_cap_minor'),
    perPeriodCapPercent: text('per_period_cap_percent'),
    monthlyFeeMinor: integer('monthly_fee_minor').notNull(),
    claimWindowDays: integer('claim_window_days').notNull(),
    wordingEn: text('wording_en'),
    wordingZh: text('wording_zh'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('sla_clauses_engagement_idx').on(t.engagementId, t.createdAt),
    check(
      'sla_clauses_metric',
      sql`${t.metric} IN ('availability', 'latency-percentile', 'mttr', 'support-response', 'rpo', 'rto', 'error-rate', 'sync-lag', 'custom')`,
    ),
    check('sla_clauses_direction', sql`${t.direction} IN ('at-least', 'at-most')`),
    check(
      'sla_clauses_window',
      sql`(${t.windowKind} IN ('calendar-month', 'quarter') AND ${t.windowDays} IS NULL) OR (${t.windowKind} = 'rolling-days' AND typeof(${t.windowDays}) = 'integer' AND ${t.windowDays} BETWEEN 1 AND 366)`,
    ),
    check(
      'sla_clauses_money_integer',
      sql`${isInteger(t.monthlyFeeMinor)} AND ${t.monthlyFeeMinor} >= 0 AND (${t.perIncidentCapMinor} IS NULL OR (${isInteger(t.perIncidentCapMinor)} AND ${t.perIncidentCapMinor} >= 0))`,
    ),
    check(
      'sla_clauses_claim_window',
      sql`typeof(${t.claimWindowDays}) = 'integer' AND ${t.claimWindowDays} BETWEEN 0 AND 365`,
    ),
  ],
);

export const slaIncidents = sqliteTable(
  'sla_incidents',
  {
    id: text('id').primaryKey(),
    clauseId: text('clause_id')
      .notNull()
      .references(() => slaClauses.id, { onDelete: 'cascade' }),
    startAt: text('start_at').notNull(),
    endAt: text('end_at').notNull(),
    cause: text('cause').notNull().default(''),
    excluded: integer('excluded', { mode: 'boolean' }).notNull(),
    exclusionKind: text('exclusion_kind'),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('sla_incidents_clause_start_idx').on(t.clauseId, t.startAt),
    check('sla_incidents_order', sql`${t.endAt} > ${t.startAt}`),
    check(
      'sla_incidents_exclusion',
      sql`${t.exclusionKind} IS NULL OR ${t.exclusionKind} IN ('maintenance', 'client-caused', 'force-majeure')`,
    ),
  ],
);

export const slaMeasurements = sqliteTable(
  'sla_measurements',
  {
    id: text('id').primaryKey(),
    clauseId: text('clause_id')
      .notNull()
      .references(() => slaClauses.id, { onDelete: 'cascade' }),
    /** Local day in the clause's time zone. */
    date: text('date').notNull(),
    value: real('value').notNull(),
    note: text('note').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('sla_measurements_clause_date_unique').on(t.clauseId, t.date),
    check('sla_measurements_value', sql`${t.value} >= 0`),
  ],
);

/**
 * SLA periods already computed: a derived copy, never the record. One row per clause and
 * period key, holding what a compliance timeline shows (services/sla/compliance.ts), so the
 * dashboard need not compute three years of clause-months again each time the app opens.
 *
 * - Kept right by SQLite itself: triggers (hand-written in migration 0006, which a later
 *   rebuild of these tables must re-create) delete a clause's rows whenever its clause,
 *   incidents or measurements are inserted, changed or deleted, by any connection (the
 *   CLI, an import, undo), in the same transaction as the write.
 * - `engine` names the compliance code and time-zone data that computed the row; rows of
 *   another engine are ignored and replaced, so an upgrade never serves old results.
 * - No foreign key on purpose: the rows are nobody's dependents (db/dependents.ts) and undo
 *   never restores them; the clause triggers remove them instead. Not part of a workspace
 *   export (services/workspace/tables.ts `DERIVED_TABLES`).
 */
export const slaPeriodResults = sqliteTable(
  'sla_period_results',
  {
    clauseId: text('clause_id').notNull(),
    period: text('period').notNull(),
    engine: text('engine').notNull(),
    startAt: text('start_at').notNull(),
    endAt: text('end_at').notNull(),
    measured: text('measured'),
    met: integer('met', { mode: 'boolean' }),
    creditPercent: real('credit_percent').notNull(),
    creditMinor: integer('credit_minor').notNull(),
    incidentCount: integer('incident_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clauseId, t.period] })],
);

export type SlaClauseRow = typeof slaClauses.$inferSelect;
export type SlaIncidentRow = typeof slaIncidents.$inferSelect;
export type SlaMeasurementRow = typeof slaMeasurements.$inferSelect;
