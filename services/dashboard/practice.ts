import { EngagementStage, type MethodName, type PracticeDashboard } from '../../core/api';
import { addMonthsToKey as addMonths, lastDayOfMonth } from '../../core/sla/civil-date';
import type { DayAmount, MoneyFilter } from '../../db';
import { engagementsRepo, requireClient, requireEngagement } from '../billing/engagements';
import { invalid, today } from '../billing/errors';
import { invoicesRepo } from '../billing/invoice-view';
import { receivablesOf } from '../billing/receivables';
import type { ServiceContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { slaRepo } from '../sla/common';
import { clauseTimelines } from '../sla/compliance';

/** A month series covers at most this many months (ten years), as SLA timelines do. */
export const MAX_RANGE_MONTHS = 120;

/** Stages whose contract value counts as contracted. */
const CONTRACTED_STAGES = new Set<string>(['won', 'active', 'completed']);

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** Every month from `from` to `to`, inclusive. */
function monthList(from: string, to: string): string[] {
  return Array.from({ length: Math.max(0, monthsBetween(from, to)) }, (_, i) => addMonths(from, i));
}

/** The first and last month of a timeline period key (`YYYY-MM` or `YYYY-Qn`). */
function monthsOfPeriod(period: string): [string, string] {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!quarter) return [period.slice(0, 7), period.slice(0, 7)];
  const first = `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}`;
  return [first, addMonths(first, 2)];
}

/** Resolves the month range: `from`/`to` rounded out to whole months, 12 months by default. */
function monthRange(input: { from?: string; to?: string }, asOf: string) {
  const toMonth = (input.to ?? asOf).slice(0, 7);
  const fromMonth = input.from ? input.from.slice(0, 7) : addMonths(toMonth, -11);
  if (fromMonth > toMonth) {
    // Only reachable with a `from` after the default end (`asOf`): the schema refuses the rest.
    throw invalid('RANGE_REVERSED', 'The start of the range is after its end.', {
      from: `${fromMonth}-01`,
      to: lastDayOfMonth(toMonth),
    });
  }
  if (monthsBetween(fromMonth, toMonth) > MAX_RANGE_MONTHS) {
    throw invalid('RANGE_TOO_LONG', `A range covers at most ${MAX_RANGE_MONTHS} months.`, {
      months: MAX_RANGE_MONTHS,
    });
  }
  return { fromMonth, toMonth };
}

/**
 * Folds the per-day groups of one aggregate into sums per currency (all time) and per month
 * and currency (`revenue` reads only the months of the range).
 */
function split(rows: readonly DayAmount[]) {
  const total = new Map<string, number>();
  const byMonth = new Map<string, number>();
  for (const r of rows) {
    total.set(r.currency, (total.get(r.currency) ?? 0) + r.amountMinor);
    const key = `${r.date.slice(0, 7)} ${r.currency}`;
    byMonth.set(key, (byMonth.get(key) ?? 0) + r.amountMinor);
  }
  return { total, byMonth };
}

/**
 * SLA per engagement with clauses: clause-periods assessed (a measured value) and met over
 * the whole months of the range that have ended by `asOf` (a quarterly clause's quarter
 * counts when all of it lies there), through the same compliance code as the SLA timeline
 * (`clauseTimelines`), over all the engagements' clauses at once: one read of their
 * incidents and one of their measurements.
 */
function slaSummary(
  ctx: ServiceContext,
  filter: MoneyFilter,
  fromMonth: string,
  toMonth: string,
  asOf: string,
  credits: Map<string, number>,
): PracticeDashboard['sla'] {
  const lastEnded = [toMonth, addMonths(asOf.slice(0, 7), -1)].sort()[0]!;
  const engagements = engagementsRepo(ctx).withSlaClauses(filter);
  const counts = new Map(
    engagements.map((e) => [e.engagementId, { periodsAssessed: 0, periodsMet: 0 }]),
  );
  if (fromMonth <= lastEnded && engagements.length > 0) {
    const clauses = slaRepo(ctx)
      .allClauses()
      .filter((c) => counts.has(c.engagementId));
    const timelines = clauseTimelines(ctx, clauses, fromMonth, lastEnded);
    for (const clause of clauses) {
      const count = counts.get(clause.engagementId)!;
      for (const period of timelines.get(clause.id)!) {
        const [first, last] = monthsOfPeriod(period.period);
        if (first < fromMonth || last > lastEnded || period.met === null) continue;
        count.periodsAssessed++;
        if (period.met) count.periodsMet++;
      }
    }
  }
  const rows: PracticeDashboard['sla'] = engagements.map((e) => {
    const { periodsAssessed, periodsMet } = counts.get(e.engagementId)!;
    return {
      ...e,
      periodsAssessed,
      periodsMet,
      complianceRatio: periodsAssessed > 0 ? periodsMet / periodsAssessed : null,
      creditsMinor: credits.get(e.engagementId) ?? 0,
    };
  });
  return rows.sort(
    (a, b) =>
      a.clientName.localeCompare(b.clientName) ||
      a.engagementTitle.localeCompare(b.engagementTitle) ||
      a.engagementId.localeCompare(b.engagementId),
  );
}

