import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { clientSearchText } from '../db';
import { mimeTypeFor } from '../electron/main/mime-types';
import { CONTENT_SECURITY_POLICY } from '../electron/main/protocol';
import type { Services } from '../services/host';
import { CHROMIUM_LAUNCH_OPTIONS, PAGE_OPTIONS } from '../test/e2e/support/chromium';
import { workspaceServices } from './data/workspace';
import type { BenchCase, MeasureCase } from './harness';
import { benchWorkspace } from './workspace.bench';

/**
 * The renderer on the large workspace: its production build (renderer/vite.config.ts, built
 * into bench/.cache/renderer so the e2e suite's out/renderer is left alone) in Debian's
 * Chromium through playwright-core, with `window.api` bound to the real services in this
 * process, as the e2e harness does (test/e2e/support/fixtures.ts). The workspace gets 9,000
 * more clients for the 10,000-row client list.
 *
 * Times are read in the page: VirtualTable marks `list-rows:<table>` when its first rows are
 * in the DOM, so "cold" is that mark's time since navigation start (load, parse, first data,
 * first rows) and "in-app" the span from a mark set just before the route changes.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.join(here, '..');
const BUILD_DIR = path.join(here, '.cache/renderer');
const EXTRA_CLIENTS = 9_000;

let built = process.env.BENCH_SKIP_BUILD === '1';

/** The production renderer build, made once per run. */
function buildRenderer(): void {
  if (built) return;
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '-c',
      'renderer/vite.config.ts',
      '--outDir',
      BUILD_DIR,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (child.status !== 0) throw new Error('the renderer build failed');
  console.log(`(renderer built in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  built = true;
}

/** What index.html loads before anything renders: its scripts, preloads and stylesheets. */
function initialAssets(): string[] {
  const html = fs.readFileSync(path.join(BUILD_DIR, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="(?:stylesheet|modulepreload)"/g),
  ].map((m) => m[1]!);
  return [...new Set(refs)].map((ref) => path.join(BUILD_DIR, ref));
}

const KB = 1024;
const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10;

interface Session {
  browser: Browser;
  page: Page;
  services: Services;
}

let ORIGIN = '';

/** Serves the build on 127.0.0.1 (a free port) with the app's CSP; logs what it served. */
function serveBuild(): Promise<string> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(BUILD_DIR, relative);
    if (!file.startsWith(BUILD_DIR + path.sep) || !fs.existsSync(file)) {
      response.writeHead(404).end('Not found');
      return;
    }
    served.push(file);
    response.writeHead(200, {
      'content-type': mimeTypeFor(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': 'no-store',
    });
    response.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.unref();
      ORIGIN = `http://127.0.0.1:${port}`;
      resolve(ORIGIN);
    });
  });
}

let session: Promise<Session> | undefined;
/** Every file the page was served, in order (the bundle measure reads what a load needs). */
const served: string[] = [];

