import { ClientForm } from './pages/ClientForm';
import { ClientsPage } from './pages/ClientsPage';
import { SettingsPage } from './pages/SettingsPage';
import { Shell } from './pages/Shell';
import { expect, test, type AppHarness } from './support/fixtures';
import { tr } from './support/catalog';

/** Opens Settings, switches to 简体中文 and comes back to the client list. */
async function switchToChinese(app: AppHarness) {
  await app.open('/settings');
  await new SettingsPage(app.page).setLanguage('zh-CN');
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await new Shell(app.page, 'zh-CN').goToClients();
  return new ClientsPage(app.page, 'zh-CN');
}

test('Chinese: switch language live, then create and edit a client', async ({ app }) => {
  await app.call('clients.create', {
    displayName: '上海云启信息技术',
    legalName: '上海云启信息技术有限公司',
    contactPerson: '李娜',
    email: 'li.na@yunqi.example',
    defaultCurrency: 'CNY',
    defaultDayRateMinor: 650_000,
    paymentTermsDays: 45,
    documentLanguage: 'zh-CN',
  });
  await app.call('clients.create', {
    displayName: 'Nordlicht Consulting',
    legalName: 'Nordlicht Consulting GmbH',
    contactPerson: 'Jonas Weber',
    email: 'jonas@nordlicht.example',
    defaultCurrency: 'EUR',
    defaultDayRateMinor: 110_000,
  });
  const clients = await switchToChinese(app);
  const shell = new Shell(app.page, 'zh-CN');
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('客户');
  await expect(clients.newClient).toHaveText('新建客户');

  // Create, with the Chinese labels.
  await clients.newClient.click();
  const form = new ClientForm(app.page, 'zh-CN');
  await expect(form.dialog).toBeVisible();
  await form.fill({
    displayName: '华夏智能科技',
    legalName: '北京华夏智能科技有限公司',
    contactPerson: '王伟',
    email: 'wang.wei@huaxia.example',
    phone: '+86 10 8888 6666',
    address: '北京市海淀区中关村大街 1 号\n100080',
    taxId: '91110108MA01ABCD2X',
    defaultCurrency: 'CNY',
    defaultDayRate: '8,800',
    paymentTermsDays: '30',
    documentLanguage: 'zh-CN',
    notes: '每月底开具发票，抬头用公司全称。',
  });
  await expect(form.field('defaultCurrency')).toHaveValue('CNY — 人民币');
  await form.field('displayName').scrollIntoViewIfNeeded();
  await app.screenshot('zh-client-form');
  await form.save();
  await expect(shell.toast('已添加客户 华夏智能科技。')).toBeVisible();
  const row = clients.row('华夏智能科技');
  await expect(row).toContainText('¥8,800.00');
  await expect(row).toContainText('30 天');
  await expect(clients.count(3)).toHaveText('3 位客户');
  await app.screenshot('zh-client-list');

  // Edit.
  await row.click();
  const edit = new ClientForm(app.page, 'zh-CN', 'edit');
  await expect(edit.dialog).toContainText('华夏智能科技');
  await edit.fill({ defaultDayRate: '9500.5', paymentTermsDays: '60' });
  await app.screenshot('zh-client-edit');
  await edit.save();
  await expect(shell.toast('已保存对 华夏智能科技 的更改。')).toBeVisible();
  await expect(row).toContainText('¥9,500.50');
  await expect(row).toContainText('60 天');
});

test('Chinese: search, archive with undo, restore and delete', async ({ app }) => {
  await app.call('clients.create', {
    displayName: '华夏智能科技',
    legalName: '北京华夏智能科技有限公司',
    defaultCurrency: 'CNY',
    documentLanguage: 'zh-CN',
  });
  await app.call('clients.create', { displayName: '上海云启信息技术', defaultCurrency: 'CNY' });
  await app.call('clients.create', { displayName: 'Nordlicht Consulting', defaultCurrency: 'EUR' });
  const clients = await switchToChinese(app);
  const shell = new Shell(app.page, 'zh-CN');

  // Search.
  await clients.searchFor('华夏');
  await clients.expectRows(['华夏智能科技']);
  await clients.searchFor('不存在的客户');
  await expect(app.page.getByText('没有匹配的客户')).toBeVisible();
  await clients.clearSearch();
  await expect(clients.rows).toHaveCount(3);

  // Archive with undo, archive again, restore from the archived list.
  await clients.rowAction('华夏智能科技', 'archive');
  const toast = shell.toast('已归档 华夏智能科技。');
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: '撤销' }).click();
  await expect(clients.row('华夏智能科技')).toBeVisible();
  await clients.rowAction('华夏智能科技', 'archive');
  await expect(clients.row('华夏智能科技')).toHaveCount(0);
  await clients.showArchived('archived');
  await expect(clients.row('华夏智能科技')).toContainText('已归档');
  await clients.rowAction('华夏智能科技', 'restore');
  await expect(clients.row('华夏智能科技')).toHaveCount(0);
  await clients.showArchived('active');

  // Delete.
  await clients.rowAction('华夏智能科技', 'delete');
  const dialog = app.page.getByRole('dialog', { name: '删除客户' });
  await expect(dialog).toContainText('华夏智能科技');
  await app.screenshot('zh-delete-confirm');
  await dialog.getByRole('button', { name: '删除客户' }).click();
  await expect(shell.toast('已删除 华夏智能科技。')).toBeVisible();
  await clients.expectRows(['上海云启信息技术', 'Nordlicht Consulting']);
});

test('Chinese: bad input shows Chinese field errors and saves nothing', async ({ app }) => {
  const clients = await switchToChinese(app);
  await clients.newClient.click();
  const form = new ClientForm(app.page, 'zh-CN');
  await form.fill({ email: 'wang@', defaultDayRate: '八千' });
  await form.clearCurrency();
  await form.submit.click();

  await form.expectError('displayName', '请填写显示名称。');
  await form.expectError('email', tr('zh-CN', 'validation.invalidEmail'));
  await form.expectError('defaultCurrency', '请从列表中选择一种货币。');
  await app.screenshot('zh-form-errors');
  expect((await app.call('clients.list', { archived: 'all' })).total).toBe(0);

  // A wrong amount once the currency is known.
  await form.chooseCurrency('CNY');
  await form.submit.click();
  await form.expectError(
    'defaultDayRate',
    tr('zh-CN', 'validation.invalidAmount', { example: '1,200.50' }),
  );
  expect((await app.call('clients.list', { archived: 'all' })).total).toBe(0);
});
