/**
 * The page's only door to the app. Exposes exactly `window.api.invoke(method, input)`;
 * main decides whether the caller and the method are allowed. Sandboxed preloads cannot
 * `require` anything but `electron`, so this bundles to one small CommonJS file: keep its
 * imports to `electron`, the transport constant and menu-actions.ts (no runtime deps).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, type InvokeFn } from '../../core/api/transport';
import { MENU_CHANNEL, isMenuAction } from './menu-actions';

// Exactly two arguments are forwarded, so the page cannot smuggle extra ones to main.
const invoke: InvokeFn = (method, input) => ipcRenderer.invoke(API_CHANNEL, method, input);

contextBridge.exposeInMainWorld('api', { invoke });

// Menu actions reach the page as a DOM event; anything but a known action is dropped.
ipcRenderer.on(MENU_CHANNEL, (_event, action: unknown) => {
  if (!isMenuAction(action)) return;
  (globalThis as unknown as EventTarget).dispatchEvent(
    new CustomEvent(MENU_CHANNEL, { detail: action }),
  );
});
