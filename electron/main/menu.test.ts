import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, resetElectronStub } from '../../test/electron-stub';
import { buildMenuTemplate, installApplicationMenu, type MenuOptions } from './menu';
import { labelsFor } from './menu-labels';

vi.mock('electron', async () => (await import('../../test/electron-stub')).electronModule());

beforeEach(resetElectronStub);

function options(overrides: Partial<MenuOptions> = {}): MenuOptions {
  return {
    platform: 'linux',
    labels: labelsFor('en-US'),
    showDevTools: false,
    onAction: vi.fn(),
    onShowDataFolder: vi.fn(),
    ...overrides,
  };
}

/** Every item, depth first. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
  ]);
}

const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as unknown as () => void)();

describe('application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    'on %s has New client (CmdOrCtrl+N) and Settings (CmdOrCtrl+,)',
    (platform) => {
      const all = items(buildMenuTemplate(options({ platform })));
      expect(all.find((item) => item.id === 'new-client')).toMatchObject({
        accelerator: 'CmdOrCtrl+N',
        label: 'New Client',
      });
      expect(all.find((item) => item.id === 'settings')).toMatchObject({
        accelerator: 'CmdOrCtrl+,',
        label: 'Settings…',
      });
      expect(all.filter((item) => item.id === 'settings')).toHaveLength(1);
    },
  );

  it('sends the app actions to the page', () => {
    const onAction = vi.fn();
    const all = items(buildMenuTemplate(options({ onAction })));
    click(all.find((item) => item.id === 'new-client'));
    click(all.find((item) => item.id === 'settings'));
    expect(onAction.mock.calls).toEqual([['new-client'], ['settings']]);
  });

  it('uses the standard roles of each platform', () => {
    const roles = (platform: NodeJS.Platform) =>
      buildMenuTemplate(options({ platform })).map((item) => item.role);
    expect(roles('darwin')).toEqual([
      'appMenu',
      'fileMenu',
      'editMenu',
      'viewMenu',
      'windowMenu',
      'help',
    ]);
    expect(roles('linux')).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']);
    const edit = items(buildMenuTemplate(options())).map((item) => item.role);
    expect(edit).toEqual(
      expect.arrayContaining([
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'quit',
        'togglefullscreen',
      ]),
    );
  });

  it('offers developer tools only in development', () => {
    const roles = (showDevTools: boolean) =>
      items(buildMenuTemplate(options({ showDevTools }))).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('is labelled in Simplified Chinese for a zh locale, without mnemonics on macOS', () => {
    const zh = labelsFor('zh-CN');
    const linux = buildMenuTemplate(options({ labels: zh }));
    expect(linux[0]?.label).toBe('文件(&F)');
    expect(items(linux).find((item) => item.id === 'new-client')?.label).toBe('新建客户');
    const mac = buildMenuTemplate(options({ platform: 'darwin', labels: zh }));
    expect(mac[1]?.label).toBe('文件');
    expect(labelsFor('zh-Hans-CN')).toBe(zh);
    expect(labelsFor('zh-TW')).toBe(zh);
    expect(labelsFor('de-DE')).toBe(labelsFor('en-US'));
    expect(labelsFor('zu')).toBe(labelsFor('en-US'));
  });

  it('gives both languages the same keys, all filled', () => {
    const en = labelsFor('en');
    const zh = labelsFor('zh');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const value of [...Object.values(en), ...Object.values(zh)])
      expect(value.trim()).not.toBe('');
  });

  it('installs itself as the application menu', () => {
    installApplicationMenu(options());
    expect(electron.Menu.buildFromTemplate).toHaveBeenCalledTimes(1);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(
      electron.Menu.buildFromTemplate.mock.results[0]?.value,
    );
  });
});
