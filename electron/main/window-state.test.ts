import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow, Screen } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, electron, resetElectronStub } from '../../test/electron-stub';
import {
  DEFAULT_WINDOW_STATE,
  clampWindowState,
  placeWindowState,
  readWindowState,
  trackWindowState,
  writeWindowState,
} from './window-state';

vi.mock('electron', async () => (await import('../../test/electron-stub')).electronModule());

let dir: string;
beforeEach(() => {
  resetElectronStub();
  dir = mkdtempSync(path.join(tmpdir(), 'ed-window-state-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
const screen = electron.screen as unknown as Screen;

describe('clampWindowState', () => {
  it('keeps a window that fits', () => {
    const state = { x: 100, y: 50, width: 1200, height: 700, maximized: false };
    expect(clampWindowState(state, laptop)).toEqual(state);
  });

  it('pulls a window from a monitor that is gone back onto the work area', () => {
    expect(
      clampWindowState({ x: 2600, y: 1400, width: 1200, height: 700, maximized: false }, laptop),
    ).toEqual({
      x: 240,
      y: 160,
      width: 1200,
      height: 700,
      maximized: false,
    });
    expect(
      clampWindowState({ x: -5000, y: -300, width: 800, height: 600, maximized: true }, laptop),
    ).toEqual({
      x: 0,
      y: 0,
      width: 800,
      height: 600,
      maximized: true,
    });
  });

  it('shrinks a window larger than the work area', () => {
    expect(
      clampWindowState({ x: 10, y: 10, width: 3840, height: 2160, maximized: false }, laptop),
    ).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 860,
      maximized: false,
    });
  });

  it('respects a work area that does not start at 0,0 (taskbar, second monitor)', () => {
    const right = { x: 1920, y: 40, width: 1280, height: 984 };
    expect(
      clampWindowState({ x: 1900, y: 0, width: 1280, height: 800, maximized: false }, right),
    ).toMatchObject({
      x: 1920,
      y: 40,
    });
  });

  it('leaves an unplaced window to be centred', () => {
    expect(clampWindowState(DEFAULT_WINDOW_STATE, laptop)).toEqual({
      width: 1280,
      height: 800,
      maximized: false,
    });
  });
});

describe('placeWindowState', () => {
  it('uses the display the window was on, and the primary one when it is gone', () => {
    electron.screen.displays.push(
      { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: laptop },
      {
        id: 2,
        bounds: { x: 1440, y: 0, width: 2560, height: 1440 },
        workArea: { x: 1440, y: 0, width: 2560, height: 1400 },
      },
    );
    const onSecond = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    expect(placeWindowState(onSecond, screen)).toEqual(onSecond);
    expect(placeWindowState({ ...onSecond, x: 9000 }, screen)).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 860,
      maximized: false,
    });
  });
});

describe('window state file', () => {
  it('round-trips', () => {
    const file = path.join(dir, 'nested', 'window-state.json');
    writeWindowState(file, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(readWindowState(file)).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });

  it.each([
    ['missing', null],
    ['not JSON', '{oops'],
    ['wrong types', JSON.stringify({ x: '10', y: 0, width: 1000, height: 700, maximized: false })],
    ['absurd size', JSON.stringify({ width: 1e9, height: 700, maximized: false })],
    ['fractional', JSON.stringify({ width: 1000.5, height: 700, maximized: false })],
    ['an array', '[]'],
  ])('falls back to the default when the file is %s', (_name, content) => {
    const file = path.join(dir, 'window-state.json');
    if (content !== null) writeFileSync(file, content);
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('saves the normal bounds on close and after moves', async () => {
    const file = path.join(dir, 'window-state.json');
    const win = new FakeBrowserWindow({ x: 5, y: 6, width: 1000, height: 700 });
    trackWindowState(win as unknown as BrowserWindow, file, 10);
    win.bounds = { x: 50, y: 60, width: 1100, height: 750.4 };
    win.emit('move');
    expect(existsSync(file)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      x: 50,
      y: 60,
      width: 1100,
      height: 750,
      maximized: false,
    });
    win.maximized = true;
    win.close();
    expect(readWindowState(file)).toMatchObject({ maximized: true });
  });
});
