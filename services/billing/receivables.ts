import type { MethodName, ReceivablesSummary } from '../../core/api';
import { addCalendarDays, daysOverdue, lateInterest } from '../../core/billing';
import type { HandlerMap } from '../handler-types';
import { today } from './errors';
import { invoicesRepo } from './invoice-view';
import { loadProfile } from './profile';

/**
 * Aging of open balances per currency (never converted), the reminder list with late
 * interest at the profile's rate, and expected cash-in per month: open invoices by due date
 * (overdue ones in the current month) and milestones not yet invoiced by planned date plus
 * the engagement's payment terms.
 */
export const receivablesHandlers: HandlerMap<Extract<MethodName, 'receivables.summary'>> = {
  'receivables.summary': (input, ctx) => {
    const asOf = input.asOf ?? today(ctx.now());
    const repo = invoicesRepo(ctx);
    const rate = loadProfile(ctx).lateInterestAnnualRate;
    const thisMonth = asOf.slice(0, 7);
    const aging = new Map<string, ReceivablesSummary['byCurrency'][number]>();
    const expected = new Map<string, ReceivablesSummary['expected'][number]>();
    const slot = (month: string, currency: string) => {
      const key = `${month} ${currency}`;
      let row = expected.get(key);
      if (!row) {
        row = { month, currency, fromInvoicesMinor: 0, fromMilestonesMinor: 0 };
        expected.set(key, row);
      }
      return row;
    };
    for (const g of repo.openByDueDate(input.clientId)) {
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
    const byCurrency = [...aging.values()].sort((a, b) => a.currency.localeCompare(b.currency));
    const overdueTotal = byCurrency.reduce((n, r) => n + r.overdueInvoices, 0);
    const reminders = repo.reminders(asOf, input.clientId, input.reminderLimit).map((r) => ({
      ...r,
      lateInterestMinor: lateInterest(r.balanceMinor, rate, r.daysOverdue, 'half-up'),
    }));

    for (const m of repo.plannedMilestones(input.clientId)) {
      const month = addCalendarDays(m.plannedDate, m.termsDays).slice(0, 7);
      slot(month < thisMonth ? thisMonth : month, m.currency).fromMilestonesMinor += m.amountMinor;
    }

    return {
      asOf,
      lateInterestAnnualRate: rate,
      byCurrency,
      reminders,
      overdueTotal,
      expected: [...expected.values()].sort(
        (a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency),
      ),
    };
  },
};
