import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlaMeasurement } from '../../core/api';
import { DATABASE_FILE_NAME, SLA_SOURCES } from '../../db';
import { readSnapshot, writeIfFree } from '../../db/repositories/sql';
import { startTestServices, type TestServices } from '../../test/support/services';
import { testClock } from '../billing/test-helpers';
import { slaApi } from './test-helpers';

/**
 * The stored SLA periods (`sla_period_results`) are a cache kept in the file: whatever
 * writes a clause's rows — any method, raw SQL, another connection — must drop that
 * clause's stored periods and no other's, and a computation must never store rows that a
 * commit it did not see has made stale.
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

const storedCount = (clauseId: string) =>
  (
    services.database.sqlite
      .prepare('SELECT count(*) AS n FROM sla_period_results WHERE clause_id = ?')
      .get(clauseId) as { n: number }
  ).n;

/** Two clauses (one incident and one measurement each) with their 2026 timelines stored. */
async function twoClauses() {
  const { engagement } = await api.setup();
  const [a, b] = [await api.clause(engagement.id), await api.clause(engagement.id)];
  const incidents = [];
  const measurements = [];
  for (const clause of [a, b]) {
    incidents.push(
      await api.incident(clause.id, '2026-03-02T10:00:00.000Z', '2026-03-02T10:30:00.000Z'),
    );
    measurements.push(
      await api.call<SlaMeasurement>('sla.measurements.upsert', {
        clauseId: clause.id,
        date: '2026-03-02',
        value: 99.9,
      }),
    );
  }
  const computeAll = async () => {
    await api.call('sla.compliance.timeline', {
      engagementId: engagement.id,
      from: '2026-01',
      to: '2026-10',
    });
    expect([storedCount(a.id), storedCount(b.id)]).toEqual([10, 10]);
  };
  await computeAll();
  return { a, b, incident: incidents[0]!, measurement: measurements[0]!, computeAll };
}

describe('stored SLA periods', () => {
  it('are dropped for exactly the clause whose rows any write touches', async () => {
    const { a, b, incident, measurement, computeAll } = await twoClauses();
    const sqlite = services.database.sqlite;
    const writes: [string, () => Promise<unknown> | unknown][] = [
      [
        'incident created',
        () => api.incident(a.id, '2026-04-01T00:00:00.000Z', '2026-04-01T00:05:00.000Z'),
      ],
      [
        'incident updated',
        () => api.call('sla.incidents.update', { id: incident.id, changes: { cause: 'DNS' } }),
      ],
      [
        'measurement upserted',
        () =>
          api.call('sla.measurements.upsert', { clauseId: a.id, date: '2026-03-03', value: 99 }),
      ],
      [
        'measurement updated by SQL',
        () =>
          sqlite.prepare('UPDATE sla_measurements SET value = 98 WHERE id = ?').run(measurement.id),
      ],
      ['measurement deleted', () => api.call('sla.measurements.delete', { id: measurement.id })],
      ['incident deleted', () => api.call('sla.incidents.delete', { id: incident.id })],
      [
        'clause updated',
        () => api.call('sla.clauses.update', { id: a.id, changes: { label: 'Renamed' } }),
      ],
    ];
    for (const [what, write] of writes) {
      await write();
      expect([storedCount(a.id), storedCount(b.id)], what).toEqual([0, 10]);
      await computeAll();
    }
  });

  it('are guarded by a trigger on every write to each table the periods are computed from', () => {
    // The memory cache counts writes to SLA_SOURCES; the file's triggers must cover the same
    // tables, or a new source would leave stored periods stale across sessions.
    const triggers = services.database.sqlite
      .prepare(
        `SELECT tbl_name AS tbl, sql FROM sqlite_master
          WHERE type = 'trigger' AND sql LIKE '%DELETE FROM \`sla_period_results\`%'`,
      )
      .all() as { tbl: string; sql: string }[];
    const expected = SLA_SOURCES.flatMap(({ table, key }) =>
      (
        [
          ['INSERT', 'NEW'],
          ['UPDATE', 'OLD'],
          ['UPDATE', 'NEW'],
          ['DELETE', 'OLD'],
        ] as const
      ).map(([event, row]) => `${table} ${event} ${row}.${key}`),
    );
    const covered = expected.filter((wanted) => {
      const [table, event, column] = wanted.split(' ');
      return triggers.some(
        (t) =>
          t.tbl === table &&
          t.sql.includes(`AFTER ${event} ON \`${table}\``) &&
          t.sql.includes(column!.replace('.', '.`') + '`'),
      );
    });
    expect(covered).toEqual(expected);
    expect(triggers).toHaveLength(SLA_SOURCES.length * 3);
  });

  it('are dropped for both clauses when an incident moves between them, and with a deleted clause', async () => {
    const { a, b, incident } = await twoClauses();
    const sqlite = services.database.sqlite;
    sqlite.prepare('UPDATE sla_incidents SET clause_id = ? WHERE id = ?').run(b.id, incident.id);
    expect([storedCount(a.id), storedCount(b.id)]).toEqual([0, 0]);

    const { a: c, b: d } = await twoClauses();
    // Its incidents and measurements cascade; nothing of it is left behind.
    await api.call('sla.clauses.delete', { id: c.id });
    expect([storedCount(c.id), storedCount(d.id)]).toEqual([0, 10]);
  });
});

describe('readSnapshot and writeIfFree (the cache write)', () => {
  const file = () => path.join(services.dir, DATABASE_FILE_NAME);
  const note = (sqlite: Database.Database) => () => {
    sqlite.prepare(`UPDATE consultant_profile SET updated_at = updated_at`).run();
  };

  it('stores nothing once another connection has committed since the read began', async () => {
    const { a } = await twoClauses();
    const sqlite = services.database.sqlite;
    const other = new Database(file());
    try {
      const stored = readSnapshot(sqlite, () => {
        sqlite.prepare('SELECT count(*) FROM sla_incidents').get();
        other.prepare(`UPDATE sla_incidents SET cause = 'other' WHERE clause_id = ?`).run(a.id);
        return writeIfFree(sqlite, () =>
          sqlite
            .prepare(`UPDATE sla_period_results SET measured = 'stale' WHERE clause_id <> ?`)
            .run(a.id),
        );
      });
      expect(stored).toBe(false);
      expect(
        sqlite
          .prepare(`SELECT count(*) AS n FROM sla_period_results WHERE measured = 'stale'`)
          .get(),
      ).toEqual({ n: 0 });
      expect(sqlite.inTransaction).toBe(false);
      // With nothing committed meanwhile, it writes.
      expect(readSnapshot(sqlite, () => writeIfFree(sqlite, note(sqlite)))).toBe(true);
    } finally {
      other.close();
    }
  });

  it('gives up at once while another connection holds the write lock, and rethrows other errors', () => {
    const sqlite = services.database.sqlite;
    const other = new Database(file());
    try {
      other.exec('BEGIN IMMEDIATE');
      expect(writeIfFree(sqlite, note(sqlite))).toBe(false);
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect(() =>
      writeIfFree(sqlite, () => sqlite.prepare('INSERT INTO no_such_table VALUES (1)').run()),
    ).toThrow(/no such table/);
  });

  it('passes on what the read throws, leaving no transaction open', async () => {
    const sqlite = services.database.sqlite;
    expect(() =>
      readSnapshot(sqlite, () => {
        sqlite.prepare('SELECT count(*) FROM sla_incidents').get();
        throw new Error('read failed');
      }),
    ).toThrow('read failed');
    expect(sqlite.inTransaction).toBe(false);
  });
});
