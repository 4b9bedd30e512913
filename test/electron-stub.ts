/**
 * A small stand-in for the `electron` module, for unit tests of electron/main and
 * electron/preload on machines without the Electron binary. It records what the code asks
 * of Electron and lets a test fire the events Electron would.
 *
 *   vi.mock('electron', async () => (await import('../../test/electron-stub')).electronModule());
 *   import { electron, resetElectronStub } from '../../test/electron-stub';
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

export interface FakeEvent {
  url: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(url = ''): FakeEvent {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;

export class FakeSession {
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: ((...args: unknown[]) => boolean) | null = null;
  deviceHandler: ((...args: unknown[]) => boolean) | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: ((...args: unknown[]) => boolean) | null): void {
    this.deviceHandler = handler;
  }
  /** What the installed request handler answers for `permission` (null if none installed). */
  request(permission: string): boolean | null {
    let answer: boolean | null = null;
    this.requestHandler?.({}, permission, (granted) => (answer = granted));
    return answer;
  }
}

export class FakeWebFrame {
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
  ) {}
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  session = new FakeSession();
  mainFrame = new FakeWebFrame('app://app/index.html');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly send = vi.fn();

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  /** Fires a navigation event as Chromium would; true if main let it go ahead. */
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    const details = fakeEvent(url);
    this.emit(event, details, url);
    return !details.defaultPrevented;
  }

  /** Asks the window-open handler, as `window.open(url)` or a target=_blank link would. */
  openWindow(url: string): string | null {
    return this.windowOpenHandler?.({ url }).action ?? null;
  }

  /** Fires will-attach-webview; true if main let the <webview> attach. */
  attachWebview(): boolean {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, {}, {});
    return !event.defaultPrevented;
  }

  isDestroyed(): boolean {
    return false;
  }
}

export interface FakeRectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((win) => !win.destroyed);
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((win) => win.webContents === contents) ?? null;
  }

  readonly webContents = new FakeWebContents();
  bounds: FakeRectangle;
  maximized = false;
  minimized = false;
  destroyed = false;
  readonly loadURL = vi.fn(async (_url: string) => {});
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => (this.minimized = false));
  readonly maximize = vi.fn(() => (this.maximized = true));
  readonly setBackgroundColor = vi.fn();

  constructor(
    readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> } = {},
  ) {
    super();
    this.bounds = {
      x: (options.x as number | undefined) ?? 0,
      y: (options.y as number | undefined) ?? 0,
      width: (options.width as number | undefined) ?? 800,
      height: (options.height as number | undefined) ?? 600,
    };
    FakeBrowserWindow.instances.push(this);
  }

  getNormalBounds(): FakeRectangle {
    return { ...this.bounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.emit('close', fakeEvent());
    this.destroyed = true;
    this.emit('closed');
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Calls the handler as a renderer's `ipcRenderer.invoke(channel, ...args)` would. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel) as ((...a: unknown[]) => unknown) | undefined;
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({
    ok: true,
    data: null,
  }));
  /** Delivers a message from main, as `webContents.send(channel, ...args)` would. */
  fromMain(channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender: this }, ...args);
  }
}

export class FakeUtilityProcess extends EventEmitter {
  readonly sent: unknown[] = [];
  stdout = null;
  stderr = null;
  readonly kill = vi.fn(() => true);
  constructor(
    readonly modulePath = '',
    readonly args: string[] = [],
    readonly options: Record<string, unknown> = {},
  ) {
    super();
  }
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  /** A message from the child (`process.parentPort.postMessage`). */
  reply(message: unknown): void {
    this.emit('message', message);
  }
  exit(code = 1): void {
    this.emit('exit', code);
  }
}

export interface FakeDisplay {
  id: number;
  bounds: FakeRectangle;
  workArea: FakeRectangle;
}

