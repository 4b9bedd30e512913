import type { MethodName, ReceivablesSummary } from '../../core/api';
import { addCalendarDays, daysOverdue, lateInterest } from '../../core/billing';
import type { MoneyFilter } from '../../db';
import type { ServiceContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { today } from './errors';
import { invoicesRepo } from './invoice-view';
import { loadProfile } from './profile';

type Aging = ReceivablesSummary['byCurrency'][number];
type Expected = ReceivablesSummary['expected'][number];

/**
 * Aging of open balances per currency (never converted) on `asOf`, and expected cash-in per
 * month: open invoices by due date (overdue ones in `asOf`'s month) and milestones not yet
 * invoiced by planned date plus the engagement's payment terms (late ones in `asOf`'s month
 * too). Summed in SQL per due date (planned date) and currency; the buckets are filled from
 * those groups. `receivables.summary` and the practice dashboard both read it.
 */
export function receivablesOf(
  ctx: ServiceContext,
  asOf: string,
  filter: MoneyFilter = {},
): { byCurrency: Aging[]; expected: Expected[] } {
  const repo = invoicesRepo(ctx);
  const thisMonth = asOf.slice(0, 7);
  const aging = new Map<string, Aging>();
  const expected = new Map<string, Expected>();
  const slot = (month: string, currency: string) => {
    const key = `${month} ${currency}`;
    let row = expected.get(key);
    if (!row) {
      row = { month, currency, fromInvoicesMinor: 0, fromMilestonesMinor: 0 };
      expected.set(key, row);
    }
    return row;
  };
  for (const g of repo.openByDueDate(filter)) {
    let row = aging.get(g.currency);
    if (!row) {
      row = {
        currency: g.currency,
        outstandingMinor: 0,
        openInvoices: 0,
        overdueInvoices: 0,
        currentMinor: 0,
        days1to30Minor: 0,
        days31to60Minor: 0,
        days61to90Minor: 0,
        days90plusMinor: 0,
      };
      aging.set(g.currency, row);
    }
    const days = daysOverdue(g.dueDate, asOf);
    row.outstandingMinor += g.balanceMinor;
    row.openInvoices += g.invoices;
    if (days > 0) row.overdueInvoices += g.invoices;
    if (days === 0) row.currentMinor += g.balanceMinor;
    else if (days <= 30) row.days1to30Minor += g.balanceMinor;
    else if (days <= 60) row.days31to60Minor += g.balanceMinor;
    else if (days <= 90) row.days61to90Minor += g.balanceMinor;
    else row.days90plusMinor += g.balanceMinor;
    // Overdue balances are expected now, the others in their due month.
    const month = g.dueDate.slice(0, 7);
    slot(month < thisMonth ? thisMonth : month, g.currency).fromInvoicesMinor += g.balanceMinor;
  }
  for (const m of repo.plannedMilestones(filter)) {
    const month = addCalendarDays(m.plannedDate, m.termsDays).slice(0, 7);
    slot(month < thisMonth ? thisMonth : month, m.currency).fromMilestonesMinor += m.amountMinor;
  }
  return {
    byCurrency: [...aging.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    expected: [...expected.values()].sort(
      (a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency),
    ),
  };
}

/**
 * Aging, the reminder list with late interest at the profile's rate, and expected cash-in
 * per month (see `receivablesOf`).
 */
export const receivablesHandlers: HandlerMap<Extract<MethodName, 'receivables.summary'>> = {
  'receivables.summary': (input, ctx) => {
    const asOf = input.asOf ?? today(ctx.now());
    const rate = loadProfile(ctx).lateInterestAnnualRate;
    const { byCurrency, expected } = receivablesOf(ctx, asOf, { clientId: input.clientId });
    const overdueTotal = byCurrency.reduce((n, r) => n + r.overdueInvoices, 0);
    const reminders = invoicesRepo(ctx)
      .reminders(asOf, input.clientId, input.reminderLimit)
      .map((r) => ({
        ...r,
        lateInterestMinor: lateInterest(r.balanceMinor, rate, r.daysOverdue, 'half-up'),
      }));
    return { asOf, lateInterestAnnualRate: rate, byCurrency, reminders, overdueTotal, expected };
  },
};
