/**
 * The one origin the window may show. In production the renderer is served from the
 * privileged `app://app` scheme (see protocol.ts) rather than `file://`, so it gets a real
 * origin, a CSP header on every response, and no access to the rest of the disk.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export interface AppOrigin {
  /** What the window loads first. */
  readonly entryUrl: string;
  /** True only for URLs on the app's own origin (same scheme and host). */
  isAppUrl(url: string): boolean;
}

/**
 * `devServerUrl` is electron-vite's dev server (ELECTRON_RENDERER_URL); the caller passes it
 * only for unpackaged runs, so an environment variable can never point a packaged app at a
 * remote page that would then receive the preload's API.
 */
export function appOrigin(devServerUrl?: string): AppOrigin {
  const entryUrl = devServerUrl ?? APP_ENTRY_URL;
  const base = new URL(entryUrl);
  return {
    entryUrl,
    // Compare scheme and host rather than `URL.origin`: Node's URL reports `null` as the
    // origin of every non-special scheme such as app:, which would make any two app: URLs equal.
    isAppUrl(url) {
      const parsed = parseUrl(url);
      return parsed !== null && parsed.protocol === base.protocol && parsed.host === base.host;
    },
  };
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
