import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EngagementStage,
  type Client,
  type CreditNote,
  type Invoice,
  type PracticeDashboard,
} from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { billingApi, fail, testClock } from '../billing/test-helpers';
import { slaApi } from '../sla/test-helpers';

let services: TestServices;
let api: ReturnType<typeof slaApi>;
const clock = testClock();
beforeEach(async () => {
  clock.set('2026-11-21');
  services = await startTestServices({ now: clock.now });
  api = slaApi(services);
});
afterEach(() => services.dispose());

const dashboard = (input: Record<string, unknown> = {}) =>
  api.call<PracticeDashboard>('dashboard.practice', input);

const line = (amountMinor: number) => [
  { description: 'Consulting', quantity: '1', unitPriceMinor: amountMinor, taxRatePercent: '0' },
];

const after = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/**
 * Two clients in two currencies, seen on 2026-11-21 (default range 2025-12 … 2026-11):
 *
 * EUR (Acme, Net 30)
 *   E1 won 1,000,000, milestones 50 % planned 2026-12-10 and 2027-03-10 (cash 2027-01, 2027-04)
 *   E2 lead 200,000
 *   I1 100,000 issued 2026-03-10, paid in full 2026-04-01
 *   I2 50,000 of E1 issued 2026-09-01 (due 2026-10-01), paid 20,000 on 2026-10-15,
 *      credited 5,000 on 2026-11-21 → 25,000 open, 51 days overdue
 *   I3 30,000 issued 2026-11-10, due 2026-12-10 → current
 *   a draft (9,999) and a void invoice (40,000, 2026-05-05) count nowhere
 * USD (Globex, Net 30)
 *   E3 active 2,000,000 with an availability clause (99.95 %, fee 1,000,000): February 2026
 *      breached (60 min down) → SLA credit note 100,000 dated 2026-03-05
 *   I4 700,000 of E3 issued 2025-10-01 (before the range), due 2025-10-31 → 600,000 open, 90+
 */
async function practice() {
  const acme = await api.client({ displayName: 'Acme', paymentTermsDays: 30 });
  const globex = await api.client({
    displayName: 'Globex',
    defaultCurrency: 'USD',
    paymentTermsDays: 30,
  });
  const e1 = await api.engagement(acme.id, { title: 'Platform', contractValueMinor: 1_000_000 });
  await api.schedule(e1.id, [
    { name: 'First', share: { percent: '50' }, plannedDate: '2026-12-10' },
    { name: 'Second', share: { percent: '50' }, plannedDate: '2027-03-10' },
  ]);
  const e2 = await api.engagement(acme.id, {
    title: 'Audit',
    stage: 'lead',
    contractValueMinor: 200_000,
  });
  const e3 = await api.engagement(globex.id, {
    title: 'Hosting',
    stage: 'active',
    contractValueMinor: 2_000_000,
    taxRatePercent: '0',
  });

  const issued = async (
    client: Client,
    amountMinor: number,
    issueDate: string,
    fields: Record<string, unknown> = {},
  ) =>
    api.issue(
      (await api.linesInvoice(client.id, { lines: line(amountMinor), ...fields })).id,
      issueDate,
    );
  const i1 = await issued(acme, 100_000, '2026-03-10');
  await api.call('payments.record', { invoiceId: i1.id, date: '2026-04-01', amountMinor: 100_000 });
  const i2 = await issued(acme, 50_000, '2026-09-01', { engagementId: e1.id });
  await api.call('payments.record', { invoiceId: i2.id, date: '2026-10-15', amountMinor: 20_000 });
  await api.call<CreditNote>('creditNotes.create', {
    invoiceId: i2.id,
    reason: 'Goodwill',
    credit: { amountMinor: 5_000 },
  });
  const i3 = await issued(acme, 30_000, '2026-11-10');
  await api.linesInvoice(acme.id, { lines: line(9_999) });
  const voided = await issued(acme, 40_000, '2026-05-05');
  await api.call('invoices.void', { id: voided.id, reason: 'Sent twice' });

  const i4 = await issued(globex, 700_000, '2025-10-01', { engagementId: e3.id });
  const clause = await api.clause(e3.id, { timeZone: 'UTC' });
  await api.incident(clause.id, '2026-02-10T10:00:00.000Z', after('2026-02-10T10:00:00.000Z', 60));
  await api.call('sla.proposeCreditNote', {
    clauseId: clause.id,
    period: '2026-02',
    invoiceId: i4.id,
    issueDate: '2026-03-05',
  });
  return { acme, globex, e1, e2, e3, i1, i2, i3, i4 };
}

