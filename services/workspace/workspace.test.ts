import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  Client,
  ImportPreview,
  ImportResult,
  Invoice,
  MethodInput,
  MethodName,
} from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { billingApi, fail, ok, testClock } from '../billing/test-helpers';
import { WORKSPACE_TABLES } from './tables';

const open: TestServices[] = [];
afterEach(() => {
  while (open.length) open.pop()!.dispose();
});

async function workspace(): Promise<TestServices> {
  const services = await startTestServices({ now: testClock().now });
  open.push(services);
  return services;
}

const call = <T>(services: TestServices, method: MethodName, input: unknown) =>
  ok<T>(services.invoke(method, input));

async function exportText(services: TestServices): Promise<string> {
  return (await call<{ json: string }>(services, 'workspace.exportJson', {})).json;
}

/** The `data` part of an export, as text. */
const dataPart = (json: string) => json.slice(json.indexOf('"data"'));

const preview = (services: TestServices, text: string) =>
  call<ImportPreview>(services, 'workspace.import.preview', { text });

const apply = (
  services: TestServices,
  text: string,
  rest: Partial<MethodInput<'workspace.import.apply'>> = {},
) => call<ImportResult>(services, 'workspace.import.apply', { text, ...rest });

/** Every row of every table, straight from SQLite, to prove a refusal changed nothing. */
function snapshot(services: TestServices): Record<string, unknown[]> {
  const sqlite = services.database.sqlite;
  return Object.fromEntries(
    WORKSPACE_TABLES.map((t) => [t, sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
  );
}

const schemaVersion = async (services: TestServices) =>
  (await call<{ schemaVersion: number }>(services, 'app.info', {})).schemaVersion;

const counts = (p: ImportPreview, table: string) => p.tables.find((t) => t.table === table)!;

/** The demo workspace plus the rows the demo leaves empty: profile, model settings, terms. */
async function richWorkspace(): Promise<TestServices> {
  const services = await workspace();
  const demo = await call<{ clientIds: string[] }>(services, 'demo.load', { locale: 'en' });
  await call(services, 'profile.update', {
    changes: { name: 'Ada Lovelace', businessName: 'Lovelace Consulting', defaultCurrency: 'EUR' },
  });
  const clientId = demo.clientIds[0]!;
  await call(services, 'debt.settings.update', {
    clientId,
    changes: { annualDiscountRate: 0.12 },
  });
  const items = await call<{ items: { id: string }[] }>(services, 'debt.list', { clientId });
  await call(services, 'debt.selection.save', {
    clientId,
    itemIds: items.items.slice(0, 2).map((i) => i.id),
    budget: { kind: 'days', days: 20 },
  });
  const engagements = await call<{ items: { id: string }[] }>(services, 'engagements.list', {});
  await call(services, 'documents.terms.update', {
    engagementId: engagements.items[0]!.id,
    governingLaw: 'Germany, Munich',
    clauses: [{ key: 'liability', language: 'en', text: 'Our own liability wording.' }],
  });
  return services;
}

describe('workspace export → import into an empty workspace', () => {
  it('gives byte-identical data, table by table, and a second import finds nothing new', async () => {
    const source = await richWorkspace();
    const text = await exportText(source);
    const file = JSON.parse(text) as {
      format: string;
      version: number;
      schemaVersion: number;
      data: Record<string, unknown[]>;
    };
    expect(file).toMatchObject({ format: 'engagement-desk-workspace', version: 1 });
    expect(file.schemaVersion).toBe(await schemaVersion(source));
    expect(Object.keys(file.data)).toEqual([...WORKSPACE_TABLES]);
    // The demo plus the extras fill every table but the audit log and the engagement links.
    const empty = WORKSPACE_TABLES.filter((t) => file.data[t]!.length === 0);
    expect(empty.filter((t) => !['audit_log', 'engagement_debt_items'].includes(t))).toEqual([]);

    const target = await workspace();
    const seen = await preview(target, text);
    for (const table of WORKSPACE_TABLES) {
      expect(counts(seen, table), table).toEqual({
        table,
        inFile: file.data[table]!.length,
        new: file.data[table]!.length,
        identical: 0,
        conflicting: 0,
      });
    }
    expect(seen.conflicts).toEqual([]);
    const total = Object.values(file.data).reduce((n, rows) => n + rows.length, 0);
    const result = await apply(target, text);
    expect(result).toMatchObject({ inserted: total, updated: 0, unchanged: 0, dryRun: false });
    expect(result.invoicesResettled).toBe(0);

    const again = await exportText(target);
    expect(dataPart(again)).toBe(dataPart(text));
    expect(snapshotByKey(target)).toEqual(snapshotByKey(source));

    // The same file once more: every row identical, nothing written.
    const second = await preview(target, text);
    expect(second.tables.every((t) => t.new === 0 && t.conflicting === 0)).toBe(true);
    expect(await apply(target, text)).toMatchObject({ inserted: 0, updated: 0, unchanged: total });
    expect(dataPart(await exportText(target))).toBe(dataPart(text));

    // What the screens show is the same too.
    const list = (s: TestServices) => call<{ items: Invoice[] }>(s, 'invoices.list', {});
    expect((await list(target)).items).toEqual((await list(source)).items);
  });

  it('holds for random small workspaces (property)', async () => {
    const clientArb = fc.record({
      displayName: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
      notes: fc.string({ maxLength: 40 }),
      defaultCurrency: fc.constantFrom('EUR', 'USD', 'CNY', 'JPY'),
      defaultDayRateMinor: fc.integer({ min: 0, max: 10_000_000 }),
      documentLanguage: fc.constantFrom('en', 'zh-CN'),
    });
    const itemArb = fc.record({
      title: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
      low: fc.integer({ min: 0, max: 1_000_000 }),
      extra: fc.integer({ min: 0, max: 1_000_000 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ client: clientArb, items: fc.array(itemArb, { maxLength: 3 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        async (clients) => {
          const source = await workspace();
          const target = await workspace();
          for (const { client, items } of clients) {
            const created = await call<Client>(source, 'clients.create', client);
            for (const item of items) {
              await call(source, 'debt.create', {
                clientId: created.id,
                title: item.title,
                category: 'code',
                impact: 'medium',
                quarterlyCostMinor: {
                  low: item.low,
                  likely: item.low + item.extra,
                  high: item.low + 2 * item.extra,
                },
                fixDays: { low: 1, likely: 2, high: 4 },
              });
            }
          }
          const text = await exportText(source);
          await apply(target, text);
          expect(dataPart(await exportText(target))).toBe(dataPart(text));
          source.dispose();
          target.dispose();
          open.length = 0;
        },
      ),
      { numRuns: 8, seed: 20261121 },
    );
  }, 120_000);
});

/** Rows per table ordered by key text, without SQLite's rowids. */
function snapshotByKey(services: TestServices) {
  const sqlite = services.database.sqlite;
  return Object.fromEntries(
    WORKSPACE_TABLES.map((t) => [
      t,
      (sqlite.prepare(`SELECT * FROM "${t}"`).all() as object[])
        .map((r) => JSON.stringify(r))
        .sort(),
    ]),
  );
}

describe('merging into an existing workspace', () => {
  async function pair() {
    const source = await workspace();
    const api = billingApi(source);
    const acme = await api.client({ displayName: 'Acme' });
    const globex = await api.client({ displayName: 'Globex' });
    const text = await exportText(source);
    const target = await workspace();
    await apply(target, text);
    return { source, target, api, acme, globex, text };
  }

  it('does not count a difference in a derived column (search_text) as a conflict', async () => {
    const { target, acme, text } = await pair();
    const file = JSON.parse(text) as { data: Record<string, Record<string, unknown>[]> };
    const row = file.data.clients!.find((c) => c.id === acme.id)!;
    row.search_text = 'folded by an older build';
    const seen = await preview(target, JSON.stringify(file));
    expect(counts(seen, 'clients')).toMatchObject({ identical: 2, conflicting: 0 });
    expect(seen.conflicts).toEqual([]);
  });

  it('reports a changed row as a conflict with the fields that differ, and keeps mine by default', async () => {
    const { target, acme, globex, text } = await pair();
    await call(target, 'clients.update', { id: acme.id, changes: { displayName: 'Acme Europe' } });
    const local = await call<Client>(target, 'clients.create', {
      displayName: 'Initech',
      defaultCurrency: 'USD',
    });

    const seen = await preview(target, text);
    expect(counts(seen, 'clients')).toEqual({
      table: 'clients',
      inFile: 2,
      new: 0,
      identical: 1,
      conflicting: 1,
    });
    expect(seen.conflicts).toEqual([
      {
        table: 'clients',
        key: acme.id,
        label: 'Acme Europe',
        // search_text follows the name: derived, so not listed.
        fields: ['display_name'],
        rule: 'policy',
        winner: null,
      },
    ]);
    expect(seen.conflictsTotal).toBe(1);

    const before = snapshot(target);
    expect(await apply(target, text)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(snapshot(target)).toEqual(before);
    const names = async () =>
      (await call<{ items: Client[] }>(target, 'clients.list', {})).items
        .map((c) => c.displayName)
        .sort();
    expect(await names()).toEqual(['Acme Europe', 'Globex', 'Initech']);

    // take-theirs: the file's name comes back; rows only here stay.
    const taken = await apply(target, text, { policy: 'take-theirs' });
    expect(taken).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(await names()).toEqual(['Acme', 'Globex', 'Initech']);
    expect(await call<Client>(target, 'clients.get', { id: local.id })).toMatchObject({
      displayName: 'Initech',
    });
    expect(globex.id).not.toBe(local.id);
  });

  it('adds rows that are new in the file, and a dry run rolls everything back', async () => {
    const { source, target } = await pair();
    await call(source, 'clients.create', { displayName: 'Umbrella', defaultCurrency: 'GBP' });
    const text = await exportText(source);
    expect(counts(await preview(target, text), 'clients')).toMatchObject({ new: 1, identical: 2 });
    const before = snapshot(target);
    expect(await apply(target, text, { dryRun: true })).toMatchObject({
      dryRun: true,
      inserted: 1,
    });
    expect(snapshot(target)).toEqual(before);
    await apply(target, text);
    expect(dataPart(await exportText(target))).toBe(dataPart(text));
  });

  it('takes a document issued in the file over its draft here whatever the policy, numbering included', async () => {
    const { source, target, api, acme } = await pair();
    const draft = await api.linesInvoice(acme.id);
    await apply(target, await exportText(source));
    const issued = await api.issue(draft.id, '2026-11-20');
    expect(issued.number).toMatch(/0001$/);
    const text = await exportText(source);

    const seen = await preview(target, text);
    expect(seen.conflicts.find((c) => c.table === 'invoices')).toMatchObject({
      key: draft.id,
      rule: 'issued',
      winner: 'theirs',
    });
    expect(seen.conflicts.find((c) => c.table === 'number_series')).toBeUndefined();
    expect(counts(seen, 'number_series')).toMatchObject({ new: 1 });
    await apply(target, text, { policy: 'keep-mine' });
    const got = await call<Invoice>(target, 'invoices.get', { id: draft.id });
    expect(got).toMatchObject({ number: issued.number, status: 'issued' });
    // The counter came along: the next invoice issued here continues the series.
    const next = await billingApi(target).linesInvoice(acme.id);
    const nextIssued = await billingApi(target).issue(next.id, '2026-11-21');
    expect(nextIssued.number).toMatch(/0002$/);
  });

  it('keeps the higher number-series counter whatever the policy', async () => {
    const { source, target, api, acme, text: before } = await pair();
    const one = await api.linesInvoice(acme.id);
    await api.issue(one.id, '2026-11-20');
    const text = await exportText(source);
    await apply(target, text);
    // Here, two more invoices are issued: the counter moves ahead of the file's.
    const local = billingApi(target);
    for (const day of ['2026-11-21', '2026-11-22']) {
      await local.issue((await local.linesInvoice(acme.id)).id, day);
    }
    const seen = await preview(target, text);
    expect(seen.conflicts.find((c) => c.table === 'number_series')).toMatchObject({
      rule: 'highest',
      winner: 'mine',
      fields: ['next_value'],
    });
    await apply(target, text, { policy: 'take-theirs' });
    const third = await local.issue((await local.linesInvoice(acme.id)).id, '2026-11-23');
    expect(third.number).toMatch(/0004$/);
    expect(before).not.toBe(text);
  });

  it('refuses a file whose issued number is held here by another invoice, and changes nothing', async () => {
    const { source, target, api, acme } = await pair();
    await api.issue((await api.linesInvoice(acme.id)).id, '2026-11-20');
    const local = billingApi(target);
    await local.issue((await local.linesInvoice(acme.id)).id, '2026-11-20');
    const text = await exportText(source);
    const before = snapshot(target);
    for (const method of ['workspace.import.preview', 'workspace.import.apply'] as const) {
      const error = await fail(target.invoke(method, { text }));
      expect(error).toMatchObject({
        code: 'CONFLICT',
        reason: 'IMPORT_NUMBER_TAKEN',
        details: { table: 'invoices' },
      });
    }
    expect(snapshot(target)).toEqual(before);
  });

  it('recomputes what an invoice was paid when payments from the file meet my invoice row', async () => {
    const { source, target, api, acme } = await pair();
    const issued = await api.issue((await api.linesInvoice(acme.id)).id, '2026-11-01');
    await apply(target, await exportText(source));
    await call(source, 'payments.record', {
      invoiceId: issued.id,
      date: '2026-11-10',
      amountMinor: 100_000,
      method: 'bank_transfer',
    });
    const paidThere = await api.get(issued.id);
    const text = await exportText(source);
    const seen = await preview(target, text);
    expect(counts(seen, 'payments')).toMatchObject({ new: 1 });
    expect(seen.conflicts.find((c) => c.table === 'invoices')?.fields).toEqual(
      expect.arrayContaining(['paid_minor', 'balance_minor', 'status']),
    );
    // keep-mine keeps my invoice row, but its figures follow the payment it now has.
    const result = await apply(target, text, { policy: 'keep-mine' });
    expect(result.invoicesResettled).toBe(1);
    const here = await call<Invoice>(target, 'invoices.get', { id: issued.id });
    expect(here).toMatchObject({
      paidMinor: 100_000,
      balanceMinor: paidThere.balanceMinor,
      status: 'partly_paid',
    });
  });
});

describe('a file that cannot be imported changes nothing', () => {
  async function setup() {
    const source = await workspace();
    const api = billingApi(source);
    const acme = await api.client({ displayName: 'Acme' });
    const invoice = await api.issue((await api.linesInvoice(acme.id)).id, '2026-11-20');
    const file = JSON.parse(await exportText(source)) as Record<string, unknown> & {
      data: Record<string, Record<string, unknown>[]>;
    };
    const target = await workspace();
    await billingApi(target).client({ displayName: 'Mine' });
    return { file, target, invoice };
  }

  async function refused(target: TestServices, text: string) {
    const before = snapshot(target);
    const fromPreview = await fail(target.invoke('workspace.import.preview', { text }));
    const fromApply = await fail(
      target.invoke('workspace.import.apply', { text, policy: 'take-theirs' }),
    );
    expect(fromApply).toEqual(fromPreview);
    expect(snapshot(target)).toEqual(before);
    return fromApply;
  }

  it('names the table, row and column of a row that fails validation', async () => {
    const { file, target } = await setup();
    file.data.invoices![0]!.total_minor = 1234.5;
    const error = await refused(target, JSON.stringify(file));
    expect(error).toMatchObject({
      code: 'VALIDATION',
      reason: 'IMPORT_INVALID_ROW',
      details: { table: 'invoices', row: 1, field: 'total_minor', problem: 'wholeNumber' },
    });
    file.data.invoices![0]!.total_minor = 1;
    file.data.clients![0]!.surprise = 'x';
    delete file.data.clients![0]!.email;
    expect((await refused(target, JSON.stringify(file))).details).toMatchObject({
      table: 'clients',
      row: 1,
      problems: 2,
    });
    delete file.data.clients![0]!.surprise;
    expect((await refused(target, JSON.stringify(file))).details).toMatchObject({
      table: 'clients',
      row: 1,
      field: 'email',
      problem: 'missing',
    });
    const client = file.data.clients![0]!;
    client.email = '';
    file.data.clients!.push({ ...client });
    expect((await refused(target, JSON.stringify(file))).details).toMatchObject({
      table: 'clients',
      row: 2,
      field: 'id',
      problem: 'duplicate',
    });
  });

  it('refuses what is not a workspace file, a newer format and a newer schema', async () => {
    const { file, target } = await setup();
    expect(await refused(target, 'PK\u0003\u0004 not json')).toMatchObject({
      reason: 'IMPORT_NOT_JSON',
    });
    expect(await refused(target, JSON.stringify({ hello: 1 }))).toMatchObject({
      reason: 'IMPORT_NOT_WORKSPACE_FILE',
    });
    expect(await refused(target, JSON.stringify({ ...file, version: 2 }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'IMPORT_FORMAT_NEWER',
      details: { version: 2, supported: 1 },
    });
    const newer = (await schemaVersion(target)) + 1;
    expect(await refused(target, JSON.stringify({ ...file, schemaVersion: newer }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'IMPORT_SCHEMA_NEWER',
      details: { schemaVersion: newer },
    });
    const { clients: _dropped, ...rest } = file.data;
    expect(await refused(target, JSON.stringify({ ...file, data: rest }))).toMatchObject({
      reason: 'IMPORT_MISSING_TABLE',
      details: { table: 'clients' },
    });
    expect(
      await refused(target, JSON.stringify({ ...file, data: { ...file.data, gadgets: [] } })),
    ).toMatchObject({ reason: 'IMPORT_UNKNOWN_TABLE', details: { table: 'gadgets' } });
  });

  it('refuses a row that points nowhere (foreign keys checked before commit)', async () => {
    const { file, target } = await setup();
    file.data.payments!.push({
      id: '01890f5e-3c5a-7d4e-8f00-0000000000a1',
      invoice_id: '01890f5e-3c5a-7d4e-8f00-0000000000ff',
      date: '2026-11-21',
      amount_minor: 100,
      currency: 'EUR',
      method: 'bank_transfer',
      reference: '',
      note: '',
      created_at: '2026-11-21T09:00:00.000Z',
    });
    expect(await refused(target, JSON.stringify(file))).toMatchObject({
      code: 'VALIDATION',
      reason: 'IMPORT_FOREIGN_KEY',
      details: { table: 'payments', row: 1, parent: 'invoices' },
    });
  });

  it('refuses a row the data file’s own checks refuse (totals that do not add up)', async () => {
    const { file, target } = await setup();
    file.data.invoices![0]!.total_minor = 1;
    expect(await refused(target, JSON.stringify(file))).toMatchObject({
      code: 'VALIDATION',
      reason: 'IMPORT_ROW_REJECTED',
      details: { table: 'invoices', row: 1 },
    });
  });

  it('refuses to apply a file that is not the one previewed', async () => {
    const { file, target } = await setup();
    const text = JSON.stringify(file);
    const { digest } = await preview(target, text);
    const error = await fail(
      target.invoke('workspace.import.apply', {
        text: text.replace('Acme', 'Acne'),
        expectedDigest: digest,
      }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'IMPORT_FILE_CHANGED' });
    await apply(target, text, { expectedDigest: digest });
  });
});

describe('CSV export', () => {
  it('writes one CSV per table with a BOM, CRLF and formula-guarded text', async () => {
    const services = await workspace();
    await call(services, 'clients.create', {
      displayName: '=HYPERLINK("http://evil.test")',
      notes: '客户, "quoted"',
      defaultCurrency: 'CNY',
    });
    const { files, folderName } = await call<{
      folderName: string;
      files: { name: string; text: string; rows: number }[];
    }>(services, 'workspace.exportCsvFiles', {});
    expect(folderName).toBe('engagement-desk-csv-2026-11-21');
    expect(files.map((f) => f.name)).toEqual(WORKSPACE_TABLES.map((t) => `${t}.csv`));
    const clients = files.find((f) => f.name === 'clients.csv')!;
    expect(clients.rows).toBe(1);
    expect(clients.text.startsWith('\uFEFFid,display_name,')).toBe(true);
    expect(clients.text).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    expect(clients.text).toContain('"客户, ""quoted"""');
    expect(clients.text.endsWith('\r\n')).toBe(true);
    expect(clients.text.split('\r\n')).toHaveLength(3);
  });
});
