/**
 * App lifecycle. Everything here is wiring: each concern lives in its own module (window,
 * protocol, security, ipc, services process, menu) and this file only decides the order.
 */
import fs from 'node:fs/promises';
import {
  BrowserWindow,
  app,
  dialog,
  ipcMain,
  protocol,
  session,
  shell,
  utilityProcess,
} from 'electron';
import { MENU_CHANNEL, type MenuAction } from '../preload/menu-actions';
import { appOrigin } from './app-origin';
import { registerApiIpc } from './ipc';
import { installApplicationMenu } from './menu';
import { labelsFor } from './menu-labels';
import { createOsMethods } from './os-methods';
import { resolveAppPaths } from './paths';
import { registerAppScheme, serveRenderer } from './protocol';
import { denyAllPermissions, installSecurityPolicy } from './security';
import { ServicesClient, forkServicesProcess } from './services-process';
import { createMainWindow, focusWindow } from './window';

const APP_NAME = 'Engagement Desk';
const APP_USER_MODEL_ID = 'app.engagementdesk.desktop';

// --- Before `ready`: these are refused or ineffective once the app is ready. ---
registerAppScheme(protocol);
// Sandbox every renderer, including any a future feature forgets to configure.
app.enableSandbox();

const paths = resolveAppPaths(app, __dirname);
// With ENGAGEMENT_DESK_DATA_DIR set, Chromium's profile and the single-instance lock move
// into that folder too, so a portable copy or a test run is fully self-contained and two
// data folders can be open at once.
if (paths.dataDirFromEnv) app.setPath('userData', paths.dataDir);

// The dev server is trusted only in unpackaged runs (see app-origin.ts).
const origin = appOrigin(app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL);
installSecurityPolicy(app, {
  origin,
  // electronegativity: OPEN_EXTERNAL_JS_CHECK — only URLs that passed safeExternalUrl
  // (https and mailto, no credentials; security.test.ts feeds it hostile URLs) arrive here.
  openExternal: (url) => {
    shell
      .openExternal(url)
      .catch((error: unknown) => console.warn('Engagement Desk: could not open', url, error));
  },
});

let mainWindow: BrowserWindow | null = null;
let services: ServicesClient | null = null;
let servicesStopped = false;

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one SQLite file would fight over it; the first one wins.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) focusWindow(mainWindow);
    else if (app.isReady()) openMainWindow();
  });
  app.whenReady().then(onReady).catch(failToStart);
}

function onReady(): void {
  // app.getLocale() is only reliable once ready (Windows).
  const labels = labelsFor(app.getLocale());
  app.setAppUserModelId(APP_USER_MODEL_ID);
  app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion() });
  denyAllPermissions(session.defaultSession);
  serveRenderer(protocol, paths.rendererDir);

  services = new ServicesClient({
    spawn: () => forkServicesProcess(utilityProcess, paths.servicesEntry),
    start: {
      type: 'start',
      dataDir: paths.dataDir,
      migrationsFolder: paths.migrationsFolder,
      appVersion: app.getVersion(),
    },
    // E.g. SCHEMA_TOO_NEW: a newer version wrote the data file. Running on would risk it.
    onFatal: ({ message }) => {
      dialog.showErrorBox(labels.fatalTitle, message);
      app.quit();
    },
  });
  services.start();

  registerApiIpc({
    ipcMain,
    mainContentsId: () => mainWindow?.webContents.id,
    origin,
    services,
    // Save a PDF, choose an export folder: the user picks every path in a native dialog.
    osMethods: createOsMethods({
      services,
      dialog,
      getPath: (name) => app.getPath(name),
      fs,
      windowFor: (sender) => BrowserWindow.fromWebContents(sender),
    }),
  });
  installApplicationMenu({
    platform: process.platform,
    labels,
    showDevTools: !app.isPackaged,
    onAction: sendMenuAction,
    onShowDataFolder: () => void shell.openPath(paths.dataDir),
  });

  openMainWindow();
  // macOS keeps the app running with no window; a dock click brings one back.
  app.on('activate', () => {
    if (!mainWindow) openMainWindow();
  });
}

function openMainWindow(): void {
  const win = createMainWindow({
    title: APP_NAME,
    preloadFile: paths.preloadFile,
    dataDir: paths.dataDir,
    origin,
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
}

function sendMenuAction(action: MenuAction): void {
  // With no window (macOS), the first menu click opens one; the page starts on its home view.
  if (!mainWindow) return openMainWindow();
  focusWindow(mainWindow);
  mainWindow.webContents.send(MENU_CHANNEL, action);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Quit waits (briefly) for the services process: calls in flight finish, then it is
// asked to exit, so the data file is closed by its owner rather than by the OS.
app.on('will-quit', (event) => {
  if (servicesStopped || !services) return;
  event.preventDefault();
  void services.stop().finally(() => {
    servicesStopped = true;
    app.quit();
  });
});

function failToStart(error: unknown): void {
  console.error('Engagement Desk failed to start:', error);
  dialog.showErrorBox(APP_NAME, error instanceof Error ? error.message : String(error));
  app.exit(1);
}
