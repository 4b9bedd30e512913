import type Database from 'better-sqlite3';
import {
  DebtStatus,
  ImpactLevel,
  MAX_SERIES_POINTS,
  type ClientDashboard,
  type DebtModelSettings,
} from '../../core/api';
import { prepared } from '../../db/repositories/sql';
import { debtRepo, requireClient } from '../debt/common';
import { paybackOf, portfolioBand, type BandItem, type BandPoint } from '../debt/workbench';
import type { HandlerMap } from '../handler-types';

/**
 * A client's technical-debt business case (issue 8): the portfolio of its items in its
 * default currency and the chosen statuses, priced from the evaluation columns the register
 * keeps (sums in SQL), with the cumulative carrying-vs-fixing band of the tech-debt report
 * (`portfolioBand`, no Monte Carlo) and the saved fix plan's share of it.
 *
 * An explicit empty `statuses` means no status, so no items (the contract's "only items
 * with these statuses"); absent means every status but fixed and won't fix. The plan is the
 * saved selection's items within the portfolio (deleted items, or items since moved out of
 * the chosen statuses, are absent), so its share of the net benefit is of the same set.
 */

const DEFAULT_STATUSES: readonly DebtStatus[] = [
  'identified',
  'proposed',
  'accepted',
  'in_progress',
];

type Kpis = ClientDashboard['kpis'];

/** The KPIs' sums of the stored evaluation columns (a `SumsRow`). */
const SUMS = `count(*) AS n, total(d.pv_carry_minor) AS pv, total(d.fix_cost_minor) AS fix,
  total(d.net_benefit_minor) AS net, total(d.fix_days_likely) AS days,
  total(d.quarterly_cost_likely_minor) AS cost`;

/**
 * One pass over the client's items: the sums per currency, status and impact. Grouped in
 * the order of `debt_items_client_portfolio_idx`, which covers it: SQLite reads only that index
 * and needs no sort.
 */
const GROUPS_SQL = `SELECT d.currency AS currency, d.status AS status, d.impact AS impact, ${SUMS}
  FROM debt_items d WHERE d.client_id = ? GROUP BY d.currency, d.status, d.impact`;

/**
 * What the band needs of an item, as positional columns (`raw()`: no row objects); read
 * from `debt_items_client_portfolio_idx` alone for a portfolio (not for a plan: by id).
 */
const BAND_COLUMNS = `d.quarterly_cost_low_minor, d.quarterly_cost_likely_minor,
  d.quarterly_cost_high_minor, d.growth_per_quarter, d.fix_days_low, d.fix_days_likely,
  d.fix_days_high, d.day_rate_minor, d.residual_fraction, d.lag_quarters`;

type BandRow = [number, number, number, number, number, number, number, number, number, number];

