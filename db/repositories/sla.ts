import type Database from 'better-sqlite3';
import { asc, eq, getTableColumns } from 'drizzle-orm';
import type { AppDatabase } from '../open';
import {
  slaClauses,
  slaIncidents,
  slaMeasurements,
  type SlaClauseRow,
  type SlaIncidentRow,
  type SlaMeasurementRow,
} from '../schema';
import { prepared, writeIfFree } from './sql';
import { writeCounts, type WriteCounts } from '../table-writes';

/** Clause rows with what lists show beside them (engagement, client, currency, counts). */
export interface SlaClauseContext {
  engagementTitle: string;
  clientId: string;
  clientName: string;
  currency: string;
  incidentCount: number;
  measurementCount: number;
}

export interface IncidentSpan {
  id: string;
  start: string;
  end: string;
  excluded: boolean;
  exclusionKind: string | null;
}

/** A computed SLA period as stored (db/schema/sla.ts `slaPeriodResults`). */
export interface StoredPeriod {
  clauseId: string;
  period: string;
  start: string;
  end: string;
  measured: string | null;
  met: boolean | null;
  creditPercent: number;
  creditMinor: number;
  incidentCount: number;
}

/** An issued (not draft, not void) invoice of an engagement, for SLA credit proposals. */
export interface PeriodInvoice {
  id: string;
  number: string;
  date: string;
}

// Clause rows as drizzle's select gives them (same keys and order, values through the
// columns' own mapping), from a statement prepared once: drizzle builds its query again on
// every call, a few milliseconds for the practice dashboard's few hundred clauses.
const CLAUSE_COLUMNS = Object.entries(getTableColumns(slaClauses));
const ALL_CLAUSES = `SELECT ${CLAUSE_COLUMNS.map(([key, c]) => `"${c.name}" AS "${key}"`).join(', ')}
       FROM sla_clauses ORDER BY created_at, id`;
const CONTEXT = `SELECT e.title AS engagementTitle, e.client_id AS clientId, c.display_name AS clientName,
            e.currency AS currency,
            (SELECT count(*) FROM sla_incidents i WHERE i.clause_id = ?) AS incidentCount,
            (SELECT count(*) FROM sla_measurements m WHERE m.clause_id = ?) AS measurementCount
       FROM engagements e JOIN clients c ON c.id = e.client_id
      WHERE e.id = ?`;
const INCIDENTS = `SELECT id, clause_id AS clauseId, start_at AS startAt, end_at AS endAt, cause, excluded,
            exclusion_kind AS exclusionKind, note, created_at AS createdAt, updated_at AS updatedAt
       FROM sla_incidents
      WHERE clause_id = ? AND start_at < ? AND end_at > ?
      ORDER BY start_at, id`;
// Many clauses at once (the practice dashboard): one statement, the ids as a JSON array. The
// index gives each clause's rows by start (date); the id order among equal starts is the
// caller's (a sort on id here would sort every row).
const INCIDENT_SPANS = `SELECT clause_id AS clauseId, id, start_at AS start, end_at AS end, excluded,
            exclusion_kind AS exclusionKind
       FROM sla_incidents
      WHERE clause_id IN (SELECT value FROM json_each(?)) AND start_at < ? AND end_at > ?
      ORDER BY clause_id, start_at`;
const CLAUSES_MEASUREMENTS = `SELECT clause_id AS clauseId, date, value
       FROM sla_measurements
      WHERE clause_id IN (SELECT value FROM json_each(?)) AND date >= ? AND date <= ?
      ORDER BY clause_id, date`;
const MEASUREMENTS = `SELECT id, clause_id AS clauseId, date, value, note, updated_at AS updatedAt
       FROM sla_measurements
      WHERE clause_id = ? AND date >= ? AND date <= ?
      ORDER BY date`;
const STORED_PERIODS = `SELECT clause_id AS clauseId, period, start_at AS start, end_at AS "end", measured,
            met, credit_percent AS creditPercent, credit_minor AS creditMinor,
            incident_count AS incidentCount
       FROM sla_period_results
      WHERE clause_id IN (SELECT value FROM json_each(?)) AND engine = ?`;
