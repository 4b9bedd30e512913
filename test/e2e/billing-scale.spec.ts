import { tr } from './support/catalog';
import { expect, test } from './support/fixtures';

const TOTAL = 10_000;
/** Rows on screen plus overscan; far below the number of invoices. */
const MAX_ROWS_IN_DOM = 60;

test('10,000 invoices: the list shows the total, stays virtualised, End reaches the last', async ({
  app,
}) => {
  test.setTimeout(180_000);
  await app.call('profile.update', {
    changes: { invoiceNumberPattern: 'INV-{YYYY}-{SEQ:5}', defaultCurrency: 'EUR' },
  });
  const client = await app.call('clients.create', {
    displayName: 'Acme Logistics',
    defaultCurrency: 'EUR',
  });
  // Through the real services, one contract call at a time; the outer transaction only
  // spares 20,000 fsyncs (each call's own transaction becomes a savepoint inside it).
  app.exec('BEGIN');
  try {
    for (let i = 0; i < TOTAL; i++) {
      const draft = await app.call('invoices.createFromLines', {
        clientId: client.id,
        paymentTermsDays: 30,
        lines: [
          {
            description: `Consulting ${i + 1}`,
            quantity: '1',
            unit: 'day',
            unitPriceMinor: 100_000 + (i % 100) * 100,
            taxRatePercent: '19',
          },
        ],
      });
      await app.call('invoices.issue', { id: draft.id, issueDate: '2026-01-15' });
    }
    app.exec('COMMIT');
  } catch (error) {
    app.exec('ROLLBACK');
    throw error;
  }

  await app.open('/invoices');
  const page = app.page;
  const table = page.getByRole('table', { name: tr('en', 'invoices.tableLabel') });
  const rows = table.getByRole('row');
  await expect(page.getByText(tr('en', 'invoices.count', { count: TOTAL }))).toBeVisible();
  await expect(table).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
  // Newest first: the last number issued is on top.
  const first = table.getByRole('row', { name: /INV-2026-10000/ });
  await expect(first).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);

  // End jumps to the oldest invoice; its page is fetched when the list gets there.
  await first.focus();
  const started = Date.now();
  await page.keyboard.press('End');
  const last = table.getByRole('row', { name: /INV-2026-00001/ });
  await expect(last).toBeFocused({ timeout: 5_000 });
  await expect(last).toBeInViewport();
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(await rows.count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
  await app.screenshot('en-10000-invoices-end');

  // Halfway down by scrolling keeps the DOM just as small.
  await table.evaluate((element) => element.scrollTo({ top: element.scrollHeight / 2 }));
  await expect(table.getByRole('row', { name: /INV-2026-05\d{3}/ }).first()).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
});
