import type Database from 'better-sqlite3';
import type {
  CostEstimate,
  DebtCategory,
  DebtEvaluationSummary,
  DebtItem,
  DebtModelSettings,
  DebtSortField,
  DebtStatus,
  DebtTotals,
  ImpactLevel,
} from '../../core/api/debt';
import {
  evaluateDebtItem,
  type DebtItemEvaluation,
  type DebtItemModelInput,
} from '../../core/techdebt';
import { likePattern, prepared } from './sql';

/** What a client without a settings row uses. */
export const DEFAULT_DEBT_SETTINGS: DebtModelSettings = Object.freeze({
  annualDiscountRate: 0.08,
  horizonQuarters: 12,
  rateMode: 'effective',
  distribution: 'pert',
});

/** The stored fields of an item (everything but id, client name, evaluation, timestamps). */
export interface DebtItemData {
  clientId: string;
  currency: string;
  title: string;
  description: string;
  category: DebtCategory;
  impact: ImpactLevel;
  affectedSystem: string;
  status: DebtStatus;
  quarterlyCostMinor: { low: number; likely: number; high: number };
  costEstimate: CostEstimate | null;
  growthPerQuarter: number;
  fixDays: { low: number; likely: number; high: number };
  dayRateMinor: number;
  residualFraction: number;
  lagQuarters: number;
  tags: string[];
  evidence: string;
}

export type DebtItemChanges = Partial<Omit<DebtItemData, 'clientId' | 'currency'>>;

export interface DebtFilter {
  clientId?: string | undefined;
  search: string;
  statuses: readonly DebtStatus[];
  categories: readonly DebtCategory[];
  tags: readonly string[];
}

