import type { App, Session, WebContents } from 'electron';
import type { AppOrigin } from './app-origin';

/**
 * Longest URL we hand to the OS. Real links are far shorter; very long ones are a way to
 * hide what a link really is from the person reading it.
 */
const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * Characters that have no place in a link we pass to the OS: whitespace and C0/C1 controls
 * (the URL parser silently strips tabs and newlines, so `java\tscript:` would parse as
 * `javascript:`), bidi overrides and zero-width characters that make a link read as
 * something else, and backslashes, which the parser turns into slashes for https.
 */
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\s\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\\]/u;

/** One DNS label, after the URL parser has lower-cased it and turned IDN into punycode. */
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const MAIL_ADDRESS = /^[^\s@<>()[\]\\,;:"]+@(?!-)[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,63}$/i;

/**
 * The normalised form of `raw` if the OS may open it, else null. Only two kinds of link
 * leave the app: `https:` to a named host (no credentials, no IP literals, no single-label
 * intranet names) and `mailto:` with real addresses. Everything else — `http:`, `file:`,
 * `smb:`, `javascript:`, `data:`, custom schemes that launch other programs — is refused,
 * because `shell.openExternal` hands the string to whatever handler the OS has registered.
 */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH)
    return null;
  if (UNSAFE_CHARACTERS.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') return isSafeHttps(raw, url) ? url.href : null;
  if (url.protocol === 'mailto:') return isSafeMailto(url) ? url.href : null;
  return null;
}

export function isSafeExternalUrl(raw: unknown): boolean {
  return safeExternalUrl(raw) !== null;
}

function isSafeHttps(raw: string, url: URL): boolean {
  // `https:example.com` parses, but nobody writes it on purpose.
  if (!/^https:\/\//i.test(raw)) return false;
  // Any `@` in the authority is userinfo (`https://bank.com@evil.example`), even an empty one.
  const authority = raw.slice('https://'.length).split(/[/?#]/, 1)[0] ?? '';
  if (authority === '' || authority.includes('@') || url.username !== '' || url.password !== '')
    return false;
  const labels = url.hostname.split('.');
  if (labels.length < 2 || !labels.every((label) => HOST_LABEL.test(label))) return false;
  // A numeric last label means an IPv4 literal (the parser also rewrites 0x7f.1 and friends).
  return /[a-z]/.test(labels[labels.length - 1] ?? '');
}

function isSafeMailto(url: URL): boolean {
  if (url.pathname === '') return false;
  let addresses: string[];
  try {
    addresses = decodeURIComponent(url.pathname).split(',');
  } catch {
    return false;
  }
  return addresses.every((address) => MAIL_ADDRESS.test(address.trim()));
}

export interface HardenOptions {
  origin: AppOrigin;
  /** `shell.openExternal`, injected so tests can see what would have left the app. */
  openExternal: (url: string) => void;
}

type PreventableEvent = { preventDefault(): void; url: string };

/**
 * Keeps a web contents on the app's own origin: a link or script can neither navigate the
 * window elsewhere (the page would keep the preload's API), nor open new windows, nor
 * embed a <webview>. Safe https/mailto links asked for with target=_blank open in the
 * user's browser or mail client instead.
 */
export function hardenWebContents(
  contents: WebContents,
  { origin, openExternal }: HardenOptions,
): void {
  const stayOnAppOrigin = (event: PreventableEvent): void => {
    if (!origin.isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnAppOrigin);
  contents.on('will-frame-navigate', stayOnAppOrigin);
  contents.on('will-redirect', stayOnAppOrigin);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const safe = safeExternalUrl(url);
    if (safe !== null) openExternal(safe);
    return { action: 'deny' };
  });
}

/**
 * The app needs no camera, microphone, notifications, geolocation, clipboard-read, HID,
 * serial or USB access, so every request and every check is answered "no" instead of
 * relying on Electron's defaults, which grant most permissions.
 */
export function denyAllPermissions(
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
  >,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Applies the rules above to every web contents the app ever creates (windows, devtools,
 * anything a future feature adds), not only to the main window.
 */
export function installSecurityPolicy(app: Pick<App, 'on'>, options: HardenOptions): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, options);
    denyAllPermissions(contents.session);
  });
}
