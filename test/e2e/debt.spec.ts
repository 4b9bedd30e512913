import fs from 'node:fs';
import type { MethodInput } from '../../core/api';
import { DebtRegister, DebtWorkbench } from './pages/DebtPages';
import { SettingsPage } from './pages/SettingsPage';
import { Shell } from './pages/Shell';
import { tr } from './support/catalog';
import { expect, test, type AppHarness } from './support/fixtures';

type ItemInput = MethodInput<'debt.create'>;

async function seedClient(app: AppHarness, name = 'Acme Logistics', currency = 'EUR') {
  return app.call('clients.create', {
    displayName: name,
    defaultCurrency: currency,
    defaultDayRateMinor: 100_000,
  });
}

function item(clientId: string, title: string, over: Partial<ItemInput> = {}): ItemInput {
  return {
    clientId,
    title,
    category: 'code',
    impact: 'medium',
    quarterlyCostMinor: { low: 500_000, likely: 1_000_000, high: 2_000_000 },
    fixDays: { low: 5, likely: 10, high: 20 },
    dayRateMinor: 100_000,
    ...over,
  };
}

test('estimate a cost with the estimator, see the live figures and charts, save', async ({
  app,
}) => {
  const client = await seedClient(app);
  await app.open(`/debt/new?client=${client.id}`);
  const wb = new DebtWorkbench(app.page);
  await wb.fill({ title: 'Flaky release pipeline', affectedSystem: 'CI/CD' });
  await wb.fill({ fixLow: '8', fixLikely: '12', fixHigh: '20' });

  await app.page.getByRole('button', { name: tr('en', 'debt.editor.estimate') }).click();
  const modal = app.page.getByRole('dialog', { name: tr('en', 'debt.estimator.title') });
  await expect(modal).toBeVisible();
  const f = (key: string) =>
    modal.getByLabel(tr('en', `debt.estimator.fields.${key}`), { exact: true });
  await f('incidentsPerQuarter').fill('6');
  await f('hoursEach').fill('4');
  await f('people').fill('3');
  await f('hourlyCost').fill('120');
  // 6 × 4 × 3 = 72 hours × €120 = €8,640 likely; low 70 %, high × 1.5.
  const working = modal.getByRole('region', { name: tr('en', 'debt.estimator.working') });
  await expect(working).toContainText('72 h');
  await expect(modal.locator('[data-figure="likely"]')).toHaveText('€8,640.00');
  await expect(modal.locator('[data-figure="low"]')).toHaveText('€6,048.00');
  await expect(modal.locator('[data-figure="high"]')).toHaveText('€12,960.00');
  await app.screenshot('debt-estimator');
  await modal.getByRole('button', { name: tr('en', 'debt.estimator.use') }).click();
  await expect(modal).toBeHidden();
  await expect(wb.field('costLikely')).toHaveValue('8,640.00');
  await expect(wb.field('costHigh')).toHaveValue('12,960.00');

  // Live results: fixing pays off, with a P10–P90 range from the services.
  await expect(wb.netBenefit).toHaveText(/^€/);
  await expect(wb.range).toContainText('P10–P90');
  await expect(wb.charts).toHaveCount(2);
  const before = await wb.netBenefit.innerText();
  await wb.field('costLikely').fill('9,000');
  await expect(wb.netBenefit).not.toHaveText(before);

  // An out-of-order range is a field error, not a save.
  await wb.field('costLow').fill('20,000');
  await wb.save.click();
  await expect(app.page.getByText(tr('en', 'debt.validation.lowAboveLikely'))).toBeVisible();
  await wb.field('costLow').fill('6,048');
  await expect(app.page.getByText(tr('en', 'debt.validation.lowAboveLikely'))).toBeHidden();
  await new Shell(app.page).dismissToast(tr('en', 'debt.estimator.applied'));
  await app.screenshot('debt-workbench');

  await wb.save.click();
  await expect(new Shell(app.page).toast('Added Flaky release pipeline.')).toBeVisible();
  await expect(app.page).toHaveURL(/#\/debt\/[0-9a-f-]{36}$/);
  const saved = await app.call('debt.list', { clientId: client.id });
  expect(saved.items).toHaveLength(1);
  expect(saved.items[0]!.costEstimate?.method).toBe('incidents');
  expect(saved.items[0]!.quarterlyCostMinor).toEqual({
    low: 604_800,
    likely: 900_000,
    high: 1_296_000,
  });

  // Leaving with unsaved edits asks first (once the saved item's page has replaced the new
  // item's: typing before that would go into the page being left).
  await expect(
    app.page.getByRole('button', { name: tr('en', 'debt.editor.save'), exact: true }),
  ).toBeVisible();
  await wb.field('evidence').fill('3 rollbacks last quarter');
  await app.page.getByRole('link', { name: /Back to the register/ }).click();
  const discard = app.page.getByRole('dialog', { name: tr('en', 'clients.discard.title') });
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: tr('en', 'clients.discard.confirm') }).click();
  await expect(new DebtRegister(app.page).row('Flaky release pipeline')).toBeVisible();
});

