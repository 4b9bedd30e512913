import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngagementsListOutput } from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { billingApi, testClock } from './test-helpers';

/**
 * engagements.list's search and client-name sort, as rewritten for the large workspace
 * (docs/PERFORMANCE.md): the search matches an engagement's own text or its client's name,
 * and the client-name sort walks the clients in name order with the id breaking ties.
 */

let services: TestServices;
let api: ReturnType<typeof billingApi>;
const clock = testClock();
beforeEach(async () => {
  clock.set('2026-11-21');
  services = await startTestServices({ now: clock.now });
  api = billingApi(services);
});
afterEach(() => services.dispose());

const list = (input: Record<string, unknown>) =>
  api.call<EngagementsListOutput>('engagements.list', { limit: 100, ...input });
const titles = (page: EngagementsListOutput) => page.items.map((e) => e.title);

describe('engagements.list search and client-name sort', () => {
  it('finds engagements by their own text or by their client’s name, with the right total', async () => {
    const acme = await api.client({ displayName: 'Acme Retail' });
    const globex = await api.client({ displayName: 'Globex Bank', defaultCurrency: 'USD' });
    await api.engagement(acme.id, { title: 'Cloud migration' });
    await api.engagement(acme.id, { title: 'Security audit', scope: 'Payments migration review' });
    await api.engagement(globex.id, { title: 'Data platform' });
    await api.engagement(globex.id, { title: 'Cloud MIGRATION phase 2' });

    const migration = await list({ search: 'migration' });
    expect(migration.total).toBe(3);
    expect(titles(migration).sort()).toEqual(
      ['Cloud MIGRATION phase 2', 'Cloud migration', 'Security audit'].sort(),
    );
    // The client's name matches every engagement of that client, case-insensitively.
    const bank = await list({ search: 'globex BANK' });
    expect(bank.total).toBe(2);
    expect(titles(bank).sort()).toEqual(['Cloud MIGRATION phase 2', 'Data platform']);
    // Both kinds of match together, narrowed by the other filters.
    const both = await list({ search: 'a', clientId: globex.id });
    expect(both.total).toBe(2);
    expect((await list({ search: 'nothing like this' })).total).toBe(0);
    // LIKE wildcards in the search are literal text.
    expect((await list({ search: '%' })).total).toBe(0);
  });

  it('sorts by client name both ways, ties by id, and pages without gaps or repeats', async () => {
    const zeta = await api.client({ displayName: 'zeta Labs' });
    const alpha = await api.client({ displayName: 'Alpha Foods' });
    const mid = await api.client({ displayName: 'Mid Motors' });
    const made: { id: string; client: string }[] = [];
    for (const [client, name] of [
      [zeta, 'zeta Labs'],
      [alpha, 'Alpha Foods'],
      [mid, 'Mid Motors'],
      [alpha, 'Alpha Foods'],
      [zeta, 'zeta Labs'],
    ] as const) {
      const e = await api.engagement(client.id, { title: `E ${made.length}` });
      made.push({ id: e.id, client: name });
    }
    const byName = (a: { id: string; client: string }, b: { id: string; client: string }) =>
      a.client.toLowerCase().localeCompare(b.client.toLowerCase()) || (a.id < b.id ? -1 : 1);
    const asc = [...made].sort(byName).map((e) => e.id);

    const up = await list({ sort: { field: 'clientName', direction: 'asc' } });
    expect(up.total).toBe(5);
    expect(up.items.map((e) => e.id)).toEqual(asc);
    const down = await list({ sort: { field: 'clientName', direction: 'desc' } });
    expect(down.items.map((e) => e.id)).toEqual([...asc].reverse());

    const pages = [];
    for (let offset = 0; offset < 5; offset += 2) {
      const page = await list({
        sort: { field: 'clientName', direction: 'asc' },
        offset,
        limit: 2,
      });
      expect(page.total).toBe(5);
      pages.push(...page.items.map((e) => e.id));
    }
    expect(pages).toEqual(asc);
    // With a search, the sort still applies to the matches only.
    const labs = await list({ search: 'labs', sort: { field: 'clientName', direction: 'desc' } });
    expect(labs.total).toBe(2);
    expect(labs.items.map((e) => e.id)).toEqual(asc.slice(3).reverse());
  });
});
