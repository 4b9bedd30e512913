import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type {
  ApiResult,
  ClientFieldsInput,
  MethodInput,
  MethodName,
  MethodOutput,
} from '../../../core/api';
import { ApiError, isHostMethod, isInternalMethod, isMethodName } from '../../../core/api';
import { createClientsRepository } from '../../../db';
import { createOsMethods, type OsDialog } from '../../../electron/main/os-methods';
import { newUuidV7 } from '../../../services/context';
import { startServices, type Services } from '../../../services/host';
import { APP_ORIGIN, serveRenderer } from './serve';

const ROOT = path.resolve(__dirname, '../../..');
const MIGRATIONS_FOLDER = path.join(ROOT, 'db/migrations');
const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');
const APP_VERSION = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

export interface AppHarness {
  readonly page: Page;
  readonly dataDir: string;
  /** Calls a contract method on the services, exactly as the renderer would. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Many clients at once, straight through the db layer in one transaction. */
  seedClients(count: number, make?: (index: number) => Partial<ClientFieldsInput>): void;
  /** Raw SQL on the live data file, for situations the UI cannot create yet. */
  exec(sql: string, ...params: unknown[]): void;
  /** While true, every call fails in transport, like a crashed services process. */
  setUnreachable(unreachable: boolean): void;
  /**
   * How the stand-in for main's native dialogs answers: 'accept' saves a PDF to
   * `<dataDir>/saved/<suggested name>` and picks `<dataDir>/exports/<n>` as export folder;
   * 'cancel' closes the dialog as the user would.
   */
  setDialogAnswer(answer: 'accept' | 'cancel'): void;
  /** The file an accepted open-file dialog picks (the workspace import); none: it cancels. */
  setFileToOpen(file: string | null): void;
  /** Folder where an accepted save dialog puts PDFs. */
  readonly savedDir: string;
  /** Closes the services and starts them again on the same data folder. */
  restartServices(): Promise<void>;
  /** Loads the app at a hash route (`/clients`, `/settings`...). */
  open(route?: string): Promise<void>;
  /**
   * Full-page screenshot to test-results/screenshots/<name>.png; `fullPage: false` takes
   * the viewport only (a modal over a long page).
   */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<void>;
  /** Console errors, page errors, CSP violations and dialogs seen so far. */
  readonly problems: string[];
}

/** What the init script touches in the page (this project compiles without DOM types). */
interface PageGlobals {
  __engagementDeskInvoke(method: string, input: unknown): Promise<unknown>;
  document: {
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: { violatedDirective: string; blockedURI: string }) => void,
    ): void;
  };
}

