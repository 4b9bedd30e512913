import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { mimeTypeFor } from './mime-types';

/**
 * Sent with every app:// response. The renderer's index.html carries the same policy as a
 * meta tag (so the e2e build in plain Chromium is held to it too); the header is what
 * counts in the app. No 'unsafe-eval' and no remote sources: the app is offline by design,
 * and an injected script could not load anything or send data anywhere.
 */
// electronegativity: CSP_GLOBAL_CHECK — the policy is a response header of the app://
// protocol (below) and a meta tag in renderer/index.html, neither of which the scanner of
// electron/ sees; protocol.test.ts asserts both.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // pdf.js (the PDF preview) runs its parser in a worker: the build's own file, never blob:.
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Files come from the app's own (read-only) package; caching buys nothing and would
  // keep a stale bundle after an update.
  'Cache-Control': 'no-store',
};

/**
 * Must run before `app` is ready. `standard` gives app:// real origins and relative URL
 * resolution; `secure` makes it a secure context; `supportFetchAPI` lets the renderer
 * fetch its own assets. It deliberately does not get `bypassCSP`.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export type ReadFile = (file: string) => Promise<Uint8Array>;

/**
 * Serves files under `rendererDir` and nothing else. The URL parser already folds `..`
 * and `%2e%2e` segments, but an encoded slash (`..%2f..%2f`) only becomes a separator after
 * decoding, so the decoded path is resolved and must still lie inside `rendererDir`.
 */
export function createAppProtocolHandler(
  rendererDir: string,
  read: ReadFile = readFile,
): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return respond(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return respond(404, 'Not found');
    const file = fileUnder(root, url.pathname === '/' ? '/index.html' : url.pathname);
    if (file === null) return respond(403, 'Forbidden');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return respond(404, 'Not found');
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(file) };
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers,
    });
  };
}

/** The file a URL path names, or null when it would leave `root`. */
export function fileUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.sep}${decoded}`);
  const relative = path.relative(root, file);
  if (
    relative === '' ||
    relative === '..' ||
    relative.startsWith(`..${path.sep}`) ||
    path.isAbsolute(relative)
  ) {
    return null;
  }
  return file;
}

function respond(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Installs the handler on the default session; call once `app` is ready. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
