import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATABASE_FILE_NAME, knownSchemaVersion, openDatabase } from '../db';
import type { Services } from '../services/host';
import { MIGRATIONS_FOLDER, must, startBenchServices } from './data/services';
import { ServicesProcess } from './data/services-process';
import { copyWorkspace, largeWorkspace, workspaceServices, type Workspace } from './data/workspace';
import type { BenchCase, MeasureCase } from './harness';

/**
 * The large workspace (bench/data/workspace.ts: 1,000 clients, 10,000 engagements, 100,000
 * debt items, 50,000 invoices, 3 years of SLA incidents) through the real services, the way
 * the window asks: the first page of every list at the renderer's page size, with a search
 * and with a sort, the register and receivables totals and the practice dashboard. The file
 * is generated once and cached (bench/.cache); each run works on a copy. The clock is the
 * workspace's "today", so overdue and aging see the history as generated.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
/** The renderer's page sizes (features/*\/queries.ts). */
const CLIENTS_PAGE = 200;
const BILLING_PAGE = 200;
const DEBT_PAGE = 500;

interface Loaded {
  workspace: Workspace;
  services: Services;
  /** The client with the most debt items, an engagement with SLA clauses, its busiest clause. */
  busyClientId: string;
  slaEngagementId: string;
  busyClauseId: string;
}

let workspacePromise: Promise<Workspace> | undefined;

/**
 * The cached large workspace (generated on first use; the time is printed once).
 * BENCH_SCALE=0.05 runs the same benches on a smaller one while working on them.
 */
export function benchWorkspace(): Promise<Workspace> {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  workspacePromise ??= largeWorkspace({ scale }).then((w) => {
    const c = w.counts;
    console.log(
      `\n(large workspace ${w.cached ? 'from cache' : 'generated'}: ${(w.generationMs / 1000).toFixed(1)} s to generate, ` +
        `${(fs.statSync(w.file).size / 1e6).toFixed(0)} MB; ${c.clients} clients, ${c.engagements} engagements, ` +
        `${c.debtItems} debt items, ${c.invoices} invoices, ${c.invoiceLines} lines, ${c.payments} payments, ` +
        `${c.creditNotes} credit notes, ${c.slaClauses} SLA clauses, ${c.slaIncidents} incidents, ` +
        `${c.slaMeasurements} measurements)`,
    );
    return w;
  });
  return workspacePromise;
}

let loaded: Promise<Loaded> | undefined;

function load(): Promise<Loaded> {
  loaded ??= (async () => {
    const workspace = await benchWorkspace();
    const services = await workspaceServices(workspace, 'workspace');
    const sqlite = services.database.sqlite;
    const first = <T>(sql: string) => sqlite.prepare(sql).get() as T;
    const { busyClientId } = first<{ busyClientId: string }>(
      'SELECT client_id AS busyClientId FROM debt_items GROUP BY client_id ORDER BY count(*) DESC LIMIT 1',
    );
    const { busyClauseId, slaEngagementId } = first<{
      busyClauseId: string;
      slaEngagementId: string;
    }>(
      `SELECT c.id AS busyClauseId, c.engagement_id AS slaEngagementId
         FROM sla_clauses c JOIN sla_incidents i ON i.clause_id = c.id
        GROUP BY c.id ORDER BY count(*) DESC LIMIT 1`,
    );
    return { workspace, services, busyClientId, slaEngagementId, busyClauseId };
  })();
  return loaded;
}

async function call(method: string, input: Record<string, unknown>): Promise<unknown> {
  return must((await load()).services, method, input);
}

const total = (data: unknown) => (data as { total: number }).total;

/** A list case: `input` may depend on the sample ids picked at setup. */
function listCase(
  name: string,
  method: string,
  input: (l: Loaded) => Record<string, unknown>,
): BenchCase {
  return {
    name: `workspace/${name}`,
    group: 'workspace',
    setup: async () => {
      // One untimed call checks the input and fails the case early with the real error.
      await call(method, input(await load()));
    },
    fn: async () => total(await call(method, input(await load()))),
    iterations: 20,
  };
}

// --- Open and migrate ------------------------------------------------------------------

let openDir = '';
/** The fixture of the schema version before this build's (test/fixtures/db), found at setup. */
let fixture = '';
let migrated = false;
const previousFixture = () => {
  const dir = path.join(here, '../test/fixtures/db');
  // Version n is migrations 0000…(n-1); the one before the current is tagged n-2.
  const previous = knownSchemaVersion(MIGRATIONS_FOLDER) - 2;
  const tagged = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite') && Number(f.slice(0, 4)) <= previous)
    .sort();
  return path.join(dir, tagged[tagged.length - 1]!);
};