const STORE_PERIOD = `INSERT OR REPLACE INTO sla_period_results
       (clause_id, period, engine, start_at, end_at, measured, met, credit_percent, credit_minor,
        incident_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const PERIOD_INVOICE = `SELECT id, number, coalesce(supply_date, issue_date) AS date
       FROM invoices
      WHERE engagement_id = ? AND status NOT IN ('draft', 'void')
        AND coalesce(supply_date, issue_date) BETWEEN ? AND ?
      ORDER BY date DESC, number DESC LIMIT 1`;
/** The rows an SLA period is computed from, per clause (migration 0006's triggers match). */
export const SLA_SOURCES = [
  { table: 'sla_clauses', key: 'id' },
  { table: 'sla_incidents', key: 'clause_id' },
  { table: 'sla_measurements', key: 'clause_id' },
];
const SLA_CREDIT_NOTE = `SELECT id, number FROM credit_notes WHERE source = 'sla' AND source_ref = ?`;

/** Handlers create the repository on every call: its statements are prepared once per connection. */
export function createSlaRepository(db: AppDatabase, sqlite: Database.Database) {
  return {
    clause(id: string): SlaClauseRow | undefined {
      return db.select().from(slaClauses).where(eq(slaClauses.id, id)).get();
    },

    clausesOfEngagement(engagementId: string): SlaClauseRow[] {
      return db
        .select()
        .from(slaClauses)
        .where(eq(slaClauses.engagementId, engagementId))
        .orderBy(asc(slaClauses.createdAt), asc(slaClauses.id))
        .all();
    },

    /** Every clause of every engagement, oldest first (the period report). */
    allClauses(): SlaClauseRow[] {
      const rows = prepared(sqlite, ALL_CLAUSES).all() as Record<string, unknown>[];
      for (const row of rows) {
        for (const [key, column] of CLAUSE_COLUMNS) {
          if (row[key] !== null) row[key] = column.mapFromDriverValue(row[key]);
        }
      }
      return rows as SlaClauseRow[];
    },

    context(row: SlaClauseRow): SlaClauseContext {
      return prepared(sqlite, CONTEXT).get(row.id, row.id, row.engagementId) as SlaClauseContext;
    },

    insertClause(row: SlaClauseRow): SlaClauseRow {
      return db.insert(slaClauses).values(row).returning().get();
    },

    updateClause(id: string, changes: Partial<SlaClauseRow>): SlaClauseRow {
      return db.update(slaClauses).set(changes).where(eq(slaClauses.id, id)).returning().get();
    },

    removeClause(id: string): void {
      db.delete(slaClauses).where(eq(slaClauses.id, id)).run();
    },

    incident(id: string): SlaIncidentRow | undefined {
      return db.select().from(slaIncidents).where(eq(slaIncidents.id, id)).get();
    },

    /**
     * Incidents of a clause overlapping [from, to) (all when not given), by start. A plain
     * prepared statement: timelines read thousands of rows.
     */
    incidents(clauseId: string, from?: string, to?: string): SlaIncidentRow[] {
      const rows = prepared(sqlite, INCIDENTS).all(clauseId, to ?? '9999', from ?? '') as (Omit<
        SlaIncidentRow,
        'excluded'
      > & { excluded: number })[];
      return rows.map((r) => ({ ...r, excluded: r.excluded === 1 }));
    },

    /**
     * What compliance timelines need of the incidents of several clauses overlapping
     * [from, to), in one read: by clause and start, then id among equal starts.
     */
    incidentSpans(
      clauseIds: readonly string[],
      from: string,
      to: string,
    ): (IncidentSpan & { clauseId: string })[] {
      const rows = prepared(sqlite, INCIDENT_SPANS).all(
        JSON.stringify(clauseIds),
        to,
        from,
      ) as (Omit<IncidentSpan, 'excluded'> & { clauseId: string; excluded: number })[];
      for (const row of rows) (row as unknown as IncidentSpan).excluded = row.excluded === 1;
      const spans = rows as unknown as (IncidentSpan & { clauseId: string })[];
      // Runs of equal clause and start (rare, short) put in id order.
      for (let i = 0; i < spans.length;) {
        let j = i + 1;
        while (
          j < spans.length &&
          spans[j]!.clauseId === spans[i]!.clauseId &&
          spans[j]!.start === spans[i]!.start
        ) {
          j++;
        }
        if (j - i > 1) {
          const run = spans.slice(i, j).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
          spans.splice(i, j - i, ...run);
        }
        i = j;
      }
      return spans;
    },

    insertIncident(row: SlaIncidentRow): SlaIncidentRow {
      return db.insert(slaIncidents).values(row).returning().get();
    },

    updateIncident(id: string, changes: Partial<SlaIncidentRow>): SlaIncidentRow {
      return db.update(slaIncidents).set(changes).where(eq(slaIncidents.id, id)).returning().get();
    },

    removeIncident(id: string): void {
      db.delete(slaIncidents).where(eq(slaIncidents.id, id)).run();
    },

    measurement(id: string): SlaMeasurementRow | undefined {
      return db.select().from(slaMeasurements).where(eq(slaMeasurements.id, id)).get();
    },

    /** Measurements of a clause on dates in [from, to] (inclusive), by date. */
    measurements(clauseId: string, from?: string, to?: string): SlaMeasurementRow[] {
      return prepared(sqlite, MEASUREMENTS).all(
        clauseId,
        from ?? '',
        to ?? '9999',
      ) as SlaMeasurementRow[];
    },

    /** The dated values of several clauses on dates in [from, to], by clause and date. */
    clausesMeasurements(
      clauseIds: readonly string[],
      from: string,
      to: string,
    ): { clauseId: string; date: string; value: number }[] {
      return prepared(sqlite, CLAUSES_MEASUREMENTS).all(JSON.stringify(clauseIds), from, to) as {
        clauseId: string;
        date: string;
        value: number;
      }[];
    },

    /** Insert or replace the value of a clause's day; keeps the id of an existing row. */
    upsertMeasurement(row: SlaMeasurementRow): SlaMeasurementRow {
      return db
        .insert(slaMeasurements)
        .values(row)
        .onConflictDoUpdate({
          target: [slaMeasurements.clauseId, slaMeasurements.date],
          set: { value: row.value, note: row.note, updatedAt: row.updatedAt },
        })
        .returning()
        .get();
    },

    removeMeasurement(id: string): void {
      db.delete(slaMeasurements).where(eq(slaMeasurements.id, id)).run();
    },

    /**
     * The engagement's issued invoice for a period: supply date (else issue date) within
     * [firstDate, lastDate], the latest such; null when there is none.
     */
    invoiceForPeriod(
      engagementId: string,
      firstDate: string,
      lastDate: string,
    ): PeriodInvoice | null {
      const row = prepared(sqlite, PERIOD_INVOICE).get(engagementId, firstDate, lastDate) as
        PeriodInvoice | undefined;
      return row ?? null;
    },

    /**
     * Writes per clause to its row, incidents and measurements through this connection, with
     * the `base` that moves with other connections' commits (`writeCounts`); writes to any
     * other table leave both alone. Null inside a transaction. For caches of values computed
     * from a clause's rows.
     */
    clauseWrites(): WriteCounts | null {
      return writeCounts(sqlite, 'sla_clause_writes', SLA_SOURCES);
    },

    /** The stored periods of these clauses computed by `engine` (others are ignored). */
    storedPeriods(clauseIds: readonly string[], engine: string): StoredPeriod[] {
      const rows = prepared(sqlite, STORED_PERIODS).all(JSON.stringify(clauseIds), engine) as (Omit<
        StoredPeriod,
        'met'
      > & { met: 0 | 1 | null })[];
      return rows.map((row) => ({ ...row, met: row.met === null ? null : row.met === 1 }));
    },

    /**
     * Stores computed periods (replacing a clause-period's row of any engine) if it can at
     * once, as a cache: never waits for another connection's write lock, and stores nothing
     * when the file is read-only or locked, or when another connection committed since the
     * caller's `snapshot` began (SQLite refuses the write: SQLITE_BUSY_SNAPSHOT), so a row
     * computed from that snapshot is never stored once stale. Whether it stored them.
     */
    storePeriods(periods: readonly StoredPeriod[], engine: string): boolean {
      return writeIfFree(sqlite, () => {
        const insert = prepared(sqlite, STORE_PERIOD);
        for (const p of periods) {
          insert.run(
            p.clauseId,
            p.period,
            engine,
            p.start,
            p.end,
            p.measured,
            p.met === null ? null : p.met ? 1 : 0,
            p.creditPercent,
            p.creditMinor,
            p.incidentCount,
          );
        }
      });
    },

    /** Removes the stored periods of every other engine (an older build's), if it can at once. */
    dropPeriodsOfOtherEngines(engine: string): boolean {
      return writeIfFree(sqlite, () => {
        prepared(sqlite, 'DELETE FROM sla_period_results WHERE engine <> ?').run(engine);
      });
    },

    /** The SLA credit note already issued for a source reference. */
    slaCreditNote(sourceRef: string): { id: string; number: string } | null {
      const row = prepared(sqlite, SLA_CREDIT_NOTE).get(sourceRef) as
        { id: string; number: string } | undefined;
      return row ?? null;
    },
  };
}

export type SlaRepository = ReturnType<typeof createSlaRepository>;
