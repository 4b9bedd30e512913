import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
// The very content types and policy the app's protocol handler sends with every response.
import { mimeTypeFor } from '../../../electron/main/mime-types';
import { CONTENT_SECURITY_POLICY as CSP } from '../../../electron/main/protocol';

export const APP_ORIGIN = 'http://app.local';
/** The built renderer; `E2E_RENDERER_DIR` points at another build (e.g. a helper's own). */
export const RENDERER_DIR = process.env.E2E_RENDERER_DIR
  ? path.resolve(process.env.E2E_RENDERER_DIR)
  : path.resolve(__dirname, '../../../out/renderer');

/**
 * Serves out/renderer for `http://app.local/**` straight from disk, the way the app's
 * `app://` protocol does; anything else the page asks for is refused (the app is offline).
 */
export async function serveRenderer(page: Page): Promise<void> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`${RENDERER_DIR} has no build: run "node scripts/e2e.mjs".`);
  }
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== APP_ORIGIN) return route.abort('blockedbyclient');
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(RENDERER_DIR, relative);
    if (!file.startsWith(RENDERER_DIR + path.sep) || !fs.existsSync(file)) {
      return route.fulfill({ status: 404, body: 'Not found' });
    }
    const type = mimeTypeFor(file);
    return route.fulfill({
      status: 200,
      headers: { 'content-type': type, 'content-security-policy': CSP },
      body: fs.readFileSync(file),
    });
  });
}
