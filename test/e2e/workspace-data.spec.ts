import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ClientsPage } from './pages/ClientsPage';
import { SettingsPage } from './pages/SettingsPage';
import { tr, type Language } from './support/catalog';
import { expect, test, type AppHarness } from './support/fixtures';

/** Settings → Workspace data, and its import dialog. */
class WorkspaceData {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  t(key: string, vars?: Record<string, string | number>) {
    return tr(this.language, key, vars);
  }

  get section(): Locator {
    return this.page.getByRole('region', { name: this.t('workspaceData.title') });
  }

  button(key: string): Locator {
    return this.section.getByRole('button', { name: this.t(key) });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.t('workspaceData.preview.title') });
  }

  get counts(): Locator {
    return this.dialog.getByRole('table', { name: this.t('workspaceData.preview.countsLabel') });
  }

  get conflicts(): Locator {
    return this.dialog.getByRole('table', {
      name: this.t('workspaceData.preview.conflictsLabel'),
    });
  }

  /** The counts row of a table: In the file, New, Identical, Differ. */
  async expectCounts(table: string, values: [number, number, number, number]) {
    const row = this.counts.getByRole('row', {
      name: new RegExp(`^${this.t(`workspaceData.tables.${table}`)}\\b`),
    });
    await expect(row.getByRole('cell')).toHaveText(values.map(String));
  }

  async importFile(app: AppHarness, file: string) {
    app.setFileToOpen(file);
    await this.section.scrollIntoViewIfNeeded();
    await this.button('workspaceData.import.choose').click();
  }

  async apply() {
    await this.dialog.getByRole('button', { name: this.t('workspaceData.preview.apply') }).click();
    await expect(
      this.dialog.getByText(this.t('workspaceData.result.title'), { exact: true }),
    ).toBeVisible();
  }
}

type WorkspaceFile = { data: Record<string, Array<Record<string, unknown>>> };

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as WorkspaceFile;

/** Outlives each test's data folder: the first test's export is the second's import. */
const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-desk-e2e-workspace-'));
const demoFile = path.join(shared, 'demo-workspace.json');
test.afterAll(() => fs.rmSync(shared, { recursive: true, force: true }));