const months = (from: string, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const [y, m] = from.split('-').map(Number) as [number, number];
    const k = y * 12 + m - 1 + i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });

describe('dashboard.practice figures', () => {
  it('adds up every figure of a two-currency practice as computed by hand', async () => {
    const { e1, e3, acme, globex } = await practice();
    const d = await dashboard();
    expect(d).toMatchObject({ asOf: '2026-11-21', from: '2025-12-01', to: '2026-11-30' });
    // EUR: 2 engagements + 3 issued invoices; USD: 1 + 1.
    expect(d.currencies).toEqual(['EUR', 'USD']);

    expect(d.money).toEqual([
      {
        currency: 'EUR',
        contractedMinor: 1_000_000,
        invoicedMinor: 180_000,
        creditedMinor: 5_000,
        paidMinor: 120_000,
        outstandingMinor: 55_000,
        overdueMinor: 25_000,
        openInvoices: 2,
        overdueInvoices: 1,
      },
      {
        currency: 'USD',
        contractedMinor: 2_000_000,
        invoicedMinor: 700_000,
        creditedMinor: 100_000,
        paidMinor: 0,
        outstandingMinor: 600_000,
        overdueMinor: 600_000,
        openInvoices: 1,
        overdueInvoices: 1,
      },
    ]);

    expect(d.aging).toEqual([
      {
        currency: 'EUR',
        currentMinor: 30_000,
        days1to30Minor: 0,
        days31to60Minor: 25_000,
        days61to90Minor: 0,
        days90plusMinor: 0,
      },
      {
        currency: 'USD',
        currentMinor: 0,
        days1to30Minor: 0,
        days31to60Minor: 0,
        days61to90Minor: 0,
        days90plusMinor: 600_000,
      },
    ]);

    // Every stage for every currency, in contract order.
    expect(d.pipeline).toHaveLength(7 * 2);
    expect(d.pipeline.filter((p) => p.engagements > 0)).toEqual([
      { stage: 'lead', currency: 'EUR', engagements: 1, valueMinor: 200_000 },
      { stage: 'won', currency: 'EUR', engagements: 1, valueMinor: 1_000_000 },
      { stage: 'active', currency: 'USD', engagements: 1, valueMinor: 2_000_000 },
    ]);
    expect(d.pipeline.slice(0, 2)).toEqual([
      { stage: 'lead', currency: 'EUR', engagements: 1, valueMinor: 200_000 },
      { stage: 'lead', currency: 'USD', engagements: 0, valueMinor: 0 },
    ]);

    // Revenue: 12 months × 2 currencies, month by month.
    expect(d.revenue.map((r) => `${r.month} ${r.currency}`)).toEqual(
      months('2025-12', 12).flatMap((m) => [`${m} EUR`, `${m} USD`]),
    );
    const nonZero = d.revenue.filter((r) => r.invoicedMinor || r.creditedMinor || r.paidMinor);
    expect(nonZero).toEqual([
      { month: '2026-03', currency: 'EUR', invoicedMinor: 100_000, creditedMinor: 0, paidMinor: 0 },
      { month: '2026-03', currency: 'USD', invoicedMinor: 0, creditedMinor: 100_000, paidMinor: 0 },
      { month: '2026-04', currency: 'EUR', invoicedMinor: 0, creditedMinor: 0, paidMinor: 100_000 },
      { month: '2026-09', currency: 'EUR', invoicedMinor: 50_000, creditedMinor: 0, paidMinor: 0 },
      { month: '2026-10', currency: 'EUR', invoicedMinor: 0, creditedMinor: 0, paidMinor: 20_000 },
      {
        month: '2026-11',
        currency: 'EUR',
        invoicedMinor: 30_000,
        creditedMinor: 5_000,
        paidMinor: 0,
      },
    ]);

    // Cash-in: 2026-11 … 2027-10; overdue balances now, I3 in its due month, milestones by
    // planned date + Net 30.
    expect(d.cashIn).toHaveLength(12 * 2);
    expect(d.cashIn[0]!.month).toBe('2026-11');
    expect(d.cashIn.at(-1)!.month).toBe('2027-10');
    expect(d.cashIn.filter((c) => c.fromInvoicesMinor || c.fromMilestonesMinor)).toEqual([
      { month: '2026-11', currency: 'EUR', fromInvoicesMinor: 25_000, fromMilestonesMinor: 0 },
      { month: '2026-11', currency: 'USD', fromInvoicesMinor: 600_000, fromMilestonesMinor: 0 },
      { month: '2026-12', currency: 'EUR', fromInvoicesMinor: 30_000, fromMilestonesMinor: 0 },
      { month: '2027-01', currency: 'EUR', fromInvoicesMinor: 0, fromMilestonesMinor: 500_000 },
      { month: '2027-04', currency: 'EUR', fromInvoicesMinor: 0, fromMilestonesMinor: 500_000 },
    ]);

    // SLA: the ended months 2025-12 … 2026-10 (11), February breached.
    expect(d.sla).toEqual([
      {
        engagementId: e3.id,
        engagementTitle: 'Hosting',
        clientId: globex.id,
        clientName: 'Globex',
        currency: 'USD',
        clauses: 1,
        periodsAssessed: 11,
        periodsMet: 10,
        complianceRatio: 10 / 11,
        creditsMinor: 100_000,
      },
    ]);
    expect(e1.clientId).toBe(acme.id);
  });

  it('filters by client, engagement and currency', async () => {
    const { acme, globex, e1, e3 } = await practice();
    const usd = await dashboard({ clientId: globex.id });
    expect(usd.currencies).toEqual(['USD']);
    expect(usd.money.map((m) => m.invoicedMinor)).toEqual([700_000]);
    expect(usd.sla.map((s) => s.engagementId)).toEqual([e3.id]);
    expect(usd.revenue).toHaveLength(12);

    const eur = await dashboard({ currency: 'EUR' });
    expect(eur.currencies).toEqual(['EUR']);
    expect(eur.sla).toEqual([]);
    expect(eur.money[0]).toMatchObject({ invoicedMinor: 180_000, outstandingMinor: 55_000 });

    const platform = await dashboard({ engagementId: e1.id });
    expect(platform.currencies).toEqual(['EUR']);
    expect(platform.money).toEqual([
      {
        currency: 'EUR',
        contractedMinor: 1_000_000,
        invoicedMinor: 50_000,
        creditedMinor: 5_000,
        paidMinor: 20_000,
        outstandingMinor: 25_000,
        overdueMinor: 25_000,
        openInvoices: 1,
        overdueInvoices: 1,
      },
    ]);
    expect(platform.pipeline.filter((p) => p.engagements)).toEqual([
      { stage: 'won', currency: 'EUR', engagements: 1, valueMinor: 1_000_000 },
    ]);
    expect(platform.cashIn.filter((c) => c.fromInvoicesMinor || c.fromMilestonesMinor)).toEqual([
      { month: '2026-11', currency: 'EUR', fromInvoicesMinor: 25_000, fromMilestonesMinor: 0 },
      { month: '2027-01', currency: 'EUR', fromInvoicesMinor: 0, fromMilestonesMinor: 500_000 },
      { month: '2027-04', currency: 'EUR', fromInvoicesMinor: 0, fromMilestonesMinor: 500_000 },
    ]);

    // Filters intersect: the USD currency of a EUR client, another client's engagement.
    for (const input of [
      { clientId: acme.id, currency: 'USD' },
      { clientId: globex.id, engagementId: e1.id },
    ]) {
      const none = await dashboard(input);
      expect(none).toMatchObject({ currencies: [], money: [], revenue: [], sla: [], cashIn: [] });
    }
  });

  it('rounds the range out to whole months; SLA counts only months ended by asOf', async () => {
    await practice();
    const d = await dashboard({ from: '2026-01-15', to: '2026-04-02' });
    expect(d).toMatchObject({ from: '2026-01-01', to: '2026-04-30' });
    expect(new Set(d.revenue.map((r) => r.month))).toEqual(
      new Set(['2026-01', '2026-02', '2026-03', '2026-04']),
    );
    expect(d.sla[0]).toMatchObject({ periodsAssessed: 4, periodsMet: 3, creditsMinor: 100_000 });
    // Money totals are all-time, whatever the range.
    expect(d.money[0]!.invoicedMinor).toBe(180_000);

    const after = await dashboard({ from: '2026-04-01', to: '2026-12-31' });
    // April … October have ended on 2026-11-21; November and December have not.
    expect(after.sla[0]).toMatchObject({ periodsAssessed: 7, periodsMet: 7, creditsMinor: 0 });
    expect(after.sla[0]!.complianceRatio).toBe(1);

    const future = await dashboard({ from: '2026-11-01', to: '2026-12-31' });
    expect(future.sla[0]).toMatchObject({ periodsAssessed: 0, complianceRatio: null });
  });

  it('adds up several days of a month, and leaves the days after the range out of the months', async () => {
    const acme = await api.client({ displayName: 'Acme' });
    const issued = async (amountMinor: number, issueDate: string) =>
      api.issue((await api.linesInvoice(acme.id, { lines: line(amountMinor) })).id, issueDate);
    const pay = (invoiceId: string, date: string, amountMinor: number) =>
      api.call('payments.record', { invoiceId, date, amountMinor });
    const credit = (invoiceId: string, issueDate: string, amountMinor: number) =>
      api.call<CreditNote>('creditNotes.create', {
        invoiceId,
        reason: 'Goodwill',
        issueDate,
        credit: { amountMinor },
      });
    const a = await issued(10_000, '2026-06-03');
    const b = await issued(20_000, '2026-06-30');
    const c = await issued(40_000, '2026-07-01');
    await pay(a.id, '2026-06-05', 4_000);
    await pay(a.id, '2026-06-29', 3_000);
    await pay(b.id, '2026-07-02', 7_000);
    await credit(a.id, '2026-06-10', 1_000);
    await credit(b.id, '2026-06-30', 2_000);
    await credit(c.id, '2026-07-01', 4_000);

    const d = await dashboard({ from: '2026-06-01', to: '2026-06-30' });
    expect(d.revenue).toEqual([
      {
        month: '2026-06',
        currency: 'EUR',
        invoicedMinor: 30_000,
        creditedMinor: 3_000,
        paidMinor: 7_000,
      },
    ]);
    expect(d.money[0]).toMatchObject({
      invoicedMinor: 70_000,
      creditedMinor: 7_000,
      paidMinor: 14_000,
    });
  });

  it('asOf moves aging, overdue, cash-in months and the default range', async () => {
    await practice();
    const d = await dashboard({ asOf: '2026-10-20' });
    expect(d).toMatchObject({ asOf: '2026-10-20', from: '2025-11-01', to: '2026-10-31' });
    expect(d.aging[0]).toMatchObject({ currentMinor: 30_000, days1to30Minor: 25_000 });
    expect(d.money[0]).toMatchObject({ overdueMinor: 25_000, overdueInvoices: 1 });
    expect(d.cashIn[0]).toMatchObject({ month: '2026-10', fromInvoicesMinor: 25_000 });
    // The clock is "today" when asOf is absent.
    clock.set('2026-12-15');
    const later = await dashboard();
    expect(later).toMatchObject({ asOf: '2026-12-15', from: '2026-01-01', to: '2026-12-31' });
    expect(later.aging[0]).toMatchObject({ currentMinor: 0, days1to30Minor: 30_000 });
  });

  it('a milestone leaves the cash-in forecast once invoiced, and returns when the invoice is void', async () => {
    const client = await api.client({ paymentTermsDays: 30 });
    const engagement = await api.engagement(client.id, { contractValueMinor: 1_000_000 });
    const { milestones } = await api.schedule(engagement.id, [
      { name: 'A', share: { percent: '40' }, plannedDate: '2026-12-10' },
      { name: 'B', share: { percent: '60' }, plannedDate: '2027-02-10' },
    ]);
    const forecast = async () =>
      (await dashboard()).cashIn
        .filter((c) => c.fromMilestonesMinor || c.fromInvoicesMinor)
        .map((c) => [c.month, c.fromInvoicesMinor, c.fromMilestonesMinor]);
    expect(await forecast()).toEqual([
      ['2027-01', 0, 400_000],
      ['2027-03', 0, 600_000],
    ]);
    const draft = await api.call<Invoice>('invoices.createFromMilestone', {
      milestoneId: milestones[0]!.id,
      reason: 'Early billing agreed',
    });
    const invoice = await api.issue(draft.id);
    // 400,000 + 19 % tax, due 2026-12-21.
    expect(await forecast()).toEqual([
      ['2026-12', 476_000, 0],
      ['2027-03', 0, 600_000],
    ]);
    await api.call('invoices.void', { id: invoice.id, reason: 'Wrong amount' });
    expect(await forecast()).toEqual([
      ['2027-01', 0, 400_000],
      ['2027-03', 0, 600_000],
    ]);
  });

  it('an empty workspace gives well-formed, empty figures', async () => {
    const d = await dashboard();
    expect(d).toEqual({
      asOf: '2026-11-21',
      from: '2025-12-01',
      to: '2026-11-30',
      currencies: [],
      pipeline: [],
      money: [],
      cashIn: [],
      aging: [],
      revenue: [],
      sla: [],
    });
    // One engagement: its currency's rows are all there, with zeros.
    const client = await api.client();
    await api.engagement(client.id, { stage: 'proposal_sent', contractValueMinor: 0 });
    const one = await dashboard();
    expect(one.currencies).toEqual(['EUR']);
    expect(one.pipeline).toHaveLength(7);
    expect(one.revenue).toHaveLength(12);
    expect(one.cashIn).toHaveLength(12);
    expect(one.money).toEqual([
      {
        currency: 'EUR',
        contractedMinor: 0,
        invoicedMinor: 0,
        creditedMinor: 0,
        paidMinor: 0,
        outstandingMinor: 0,
        overdueMinor: 0,
        openInvoices: 0,
        overdueInvoices: 0,
      },
    ]);
    expect(one.revenue.every((r) => !r.invoicedMinor && !r.creditedMinor && !r.paidMinor)).toBe(
      true,
    );
  });
});