interface SumsRow {
  n: number;
  pv: number;
  fix: number;
  net: number;
  days: number;
  cost: number;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** The portfolio's items: the client's, in its currency, with one of the statuses. */
const portfolioWhere = (statuses: number) =>
  `d.client_id = ? AND d.currency = ? AND d.status IN (${placeholders(statuses)})`;

/** The plan's items: the portfolio's whose id is in a JSON array (deleted ids match nothing). */
const planWhere = (statuses: number) =>
  `${portfolioWhere(statuses)} AND d.id IN (SELECT value FROM json_each(?))`;

function bandItems(rows: readonly BandRow[]): BandItem[] {
  return rows.map((r) => ({
    quarterlyCostMinor: { low: r[0], likely: r[1], high: r[2] },
    growthPerQuarter: r[3],
    fixDays: { low: r[4], likely: r[5], high: r[6] },
    dayRateMinor: r[7],
    residualFraction: r[8],
    lagQuarters: r[9],
  }));
}

function bandOf(
  sqlite: Database.Database,
  where: string,
  args: readonly unknown[],
  settings: DebtModelSettings,
): BandPoint[] {
  const rows = prepared(sqlite, `SELECT ${BAND_COLUMNS} FROM debt_items d WHERE ${where}`)
    .raw(true)
    .all(...args) as BandRow[];
  return portfolioBand(bandItems(rows), settings);
}

type MatrixPoint = ClientDashboard['matrix'][number];

const MATRIX_COLUMNS = `d.id AS id, d.title AS title, d.impact AS impact, d.status AS status,
  d.fix_days_likely AS fixDays, d.net_benefit_minor AS netBenefitMinor,
  d.quarterly_cost_likely_minor AS quarterlyCostMinor`;

/**
 * The portfolio's MAX_SERIES_POINTS items of largest |net benefit|, ties by id. The largest
 * |net benefit| are the largest gains or the largest losses, so it walks the client's
 * net-benefit index from each end (reading at most MAX_SERIES_POINTS rows a side, not
 * sorting every item) and merges the two runs, each already in |net benefit|, id order.
 */
function matrixOf(
  sqlite: Database.Database,
  statuses: number,
  args: readonly unknown[],
): MatrixPoint[] {
  const side = (filter: string, order: 'ASC' | 'DESC') =>
    prepared(
      sqlite,
      `SELECT ${MATRIX_COLUMNS} FROM debt_items d INDEXED BY debt_items_client_net_idx
       WHERE ${portfolioWhere(statuses)} AND ${filter}
       ORDER BY d.net_benefit_minor ${order}, d.id ASC LIMIT ?`,
    ).all(...args, MAX_SERIES_POINTS) as MatrixPoint[];
  const gains = side('d.net_benefit_minor >= 0', 'DESC');
  const losses = side('d.net_benefit_minor < 0', 'ASC');
  const points: MatrixPoint[] = [];
  let g = 0;
  let l = 0;
  while (points.length < MAX_SERIES_POINTS && (g < gains.length || l < losses.length)) {
    const gain = gains[g];
    const loss = losses[l];
    const takeGain =
      !loss ||
      (gain !== undefined &&
        (gain.netBenefitMinor > -loss.netBenefitMinor ||
          (gain.netBenefitMinor === -loss.netBenefitMinor && gain.id < loss.id)));
    points.push(takeGain ? gains[g++]! : losses[l++]!);
  }
  return points;
}

function kpisOf(sums: SumsRow, cumulative: readonly BandPoint[]): Kpis {
  return {
    items: sums.n,
    pvCarryMinor: sums.pv,
    fixCostMinor: sums.fix,
    netBenefitMinor: sums.net,
    roi: sums.fix > 0 ? sums.net / sums.fix : null,
    paybackQuarters: paybackOf(cumulative),
    fixDays: sums.days,
    quarterlyCostMinor: sums.cost,
  };
}

interface GroupRow extends SumsRow {
  currency: string;
  status: DebtStatus;
  impact: ImpactLevel;
}

const emptySums = (): SumsRow => ({ n: 0, pv: 0, fix: 0, net: 0, days: 0, cost: 0 });

function bucket<K>(sums: Map<K, SumsRow>, key: K): SumsRow {
  let sum = sums.get(key);
  if (!sum) sums.set(key, (sum = emptySums()));
  return sum;
}

function addInto(sum: SumsRow, row: SumsRow) {
  sum.n += row.n;
  sum.pv += row.pv;
  sum.fix += row.fix;
  sum.net += row.net;
  sum.days += row.days;
  sum.cost += row.cost;
}

export const clientDashboardHandlers = {
  'dashboard.client': (input, ctx) => {
    const client = requireClient(ctx, input.clientId);
    const repo = debtRepo(ctx);
    const settings = repo.settings(client.id);
    const currency = client.defaultCurrency;
    const chosen = new Set(input.statuses ?? DEFAULT_STATUSES);
    const statuses = DebtStatus.options.filter((s) => chosen.has(s));
    const sqlite = ctx.sqlite;

    // Counts and sums per (currency, status, impact) in SQL; the few groups added here.
    const groups = prepared(sqlite, GROUPS_SQL).all(client.id) as GroupRow[];
    const portfolio = emptySums();
    const byStatus = new Map<DebtStatus, SumsRow>();
    const byImpact = new Map<ImpactLevel, SumsRow>();
    let otherCurrencyItems = 0;
    for (const g of groups) {
      if (g.currency !== currency) {
        if (chosen.has(g.status)) otherCurrencyItems += g.n;
        continue;
      }
      addInto(bucket(byStatus, g.status), g);
      if (!chosen.has(g.status)) continue;
      addInto(portfolio, g);
      addInto(bucket(byImpact, g.impact), g);
    }

    const args = [client.id, currency, ...statuses];
    const cumulative = bandOf(sqlite, portfolioWhere(statuses.length), args, settings);
    const matrix = matrixOf(sqlite, statuses.length, args);

    let plan: ClientDashboard['plan'] = null;
    const saved = repo.selection(client.id);
    if (saved) {
      const where = planWhere(statuses.length);
      const planArgs = [...args, JSON.stringify(saved.itemIds)];
      const sums = prepared(sqlite, `SELECT ${SUMS} FROM debt_items d WHERE ${where}`).get(
        ...planArgs,
      ) as SumsRow;
      const planCumulative = bandOf(sqlite, where, planArgs, settings);
      plan = {
        items: sums.n,
        kpis: kpisOf(sums, planCumulative),
        cumulative: planCumulative,
        // Both bands run over quarters 0..horizon; the plan's is empty when it has no items.
        withPlan: planCumulative.map((p, t) => ({
          quarter: p.quarter,
          likely: cumulative[t]!.carryLikely - p.carryLikely + p.fixLikely,
        })),
        // Of a portfolio that gains nothing overall, no share can be told.
        shareOfNetBenefit: portfolio.net > 0 ? sums.net / portfolio.net : null,
      };
    }

    return {
      clientId: client.id,
      clientName: client.displayName,
      currency,
      horizonQuarters: settings.horizonQuarters,
      annualDiscountRate: settings.annualDiscountRate,
      otherCurrencyItems,
      statuses,
      kpis: kpisOf(portfolio, cumulative),
      byStatus: DebtStatus.options
        .filter((status) => byStatus.has(status))
        .map((status) => ({
          status,
          items: byStatus.get(status)!.n,
          netBenefitMinor: byStatus.get(status)!.net,
        })),
      byImpact: ImpactLevel.options
        .filter((impact) => byImpact.has(impact))
        .map((impact) => ({
          impact,
          items: byImpact.get(impact)!.n,
          netBenefitMinor: byImpact.get(impact)!.net,
        })),
      cumulative,
      matrix,
      matrixTotal: portfolio.n,
      plan,
    };
  },
} satisfies Partial<HandlerMap>;
