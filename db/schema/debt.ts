import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clients } from './clients';

/**
 * The technical-debt register. Money is integer minor units in the item's `currency` (the
 * client's default currency when the item was created). The evaluation columns are the
 * figures of `core/techdebt`'s `evaluateDebtItem` at the likely values under the client's
 * model settings: floats (estimates, never invoiced), kept up to date by
 * `db/repositories/debt.ts` whenever an item or its client's settings change, so the register
 * sorts and totals in SQL.
 *
 * Engagements (issue 6) will link items through a join table; there is deliberately no
 * engagement column here.
 */
export const debtItems = sqliteTable(
  'debt_items',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    currency: text('currency').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    category: text('category').notNull(),
    impact: text('impact').notNull(),
    affectedSystem: text('affected_system').notNull().default(''),
    status: text('status').notNull(),
    quarterlyCostLowMinor: integer('quarterly_cost_low_minor').notNull(),
    quarterlyCostLikelyMinor: integer('quarterly_cost_likely_minor').notNull(),
    quarterlyCostHighMinor: integer('quarterly_cost_high_minor').notNull(),
    /** JSON of the contract's `CostEstimate` (the estimator's working), or null. */
    costEstimate: text('cost_estimate'),
    growthPerQuarter: real('growth_per_quarter').notNull().default(0),
    fixDaysLow: real('fix_days_low').notNull(),
    fixDaysLikely: real('fix_days_likely').notNull(),
    fixDaysHigh: real('fix_days_high').notNull(),
    dayRateMinor: integer('day_rate_minor').notNull(),
    residualFraction: real('residual_fraction').notNull().default(0),
    lagQuarters: integer('lag_quarters').notNull().default(0),
    /** JSON array of strings. */
    tags: text('tags').notNull().default('[]'),
    evidence: text('evidence').notNull().default(''),
    fixCostMinor: real('fix_cost_minor').notNull().default(0),
    pvCarryMinor: real('pv_carry_minor').notNull().default(0),
    netBenefitMinor: real('net_benefit_minor').notNull().default(0),
    roi: real('roi'),
    paybackQuarters: real('payback_quarters'),
    costOfDelayMinor: real('cost_of_delay_minor').notNull().default(0),
    cd3: real('cd3'),
    /** Lower-cased title, description, affected system and tags, kept by the repository. */
    searchText: text('search_text').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('debt_items_client_cd3_idx').on(t.clientId, t.cd3, t.id),
    index('debt_items_client_net_idx').on(t.clientId, t.netBenefitMinor, t.id),
    index('debt_items_client_updated_idx').on(t.clientId, t.updatedAt, t.id),
    index('debt_items_cd3_idx').on(t.cd3, t.id),
    index('debt_items_net_idx').on(t.netBenefitMinor, t.id),
    index('debt_items_roi_idx').on(t.roi, t.id),
    index('debt_items_payback_idx').on(t.paybackQuarters, t.id),
    index('debt_items_cost_idx').on(t.quarterlyCostLikelyMinor, t.id),
    index('debt_items_updated_idx').on(t.updatedAt, t.id),
    index('debt_items_title_idx').on(sql`${t.title} COLLATE NOCASE`, t.id),
    index('debt_items_status_idx').on(t.status),
    // Covering indexes for the totals row: SUMs read these narrow entries, not the wide rows.
    index('debt_items_totals_idx').on(
      t.currency,
      t.pvCarryMinor,
      t.fixCostMinor,
      t.netBenefitMinor,
    ),
    // Covers a text search's totals: one pass over search text and figures, not wide rows.
    index('debt_items_search_totals_idx').on(
      t.searchText,
      t.currency,
      t.pvCarryMinor,
      t.fixCostMinor,
      t.netBenefitMinor,
    ),
    index('debt_items_status_totals_idx').on(
      t.status,
      t.currency,
      t.pvCarryMinor,
      t.fixCostMinor,
      t.netBenefitMinor,
    ),
    // Covers the client dashboard (issue 8): its sums per currency, status and impact, and
    // the estimates its carrying-vs-fixing band reads of the portfolio's items. One index
    // for both: as fast to read as two narrower ones, and one less to write.
    index('debt_items_client_portfolio_idx').on(
      t.clientId,
      t.currency,
      t.status,
      t.impact,
      t.pvCarryMinor,
      t.fixCostMinor,
      t.netBenefitMinor,
      t.fixDaysLikely,
      t.quarterlyCostLikelyMinor,
      t.quarterlyCostLowMinor,
      t.quarterlyCostHighMinor,
      t.growthPerQuarter,
      t.fixDaysLow,
      t.fixDaysHigh,
      t.dayRateMinor,
      t.residualFraction,
      t.lagQuarters,
    ),
    check(
      'debt_items_cost_integer',
      sql`typeof(${t.quarterlyCostLowMinor}) = 'integer' AND typeof(${t.quarterlyCostLikelyMinor}) = 'integer' AND typeof(${t.quarterlyCostHighMinor}) = 'integer'`,
    ),
    check(
      'debt_items_cost_ordered',
      sql`0 <= ${t.quarterlyCostLowMinor} AND ${t.quarterlyCostLowMinor} <= ${t.quarterlyCostLikelyMinor} AND ${t.quarterlyCostLikelyMinor} <= ${t.quarterlyCostHighMinor}`,
    ),
    check(
      'debt_items_days_ordered',
      sql`0 <= ${t.fixDaysLow} AND ${t.fixDaysLow} <= ${t.fixDaysLikely} AND ${t.fixDaysLikely} <= ${t.fixDaysHigh}`,
    ),
    check(
      'debt_items_day_rate_integer',
      sql`typeof(${t.dayRateMinor}) = 'integer' AND ${t.dayRateMinor} >= 0`,
    ),
    check('debt_items_residual', sql`${t.residualFraction} BETWEEN 0 AND 1`),
    check('debt_items_lag', sql`typeof(${t.lagQuarters}) = 'integer' AND ${t.lagQuarters} >= 0`),
    check(
      'debt_items_currency_iso',
      sql`length(${t.currency}) = 3 AND upper(${t.currency}) = ${t.currency}`,
    ),
    check(
      'debt_items_category',
      sql`${t.category} IN ('architecture', 'code', 'infrastructure', 'testing', 'security', 'data', 'process')`,
    ),
    check('debt_items_impact', sql`${t.impact} IN ('critical', 'high', 'medium', 'low')`),
    check(
      'debt_items_status',
      sql`${t.status} IN ('identified', 'proposed', 'accepted', 'in_progress', 'fixed', 'wont_fix')`,
    ),
  ],
);

