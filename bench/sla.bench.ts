import { v7 as uuidv7 } from 'uuid';
import { createRandom } from '../core/techdebt/random';
import type { Services } from '../services/host';
import { must, startBenchServices } from './data/services';
import type { BenchCase } from './harness';

/**
 * SLA compliance over 3 years of history (2023-12 … 2026-11) on 200 clauses of 10
 * engagements: 150 availability clauses (every third in business hours, Europe/Berlin, so
 * service-hour clipping across DST is exercised) with ~10 incidents a month each, and 50
 * P99 latency clauses with a measurement every day. Through the real services (input
 * parsing and output validation included) on a temp SQLite file. Seeded with prepared
 * inserts in one transaction; "today" is fixed at 2026-11-21.
 */

const ENGAGEMENTS = 10;
const CLAUSES = 200;
const FROM = '2023-12';
const TO = '2026-11';
const START_MS = Date.parse('2023-12-01T00:00:00.000Z');
const END_MS = Date.parse('2026-11-21T00:00:00.000Z');
const NOW = new Date('2026-11-21T09:00:00.000Z');
const DAY = 86_400_000;

interface Seeded {
  services: Services;
  engagementId: string;
  businessClauseId: string;
  latencyClauseId: string;
  incidents: number;
  measurements: number;
}

let seeded: Promise<Seeded> | undefined;

function seed(): Promise<Seeded> {
  seeded ??= (async () => {
    const services = await startBenchServices('sla', { now: NOW });
    const client = (await must(services, 'clients.create', {
      displayName: 'Bench client',
      defaultCurrency: 'EUR',
    })) as { id: string };
    const engagementIds: string[] = [];
    for (let e = 0; e < ENGAGEMENTS; e++) {
      const engagement = (await must(services, 'engagements.create', {
        clientId: client.id,
        title: `Engagement ${e}`,
        taxRatePercent: '19',
      })) as { id: string };
      engagementIds.push(engagement.id);
    }
    const availability: string[] = [];
    const latency: string[] = [];
    let businessClauseId = '';
    for (let c = 0; c < CLAUSES; c++) {
      const engagementId = engagementIds[c % ENGAGEMENTS]!;
      const isLatency = c % 4 === 3;
      const business = !isLatency && c % 3 === 0;
      const clause = (await must(
        services,
        'sla.clauses.create',
        isLatency
          ? {
              engagementId,
              metric: 'latency-percentile',
              target: '800',
              unit: 'ms',
              direction: 'at-most',
              creditTiers: [{ above: '800', creditPercent: 5 }],
              monthlyFeeMinor: 500_000,
            }
          : {
              engagementId,
              metric: 'availability',
              target: '99.95',
              unit: 'percent',
              direction: 'at-least',
              timeZone: business ? 'Europe/Berlin' : 'UTC',
              serviceHours: business
                ? {
                    kind: 'weekly',
                    timeZone: 'Europe/Berlin',
                    windows: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }],
                  }
                : { kind: '24x7' },
              creditTiers: [
                { below: '99.95', creditPercent: 10 },
                { below: '99', creditPercent: 30 },
              ],
              perIncidentCapMinor: 100_000,
              perPeriodCapPercent: '50',
              monthlyFeeMinor: 500_000,
            },
      )) as { id: string };
      (isLatency ? latency : availability).push(clause.id);
      if (business && engagementId === engagementIds[0] && !businessClauseId) {
        businessClauseId = clause.id;
      }
    }
    const sqlite = services.database.sqlite;
    const random = createRandom(505);
    let incidents = 0;
    let measurements = 0;
    sqlite.transaction(() => {
      const insertIncident = sqlite.prepare(
        `INSERT INTO sla_incidents (id, clause_id, start_at, end_at, cause, excluded, exclusion_kind, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'bench', ?, ?, '', ?, ?)`,
      );
      const insertMeasurement = sqlite.prepare(
        `INSERT INTO sla_measurements (id, clause_id, date, value, note, updated_at) VALUES (?, ?, ?, ?, '', ?)`,
      );
      const stamp = NOW.toISOString();
      for (const clauseId of availability) {
        // ~10 incidents a month: exponential gaps averaging 3 days, 1–60 minutes each.
        for (let t = START_MS; ;) {
          t += Math.floor(-Math.log(random.nextOpen01()) * 3 * DAY);
          if (t >= END_MS) break;
          const minutes = 1 + Math.floor(random.nextOpen01() * 60);
          const excluded = random.nextOpen01() < 0.1;
          insertIncident.run(
            uuidv7(),
            clauseId,
            new Date(t).toISOString(),
            new Date(t + minutes * 60_000).toISOString(),
            excluded ? 1 : 0,
            excluded ? 'maintenance' : null,
            stamp,
            stamp,
          );
          incidents++;
        }
      }
      for (const clauseId of latency) {
        for (let t = START_MS; t < END_MS; t += DAY) {
          insertMeasurement.run(
            uuidv7(),
            clauseId,
            new Date(t).toISOString().slice(0, 10),
            Math.round(450 + random.nextOpen01() * 450),
            stamp,
          );
          measurements++;
        }
      }
    })();
    sqlite.exec('ANALYZE');
    return {
      services,
      engagementId: engagementIds[0]!,
      businessClauseId,
      latencyClauseId: latency[0]!,
      incidents,
      measurements,
    };
  })();
  return seeded;
}

type Timeline = { series: { rows: unknown[] }[] };
const rows = (data: unknown) => (data as Timeline).series.reduce((n, s) => n + s.rows.length, 0);

/** A case that reads the 36-month timeline of what `subject` picks from the seeded data. */
function timelineCase(
  name: string,
  subject: (s: Seeded) => { clauseId: string } | { engagementId: string },
  iterations?: number,
): BenchCase {
  return {
    name: `sla/compliance timeline, ${name}, 36 months`,
    ...(iterations ? { iterations } : {}),
    group: 'sla',
    setup: () => seed().then(() => undefined),
    fn: async () => {
      const s = await seed();
      return rows(
        await must(s.services, 'sla.compliance.timeline', { ...subject(s), from: FROM, to: TO }),
      );
    },
  };
}

export const benches: BenchCase[] = [
  timelineCase('one business-hours clause', (s) => ({ clauseId: s.businessClauseId })),
  timelineCase('one latency clause (daily P99s)', (s) => ({ clauseId: s.latencyClauseId })),
  timelineCase('all 20 clauses of an engagement', (s) => ({ engagementId: s.engagementId }), 30),
  {
    name: 'sla/compliance of one period with incidents and credit note proposal',
    group: 'sla',
    setup: () => seed().then(() => undefined),
    fn: async () => {
      const s = await seed();
      return (await must(s.services, 'sla.compliance', {
        clauseId: s.businessClauseId,
        period: '2026-03',
      })) as unknown;
    },
  },
  {
    name: 'sla/period report, all 200 clauses, one month',
    group: 'sla',
    setup: () => seed().then(() => undefined),
    fn: async () => {
      const s = await seed();
      const report = (await must(s.services, 'sla.report', { month: '2026-03' })) as {
        rows: unknown[];
      };
      return report.rows.length;
    },
  },
];

/** For ad-hoc tuning: the seeded figures. */
export const seededSla = seed;