function open(): Promise<Session> {
  session ??= (async () => {
    buildRenderer();
    const workspace = await benchWorkspace();
    const services = await workspaceServices(workspace, 'renderer');
    addClients(services);
    // The e2e suite's browser and page settings (test/e2e/support/chromium.ts).
    const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
    process.on('exit', () => services.close());
    const context = await browser.newContext(PAGE_OPTIONS);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`renderer page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`renderer console: ${message.text()}`);
    });
    // Pages come from a local HTTP server (as the app's app:// handler serves them from
    // disk) rather than through Playwright's request interception, whose round trip per
    // file would be counted in every render. The CSP keeps the page off any other origin.
    await serveBuild();
    // The preload's bridge, with Playwright's binding as the transport.
    await page.exposeBinding(
      '__engagementDeskInvoke',
      async (_source, method: string, input: unknown) => {
        const started = performance.now();
        const result = await services.invoke(method, input);
        // BENCH_TRACE=1 lists the calls a render makes, with their service time.
        if (process.env.BENCH_TRACE) {
          console.log(`  ${method} ${(performance.now() - started).toFixed(1)} ms`);
        }
        return result;
      },
    );
    // Scripts for the page are strings: tsx's transform would add helpers the page lacks.
    await page.addInitScript(`
      Object.defineProperty(globalThis, 'api', {
        value: Object.freeze({
          invoke: (method, input) => globalThis.__engagementDeskInvoke(method, input),
        }),
        writable: false,
        configurable: false,
        enumerable: true,
      });`);
    return { browser, page, services };
  })();
  return session;
}

/** The workspace's 1,000 clients plus 9,000 more: the 10,000-row client list. */
function addClients(services: Services): void {
  const sqlite = services.database.sqlite;
  const insert = sqlite.prepare(
    `INSERT INTO clients (id, display_name, legal_name, email, default_currency, default_day_rate_minor,
       search_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 95000, ?, ?, ?)`,
  );
  const at = new Date().toISOString();
  sqlite.transaction(() => {
    for (let i = 0; i < EXTRA_CLIENTS; i++) {
      const row = {
        displayName: `Prospect ${String(i + 1).padStart(5, '0')}`,
        legalName: `Prospect ${String(i + 1).padStart(5, '0')} Ltd`,
        contactPerson: '',
        email: `office${i + 1}@prospect.example`,
        phone: '',
        taxId: '',
      };
      insert.run(
        uuidv7(),
        row.displayName,
        row.legalName,
        row.email,
        ['EUR', 'USD', 'GBP', 'CNY'][i % 4],
        clientSearchText(row as unknown as Parameters<typeof clientSearchText>[0]),
        at,
        at,
      );
    }
  })();
}

let run = 0;

/** Loads the app afresh at `route` (a new query string each time, so nothing is reused). */
async function navigate(page: Page, route: string): Promise<void> {
  run++;
  await page.goto(`${ORIGIN}/index.html?run=${run}#${route}`);
}

/** Loads the app afresh at `route` and waits for the navigation bar. */
async function load(page: Page, route: string): Promise<void> {
  await navigate(page, route);
  await page.getByRole('navigation').first().waitFor();
}

/**
 * Waits for VirtualTable's first-rows mark; its time relative to the mark `since` (or to
 * navigation start). An inline function: the page's CSP forbids evaluating strings there.
 */
async function rowsMark(page: Page, since: string | null): Promise<number> {
  const handle = await page.waitForFunction(
    (since) => {
      const rows = performance
        .getEntriesByType('mark')
        .find((m) => m.name.startsWith('list-rows:'));
      const start = since ? performance.getEntriesByName(since)[0] : { startTime: 0 };
      return rows && start ? rows.startTime - start.startTime : undefined;
    },
    since,
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** ms from navigation start until a VirtualTable's first rows (a fresh load of `route`). */
async function coldListRender(route: string): Promise<number> {
  const { page } = await open();
  await navigate(page, route);
  return rowsMark(page, null);
}

/** ms from a route change (the app already running elsewhere) to the list's first rows. */
async function inAppListRender(from: string, to: string): Promise<number> {
  const { page } = await open();
  await load(page, from);
  await page.evaluate(`
    performance.clearMarks();
    performance.mark('bench:navigate');
    location.hash = ${JSON.stringify(to)};`);
  return rowsMark(page, 'bench:navigate');
}

/**
 * ms from a route change to the first element matching `selector` (a MutationObserver in
 * the page notes the time the element is added).
 */
async function inAppRender(from: string, to: string, selector: string): Promise<number> {
  const { page } = await open();
  await load(page, from);
  return (await page.evaluate(`new Promise((resolve, reject) => {
    const selector = ${JSON.stringify(selector)};
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      resolve(performance.now() - start);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => reject(new Error(selector + ' did not appear')), 30000);
    location.hash = ${JSON.stringify(to)};
  })`)) as number;
}

/** The practice dashboard's first chart (the page at `/`, when the build has it). */
const DASHBOARD_CHART = 'svg.recharts-surface[role="application"]';

export const benches: BenchCase[] = [
  {
    name: 'renderer/client list, 10,000 clients: first rows, cold start',
    group: 'renderer',
    setup: () => open().then(() => undefined),
    fn: () => coldListRender('/clients'),
    selfTimed: true,
    iterations: 10,
  },
  {
    name: 'renderer/client list, 10,000 clients: first rows after navigating to it',
    group: 'renderer',
    setup: () => open().then(() => undefined),
    fn: () => inAppListRender('/settings', '/clients'),
    selfTimed: true,
    iterations: 10,
  },
  {
    name: 'renderer/invoice list, 50,000 invoices: first rows after navigating to it',
    group: 'renderer',
    setup: () => open().then(() => undefined),
    fn: () => inAppListRender('/settings', '/invoices'),
    selfTimed: true,
    iterations: 10,
  },
  {
    name: 'renderer/debt register, 100,000 items: first rows after navigating to it',
    group: 'renderer',
    setup: () => open().then(() => undefined),
    fn: () => inAppListRender('/settings', '/debt'),
    selfTimed: true,
    iterations: 10,
  },
  {
    name: 'renderer/practice dashboard: first chart after navigating to it',
    group: 'renderer',
    setup: async () => {
      const { page } = await open();
      await load(page, '/');
      if ((await page.locator(DASHBOARD_CHART).count()) === 0) {
        await page.locator(DASHBOARD_CHART).first().waitFor({ timeout: 30_000 });
      }
    },
    fn: () => inAppRender('/settings', '/', DASHBOARD_CHART),
    selfTimed: true,
    iterations: 10,
  },
];

/** JS and CSS the page loads from a fresh start at `route` until `ready` resolves. */
async function loadedBefore(route: string, ready: (page: Page) => Promise<unknown>) {
  const { page } = await open();
  served.length = 0;
  await navigate(page, route);
  await ready(page);
  return [...new Set(served)].filter((f) => f.endsWith('.js') || f.endsWith('.css'));
}

const KB_FIGURES = (label: string, files: string[]) => {
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  const gzip = files.reduce((n, f) => n + gzipSync(fs.readFileSync(f)).length, 0);
  return [
    { name: `renderer/bundle: ${label}`, value: kb(bytes), unit: 'KB' as const },
    { name: `renderer/bundle: ${label}, gzip`, value: kb(gzip), unit: 'KB' as const },
    { name: `renderer/bundle: ${label}, files`, value: files.length, unit: 'files' as const },
  ];
};

export const measures: MeasureCase[] = [
  {
    name: 'renderer/bundle',
    group: 'renderer',
    measure: async () => {
      buildRenderer();
      const all = fs
        .readdirSync(path.join(BUILD_DIR, 'assets'))
        .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
        .map((f) => path.join(BUILD_DIR, 'assets', f));
      const forList = await loadedBefore('/clients', (page) => rowsMark(page, null));
      const forDashboard = await loadedBefore('/', (page) =>
        page.locator(DASHBOARD_CHART).first().waitFor({ timeout: 30_000 }),
      );
      return [
        ...KB_FIGURES('index.html entry', initialAssets()),
        ...KB_FIGURES('loaded before the client list renders', forList),
        ...KB_FIGURES('loaded before the dashboard renders', forDashboard),
        ...KB_FIGURES('all chunks (lazy included)', all),
      ];
    },
  },
];

process.on('exit', () => {
  // The browser dies with this process; closing it cleanly is best effort.
  void session?.then((s) => s.browser.close()).catch(() => undefined);
});
