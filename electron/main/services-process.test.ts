import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { utilityProcess } from 'electron';
import { FakeUtilityProcess, electron, resetElectronStub } from '../../test/electron-stub';
import {
  ServicesClient,
  forkServicesProcess,
  type ServicesClientOptions,
} from './services-process';

vi.mock('electron', async () => (await import('../../test/electron-stub')).electronModule());

const start = {
  type: 'start',
  dataDir: '/data',
  migrationsFolder: '/app/db/migrations',
  appVersion: '1.2.3',
} as const;

let children: FakeUtilityProcess[];
let onFatal: Mock<ServicesClientOptions['onFatal']>;

beforeEach(() => {
  resetElectronStub();
  children = [];
  onFatal = vi.fn<ServicesClientOptions['onFatal']>();
});

function client(options: Partial<ServicesClientOptions> = {}) {
  const services = new ServicesClient({
    spawn: () => {
      const child = new FakeUtilityProcess();
      children.push(child);
      return child;
    },
    start,
    onFatal,
    log: () => {},
    ...options,
  });
  services.start();
  return services;
}

const lastInvoke = (child: FakeUtilityProcess) =>
  child.sent.at(-1) as { type: string; id: number; method: string; input: unknown };
const result = (id: number, data: unknown) => ({ type: 'result', id, result: { ok: true, data } });

describe('ServicesClient', () => {
  it('sends the start message first', () => {
    client();
    expect(children).toHaveLength(1);
    expect(children[0]!.sent).toEqual([start]);
  });

  it('answers each call with the reply of the same id, whatever the order', async () => {
    const services = client();
    const child = children[0]!;
    const first = services.invoke('clients.list', { search: 'a' });
    const firstId = lastInvoke(child).id;
    const second = services.invoke('clients.get', { id: 'x' });
    const secondId = lastInvoke(child).id;
    const third = services.invoke('app.info', {});
    const thirdId = lastInvoke(child).id;
    expect(new Set([firstId, secondId, thirdId]).size).toBe(3);
    expect(child.sent[1]).toEqual({
      type: 'invoke',
      id: firstId,
      method: 'clients.list',
      input: { search: 'a' },
    });

    child.reply(result(thirdId, 'third'));
    child.reply(result(firstId, 'first'));
    child.reply(result(secondId, 'second'));
    await expect(first).resolves.toEqual({ ok: true, data: 'first' });
    await expect(second).resolves.toEqual({ ok: true, data: 'second' });
    await expect(third).resolves.toEqual({ ok: true, data: 'third' });
  });

  it('ignores replies to unknown ids and malformed messages', async () => {
    const services = client();
    const child = children[0]!;
    const call = services.invoke('app.info', {});
    child.reply(result(9999, 'stray'));
    child.reply(null);
    child.reply('result');
    child.reply({ type: 'result', id: 'nope' });
    child.reply({ type: 'ready', schemaVersion: 1, databaseFile: '/data/engagement-desk.sqlite' });
    child.reply(result(lastInvoke(child).id, 'mine'));
    await expect(call).resolves.toEqual({ ok: true, data: 'mine' });
    expect(onFatal).not.toHaveBeenCalled();
  });

  it('settles pending calls with UNAVAILABLE when the process exits, then restarts it once', async () => {
    const services = client();
    const a = services.invoke('clients.list', {});
    const b = services.invoke('clients.get', { id: '1' });
    children[0]!.exit(9);
    await expect(a).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    await expect(b).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });

    expect(children).toHaveLength(2);
    expect(children[1]!.sent).toEqual([start]);
    const c = services.invoke('app.info', {});
    children[1]!.reply(result(lastInvoke(children[1]!).id, 'after restart'));
    await expect(c).resolves.toEqual({ ok: true, data: 'after restart' });
    expect(onFatal).not.toHaveBeenCalled();
  });

  it('gives up after the second unexpected exit and reports it', async () => {
    const services = client();
    children[0]!.exit(1);
    children[1]!.exit(1);
    expect(children).toHaveLength(2);
    expect(onFatal).toHaveBeenCalledWith(expect.objectContaining({ code: 'SERVICES_STOPPED' }));
    await expect(services.invoke('app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
  });

  it('ignores a late exit of a replaced process', async () => {
    const services = client();
    const first = children[0]!;
    first.exit(1);
    const call = services.invoke('app.info', {});
    first.exit(1);
    first.reply(result(lastInvoke(children[1]!).id, 'from the dead'));
    expect(children).toHaveLength(2);
    children[1]!.reply(result(lastInvoke(children[1]!).id, 'live'));
    await expect(call).resolves.toEqual({ ok: true, data: 'live' });
  });

  it('on fatal (a newer app wrote the data file) reports it, fails pending calls and does not restart', async () => {
    const services = client();
    const call = services.invoke('clients.list', {});
    const message = 'This data file was written by a newer version of Engagement Desk (schema 7).';
    children[0]!.reply({ type: 'fatal', code: 'SCHEMA_TOO_NEW', message });
    expect(onFatal).toHaveBeenCalledWith({ code: 'SCHEMA_TOO_NEW', message });
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(children[0]!.kill).toHaveBeenCalled();
    children[0]!.exit(0);
    expect(children).toHaveLength(1);
    expect(onFatal).toHaveBeenCalledTimes(1);
  });

  it('stop lets calls in flight finish, then kills the process without restarting it', async () => {
    const services = client();
    const child = children[0]!;
    child.kill.mockImplementation(() => {
      queueMicrotask(() => child.exit(0));
      return true;
    });
    const call = services.invoke('clients.create', { displayName: 'Acme' });
    const stopped = services.stop(1000);
    // New calls are refused while stopping.
    await expect(services.invoke('app.info', {})).resolves.toMatchObject({
      error: { code: 'UNAVAILABLE' },
    });
    expect(child.kill).not.toHaveBeenCalled();
    child.reply(result(lastInvoke(child).id, 'created'));
    await expect(call).resolves.toEqual({ ok: true, data: 'created' });
    await stopped;
    expect(child.kill).toHaveBeenCalledTimes(1);
    expect(children).toHaveLength(1);
    expect(services.running).toBe(false);
  });

  it('stop gives up waiting on a process that does not answer', async () => {
    const services = client();
    const call = services.invoke('clients.list', {});
    const began = Date.now();
    await services.stop(100);
    expect(Date.now() - began).toBeLessThan(1000);
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(children[0]!.kill).toHaveBeenCalled();
  });

  it('forks services.js as a named utility process with piped output', () => {
    const child = forkServicesProcess(
      electron.utilityProcess as unknown as typeof utilityProcess,
      '/app/out/main/services.js',
    );
    expect(electron.utilityProcess.fork).toHaveBeenCalledWith('/app/out/main/services.js', [], {
      serviceName: 'Engagement Desk services',
      stdio: 'pipe',
    });
    expect(child).toBe(electron.utilityProcess.forked[0]);
  });
});