/**
 * The practice at a glance (issue 8). Every sum is taken in SQL (GROUP BY currency and issue,
 * payment or due date, or stage) over the rows the filters select, read from covering
 * indexes; the handler folds the days into months and lays the groups out.
 *
 * - Filters narrow every figure: `clientId` and `engagementId` (unknown ids are NOT_FOUND,
 *   as everywhere else; an engagement of another client gives empty figures) and `currency`.
 * - `currencies`: those of engagements and issued (not void) invoices under the filters,
 *   ordered by how many of those rows use them (then by code). Every per-currency array has
 *   exactly one row (or one row per month / stage) for each of them, zeros included, in that
 *   order: an empty workspace gives empty arrays.
 * - `money`: all-time totals (not limited by the range). `invoicedMinor` is the gross total of
 *   issued invoices and `creditedMinor` the credit notes, so net invoiced = invoiced −
 *   credited; the `revenue` months use the same split, so over a range covering every date
 *   they add up to the `money` figures. `overdueMinor` = outstanding − current.
 * - `pipeline`: every stage (contract order) × currency.
 * - `cashIn`: `receivables.summary`'s expected cash-in, for the 12 months from `asOf`'s month
 *   (balances due later are left out).
 */
export const practiceDashboardHandlers: HandlerMap<Extract<MethodName, 'dashboard.practice'>> = {
  'dashboard.practice': (input, ctx) => {
    const asOf = input.asOf ?? today(ctx.now());
    const { fromMonth, toMonth } = monthRange(input, asOf);
    if (input.clientId) requireClient(ctx, input.clientId);
    if (input.engagementId) requireEngagement(ctx, input.engagementId);
    const filter: MoneyFilter = {
      clientId: input.clientId,
      engagementId: input.engagementId,
      currency: input.currency,
    };
    const from = `${fromMonth}-01`;
    const to = lastDayOfMonth(toMonth);
    const invoices = invoicesRepo(ctx);

    const stages = engagementsRepo(ctx).pipeline(filter);
    const invoicedRows = invoices.invoicedByDay(filter);
    const invoiced = split(invoicedRows);
    const credited = split(invoices.creditedByDay(filter));
    const paid = split(invoices.paidByDay(filter));
    const receivables = receivablesOf(ctx, asOf, filter);

    // Currencies by use: engagements and issued invoices.
    const use = new Map<string, number>();
    for (const s of stages) use.set(s.currency, (use.get(s.currency) ?? 0) + s.engagements);
    for (const r of invoicedRows) use.set(r.currency, (use.get(r.currency) ?? 0) + r.n);
    const currencies = [...use]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([c]) => c);

    const pipeline = EngagementStage.options.flatMap((stage) =>
      currencies.map((currency) => {
        const row = stages.find((s) => s.stage === stage && s.currency === currency);
        return {
          stage,
          currency,
          engagements: row?.engagements ?? 0,
          valueMinor: row?.valueMinor ?? 0,
        };
      }),
    );

    const agingOf = new Map(receivables.byCurrency.map((r) => [r.currency, r]));
    const money = currencies.map((currency) => {
      const a = agingOf.get(currency);
      return {
        currency,
        contractedMinor: stages
          .filter((s) => s.currency === currency && CONTRACTED_STAGES.has(s.stage))
          .reduce((n, s) => n + s.valueMinor, 0),
        invoicedMinor: invoiced.total.get(currency) ?? 0,
        creditedMinor: credited.total.get(currency) ?? 0,
        paidMinor: paid.total.get(currency) ?? 0,
        outstandingMinor: a?.outstandingMinor ?? 0,
        overdueMinor: a ? a.outstandingMinor - a.currentMinor : 0,
        openInvoices: a?.openInvoices ?? 0,
        overdueInvoices: a?.overdueInvoices ?? 0,
      };
    });

    const aging = currencies.map((currency) => {
      const a = agingOf.get(currency);
      return {
        currency,
        currentMinor: a?.currentMinor ?? 0,
        days1to30Minor: a?.days1to30Minor ?? 0,
        days31to60Minor: a?.days31to60Minor ?? 0,
        days61to90Minor: a?.days61to90Minor ?? 0,
        days90plusMinor: a?.days90plusMinor ?? 0,
      };
    });

    const expected = new Map(receivables.expected.map((e) => [`${e.month} ${e.currency}`, e]));
    const thisMonth = asOf.slice(0, 7);
    const cashIn = monthList(thisMonth, addMonths(thisMonth, 11)).flatMap((month) =>
      currencies.map((currency) => {
        const e = expected.get(`${month} ${currency}`);
        return {
          month,
          currency,
          fromInvoicesMinor: e?.fromInvoicesMinor ?? 0,
          fromMilestonesMinor: e?.fromMilestonesMinor ?? 0,
        };
      }),
    );

    const revenue = monthList(fromMonth, toMonth).flatMap((month) =>
      currencies.map((currency) => {
        const key = `${month} ${currency}`;
        return {
          month,
          currency,
          invoicedMinor: invoiced.byMonth.get(key) ?? 0,
          creditedMinor: credited.byMonth.get(key) ?? 0,
          paidMinor: paid.byMonth.get(key) ?? 0,
        };
      }),
    );

    const sla = slaSummary(
      ctx,
      filter,
      fromMonth,
      toMonth,
      asOf,
      invoices.slaCreditsByEngagement(filter, from, to),
    );

    return { asOf, from, to, currencies, pipeline, money, cashIn, aging, revenue, sla };
  },
};
