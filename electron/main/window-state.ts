import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle, Screen } from 'electron';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_WINDOW_WIDTH = 900;
export const MIN_WINDOW_HEIGHT = 600;

/**
 * What we remember between runs. Validated on read because the file is outside our
 * control (hand edits, a crash mid-write, a file from another version): anything odd
 * falls back to the default size, centred.
 */
export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(32_000),
  height: z.number().int().min(200).max(32_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

export function readWindowState(file: string): WindowState {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/**
 * Fits the saved bounds into a display's work area. A window saved on a monitor that is
 * no longer attached (the laptop left the docking station) would otherwise open off-screen.
 */
export function clampWindowState(state: WindowState, workArea: Rectangle): WindowState {
  const width = Math.min(state.width, workArea.width);
  const height = Math.min(state.height, workArea.height);
  if (state.x === undefined || state.y === undefined)
    return { width, height, maximized: state.maximized };
  return {
    x: clamp(state.x, workArea.x, workArea.x + workArea.width - width),
    y: clamp(state.y, workArea.y, workArea.y + workArea.height - height),
    width,
    height,
    maximized: state.maximized,
  };
}

/** The saved state placed on the display it overlaps most (the primary one if none). */
export function placeWindowState(
  state: WindowState,
  screen: Pick<Screen, 'getDisplayMatching' | 'getPrimaryDisplay'>,
): WindowState {
  const display =
    state.x !== undefined && state.y !== undefined
      ? screen.getDisplayMatching({
          x: state.x,
          y: state.y,
          width: state.width,
          height: state.height,
        })
      : screen.getPrimaryDisplay();
  return clampWindowState(state, display.workArea);
}

/**
 * Saves the window's normal (un-maximised) bounds when it moves or resizes, debounced, and
 * once more on close. Failures are logged and ignored: losing the window size is never
 * worth an error in the user's face.
 */
export function trackWindowState(
  win: Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>,
  file: string,
  debounceMs = 500,
): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed()) return;
    const { x, y, width, height } = win.getNormalBounds();
    const [rx, ry, rw, rh] = [x, y, width, height].map(Math.round) as [
      number,
      number,
      number,
      number,
    ];
    writeWindowState(file, { x: rx, y: ry, width: rw, height: rh, maximized: win.isMaximized() });
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('close', save);
}

export function writeWindowState(file: string, state: WindowState): void {
  const parsed = WindowState.safeParse(state);
  if (!parsed.success) return;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // Write then rename, so a crash mid-write leaves the previous file, not half a file.
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(parsed.data));
    renameSync(temporary, file);
  } catch (error) {
    console.warn('Engagement Desk: could not save the window state:', error);
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}