describe('dashboard.practice refusals', () => {
  it('refuses a reversed or too long range with a reason, and unknown ids with NOT_FOUND', async () => {
    const reversed = await fail(
      services.invoke('dashboard.practice', { from: '2026-05-01', to: '2026-04-30' }),
    );
    expect(reversed.code).toBe('VALIDATION');
    expect(reversed.issues.map((i) => i.code)).toEqual(['RANGE_REVERSED']);
    // A start after the default end (asOf) is reversed too.
    const late = await fail(services.invoke('dashboard.practice', { from: '2026-12-01' }));
    expect(late).toMatchObject({ code: 'VALIDATION', reason: 'RANGE_REVERSED' });
    const long = await fail(
      services.invoke('dashboard.practice', { from: '2016-11-01', to: '2026-11-30' }),
    );
    expect(long).toMatchObject({ code: 'VALIDATION', reason: 'RANGE_TOO_LONG' });
    // 120 months is the limit, not over it.
    await dashboard({ from: '2016-12-01', to: '2026-11-30' });

    const id = '0196f3a0-0000-7000-8000-000000000001';
    expect(await fail(services.invoke('dashboard.practice', { clientId: id }))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'CLIENT_NOT_FOUND',
    });
    expect(await fail(services.invoke('dashboard.practice', { engagementId: id }))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ENGAGEMENT_NOT_FOUND',
    });
    const bad = await fail(services.invoke('dashboard.practice', { currency: 'euro' }));
    expect(bad.code).toBe('VALIDATION');
  });
});

