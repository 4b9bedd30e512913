import { ClientForm } from './pages/ClientForm';
import { ClientsPage } from './pages/ClientsPage';
import { Shell } from './pages/Shell';
import { expect, test } from './support/fixtures';

const ACME = {
  displayName: 'Acme Robotics',
  legalName: 'Acme Robotics GmbH',
  contactPerson: 'Jana Novak',
  email: 'jana@acme.example',
  phone: '+49 30 1234567',
  address: 'Torstraße 1\n10119 Berlin\nGermany',
  taxId: 'DE123456789',
  defaultCurrency: 'EUR',
  defaultDayRate: '1,200.50',
  paymentTermsDays: '14',
  notes: 'Prefers invoices as PDF, in English.',
};

test('empty state leads to creating the first client', async ({ app }) => {
  await app.open();
  const clients = new ClientsPage(app.page);
  await expect(app.page.getByText(clients.t('clients.empty.title'))).toBeVisible();
  await app.screenshot('en-empty-state');

  await app.page.getByRole('link', { name: clients.t('clients.empty.action') }).click();
  const form = new ClientForm(app.page);
  await expect(form.dialog).toBeVisible();
  await expect(form.field('displayName')).toBeFocused();
  await form.fill(ACME);
  await form.field('displayName').scrollIntoViewIfNeeded();
  await app.screenshot('en-client-form');
  await form.save();

  await expect(new Shell(app.page).toast('Acme Robotics was added to your clients.')).toBeVisible();
  const row = clients.row('Acme Robotics');
  await expect(row).toContainText('Acme Robotics GmbH');
  await expect(row).toContainText('jana@acme.example');
  await expect(row).toContainText('€1,200.50');
  await expect(row).toContainText('14 days');
  await expect(clients.count(1)).toBeVisible();

  // What reached the data file: money in exact minor units, text as typed.
  const { items } = await app.call('clients.list', {});
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({
    displayName: 'Acme Robotics',
    legalName: 'Acme Robotics GmbH',
    email: 'jana@acme.example',
    address: 'Torstraße 1\n10119 Berlin\nGermany',
    defaultCurrency: 'EUR',
    defaultDayRateMinor: 120050,
    paymentTermsDays: 14,
    documentLanguage: 'en',
    archived: false,
  });
  await app.screenshot('en-client-list');
});

test('edit a client', async ({ app }) => {
  const globex = await app.call('clients.create', {
    displayName: 'Globex',
    defaultCurrency: 'USD',
    defaultDayRateMinor: 100_000,
  });
  await app.call('clients.create', { displayName: 'Initech', defaultCurrency: 'GBP' });
  await app.open();
  const clients = new ClientsPage(app.page);
  await clients.row('Globex').click();

  const form = new ClientForm(app.page, 'en', 'edit');
  await expect(form.dialog).toContainText('Globex');
  await expect(form.field('defaultDayRate')).toHaveValue('1,000.00');
  await form.fill({
    legalName: 'Globex Corporation',
    defaultDayRate: '1200.5',
    paymentTermsDays: '45',
  });
  await app.screenshot('en-client-edit');
  await form.save();

  await expect(new Shell(app.page).toast('Changes to Globex were saved.')).toBeVisible();
  const row = clients.row('Globex');
  await expect(row).toContainText('Globex Corporation');
  await expect(row).toContainText('$1,200.50');
  await expect(row).toContainText('45 days');
  const stored = await app.call('clients.get', { id: globex.id });
  expect(stored).toMatchObject({ legalName: 'Globex Corporation', defaultDayRateMinor: 120050 });
});

