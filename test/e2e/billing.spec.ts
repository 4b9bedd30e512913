import type { AppHarness } from './support/fixtures';
import { formatMoney } from '../../core/money';
import { EngagementPage, InvoiceEditor, InvoicePage } from './pages/BillingPages';
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

test('an invoice by hand: supply date, notes, payment instructions, % and fixed discounts; leaving unsaved asks', async ({
  app,
}) => {
  const { engagement } = await seed(app);
  await app.open(`/invoices/new?engagement=${engagement.id}`);
  const editor = new InvoiceEditor(app.page);
  await expect(editor.form).toBeVisible();
  await editor.fillLine(1, {
    description: 'Architecture workshop',
    quantity: '2',
    unit: 'day',
    price: '1,000',
    discount: { percent: '10' },
    taxRate: '19',
  });
  await editor.fillLine(2, {
    description: 'Travel',
    quantity: '1',
    price: '500',
    discount: { amount: '50' },
    taxRate: '19',
  });
  await editor.field('invoices.fields.supplyDate').fill('2026-03-31');
  await editor.field('invoices.fields.notes').fill('Thank you for the workshop.');
  await editor.field('invoices.fields.paymentInstructions').fill('Reference INV number please.');
  // Live totals: (2,000 − 10 %) + (500 − 50) = 2,250 net + 19 % = 2,677.50.
  await expect(editor.totals.getByTestId('editor-discounts')).toHaveText('−€250.00');
  await expect(editor.totals.getByTestId('editor-total')).toHaveText('€2,677.50');
  await shot(app, 'en-invoice-editor');

  // Leaving with unsaved changes asks first; "Keep editing" stays.
  await app.page
    .getByRole('navigation')
    .getByRole('link', { name: tr('en', 'nav.invoices') })
    .click();
  await expect(editor.discardDialog).toBeVisible();
  await editor.discardDialog
    .getByRole('button', { name: tr('en', 'clients.discard.keep') })
    .click();
  await expect(editor.discardDialog).toBeHidden();
  await expect(editor.totals.getByTestId('editor-total')).toHaveText('€2,677.50');

  await editor.saveDraft();
  const inv = new InvoicePage(app.page);
  await expect(inv.document).toBeVisible();
  await expect(editor.discardDialog).toBeHidden();
  await expect(inv.document).toContainText(
    `${tr('en', 'invoices.fields.supplyDate')}: Mar 31, 2026`,
  );
  await expect(inv.document).toContainText('Thank you for the workshop.');
  await expect(inv.document).toContainText('Reference INV number please.');
  const lines = inv.document.getByRole('table', { name: tr('en', 'invoices.linesLabel') });
  await expect(lines.getByRole('row', { name: /Architecture workshop/ })).toContainText('−€200.00');
  await expect(lines.getByRole('row', { name: /Travel/ })).toContainText('−€50.00');
  await expect(app.page.getByTestId('invoice-total')).toHaveText('€2,677.50');
  const saved = await app.call('invoices.list', {});
  const full = await app.call('invoices.get', { id: saved.items[0]!.id });
  expect(full.lines.map((l) => l.discount)).toEqual([{ percent: '10' }, { amountMinor: 5000 }]);
  expect(full.supplyDate).toBe('2026-03-31');
});

test('invoice detail: delete a payment and undo; credit note by lines listed with its source', async ({
  app,
}) => {
  const { client } = await seed(app);
  const draft = await app.call('invoices.createFromLines', {
    clientId: client.id,
    lines: [
      {
        description: 'Workshop',
        quantity: '2',
        unit: 'day',
        unitPriceMinor: 100_000,
        taxRatePercent: '19',
      },
      { description: 'Report', quantity: '1', unitPriceMinor: 50_000, taxRatePercent: '19' },
    ],
  });
  const issued = await app.call('invoices.issue', { id: draft.id });
  await app.call('payments.record', {
    invoiceId: issued.id,
    date: isoDaysFromToday(0),
    amountMinor: 100_000,
    reference: 'TX-1',
  });
  await app.open(`/invoices/${issued.id}`);
  const inv = new InvoicePage(app.page);
  // €2,500 + 19 % = €2,975 − €1,000 paid.
  await expect(inv.balance).toHaveText('€1,975.00');
  const payments = app.page.getByRole('table', { name: tr('en', 'invoices.paymentsTitle') });
  await payments.getByRole('button', { name: /Delete the payment of €1,000.00/ }).click();
  await expect(inv.balance).toHaveText('€2,975.00');
  await expect(payments).toBeHidden();
  await app.page.getByRole('button', { name: tr('en', 'common.undo') }).click();
  await expect(inv.balance).toHaveText('€1,975.00');
  await expect(payments).toContainText('TX-1');

  // A credit note for one day of the workshop, by lines: €1,000 + 19 % = €1,190.
  await app.page.getByRole('button', { name: tr('en', 'invoices.credit.action') }).click();
  await inv.dialog.getByText(tr('en', 'invoices.credit.byLines'), { exact: true }).click();
  await inv.dialog
    .getByLabel(tr('en', 'invoices.credit.lineQuantity', { description: 'Workshop' }))
    .fill('1');
  await inv.dialog.getByLabel(tr('en', 'invoices.credit.reason')).fill('One day cancelled');
  await inv.dialog.getByRole('button', { name: tr('en', 'invoices.credit.confirm') }).click();
  await expect(inv.dialog).toBeHidden();
  await expect(inv.balance).toHaveText('€785.00');
  const notes = app.page.getByRole('table', { name: tr('en', 'invoices.creditNotesTitle') });
  const row = notes.getByRole('row', { name: /CN-/ });
  await expect(row).toContainText('−€1,190.00');
  await expect(row).toContainText('One day cancelled');
  await expect(row).toContainText(tr('en', 'creditNotes.source.manual'));
  await shot(app, 'en-invoice-payments-credits');
});

