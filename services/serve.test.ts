import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, MIGRATIONS_FOLDER } from '../test/support/temp';
import type { FromServices, PortLike, ToServices } from './protocol';
import { serve } from './serve';
import { knownSchemaVersion } from '../db';

/** A fake parent port: what main would see of the utility process. */
function fakePort() {
  let listener: ((event: { data: unknown }) => void) | null = null;
  const received: FromServices[] = [];
  const waiters: ((m: FromServices) => void)[] = [];
  const port: PortLike = {
    on: (_event, l) => {
      listener = l;
    },
    postMessage: (message) => {
      received.push(message);
      waiters.splice(0).forEach((w) => w(message));
    },
  };
  return {
    port,
    send: (message: ToServices) => listener!({ data: message }),
    next: () => new Promise<FromServices>((resolve) => waiters.push(resolve)),
  };
}

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((c) => c()));

describe('serve (the services utility process)', () => {
  it('opens the data file on start, then answers calls by id', async () => {
    const temp = makeTempDir();
    temps.push(temp.cleanup);
    const { port, send, next } = fakePort();
    serve(port, { dailyBackup: false });
    send({
      type: 'start',
      dataDir: temp.dir,
      migrationsFolder: MIGRATIONS_FOLDER,
      appVersion: '1.2.3',
    });
    expect(await next()).toMatchObject({
      type: 'ready',
      schemaVersion: knownSchemaVersion(MIGRATIONS_FOLDER),
    });

    send({
      type: 'invoke',
      id: 7,
      method: 'clients.create',
      input: { displayName: 'Acme', defaultCurrency: 'EUR' },
    });
    expect(await next()).toMatchObject({
      type: 'result',
      id: 7,
      result: { ok: true, data: { displayName: 'Acme' } },
    });

    send({ type: 'invoke', id: 8, method: 'nope', input: {} });
    expect(await next()).toMatchObject({
      type: 'result',
      id: 8,
      result: { ok: false, error: { code: 'UNKNOWN_METHOD' } },
    });
  });

  it('reports a data file from a newer version as fatal with a readable message', async () => {
    const temp = makeTempDir();
    temps.push(temp.cleanup);
    // A data file that records one more migration than this build knows.
    const { port, send, next } = fakePort();
    serve(port, { dailyBackup: false });
    send({
      type: 'start',
      dataDir: temp.dir,
      migrationsFolder: MIGRATIONS_FOLDER,
      appVersion: '1',
    });
    await next();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(temp.dir, 'engagement-desk.sqlite'));
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(
      'future',
      4_000_000_000_000,
    );
    db.close();

    const second = fakePort();
    serve(second.port, { dailyBackup: false });
    second.send({
      type: 'start',
      dataDir: temp.dir,
      migrationsFolder: MIGRATIONS_FOLDER,
      appVersion: '1',
    });
    const fatal = await second.next();
    expect(fatal).toMatchObject({ type: 'fatal', code: 'SCHEMA_TOO_NEW' });
    expect(fatal.type === 'fatal' && fatal.message).toMatch(/newer version/);
    expect(fs.existsSync(path.join(temp.dir, 'engagement-desk.sqlite'))).toBe(true);
  });

  it('answers calls made before a failed start with UNAVAILABLE, never silence', async () => {
    const temp = makeTempDir();
    temps.push(temp.cleanup);
    fs.writeFileSync(path.join(temp.dir, 'engagement-desk.sqlite'), 'not a database'.repeat(100));
    const { port, send, next } = fakePort();
    serve(port, { dailyBackup: false });
    send({
      type: 'start',
      dataDir: temp.dir,
      migrationsFolder: MIGRATIONS_FOLDER,
      appVersion: '1',
    });
    send({ type: 'invoke', id: 1, method: 'app.info', input: {} });
    const messages = [await next(), await next()];
    expect(messages).toContainEqual(
      expect.objectContaining({ type: 'fatal', code: 'NOT_A_DATABASE' }),
    );
    expect(messages).toContainEqual(
      expect.objectContaining({
        type: 'result',
        id: 1,
        result: expect.objectContaining({ ok: false }),
      }),
    );
  });
});
