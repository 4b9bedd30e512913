import type { AppHarness } from './support/fixtures';
import { formatMoney } from '../../core/money';
import { EngagementPage, InvoicePage } from './pages/BillingPages';
import { SettingsPage } from './pages/SettingsPage';
import { tr, type Language } from './support/catalog';
import { expect, test } from './support/fixtures';

async function seed(app: AppHarness, currency = 'EUR') {
  await app.call('profile.update', {
    changes: {
      name: 'Dana Weber',
      businessName: 'Weber Architecture Consulting',
      address: 'Torstraße 1\n10119 Berlin',
      taxId: 'DE123456789',
      bankDetails: 'IBAN DE02 1203 0000 0000 2020 51',
      defaultCurrency: currency,
      defaultTaxRatePercent: '19',
    },
  });
  const client = await app.call('clients.create', {
    displayName: 'Acme Logistics',
    legalName: 'Acme Logistics GmbH',
    address: 'Hafenstraße 9, Hamburg',
    defaultCurrency: currency,
    defaultDayRateMinor: 100_000,
  });
  const engagement = await app.call('engagements.create', {
    clientId: client.id,
    title: 'Platform modernisation',
    stage: 'active',
    contractValueMinor: 10_000_000,
  });
  return { client, engagement };
}

/** A screenshot from the top of the page, without the toasts covering the content. */
async function shot(app: AppHarness, name: string) {
  await app.page.evaluate('window.scrollTo(0, 0)');
  await app.page.addStyleTag({
    content: '.mantine-Notifications-root { display: none !important; }',
  });
  await app.screenshot(name);
  await app.page.evaluate(
    "document.querySelectorAll('style').forEach((s) => s.textContent.includes('mantine-Notifications-root { display: none') && s.remove())",
  );
}

const TEMPLATE = { en: /15\/30\/45\/10/, 'zh-CN': /15\/30\/45\/10/ };
const FIRST = { en: 'Architecture review', 'zh-CN': '架构评审' };

async function fullFlow(app: AppHarness, language: Language) {
  const t = (key: string, vars: Record<string, string | number> = {}) => tr(language, key, vars);
  const { engagement } = await seed(app);
  await app.open(`/engagements/${engagement.id}`);
  const eng = new EngagementPage(app.page, language);
  await eng.startSchedule();
  await eng.applyTemplate(TEMPLATE[language]);
  // Live amounts from core/billing allocate: 15/30/45/10 of €100,000.
  await expect(eng.amount(1)).toContainText('15,000.00');
  await expect(eng.amount(3)).toContainText('45,000.00');
  await eng.saveSchedule();
  await expect(eng.milestones).toBeVisible();
  await expect(eng.milestones.getByRole('row')).toHaveCount(5);
  await eng.accept(FIRST[language], 'CTO Maria Lopez');
  await shot(app, language === 'en' ? 'en-engagement-schedule' : 'zh-engagement-schedule');
  await eng.invoice(FIRST[language]);

  const inv = new InvoicePage(app.page, language);
  const eur = (minor: number) => formatMoney({ amountMinor: minor, currency: 'EUR' }, language);
  await expect(inv.document).toBeVisible();
  await expect(inv.number).toHaveText(t('invoices.draftNumber'));
  await inv.issue();
  await expect(inv.number).toHaveText(/^INV-\d{4}-\d+/);
  // 15 % of €100,000 + 19 % tax = €17,850.00.
  await expect(inv.balance).toHaveText(eur(1_785_000));
  await inv.pay('10,000');
  await expect(inv.balance).toHaveText(eur(785_000));
  await expect(app.page.getByRole('heading', { level: 2 }).locator('..')).toContainText(
    t('invoices.status.partly_paid'),
  );
  await inv.pay(null);
  await expect(inv.balance).toHaveText(eur(0));
  await inv.credit('500', language === 'en' ? 'Goodwill for a late report' : '报告延期的补偿');
  await expect(app.page.getByRole('table', { name: t('invoices.creditNotesTitle') })).toContainText(
    /CN-/,
  );
  await shot(app, language === 'en' ? 'en-invoice-detail' : 'zh-invoice-detail');
}

test('engagement with 15/30/45/10 schedule → accept → invoice → issue → pay twice → credit note', async ({
  app,
}) => {
  await fullFlow(app, 'en');
  await app.open('/invoices');
  await expect(
    app.page.getByRole('table', { name: tr('en', 'invoices.tableLabel') }),
  ).toBeVisible();
  await shot(app, 'en-invoice-list');
});