test('search, no results, clear, and sort by column', async ({ app }) => {
  for (const [displayName, contactPerson, email] of [
    ['Acme Robotics', 'Jana Novak', 'jana@acme.example'],
    ['Globex', 'Hank Scorpio', 'hank@globex.example'],
    ['Initech', 'Bill Lumbergh', 'bill@initech.example'],
    ['Umbrella Health', 'Alice Abernathy', ''],
  ] as const) {
    await app.call('clients.create', { displayName, contactPerson, email, defaultCurrency: 'EUR' });
  }
  await app.open();
  const clients = new ClientsPage(app.page);
  await expect(clients.count(4)).toBeVisible();

  await clients.searchFor('acme');
  await clients.expectRows(['Acme Robotics']);
  await clients.searchFor('lumbergh');
  await clients.expectRows(['Initech']);

  await clients.searchFor('no such client');
  await expect(app.page.getByText(clients.t('clients.noResults.title'))).toBeVisible();
  await app.screenshot('en-search-no-results');
  // The empty state's own button clears the search.
  await app.page
    .getByRole('button', { name: clients.t('clients.search.clear') })
    .last()
    .click();
  await expect(clients.search).toHaveValue('');
  await expect(clients.search).toBeFocused();
  await expect(clients.rows).toHaveCount(4);

  const nameHeader = clients.table.getByRole('columnheader', {
    name: clients.t('clients.columns.name'),
  });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(clients.rows.first()).toContainText('Acme Robotics');
  await clients.sortBy('name');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(clients.rows.first()).toContainText('Umbrella Health');
});

test('archive offers undo; archived clients are restored from the Archived filter', async ({
  app,
}) => {
  await app.call('clients.create', { displayName: 'Acme Robotics', defaultCurrency: 'EUR' });
  await app.call('clients.create', { displayName: 'Globex', defaultCurrency: 'USD' });
  await app.open();
  const clients = new ClientsPage(app.page);
  const shell = new Shell(app.page);

  await clients.rowAction('Globex', 'archive');
  const toast = shell.toast('Globex was archived.');
  await expect(toast).toBeVisible();
  await expect(clients.row('Globex')).toHaveCount(0);
  await app.screenshot('en-archive-undo-toast');
  await toast.getByRole('button', { name: clients.t('common.undo') }).click();
  await expect(shell.toast('Globex was restored.')).toBeVisible();
  await expect(clients.row('Globex')).toBeVisible();

  await clients.rowAction('Globex', 'archive');
  await expect(clients.row('Globex')).toHaveCount(0);
  await clients.showArchived('archived');
  await clients.expectRows(['Globex']);
  await expect(clients.row('Globex')).toContainText(clients.t('clients.archivedBadge'));
  await clients.rowAction('Globex', 'restore');
  await expect(shell.toast('Globex was restored.').last()).toBeVisible();
  await expect(app.page.getByText(clients.t('clients.emptyArchived.title'))).toBeVisible();
  await clients.showArchived('active');
  await clients.expectRows(['Acme Robotics', 'Globex']);
  expect((await app.call('clients.list', { archived: 'archived' })).total).toBe(0);
});

test('delete confirms by name; a client other records depend on is refused', async ({ app }) => {
  await app.call('clients.create', { displayName: 'Acme Robotics', defaultCurrency: 'EUR' });
  const busy = await app.call('clients.create', { displayName: 'Globex', defaultCurrency: 'USD' });
  // Later features add tables that point at clients; one such row must block deletion.
  app.exec(
    'CREATE TABLE e2e_engagements (id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id))',
  );
  app.exec('INSERT INTO e2e_engagements (id, client_id) VALUES (?, ?)', 'e1', busy.id);
  await app.open();
  const clients = new ClientsPage(app.page);
  const shell = new Shell(app.page);

  await clients.rowAction('Acme Robotics', 'delete');
  const dialog = app.page.getByRole('dialog', { name: clients.t('clients.delete.title') });
  await expect(dialog).toContainText('Acme Robotics');
  await app.screenshot('en-delete-confirm');
  await dialog.getByRole('button', { name: clients.t('common.cancel') }).click();
  await expect(dialog).toBeHidden();
  await expect(clients.row('Acme Robotics')).toBeVisible();

  await clients.deleteClient('Acme Robotics');
  await expect(shell.toast('Acme Robotics was deleted.')).toBeVisible();
  await expect(clients.row('Acme Robotics')).toHaveCount(0);

  await clients.deleteClient('Globex');
  await expect(
    shell.toast(clients.t('errors.clientHasDependents', { name: 'Globex', count: 1 })),
  ).toBeVisible();
  await expect(clients.row('Globex')).toBeVisible();
  expect((await app.call('clients.list', { archived: 'all' })).total).toBe(1);
});

