import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngagementsListOutput, PracticeDashboard, SlaClause } from '../../core/api';
import { createRandom } from '../../core/techdebt';
import { DATABASE_FILE_NAME } from '../../db';
import { startTestServices, type TestServices } from '../../test/support/services';
import { testClock } from '../billing/test-helpers';
import type { ServiceContext } from '../context';
import { slaRepo } from '../sla/common';
import { clauseTimelines, TIMELINE_ENGINE } from '../sla/compliance';
import { slaApi } from '../sla/test-helpers';

/**
 * The dashboard's SLA summary reads every clause's records at once; these tests hold it to
 * what the SLA screens show: per clause and period, `sla.compliance` (one period, read on
 * its own) and `sla.compliance.timeline` must agree, and the dashboard's counts must be the
 * periods of the range ended by `asOf` that they assess and find met.
 */

let services: TestServices;
let api: ReturnType<typeof slaApi>;
const clock = testClock();
beforeEach(async () => {
  clock.set('2026-11-21');
  services = await startTestServices({ now: clock.now });
  api = slaApi(services);
});
afterEach(() => services.dispose());

interface Range {
  from?: string;
  to?: string;
  asOf?: string;
}

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + m - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, inclusive. */
function months(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/**
 * The SLA rows as the SLA screens give them: for each engagement with clauses, the periods
 * lying wholly in the range's months that ended by `asOf`, each clause's period through
 * `sla.compliance` and checked against the engagement's timeline.
 */
async function expectedSla(range: Range, credits: Map<string, number>) {
  const asOf = range.asOf ?? '2026-11-21';
  const toMonth = (range.to ?? asOf).slice(0, 7);
  const fromMonth = range.from ? range.from.slice(0, 7) : addMonths(toMonth, -11);
  const lastEnded = [toMonth, addMonths(asOf.slice(0, 7), -1)].sort()[0]!;
  const ended = months(fromMonth, lastEnded);
  const list = await api.call<EngagementsListOutput>('engagements.list', { limit: 500 });
  const rows: PracticeDashboard['sla'] = [];
  let periodsChecked = 0;
  for (const e of list.items) {
    const clauses = await api.call<SlaClause[]>('sla.clauses.list', { engagementId: e.id });
    if (clauses.length === 0) continue;
    let periodsAssessed = 0;
    let periodsMet = 0;
    if (ended.length > 0) {
      const timeline = await api.call<{
        series: { clauseId: string; rows: { period: string; met: boolean | null }[] }[];
      }>('sla.compliance.timeline', { engagementId: e.id, from: ended[0], to: lastEnded });
      for (const clause of clauses) {
        const quarterly = clause.window.kind === 'quarter';
        const keys = quarterly
          ? [...new Set(ended.map((m) => `${m.slice(0, 4)}-Q${Math.ceil(Number(m.slice(5)) / 3)}`))]
          : ended;
        const series = timeline.series.find((s) => s.clauseId === clause.id)!;
        expect(series.rows.map((r) => r.period)).toEqual(keys);
        for (const key of keys) {
          const compliance = await api.compliance(clause.id, key);
          expect(series.rows.find((r) => r.period === key)!.met).toBe(compliance.met);
          periodsChecked++;
          // A quarter counts only when its three months all lie in the ended range.
          if (quarterly) {
            const first = `${key.slice(0, 4)}-${String((Number(key.slice(6)) - 1) * 3 + 1).padStart(2, '0')}`;
            if (!ended.includes(first) || !ended.includes(addMonths(first, 2))) continue;
          }
          if (compliance.met === null) continue;
          periodsAssessed++;
          if (compliance.met) periodsMet++;
        }
      }
    }
    rows.push({
      engagementId: e.id,
      engagementTitle: e.title,
      clientId: e.clientId,
      clientName: e.clientName,
      currency: e.currency,
      clauses: clauses.length,
      periodsAssessed,
      periodsMet,
      complianceRatio: periodsAssessed > 0 ? periodsMet / periodsAssessed : null,
      creditsMinor: credits.get(e.id) ?? 0,
    });
  }
  rows.sort(
    (a, b) =>
      a.clientName.localeCompare(b.clientName) ||
      a.engagementTitle.localeCompare(b.engagementTitle) ||
      a.engagementId.localeCompare(b.engagementId),
  );
  return { rows, periodsChecked };
}

async function expectSummaryMatches(ranges: Range[]) {
  let checked = 0;
  for (const range of ranges) {
    const dashboard = await api.call<PracticeDashboard>('dashboard.practice', range);
    const credits = new Map(dashboard.sla.map((s) => [s.engagementId, s.creditsMinor]));
    const expected = await expectedSla(range, credits);
    expect(dashboard.sla).toEqual(expected.rows);
    checked += expected.periodsChecked;
  }
  return checked;
}

describe('dashboard.practice: SLA summary = the SLA compliance of each clause', () => {
  it('over the SLA demo data (two engagements, three clauses each)', async () => {
    await api.call('demo.load', { locale: 'en' });
    const checked = await expectSummaryMatches([
      {},
      { from: '2026-08-01', to: '2026-11-30' },
      { from: '2026-09-15', to: '2026-10-02', asOf: '2026-12-01' },
    ]);
    expect(checked).toBeGreaterThan(0);
    const d = await api.call<PracticeDashboard>('dashboard.practice', {});
    // The demo's October outage and slow week are breaches: not every assessed period is met.
    expect(d.sla).toHaveLength(2);
    for (const s of d.sla) expect(s.periodsMet).toBeLessThan(s.periodsAssessed);
  });

  it('over generated engagements: monthly, quarterly and rolling clauses, zones, exclusions', async () => {
    const random = createRandom(20_261_121);
    const int = (n: number) => Math.floor(random.nextOpen01() * n);
    const kinds = [
      {},
      { window: { kind: 'quarter' } },
      { window: { kind: 'rolling-days', days: 30 } },
      {
        timeZone: 'Europe/Berlin',
        serviceHours: {
          kind: 'weekly',
          timeZone: 'Europe/Berlin',
          windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }],
        },
      },
      {
        timeZone: 'Asia/Shanghai',
        exclusions: { maintenance: true, clientCaused: false, forceMajeure: true },
      },
      {
        metric: 'latency-percentile',
        target: '800',
        unit: 'ms',
        direction: 'at-most',
        creditTiers: [{ above: '800', creditPercent: 5 }],
      },
    ] as const;
    const base = Date.parse('2025-09-01T00:00:00.000Z');
    const span = Date.parse('2026-11-21T00:00:00.000Z') - base;
    for (let c = 0; c < 3; c++) {
      const client = await api.client({ displayName: `Client ${c}` });
      for (let e = 0; e < 3; e++) {
        const engagement = await api.engagement(client.id, { title: `Engagement ${c}.${e}` });
        // One engagement of each client has no clause: it has no SLA row.
        if (e === 2) continue;
        for (let k = 0; k < 2; k++) {
          const kind = kinds[(c * 2 + e * 3 + k) % kinds.length]!;
          const clause = await api.clause(engagement.id, {
            label: `Clause ${k}`,
            ...(kind as Record<string, unknown>),
          });
          if (clause.metric === 'latency-percentile') {
            const days = months('2025-09', '2026-11').flatMap((m) =>
              // Some months have no values: they are not assessed.
              int(4) === 0 ? [] : [`${m}-0${1 + int(9)}`, `${m}-1${int(9)}`, `${m}-2${int(9)}`],
            );
            const csv = ['date,p99_ms', ...days.map((d) => `${d},${500 + int(400)}`)].join('\n');
            await api.call('sla.measurements.importCsv', { clauseId: clause.id, csvText: csv });
            continue;
          }
          let previousStart = '';
          for (let i = 0; i < 14; i++) {
            // Now and then two incidents start together; some cross a month's end.
            const start =
              previousStart && int(5) === 0
                ? previousStart
                : new Date(base + Math.floor(random.nextOpen01() * span) - (int(2) ? 0 : 1))
                    .toISOString()
                    .replace(/\d\d\.\d{3}Z$/, '00.000Z');
            previousStart = start;
            const minutes = int(3) === 0 ? 1 + int(20) : 5 + int(2_000);
            const excluded = int(4) === 0;
            const exclusionKind = ['maintenance', 'client-caused', 'force-majeure'][int(3)];
            await api.incident(
              clause.id,
              start,
              new Date(Date.parse(start) + minutes * 60_000).toISOString(),
              excluded ? { excluded, exclusionKind } : {},
            );
          }
        }
      }
    }
    const checked = await expectSummaryMatches([
      {},
      { from: '2025-09-01', to: '2026-11-21' },
      { from: '2026-02-15', to: '2026-09-03' },
      { from: '2026-05-01', to: '2026-12-31', asOf: '2026-08-10' },
    ]);
    expect(checked).toBeGreaterThan(100);
    const d = await api.call<PracticeDashboard>('dashboard.practice', {
      from: '2025-09-01',
      to: '2026-11-21',
    });
    expect(d.sla).toHaveLength(6);
    // The generated history has both met and breached periods.
    const assessed = d.sla.reduce((n, s) => n + s.periodsAssessed, 0);
    const met = d.sla.reduce((n, s) => n + s.periodsMet, 0);
    expect(met).toBeGreaterThan(0);
    expect(met).toBeLessThan(assessed);
  });
});

