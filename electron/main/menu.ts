import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../preload/menu-actions';
import type { MainLabels } from './menu-labels';

export const NEW_CLIENT_ACCELERATOR = 'CmdOrCtrl+N';
export const SETTINGS_ACCELERATOR = 'CmdOrCtrl+,';

export interface MenuOptions {
  platform: NodeJS.Platform;
  labels: MainLabels;
  /** Developer tools are reachable only in unpackaged (development) runs. */
  showDevTools: boolean;
  /** Delivers an app action to the page (see menu-actions.ts). */
  onAction: (action: MenuAction) => void;
  onShowDataFolder: () => void;
}

/**
 * The platform's standard menus (so Cut/Copy/Paste, zoom and window shortcuts work as
 * users expect) plus the app's own actions. Built as plain data so a test can read it.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, showDevTools, onAction, onShowDataFolder } = options;
  const mac = platform === 'darwin';
  // macOS shows no mnemonics; the "&" (and the Chinese "(&F)" suffix) would show literally.
  const l = (key: keyof MainLabels): string =>
    mac ? options.labels[key].replace(/\(&\w\)$/, '').replace(/&(?=\w)/g, '') : options.labels[key];
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const newClient: MenuItemConstructorOptions = {
    id: 'new-client',
    label: l('newClient'),
    accelerator: NEW_CLIENT_ACCELERATOR,
    click: () => onAction('new-client'),
  };
  const settings: MenuItemConstructorOptions = {
    id: 'settings',
    label: l('settings'),
    accelerator: SETTINGS_ACCELERATOR,
    click: () => onAction('settings'),
  };

  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about', label: l('about') },
      sep,
      settings,
      sep,
      { role: 'services', label: l('services') },
      sep,
      { role: 'hide', label: l('hide') },
      { role: 'hideOthers', label: l('hideOthers') },
      { role: 'unhide', label: l('unhide') },
      sep,
      { role: 'quit', label: l('quit') },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    role: 'fileMenu',
    label: l('file'),
    submenu: mac
      ? [newClient, sep, { role: 'close', label: l('close') }]
      : [newClient, sep, settings, sep, { role: 'quit', label: l('quit') }],
  };

  const editMenu: MenuItemConstructorOptions = {
    role: 'editMenu',
    label: l('edit'),
    submenu: [
      { role: 'undo', label: l('undo') },
      { role: 'redo', label: l('redo') },
      sep,
      { role: 'cut', label: l('cut') },
      { role: 'copy', label: l('copy') },
      { role: 'paste', label: l('paste') },
      ...(mac ? [{ role: 'pasteAndMatchStyle', label: l('pasteAndMatchStyle') } as const] : []),
      { role: 'delete', label: l('delete') },
      sep,
      { role: 'selectAll', label: l('selectAll') },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    role: 'viewMenu',
    label: l('view'),
    submenu: [
      { role: 'reload', label: l('reload') },
      { role: 'forceReload', label: l('forceReload') },
      ...(showDevTools ? [{ role: 'toggleDevTools', label: l('toggleDevTools') } as const] : []),
      sep,
      { role: 'resetZoom', label: l('resetZoom') },
      { role: 'zoomIn', label: l('zoomIn') },
      { role: 'zoomOut', label: l('zoomOut') },
      sep,
      { role: 'togglefullscreen', label: l('toggleFullScreen') },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
    label: l('window'),
    submenu: mac
      ? [
          { role: 'minimize', label: l('minimize') },
          { role: 'zoom', label: l('zoom') },
          sep,
          { role: 'front', label: l('front') },
        ]
      : [
          { role: 'minimize', label: l('minimize') },
          { role: 'close', label: l('close') },
        ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: l('help'),
    submenu: [
      { id: 'show-data-folder', label: l('showDataFolder'), click: onShowDataFolder },
      ...(mac ? [] : [sep, { role: 'about', label: l('about') } as const]),
    ],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

export function installApplicationMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