function overlap(a: FakeRectangle, b: FakeRectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return Math.max(0, w) * Math.max(0, h);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  locale = 'en-US';
  readonly paths = new Map<string, string>([['userData', '/fake/userData']]);
  appPath = '/fake/app';
  private ready = false;
  private readyDeferred = deferred();
  readonly enableSandbox = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly setAppUserModelId = vi.fn();
  readonly setAboutPanelOptions = vi.fn();
  readonly setPath = vi.fn((name: string, value: string) => void this.paths.set(name, value));

  getPath(name: string): string {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`Failed to get '${name}' path`);
    return value;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getLocale(): string {
    return this.locale;
  }
  getVersion(): string {
    return '0.1.0-test';
  }
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return this.readyDeferred.promise;
  }
  /** Fires `ready` as Electron would, and lets queued `whenReady` callbacks run. */
  async becomeReady(): Promise<void> {
    this.ready = true;
    this.emit('ready');
    this.readyDeferred.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.locale = 'en-US';
    this.paths.clear();
    this.paths.set('userData', '/fake/userData');
    this.appPath = '/fake/app';
    this.ready = false;
    this.readyDeferred = deferred();
  }
}

function createStub() {
  const displays: FakeDisplay[] = [];
  const exposed: Record<string, unknown> = {};
  const forked: FakeUtilityProcess[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const defaultDisplay = (): FakeDisplay => ({
    id: 1,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  });
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: new FakeIpcMain(),
    ipcRenderer: new FakeIpcRenderer(),
    nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: false }),
    session: { defaultSession: new FakeSession() },
    contextBridge: {
      exposed,
      exposeInMainWorld: vi.fn((key: string, api: unknown) => {
        exposed[key] = api;
      }),
    },
    protocol: {
      handlers: protocolHandlers,
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
        protocolHandlers.set(scheme, handler);
      }),
    },
    shell: {
      openExternal: vi.fn(async (_url: string) => {}),
      openPath: vi.fn(async (_path: string) => ''),
    },
    dialog: {
      showErrorBox: vi.fn(),
      showSaveDialog: vi.fn(
        async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({
          canceled: true,
        }),
      ),
      showOpenDialog: vi.fn(
        async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({
          canceled: true,
          filePaths: [],
        }),
      ),
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    screen: {
      displays,
      getPrimaryDisplay: (): FakeDisplay => displays[0] ?? defaultDisplay(),
      getDisplayMatching: (rect: FakeRectangle): FakeDisplay => {
        const all = displays.length > 0 ? displays : [defaultDisplay()];
        const best = [...all].sort((a, b) => overlap(b.bounds, rect) - overlap(a.bounds, rect))[0]!;
        // Like Electron: with no overlap at all, fall back to the first (primary) display.
        return overlap(best.bounds, rect) > 0 ? best : all[0]!;
      },
    },
    utilityProcess: {
      forked,
      fork: vi.fn(
        (modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) => {
          const child = new FakeUtilityProcess(modulePath, args, options);
          forked.push(child);
          return child;
        },
      ),
    },
  };
}

/**
 * One stub per test worker, kept on globalThis: `vi.resetModules()` (used to load main's
 * entry afresh) re-evaluates this file too, and main must still see the same objects as
 * the test that inspects them.
 */
const holder = globalThis as { __engagementDeskElectronStub?: ReturnType<typeof createStub> };
export const electron = (holder.__engagementDeskElectronStub ??= createStub());

/** The object to return from `vi.mock('electron', ...)`. */
export function electronModule(): typeof electron & { default: typeof electron } {
  return { ...electron, default: electron };
}

/** Clears everything recorded, for `beforeEach`. */
export function resetElectronStub(): void {
  const {
    app,
    ipcMain,
    ipcRenderer,
    nativeTheme,
    session,
    contextBridge,
    utilityProcess,
    screen,
    protocol,
  } = electron;
  vi.clearAllMocks();
  app.reset();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  nativeTheme.removeAllListeners();
  nativeTheme.shouldUseDarkColors = false;
  const { defaultSession } = session;
  defaultSession.requestHandler = defaultSession.checkHandler = defaultSession.deviceHandler = null;
  for (const key of Object.keys(contextBridge.exposed)) delete contextBridge.exposed[key];
  utilityProcess.forked.length = 0;
  screen.displays.length = 0;
  protocol.handlers.clear();
  electron.BrowserWindow.instances.length = 0;
}
