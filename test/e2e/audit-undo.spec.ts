import { formatMoney } from '../../core/money';
import { DebtRegister } from './pages/DebtPages';
import { InvoicePage } from './pages/BillingPages';
import { Shell } from './pages/Shell';
import { tr } from './support/catalog';
import { expect, test } from './support/fixtures';

const t = (key: string, vars: Record<string, string | number> = {}) => tr('en', key, vars);
const eur = (minor: number) => formatMoney({ amountMinor: minor, currency: 'EUR' }, 'en');

test('an invoice’s history: issue, pay, delete and undo, void and undo', async ({ app }) => {
  await app.call('profile.update', {
    changes: { name: 'Dana Weber', businessName: 'Weber Consulting', defaultCurrency: 'EUR' },
  });
  const client = await app.call('clients.create', {
    displayName: 'Acme Logistics',
    defaultCurrency: 'EUR',
  });
  const draft = await app.call('invoices.createFromLines', {
    clientId: client.id,
    lines: [
      { description: 'Review', quantity: '1', unitPriceMinor: 100_000, taxRatePercent: '19' },
    ],
  });
  await app.open(`/invoices/${draft.id}`);
  const inv = new InvoicePage(app.page);
  const shell = new Shell(app.page);
  const history = app.page.getByRole('region', { name: t('audit.title') });
  // A draft is not on the record yet: no History panel.
  await expect(history).toHaveCount(0);

  await inv.issue();
  await expect(inv.number).toHaveText(/^INV-\d{4}-\d+/);
  const number = await inv.number.innerText();
  const entries = history.getByRole('list', { name: t('audit.listLabel') }).getByRole('listitem');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText(t('audit.actions.invoice.issued', { label: number }));
  await expect(entries.first()).toContainText(t('audit.byUser', { name: 'Dana Weber' }));
  await expect(entries.first()).toContainText(eur(119_000)); // amount due

  await inv.pay('500');
  await expect(inv.balance).toHaveText(eur(69_000));
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText(t('audit.actions.payment.recorded'));
  await expect(entries.first()).toContainText(
    t('audit.fromTo', { from: eur(119_000), to: eur(69_000) }),
  );

  // Delete the payment, then Undo from its toast: the same payment is back.
  await app.page.getByRole('button', { name: /^Delete the payment of/ }).click();
  await expect(inv.balance).toHaveText(eur(119_000));
  const deleted = shell.toast(t('invoices.toast.paymentDeleted', { amount: eur(50_000) }));
  await deleted.getByRole('button', { name: t('common.undo') }).click();
  await expect(shell.toast(t('audit.undo.restored'))).toBeVisible();
  await expect(inv.balance).toHaveText(eur(69_000));
  await expect(entries.first()).toContainText(t('audit.actions.payment.restored'));

  // A paid invoice cannot be voided: delete the payment for good, then void.
  await app.page.getByRole('button', { name: /^Delete the payment of/ }).click();
  await expect(inv.balance).toHaveText(eur(119_000));
  await app.page.getByRole('button', { name: t('invoices.void.action') }).click();
  await inv.dialog.getByLabel(t('invoices.void.reason')).fill('Sent to the wrong client');
  await inv.dialog.getByRole('button', { name: t('invoices.void.confirm') }).click();
  await expect(inv.status('void')).toBeVisible();
  await expect(entries.first()).toContainText(t('audit.actions.invoice.voided'));
  await expect(entries.first()).toContainText('Sent to the wrong client');
  await expect(entries.nth(1)).toContainText(t('audit.actions.payment.deleted'));
  await expect(entries).toHaveCount(6);
  await app.screenshot('audit-invoice-history');

  // Undo the void (within minutes): issued again with the same number; both on record.
  const voided = shell.toast(t('invoices.toast.voided', { number }));
  await voided.getByRole('button', { name: t('common.undo') }).click();
  await expect(inv.status('issued')).toBeVisible();
  await expect(inv.number).toHaveText(number);
  await expect(entries.first()).toContainText(t('audit.actions.invoice.void_undone'));
  await expect(entries.nth(1)).toContainText(t('audit.actions.invoice.voided'));
  await expect(entries).toHaveCount(7);
});

