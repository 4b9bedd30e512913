import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngagementsListOutput, InvoicesListOutput } from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { billingApi, fail, testClock } from './test-helpers';

/** The list filters dashboard charts drill down with (issue 8). */

let services: TestServices;
let api: ReturnType<typeof billingApi>;
const clock = testClock();
beforeEach(async () => {
  clock.set('2026-11-21');
  services = await startTestServices({ now: clock.now });
  api = billingApi(services);
});
afterEach(() => services.dispose());

const invoices = (input: Record<string, unknown>) =>
  api.call<InvoicesListOutput>('invoices.list', { limit: 100, ...input });
const engagements = (input: Record<string, unknown>) =>
  api.call<EngagementsListOutput>('engagements.list', { limit: 100, ...input });

describe('invoices.list by issue date (the drill-down behind a revenue month)', () => {
  it('keeps invoices issued within the inclusive range, never drafts, with the other filters', async () => {
    const acme = await api.client();
    const globex = await api.client({ displayName: 'Globex', defaultCurrency: 'USD' });
    const dates = ['2026-02-28', '2026-03-01', '2026-03-15', '2026-03-31', '2026-04-01'];
    const numbers = new Map<string, string>();
    for (const date of dates) {
      const issued = await api.issue((await api.linesInvoice(acme.id)).id, date);
      numbers.set(date, issued.number!);
    }
    const dollars = await api.issue((await api.linesInvoice(globex.id)).id, '2026-03-10');
    await api.linesInvoice(acme.id); // a draft: no issue date

    const march = await invoices({
      issuedFrom: '2026-03-01',
      issuedTo: '2026-03-31',
      sort: { field: 'issueDate', direction: 'asc' },
    });
    expect(march.total).toBe(4);
    expect(march.items.map((i) => i.issueDate)).toEqual([
      '2026-03-01',
      '2026-03-10',
      '2026-03-15',
      '2026-03-31',
    ]);

    const marchEur = await invoices({
      issuedFrom: '2026-03-01',
      issuedTo: '2026-03-31',
      currency: 'EUR',
    });
    expect(marchEur.items.map((i) => i.number).sort()).toEqual(
      ['2026-03-01', '2026-03-15', '2026-03-31'].map((d) => numbers.get(d)!).sort(),
    );
    const marchGlobex = await invoices({ issuedTo: '2026-03-31', clientId: globex.id });
    expect(marchGlobex.items.map((i) => i.id)).toEqual([dollars.id]);

    // Open-ended on either side.
    expect((await invoices({ issuedFrom: '2026-03-31' })).total).toBe(2);
    expect((await invoices({ issuedTo: '2026-02-28' })).total).toBe(1);
    // Without the range every invoice is listed, the draft too.
    expect((await invoices({})).total).toBe(7);
    // A range with nothing in it, and a reversed one, are empty, not errors.
    expect((await invoices({ issuedFrom: '2027-01-01' })).total).toBe(0);
    expect((await invoices({ issuedFrom: '2026-04-01', issuedTo: '2026-03-01' })).total).toBe(0);
  });

  it('refuses a malformed date', async () => {
    const error = await fail(services.invoke('invoices.list', { issuedFrom: '2026-02-30' }));
    expect(error.code).toBe('VALIDATION');
  });
});

describe('engagements.list by currency (the drill-down behind a pipeline bar)', () => {
  it('keeps the engagements in that currency, with the stage and client filters', async () => {
    const acme = await api.client();
    const globex = await api.client({ displayName: 'Globex', defaultCurrency: 'USD' });
    const a = await api.engagement(acme.id, { title: 'A', stage: 'won' });
    const b = await api.engagement(acme.id, { title: 'B', stage: 'lead', currency: 'USD' });
    const c = await api.engagement(globex.id, { title: 'C', stage: 'won' });
    await api.engagement(globex.id, { title: 'D', stage: 'lead', currency: 'CNY' });

    const ids = (out: EngagementsListOutput) => out.items.map((e) => e.id);
    const sort = { field: 'title', direction: 'asc' };
    expect(ids(await engagements({ currency: 'USD', sort }))).toEqual([b.id, c.id]);
    expect(ids(await engagements({ currency: 'EUR', sort }))).toEqual([a.id]);
    expect(ids(await engagements({ currency: 'USD', stages: ['won'], sort }))).toEqual([c.id]);
    expect(ids(await engagements({ currency: 'USD', clientId: acme.id, sort }))).toEqual([b.id]);
    expect((await engagements({ currency: 'USD' })).total).toBe(2);
    expect((await engagements({ currency: 'JPY' })).total).toBe(0);
    expect((await engagements({})).total).toBe(4);
  });

  it('refuses a currency that is not an ISO code', async () => {
    const error = await fail(services.invoke('engagements.list', { currency: 'dollars' }));
    expect(error.code).toBe('VALIDATION');
  });
});
