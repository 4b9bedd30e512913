import { z } from 'zod';
import { AgingBuckets } from './billing';
import { CalendarDate, CurrencyCode, Id } from './common';
import { DebtStatus, ImpactLevel, MatrixPoint, QuarterBand } from './debt';
import { SaveResult } from './documents';
import { MonthKey } from './sla';
import { EngagementStage } from './engagements';

/**
 * The ROI dashboards (issue 8): the consultant's practice at a glance (home) and a client's
 * technical-debt business case. Every figure is aggregated by the services (SQL where the
 * data lives in rows), never by the renderer; amounts are never converted between
 * currencies, so every money series carries its currency.
 */

/** The largest number of points a chart series may carry; longer series are downsampled. */
export const MAX_SERIES_POINTS = 2000;

export const PracticeDashboardInput = z
  .strictObject({
    clientId: Id.optional(),
    engagementId: Id.optional(),
    /** Only this currency's figures; all currencies when absent. */
    currency: CurrencyCode.optional(),
    /** Range of the month series (revenue, SLA): default the 12 months ending with `asOf`. */
    from: CalendarDate.optional(),
    to: CalendarDate.optional(),
    /** "Today": overdue, aging and the next 12 months of cash-in. Default the services' clock. */
    asOf: CalendarDate.optional(),
  })
  .refine((i) => !i.from || !i.to || i.from <= i.to, {
    message: 'The start of the range is after its end',
    params: { reason: 'RANGE_REVERSED' },
    path: ['to'],
  });
export type PracticeDashboardInput = z.input<typeof PracticeDashboardInput>;

export const PracticeDashboard = z.object({
  asOf: CalendarDate,
  /** The month range the series cover, inclusive (`from`/`to` rounded out to whole months). */
  from: CalendarDate,
  to: CalendarDate,
  /** Every currency with any figure under the filters, most used first. */
  currencies: z.array(z.string()),
  /**
   * Engagements per stage and currency under the client/engagement/currency filters (not the
   * date range): how many and their contract value. Stages in `EngagementStage` order.
   */
  pipeline: z.array(
    z.object({
      stage: EngagementStage,
      currency: z.string(),
      engagements: z.number().int(),
      valueMinor: z.number().int(),
    }),
  ),
  /**
   * Money per currency, all time (the date range does not apply): contracted = contract
   * value of won/active/completed engagements; invoiced = totals of issued invoices (not
   * void); credited = credit notes (net invoiced = invoiced − credited); paid = payments
   * received; outstanding = balance of issued invoices (invoiced − credited − paid); overdue =
   * the part of it past due on `asOf`.
   */
  money: z.array(
    z.object({
      currency: z.string(),
      contractedMinor: z.number().int(),
      invoicedMinor: z.number().int(),
      creditedMinor: z.number().int(),
      paidMinor: z.number().int(),
      outstandingMinor: z.number().int(),
      overdueMinor: z.number().int(),
      openInvoices: z.number().int(),
      overdueInvoices: z.number().int(),
    }),
  ),
  /**
   * Expected cash-in for the 12 months starting with `asOf`'s month, per currency: open
   * invoice balances by due date (overdue ones in the first month), and milestones not yet
   * invoiced by planned date + the engagement's payment terms. Every month is present.
   */
  cashIn: z.array(
    z.object({
      month: MonthKey,
      currency: z.string(),
      fromInvoicesMinor: z.number().int(),
      fromMilestonesMinor: z.number().int(),
    }),
  ),
  /** Receivables aging on `asOf`, per currency (days past due). */
  aging: z.array(AgingBuckets.extend({ currency: z.string() })),
  /**
   * Revenue by month within the range: invoiced = issued, non-void invoice totals by issue
   * month; credited = credit notes by their issue month; paid = payments by payment date. Every month of the range is present per currency.
   */
  revenue: z.array(
    z.object({
      month: MonthKey,
      currency: z.string(),
      invoicedMinor: z.number().int(),
      creditedMinor: z.number().int(),
      paidMinor: z.number().int(),
    }),
  ),
  /**
   * SLA per engagement with clauses: over the whole months of the range that have ended by
   * `asOf`, clause-months assessed and met, and service credits issued (credit notes from
   * the SLA) in the range.
   */
  sla: z.array(
    z.object({
      engagementId: Id,
      engagementTitle: z.string(),
      clientId: Id,
      clientName: z.string(),
      currency: z.string(),
      clauses: z.number().int(),
      periodsAssessed: z.number().int(),
      periodsMet: z.number().int(),
      /** periodsMet / periodsAssessed; null when nothing was assessed. */
      complianceRatio: z.number().nullable(),
      creditsMinor: z.number().int(),
    }),
  ),
});
export type PracticeDashboard = z.infer<typeof PracticeDashboard>;

