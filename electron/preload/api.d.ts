/**
 * What the preload puts on `window`, for the renderer's TypeScript project
 * (tsconfig.web.json includes this file and nothing else from electron/).
 */
import type { InvokeFn } from '../../core/api/transport';

declare global {
  interface Window {
    readonly api: { readonly invoke: InvokeFn };
  }

  /**
   * App actions from the application menu, dispatched by the preload on `window`:
   * `window.addEventListener('engagement-desk:menu', (e) => e.detail)`.
   */
  interface WindowEventMap {
    'engagement-desk:menu': CustomEvent<'new-client' | 'settings'>;
  }
}

export {};
