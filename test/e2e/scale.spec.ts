import { ClientsPage } from './pages/ClientsPage';
import { expect, test } from './support/fixtures';

const TOTAL = 10_000;
/** Rows on screen plus overscan; far below the number of clients. */
const MAX_ROWS_IN_DOM = 60;

test('10,000 clients: the list stays virtualised from the first row to the last', async ({
  app,
}) => {
  app.seedClients(TOTAL, (i) => ({
    legalName: `Client ${String(i + 1).padStart(5, '0')} Ltd`,
    contactPerson: `Contact ${i + 1}`,
    email: `contact${i + 1}@example.com`,
    defaultCurrency: ['EUR', 'USD', 'GBP', 'CNY', 'JPY'][i % 5]!,
    defaultDayRateMinor: i % 5 === 4 ? 150_000 : 95_000 + (i % 50) * 1_000,
  }));
  await app.open();
  const clients = new ClientsPage(app.page);
  await expect(clients.count(TOTAL)).toBeVisible();
  await expect(clients.table).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
  await expect(clients.row('Client 00001')).toBeVisible();
  expect(await clients.rows.count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);

  // End jumps to the last client; pages load as the list gets there.
  await clients.row('Client 00001').focus();
  await app.page.keyboard.press('End');
  const last = clients.row('Client 10000');
  await expect(last).toBeFocused({ timeout: 15_000 });
  await expect(last).toBeInViewport();
  expect(await clients.rows.count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
  await app.screenshot('en-10000-clients-end');

  // Scrolling back up by hand keeps the DOM just as small.
  await clients.table.evaluate((element) => element.scrollTo({ top: element.scrollHeight / 2 }));
  await expect(clients.row('Client 05000')).toBeVisible();
  expect(await clients.rows.count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);

  // Search still answers over the whole set.
  await clients.searchFor('client 09999');
  await clients.expectRows(['Client 09999']);
});