export interface DebtQuery extends DebtFilter {
  sort: { field: DebtSortField; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

interface Row {
  id: string;
  client_id: string;
  client_name: string;
  currency: string;
  title: string;
  description: string;
  category: DebtCategory;
  impact: ImpactLevel;
  affected_system: string;
  status: DebtStatus;
  quarterly_cost_low_minor: number;
  quarterly_cost_likely_minor: number;
  quarterly_cost_high_minor: number;
  cost_estimate: string | null;
  growth_per_quarter: number;
  fix_days_low: number;
  fix_days_likely: number;
  fix_days_high: number;
  day_rate_minor: number;
  residual_fraction: number;
  lag_quarters: number;
  tags: string;
  evidence: string;
  fix_cost_minor: number;
  pv_carry_minor: number;
  net_benefit_minor: number;
  roi: number | null;
  payback_quarters: number | null;
  cost_of_delay_minor: number;
  cd3: number | null;
  created_at: string;
  updated_at: string;
}

/** The model input of an item under its client's settings. */
export function modelInput(item: DebtItemData, settings: DebtModelSettings): DebtItemModelInput {
  return {
    quarterlyCost: item.quarterlyCostMinor,
    growthPerQuarter: item.growthPerQuarter,
    fixDays: item.fixDays,
    dayRate: item.dayRateMinor,
    annualDiscountRate: settings.annualDiscountRate,
    horizonQuarters: settings.horizonQuarters,
    residualFraction: item.residualFraction,
    lagQuarters: item.lagQuarters,
    rateMode: settings.rateMode,
  };
}

/** The figures stored with an item (likely values, client's settings). */
export function evaluationSummary(
  item: DebtItemData,
  settings: DebtModelSettings,
): DebtEvaluationSummary {
  return summaryOf(evaluateDebtItem(modelInput(item, settings)));
}

/** An evaluation as the contract and the register store it (also the workbench's). */
export function summaryOf(e: DebtItemEvaluation): DebtEvaluationSummary {
  return {
    fixCostMinor: e.fixCost,
    pvCarryMinor: e.pvCarry,
    netBenefitMinor: e.netBenefit,
    roi: e.roi,
    paybackQuarters: e.discountedPayback ? e.discountedPayback.quarters : null,
    costOfDelayPerQuarterMinor: e.costOfDelayPerQuarter,
    cd3: e.cd3,
  };
}

export function debtSearchText(
  item: Pick<DebtItemData, 'title' | 'description' | 'affectedSystem' | 'tags'>,
): string {
  return [item.title, item.affectedSystem, item.tags.join(' '), item.description]
    .join('\n')
    .toLocaleLowerCase();
}

const IMPACT_RANK = `CASE d.impact WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`;

/**
 * ORDER BY per sort field and direction. The id breaks ties in the same direction so SQLite
 * can walk one index backwards. `payback` puts "never pays back" last both ways; `impact`
 * `desc` means most severe (critical) first.
 */
function orderBy(field: DebtSortField, direction: 'asc' | 'desc'): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  switch (field) {
    case 'cd3':
      return `d.cd3 ${dir}, d.id ${dir}`;
    case 'netBenefit':
      return `d.net_benefit_minor ${dir}, d.id ${dir}`;
    case 'roi':
      return `d.roi ${dir}, d.id ${dir}`;
    case 'payback':
      return `d.payback_quarters IS NULL, d.payback_quarters ${dir}, d.id ${dir}`;
    case 'impact':
      return `${IMPACT_RANK} ${direction === 'desc' ? 'ASC' : 'DESC'}, d.cd3 DESC, d.id DESC`;
    case 'title':
      return `d.title COLLATE NOCASE ${dir}, d.id ${dir}`;
    case 'quarterlyCost':
      return `d.quarterly_cost_likely_minor ${dir}, d.id ${dir}`;
    case 'updatedAt':
      return `d.updated_at ${dir}, d.id ${dir}`;
  }
}

function toItem(row: Row): DebtItem {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    currency: row.currency,
    title: row.title,
    description: row.description,
    category: row.category,
    impact: row.impact,
    affectedSystem: row.affected_system,
    status: row.status,
    quarterlyCostMinor: {
      low: row.quarterly_cost_low_minor,
      likely: row.quarterly_cost_likely_minor,
      high: row.quarterly_cost_high_minor,
    },
    costEstimate: row.cost_estimate ? (JSON.parse(row.cost_estimate) as CostEstimate) : null,
    growthPerQuarter: row.growth_per_quarter,
    fixDays: { low: row.fix_days_low, likely: row.fix_days_likely, high: row.fix_days_high },
    dayRateMinor: row.day_rate_minor,
    residualFraction: row.residual_fraction,
    lagQuarters: row.lag_quarters,
    tags: JSON.parse(row.tags) as string[],
    evidence: row.evidence,
    evaluation: {
      fixCostMinor: row.fix_cost_minor,
      pvCarryMinor: row.pv_carry_minor,
      netBenefitMinor: row.net_benefit_minor,
      roi: row.roi,
      paybackQuarters: row.payback_quarters,
      costOfDelayPerQuarterMinor: row.cost_of_delay_minor,
      cd3: row.cd3,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The stored fields of an item as it is now. */
export function dataOf(item: DebtItem): DebtItemData {
  return {
    clientId: item.clientId,
    currency: item.currency,
    title: item.title,
    description: item.description,
    category: item.category,
    impact: item.impact,
    affectedSystem: item.affectedSystem,
    status: item.status,
    quarterlyCostMinor: item.quarterlyCostMinor,
    costEstimate: item.costEstimate,
    growthPerQuarter: item.growthPerQuarter,
    fixDays: item.fixDays,
    dayRateMinor: item.dayRateMinor,
    residualFraction: item.residualFraction,
    lagQuarters: item.lagQuarters,
    tags: item.tags,
    evidence: item.evidence,
  };
}

const SELECT_ITEM = `SELECT d.*, c.display_name AS client_name FROM debt_items d JOIN clients c ON c.id = d.client_id`;

const COLUMNS = [
  'id',
  'client_id',
  'currency',
  'title',
  'description',
  'category',
  'impact',
  'affected_system',
  'status',
  'quarterly_cost_low_minor',
  'quarterly_cost_likely_minor',
  'quarterly_cost_high_minor',
  'cost_estimate',
  'growth_per_quarter',
  'fix_days_low',
  'fix_days_likely',
  'fix_days_high',
  'day_rate_minor',
  'residual_fraction',
  'lag_quarters',
  'tags',
  'evidence',
  'fix_cost_minor',
  'pv_carry_minor',
  'net_benefit_minor',
  'roi',
  'payback_quarters',
  'cost_of_delay_minor',
  'cd3',
  'search_text',
  'created_at',
  'updated_at',
] as const;

const INSERT = `INSERT INTO debt_items (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`;
const UPDATE = `UPDATE debt_items SET ${COLUMNS.filter(
  (c) => c !== 'id' && c !== 'client_id' && c !== 'currency' && c !== 'created_at',
)
  .map((c) => `${c} = @${c}`)
  .join(', ')} WHERE id = @id`;
const UPDATE_EVALUATION = `UPDATE debt_items SET fix_cost_minor = @fix_cost_minor, pv_carry_minor = @pv_carry_minor, net_benefit_minor = @net_benefit_minor, roi = @roi, payback_quarters = @payback_quarters, cost_of_delay_minor = @cost_of_delay_minor, cd3 = @cd3 WHERE id = @id`;

function evaluationParams(e: DebtEvaluationSummary) {
  return {
    fix_cost_minor: e.fixCostMinor,
    pv_carry_minor: e.pvCarryMinor,
    net_benefit_minor: e.netBenefitMinor,
    roi: e.roi,
    payback_quarters: e.paybackQuarters,
    cost_of_delay_minor: e.costOfDelayPerQuarterMinor,
    cd3: e.cd3,
  };
}

function params(
  id: string,
  item: DebtItemData,
  settings: DebtModelSettings,
  createdAt: string,
  updatedAt: string,
) {
  return {
    id,
    client_id: item.clientId,
    currency: item.currency,
    title: item.title,
    description: item.description,
    category: item.category,
    impact: item.impact,
    affected_system: item.affectedSystem,
    status: item.status,
    quarterly_cost_low_minor: item.quarterlyCostMinor.low,
    quarterly_cost_likely_minor: item.quarterlyCostMinor.likely,
    quarterly_cost_high_minor: item.quarterlyCostMinor.high,
    cost_estimate: item.costEstimate ? JSON.stringify(item.costEstimate) : null,
    growth_per_quarter: item.growthPerQuarter,
    fix_days_low: item.fixDays.low,
    fix_days_likely: item.fixDays.likely,
    fix_days_high: item.fixDays.high,
    day_rate_minor: item.dayRateMinor,
    residual_fraction: item.residualFraction,
    lag_quarters: item.lagQuarters,
    tags: JSON.stringify(item.tags),
    evidence: item.evidence,
    ...evaluationParams(evaluationSummary(item, settings)),
    search_text: debtSearchText(item),
    created_at: createdAt,
    updated_at: updatedAt,
  };
}

/**
 * The register's storage. Raw SQL over cached prepared statements rather than drizzle's
 * query builder: the register is the hot path (100,000 items, re-ranking on every edit), and
 * the dynamic filters build only a handful of distinct statements.
 */
export function createDebtRepository(sqlite: Database.Database) {
  const run = (sql: string, ...args: unknown[]) => prepared(sqlite, sql).run(...args);
  const all = <T>(sql: string, ...args: unknown[]) => prepared(sqlite, sql).all(...args) as T[];
  const one = <T>(sql: string, ...args: unknown[]) =>
    prepared(sqlite, sql).get(...args) as T | undefined;

  function where(filter: DebtFilter): { sql: string; args: unknown[] } {
    const parts: string[] = [];
    const args: unknown[] = [];
    if (filter.clientId) {
      parts.push('d.client_id = ?');
      args.push(filter.clientId);
    }
    if (filter.search) {
      parts.push(`d.search_text LIKE ? ESCAPE '\\'`);
      args.push(likePattern(filter.search));
    }
    if (filter.statuses.length) {
      parts.push(`d.status IN (${filter.statuses.map(() => '?').join(', ')})`);
      args.push(...filter.statuses);
    }
    if (filter.categories.length) {
      parts.push(`d.category IN (${filter.categories.map(() => '?').join(', ')})`);
      args.push(...filter.categories);
    }
    if (filter.tags.length) {
      // Any of the chosen tags (chips widen the register, as in most tag filters).
      parts.push(
        `EXISTS (SELECT 1 FROM json_each(d.tags) WHERE json_each.value IN (${filter.tags
          .map(() => '?')
          .join(', ')}))`,
      );
      args.push(...filter.tags);
    }
    return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
  }

  const repo = {
    settings(clientId: string): DebtModelSettings {
      const row = one<{
        annual_discount_rate: number;
        horizon_quarters: number;
        rate_mode: DebtModelSettings['rateMode'];
        distribution: DebtModelSettings['distribution'];
      }>(`SELECT * FROM debt_model_settings WHERE client_id = ?`, clientId);
      if (!row) return { ...DEFAULT_DEBT_SETTINGS };
      return {
        annualDiscountRate: row.annual_discount_rate,
        horizonQuarters: row.horizon_quarters,
        rateMode: row.rate_mode,
        distribution: row.distribution,
      };
    },

    /** Saves the settings and re-prices every item of the client under them. */
    saveSettings(clientId: string, settings: DebtModelSettings): number {
      run(
        `INSERT INTO debt_model_settings (client_id, annual_discount_rate, horizon_quarters, rate_mode, distribution)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(client_id) DO UPDATE SET annual_discount_rate = excluded.annual_discount_rate,
           horizon_quarters = excluded.horizon_quarters, rate_mode = excluded.rate_mode,
           distribution = excluded.distribution`,
        clientId,
        settings.annualDiscountRate,
        settings.horizonQuarters,
        settings.rateMode,
        settings.distribution,
      );
      return repo.reevaluateClient(clientId, settings);
    },

    reevaluateClient(clientId: string, settings: DebtModelSettings): number {
      const items = repo.forClient(clientId);
      for (const item of items) {
        run(UPDATE_EVALUATION, {
          id: item.id,
          ...evaluationParams(evaluationSummary(dataOf(item), settings)),
        });
      }
      return items.length;
    },

    get(id: string): DebtItem | undefined {
      const row = one<Row>(`${SELECT_ITEM} WHERE d.id = ?`, id);
      return row ? toItem(row) : undefined;
    },

    /** Every item of a client, highest CD3 first. */
    forClient(clientId: string): DebtItem[] {
      return all<Row>(
        `${SELECT_ITEM} WHERE d.client_id = ? ORDER BY d.cd3 DESC, d.id DESC`,
        clientId,
      ).map(toItem);
    },

    insert(id: string, item: DebtItemData, settings: DebtModelSettings, now: string): DebtItem {
      run(INSERT, params(id, item, settings, now, now));
      return repo.get(id)!;
    },

    update(
      id: string,
      changes: DebtItemChanges,
      settings: DebtModelSettings,
      now: string,
    ): DebtItem | undefined {
      const current = repo.get(id);
      if (!current) return undefined;
      const next = { ...dataOf(current), ...changes };
      run(UPDATE, params(id, next, settings, current.createdAt, now));
      return repo.get(id);
    },

    remove(id: string): boolean {
      return run(`DELETE FROM debt_items WHERE id = ?`, id).changes > 0;
    },

    /** How many of `ids` exist. */
    countExisting(ids: readonly string[]): number {
      let found = 0;
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        found += one<{ n: number }>(
          `SELECT count(*) AS n FROM debt_items WHERE id IN (${chunk.map(() => '?').join(', ')})`,
          ...chunk,
        )!.n;
      }
      return found;
    },

    setStatus(ids: readonly string[], status: DebtStatus, now: string): number {
      let changed = 0;
      for (const id of ids) {
        changed += run(
          `UPDATE debt_items SET status = ?, updated_at = ? WHERE id = ?`,
          status,
          now,
          id,
        ).changes;
      }
      return changed;
    },

    list(query: DebtQuery): { items: DebtItem[]; total: number; totals: DebtTotals[] } {
      const w = where(query);
      const items = all<Row>(
        `${SELECT_ITEM} ${w.sql} ORDER BY ${orderBy(query.sort.field, query.sort.direction)} LIMIT ? OFFSET ?`,
        ...w.args,
        query.limit,
        query.offset,
      ).map(toItem);
      const totals = repo.totals(query);
      return { items, total: totals.reduce((n, t) => n + t.items, 0), totals };
    },

    /** Every item the filter matches, in register order (CD3 first), for export. */
    listAll(filter: DebtFilter): DebtItem[] {
      const w = where(filter);
      return all<Row>(`${SELECT_ITEM} ${w.sql} ORDER BY ${orderBy('cd3', 'desc')}`, ...w.args).map(
        toItem,
      );
    },

    /** Sums of the stored evaluation columns per currency; ROI = Σ net benefit / Σ fix cost. */
    totals(filter: DebtFilter): DebtTotals[] {
      const w = where(filter);
      // A text search must read every row's search text: one pass over the covering index of
      // search text and figures beats the wide rows, and beats walking another index and
      // looking each row up (4× slower at 100,000 items).
      const source =
        filter.search && !filter.clientId && !filter.statuses.length
          ? 'debt_items d INDEXED BY debt_items_search_totals_idx'
          : 'debt_items d';
      const rows = all<{ currency: string; n: number; pv: number; fix: number; net: number }>(
        `SELECT d.currency AS currency, count(*) AS n, total(d.pv_carry_minor) AS pv,
           total(d.fix_cost_minor) AS fix, total(d.net_benefit_minor) AS net
         FROM ${source} ${w.sql} GROUP BY d.currency ORDER BY d.currency`,
        ...w.args,
      );
      return rows.map((r) => ({
        currency: r.currency,
        items: r.n,
        pvCarryMinor: r.pv,
        fixCostMinor: r.fix,
        netBenefitMinor: r.net,
        roi: r.fix > 0 ? r.net / r.fix : null,
      }));
    },

    /**
     * Distinct tags, sorted, of one client or of all. The distinct tag lists come first: a
     * register repeats a few combinations, so JSON is parsed for those only, not for every
     * item (100,000 items: 95 → 31 ms, docs/PERFORMANCE.md).
     */
    tags(clientId?: string): string[] {
      const rows = clientId
        ? all<{ tag: string }>(
            `SELECT DISTINCT j.value AS tag
               FROM (SELECT DISTINCT tags FROM debt_items WHERE client_id = ?) d, json_each(d.tags) j
              ORDER BY j.value`,
            clientId,
          )
        : all<{ tag: string }>(
            `SELECT DISTINCT j.value AS tag
               FROM (SELECT DISTINCT tags FROM debt_items) d, json_each(d.tags) j
              ORDER BY j.value`,
          );
      return rows.map((r) => r.tag);
    },

    hasClientNamed(displayName: string): boolean {
      return !!one(`SELECT 1 FROM clients WHERE display_name = ?`, displayName);
    },

    selection(
      clientId: string,
    ): { itemIds: string[]; budget: unknown; savedAt: string } | undefined {
      const row = one<{ item_ids: string; budget: string | null; saved_at: string }>(
        `SELECT * FROM debt_selections WHERE client_id = ?`,
        clientId,
      );
      if (!row) return undefined;
      return {
        itemIds: JSON.parse(row.item_ids) as string[],
        budget: row.budget ? (JSON.parse(row.budget) as unknown) : null,
        savedAt: row.saved_at,
      };
    },

    saveSelection(clientId: string, itemIds: readonly string[], budget: unknown, now: string) {
      run(
        `INSERT INTO debt_selections (client_id, item_ids, budget, saved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(client_id) DO UPDATE SET item_ids = excluded.item_ids, budget = excluded.budget,
           saved_at = excluded.saved_at`,
        clientId,
        JSON.stringify(itemIds),
        budget === null ? null : JSON.stringify(budget),
        now,
      );
    },
  };
  return repo;
}

export type DebtRepository = ReturnType<typeof createDebtRepository>;
