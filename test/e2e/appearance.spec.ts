import { ClientForm } from './pages/ClientForm';
import { ClientsPage } from './pages/ClientsPage';
import { SettingsPage } from './pages/SettingsPage';
import { Shell } from './pages/Shell';
import { expect, test, type AppHarness } from './support/fixtures';

function seedSample(app: AppHarness) {
  const sample = [
    ['Acme Robotics', 'Acme Robotics GmbH', 'Jana Novak', 'jana@acme.example', 'EUR', 120_050, 14],
    ['Globex', 'Globex Corporation', 'Hank Scorpio', 'hank@globex.example', 'USD', 150_000, 30],
    ['Initech', 'Initech LLC', 'Bill Lumbergh', 'bill@initech.example', 'USD', 98_000, 45],
    ['Umbrella Health', 'Umbrella Health plc', 'Alice Abernathy', '', 'GBP', 105_000, 30],
    [
      '华夏智能科技',
      '北京华夏智能科技有限公司',
      '王伟',
      'wang.wei@huaxia.example',
      'CNY',
      880_000,
      30,
    ],
    ['Yamada Shoji', '山田商事株式会社', 'Yamada Taro', 'taro@yamada.example', 'JPY', 150_000, 60],
  ] as const;
  sample.forEach(
    ([displayName, legalName, contactPerson, email, defaultCurrency, rate, terms], i) =>
      app.seedClients(1, () => ({
        displayName,
        legalName,
        contactPerson,
        email,
        defaultCurrency,
        defaultDayRateMinor: rate,
        paymentTermsDays: terms,
        documentLanguage: i === 4 ? 'zh-CN' : 'en',
      })),
  );
}

test('dark theme from Settings, applied everywhere', async ({ app }) => {
  seedSample(app);
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await settings.setTheme('dark');
  await expect(app.page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await app.screenshot('dark-settings');

  await new Shell(app.page).goToClients();
  const clients = new ClientsPage(app.page);
  await expect(clients.rows).toHaveCount(6);
  await app.screenshot('dark-client-list');
  await clients.row('Acme Robotics').click();
  await expect(new ClientForm(app.page, 'en', 'edit').dialog).toBeVisible();
  await app.screenshot('dark-client-form');

  // The choice is remembered across a reload.
  await app.page.reload();
  await expect(app.page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
});

test('System theme follows the OS, Light overrides it', async ({ app }) => {
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.open('/settings');
  const html = app.page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await new SettingsPage(app.page).setTheme('light');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await new SettingsPage(app.page).setTheme('system');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await app.page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test('Settings shows the data folder, database file, schema version and app version', async ({
  app,
}) => {
  await app.open('/settings');
  const info = await app.call('app.info', {});
  const main = app.page.getByRole('main');
  await expect(main.getByText(info.dataDir, { exact: true })).toBeVisible();
  await expect(main.getByText(info.databaseFile, { exact: true })).toBeVisible();
  await expect(main.getByText(`Version ${info.version}`, { exact: true })).toBeVisible();
  await expect(main.getByText(String(info.schemaVersion), { exact: true })).toBeVisible();
  await app.screenshot('en-settings');
});

test('light client list with sample data', async ({ app }) => {
  seedSample(app);
  await app.open();
  await expect(new ClientsPage(app.page).rows).toHaveCount(6);
  await app.screenshot('en-client-list-sample');
});