test.describe('moving the demo workspace to a fresh one', () => {
  test.describe.configure({ mode: 'serial' });

  test('exports the demo workspace as one JSON file and as one CSV per table', async ({ app }) => {
    await app.call('demo.load', { locale: 'en' });
    await app.open('/settings');
    const ws = new WorkspaceData(app.page);
    await ws.section.scrollIntoViewIfNeeded();

    await ws.button('workspaceData.export.json').click();
    const savedJson = () =>
      fs.existsSync(app.savedDir)
        ? fs.readdirSync(app.savedDir).find((f) => f.endsWith('.json'))
        : undefined;
    await expect.poll(savedJson).toBeDefined();
    const saved = savedJson();
    expect(saved).toMatch(/^engagement-desk-\d{4}-\d{2}-\d{2}\.json$/);
    const file = path.join(app.savedDir, saved!);
    await expect(
      app.page.getByText(tr('en', 'workspaceData.export.saved', { path: file })),
    ).toBeVisible();
    const json = readJson(file);
    expect(json).toMatchObject({ format: 'engagement-desk-workspace', version: 1 });
    expect(json.data.clients!.length).toBeGreaterThan(0);
    expect(json.data.invoices!.length).toBeGreaterThan(0);
    fs.copyFileSync(file, demoFile);

    await ws.button('workspaceData.export.csv').click();
    // The success message says the export is complete: one CSV per table of the JSON file.
    const exports = path.join(app.dataDir, 'exports', '1');
    await expect(
      app.page.getByText(new RegExp(`^${Object.keys(json.data).length} CSV files written to`)),
    ).toBeVisible();
    const folder = fs.readdirSync(exports)[0]!;
    expect(folder).toMatch(/^engagement-desk-csv-/);
    const csvs = fs.readdirSync(path.join(exports, folder)).sort();
    expect(csvs).toEqual(
      Object.keys(json.data)
        .map((table) => `${table}.csv`)
        .sort(),
    );
    await expect(
      app.page.getByText(
        tr('en', 'workspaceData.export.csvSaved', {
          count: csvs.length,
          folder: path.join(exports, folder),
        }),
      ),
    ).toBeVisible();
    const clientsCsv = fs.readFileSync(path.join(exports, folder, 'clients.csv'), 'utf8');
    expect(clientsCsv.startsWith('\uFEFFid,display_name')).toBe(true);
  });

  test('imports it into a fresh workspace: every row new, then the same clients and invoices', async ({
    app,
  }) => {
    expect(fs.existsSync(demoFile)).toBe(true);
    const file = readJson(demoFile);
    await app.open('/settings');
    const ws = new WorkspaceData(app.page);
    await ws.importFile(app, demoFile);
    await expect(ws.dialog).toBeVisible();
    await expect(ws.dialog).toContainText('demo-workspace.json');
    const n = (table: string) => file.data[table]!.length;
    await ws.expectCounts('clients', [n('clients'), n('clients'), 0, 0]);
    await ws.expectCounts('invoices', [n('invoices'), n('invoices'), 0, 0]);
    await expect(ws.dialog.getByText(tr('en', 'workspaceData.preview.noConflicts'))).toBeVisible();
    await app.screenshot('en-workspace-import-preview', { fullPage: false });
    await ws.apply();
    const total = Object.values(file.data).reduce((sum, rows) => sum + rows.length, 0);
    await expect(ws.dialog).toContainText(
      tr('en', 'workspaceData.result.summary', {
        inserted: new Intl.NumberFormat('en').format(total),
        updated: '0',
        unchanged: '0',
      }),
    );
    await ws.dialog
      .getByRole('button', { name: tr('en', 'common.close') })
      .last()
      .click();
    await expect(ws.dialog).toBeHidden();

    // The screens show the file's clients and invoices.
    await app.page.getByRole('link', { name: tr('en', 'nav.clients') }).click();
    const clients = new ClientsPage(app.page);
    await clients.expectRows(file.data.clients!.map((c) => String(c.display_name)));
    await app.page.getByRole('link', { name: tr('en', 'nav.invoices') }).click();
    const invoices = app.page.getByRole('table', { name: tr('en', 'invoices.tableLabel') });
    for (const invoice of file.data.invoices!.filter((i) => i.number !== null)) {
      await expect(invoices.getByText(String(invoice.number))).toBeVisible();
    }
    // And the data is the file's, byte for byte.
    const again = await app.call('workspace.exportJson', {});
    expect(JSON.stringify((JSON.parse(again.json) as WorkspaceFile).data)).toBe(
      JSON.stringify(file.data),
    );
  });
});

