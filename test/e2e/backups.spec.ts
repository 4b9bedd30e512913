import fs from 'node:fs';
import path from 'node:path';
import { BackupsSection } from './pages/BackupsSection';
import { ClientForm } from './pages/ClientForm';
import { ClientsPage } from './pages/ClientsPage';
import { SettingsPage } from './pages/SettingsPage';
import { tr } from './support/catalog';
import { expect, test } from './support/fixtures';

test('back up now, add a client, restore the backup after its preview: the client is gone and a safety backup is listed', async ({
  app,
}) => {
  app.seedClients(1, () => ({ displayName: 'Acme Robotics' }));
  await app.open('/settings');
  const backups = new BackupsSection(app.page);
  await expect(backups.empty).toBeVisible();

  await backups.backUpNow();
  await expect(backups.rows).toHaveCount(1);
  await expect(backups.rowsOf('manual')).toHaveCount(1);
  await expect(backups.rows.first()).toContainText(/kB/);

  // A client added after the backup.
  await app.open('/clients/new');
  const form = new ClientForm(app.page);
  await form.fill({ displayName: 'Stark Industries', defaultCurrency: 'USD' });
  await form.save();
  const clients = new ClientsPage(app.page);
  await expect(clients.row('Stark Industries')).toBeVisible();

  await app.open('/settings');
  await backups.openRestore('manual');
  await backups.expectCompare('clients', '1', '2');
  await backups.expectCompare('invoices', '0', '0');
  await expect(backups.dialog).toContainText(tr('en', 'settings.backups.modal.warningTitle'));
  await expect(backups.dialog).toContainText(tr('en', 'settings.backups.modal.warning'));
  await app.screenshot('en-backups-restore-preview', { fullPage: false });

  await backups.confirmButton.click();
  await expect(app.page.getByText(tr('en', 'settings.backups.restored'))).toBeVisible();
  await expect(backups.dialog).toBeHidden();
  await expect(backups.rowsOf('safety')).toHaveCount(1);
  await expect(backups.rowsOf('manual')).toHaveCount(1);
  await app.screenshot('en-backups-after-restore');

  // The client list was cached with Stark Industries: it is read afresh from the restored data.
  await app.page.getByRole('link', { name: tr('en', 'nav.clients') }).click();
  await clients.expectRows(['Acme Robotics']);
  await expect(clients.row('Stark Industries')).toHaveCount(0);
  expect((await app.call('clients.list', {})).items.map((c) => c.displayName)).toEqual([
    'Acme Robotics',
  ]);
  const files = fs.readdirSync(path.join(app.dataDir, 'backups')).sort();
  expect(files).toHaveLength(2);
  expect(files[1]).toMatch(/^safety-.*\.sqlite$/);
});

test('the backup list in Chinese, and keyboard only: Escape closes the restore dialog without changing anything', async ({
  app,
}) => {
  app.seedClients(2);
  await app.call('backups.create', {});
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await settings.setLanguage('zh-CN');
  const backups = new BackupsSection(app.page, 'zh-CN');
  await expect(backups.rowsOf('manual')).toHaveCount(1);
  await expect(
    backups.table.getByRole('columnheader', { name: tr('zh-CN', 'settings.backups.columns.date') }),
  ).toBeVisible();
  // Date in the UI language: a Chinese date has 年/月/日.
  await expect(backups.rows.first().getByRole('cell').first()).toHaveText(
    /\d{4}年\d{1,2}月\d{1,2}日/,
  );
  await backups.section.scrollIntoViewIfNeeded();
  await app.screenshot('zh-backups-list');

  const restore = backups.rowsOf('manual').first().getByRole('button');
  await restore.focus();
  await app.page.keyboard.press('Enter');
  await expect(backups.dialog).toBeVisible();
  await backups.expectCompare('clients', '2', '2');
  await app.screenshot('zh-backups-restore-preview', { fullPage: false });
  await app.page.keyboard.press('Escape');
  await expect(backups.dialog).toBeHidden();
  await expect(backups.rowsOf('safety')).toHaveCount(0);
  expect((await app.call('clients.list', {})).total).toBe(2);
});

test('a backup from a newer version is previewed but cannot be restored', async ({ app }) => {
  const made = await app.call('backups.create', {});
  // Make the backup look written by a later build.
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(path.join(app.dataDir, 'backups', made.name));
  db.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run(
    'future',
    9_999_999_999_999,
  );
  db.close();
  await app.open('/settings');
  const backups = new BackupsSection(app.page);
  await backups.openRestore('manual');
  await expect(backups.dialog).toContainText(tr('en', 'settings.backups.modal.newerTitle'));
  await expect(backups.confirmButton).toBeDisabled();
});

test.describe('a data folder inside a sync folder', () => {
  test.use({ dataFolderName: 'Dropbox/Engagement Desk' });

  test('Settings warns that the data folder is inside Dropbox, in both languages', async ({
    app,
  }) => {
    await app.open('/settings');
    const data = app.page.getByRole('region', {
      name: tr('en', 'settings.data.title'),
      exact: true,
    });
    const alert = data.getByRole('alert');
    await expect(alert).toContainText(
      tr('en', 'settings.data.warning.cloudTitle', { provider: 'Dropbox' }),
    );
    await expect(alert).toContainText(tr('en', 'settings.data.warning.cloud'));
    await data.scrollIntoViewIfNeeded();
    await app.screenshot('en-settings-sync-folder-warning');
    await new SettingsPage(app.page).setLanguage('zh-CN');
    await expect(
      app.page
        .getByRole('region', { name: tr('zh-CN', 'settings.data.title'), exact: true })
        .getByRole('alert'),
    ).toContainText(tr('zh-CN', 'settings.data.warning.cloudTitle', { provider: 'Dropbox' }));
  });
});

test('no warning for a local data folder', async ({ app }) => {
  await app.open('/settings');
  await expect(
    app.page
      .getByRole('region', { name: tr('en', 'settings.data.title'), exact: true })
      .getByRole('alert'),
  ).toHaveCount(0);
});