export const ClientDashboardInput = z.strictObject({
  clientId: Id,
  /**
   * Only items with these statuses (an empty list selects none); default every status but
   * fixed and won't fix.
   */
  statuses: z.array(DebtStatus).max(6).optional(),
});
export type ClientDashboardInput = z.input<typeof ClientDashboardInput>;

const PortfolioKpis = z.object({
  items: z.number().int(),
  /** Present value of carrying the debt over the horizon. */
  pvCarryMinor: z.number(),
  fixCostMinor: z.number(),
  netBenefitMinor: z.number(),
  /** netBenefit / fixCost; null when nothing costs anything to fix. */
  roi: z.number().nullable(),
  /** Discounted payback of the set in quarters (interpolated); null if not within horizon. */
  paybackQuarters: z.number().nullable(),
  fixDays: z.number(),
  /** What carrying the debt costs now, per quarter (likely values). */
  quarterlyCostMinor: z.number(),
});

export const ClientDashboard = z.object({
  clientId: Id,
  clientName: z.string(),
  /** The client's default currency: the portfolio figures are over items in it. */
  currency: z.string(),
  horizonQuarters: z.number().int(),
  annualDiscountRate: z.number(),
  /** Items left out of the figures because they are in another currency. */
  otherCurrencyItems: z.number().int(),
  statuses: z.array(DebtStatus),
  kpis: PortfolioKpis,
  /** Items and net benefit per status, over all statuses (for the drill-down chips). */
  byStatus: z.array(
    z.object({ status: DebtStatus, items: z.number().int(), netBenefitMinor: z.number() }),
  ),
  /** Items and net benefit per impact level. */
  byImpact: z.array(
    z.object({ impact: ImpactLevel, items: z.number().int(), netBenefitMinor: z.number() }),
  ),
  /**
   * Cumulative discounted cost of carrying vs fixing every item, per quarter 0..horizon, with
   * the P10–P90 band (the items' own percentile scenarios added up, as in the PDF report).
   */
  cumulative: z.array(QuarterBand),
  /**
   * The priority matrix: at most MAX_SERIES_POINTS items, the largest by |net benefit| when
   * there are more (`matrixTotal` says how many there are).
   */
  matrix: z.array(MatrixPoint),
  matrixTotal: z.number().int(),
  /** The saved fix plan (`debt.selection.save`) and what it saves; null when none is saved. */
  plan: z
    .object({
      items: z.number().int(),
      kpis: PortfolioKpis,
      cumulative: z.array(QuarterBand),
      /**
       * "With the fix plan": the portfolio's likely cumulative cost if the plan is carried
       * out (its items fixed, the rest carried) = portfolio carry − plan carry + plan fix, for
       * each quarter of the plan's `cumulative` (none for a plan with no items).
       */
      withPlan: z.array(z.object({ quarter: z.number().int(), likely: z.number() })),
      /**
       * Plan net benefit / portfolio net benefit; null when the portfolio's is ≤ 0. Above 1
       * when the portfolio holds items that lose money and the plan leaves them out.
       */
      shareOfNetBenefit: z.number().nullable(),
    })
    .nullable(),
});
export type ClientDashboard = z.infer<typeof ClientDashboard>;

/** A chart exported by the user: the SVG markup as drawn, or a PNG of it. */
export const ChartFileInput = z.strictObject({
  /** Suggested file name without the extension (the dialog may change it). */
  name: z.string().trim().min(1).max(200),
  format: z.enum(['png', 'svg']),
  /** The file's bytes in base64 (at most 20 MB of it). */
  base64: z.base64().max(28_000_000),
});

export const dashboardMethods = {
  'dashboard.practice': {
    kind: 'read',
    input: PracticeDashboardInput,
    output: PracticeDashboard,
  },
  'dashboard.client': { kind: 'read', input: ClientDashboardInput, output: ClientDashboard },
  /** Main: shows the save dialog for a chart image and writes the file atomically. */
  'charts.save': { kind: 'read', host: 'main', input: ChartFileInput, output: SaveResult },
} as const;
