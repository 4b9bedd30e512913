import { v7 as uuidv7 } from 'uuid';
import { DebtStatus, ImpactLevel } from '../core/api';
import { createRandom } from '../core/techdebt';
import { createDebtRepository, DEFAULT_DEBT_SETTINGS } from '../db';
import type { Services } from '../services/host';
import { debtItemData, generateDebtItems } from './data/debt-items';
import { must, startBenchServices } from './data/services';
import type { BenchCase } from './harness';

/**
 * The client business-case dashboard (`dashboard.client`) through the real services (input
 * parsing and output validation included) for clients with 1,000, 10,000 and 100,000 debt
 * items (every status, PERT estimates, a saved fix plan of a tenth of the items), on a temp
 * SQLite file. Budget: under 50 ms median at 10,000 items.
 */

const SIZES = [1_000, 10_000, 100_000] as const;

let seeded: Promise<{ services: Services; clientIds: Map<number, string> }> | undefined;

function seed() {
  seeded ??= (async () => {
    const services = await startBenchServices('dashboard');
    const sqlite = services.database.sqlite;
    const repo = createDebtRepository(sqlite);
    const random = createRandom(8080);
    const pick = <T>(values: readonly T[]) =>
      values[Math.floor(random.nextOpen01() * values.length)]!;
    const now = new Date('2026-11-21T09:00:00.000Z').toISOString();
    const clientIds = new Map<number, string>();
    sqlite.transaction(() => {
      for (const size of SIZES) {
        const clientId = uuidv7();
        clientIds.set(size, clientId);
        const name = `Client with ${size} items`;
        sqlite
          .prepare(
            `INSERT INTO clients (id, display_name, default_currency, default_day_rate_minor, search_text, created_at, updated_at)
             VALUES (?, ?, 'EUR', 100000, ?, ?, ?)`,
          )
          .run(clientId, name, name.toLowerCase(), now, now);
        const plan: string[] = [];
        for (const [i, m] of generateDebtItems(size, size).entries()) {
          const data = debtItemData(m, {
            clientId,
            currency: 'EUR',
            title: `Debt item ${i}`,
            category: 'code',
            impact: pick(ImpactLevel.options),
            status: pick(DebtStatus.options),
          });
          const id = uuidv7();
          if (i % 10 === 0) plan.push(id);
          repo.insert(id, data, DEFAULT_DEBT_SETTINGS, now);
        }
        repo.saveSelection(clientId, plan, null, now);
      }
    })();
    sqlite.exec('ANALYZE');
    return { services, clientIds };
  })();
  return seeded;
}

export const benches: BenchCase[] = SIZES.map((size) => ({
  name: `services/dashboard.client, ${size.toLocaleString('en')} items`,
  group: 'services',
  setup: () => seed().then(() => undefined),
  fn: async () => {
    const { services, clientIds } = await seed();
    const data = await must(services, 'dashboard.client', { clientId: clientIds.get(size)! });
    return (data as { matrixTotal: number }).matrixTotal;
  },
  iterations: size >= 100_000 ? 10 : 30,
}));