const INSERT_INCIDENT = `INSERT INTO sla_incidents (id, clause_id, start_at, end_at, cause, excluded,
     exclusion_kind, note, created_at, updated_at)
   VALUES (?, ?, '2026-10-05T10:00:00.000Z', '2026-10-05T11:00:00.000Z', '', 0, NULL, '',
     '2026-11-21T00:00:00.000Z', '2026-11-21T00:00:00.000Z')`;

describe('dashboard.practice: computed SLA periods are reused until the SLA tables are written', () => {
  it('sees writes through the services, raw SQL on the connection and other connections', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id);
    const sla = async () => (await api.call<PracticeDashboard>('dashboard.practice', {})).sla[0]!;
    // 2025-12 … 2026-10 ended; no downtime: every month met (and now computed once).
    expect(await sla()).toMatchObject({ periodsAssessed: 11, periodsMet: 11 });
    expect(await sla()).toMatchObject({ periodsAssessed: 11, periodsMet: 11 });

    // An hour down in October misses 99.95 %.
    const incident = await api.incident(
      clause.id,
      '2026-10-05T10:00:00.000Z',
      '2026-10-05T11:00:00.000Z',
    );
    expect(await sla()).toMatchObject({ periodsAssessed: 11, periodsMet: 10 });

    // As an undo or a workspace import writes: SQL on the same connection.
    services.database.sqlite.prepare('DELETE FROM sla_incidents WHERE id = ?').run(incident.id);
    expect(await sla()).toMatchObject({ periodsAssessed: 11, periodsMet: 11 });

    // Another connection to the same file.
    const other = new Database(path.join(services.dir, DATABASE_FILE_NAME));
    try {
      other.prepare(INSERT_INCIDENT).run('other-connection-incident', clause.id);
    } finally {
      other.close();
    }
    expect(await sla()).toMatchObject({ periodsAssessed: 11, periodsMet: 10 });

    // The clause itself: a lower target is met again.
    await api.call('sla.clauses.update', {
      id: clause.id,
      changes: { target: '99', creditTiers: [{ below: '99', creditPercent: 10 }] },
    });
    expect(await sla()).toMatchObject({ periodsAssessed: 11, periodsMet: 11 });
  });

  it('keeps nothing computed inside a transaction that is rolled back', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id);
    const sqlite = services.database.sqlite;
    const ctx = { db: services.database.db, sqlite } as unknown as ServiceContext;
    const october = () =>
      clauseTimelines(ctx, [slaRepo(ctx).clause(clause.id)!], '2026-10', '2026-10').get(
        clause.id,
      )![0]!.met;
    expect(october()).toBe(true);
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare(INSERT_INCIDENT).run('rolled-back-incident', clause.id);
        expect(october()).toBe(false);
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(october()).toBe(true);
    expect((await api.compliance(clause.id, '2026-10')).met).toBe(true);
  });
});

