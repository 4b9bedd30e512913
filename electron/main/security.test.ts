import type { App, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FakeSession,
  FakeWebContents,
  electron,
  resetElectronStub,
} from '../../test/electron-stub';
import { appOrigin } from './app-origin';
import {
  denyAllPermissions,
  hardenWebContents,
  installSecurityPolicy,
  isSafeExternalUrl,
  safeExternalUrl,
} from './security';

vi.mock('electron', async () => (await import('../../test/electron-stub')).electronModule());

beforeEach(resetElectronStub);

const HOSTILE_URLS = [
  // Script and data schemes, in every casing and disguise.
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  ' javascript:alert(1)',
  'javascript:alert(1) ',
  '\tjavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  '\u0000javascript:alert(1)',
  'javascript&#58;alert(1)',
  'javascript%3Aalert(1)',
  'vbscript:msgbox(1)',
  'VBSCRIPT:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:image/svg+xml,<svg onload=alert(1)>',
  'blob:https://example.com/0b5c4b9e-1111-2222-3333-444455556666',
  // Local files and network shares: the OS would open or execute them.
  'file:///etc/passwd',
  'FILE:///C:/Windows/System32/calc.exe',
  'file://server/share/invoice.exe',
  'smb://attacker.example/share',
  '\\\\attacker.example\\share\\payload.exe',
  // Plain http, other web-ish schemes, and custom schemes that start other programs.
  'http://example.com',
  'HTTP://EXAMPLE.COM/',
  'ftp://example.com/file',
  'ws://example.com/socket',
  'wss://example.com/socket',
  'ms-msdt:/id PCWDiagnostic /skip force',
  'search-ms:query=invoice&crumb=location:\\\\attacker.example',
  'ms-officecmd:{"id":3}',
  'vscode://file/etc/passwd',
  'slack://open',
  'steam://run/1',
  'zoommtg://zoom.us/join?confno=1',
  'tel:+15555550100',
  'sms:+15555550100',
  'x-apple.systempreferences:com.apple.preference.security',
  'chrome://settings',
  'about:blank',
  'app://app/index.html',
  'view-source:https://example.com',
  'jar:https://example.com/a.jar!/',
  // https, but with credentials, odd hosts or tricks.
  'https://user:password@example.com/',
  'https://user@example.com/',
  'https://:password@example.com/',
  'https://@example.com/',
  'https://bank.example.com@attacker.example/',
  'https://example.com\\@attacker.example/',
  'https://localhost/',
  'https://intranet/',
  'https://127.0.0.1/',
  'https://0x7f.1/',
  'https://2130706433/',
  'https://[::1]/',
  'https://[::ffff:127.0.0.1]/',
  'https://192.168.0.1/admin',
  'https://example.com./',
  'https://-example.com/',
  'https://exa_mple.com/',
  'https:example.com',
  'https:/example.com',
  'https:///example.com',
  'https://',
  'https://example.com/\u202egnp.exe',
  'https://exam\u200bple.com/',
  'https://example.com/ path',
  'https://example.com/\npath',
  'https://example.com/\u0085',
  `https://example.com/${'a'.repeat(2100)}`,
  // mailto without a real address.
  'mailto:',
  'mailto:?subject=hello',
  'mailto:not-an-address',
  'mailto:a@b',
  'mailto:%E0%A4%A@example.com',
  'mailto:a@example.com\nbcc:victim@example.com',
  // Not URLs at all.
  '',
  ' ',
  'example.com',
  '//example.com',
  '/etc/passwd',
  'C:\\Windows\\System32\\calc.exe',
  '%68%74%74%70%73://example.com',
];

const NON_STRINGS: unknown[] = [
  undefined,
  null,
  42,
  {},
  [],
  ['https://example.com'],
  new URL('https://example.com'),
];

const SAFE_URLS: Array<[string, string]> = [
  ['https://example.com', 'https://example.com/'],
  ['https://example.com/docs?q=npv#top', 'https://example.com/docs?q=npv#top'],
  ['HTTPS://EXAMPLE.COM/Path', 'https://example.com/Path'],
  ['https://sub.domain.example.co.uk:8443/x', 'https://sub.domain.example.co.uk:8443/x'],
  // Look-alike and IDN hosts are a human problem, not an OS one: https is still just a web page.
  ['https://аpple.com/', 'https://xn--pple-43d.com/'],
  ['https://例子.测试/', 'https://xn--fsqu00a.xn--0zwm56d/'],
  ['https://g00gle.com/', 'https://g00gle.com/'],
  ['mailto:client@example.com', 'mailto:client@example.com'],
  ['MAILTO:client@example.com', 'mailto:client@example.com'],
  [
    'mailto:a@example.com,b@example.org?subject=Invoice%20INV-2025-001',
    'mailto:a@example.com,b@example.org?subject=Invoice%20INV-2025-001',
  ],
];

