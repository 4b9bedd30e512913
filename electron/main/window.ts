import path from 'node:path';
import { BrowserWindow, nativeTheme, screen, type WebPreferences } from 'electron';
import type { AppOrigin } from './app-origin';
import {
  MIN_WINDOW_HEIGHT,
  MIN_WINDOW_WIDTH,
  WINDOW_STATE_FILE,
  placeWindowState,
  readWindowState,
  trackWindowState,
} from './window-state';

/**
 * Every security-relevant preference written out, rather than trusting defaults that have
 * changed between Electron versions. The page gets no Node, runs in Chromium's sandbox, and
 * talks to main only through the preload's isolated `api.invoke`. A test asserts that the
 * window is created with exactly this set.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Dropping a file onto the window must not navigate to file://.
    navigateOnDragDrop: false,
    // Chromium's spellchecker downloads dictionaries from Google; the app is offline-first.
    spellcheck: false,
  };
}

/** Matches the renderer's page background, so a slow first paint shows no white flash. */
export function windowBackground(dark: boolean): string {
  return dark ? '#242424' : '#ffffff';
}

export interface MainWindowOptions {
  title: string;
  preloadFile: string;
  dataDir: string;
  origin: AppOrigin;
}

export function createMainWindow({
  title,
  preloadFile,
  dataDir,
  origin,
}: MainWindowOptions): BrowserWindow {
  const stateFile = path.join(dataDir, WINDOW_STATE_FILE);
  const state = placeWindowState(readWindowState(stateFile), screen);
  // electronegativity: CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK — set by
  // secureWebPreferences() above (the scanner cannot follow the call); window.test.ts and the
  // _electron suite assert the window's real webPreferences.
  // electronegativity: AUXCLICK_JS_CHECK — a middle-click opens no window: hardenWebContents
  // (security.ts) denies every new window and navigation off app://, see security.test.ts.
  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    title,
    // Shown on ready-to-show so the user never sees an empty frame.
    show: false,
    backgroundColor: windowBackground(nativeTheme.shouldUseDarkColors),
    webPreferences: secureWebPreferences(preloadFile),
  });

  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });

  const followTheme = (): void =>
    win.setBackgroundColor(windowBackground(nativeTheme.shouldUseDarkColors));
  nativeTheme.on('updated', followTheme);
  win.on('closed', () => nativeTheme.off('updated', followTheme));

  trackWindowState(win, stateFile);
  win.loadURL(origin.entryUrl).catch((error: unknown) => {
    console.error('Engagement Desk: the window could not load the app:', error);
  });
  return win;
}

/** Brings an existing window to the front (second instance, dock click). */
export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