test('register: ranking, totals, sorting, bulk status, duplicate and delete', async ({ app }) => {
  const client = await seedClient(app);
  await app.call('debt.create', item(client.id, 'Monolith deploys', { impact: 'high' }));
  await app.call(
    'debt.create',
    item(client.id, 'Slow reports', {
      quarterlyCostMinor: { low: 100_000, likely: 200_000, high: 400_000 },
      category: 'data',
    }),
  );
  await app.call(
    'debt.create',
    item(client.id, 'No integration tests', {
      quarterlyCostMinor: { low: 2_000_000, likely: 3_000_000, high: 5_000_000 },
      fixDays: { low: 20, likely: 30, high: 45 },
      category: 'testing',
      impact: 'critical',
    }),
  );
  await app.open(`/clients/${client.id}/debt`);
  const register = new DebtRegister(app.page);
  await expect(register.rows).toHaveCount(3);
  await expect(register.header('debt.columns.cd3')).toHaveAttribute('aria-sort', 'descending');
  const byCd3 = await register.titles();
  expect(byCd3[0]).toBe('No integration tests');
  expect(byCd3[2]).toBe('Slow reports');
  await expect(register.totals('EUR')).toContainText('3 items in EUR');
  const netBefore = await register.total('EUR', 'netBenefit').innerText();
  await app.screenshot('debt-register');

  // Sort by impact: critical first.
  await register.sortBy('debt.columns.impact').click();
  await expect(register.header('debt.columns.impact')).toHaveAttribute('aria-sort', 'descending');
  await expect
    .poll(() => register.titles())
    .toEqual(['No integration tests', 'Monolith deploys', 'Slow reports']);
  await register.sortBy('debt.columns.cd3').click();

  // Bulk status.
  await register.select('Slow reports');
  await register.select('Monolith deploys');
  await app.page.getByRole('combobox', { name: tr('en', 'debt.bulk.setStatus') }).click();
  await app.page.getByRole('option', { name: tr('en', 'debt.status.accepted') }).click();
  await app.page.getByRole('button', { name: tr('en', 'debt.bulk.apply') }).click();
  await expect(new Shell(app.page).toast('Status changed on 2 items.')).toBeVisible();
  await expect(register.row('Slow reports')).toContainText('Accepted');
  await expect(register.row('Monolith deploys')).toContainText('Accepted');

  // Status filter.
  await app.page.getByRole('combobox', { name: tr('en', 'debt.filters.status') }).click();
  await app.page.getByRole('option', { name: tr('en', 'debt.status.accepted') }).click();
  await app.page.keyboard.press('Escape');
  await expect(register.rows).toHaveCount(2);
  await app.page.getByRole('button', { name: tr('en', 'debt.filters.clear') }).click();
  await expect(register.rows).toHaveCount(3);

  // Duplicate changes the totals; delete (confirmed) brings them back.
  await register
    .row('Slow reports')
    .getByRole('button', { name: /Actions for/ })
    .click();
  await app.page.getByRole('menuitem', { name: tr('en', 'debt.actions.duplicate') }).click();
  await expect(register.rows).toHaveCount(4);
  await expect(register.totals('EUR')).toContainText('4 items in EUR');
  await expect(register.total('EUR', 'netBenefit')).not.toHaveText(netBefore);
  await register
    .row('Slow reports')
    .first()
    .getByRole('button', { name: /Actions for/ })
    .click();
  await app.page.getByRole('menuitem', { name: tr('en', 'debt.actions.delete') }).click();
  await app.page.getByRole('button', { name: tr('en', 'debt.delete.confirm') }).click();
  await expect(register.rows).toHaveCount(3);
  await expect(register.total('EUR', 'netBenefit')).toHaveText(netBefore);
});

test('CSV: import with one bad row (skipped with consent), then export', async ({ app }) => {
  const client = await seedClient(app, 'Nordlicht GmbH');
  await app.open(`/clients/${client.id}/debt`);
  const register = new DebtRegister(app.page);
  await expect(app.page.getByRole('link', { name: tr('en', 'debt.empty.add') })).toBeVisible();
  await app.page.getByRole('button', { name: tr('en', 'debt.csv.import') }).click();
  const modal = app.page.getByRole('dialog', { name: tr('en', 'debt.csv.title') });
  const csv = [
    'Title,Category,Impact,Quarterly cost low,Quarterly cost likely,Quarterly cost high,Fix days low,Fix days likely,Fix days high,Tags',
    'Legacy auth service,security,high,4000,6000,9000,5,8,12,auth;legacy',
    'Manual DB migrations,process,medium,1000,2000,3000,2,3,5,db',
    'Broken row,code,low,9000,2000,3000,2,3,5,',
  ].join('\n');
  await modal.getByLabel(tr('en', 'debt.csv.paste')).fill(csv);
  await modal.getByRole('button', { name: tr('en', 'debt.csv.preview') }).click();
  await expect(
    modal.getByText(tr('en', 'debt.csv.summary', { valid: 2, invalid: 1 })),
  ).toBeVisible();
  const importButton = modal.getByRole('button', {
    name: tr('en', 'debt.csv.importRows', { count: 2 }),
  });
  await expect(importButton).toBeDisabled();
  await expect(modal.getByRole('row', { name: /Broken row/ })).toContainText(
    'Cost per quarter, low: low is above likely',
  );
  await app.screenshot('debt-csv-preview');
  await modal.getByRole('checkbox', { name: tr('en', 'debt.csv.skip', { count: 1 }) }).check();
  await importButton.click();
  await expect(new Shell(app.page).toast('Imported 2 items. 1 skipped.')).toBeVisible();
  await expect(register.rows).toHaveCount(2);
  await expect(app.page.getByRole('group', { name: tr('en', 'debt.filters.tags') })).toContainText(
    'legacy',
  );

  const download = app.page.waitForEvent('download');
  await app.page.getByRole('button', { name: tr('en', 'debt.csv.export') }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const text = fs.readFileSync(await file.path(), 'utf8');
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines).toHaveLength(3);
  expect(lines[0]).toContain('Title');
  expect(text).toContain('Legacy auth service');
  expect(text).toContain('Manual DB migrations');
  expect(text).not.toContain('Broken row');
});

