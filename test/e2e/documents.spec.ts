import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  EngagementDocumentsSection,
  ExportPeriodDialog,
  PdfPreview,
  filesIn,
  pdfText,
} from './pages/DocumentPages';
import { SettingsPage } from './pages/SettingsPage';
import { tr, type Language } from './support/catalog';
import { expect, test, type AppHarness } from './support/fixtures';

// Each test renders several PDFs (services) and draws them (pdf.js) on a two-core machine.
test.describe.configure({ timeout: 120_000 });

/** The demo workspace, with the UI in `language`. */
async function demo(app: AppHarness, language: Language) {
  await app.call('demo.load', { locale: language });
  if (language !== 'en') {
    await app.open('/settings');
    await new SettingsPage(app.page).setLanguage(language);
  }
  const invoices = await app.call('invoices.list', {});
  const engagements = await app.call('engagements.list', {});
  return { invoices: invoices.items, engagements: engagements.items };
}

/** A screenshot without the toasts covering the content. */
async function shot(app: AppHarness, name: string, fullPage = true) {
  const style = await app.page.addStyleTag({
    content: '.mantine-Notifications-root { display: none !important; }',
  });
  await app.screenshot(name, { fullPage });
  await style.evaluate((node) => (node as unknown as { remove(): void }).remove());
}

