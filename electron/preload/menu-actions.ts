/**
 * App actions the menu sends to the page. Main sends them on MENU_CHANNEL; the preload
 * re-dispatches them as a DOM `CustomEvent` of the same name on `window`, whose `detail`
 * is the action string (a string is one of the few values that crosses from the preload's
 * isolated world to the page intact). No imports: the preload bundles this file.
 */
export const MENU_CHANNEL = 'engagement-desk:menu';
export const MENU_ACTIONS = ['new-client', 'settings'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);
}