export const test = base.extend<{ app: AppHarness; dataFolderName: string }>({
  /** A sub-folder of the temp folder to use as data folder, e.g. `Dropbox/Engagement Desk`. */
  dataFolderName: ['', { option: true }],
  app: async ({ page, dataFolderName }, use) => {
    const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-desk-e2e-'));
    const dataDir = path.join(tempRoot, dataFolderName);
    fs.mkdirSync(dataDir, { recursive: true });
    const problems: string[] = [];
    const start = () =>
      startServices({
        dataDir,
        migrationsFolder: MIGRATIONS_FOLDER,
        appVersion: APP_VERSION,
        logError: (method, error) => problems.push(`services ${method}: ${String(error)}`),
      });
    let services: Services = await start();
    let unreachable = false;

    // Main's host methods (documents.save, exportInvoices.chooseFolder) run the real
    // electron/main/os-methods code; only the native dialogs are stood in for.
    const savedDir = path.join(dataDir, 'saved');
    let dialogAnswer: 'accept' | 'cancel' = 'accept';
    let exportFolders = 0;
    let fileToOpen: string | null = null;
    const dialog = {
      async showSaveDialog(...args: unknown[]) {
        const options = args.at(-1) as { defaultPath?: string };
        if (dialogAnswer === 'cancel') return { canceled: true };
        fs.mkdirSync(savedDir, { recursive: true });
        return {
          canceled: false,
          filePath: path.join(savedDir, path.basename(options.defaultPath ?? 'document.pdf')),
        };
      },
      async showOpenDialog(...args: unknown[]) {
        if (dialogAnswer === 'cancel') return { canceled: true, filePaths: [] };
        const { properties = [] } = args.at(-1) as { properties?: string[] };
        // An open-file dialog (workspace import) picks the file the test named.
        if (properties.includes('openFile')) {
          return fileToOpen
            ? { canceled: false, filePaths: [fileToOpen] }
            : { canceled: true, filePaths: [] };
        }
        const folder = path.join(dataDir, 'exports', String(++exportFolders));
        fs.mkdirSync(folder, { recursive: true });
        return { canceled: false, filePaths: [folder] };
      },
    } as unknown as OsDialog;
    const hostMethods = createOsMethods({
      services: { invoke: (method, input) => services.invoke(method, input) },
      dialog,
      getPath: () => dataDir,
      fs: fs.promises,
    });
    /** What main's IPC guard does after its sender check: internal refused, host answered. */
    const invokeFromPage = async (method: string, input: unknown): Promise<ApiResult<unknown>> => {
      if (isMethodName(method) && isInternalMethod(method)) {
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: `${method} cannot be called from the window.`,
            issues: [],
          },
        };
      }
      if (isMethodName(method) && isHostMethod(method)) {
        return hostMethods[method](input, { sender: {} as never });
      }
      return services.invoke(method, input);
    };

    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });

    // The preload's bridge, with Playwright's binding as the transport.
    await page.exposeBinding(
      '__engagementDeskInvoke',
      (_source, method: string, input: unknown) => {
        if (unreachable) throw new Error('The services process is not running.');
        return invokeFromPage(method, input);
      },
    );
    await page.addInitScript(() => {
      const page = globalThis as unknown as PageGlobals;
      const invoke = (method: string, input: unknown) => page.__engagementDeskInvoke(method, input);
      Object.defineProperty(globalThis, 'api', {
        value: Object.freeze({ invoke }),
        writable: false,
        configurable: false,
        enumerable: true,
      });
      page.document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await serveRenderer(page);

    const harness: AppHarness = {
      page,
      dataDir,
      problems,
      async call(method, input) {
        const result = await services.invoke(method, input);
        if (!result.ok) throw new ApiError(result.error);
        return result.data as MethodOutput<typeof method>;
      },
      seedClients(count, make = () => ({})) {
        const repo = createClientsRepository(services.database.db);
        const base = Date.now() - count * 1000;
        services.database.sqlite.transaction(() => {
          for (let i = 0; i < count; i++) {
            const at = new Date(base + i * 1000).toISOString();
            const fields = make(i);
            repo.insert({
              id: newUuidV7(),
              displayName: `Client ${String(i + 1).padStart(5, '0')}`,
              defaultCurrency: 'EUR',
              defaultDayRateMinor: 95_000,
              ...fields,
              archived: false,
              createdAt: at,
              updatedAt: at,
            });
          }
        })();
      },
      exec(sql, ...params) {
        if (params.length === 0) services.database.sqlite.exec(sql);
        else services.database.sqlite.prepare(sql).run(...params);
      },
      setUnreachable(value) {
        unreachable = value;
      },
      setDialogAnswer(answer) {
        dialogAnswer = answer;
      },
      setFileToOpen(file) {
        fileToOpen = file;
      },
      savedDir,
      async restartServices() {
        services.close();
        services = await start();
      },
      async open(route = '/clients') {
        await page.goto(`${APP_ORIGIN}/index.html#${route}`);
        await expect(page.getByRole('navigation')).toBeVisible();
      },
      async screenshot(name, { fullPage = true } = {}) {
        await page.screenshot({
          path: path.join(SCREENSHOT_DIR, `${name}.png`),
          fullPage,
          animations: 'disabled',
        });
      },
    };

    await use(harness);

    services.close();
    fs.rmSync(tempRoot, { recursive: true, force: true });
    expect(problems, 'console errors, CSP violations, page errors or dialogs').toEqual([]);
  },
});

export { expect };