describe('dashboard.practice properties', () => {
  const invoiceArb = fc.record({
    usd: fc.boolean(),
    amountMinor: fc.integer({ min: 1, max: 5_000_000 }),
    issueDay: fc.integer({ min: 0, max: 1000 }),
    terms: fc.integer({ min: 0, max: 365 }),
    paidShare: fc.integer({ min: 0, max: 100 }),
    creditShare: fc.integer({ min: 0, max: 100 }),
    voided: fc.boolean(),
  });
  const engagementArb = fc.record({
    usd: fc.boolean(),
    stage: fc.constantFrom(...EngagementStage.options),
    valueMinor: fc.integer({ min: 0, max: 100_000_000 }),
  });

  it('sums agree: revenue months = totals, buckets = outstanding, cash-in = outstanding, pipeline = engagements', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(invoiceArb, { maxLength: 8 }),
        fc.array(engagementArb, { maxLength: 6 }),
        async (invoices, engagements) => {
          const own = await startTestServices({ now: clock.now });
          try {
            const b = billingApi(own);
            const eur = await b.client({ displayName: 'Euro' });
            const usd = await b.client({ displayName: 'Dollar', defaultCurrency: 'USD' });
            const model = new Map<string, { balance: number; laterThanYear: number }>();
            for (const e of engagements) {
              await b.engagement(e.usd ? usd.id : eur.id, {
                stage: e.stage,
                contractValueMinor: e.valueMinor,
              });
            }
            // Issue dates 2024-06-01 + n days; "today" 2026-11-21; window ends 2027-10-31.
            for (const inv of invoices) {
              const issueDate = new Date(Date.UTC(2024, 5, 1 + inv.issueDay))
                .toISOString()
                .slice(0, 10);
              const draft = await b.linesInvoice(inv.usd ? usd.id : eur.id, {
                lines: line(inv.amountMinor),
                paymentTermsDays: inv.terms,
              });
              const issued: Invoice = await b.issue(draft.id, issueDate);
              if (inv.voided) {
                // Counts nowhere, though it keeps its total and balance.
                await b.call('invoices.void', { id: issued.id, reason: 'Wrong client' });
                continue;
              }
              const credit = Math.floor((inv.amountMinor * inv.creditShare) / 100);
              if (credit > 0) {
                await b.call('creditNotes.create', {
                  invoiceId: issued.id,
                  reason: 'Adjustment',
                  issueDate,
                  credit: { amountMinor: credit },
                });
              }
              const paid = Math.floor(((inv.amountMinor - credit) * inv.paidShare) / 100);
              if (paid > 0) {
                await b.call('payments.record', {
                  invoiceId: issued.id,
                  date: issued.dueDate,
                  amountMinor: paid,
                });
              }
              const m = model.get(issued.currency) ?? { balance: 0, laterThanYear: 0 };
              const balance = inv.amountMinor - credit - paid;
              m.balance += balance;
              if (issued.dueDate! > '2027-10-31') m.laterThanYear += balance;
              model.set(issued.currency, m);
            }

            const d = await b.call<PracticeDashboard>('dashboard.practice', {
              from: '2020-01-01',
              to: '2029-12-31',
            });
            const sum = <T>(rows: readonly T[], f: (r: T) => number) =>
              rows.reduce((n, r) => n + f(r), 0);
            expect(sum(d.pipeline, (p) => p.engagements)).toBe(engagements.length);
            expect(sum(d.pipeline, (p) => p.valueMinor)).toBe(
              sum(engagements, (e) => e.valueMinor),
            );
            for (const money of d.money) {
              const c = money.currency;
              const revenue = d.revenue.filter((r) => r.currency === c);
              expect(revenue).toHaveLength(120);
              expect(sum(revenue, (r) => r.invoicedMinor - r.creditedMinor)).toBe(
                money.invoicedMinor - money.creditedMinor,
              );
              expect(sum(revenue, (r) => r.paidMinor)).toBe(money.paidMinor);
              expect(money.invoicedMinor - money.creditedMinor - money.paidMinor).toBe(
                money.outstandingMinor,
              );
              expect(money.outstandingMinor).toBe(model.get(c)?.balance ?? 0);
              const a = d.aging.find((r) => r.currency === c)!;
              expect(
                a.currentMinor +
                  a.days1to30Minor +
                  a.days31to60Minor +
                  a.days61to90Minor +
                  a.days90plusMinor,
              ).toBe(money.outstandingMinor);
              expect(money.overdueMinor).toBe(money.outstandingMinor - a.currentMinor);
              const cash = d.cashIn.filter((r) => r.currency === c);
              expect(cash).toHaveLength(12);
              expect(sum(cash, (r) => r.fromInvoicesMinor)).toBe(
                money.outstandingMinor - (model.get(c)?.laterThanYear ?? 0),
              );
            }
            expect(d.money.map((m) => m.currency).sort()).toEqual(
              [
                ...new Set([
                  ...invoices.filter((i) => !i.voided).map((i) => (i.usd ? 'USD' : 'EUR')),
                  ...engagements.map((e) => (e.usd ? 'USD' : 'EUR')),
                ]),
              ].sort(),
            );
          } finally {
            own.dispose();
          }
        },
      ),
      { numRuns: 12, seed: 20261121 },
    );
  });
});
