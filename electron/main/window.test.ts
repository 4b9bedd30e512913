import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, electron, resetElectronStub } from '../../test/electron-stub';
import { appOrigin } from './app-origin';
import { createMainWindow, focusWindow, secureWebPreferences } from './window';

vi.mock('electron', async () => (await import('../../test/electron-stub')).electronModule());

const PRELOAD = '/app/out/preload/index.js';

/** Written out in full on purpose: a new key or a changed default must fail this test. */
const SECURE_SET = {
  preload: PRELOAD,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
};

let dataDir: string;
beforeEach(() => {
  resetElectronStub();
  dataDir = mkdtempSync(path.join(tmpdir(), 'ed-window-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function open(origin = appOrigin()) {
  const win = createMainWindow({ title: 'Engagement Desk', preloadFile: PRELOAD, dataDir, origin });
  return { win, fake: FakeBrowserWindow.instances.at(-1)! };
}

describe('main window', () => {
  it('secureWebPreferences is exactly the secure set', () => {
    expect(secureWebPreferences(PRELOAD)).toStrictEqual(SECURE_SET);
  });

  it('is created with exactly the secure webPreferences', () => {
    const { fake } = open();
    expect(fake.options.webPreferences).toStrictEqual(SECURE_SET);
  });

  it('stays hidden until ready-to-show, then shows', () => {
    const { fake } = open();
    expect(fake.options.show).toBe(false);
    expect(fake.show).not.toHaveBeenCalled();
    fake.emit('ready-to-show');
    expect(fake.show).toHaveBeenCalledTimes(1);
    expect(fake.maximize).not.toHaveBeenCalled();
  });

  it('loads the app origin, or the dev server when given one', () => {
    expect(open().fake.loadURL).toHaveBeenCalledWith('app://app/index.html');
    expect(open(appOrigin('http://localhost:5173/')).fake.loadURL).toHaveBeenCalledWith(
      'http://localhost:5173/',
    );
  });

  it('follows the OS theme for its background', () => {
    electron.nativeTheme.shouldUseDarkColors = true;
    const { fake } = open();
    expect(fake.options.backgroundColor).toBe('#242424');
    electron.nativeTheme.shouldUseDarkColors = false;
    electron.nativeTheme.emit('updated');
    expect(fake.setBackgroundColor).toHaveBeenLastCalledWith('#ffffff');
    fake.close();
    expect(electron.nativeTheme.listenerCount('updated')).toBe(0);
  });

  it('reopens where it was, clamped to a visible display, and maximised if it was', () => {
    writeFileSync(
      path.join(dataDir, 'window-state.json'),
      JSON.stringify({ x: 5000, y: 3000, width: 1200, height: 760, maximized: true }),
    );
    const { fake } = open();
    expect(fake.options).toMatchObject({
      x: 720,
      y: 280,
      width: 1200,
      height: 760,
      minWidth: 900,
      minHeight: 600,
    });
    fake.emit('ready-to-show');
    expect(fake.maximize).toHaveBeenCalled();
  });

  it('focusWindow restores a minimised window', () => {
    const { win, fake } = open();
    fake.minimized = true;
    focusWindow(win);
    expect(fake.restore).toHaveBeenCalled();
    expect(fake.focus).toHaveBeenCalled();
  });
});