async function setTheme(page: Page, language: Language, theme: 'dark' | 'light') {
  await page.goto(page.url().replace(/#.*/, '#/settings'));
  const settings = new SettingsPage(page, language);
  await settings.setTheme(theme);
}

for (const language of ['en', 'zh-CN'] as const) {
  test(`${language}: invoice preview draws every page, Save writes the PDF the screen shows`, async ({
    app,
  }) => {
    const { invoices } = await demo(app, language);
    // The invoice with a payment and a credit note.
    const summary = invoices.find((i) => i.status === 'partly_paid') ?? invoices[0]!;
    await app.open(`/invoices/${summary.id}`);
    const number = (await app.page.getByTestId('invoice-number').textContent())!.trim();
    const invoice = await app.call('invoices.get', { id: summary.id });
    const clientOnScreen = invoice.buyer.legalName || invoice.buyer.name;
    await expect(app.page.getByText(clientOnScreen, { exact: true }).first()).toBeVisible();

    await app.page
      .getByRole('button', { name: tr(language, 'documents.actions.invoicePdf') })
      .click();
    const preview = new PdfPreview(app.page, language);
    await expect(preview.dialog).toBeVisible();
    const pages = await preview.waitForPages();
    expect(await preview.firstPageHasInk()).toBe(true);
    await shot(app, `${language}-documents-invoice-preview`, false);

    // Zoom in draws larger pages; Fit to width brings them back.
    const fitWidth = await preview.firstPageWidth();
    await preview.zoom('zoomIn');
    await expect.poll(() => preview.firstPageWidth()).toBeGreaterThan(fitWidth);
    await preview.zoom('fitWidth');
    await expect.poll(() => preview.firstPageWidth()).toBe(fitWidth);

    const saved = await preview.save();
    expect(path.dirname(saved)).toBe(app.savedDir);
    expect(filesIn(app.savedDir)).toEqual([path.basename(saved)]);
    const text = pdfText(saved);
    // Screen = PDF = database.
    expect(text).toContain(number);
    expect(text).toContain(invoice.number!);
    expect(text).toContain(clientOnScreen);
    expect(fs.readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages).toBeGreaterThanOrEqual(1);

    // The other language re-renders; saving it writes a second file.
    const other = (await preview.documentLanguage()) === 'en' ? 'zh-CN' : 'en';
    await preview.switchLanguage(other);
    await preview.waitForPages();
    await shot(app, `${language}-documents-invoice-preview-in-${other}`, false);
    const second = await preview.save();
    expect(second).not.toBe(saved);
    expect(filesIn(app.savedDir)).toHaveLength(2);
    expect(pdfText(second)).toContain(number);
    await preview.close();

    // The credit note of this invoice has its own PDF.
    if (invoice.creditNotes.length > 0) {
      const note = invoice.creditNotes[0]!;
      await app.page
        .getByRole('button', {
          name: tr(language, 'documents.actions.creditNotePdf', { number: note.number }),
        })
        .click();
      await preview.waitForPages();
      const file = await preview.save();
      expect(pdfText(file)).toContain(note.number);
      await preview.close();
    }
  });
}

test('zh-CN: proposal and contract previews open in dark theme; Chinese glyphs are drawn', async ({
  app,
}) => {
  const { engagements } = await demo(app, 'zh-CN');
  await setTheme(app.page, 'zh-CN', 'dark');
  const chinese = engagements.find((e) => /[\u4e00-\u9fff]/.test(e.clientName))!;
  await app.open(`/engagements/${chinese.id}`);
  const section = new EngagementDocumentsSection(app.page, 'zh-CN');
  const preview = new PdfPreview(app.page, 'zh-CN');

  await section.open('proposal');
  const proposalPages = await preview.waitForPages();
  expect(await preview.firstPageHasInk()).toBe(true);
  // Page Down / Page Up move a page at a time.
  expect(proposalPages).toBeGreaterThan(1);
  const scroller = preview.dialog.getByTestId('pdf-pages');
  const scrollTop = () =>
    scroller.evaluate((el) => (el as unknown as { scrollTop: number }).scrollTop);
  await scroller.focus();
  await app.page.keyboard.press('PageDown');
  await expect.poll(scrollTop).toBeGreaterThan(100);
  await app.page.keyboard.press('PageUp');
  await expect.poll(scrollTop).toBe(0);
  await shot(app, 'zh-documents-proposal-dark', false);
  const proposal = await preview.save();
  expect(pdfText(proposal)).toContain(chinese.title);
  await preview.close();

  await section.open('contract');
  await preview.waitForPages();
  await shot(app, 'zh-documents-contract-dark', false);
  const contract = await preview.save();
  expect(pdfText(contract)).toContain(chinese.clientName);
  await preview.close();
  await section.section.scrollIntoViewIfNeeded();
  await shot(app, 'zh-documents-engagement-section-dark', false);
});

test('en: terms editing round-trips and is printed in the contract', async ({ app }) => {
  const { engagements } = await demo(app, 'en');
  const engagement = engagements.find((e) => !/[\u4e00-\u9fff]/.test(e.clientName))!;
  await app.open(`/engagements/${engagement.id}`);
  const section = new EngagementDocumentsSection(app.page);
  await expect(section.form).toBeVisible();

  const terms = await app.call('documents.terms.get', { engagementId: engagement.id });
  const liability = terms.clauses.find((c) => c.key === 'liability' && c.language === 'en')!;
  expect(liability.standard).toBe(true);

  await section.field('governingLaw').fill('Switzerland, courts of Zurich');
  await section.field('liabilityCap').fill('1500');
  await expect(section.form.getByText(tr('en', 'documents.terms.capError'))).toBeVisible();
  await section.field('liabilityCap').fill('150');
  await section.showClause(liability.title);
  const ownWording =
    'Each party is liable only for direct damage it caused, up to the cap agreed above.';
  await section.clauseText(liability.title).fill(ownWording);
  await expect(
    section.form.getByText(tr('en', 'documents.terms.unsaved'), { exact: true }),
  ).toBeVisible();

  // Leaving with unsaved wording asks first, even while another editor on the page (the
  // schedule, whose own guard the router would consult alone) is open and unchanged.
  await app.page.getByRole('button', { name: tr('en', 'milestones.editSchedule') }).click();
  await app.page.getByRole('link', { name: tr('en', 'engagements.back') }).click();
  await expect(app.page.getByText(tr('en', 'clients.discard.title'))).toBeVisible();
  await app.page.getByRole('button', { name: tr('en', 'clients.discard.keep') }).click();

  await section.save();
  const stored = await app.call('documents.terms.get', { engagementId: engagement.id });
  expect(stored.governingLaw).toBe('Switzerland, courts of Zurich');
  expect(stored.liabilityCapPercent).toBe('150');
  const storedClause = stored.clauses.find((c) => c.key === 'liability' && c.language === 'en')!;
  expect(storedClause).toMatchObject({ text: ownWording, standard: false });

  // After a reload the form shows what was stored.
  await app.page.reload();
  await expect(section.field('governingLaw')).toHaveValue('Switzerland, courts of Zurich');
  await section.showClause(liability.title);
  await expect(section.clauseText(liability.title)).toHaveValue(ownWording);
  await expect(
    section.form.getByText(tr('en', 'documents.terms.custom'), { exact: true }),
  ).toBeVisible();
  await section.section.scrollIntoViewIfNeeded();
  await shot(app, 'en-documents-terms-editor', false);

  // The contract prints the new wording.
  const preview = new PdfPreview(app.page);
  await section.open('contract');
  await preview.switchLanguage('en');
  await preview.waitForPages();
  const contract = pdfText(await preview.save());
  expect(contract).toContain('Switzerland, courts of Zurich');
  expect(contract).toContain('direct damage it caused');
  // 150 % of the contract value, to the cent.
  const cap = (engagement.contractValueMinor * 3) / 2 / 100;
  expect(contract).toContain(`€${cap.toLocaleString('en', { minimumFractionDigits: 2 })}`);
  await preview.close();

  // Restore the standard wording.
  await section.form
    .getByRole('button', { name: tr('en', 'documents.terms.restore') })
    .first()
    .click();
  await expect(
    app.page.getByText(tr('en', 'documents.terms.restored', { title: liability.title })),
  ).toBeVisible();
  const restored = await app.call('documents.terms.get', { engagementId: engagement.id });
  expect(restored.clauses.find((c) => c.key === 'liability' && c.language === 'en')).toEqual(
    liability,
  );
});

test('en: branding colour and footer save, and the footer is printed', async ({ app }) => {
  const { invoices } = await demo(app, 'en');
  await app.open('/settings');
  const branding = app.page.getByRole('group', { name: tr('en', 'profile.branding.title') });
  await expect(branding).toBeVisible();
  const colour = branding.getByLabel(tr('en', 'profile.branding.accentColor'));
  await colour.fill('#C92A2A');
  await branding
    .getByLabel(tr('en', 'profile.branding.footer'))
    .fill('Registered in Munich, HRB 12345');
  await branding.scrollIntoViewIfNeeded();
  await shot(app, 'en-documents-branding', false);
  await app.page.getByRole('button', { name: tr('en', 'profile.save') }).click();
  await expect(app.page.getByText(tr('en', 'profile.saved'))).toBeVisible();
  const profile = await app.call('profile.get', {});
  expect(profile).toMatchObject({
    accentColor: '#C92A2A',
    documentFooter: 'Registered in Munich, HRB 12345',
  });
  await app.page.reload();
  await expect(colour).toHaveValue('#C92A2A');

  await app.open(`/invoices/${invoices[0]!.id}`);
  await app.page.getByRole('button', { name: tr('en', 'documents.actions.invoicePdf') }).click();
  const preview = new PdfPreview(app.page);
  await preview.waitForPages();
  expect(pdfText(await preview.save())).toContain('Registered in Munich, HRB 12345');
});

test('en: export a period: count, progress, done with summary.csv and one PDF per document', async ({
  app,
}) => {
  const { invoices } = await demo(app, 'en');
  const dates = invoices.map((i) => i.issueDate!).sort();
  await app.open('/invoices');
  const exporter = new ExportPeriodDialog(app.page);
  await exporter.open();
  await exporter.setRange(dates[0]!, dates.at(-1)!);
  const count = await app.call('documents.exportInvoices.count', {
    from: dates[0]!,
    to: dates.at(-1)!,
  });
  await expect(exporter.count).toContainText(
    tr('en', 'documents.export.countInvoices', { count: count.invoices }),
  );
  await shot(app, 'en-documents-export-form', false);
  await exporter.start();
  await expect(exporter.done).toBeVisible({ timeout: 30_000 });
  await shot(app, 'en-documents-export-done', false);
  const folder = await exporter.folder();
  expect(folder.startsWith(path.join(app.dataDir, 'exports'))).toBe(true);
  const files = filesIn(folder);
  expect(files).toContain('summary.csv');
  expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(count.invoices + count.creditNotes);
  const csv = fs.readFileSync(path.join(folder, 'summary.csv'), 'utf8');
  for (const invoice of invoices) expect(csv).toContain(invoice.number!);

  // A backwards range is refused before anything is asked.
  await app.page.getByRole('button', { name: tr('en', 'documents.export.again') }).click();
  await exporter.setRange('2026-10-31', '2026-10-01');
  await expect(
    exporter.dialog.getByText(tr('en', 'documentErrors.EXPORT_END_BEFORE_START')),
  ).toBeVisible();
  await expect(
    exporter.dialog.getByRole('button', { name: tr('en', 'documents.export.choose') }),
  ).toBeDisabled();
});

test('en: cancelling the save dialog writes nothing; the page cannot call internal methods', async ({
  app,
}) => {
  const { invoices } = await demo(app, 'en');
  await app.open(`/invoices/${invoices[0]!.id}`);
  await app.page.getByRole('button', { name: tr('en', 'documents.actions.invoicePdf') }).click();
  const preview = new PdfPreview(app.page);
  await preview.waitForPages();
  app.setDialogAnswer('cancel');
  await preview.saveButton.click();
  await expect(preview.saveButton).toBeEnabled();
  await expect(preview.saveButton).not.toHaveAttribute('data-loading', 'true');
  await expect(
    app.page.getByText(tr('en', 'documents.preview.savedTo', { path: '' }).trim()),
  ).toHaveCount(0);
  expect(filesIn(app.savedDir)).toEqual([]);

  const refused = await app.page.evaluate(async (folder) => {
    const api = (globalThis as unknown as { api: { invoke: (m: string, i: unknown) => unknown } })
      .api;
    return api.invoke('documents.exportInvoices.start', {
      range: { from: '2026-01-01', to: '2026-12-31' },
      folder,
    });
  }, app.dataDir);
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(filesIn(path.join(app.dataDir, 'exports'))).toEqual([]);
});

test('en: ROI report from the client register, SLA report from Service levels; errors offer Retry', async ({
  app,
}) => {
  const { engagements } = await demo(app, 'en');
  const preview = new PdfPreview(app.page);

  const english = engagements.find((e) => !/[\u4e00-\u9fff]/.test(e.clientName))!;
  await app.open(`/clients/${english.clientId}/debt`);
  await expect(app.page.getByRole('table').first()).toBeVisible();
  await shot(app, 'en-documents-register-roi-button', false);
  await app.page.getByRole('button', { name: tr('en', 'documents.actions.roiReport') }).click();
  await expect(preview.dialog).toContainText(
    tr('en', 'documents.titles.report', { name: english.clientName }),
  );
  const reportPages = await preview.waitForPages();
  expect(reportPages).toBeGreaterThan(1);
  const report = pdfText(await preview.save());
  expect(report).toContain(english.clientName);
  await preview.close();

  await app.open('/service-levels');
  await expect(app.page.getByRole('table').first()).toBeVisible();
  await shot(app, 'en-documents-service-levels', false);
  const slaButton = app.page
    .getByRole('button', {
      name: tr('en', 'documents.actions.slaReportOf', { engagement: english.title }),
    })
    .or(
      app.page.getByRole('button', {
        name: tr('en', 'documents.actions.slaReportOf', {
          engagement: engagements.find((e) => e !== english)!.title,
        }),
      }),
    )
    .first();
  await slaButton.click();
  await preview.waitForPages();
  await preview.close();

  // The services stop answering: the preview says so in words, and Retry recovers.
  await app.open(`/engagements/${english.id}`);
  const section = new EngagementDocumentsSection(app.page);
  await expect(section.form).toBeVisible();
  app.setUnreachable(true);
  await section.open('proposal');
  await expect(preview.dialog.getByRole('alert')).toContainText(tr('en', 'errors.unavailable'));
  await shot(app, 'en-documents-preview-error', false);
  app.setUnreachable(false);
  await preview.dialog.getByRole('button', { name: tr('en', 'common.retry') }).click();
  await preview.waitForPages();
});

test('en: a long export shows its progress and can be cancelled', async ({ app }) => {
  const client = await app.call('clients.create', {
    displayName: 'Fabrikam Cloud',
    defaultCurrency: 'EUR',
    defaultDayRateMinor: 100_000,
  });
  // Enough documents that the export is still running when Cancel is pressed.
  const TOTAL = 200;
  for (let i = 0; i < TOTAL; i++) {
    const draft = await app.call('invoices.createFromLines', {
      clientId: client.id,
      paymentTermsDays: 30,
      lines: [
        {
          description: `Consulting day ${i + 1}`,
          quantity: '1',
          unit: 'day',
          unitPriceMinor: 100_000,
          taxRatePercent: '19',
        },
      ],
    });
    await app.call('invoices.issue', { id: draft.id, issueDate: '2025-03-14' });
  }
  await app.open('/invoices');
  const exporter = new ExportPeriodDialog(app.page);
  await exporter.open();
  await exporter.setRange('2025-03-01', '2025-03-31');
  await expect(exporter.count).toContainText(
    tr('en', 'documents.export.countInvoices', { count: TOTAL }),
  );
  await exporter.start();
  const progress = exporter.dialog.getByTestId('export-progress');
  await expect(progress).toContainText(`of ${TOTAL} documents`);
  await expect(exporter.dialog.getByRole('progressbar')).toBeVisible();
  // Cancelled at once: on a quick machine the 200 documents took less than a screenshot.
  await exporter.dialog.getByRole('button', { name: tr('en', 'documents.export.cancel') }).click();
  await expect(
    exporter.dialog.getByText(tr('en', 'documents.export.cancelledTitle')),
  ).toBeVisible();
  await shot(app, 'en-documents-export-cancelled', false);
  const folder = path.join(app.dataDir, 'exports', '1');
  expect(filesIn(folder).filter((f) => f.endsWith('.pdf')).length).toBeLessThan(TOTAL);
});
