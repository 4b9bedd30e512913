import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { electron } from '../../test/electron-stub';
import {
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  fileUnder,
  registerAppScheme,
  serveRenderer,
} from './protocol';

vi.mock('electron', async () => (await import('../../test/electron-stub')).electronModule());

// <tmp>/secret.txt sits beside <tmp>/renderer, which is what app:// may serve.
const root = mkdtempSync(path.join(tmpdir(), 'ed-protocol-'));
const rendererDir = path.join(root, 'renderer');
mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
writeFileSync(
  path.join(rendererDir, 'index.html'),
  '<!doctype html><title>Engagement Desk</title>',
);
writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(path.join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(path.join(rendererDir, 'assets', 'NotoSansSC.woff2'), 'font');
writeFileSync(path.join(rendererDir, 'assets', 'logo.svg'), '<svg/>');
writeFileSync(path.join(rendererDir, 'assets', 'weird.xyz'), '?');
writeFileSync(path.join(root, 'secret.txt'), 'TOP SECRET');

afterAll(() => rmSync(root, { recursive: true, force: true }));

const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

function handlerWithSpy() {
  const reads: string[] = [];
  const handler = createAppProtocolHandler(rendererDir, async (file) => {
    reads.push(file);
    const { readFile } = await import('node:fs/promises');
    return readFile(file);
  });
  return { handler, reads };
}

const get = (url: string, method = 'GET') =>
  createAppProtocolHandler(rendererDir)(new Request(url, { method }));

describe('app:// protocol', () => {
  it('exports the exact CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
  });

  it('lets workers (the PDF preview) start only from the app itself, with no eval anywhere', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it('is the policy the renderer build declares in its meta tag', () => {
    const html = readFileSync(path.resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // A meta tag cannot carry frame-ancestors; everything else is the same.
    expect(meta).toBe(EXPECTED_CSP.replace(" frame-ancestors 'none';", ''));
  });

  it.each([
    ['app://app/', 'text/html; charset=utf-8', '<!doctype html><title>Engagement Desk</title>'],
    [
      'app://app/index.html',
      'text/html; charset=utf-8',
      '<!doctype html><title>Engagement Desk</title>',
    ],
    ['app://app/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://app/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://app/assets/NotoSansSC.woff2', 'font/woff2', 'font'],
    ['app://app/assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['app://app/assets/weird.xyz', 'application/octet-stream', '?'],
    [
      'app://app/index.html?x=1#/clients',
      'text/html; charset=utf-8',
      '<!doctype html><title>Engagement Desk</title>',
    ],
  ])('serves %s as %s with the CSP', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(body);
  });

  it.each([
    'app://app/../../etc/passwd',
    'app://app/../secret.txt',
    'app://app/%2e%2e/secret.txt',
    'app://app/%2E%2E/%2e%2e/etc/passwd',
    'app://app/..%2fsecret.txt',
    'app://app/..%2f..%2f..%2fetc%2fpasswd',
    'app://app/assets/..%2f..%2fsecret.txt',
    'app://app/%2e%2e%2fsecret.txt',
    'app://app/..%5csecret.txt',
    'app://app/%2fetc%2fpasswd',
    'app://app/secret.txt%00.html',
    'app://app/%E0%A4%A',
    'app://app/....//secret.txt',
  ])('never reads outside the renderer folder for %s', async (url) => {
    const { handler, reads } = handlerWithSpy();
    const response = await handler(new Request(url));
    expect([403, 404]).toContain(response.status);
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(await response.text()).not.toContain('TOP SECRET');
    for (const file of reads) expect(file.startsWith(rendererDir + path.sep)).toBe(true);
  });

  it('refuses an encoded-slash traversal before touching the disk', async () => {
    const { handler, reads } = handlerWithSpy();
    const response = await handler(new Request('app://app/..%2f..%2f..%2fetc%2fpasswd'));
    expect(response.status).toBe(403);
    expect(reads).toEqual([]);
  });

  it('answers missing files, other hosts and writes without serving anything', async () => {
    expect((await get('app://app/nope.js')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://app/index.html', 'POST')).status).toBe(405);
    const head = await get('app://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('resolves paths only inside the root', () => {
    expect(fileUnder(rendererDir, '/assets/index-abc.js')).toBe(
      path.join(rendererDir, 'assets', 'index-abc.js'),
    );
    expect(fileUnder(rendererDir, '/..%2fsecret.txt')).toBeNull();
    expect(fileUnder(rendererDir, '/')).toBeNull();
    expect(fileUnder(rendererDir, '/..')).toBeNull();
    expect(fileUnder(rendererDir, '/..foo')).toBe(path.join(rendererDir, '..foo'));
  });

  it('registers app:// as standard and secure, without bypassing CSP', () => {
    registerAppScheme(electron.protocol as unknown as Protocol);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('installs the handler for the app scheme', async () => {
    serveRenderer(electron.protocol as unknown as Protocol, rendererDir);
    const handler = electron.protocol.handlers.get('app');
    expect(handler).toBeDefined();
    expect((await handler!(new Request('app://app/index.html'))).status).toBe(200);
  });
});