test('a deleted debt item comes back with Undo', async ({ app }) => {
  const client = await app.call('clients.create', {
    displayName: 'Nordlicht GmbH',
    defaultCurrency: 'EUR',
    defaultDayRateMinor: 100_000,
  });
  const base = {
    clientId: client.id,
    category: 'process' as const,
    impact: 'high' as const,
    quarterlyCostMinor: { low: 500_000, likely: 800_000, high: 1_500_000 },
    fixDays: { low: 10, likely: 15, high: 25 },
  };
  await app.call('debt.create', { ...base, title: 'Manual releases' });
  await app.call('debt.create', { ...base, title: 'Flaky tests', tags: ['ci'] });
  await app.open(`/clients/${client.id}/debt`);
  const register = new DebtRegister(app.page);
  await expect(register.rows).toHaveCount(2);
  const totalBefore = await register.total('EUR', 'netBenefit').innerText();

  await register
    .row('Flaky tests')
    .getByRole('button', { name: t('debt.actions.menu', { title: 'Flaky tests' }) })
    .click();
  await app.page.getByRole('menuitem', { name: t('debt.actions.delete') }).click();
  await app.page.getByRole('button', { name: t('debt.delete.confirm') }).click();
  await expect(register.rows).toHaveCount(1);

  const shell = new Shell(app.page);
  const toast = shell.toast(t('debt.toast.deleted', { title: 'Flaky tests' }));
  await toast.getByRole('button', { name: t('common.undo') }).click();
  await expect(shell.toast(t('audit.undo.restored'))).toBeVisible();
  await expect(register.rows).toHaveCount(2);
  await expect(register.row('Flaky tests')).toBeVisible();
  await expect(register.total('EUR', 'netBenefit')).toHaveText(totalBefore);
  const back = await app.call('debt.list', { clientId: client.id, search: 'Flaky' });
  expect(back.items.map((i) => [i.title, i.tags])).toEqual([['Flaky tests', ['ci']]]);
  await app.screenshot('audit-debt-undo', { fullPage: false });
});

test('an engagement’s history (dark theme), and a deleted engagement back with Undo', async ({
  app,
}) => {
  await app.page.emulateMedia({ colorScheme: 'dark' });
  const client = await app.call('clients.create', { displayName: 'Acme', defaultCurrency: 'EUR' });
  const engagement = await app.call('engagements.create', {
    clientId: client.id,
    title: 'Platform modernisation',
    stage: 'won',
    contractValueMinor: 10_000_000,
  });
  const schedule = await app.call('milestones.setSchedule', {
    engagementId: engagement.id,
    milestones: [
      { name: 'Architecture review', share: { percent: '40' } },
      { name: 'Delivery', share: { percent: '60' } },
    ],
  });
  await app.call('milestones.accept', {
    id: schedule.milestones[0]!.id,
    date: '2026-11-20',
    by: 'Maria Lopez',
  });
  await app.call('engagements.setStage', { id: engagement.id, stage: 'active' });
  await app.call('engagements.update', {
    id: engagement.id,
    changes: { contractValueMinor: 12_000_000 },
  });
  await app.call('documents.terms.update', {
    engagementId: engagement.id,
    liabilityCapPercent: '150',
  });

  await app.open(`/engagements/${engagement.id}`);
  const history = app.page.getByRole('region', { name: t('audit.title') });
  const entries = history.getByRole('list', { name: t('audit.listLabel') }).getByRole('listitem');
  await expect(entries).toHaveCount(4);
  await expect(entries.nth(0)).toContainText(t('audit.actions.contract.terms_updated'));
  await expect(entries.nth(0)).toContainText(t('audit.fromTo', { from: '100%', to: '150%' }));
  await expect(entries.nth(1)).toContainText(t('audit.actions.engagement.updated'));
  await expect(entries.nth(1)).toContainText(
    t('audit.fromTo', { from: eur(10_000_000), to: eur(12_000_000) }),
  );
  await expect(entries.nth(2)).toContainText(
    t('audit.fromTo', { from: t('engagements.stage.won'), to: t('engagements.stage.active') }),
  );
  await expect(entries.nth(3)).toContainText(
    t('audit.actions.milestone.accepted', { label: 'Architecture review' }),
  );
  await expect(entries.nth(3)).toContainText('Maria Lopez');
  await history.scrollIntoViewIfNeeded();
  await app.screenshot('audit-engagement-history-dark', { fullPage: false });

  // Delete it (milestones, terms and all), then Undo: the same engagement opens again.
  await app.page.getByRole('button', { name: t('engagements.delete.action') }).click();
  await app.page.getByRole('button', { name: t('engagements.delete.confirm') }).click();
  await expect(app.page).toHaveURL(/#\/engagements$/);
  const shell = new Shell(app.page);
  await shell
    .toast(t('engagements.toast.deleted', { title: 'Platform modernisation' }))
    .getByRole('button', { name: t('common.undo') })
    .click();
  await expect(app.page).toHaveURL(new RegExp(`#/engagements/${engagement.id}$`));
  await expect(entries).toHaveCount(4);
  const back = await app.call('milestones.get', { engagementId: engagement.id });
  expect(back.milestones.map((m) => [m.name, m.amountMinor, m.status])).toEqual([
    ['Architecture review', 4_800_000, 'accepted'],
    ['Delivery', 7_200_000, 'planned'],
  ]);
  const terms = await app.call('documents.terms.get', { engagementId: engagement.id });
  expect(terms.liabilityCapPercent).toBe('150');
});
