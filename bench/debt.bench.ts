import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import type { DebtCategory, DebtStatus, ImpactLevel } from '../core/api';
import { createRandom } from '../core/techdebt';
import { createDebtRepository, DEFAULT_DEBT_SETTINGS, type DebtItemData } from '../db';
import { startServices, type Services } from '../services/host';
import { generateDebtItems } from './data/debt-items';
import type { BenchCase } from './harness';

/**
 * The register over 100,000 debt items of 1,000 clients, through the real services (the
 * dispatcher's input parsing and output validation included), on a temp SQLite file.
 */

const ITEMS = 100_000;
const CLIENTS = 1_000;
const here = path.dirname(fileURLToPath(import.meta.url));

const CATEGORIES: DebtCategory[] = [
  'architecture',
  'code',
  'infrastructure',
  'testing',
  'security',
  'data',
  'process',
];
const IMPACTS: ImpactLevel[] = ['critical', 'high', 'medium', 'low'];
const STATUSES: DebtStatus[] = [
  'identified',
  'proposed',
  'accepted',
  'in_progress',
  'fixed',
  'wont_fix',
];
const SYSTEMS = ['Billing', 'Checkout', 'Warehouse', 'CRM', 'Reporting', 'Mobile app', 'Search'];
const PROBLEMS = [
  'Manual release process',
  'Slow nightly export',
  'Unsupported runtime',
  'Missing tests',
  'Duplicated rules',
  'Shared admin account',
  'Unindexed queries',
  'Hard-coded integration',
  'No monitoring',
  'Flaky pipeline',
];
const TAGS = ['perf', 'security', 'ci', 'compliance', 'data-quality', 'customer-facing'];

/**
 * The real services on a fresh temp data folder (removed at exit), with the clock fixed at
 * `now` when given. The debt, billing and SLA benches all start from this.
 */
export async function startBenchServices(name: string, now?: Date): Promise<Services> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `engagement-desk-bench-${name}-`));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return startServices({
    dataDir: dir,
    migrationsFolder: path.join(here, '../db/migrations'),
    appVersion: 'bench',
    ...(now ? { now: () => now } : {}),
  });
}

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
        const m = models[i]!;
        const data: DebtItemData = {
          clientId: clientIds[i % CLIENTS]!,
          currency: (i % CLIENTS) % 10 === 0 ? 'USD' : 'EUR',
          title: `${pick(PROBLEMS)} in ${pick(SYSTEMS)} #${i}`,
          description: 'Found during the architecture review; costs measured from tickets.',
          category: pick(CATEGORIES),
          impact: pick(IMPACTS),
          affectedSystem: pick(SYSTEMS),
          status: pick(STATUSES),
          quarterlyCostMinor: m.quarterlyCost,
          costEstimate: null,
          growthPerQuarter: m.growthPerQuarter,
          fixDays: m.fixDays,
          dayRateMinor: m.dayRate,
          residualFraction: m.residualFraction,
          lagQuarters: m.lagQuarters,
          tags: [pick(TAGS), pick(TAGS)].filter((t, k, a) => a.indexOf(t) === k),
          evidence: '',
        };
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
  const result = await services.invoke('debt.list', input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.data as { total: number }).total;
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
      const { services } = await seed();
      const item = await services.invoke('debt.get', { id: (await seed()).firstItemId });
      if (!item.ok) throw new Error('missing');
      return list({
        clientId: (item.data as { clientId: string }).clientId,
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
      const updated = await services.invoke('debt.update', {
        id: firstItemId,
        changes: { quarterlyCostMinor: { low: likely, likely, high: likely * 2 } },
      });
      if (!updated.ok) throw new Error(JSON.stringify(updated.error));
      return list({ limit: 100 });
    },
  },
];