describe('isSafeExternalUrl', () => {
  it(`refuses ${HOSTILE_URLS.length} hostile or useless URLs`, () => {
    expect(HOSTILE_URLS.length).toBeGreaterThanOrEqual(50);
    const accepted = HOSTILE_URLS.filter((url) => isSafeExternalUrl(url));
    expect(accepted).toEqual([]);
  });

  it('refuses values that are not strings', () => {
    for (const value of NON_STRINGS) expect(isSafeExternalUrl(value)).toBe(false);
  });

  it.each(SAFE_URLS)('accepts %s as %s', (url, normalised) => {
    expect(safeExternalUrl(url)).toBe(normalised);
  });
});

const origin = appOrigin();

function hardened(): { contents: FakeWebContents; openExternal: ReturnType<typeof vi.fn> } {
  const contents = new FakeWebContents();
  const openExternal = vi.fn();
  hardenWebContents(contents as unknown as WebContents, { origin, openExternal });
  return { contents, openExternal };
}

describe('hardenWebContents', () => {
  it('refuses navigation and redirects away from the app origin', () => {
    const { contents } = hardened();
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) {
      expect(contents.navigate(event, 'https://example.com/')).toBe(false);
      expect(contents.navigate(event, 'file:///etc/passwd')).toBe(false);
      expect(contents.navigate(event, 'app://evil/index.html')).toBe(false);
      expect(contents.navigate(event, 'http://localhost:5173/')).toBe(false);
      expect(contents.navigate(event, 'javascript:alert(1)')).toBe(false);
      expect(contents.navigate(event, 'not a url')).toBe(false);
      expect(contents.navigate(event, 'app://app/index.html#/clients')).toBe(true);
    }
  });

  it('allows the dev server origin only when it is the app origin', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents, {
      origin: appOrigin('http://localhost:5173/'),
      openExternal: vi.fn(),
    });
    expect(contents.navigate('will-navigate', 'http://localhost:5173/#/settings')).toBe(true);
    expect(contents.navigate('will-navigate', 'http://localhost:5174/')).toBe(false);
    expect(contents.navigate('will-navigate', 'app://app/index.html')).toBe(false);
  });

  it('denies every new window and opens only safe links outside the app', () => {
    const { contents, openExternal } = hardened();
    expect(contents.openWindow('https://example.com/help')).toBe('deny');
    expect(contents.openWindow('mailto:client@example.com')).toBe('deny');
    expect(contents.openWindow('app://app/index.html')).toBe('deny');
    expect(contents.openWindow('file:///etc/passwd')).toBe('deny');
    expect(contents.openWindow('javascript:alert(1)')).toBe('deny');
    expect(contents.openWindow('smb://attacker.example/share')).toBe('deny');
    expect(openExternal.mock.calls).toEqual([
      ['https://example.com/help'],
      ['mailto:client@example.com'],
    ]);
  });

  it('prevents <webview> from attaching', () => {
    const { contents } = hardened();
    expect(contents.attachWebview()).toBe(false);
  });
});

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    const session = new FakeSession();
    denyAllPermissions(session as unknown as Session);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
      'unknown',
    ]) {
      expect(session.request(permission)).toBe(false);
      expect(session.checkHandler?.(null, permission, 'app://app', {})).toBe(false);
    }
    expect(session.deviceHandler?.({ deviceType: 'usb', origin: 'app://app' })).toBe(false);
  });
});

describe('installSecurityPolicy', () => {
  it('hardens every web contents the app creates and its session', () => {
    const openExternal = vi.fn();
    installSecurityPolicy(electron.app as unknown as App, { origin, openExternal });
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.navigate('will-navigate', 'https://example.com/')).toBe(false);
    expect(contents.openWindow('https://example.com/')).toBe('deny');
    expect(contents.attachWebview()).toBe(false);
    expect(contents.session.request('media')).toBe(false);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
  });
});