test('unsaved changes: the schedule editor and the engagement form ask before discarding', async ({
  app,
}) => {
  const { engagement } = await seed(app);
  await app.open(`/engagements/${engagement.id}`);
  const eng = new EngagementPage(app.page);
  const discard = app.page.getByRole('dialog', { name: tr('en', 'clients.discard.title') });

  // Engagement form: Esc with a changed title asks; "Keep editing" keeps the text.
  await app.page.getByRole('button', { name: tr('en', 'engagements.edit') }).click();
  const title = app.page.getByLabel(tr('en', 'engagements.fields.title'));
  await title.fill('Platform modernisation phase 2');
  await app.page.keyboard.press('Escape');
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: tr('en', 'clients.discard.keep') }).click();
  await expect(title).toHaveValue('Platform modernisation phase 2');
  await app.page
    .getByRole('dialog', { name: tr('en', 'engagements.editor.editTitle') })
    .getByRole('button', { name: tr('en', 'common.cancel') })
    .click();
  await discard.getByRole('button', { name: tr('en', 'clients.discard.confirm') }).click();
  await expect(app.page.getByRole('dialog')).toHaveCount(0);
  expect((await app.call('engagements.get', { id: engagement.id })).title).toBe(
    'Platform modernisation',
  );

  // Schedule editor: leaving by the sidebar asks; discarding leaves.
  await eng.startSchedule();
  await eng.applyTemplate(TEMPLATE.en);
  await app.page
    .getByRole('navigation')
    .getByRole('link', { name: tr('en', 'nav.engagements') })
    .click();
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: tr('en', 'clients.discard.keep') }).click();
  await expect(eng.scheduleEditor).toBeVisible();
  await app.page
    .getByRole('navigation')
    .getByRole('link', { name: tr('en', 'nav.engagements') })
    .click();
  await discard.getByRole('button', { name: tr('en', 'clients.discard.confirm') }).click();
  await expect(app.page).toHaveURL(/#\/engagements$/);
});

test('engagement header: stage in place, linked debt items, delete refused with invoices then done', async ({
  app,
}) => {
  const { client, engagement } = await seed(app);
  for (const title of ['Monolith deploys', 'Flaky release pipeline']) {
    await app.call('debt.create', {
      clientId: client.id,
      title,
      category: 'code',
      impact: 'medium',
      quarterlyCostMinor: { low: 500_000, likely: 1_000_000, high: 2_000_000 },
      fixDays: { low: 5, likely: 10, high: 20 },
      dayRateMinor: 100_000,
    });
  }
  await app.open(`/engagements/${engagement.id}`);
  const page = app.page;

  // Stage from the header.
  await page.getByRole('combobox', { name: tr('en', 'engagements.stageSelect') }).click();
  await page.getByRole('option', { name: tr('en', 'engagements.stage.completed') }).click();
  await expect
    .poll(async () => (await app.call('engagements.get', { id: engagement.id })).stage)
    .toBe('completed');

  // Link a debt item of the client.
  const debt = page.getByRole('region', { name: tr('en', 'engagements.debt.title') });
  await debt.getByRole('combobox', { name: tr('en', 'engagements.debt.label') }).click();
  await page.getByRole('option', { name: 'Flaky release pipeline' }).click();
  await page.keyboard.press('Escape');
  await debt.getByRole('button', { name: tr('en', 'engagements.debt.save') }).click();
  await expect(page.getByText(tr('en', 'engagements.debt.saved'))).toBeVisible();
  const linked = await app.call('engagements.get', { id: engagement.id });
  expect(linked.debtItemIds).toHaveLength(1);
  await expect(debt).toContainText('Flaky release pipeline');
  await shot(app, 'en-engagement-header');

  // Delete: refused while an invoice belongs to it, with the translated reason.
  const draft = await app.call('invoices.createFromLines', {
    clientId: client.id,
    engagementId: engagement.id,
    lines: [{ description: 'Work', quantity: '1', unitPriceMinor: 1000, taxRatePercent: '0' }],
  });
  const deleteIt = async () => {
    await page
      .getByRole('button', { name: tr('en', 'engagements.delete.action'), exact: true })
      .click();
    await page
      .getByRole('dialog', { name: tr('en', 'engagements.delete.title') })
      .getByRole('button', { name: tr('en', 'engagements.delete.confirm') })
      .click();
  };
  await deleteIt();
  // `count` as text: this sentence has no plural forms.
  await expect(
    page.getByText(
      tr('en', 'billingErrors.ENGAGEMENT_HAS_DEPENDENTS', {
        name: 'Platform modernisation',
        count: '1',
      }),
    ),
  ).toBeVisible();
  await app.call('invoices.deleteDraft', { id: draft.id });
  await deleteIt();
  await expect(page).toHaveURL(/#\/engagements$/);
  await expect(
    page.getByText(tr('en', 'engagements.toast.deleted', { title: 'Platform modernisation' })),
  ).toBeVisible();
});
