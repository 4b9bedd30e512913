import { v7 as uuidv7 } from 'uuid';
import { DebtCategory, DebtStatus, ImpactLevel } from '../core/api';
import { createRandom } from '../core/techdebt';
import { createDebtRepository, DEFAULT_DEBT_SETTINGS } from '../db';
import type { Services } from '../services/host';
import { DEBT_PROBLEMS, DEBT_TAGS, debtItemData, generateDebtItems } from './data/debt-items';
import { must, startBenchServices } from './data/services';
import type { BenchCase } from './harness';

/**
 * The register over 100,000 debt items of 1,000 clients, through the real services (the
 * dispatcher's input parsing and output validation included), on a temp SQLite file.
 */

const ITEMS = 100_000;
const CLIENTS = 1_000;

const SYSTEMS = ['Billing', 'Checkout', 'Warehouse', 'CRM', 'Reporting', 'Mobile app', 'Search'];

let seeded: Promise<{ services: Services; firstItemId: string }> | undefined;

function seed(): Promise<{ services: Services; firstItemId: string }> {
  seeded ??= (async () => {
    const services = await startBenchServices('debt');
    const sqlite = services.database.sqlite;
    const random = createRandom(4242);
    const pick = <T>(values: readonly T[]) =>
      values[Math.floor(random.nextOpen01() * values.length)]!;
    const models = generateDebtItems(ITEMS, 4242);
    const repo = createDebtRepository(sqlite);
    const now = new Date('2026-11-21T09:00:00.000Z');
    let firstItemId = '';
    sqlite.transaction(() => {
      const insertClient = sqlite.prepare(
        `INSERT INTO clients (id, display_name, default_currency, default_day_rate_minor, search_text, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      const clientIds: string[] = [];
      for (let c = 0; c < CLIENTS; c++) {
        const id = uuidv7();
        clientIds.push(id);
        const name = `Client ${c}`;
        insertClient.run(
          id,
          name,
          c % 10 === 0 ? 'USD' : 'EUR',
          100_000,
          name.toLowerCase(),
          now.toISOString(),
          now.toISOString(),
        );
      }
      for (let i = 0; i < ITEMS; i++) {
        const data = debtItemData(models[i]!, {
          clientId: clientIds[i % CLIENTS]!,
          currency: (i % CLIENTS) % 10 === 0 ? 'USD' : 'EUR',
          title: `${pick(DEBT_PROBLEMS)} in ${pick(SYSTEMS)} #${i}`,
          description: 'Found during the architecture review; costs measured from tickets.',
          category: pick(DebtCategory.options),
          impact: pick(ImpactLevel.options),
          affectedSystem: pick(SYSTEMS),
          status: pick(DebtStatus.options),
          tags: [pick(DEBT_TAGS), pick(DEBT_TAGS)].filter((t, k, a) => a.indexOf(t) === k),
        });
        const id = uuidv7();
        if (i === 0) firstItemId = id;
        const at = new Date(now.getTime() + i * 1000).toISOString();
        repo.insert(id, data, DEFAULT_DEBT_SETTINGS, at);
      }
    })();
    sqlite.exec('ANALYZE');
    return { services, firstItemId };
  })();
  return seeded;
}

async function list(input: Record<string, unknown>): Promise<number> {
  const { services } = await seed();
  return ((await must(services, 'debt.list', input)) as { total: number }).total;
}

let edit = 0;

export const benches: BenchCase[] = [
  {
    name: 'db/debt register first page, 100k items, all clients, by CD3',
    group: 'db',
    setup: () => seed().then(() => undefined),
    fn: () => list({ limit: 100 }),
  },
  {
    name: 'db/debt register first page, 100k items, with a search',
    group: 'db',
    setup: () => seed().then(() => undefined),
    fn: () => list({ search: 'nightly export', limit: 100 }),
  },
  {
    name: 'db/debt register first page, 100k items, status filter',
    group: 'db',
    setup: () => seed().then(() => undefined),
    fn: () => list({ statuses: ['accepted', 'in_progress'], limit: 100 }),
  },
  {
    name: 'db/debt register one client, by net benefit',
    group: 'db',
    setup: () => seed().then(() => undefined),
    fn: async () => {
      const { services, firstItemId } = await seed();
      const item = (await must(services, 'debt.get', { id: firstItemId })) as { clientId: string };
      return list({
        clientId: item.clientId,
        sort: { field: 'netBenefit', direction: 'desc' },
      });
    },
  },
  {
    name: 'db/debt totals over 100k items',
    group: 'db',
    setup: () => seed().then(() => undefined),
    fn: async () => {
      const { services } = await seed();
      return createDebtRepository(services.database.sqlite).totals({
        search: '',
        statuses: [],
        categories: [],
        tags: [],
      }).length;
    },
  },
  {
    name: 'db/debt re-rank after an edit (update one item, read first page)',
    group: 'db',
    setup: () => seed().then(() => undefined),
    fn: async () => {
      const { services, firstItemId } = await seed();
      edit++;
      const likely = 1_000_000 + edit * 10_000;
      await must(services, 'debt.update', {
        id: firstItemId,
        changes: { quarterlyCostMinor: { low: likely, likely, high: likely * 2 } },
      });
      return list({ limit: 100 });
    },
  },
];