test('portfolio: matrix, budget selection saved for the proposal', async ({ app }) => {
  const client = await seedClient(app);
  for (const [title, impact, days, likely] of [
    ['Flaky tests', 'high', 5, 800_000],
    ['Old ORM', 'medium', 25, 1_500_000],
    ['Manual deploys', 'critical', 8, 2_500_000],
    ['Logging sprawl', 'low', 3, 100_000],
  ] as const) {
    await app.call(
      'debt.create',
      item(client.id, title, {
        impact,
        fixDays: { low: days, likely: days, high: days * 1.5 },
        quarterlyCostMinor: { low: likely / 2, likely, high: likely * 2 },
      }),
    );
  }
  await app.open(`/clients/${client.id}/debt/portfolio`);
  await expect(app.page.locator('svg.recharts-surface[role="application"]')).toBeVisible();
  await expect(app.page.locator('.recharts-scatter-symbol')).toHaveCount(4);
  await app.page.getByLabel(tr('en', 'debt.portfolioPage.budgetDays')).fill('15');
  await app.page.getByRole('button', { name: tr('en', 'debt.portfolioPage.choose') }).click();
  const chosen = app.page.getByRole('region', { name: tr('en', 'debt.portfolioPage.selected') });
  await expect(chosen).toContainText('Manual deploys');
  await expect(chosen).toContainText('Flaky tests');
  await expect(chosen).not.toContainText('Old ORM');
  await app.page.getByRole('button', { name: tr('en', 'debt.portfolioPage.save') }).click();
  await expect(new Shell(app.page).toast(tr('en', 'debt.portfolioPage.saved'))).toBeVisible();
  const saved = await app.call('debt.selection.get', { clientId: client.id });
  expect(saved?.itemIds.length).toBeGreaterThanOrEqual(2);
  await app.screenshot('debt-matrix');
});

test('Chinese: add items in the Chinese UI and see the ranking and totals change', async ({
  app,
}) => {
  const client = await seedClient(app, '上海云启信息技术', 'CNY');
  await app.call(
    'debt.create',
    item(client.id, '报表查询缓慢', {
      quarterlyCostMinor: { low: 100_000, likely: 200_000, high: 400_000 },
    }),
  );
  await app.open('/settings');
  await new SettingsPage(app.page).setLanguage('zh-CN');
  await app.open(`/clients/${client.id}/debt`);
  const register = new DebtRegister(app.page, 'zh-CN');
  await expect(register.rows).toHaveCount(1);
  await expect(register.totals('CNY')).toContainText('CNY：1 项');
  const before = await register.total('CNY', 'netBenefit').innerText();

  await register.addItem.click();
  const wb = new DebtWorkbench(app.page, 'zh-CN');
  await wb.fill({
    title: '单体应用发布风险高',
    affectedSystem: '订单系统',
    costLow: '50,000',
    costLikely: '80,000',
    costHigh: '150,000',
    fixLow: '10',
    fixLikely: '15',
    fixHigh: '25',
  });
  await wb.fill({ impact: '严重' });
  await expect(wb.range).toContainText('P10–P90');
  await expect(wb.charts).toHaveCount(2);
  await app.screenshot('zh-debt-workbench');
  await wb.save.click();
  await expect(new Shell(app.page, 'zh-CN').toast('已添加 单体应用发布风险高。')).toBeVisible();

  await app.page.getByRole('link', { name: /返回登记册/ }).click();
  await expect(register.rows).toHaveCount(2);
  await expect.poll(() => register.titles()).toEqual(['单体应用发布风险高', '报表查询缓慢']);
  await expect(register.totals('CNY')).toContainText('CNY：2 项');
  await expect(register.total('CNY', 'netBenefit')).not.toHaveText(before);
  await expect(register.row('单体应用发布风险高')).toContainText('严重');
  await app.screenshot('zh-debt-register');
});
