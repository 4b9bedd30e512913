import { ClientForm } from './pages/ClientForm';
import { ClientsPage } from './pages/ClientsPage';
import { expect, test } from './support/fixtures';

test('a client survives restarting the services on the same data folder', async ({ app }) => {
  await app.open('/clients/new');
  const form = new ClientForm(app.page);
  await form.fill({
    displayName: 'Stark Industries',
    legalName: 'Stark Industries, Inc.',
    defaultCurrency: 'USD',
    defaultDayRate: '2,500',
  });
  await form.save();
  const clients = new ClientsPage(app.page);
  await expect(clients.row('Stark Industries')).toBeVisible();

  // The app quits and starts again: new services process, same file, fresh page.
  await app.restartServices();
  await app.page.reload();
  await expect(clients.row('Stark Industries')).toContainText('$2,500.00');
  await expect(clients.row('Stark Industries')).toContainText('Stark Industries, Inc.');
  expect((await app.call('clients.list', {})).items).toHaveLength(1);
  await app.screenshot('en-after-restart');
});