function isoDaysFromToday(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test('receivables: aging per currency, reminders with interest, expected cash-in chart', async ({
  app,
}) => {
  const { client, engagement } = await seed(app);
  await app.call('profile.update', { changes: { lateInterestAnnualRate: '0.08' } });
  await app.call('milestones.setSchedule', {
    engagementId: engagement.id,
    milestones: [
      { name: 'Review', share: { percent: '40' }, plannedDate: isoDaysFromToday(20) },
      { name: 'Delivery', share: { percent: '60' }, plannedDate: isoDaysFromToday(80) },
    ],
  });
  const usd = await app.call('clients.create', {
    displayName: 'Globex Inc',
    defaultCurrency: 'USD',
  });
  for (const [clientId, days, price] of [
    [client.id, -75, 480_000],
    [usd.id, -40, 250_000],
    [usd.id, 0, 120_000],
  ] as const) {
    const draft = await app.call('invoices.createFromLines', {
      clientId,
      paymentTermsDays: 14,
      lines: [
        {
          description: 'Consulting',
          quantity: '2',
          unit: 'day',
          unitPriceMinor: price,
          taxRatePercent: '0',
        },
      ],
    });
    await app.call('invoices.issue', { id: draft.id, issueDate: isoDaysFromToday(days) });
  }
  await app.open('/receivables');
  const aging = app.page.getByRole('table', { name: tr('en', 'receivables.aging') });
  await expect(aging.getByRole('row')).toHaveCount(3);
  await expect(aging).toContainText('€9,600.00');
  await expect(aging).toContainText('$7,400.00');
  const reminders = app.page.getByRole('table', { name: tr('en', 'receivables.reminders') });
  await expect(reminders.getByRole('row')).toHaveCount(3);
  await expect(reminders).toContainText('61');
  await expect(app.page.getByRole('figure')).toHaveCount(2);
  await shot(app, 'en-receivables');

  // The invoice list with its overdue filter.
  await app.open('/invoices');
  await app.page
    .getByRole('radiogroup', { name: tr('en', 'invoices.filterStatus') })
    .getByText(tr('en', 'invoices.status.overdue'), { exact: true })
    .click();
  await expect(app.page.getByText(tr('en', 'invoices.count', { count: 2 }))).toBeVisible();
});

test('the same flow in the Chinese UI', async ({ app }) => {
  await app.open('/settings');
  await new SettingsPage(app.page).setLanguage('zh-CN');
  await fullFlow(app, 'zh-CN');
});

test('bad input: 99 % is refused with a translated error and nothing is saved; overpayment refused', async ({
  app,
}) => {
  const { engagement } = await seed(app);
  await app.open(`/engagements/${engagement.id}`);
  const eng = new EngagementPage(app.page, 'en');
  await eng.startSchedule();
  await eng.applyTemplate(TEMPLATE.en);
  await eng.percent(4).fill('9');
  await expect(eng.percentTotal).toHaveText(tr('en', 'milestones.percentOf100', { total: '99' }));
  await eng.saveSchedule();
  await expect(app.page.getByRole('alert')).toHaveText(
    tr('en', 'milestones.errors.notHundred', { total: '99' }),
  );
  const schedule = await app.call('milestones.get', { engagementId: engagement.id });
  expect(schedule.milestones).toHaveLength(0);

  // Fixed: save, accept, invoice, issue; then pay more than is due.
  await eng.percent(4).fill('10');
  await eng.saveSchedule();
  await eng.accept('Architecture review', 'CTO');
  await eng.invoice('Architecture review');
  const inv = new InvoicePage(app.page, 'en');
  await inv.issue();
  await inv.pay('20,000', { expectClosed: false });
  await expect(inv.dialog.getByRole('alert')).toHaveText(
    tr('en', 'billingErrors.PAYMENT_EXCEEDS_BALANCE', {
      amountMinor: '€20,000.00',
      balanceMinor: '€17,850.00',
    }),
  );
  await inv.dialog.getByRole('button', { name: tr('en', 'common.cancel') }).click();
  await expect(inv.balance).toHaveText('€17,850.00');
});

test('profile settings: live number example, logo limit shown, saved', async ({ app }) => {
  await app.open('/settings');
  const form = app.page.getByRole('form', { name: tr('en', 'profile.title') });
  await form
    .getByRole('textbox', { name: tr('en', 'profile.fields.businessName') })
    .fill('Weber Consulting');
  const pattern = form.getByRole('textbox', { name: tr('en', 'profile.fields.invoicePattern') });
  await pattern.fill('RE-{YY}-{SEQ:3}');
  await expect(form).toContainText(/RE-\d{2}-007/);
  await pattern.fill('RE-{YY}');
  await expect(form).toContainText(tr('en', 'profile.patternErrors.MISSING_SEQ'));
  await pattern.fill('RE-{YYYY}-{SEQ:4}');
  await expect(form).toContainText(tr('en', 'profile.logo.hint', { max: 512 }));
  await shot(app, 'en-profile-settings');
  await form.getByRole('button', { name: tr('en', 'profile.save') }).click();
  await expect(app.page.getByText(tr('en', 'profile.saved'))).toBeVisible();
  const profile = await app.call('profile.get', {});
  expect(profile.businessName).toBe('Weber Consulting');
  expect(profile.invoiceNumberPattern).toBe('RE-{YYYY}-{SEQ:4}');
});