export const benches: BenchCase[] = [
  {
    name: 'workspace/open the large data file (current schema, pragmas, migration check)',
    group: 'workspace',
    setup: async () => {
      openDir = copyWorkspace(await benchWorkspace(), 'open');
    },
    fn: async () => {
      const db = await openDatabase({ dataDir: openDir, migrationsFolder: MIGRATIONS_FOLDER });
      const version = db.schemaVersion;
      db.close();
      return version;
    },
    iterations: 20,
  },
  {
    name: 'workspace/migrate the previous schema version fixture to current (backup first)',
    group: 'workspace',
    setup: () => {
      fixture = previousFixture();
    },
    fn: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-desk-bench-migrate-'));
      try {
        fs.copyFileSync(fixture, path.join(dir, DATABASE_FILE_NAME));
        const db = await openDatabase({ dataDir: dir, migrationsFolder: MIGRATIONS_FOLDER });
        const applied = db.migration.applied.length;
        db.close();
        if (applied === 0) throw new Error('the fixture needed no migration');
        if (!migrated) {
          migrated = true;
          console.log(`(${path.basename(fixture)}: ${applied} migration(s) applied)`);
        }
        return applied;
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    iterations: 10,
  },

  // Clients: 1,000 (the renderer's list page sizes are far larger than the screen).
  listCase('clients first page', 'clients.list', () => ({ limit: CLIENTS_PAGE })),
  listCase('clients first page, search', 'clients.list', () => ({
    search: 'bank',
    limit: CLIENTS_PAGE,
  })),
  listCase('clients first page, sort by legal name desc', 'clients.list', () => ({
    sort: { field: 'legalName', direction: 'desc' },
    limit: CLIENTS_PAGE,
  })),

  // Engagements: 10,000.
  listCase('engagements first page', 'engagements.list', () => ({ limit: BILLING_PAGE })),
  listCase('engagements first page, search', 'engagements.list', () => ({
    search: 'migration',
    limit: BILLING_PAGE,
  })),
  listCase('engagements first page, sort by client', 'engagements.list', () => ({
    sort: { field: 'clientName', direction: 'asc' },
    limit: BILLING_PAGE,
  })),
  listCase('engagements first page, sort by contract value', 'engagements.list', () => ({
    sort: { field: 'contractValue', direction: 'desc' },
    limit: BILLING_PAGE,
  })),

  // Debt register: 100,000 items (the page carries the register totals per currency).
  listCase('debt register first page (with totals)', 'debt.list', () => ({ limit: DEBT_PAGE })),
  listCase('debt register first page, search', 'debt.list', () => ({
    search: 'nightly export',
    limit: DEBT_PAGE,
  })),
  listCase('debt register first page, sort by net benefit', 'debt.list', () => ({
    sort: { field: 'netBenefit', direction: 'desc' },
    limit: DEBT_PAGE,
  })),
  listCase('debt register of the largest client, sort by title', 'debt.list', (l) => ({
    clientId: l.busyClientId,
    sort: { field: 'title', direction: 'asc' },
    limit: DEBT_PAGE,
  })),

  {
    name: 'workspace/debt tags of the whole register (the register filter)',
    group: 'workspace',
    setup: () => load().then(() => undefined),
    fn: async () => ((await call('debt.tags', {})) as unknown[]).length,
    iterations: 20,
  },

  // Invoices: 50,000.
  listCase('invoices first page', 'invoices.list', () => ({ limit: BILLING_PAGE })),
  listCase('invoices first page, search', 'invoices.list', () => ({
    search: 'globex',
    limit: BILLING_PAGE,
  })),
  listCase('invoices first page, sort by due date', 'invoices.list', () => ({
    sort: { field: 'dueDate', direction: 'asc' },
    limit: BILLING_PAGE,
  })),
  listCase('invoices first page, overdue', 'invoices.list', () => ({
    statuses: ['overdue'],
    limit: BILLING_PAGE,
  })),

  // Credit notes.
  listCase('credit notes first page', 'creditNotes.list', () => ({ limit: BILLING_PAGE })),
  listCase('credit notes first page, search', 'creditNotes.list', () => ({
    search: 'cn-2025',
    limit: BILLING_PAGE,
  })),

  // SLA: an engagement's clauses, and 3 years of its busiest clause's incidents.
  {
    name: 'workspace/sla clauses of an engagement',
    group: 'workspace',
    setup: () => load().then(() => undefined),
    fn: async () =>
      (
        (await call('sla.clauses.list', {
          engagementId: (await load()).slaEngagementId,
        })) as unknown[]
      ).length,
    iterations: 20,
  },
  {
    name: 'workspace/sla incidents of the busiest clause, 3 years',
    group: 'workspace',
    setup: () => load().then(() => undefined),
    fn: async () =>
      ((await call('sla.incidents.list', { clauseId: (await load()).busyClauseId })) as unknown[])
        .length,
    iterations: 20,
  },

  // Totals and aggregates.
  {
    name: 'workspace/receivables summary (aging, reminders)',
    group: 'workspace',
    setup: () => load().then(() => undefined),
    fn: async () =>
      ((await call('receivables.summary', {})) as { byCurrency: unknown[] }).byCurrency.length,
    iterations: 20,
  },
  {
    name: 'workspace/practice dashboard (12 months, all clients)',
    group: 'workspace',
    setup: () => load().then(() => undefined),
    fn: async () =>
      ((await call('dashboard.practice', {})) as { revenue: unknown[] }).revenue.length,
    iterations: 20,
  },
  {
    // What the consultant sees after recording a payment: the money figures are read again,
    // the SLA periods (untouched by a payment) are not computed again. Only the dashboard
    // call is timed.
    name: 'workspace/practice dashboard after a payment is recorded',
    group: 'workspace',
    setup: () => load().then(() => undefined),
    selfTimed: true,
    fn: async () => {
      const { services, workspace } = await load();
      const { id } = services.database.sqlite
        .prepare(
          `SELECT id FROM invoices WHERE status IN ('issued', 'partly_paid') AND balance_minor > 1
            ORDER BY due_date DESC LIMIT 1`,
        )
        .get() as { id: string };
      await call('payments.record', {
        invoiceId: id,
        amountMinor: 1,
        date: workspace.now.toISOString().slice(0, 10),
        method: 'bank_transfer',
      });
      const started = performance.now();
      await call('dashboard.practice', {});
      return performance.now() - started;
    },
    iterations: 20,
  },
];

/**
 * The dashboard's first call after the app opens (it is the home screen), once each on a
 * copy of its own; the cases above are the calls that follow:
 * - on a workspace whose SLA periods were never computed (the generated file; a real one
 *   after an upgrade that changes the compliance code): every statement prepared and every
 *   SLA period of the 300 clauses computed, and stored;
 * - after reopening it, as every later launch: the periods read back from the file;
 * - after an SLA incident is recorded: that clause's periods computed again.
 */
export const measures: MeasureCase[] = [
  {
    name: 'workspace/practice dashboard, first calls',
    group: 'workspace',
    measure: async () => {
      const workspace = await benchWorkspace();
      const dataDir = copyWorkspace(workspace, 'dashboard-first');
      const open = () => startBenchServices('dashboard-first', { now: workspace.now, dataDir });
      const timed = async (services: Services) => {
        const started = performance.now();
        await must(services, 'dashboard.practice', {});
        return performance.now() - started;
      };
      const fresh = await open();
      let neverComputed: number;
      try {
        neverComputed = await timed(fresh);
      } finally {
        fresh.close();
      }
      const services = await open();
      let first: number;
      let afterIncident: number;
      try {
        first = await timed(services);
        const { id } = services.database.sqlite
          .prepare('SELECT clause_id AS id FROM sla_incidents LIMIT 1')
          .get() as { id: string };
        const day = workspace.now.toISOString().slice(0, 10);
        await must(services, 'sla.incidents.create', {
          clauseId: id,
          start: `${day}T01:00:00.000Z`,
          end: `${day}T01:10:00.000Z`,
          cause: 'bench',
        });
        afterIncident = await timed(services);
      } finally {
        services.close();
      }
      // As the app starts: a new services process, its code not yet optimised by the JIT.
      const child = new ServicesProcess();
      let newProcess: number;
      try {
        await child.start(dataDir);
        const started = performance.now();
        const result = await child.invoke('dashboard.practice', {});
        newProcess = performance.now() - started;
        if (!result.ok) throw new Error(`dashboard.practice: ${JSON.stringify(result.error)}`);
      } finally {
        child.stop();
      }
      return [
        {
          name: 'workspace/practice dashboard, first call after opening',
          value: first,
          unit: 'ms',
        },
        {
          name: 'workspace/practice dashboard, first call in a new services process (app start)',
          value: newProcess,
          unit: 'ms',
        },
        {
          name: 'workspace/practice dashboard, first call ever (SLA periods never computed)',
          value: neverComputed,
          unit: 'ms',
        },
        {
          name: 'workspace/practice dashboard, first call after an SLA incident is recorded',
          value: afterIncident,
          unit: 'ms',
        },
      ];
    },
  },
];