test('bad input shows field errors from the schema and saves nothing', async ({ app }) => {
  await app.open('/clients/new');
  const form = new ClientForm(app.page);
  await expect(form.dialog).toBeVisible();
  await form.fill({ email: 'not-an-email', defaultDayRate: '12.345' });
  const currency = form.field('defaultCurrency');
  await form.clearCurrency();
  await currency.fill('XYZ');
  await expect(app.page.getByText(form.t('clients.currency.nothingFound'))).toBeVisible();
  await currency.press('Escape');
  await expect(form.dialog).toBeVisible();
  await form.submit.click();

  await form.expectError('displayName', form.t('validation.required', { field: 'Display name' }));
  await form.expectError('email', form.t('validation.invalidEmail'));
  await form.expectError('defaultCurrency', form.t('validation.unknownCurrency'));
  await expect(form.field('displayName')).toBeFocused();
  await app.screenshot('en-form-errors');
  expect((await app.call('clients.list', { archived: 'all' })).total).toBe(0);

  // Fixing every field clears every error and saves.
  await form.fill({
    displayName: 'Acme Robotics',
    email: 'jana@acme.example',
    defaultCurrency: 'JPY',
  });
  await form.fill({ defaultDayRate: '120,000' });
  await form.save();
  const { items } = await app.call('clients.list', {});
  expect(items[0]).toMatchObject({ defaultCurrency: 'JPY', defaultDayRateMinor: 120000 });
});

test('too many decimals for the currency is a translated field error', async ({ app }) => {
  await app.open('/clients/new');
  const form = new ClientForm(app.page);
  await form.fill({
    displayName: 'Yamada Shoji',
    defaultCurrency: 'JPY',
    defaultDayRate: '1000.5',
  });
  await form.submit.click();
  await form.expectError(
    'defaultDayRate',
    form.t('validation.tooManyDecimals', { currency: 'JPY', count: 0 }),
  );
  expect((await app.call('clients.list', { archived: 'all' })).total).toBe(0);
});

test('a client name with markup is shown as text, never run', async ({ app }) => {
  const name = '<img src=x onerror=alert(1)>';
  await app.call('clients.create', {
    displayName: name,
    legalName: '<b>bold</b>',
    defaultCurrency: 'EUR',
  });
  await app.open();
  const clients = new ClientsPage(app.page);
  await expect(clients.row(name)).toBeVisible();
  await expect(clients.row(name)).toContainText('<b>bold</b>');

  // Everywhere the name is echoed: the editor's title, the toasts, the delete dialog.
  await clients.row(name).click();
  const form = new ClientForm(app.page, 'en', 'edit');
  await expect(form.dialog).toContainText(name);
  await form.dialog.getByRole('button', { name: form.t('common.cancel') }).click();
  await clients.rowAction(name, 'archive');
  await expect(new Shell(app.page).toast(`${name} was archived.`)).toBeVisible();
  await clients.showArchived('all');
  await clients.rowAction(name, 'delete');
  await expect(app.page.getByRole('dialog')).toContainText(name);
  await app.screenshot('en-markup-name');

  await expect(app.page.locator('img[src="x"], b')).toHaveCount(0);
  expect(app.problems.filter((p) => p.startsWith('dialog'))).toEqual([]);
});

test('when the services cannot be reached the list says so and retries', async ({ app }) => {
  await app.call('clients.create', { displayName: 'Acme Robotics', defaultCurrency: 'EUR' });
  app.setUnreachable(true);
  await app.open();
  const clients = new ClientsPage(app.page);
  await expect(app.page.getByText(clients.t('clients.loadError.title'))).toBeVisible();
  await expect(app.page.getByText(clients.t('errors.unavailable'))).toBeVisible();
  await app.screenshot('en-load-error');

  app.setUnreachable(false);
  await app.page.getByRole('button', { name: clients.t('common.retry') }).click();
  await expect(clients.row('Acme Robotics')).toBeVisible();
});
