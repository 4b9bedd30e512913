import type { IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { API_CHANNEL } from '../../core/api/transport';
import {
  FakeWebContents,
  FakeWebFrame,
  electron,
  resetElectronStub,
} from '../../test/electron-stub';
import { appOrigin } from './app-origin';
import { registerApiIpc, type ServicesInvoker } from './ipc';
import type { OsMethods } from './os-methods';

vi.mock('electron', async () => (await import('../../test/electron-stub')).electronModule());

const origin = appOrigin();
const ok = { ok: true, data: { items: [] } } as const;

let mainContents: FakeWebContents;
let services: { invoke: Mock<ServicesInvoker['invoke']> };

beforeEach(() => {
  resetElectronStub();
  mainContents = new FakeWebContents();
  services = { invoke: vi.fn<ServicesInvoker['invoke']>(async () => ok) };
});

function register(osMethods: OsMethods = {}) {
  return registerApiIpc({
    ipcMain: electron.ipcMain as unknown as IpcMain,
    mainContentsId: () => mainContents.id,
    origin,
    services,
    osMethods,
  });
}

function eventFrom(sender: FakeWebContents, frame: FakeWebFrame | null = sender.mainFrame) {
  return { sender, senderFrame: frame };
}

const call = (event: unknown, method: unknown, input: unknown = {}) =>
  electron.ipcMain.invoke(API_CHANNEL, event, method, input);

describe('API IPC', () => {
  it('forwards a contract method from the main window to the services', async () => {
    register();
    const result = await call(eventFrom(mainContents), 'clients.list', { search: 'acme' });
    expect(result).toEqual(ok);
    expect(services.invoke).toHaveBeenCalledWith('clients.list', { search: 'acme' });
  });

  it('refuses another web contents', async () => {
    register();
    const foreign = new FakeWebContents();
    const result = await call(eventFrom(foreign), 'clients.list');
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', issues: [] } });
    expect(services.invoke).not.toHaveBeenCalled();
  });

  it('refuses a subframe of the main window, even on the app origin', async () => {
    register();
    const subframe = new FakeWebFrame('app://app/index.html', mainContents.mainFrame);
    const result = await call(eventFrom(mainContents, subframe), 'clients.list');
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(services.invoke).not.toHaveBeenCalled();
  });

  it.each([
    'https://attacker.example/',
    'file:///tmp/x.html',
    'app://evil/index.html',
    'about:blank',
    'data:text/html,x',
  ])('refuses the main window when its top frame shows %s', async (url) => {
    register();
    const result = await call(eventFrom(mainContents, new FakeWebFrame(url)), 'clients.list');
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(services.invoke).not.toHaveBeenCalled();
  });

  it('refuses a sender whose frame is gone, and everyone while no window is open', async () => {
    register();
    expect(await call(eventFrom(mainContents, null), 'clients.list')).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    // Now the window has closed: nobody may call.
    electron.ipcMain.handlers.clear();
    registerApiIpc({
      ipcMain: electron.ipcMain as unknown as IpcMain,
      mainContentsId: () => undefined,
      origin,
      services,
    });
    expect(await call(eventFrom(mainContents), 'clients.list')).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(services.invoke).not.toHaveBeenCalled();
  });

  it.each([
    'clients.drop',
    'toString',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    '',
    42,
    null,
    undefined,
    { method: 'clients.list' },
    ['clients.list'],
    'x'.repeat(10_000),
  ])('refuses the unknown method %j without reaching the services', async (method) => {
    register();
    const result = (await call(eventFrom(mainContents), method)) as {
      ok: false;
      error: { code: string; message: string };
    };
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD', issues: [] } });
    expect(result.error.message.length).toBeLessThan(120);
    expect(services.invoke).not.toHaveBeenCalled();
  });

  it('answers OS-only methods in main and never forwards them', async () => {
    const saveDialog = vi.fn(async () => ({ ok: true as const, data: { saved: true } }));
    register({ 'app.info': saveDialog });
    const result = await call(eventFrom(mainContents), 'app.info', {});
    expect(result).toEqual({ ok: true, data: { saved: true } });
    expect(saveDialog).toHaveBeenCalledWith({}, { sender: mainContents });
    expect(services.invoke).not.toHaveBeenCalled();
  });

  it('refuses internal methods from the window before main or the services see them', async () => {
    const osMethod = vi.fn(async () => ok);
    register({ 'documents.exportInvoices.start': osMethod });
    const result = await call(eventFrom(mainContents), 'documents.exportInvoices.start', {
      range: { from: '2026-01-01', to: '2026-01-31' },
      folder: '/home/me/.ssh',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', issues: [] } });
    expect(osMethod).not.toHaveBeenCalled();
    expect(services.invoke).not.toHaveBeenCalled();
  });

  it('answers every host method in main when given, and forwards other document calls', async () => {
    const save = vi.fn(async () => ({ ok: true as const, data: { saved: false } }));
    register({ 'documents.save': save });
    expect(await call(eventFrom(mainContents), 'documents.save', { kind: 'invoice' })).toEqual({
      ok: true,
      data: { saved: false },
    });
    await call(eventFrom(mainContents), 'documents.exportInvoices.status', { jobId: 'x' });
    expect(services.invoke).toHaveBeenCalledTimes(1);
    expect(services.invoke).toHaveBeenCalledWith('documents.exportInvoices.status', {
      jobId: 'x',
    });
  });

  it('turns a throw into a typed INTERNAL error without details', async () => {
    services.invoke.mockRejectedValueOnce(new Error('SQLITE_CORRUPT at /home/me/secret/path'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    register();
    const result = await call(eventFrom(mainContents), 'clients.list');
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('registers one handler on the API channel and can remove it', () => {
    const unregister = register();
    expect([...electron.ipcMain.handlers.keys()]).toEqual([API_CHANNEL]);
    unregister();
    expect(electron.ipcMain.handlers.size).toBe(0);
  });
});