describe('dashboard.practice: computed SLA periods are stored for later sessions', () => {
  const stored = (sqlite: Database.Database, clauseId: string) =>
    sqlite
      .prepare(
        'SELECT period, engine, met FROM sla_period_results WHERE clause_id = ? ORDER BY period',
      )
      .all(clauseId) as { period: string; engine: string; met: number | null }[];
  const sla = async (s: TestServices) =>
    (await slaApi(s).call<PracticeDashboard>('dashboard.practice', {})).sla[0]!;
  /** The services closed and started again on the same file (the app reopened). */
  async function reopen(): Promise<TestServices> {
    services.close();
    services = await startTestServices({ dir: services.dir, now: clock.now });
    api = slaApi(services);
    return services;
  }

  it('serves a later session the stored periods, until the clause’s rows are written', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id);
    expect(await sla(services)).toMatchObject({ periodsAssessed: 11, periodsMet: 11 });
    const rows = stored(services.database.sqlite, clause.id);
    expect(rows.map((r) => r.period)).toEqual(months('2025-12', '2026-10'));
    expect(new Set(rows.map((r) => r.engine))).toEqual(new Set([TIMELINE_ENGINE]));

    // Marked as breached behind the code's back: a new session shows what is stored (it did
    // not compute the periods again)…
    services.database.sqlite
      .prepare(`UPDATE sla_period_results SET met = 0 WHERE clause_id = ? AND period = '2026-03'`)
      .run(clause.id);
    await reopen();
    expect(await sla(services)).toMatchObject({ periodsAssessed: 11, periodsMet: 10 });

    // …until its clause's rows are written, by any connection: the file's own triggers drop
    // the stored periods in the same transaction.
    const other = new Database(path.join(services.dir, DATABASE_FILE_NAME));
    try {
      other.prepare(INSERT_INCIDENT).run('other-connection-incident', clause.id);
      expect(stored(other, clause.id)).toEqual([]);
    } finally {
      other.close();
    }
    // October's hour down is the one breach now, computed again and stored again.
    expect(await sla(services)).toMatchObject({ periodsAssessed: 11, periodsMet: 10 });
    expect(stored(services.database.sqlite, clause.id).filter((r) => r.met === 0)).toEqual([
      { period: '2026-10', engine: TIMELINE_ENGINE, met: 0 },
    ]);
    // A measurement and the clause itself drop them too.
    await api.call('sla.clauses.update', { id: clause.id, changes: { label: 'Renamed' } });
    expect(stored(services.database.sqlite, clause.id)).toEqual([]);
  });

  it('never serves periods another engine (an older build) stored, and removes them', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id);
    await sla(services);
    services.database.sqlite
      .prepare(`UPDATE sla_period_results SET engine = 'timeline 0', met = 0 WHERE clause_id = ?`)
      .run(clause.id);
    await reopen();
    expect(await sla(services)).toMatchObject({ periodsAssessed: 11, periodsMet: 11 });
    const rows = stored(services.database.sqlite, clause.id);
    expect(rows).toHaveLength(11);
    expect(rows.every((r) => r.engine === TIMELINE_ENGINE && r.met === 1)).toBe(true);
  });

  it('answers without storing while another connection holds the write lock', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id);
    const other = new Database(path.join(services.dir, DATABASE_FILE_NAME));
    try {
      other.exec('BEGIN IMMEDIATE');
      expect(await sla(services)).toMatchObject({ periodsAssessed: 11, periodsMet: 11 });
      expect(stored(services.database.sqlite, clause.id)).toEqual([]);
      other.exec('COMMIT');
    } finally {
      other.close();
    }
    // The wait for the lock is still the app's usual one afterwards.
    expect(services.database.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    // Computed in this session already: stored by the first computation after a write.
    await api.incident(clause.id, '2026-10-05T10:00:00.000Z', '2026-10-05T11:00:00.000Z');
    expect(await sla(services)).toMatchObject({ periodsAssessed: 11, periodsMet: 10 });
    expect(stored(services.database.sqlite, clause.id)).toHaveLength(11);
  });
});
