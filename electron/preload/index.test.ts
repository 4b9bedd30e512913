import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CHANNEL } from '../../core/api/transport';
import { electron, resetElectronStub } from '../../test/electron-stub';
import { MENU_CHANNEL } from './menu-actions';

vi.mock('electron', async () => (await import('../../test/electron-stub')).electronModule());

// The sandboxed preload's global is the window; stand one in for Node.
const fakeWindow = new EventTarget();
const received: unknown[] = [];
const globals = globalThis as unknown as Record<string, unknown>;

beforeAll(async () => {
  resetElectronStub();
  globals.dispatchEvent = fakeWindow.dispatchEvent.bind(fakeWindow);
  fakeWindow.addEventListener(MENU_CHANNEL, (event) =>
    received.push((event as CustomEvent).detail),
  );
  await import('./index');
});
afterAll(() => {
  delete globals.dispatchEvent;
});

describe('preload', () => {
  it('exposes window.api with invoke and nothing else', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(electron.contextBridge.exposed)).toEqual(['api']);
    const api = electron.contextBridge.exposed.api as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(typeof api.invoke).toBe('function');
  });

  it('forwards exactly the method and the input on the API channel', async () => {
    const api = electron.contextBridge.exposed.api as {
      invoke: (...args: unknown[]) => Promise<unknown>;
    };
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, data: [] });
    await expect(api.invoke('clients.list', { search: 'x' }, 'extra', 'args')).resolves.toEqual({
      ok: true,
      data: [],
    });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(API_CHANNEL, 'clients.list', {
      search: 'x',
    });
  });

  it('re-dispatches known menu actions as a DOM event and drops anything else', () => {
    electron.ipcRenderer.fromMain(MENU_CHANNEL, 'new-client');
    electron.ipcRenderer.fromMain(MENU_CHANNEL, 'settings');
    electron.ipcRenderer.fromMain(MENU_CHANNEL, 'delete-everything');
    electron.ipcRenderer.fromMain(MENU_CHANNEL, { action: 'settings' });
    electron.ipcRenderer.fromMain(MENU_CHANNEL);
    expect(received).toEqual(['new-client', 'settings']);
  });

  it('listens on no other channel', () => {
    expect(electron.ipcRenderer.eventNames()).toEqual([MENU_CHANNEL]);
  });
});

/** Module specifiers a file imports at run time (`import type` is erased by the bundler). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(path.join(__dirname, file), 'utf8');
  return [...source.matchAll(/^import\s+(type\s)?[\s\S]*?from\s+['"]([^'"]+)['"]/gm)]
    .filter((match) => match[1] === undefined)
    .map((match) => match[2]!);
}

describe('preload bundle', () => {
  // A sandboxed preload can require only `electron`: anything else must be bundled in, so
  // the preload and what it imports stay free of runtime dependencies (zod, the contract).
  it('imports only electron, the transport constant and menu-actions', () => {
    expect(runtimeImports('index.ts').sort()).toEqual([
      '../../core/api/transport',
      './menu-actions',
      'electron',
    ]);
    expect(runtimeImports('menu-actions.ts')).toEqual([]);
    expect(runtimeImports('../../core/api/transport.ts')).toEqual([]);
  });
});
