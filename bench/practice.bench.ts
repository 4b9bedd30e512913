import { v7 as uuidv7 } from 'uuid';
import { createRandom } from '../core/techdebt';
import type { Services } from '../services/host';
import { seededServices } from './billing.bench';
import { must } from './data/services';
import type { BenchCase } from './harness';

/**
 * The practice dashboard (`dashboard.practice`) over the billing bench's 50,000 invoices of
 * 500 clients in three currencies, plus 1,000 engagements (every stage) with four planned
 * milestones each, through the real services; "today" is 2026-11-21, so the default range
 * is the 12 months to November 2026. The engagements only add to tables the billing cases
 * do not read.
 */

const ENGAGEMENTS = 1_000;
const STAGES = ['lead', 'proposal_sent', 'won', 'active', 'completed', 'lost', 'cancelled'];

let seeded: Promise<{ services: Services; clientId: string }> | undefined;

function seed() {
  seeded ??= (async () => {
    const services = await seededServices();
    const sqlite = services.database.sqlite;
    const random = createRandom(808);
    const int = (n: number) => Math.floor(random.nextOpen01() * n);
    const clients = sqlite
      .prepare('SELECT id, default_currency AS currency FROM clients ORDER BY id')
      .all() as { id: string; currency: string }[];
    const now = '2026-11-21T09:00:00.000Z';
    sqlite.transaction(() => {
      const insertEngagement = sqlite.prepare(
        `INSERT INTO engagements (id, client_id, title, type, stage, currency, contract_value_minor,
           tax_rate_percent, search_text, created_at, updated_at)
         VALUES (?, ?, ?, 'fixed_price', ?, ?, ?, '19', ?, ?, ?)`,
      );
      const insertMilestone = sqlite.prepare(
        `INSERT INTO milestones (id, engagement_id, position, name, amount_minor, planned_date,
           status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'planned', ?, ?)`,
      );
      for (let e = 0; e < ENGAGEMENTS; e++) {
        const client = clients[e % clients.length]!;
        const id = uuidv7();
        const value = 100_000 * (10 + int(1_000));
        const title = `Engagement ${e}`;
        const stage = STAGES[e % STAGES.length]!;
        insertEngagement.run(id, client.id, title, stage, client.currency, value, title, now, now);
        for (let m = 0; m < 4; m++) {
          const planned = new Date(Date.UTC(2026, 8 + int(18), 1 + int(28)))
            .toISOString()
            .slice(0, 10);
          insertMilestone.run(uuidv7(), id, m, `Milestone ${m}`, value / 4, planned, now, now);
        }
      }
    })();
    sqlite.exec('ANALYZE');
    // The client with the most invoices: the heaviest one-client dashboard.
    const { clientId } = sqlite
      .prepare(
        'SELECT client_id AS clientId FROM invoices GROUP BY client_id ORDER BY count(*) DESC LIMIT 1',
      )
      .get() as { clientId: string };
    return { services, clientId };
  })();
  return seeded;
}

async function practice(input: (clientId: string) => Record<string, unknown>): Promise<number> {
  const { services, clientId } = await seed();
  const data = await must(services, 'dashboard.practice', input(clientId));
  return (data as { revenue: unknown[] }).revenue.length;
}

export const benches: BenchCase[] = [
  {
    name: 'db/practice dashboard, 50k invoices, all clients',
    group: 'db',
    setup: () => seed().then(() => undefined),
    fn: () => practice(() => ({})),
  },
  {
    name: 'db/practice dashboard, 50k invoices, one client',
    group: 'db',
    setup: () => seed().then(() => undefined),
    fn: () => practice((clientId) => ({ clientId })),
  },
  {
    name: 'db/practice dashboard, 50k invoices, one currency',
    group: 'db',
    setup: () => seed().then(() => undefined),
    fn: () => practice(() => ({ currency: 'USD' })),
  },
];
