import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, Client, ClientsListOutput } from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';

let services: TestServices;
let clock = new Date('2026-11-21T09:00:00.000Z');
beforeEach(async () => {
  clock = new Date('2026-11-21T09:00:00.000Z');
  services = await startTestServices({ now: () => clock });
});
afterEach(() => services.dispose());

async function ok<T>(promise: Promise<ApiResult<unknown>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.data as T;
}

const create = (fields: Record<string, unknown>) =>
  ok<Client>(services.invoke('clients.create', { defaultCurrency: 'EUR', ...fields }));
const list = (input: Record<string, unknown> = {}) =>
  ok<ClientsListOutput>(services.invoke('clients.list', input));

describe('clients', () => {
  it('creates a client with defaults, a UUIDv7 id and timestamps', async () => {
    const client = await create({ displayName: '  Acme GmbH ', defaultDayRateMinor: 120_000 });
    expect(client).toMatchObject({
      displayName: 'Acme GmbH',
      legalName: '',
      defaultCurrency: 'EUR',
      defaultDayRateMinor: 120_000,
      paymentTermsDays: 30,
      documentLanguage: 'en',
      archived: false,
      createdAt: '2026-11-21T09:00:00.000Z',
      updatedAt: '2026-11-21T09:00:00.000Z',
    });
    expect(client.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(await ok(services.invoke('clients.get', { id: client.id }))).toEqual(client);
  });

  it('refuses a fractional day rate: money is integer minor units', async () => {
    const result = await services.invoke('clients.create', {
      displayName: 'A',
      defaultCurrency: 'EUR',
      defaultDayRateMinor: 100.5,
    });
    expect(result.ok).toBe(false);
    expect((await list()).total).toBe(0);
  });

  it('updates only the given fields and bumps updatedAt', async () => {
    const client = await create({ displayName: 'Acme', email: 'a@acme.test' });
    clock = new Date('2026-11-22T10:00:00.000Z');
    const updated = await ok<Client>(
      services.invoke('clients.update', {
        id: client.id,
        changes: { phone: '+49 30 1234', paymentTermsDays: 14 },
      }),
    );
    expect(updated).toEqual({
      ...client,
      phone: '+49 30 1234',
      paymentTermsDays: 14,
      updatedAt: '2026-11-22T10:00:00.000Z',
    });
  });

  it('refuses an empty update and an update of a missing client', async () => {
    const client = await create({ displayName: 'Acme' });
    const empty = await services.invoke('clients.update', { id: client.id, changes: {} });
    expect(empty.ok ? null : empty.error.issues[0]?.code).toBe('EMPTY_CHANGES');
    const missing = await services.invoke('clients.update', {
      id: '0196f3a0-0000-7000-8000-0000000000ff',
      changes: { phone: '1' },
    });
    expect(missing.ok ? null : missing.error).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'CLIENT_NOT_FOUND',
    });
  });

  it('searches names, legal names, contacts, emails and tax ids case-insensitively', async () => {
    await create({ displayName: 'Acme', legalName: 'Acme Holdings AG', taxId: 'DE123456789' });
    await create({ displayName: '华为咨询', contactPerson: '张伟' });
    await create({ displayName: 'Globex', email: 'ops@GLOBEX.test' });
    const names = async (search: string) =>
      (await list({ search })).items.map((c) => c.displayName);
    expect(await names('holdings')).toEqual(['Acme']);
    expect(await names('de1234')).toEqual(['Acme']);
    expect(await names('张伟')).toEqual(['华为咨询']);
    expect(await names('globex.TEST')).toEqual(['Globex']);
    expect(await names('nothing')).toEqual([]);
  });

  it('treats % and _ in a search as text, not wildcards', async () => {
    await create({ displayName: '50% Partners' });
    await create({ displayName: '500 Partners' });
    expect((await list({ search: '50%' })).items.map((c) => c.displayName)).toEqual([
      '50% Partners',
    ]);
    expect((await list({ search: '_' })).total).toBe(0);
  });

  it('sorts, pages and reports the total', async () => {
    for (const name of ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'])
      await create({ displayName: name });
    const asc = await list({
      sort: { field: 'displayName', direction: 'asc' },
      limit: 2,
      offset: 1,
    });
    expect(asc.items.map((c) => c.displayName)).toEqual(['Bravo', 'charlie']);
    expect(asc.total).toBe(5);
    expect(asc.offset).toBe(1);
    const desc = await list({ sort: { field: 'displayName', direction: 'desc' } });
    expect(desc.items.map((c) => c.displayName)).toEqual([
      'echo',
      'delta',
      'charlie',
      'Bravo',
      'Alpha',
    ]);
  });

  it('archives and restores; the list filter follows', async () => {
    const a = await create({ displayName: 'Acme' });
    await create({ displayName: 'Globex' });
    const archived = await ok<Client>(services.invoke('clients.archive', { id: a.id }));
    expect(archived.archived).toBe(true);
    expect((await list()).items.map((c) => c.displayName)).toEqual(['Globex']);
    expect((await list({ archived: 'archived' })).items.map((c) => c.displayName)).toEqual([
      'Acme',
    ]);
    expect((await list({ archived: 'all' })).total).toBe(2);
    const restored = await ok<Client>(services.invoke('clients.restore', { id: a.id }));
    expect(restored.archived).toBe(false);
    expect((await list()).total).toBe(2);
  });

  it('deletes a client nothing depends on', async () => {
    const a = await create({ displayName: 'Acme' });
    expect(await ok(services.invoke('clients.delete', { id: a.id }))).toEqual({ id: a.id });
    const again = await services.invoke('clients.get', { id: a.id });
    expect(again.ok ? null : again.error.code).toBe('NOT_FOUND');
  });

  it('refuses to delete a client that other records reference, naming how many, and keeps it', async () => {
    const a = await create({ displayName: 'Acme' });
    // Any table with a foreign key to clients counts, including ones later features add.
    services.database.sqlite.exec(
      `CREATE TABLE engagements_probe (id text PRIMARY KEY, client_id text NOT NULL REFERENCES clients(id));`,
    );
    services.database.sqlite
      .prepare(`INSERT INTO engagements_probe VALUES (?, ?), (?, ?)`)
      .run('e1', a.id, 'e2', a.id);
    const result = await services.invoke('clients.delete', { id: a.id });
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'CONFLICT',
      reason: 'CLIENT_HAS_DEPENDENTS',
      details: { name: 'Acme', count: 2, tables: 'engagements_probe' },
    });
    expect((await list()).total).toBe(1);
  });

  it('stores a hostile display name verbatim (the UI escapes it)', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const client = await create({ displayName: name });
    expect((await ok<Client>(services.invoke('clients.get', { id: client.id }))).displayName).toBe(
      name,
    );
  });

  it('keeps clients across a restart on the same folder', async () => {
    const a = await create({ displayName: 'Persistent' });
    const dir = services.dir;
    services.close();
    const again = await startTestServices({ dir });
    try {
      const result = await again.invoke('clients.get', { id: a.id });
      expect(result).toMatchObject({ ok: true, data: { displayName: 'Persistent' } });
    } finally {
      again.close();
    }
    services = await startTestServices({ dir }); // for afterEach
  });
});

describe('clients with owned records', () => {
  it('deletes a client whose only related rows are owned by it (debt model settings)', async () => {
    const a = await create({ displayName: 'Acme' });
    expect(
      (
        await services.invoke('debt.settings.update', {
          clientId: a.id,
          changes: { horizonQuarters: 8 },
        })
      ).ok,
    ).toBe(true);
    expect(await ok(services.invoke('clients.delete', { id: a.id }))).toEqual({ id: a.id });
    const left = services.database.sqlite
      .prepare('SELECT count(*) AS n FROM debt_model_settings')
      .get();
    expect(left).toEqual({ n: 0 });
  });
});
