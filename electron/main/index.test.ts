import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_CHANNEL } from '../../core/api/transport';
import { FakeWebContents, electron, fakeEvent, resetElectronStub } from '../../test/electron-stub';
import { MENU_CHANNEL } from '../preload/menu-actions';

vi.mock('electron', async () => (await import('../../test/electron-stub')).electronModule());

let dataDir: string;
const saved = { ...process.env };

beforeEach(() => {
  resetElectronStub();
  vi.resetModules();
  dataDir = mkdtempSync(path.join(tmpdir(), 'ed-lifecycle-'));
  process.env.ENGAGEMENT_DESK_DATA_DIR = dataDir;
  delete process.env.ELECTRON_RENDERER_URL;
});

afterEach(() => {
  process.env = { ...saved };
  rmSync(dataDir, { recursive: true, force: true });
});

/** Loads main as Electron would, optionally letting `ready` fire. */
async function boot({ ready = true } = {}) {
  await import('./index');
  if (ready) await electron.app.becomeReady();
  return {
    window: electron.BrowserWindow.instances[0],
    services: electron.utilityProcess.forked[0],
  };
}

function withPlatform<T>(platform: NodeJS.Platform, run: () => T): T {
  const original = Object.getOwnPropertyDescriptor(process, 'platform')!;
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
  try {
    return run();
  } finally {
    Object.defineProperty(process, 'platform', original);
  }
}

describe('app lifecycle', () => {
  it('before ready: registers app://, sandboxes everything, takes the single-instance lock', async () => {
    await boot({ ready: false });
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(electron.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(electron.utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await boot();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(electron.utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('on ready: serves app://, denies permissions, starts the services, opens a secure window', async () => {
    const { window, services } = await boot();
    expect(electron.protocol.handlers.has('app')).toBe(true);
    expect(electron.session.defaultSession.request('media')).toBe(false);
    expect(electron.utilityProcess.fork).toHaveBeenCalledWith(
      expect.stringMatching(/services\.js$/),
      [],
      expect.objectContaining({ serviceName: 'Engagement Desk services' }),
    );
    expect(services?.sent[0]).toEqual({
      type: 'start',
      dataDir,
      migrationsFolder: path.join('/fake/app', 'db', 'migrations'),
      appVersion: '0.1.0-test',
    });
    expect(electron.ipcMain.handlers.has(API_CHANNEL)).toBe(true);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(window?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(window?.loadURL).toHaveBeenCalledWith('app://app/index.html');
  });

  it('routes a call from the window through IPC to the services process and back', async () => {
    const { window, services } = await boot();
    const reply = electron.ipcMain.invoke(
      API_CHANNEL,
      { sender: window!.webContents, senderFrame: window!.webContents.mainFrame },
      'app.info',
      {},
    );
    const sent = services!.sent.at(-1) as { id: number; method: string };
    expect(sent).toMatchObject({ type: 'invoke', method: 'app.info', input: {} });
    services!.reply({
      type: 'result',
      id: sent.id,
      result: { ok: true, data: { name: 'Engagement Desk' } },
    });
    await expect(reply).resolves.toEqual({ ok: true, data: { name: 'Engagement Desk' } });
  });

  it('answers documents.save in main: render in the services, save dialog on the window, file written', async () => {
    electron.app.paths.set('downloads', dataDir);
    const { window, services } = await boot();
    const target = path.join(dataDir, 'saved.pdf');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const reply = electron.ipcMain.invoke(
      API_CHANNEL,
      { sender: window!.webContents, senderFrame: window!.webContents.mainFrame },
      'documents.save',
      { kind: 'invoice', id: '01890f5e-3c5a-7d4e-8f00-0000000000a1' },
    );
    await vi.waitFor(() => expect(services!.sent.at(-1)).toMatchObject({ type: 'invoke' }));
    const sent = services!.sent.at(-1) as { id: number; method: string };
    expect(sent.method).toBe('documents.render');
    services!.reply({
      type: 'result',
      id: sent.id,
      result: {
        ok: true,
        data: {
          kind: 'invoice',
          language: 'en',
          fileName: 'Invoice 1.pdf',
          mimeType: 'application/pdf',
          base64: Buffer.from('%PDF-1.7').toString('base64'),
          byteLength: 8,
          pageCount: 1,
        },
      },
    });
    await expect(reply).resolves.toEqual({
      ok: true,
      data: { saved: true, path: target, byteLength: 8 },
    });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ defaultPath: path.join(dataDir, 'Invoice 1.pdf') }),
    );
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7');
  });

  it('hardens every web contents created later', async () => {
    await boot();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.navigate('will-navigate', 'https://example.com/')).toBe(false);
    expect(contents.openWindow('https://example.com/')).toBe('deny');
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('focuses the existing window when a second instance starts', async () => {
    const { window } = await boot();
    window!.minimized = true;
    electron.app.emit('second-instance', fakeEvent(), [], '/');
    expect(window!.restore).toHaveBeenCalled();
    expect(window!.focus).toHaveBeenCalled();
    expect(electron.BrowserWindow.instances).toHaveLength(1);
  });

  it('quits when the last window closes, except on macOS', async () => {
    await boot();
    withPlatform('darwin', () => electron.app.emit('window-all-closed'));
    expect(electron.app.quit).not.toHaveBeenCalled();
    withPlatform('linux', () => electron.app.emit('window-all-closed'));
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
  });

  it('stops the services process before quitting', async () => {
    const { services } = await boot();
    services!.kill.mockImplementation(() => {
      queueMicrotask(() => services!.exit(0));
      return true;
    });
    const event = fakeEvent();
    electron.app.emit('will-quit', event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    expect(services!.kill).toHaveBeenCalledTimes(1);
    const again = fakeEvent();
    electron.app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('shows the fatal message and quits when the data file cannot be served', async () => {
    const { services } = await boot();
    const message = 'This data file was written by a newer version of Engagement Desk.';
    services!.reply({ type: 'fatal', code: 'SCHEMA_TOO_NEW', message });
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Engagement Desk cannot open your data',
      message,
    );
    expect(electron.app.quit).toHaveBeenCalled();
  });

  it('delivers menu actions to the window', async () => {
    const { window } = await boot();
    const template = electron.Menu.buildFromTemplate.mock.calls[0]![0] as Array<{
      submenu?: Array<{ id?: string; click?: () => void }>;
    }>;
    const newClient = template
      .flatMap((menu) => menu.submenu ?? [])
      .find((item) => item.id === 'new-client');
    newClient!.click!();
    expect(window!.webContents.send).toHaveBeenCalledWith(MENU_CHANNEL, 'new-client');
  });

  it('loads the dev server only when unpackaged', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    const dev = await boot();
    expect(dev.window?.loadURL).toHaveBeenCalledWith('http://localhost:5173/');

    resetElectronStub();
    vi.resetModules();
    electron.app.isPackaged = true;
    const packaged = await boot();
    expect(packaged.window?.loadURL).toHaveBeenCalledWith('app://app/index.html');
  });
});
