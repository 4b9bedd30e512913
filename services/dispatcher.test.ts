import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServices, type TestServices } from '../test/support/services';
import { createDispatcher, createGate } from './dispatcher';
import type { ServiceContext } from './context';
import type { HandlerMap } from './handler-types';
import { handlers } from './handlers';
import { ServiceError } from './errors';
import { knownSchemaVersion } from '../db';
import { MIGRATIONS_FOLDER } from '../test/support/temp';

let services: TestServices;
beforeEach(async () => {
  services = await startTestServices();
});
afterEach(() => services.dispose());

function ctxOf(s: TestServices): ServiceContext {
  return {
    db: s.database.db,
    sqlite: s.database.sqlite,
    app: {
      name: 'x',
      version: '0',
      dataDir: s.dir,
      databaseFile: s.database.file,
      schemaVersion: 1,
      dataLocationWarning: null,
      dailyBackupFailed: false,
    },
    data: s.context.data,
    now: () => new Date('2026-11-21T10:00:00.000Z'),
    newId: () => '0196f3a0-0000-7000-8000-000000000001',
  };
}

const count = (s: TestServices) =>
  (s.database.sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n;

describe('dispatcher', () => {
  it('refuses a method outside the contract with UNKNOWN_METHOD', async () => {
    const result = await services.invoke('clients.drop', {});
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'UNKNOWN_METHOD' }),
    });
  });

  it('refuses inherited object keys as method names', async () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const result = await services.invoke(name, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('UNKNOWN_METHOD');
    }
  });

  it('rejects unknown keys with a VALIDATION error naming the key', async () => {
    const result = await services.invoke('clients.create', {
      displayName: 'Acme',
      defaultCurrency: 'EUR',
      isAdmin: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.issues[0]).toMatchObject({ code: 'unrecognized_keys' });
    expect(count(services)).toBe(0);
  });

  it('reports field paths and our own reasons for invalid values', async () => {
    const result = await services.invoke('clients.create', {
      displayName: '  ',
      defaultCurrency: 'XYZ',
      email: 'no',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.code]));
    expect(byPath).toEqual({
      displayName: 'too_small',
      defaultCurrency: 'UNKNOWN_CURRENCY',
      email: 'invalid_format',
    });
  });

  it('rolls back a write whose handler fails half-way, and hides internals', async () => {
    const ctx = ctxOf(services);
    const failing: HandlerMap = {
      ...handlers,
      'clients.create': (input, c) => {
        handlers['clients.create'](input, c);
        throw new Error('disk on fire at /secret/path');
      },
    };
    const logged: unknown[] = [];
    const dispatch = createDispatcher(ctx, failing, { logError: (_m, e) => logged.push(e) });
    const result = await dispatch('clients.create', {
      displayName: 'Acme',
      defaultCurrency: 'EUR',
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.any(String), issues: [] },
    });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
    expect(logged).toHaveLength(1);
    expect(count(services)).toBe(0);
  });

  it('rolls back a write whose output does not match the contract', async () => {
    const ctx = ctxOf(services);
    const wrongShape: HandlerMap = {
      ...handlers,
      'clients.create': (input, c) => ({
        ...handlers['clients.create'](input, c),
        archived: 'no' as unknown as boolean,
      }),
    };
    const dispatch = createDispatcher(ctx, wrongShape, { logError: () => {} });
    const result = await dispatch('clients.create', {
      displayName: 'Acme',
      defaultCurrency: 'EUR',
    });
    expect(result.ok).toBe(false);
    expect(count(services)).toBe(0);
  });

  it('passes a ServiceError through with its code, reason and details', async () => {
    const ctx = ctxOf(services);
    const dispatch = createDispatcher(ctx, {
      ...handlers,
      'clients.get': () => {
        throw new ServiceError('CONFLICT', 'Busy', { reason: 'BUSY', details: { n: 2 } });
      },
    });
    const result = await dispatch('clients.get', { id: '0196f3a0-0000-7000-8000-000000000001' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'CONFLICT', reason: 'BUSY', message: 'Busy', issues: [], details: { n: 2 } },
    });
  });

  it('treats a missing input as an empty object', async () => {
    const result = await services.invoke('app.info', undefined);
    expect(result).toMatchObject({
      ok: true,
      data: {
        name: 'Engagement Desk',
        version: '0.0.0-test',
        schemaVersion: knownSchemaVersion(MIGRATIONS_FOLDER),
      },
    });
  });
});

describe('the dispatcher gate', () => {
  it('an exclusive call waits for calls in flight, and calls made meanwhile wait for it', async () => {
    const gate = createGate();
    const log: string[] = [];
    let finishA!: () => void;
    const a = gate.shared(async () => {
      log.push('a start');
      await new Promise<void>((resolve) => (finishA = resolve));
      log.push('a end');
    });
    const x = gate.alone(async () => {
      log.push('x start');
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push('x end');
    });
    const b = gate.shared(async () => {
      log.push('b');
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(log).toEqual(['a start']);
    finishA();
    await Promise.all([a, x, b]);
    expect(log).toEqual(['a start', 'a end', 'x start', 'x end', 'b']);
  });

  it('without an exclusive call pending, shared calls start at once and overlap', async () => {
    const gate = createGate();
    const log: string[] = [];
    let finish!: () => void;
    const first = gate.shared(async () => {
      log.push('1 start');
      await new Promise<void>((resolve) => (finish = resolve));
      log.push('1 end');
    });
    const second = gate.shared(async () => {
      log.push('2');
    });
    await second;
    expect(log).toEqual(['1 start', '2']);
    finish();
    await first;
  });

  it('an exclusive call that fails still lets the others through', async () => {
    const gate = createGate();
    const failing = gate.alone(async () => {
      throw new Error('boom');
    });
    const after = gate.shared(async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(after).resolves.toBe('ran');
  });
});