test('a record changed on both sides: the conflict is shown and the chosen policy is applied', async ({
  app,
}) => {
  const acme = await app.call('clients.create', { displayName: 'Acme', defaultCurrency: 'EUR' });
  await app.call('clients.create', { displayName: 'Globex', defaultCurrency: 'USD' });
  const file = path.join(app.dataDir, 'laptop.json');
  fs.writeFileSync(file, (await app.call('workspace.exportJson', {})).json);
  await app.call('clients.update', { id: acme.id, changes: { displayName: 'Acme Europe' } });

  await app.open('/settings');
  const ws = new WorkspaceData(app.page);
  await ws.importFile(app, file);
  await ws.expectCounts('clients', [2, 0, 1, 1]);
  const conflict = ws.conflicts.getByRole('row', { name: /Acme Europe/ });
  // The field as the client form names it; the derived search column is not a difference.
  await expect(conflict).toContainText(tr('en', 'clients.fields.displayName'));
  await expect(conflict).not.toContainText('display_name');
  await expect(conflict).not.toContainText('search_text');
  await expect(conflict).toContainText(tr('en', 'workspaceData.preview.outcome.mine'));
  const policy = ws.dialog.getByRole('radiogroup', {
    name: tr('en', 'workspaceData.preview.policy'),
  });
  const keepMine = policy.getByRole('radio', { name: tr('en', 'workspaceData.preview.keepMine') });
  await expect(keepMine).toBeChecked();

  // Keyboard: the policy is a radio group; arrow keys move to "Take the file's".
  await keepMine.focus();
  await app.page.keyboard.press('ArrowDown');
  await expect(
    policy.getByRole('radio', { name: tr('en', 'workspaceData.preview.takeTheirs') }),
  ).toBeChecked();
  await expect(conflict).toContainText(tr('en', 'workspaceData.preview.outcome.theirs'));
  await app.screenshot('en-workspace-import-conflict', { fullPage: false });
  await ws.apply();
  await expect(ws.dialog).toContainText(
    tr('en', 'workspaceData.result.summary', { inserted: '0', updated: '1', unchanged: '1' }),
  );
  await app.page.keyboard.press('Escape');
  await expect(ws.dialog).toBeHidden();
  await app.page.getByRole('link', { name: tr('en', 'nav.clients') }).click();
  await new ClientsPage(app.page).expectRows(['Acme', 'Globex']);

  // Keep mine (the default) leaves a local change alone.
  await app.call('clients.update', { id: acme.id, changes: { displayName: 'Acme Asia' } });
  await app.open('/settings');
  await new SettingsPage(app.page).setTheme('dark');
  await ws.importFile(app, file);
  await expect(ws.conflicts.getByRole('row', { name: /Acme Asia/ })).toBeVisible();
  await app.screenshot('en-workspace-import-conflict-dark', { fullPage: false });
  await ws.apply();
  await expect(ws.dialog).toContainText(
    tr('en', 'workspaceData.result.summary', { inserted: '0', updated: '0', unchanged: '2' }),
  );
  expect((await app.call('clients.get', { id: acme.id })).displayName).toBe('Acme Asia');
});

test('a broken file: a clear error in Chinese, and nothing changed', async ({ app }) => {
  await app.call('clients.create', { displayName: '上海云杉', defaultCurrency: 'CNY' });
  const good = JSON.parse((await app.call('workspace.exportJson', {})).json) as WorkspaceFile;
  const before = JSON.stringify(good.data);
  // A second client whose money is not a whole number of minor units.
  const broken = structuredClone(good);
  broken.data.clients!.push({
    ...broken.data.clients![0]!,
    id: '01890f5e-3c5a-7d4e-8f00-0000000000c3',
    display_name: 'Broken Ltd',
    default_day_rate_minor: 950.5,
  });
  const file = path.join(app.dataDir, 'broken.json');
  fs.writeFileSync(file, JSON.stringify(broken));

  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await settings.setLanguage('zh-CN');
  const ws = new WorkspaceData(app.page, 'zh-CN');
  await ws.importFile(app, file);
  const alert = ws.section.getByRole('alert');
  await expect(alert).toContainText(tr('zh-CN', 'workspaceData.import.refusedTitle'));
  await expect(alert).toContainText('客户，第 2 条记录：default_day_rate_minor 不是整数。');
  await expect(alert).toContainText(tr('zh-CN', 'workspaceData.import.nothingChanged'));
  await expect(ws.dialog).toBeHidden();
  await app.screenshot('zh-workspace-import-broken', { fullPage: false });

  // Not JSON at all.
  fs.writeFileSync(file, 'PK\u0003\u0004 a zip, not an export');
  await ws.button('workspaceData.import.choose').click();
  await expect(alert).toContainText(tr('zh-CN', 'workspaceData.errors.IMPORT_NOT_JSON'));

  const after = JSON.parse((await app.call('workspace.exportJson', {})).json) as WorkspaceFile;
  expect(JSON.stringify(after.data)).toBe(before);
});