/**
 * A client's model settings; a client without a row uses `DEFAULT_DEBT_SETTINGS`. Owned by
 * the client (cascade), so settings alone never stop a client from being deleted.
 */
export const debtModelSettings = sqliteTable(
  'debt_model_settings',
  {
    clientId: text('client_id')
      .primaryKey()
      .references(() => clients.id, { onDelete: 'cascade' }),
    annualDiscountRate: real('annual_discount_rate').notNull(),
    horizonQuarters: integer('horizon_quarters').notNull(),
    rateMode: text('rate_mode').notNull(),
    distribution: text('distribution').notNull(),
  },
  (t) => [
    check('debt_settings_rate', sql`${t.annualDiscountRate} BETWEEN 0 AND 1`),
    check('debt_settings_horizon', sql`${t.horizonQuarters} BETWEEN 1 AND 200`),
    check('debt_settings_rate_mode', sql`${t.rateMode} IN ('effective', 'nominal')`),
    check('debt_settings_distribution', sql`${t.distribution} IN ('pert', 'triangular')`),
  ],
);

/** The "fix first" selection saved for a proposal, one per client, owned by it (cascade). */
export const debtSelections = sqliteTable('debt_selections', {
  clientId: text('client_id')
    .primaryKey()
    .references(() => clients.id, { onDelete: 'cascade' }),
  /** JSON array of debt item ids, in fix order. */
  itemIds: text('item_ids').notNull(),
  /** JSON of the budget ({ kind: 'days', days } or { kind: 'money', amountMinor }), or null. */
  budget: text('budget'),
  savedAt: text('saved_at').notNull(),
});

export type DebtItemRow = typeof debtItems.$inferSelect;
