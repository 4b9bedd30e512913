import { DebtRegister, DebtWorkbench } from './pages/DebtPages';
import { SettingsPage } from './pages/SettingsPage';
import { tr } from './support/catalog';
import { expect, test } from './support/fixtures';

const TOTAL = 10_000;
const MAX_ROWS_IN_DOM = 60;

test('10,000 debt items: the register stays virtualised, totals cover them all', async ({
  app,
}) => {
  const client = await app.call('clients.create', {
    displayName: 'Big Bank',
    defaultCurrency: 'EUR',
    defaultDayRateMinor: 100_000,
  });
  // One CSV import through the services is the fastest honest way to 10,000 items.
  const lines = ['Title,Category,Impact,Quarterly cost likely,Fix days likely'];
  for (let i = 1; i <= TOTAL; i++) {
    lines.push(
      `Item ${String(i).padStart(5, '0')},code,medium,${1000 + (i % 97) * 10},${1 + (i % 13)}`,
    );
  }
  const csvText = lines.join('\n');
  const preview = await app.call('debt.csv.preview', { clientId: client.id, csvText });
  expect(preview.invalidRows).toBe(0);
  await app.call('debt.csv.import', { clientId: client.id, csvText, mapping: preview.mapping });

  await app.open(`/clients/${client.id}/debt`);
  const register = new DebtRegister(app.page);
  await expect(app.page.getByText('10,000 items', { exact: true })).toBeVisible();
  await expect(register.totals('EUR')).toContainText('10,000 items in EUR');
  await expect(register.rows.first()).toBeVisible();
  expect(await register.rows.count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);

  // End jumps to the last row; the pages before it load one after another (20 × 500 rows),
  // which takes a few seconds alone and longer on a busy two-core machine.
  test.slow();
  await register.rows.first().focus();
  await app.page.keyboard.press('End');
  const last = register.table.locator('[role="row"][data-index="9999"][tabindex]');
  await expect(last).toBeFocused({ timeout: 40_000 });
  await expect(last).toBeInViewport();
  expect(await register.rows.count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);

  // Re-sorting over the whole set keeps the DOM small.
  await register.sortBy('debt.columns.netBenefit').click();
  await expect(register.header('debt.columns.netBenefit')).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(register.rows.first()).toBeVisible();
  expect(await register.rows.count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
});

test('dark theme: the workbench charts follow the theme', async ({ app }) => {
  const client = await app.call('clients.create', {
    displayName: 'Nightshift Ltd',
    defaultCurrency: 'USD',
    defaultDayRateMinor: 120_000,
  });
  const item = await app.call('debt.create', {
    clientId: client.id,
    title: 'Hand-rolled auth',
    category: 'security',
    impact: 'critical',
    quarterlyCostMinor: { low: 800_000, likely: 1_500_000, high: 3_000_000 },
    growthPerQuarter: 0.03,
    fixDays: { low: 10, likely: 15, high: 30 },
  });
  await app.open('/settings');
  await new SettingsPage(app.page).setTheme('dark');
  await app.open(`/debt/${item.id}`);
  const wb = new DebtWorkbench(app.page);
  await expect(wb.charts).toHaveCount(2);
  await expect(wb.range).toContainText('P10–P90');
  // Grid lines use the dark palette, not the light grey of the light theme.
  const grid = app.page.locator('.recharts-cartesian-grid-horizontal line').first();
  await expect(grid).toHaveAttribute('stroke', /#(?!dee2e6)/i);
  await app.screenshot('debt-workbench-dark');
});

test('Settings: load the demo workspace in Chinese, then browse its register', async ({ app }) => {
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await settings.setLanguage('zh-CN');
  await app.page.getByRole('button', { name: tr('zh-CN', 'demo.load') }).click();
  await expect(app.page.locator('.mantine-Notification-root')).toContainText('演示工作区已加载');
  await app.page
    .getByRole('navigation')
    .getByRole('link', { name: tr('zh-CN', 'nav.debt') })
    .click();
  const register = new DebtRegister(app.page, 'zh-CN');
  await expect(register.rows.first()).toBeVisible();
  expect(await register.rows.count()).toBeGreaterThanOrEqual(15);
  await expect(register.header('debt.columns.cd3')).toHaveAttribute('aria-sort', 'descending');
  await app.screenshot('zh-debt-register-demo');
});
