import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngagementValuation, InvoicesListOutput, ReceivablesSummary } from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { billingApi, testClock } from './test-helpers';

let services: TestServices;
let api: ReturnType<typeof billingApi>;
const clock = testClock();
beforeEach(async () => {
  clock.set('2026-01-01');
  services = await startTestServices({ now: clock.now });
  api = billingApi(services);
});
afterEach(() => services.dispose());

describe('late payment and receivables', () => {
  it('overdue follows the injected clock; aging buckets split at 0/30/31/60/61/90/91 days', async () => {
    const client = await api.client({ paymentTermsDays: 0 });
    const usd = await api.client({
      displayName: 'Globex',
      defaultCurrency: 'USD',
      paymentTermsDays: 0,
    });
    // Net 0 invoices issued on 2026-01-01 + k days, seen on 2026-06-30.
    const asOf = '2026-06-30';
    const overdueDays = [0, 1, 30, 31, 60, 61, 90, 91];
    const ids: string[] = [];
    for (const days of overdueDays) {
      const issueDate = new Date(Date.parse(`${asOf}T00:00:00Z`) - days * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const draft = await api.linesInvoice(client.id, {
        lines: [
          { description: 'x', quantity: '1', unitPriceMinor: 1_000 + days, taxRatePercent: '0' },
        ],
      });
      ids.push((await api.issue(draft.id, issueDate)).id);
    }
    const dollars = await api.linesInvoice(usd.id, {
      lines: [{ description: 'x', quantity: '1', unitPriceMinor: 777, taxRatePercent: '0' }],
    });
    await api.issue(dollars.id, '2026-06-30');

    clock.set(asOf);
    const summary = await api.call<ReceivablesSummary>('receivables.summary', {});
    const eur = summary.byCurrency.find((r) => r.currency === 'EUR')!;
    expect(eur).toMatchObject({
      currentMinor: 1_000,
      days1to30Minor: 1_001 + 1_030,
      days31to60Minor: 1_031 + 1_060,
      days61to90Minor: 1_061 + 1_090,
      days90plusMinor: 1_091,
      openInvoices: 8,
      overdueInvoices: 7,
    });
    expect(summary.byCurrency.find((r) => r.currency === 'USD')).toMatchObject({
      currentMinor: 777,
      outstandingMinor: 777,
    });
    expect(summary.reminders.map((r) => r.daysOverdue)).toEqual([91, 90, 61, 60, 31, 30, 1]);
    // 8 % a year on 10.91 for 91 days = 0.2176 → 0.22
    expect(summary.reminders[0]).toMatchObject({ balanceMinor: 1_091, lateInterestMinor: 22 });

    const overdue = await api.call<InvoicesListOutput>('invoices.list', { statuses: ['overdue'] });
    expect(overdue.total).toBe(7);
    const open = await api.call<InvoicesListOutput>('invoices.list', { statuses: ['issued'] });
    expect(open.total).toBe(2);
    // A day earlier, the 1-day one is not overdue yet: the clock decides.
    clock.set('2026-06-29');
    const before = await api.call<InvoicesListOutput>('invoices.list', { statuses: ['overdue'] });
    expect(before.total).toBe(6);
    const invoice = await api.get(ids[7]!);
    expect(invoice).toMatchObject({ displayStatus: 'overdue', daysOverdue: 90 });
    expect(invoice.lateInterestMinor).toBe(22); // 10.91 × 8 % × 90/365 = 0.2152
  });

  it('lists search by number and client, filter, sort and page', async () => {
    const a = await api.client({ displayName: 'Alpha Ltd' });
    const b = await api.client({ displayName: 'Beta GmbH' });
    for (let i = 0; i < 3; i++) await api.issue((await api.linesInvoice(a.id)).id);
    await api.issue((await api.linesInvoice(b.id)).id);
    await api.linesInvoice(b.id);
    const byClient = await api.call<InvoicesListOutput>('invoices.list', { search: 'beta' });
    expect(byClient.total).toBe(2);
    const byNumber = await api.call<InvoicesListOutput>('invoices.list', { search: '2026-0002' });
    expect(byNumber.items.map((i) => i.number)).toEqual(['INV-2026-0002']);
    const drafts = await api.call<InvoicesListOutput>('invoices.list', { statuses: ['draft'] });
    expect(drafts.total).toBe(1);
    const page = await api.call<InvoicesListOutput>('invoices.list', {
      sort: { field: 'number', direction: 'desc' },
      statuses: ['issued'],
      limit: 2,
      offset: 1,
    });
    expect(page.items.map((i) => i.number)).toEqual(['INV-2026-0003', 'INV-2026-0002']);
    expect(page.total).toBe(4);
  });

  it('expected cash-in by month and the engagement valuation come from planned milestones', async () => {
    const client = await api.client({ paymentTermsDays: 30 });
    const engagement = await api.engagement(client.id, { contractValueMinor: 1_000_000 });
    await api.schedule(engagement.id, [
      { name: 'A', share: { percent: '50' }, plannedDate: '2026-01-10' },
      { name: 'B', share: { percent: '50' }, plannedDate: '2026-12-20' },
    ]);
    const summary = await api.call<ReceivablesSummary>('receivables.summary', {});
    expect(summary.expected).toEqual([
      { month: '2026-02', currency: 'EUR', fromInvoicesMinor: 0, fromMilestonesMinor: 500_000 },
      { month: '2027-01', currency: 'EUR', fromInvoicesMinor: 0, fromMilestonesMinor: 500_000 },
    ]);
    const value = await api.call<EngagementValuation>('engagements.valuation', {
      id: engagement.id,
      annualDiscountRate: 0.1,
      outlays: [{ date: '2026-01-01', amountMinor: 600_000 }],
    });
    expect(value.totalMinor).toBe(400_000);
    expect(value.flows).toHaveLength(3);
    const expectedNpv =
      -600_000 + 500_000 / Math.pow(1.1, 9 / 365) + 500_000 / Math.pow(1.1, 353 / 365);
    expect(value.xnpvMinor).toBeCloseTo(expectedNpv, 4);
    expect(value.xirr).toBeGreaterThan(0.5);
    const noOutlay = await api.call<EngagementValuation>('engagements.valuation', {
      id: engagement.id,
      annualDiscountRate: 0.1,
    });
    expect(noOutlay.xirr).toBeNull();
  });
});
