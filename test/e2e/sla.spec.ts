import path from 'node:path';
import type { Locator } from '@playwright/test';
import { formatMoney } from '../../core/money';
import { SettingsPage } from './pages/SettingsPage';
import { ServiceLevelsReport, SlaSection } from './pages/SlaPages';
import { expect, test, type AppHarness } from './support/fixtures';

/** A client, an active EUR engagement and an invoice issued in March 2026 to credit. */
async function seed(app: AppHarness) {
  const client = await app.call('clients.create', {
    displayName: 'Acme Logistics',
    defaultCurrency: 'EUR',
    defaultDayRateMinor: 100_000,
  });
  const engagement = await app.call('engagements.create', {
    clientId: client.id,
    title: 'Platform operations',
    stage: 'active',
    contractValueMinor: 6_000_000,
  });
  const invoice = await app.call('invoices.createFromLines', {
    clientId: client.id,
    engagementId: engagement.id,
    supplyDate: '2026-03-31',
    lines: [
      {
        description: 'Platform operations, March 2026',
        quantity: '1',
        unitPriceMinor: 500_000,
        taxRatePercent: '0',
      },
    ],
  });
  await app.call('invoices.issue', { id: invoice.id, issueDate: '2026-03-31' });
  return { client, engagement, invoice };
}

/** A screenshot of one part of the page (the app scrolls inside its shell), no toasts. */
async function shot(app: AppHarness, name: string, target: Locator) {
  await app.page.addStyleTag({
    content: '.mantine-Notifications-root { display: none !important; }',
  });
  // Tall enough for the whole part, so the shell's sticky header never lies over it.
  const size = app.page.viewportSize()!;
  const box = (await target.boundingBox())!;
  await app.page.setViewportSize({ width: size.width, height: Math.ceil(box.height) + 400 });
  await target.scrollIntoViewIfNeeded();
  await target.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    animations: 'disabled',
  });
  await app.page.setViewportSize(size);
}

const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const TEMPLATE = 'Availability 99.95 % (AWS-style credits)';
const eur = (minor: number, language: 'en' | 'zh-CN' = 'en') =>
  formatMoney({ amountMinor: minor, currency: 'EUR' }, language);

test('SLA: a 99.95 % clause from the library, two incidents, the credit and its credit note', async ({
  app,
}) => {
  const { engagement, invoice } = await seed(app);
  await app.open(`/engagements/${engagement.id}`);
  const sla = new SlaSection(app.page);
  await expect(sla.section.getByText(sla.t('sla.empty.title'))).toBeVisible();

  await sla.newFromLibrary(TEMPLATE);
  // Live from core/sla: 0.05 % of a 30-day month is 21.6 minutes.
  await expect(sla.field('sla.fields.target')).toHaveValue('99.95');
  await expect(sla.downtimeRow('month')).toContainText('21 min 36 s');
  await expect(sla.downtimeRow('year')).toContainText('4 h 22 min 48 s');
  await sla.field('sla.fields.monthlyFee').fill('5,000');
  await expect(sla.wordingBox('en')).toHaveValue(/at least 99\.95 %/);
  await expect(sla.wordingBox('zh-CN')).toHaveValue(/99\.95%/);
  // The Chinese text can be overridden by hand and reset to the generated one.
  await sla.wordingBox('zh-CN').fill('手写条款');
  await sla.editor.getByRole('button', { name: sla.t('sla.wording.reset.chinese') }).click();
  await expect(sla.wordingBox('zh-CN')).toHaveValue(/99\.95%/);
  await shot(app, 'en-sla-clause-editor', sla.editor);
  await sla.save();
  await expect(sla.editor).toBeHidden();
  await expect(sla.clauses.getByRole('row')).toHaveCount(2);

  const detail = sla.detail('Availability 99.95 %');
  await expect(detail.getByTestId('sla-wording-en')).toContainText('at least 99.95 %');
  await sla.openTab(detail, 'sla.tabs.incidents');
  await sla.recordIncident(detail, '2026-03-03T10:00', '2026-03-03T10:30', 'Database failover');
  await sla.recordIncident(detail, '2026-03-17T08:00', '2026-03-17T08:20', 'Bad deploy');

  await sla.openTab(detail, 'sla.tabs.compliance');
  await sla.choosePeriod(detail, '2026-03');
  // 50 minutes down in March (44,640 min): 99.888 % < 99.95 % → 10 % of €5,000.
  await expect(detail.getByText(sla.t('sla.compliance.missed'), { exact: true })).toBeVisible();
  await expect(detail.getByTestId('sla-measured')).toHaveText('99.888 %');
  await expect(detail.getByTestId('sla-credit-percent')).toHaveText('10 %');
  await expect(detail.getByTestId('sla-credit-amount')).toHaveText(eur(50_000));
  const counted = detail.getByRole('table', { name: sla.t('sla.compliance.incidents') });
  await expect(counted.getByRole('row')).toHaveCount(3);
  await expect(counted).toContainText('Database failover');

  await detail.getByRole('button', { name: sla.t('sla.credit.propose') }).click();
  const issued = detail.getByRole('status').filter({ hasText: sla.t('sla.credit.openInvoice') });
  await expect(issued).toBeVisible();
  const compliance = await app.call('sla.compliance', {
    clauseId: (await app.call('sla.clauses.list', { engagementId: engagement.id }))[0]!.id,
    period: '2026-03',
  });
  expect(compliance.creditNote?.existingCreditNoteId).toBeTruthy();
  const note = await app.call('creditNotes.get', {
    id: compliance.creditNote!.existingCreditNoteId!,
  });
  expect(note.invoiceId).toBe(invoice.id);
  await expect(issued).toContainText(note.number);
  await shot(app, 'en-sla-compliance', detail);

  await sla.openTab(sla.section, 'sla.tabs.timeline');
  await expect(
    sla.section.getByRole('figure', {
      name: sla.t('sla.timeline.chartOf', { label: 'Availability 99.95 %' }),
    }),
  ).toBeVisible();
  // The timeline ends at the compliance month (2026-03): March is the one missed month.
  await expect(
    sla.section.getByText(sla.t('sla.timeline.missedCount', { count: 1 })),
  ).toBeVisible();
  await shot(app, 'en-sla-timeline', sla.section);

  await sla.openTab(sla.section, 'sla.tabs.calculators');
  // API × 2 redundant (99.999975 %) in series with the database (99.99 %).
  await expect(sla.section.getByTestId('sla-composed')).toHaveText('99.989975 %');
  await shot(app, 'en-sla-calculators', sla.section);

  // The link goes to the invoice that was credited.
  await sla.openTab(sla.section, 'sla.tabs.clauses');
  // Exposure: expected credits a year next to the annual fee (12 × €5,000).
  await sla.openTab(detail, 'sla.tabs.exposure');
  await expect(detail.getByText(eur(6_000_000), { exact: true })).toBeVisible();
  await expect(detail.getByTestId('sla-exposure-expected')).toHaveText(/^€[\d,.]+$/);

  await sla.openTab(detail, 'sla.tabs.compliance');
  await detail.getByRole('link', { name: sla.t('sla.credit.openInvoice') }).click();
  await expect(app.page).toHaveURL(new RegExp(`#/invoices/${invoice.id}$`));

  // The timeline in the dark theme (chart colours follow the scheme).
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await settings.setTheme('dark');
  await app.open(`/engagements/${engagement.id}`);
  await sla.openTab(sla.section, 'sla.tabs.timeline');
  await expect(
    sla.section.getByText(sla.t('sla.timeline.missedCount', { count: 1 })),
  ).toBeVisible();
  await shot(app, 'en-sla-timeline-dark', sla.section);

  // In Chinese, the clause shows its Chinese wording.
  await app.open('/settings');
  await settings.setTheme('light');
  await settings.setLanguage('zh-CN');
  await app.open(`/engagements/${engagement.id}`);
  const zh = new SlaSection(app.page, 'zh-CN');
  const zhDetail = zh.detail('Availability 99.95 %');
  await expect(zhDetail.getByTestId('sla-wording-zh-CN')).toContainText('99.95%');
  await expect(zhDetail.getByTestId('sla-wording-zh-CN')).toContainText('服务抵扣');
  await expect(zhDetail.getByRole('tab', { name: '条款文本' })).toBeVisible();
  await shot(app, 'zh-sla-clause-wording', zhDetail);
});

test('SLA: a 101 % target is refused with a translated error and nothing is saved', async ({
  app,
}) => {
  const { engagement } = await seed(app);
  await app.open(`/engagements/${engagement.id}`);
  const sla = new SlaSection(app.page);
  await sla.newFromLibrary(TEMPLATE);
  await sla.field('sla.fields.target').fill('101');
  // The live table says so before saving…
  await expect(sla.editor.getByRole('status')).toHaveText(
    sla.t('slaErrors.SLA_PERCENT_OUT_OF_RANGE'),
  );
  await sla.save();
  // …and the services refuse it with the same sentence, on the field and in the alert.
  await expect(sla.editor.getByRole('alert')).toContainText(
    sla.t('slaErrors.SLA_PERCENT_OUT_OF_RANGE'),
  );
  await expect(sla.editor.getByRole('alert')).toContainText(sla.t('sla.editor.nothingSaved'));
  expect(await app.call('sla.clauses.list', { engagementId: engagement.id })).toEqual([]);
  await sla.editor.getByRole('button', { name: sla.t('common.cancel') }).click();
  await expect(sla.section.getByText(sla.t('sla.empty.title'))).toBeVisible();
});

test('SLA: a latency clause from a stated problem, CSV measurements with a bad row skipped by consent', async ({
  app,
}) => {
  const { engagement } = await seed(app);
  await app.open(`/engagements/${engagement.id}`);
  const sla = new SlaSection(app.page);
  await sla.newFromProblem('the reports are slow', 'P99 latency');
  await expect(sla.field('sla.fields.target')).toHaveValue('800');
  await expect(sla.editor.getByText(sla.t('sla.editor.noDowntimeTable'))).toBeVisible();
  await sla.save();
  await expect(sla.editor).toBeHidden();

  const detail = sla.detail('P99 latency');
  await sla.openTab(detail, 'sla.tabs.measurements');
  await detail
    .getByLabel(sla.t('sla.measurements.csv'))
    .fill('date,value\n2026-03-01,640\n2026-03-02,720\n2026-03-02x,abc\n2026-03-03,910');
  await detail.getByRole('button', { name: sla.t('sla.measurements.check') }).click();
  await expect(detail.getByRole('status')).toContainText(
    sla.t('sla.measurements.checked', { valid: 3, invalid: 1 }),
  );
  await expect(
    detail.getByRole('table', { name: sla.t('sla.measurements.invalidRows') }),
  ).toContainText(sla.t('sla.measurements.row', { n: 4 }));
  const importButton = detail.getByRole('button', { name: sla.t('sla.measurements.import') });
  await expect(importButton).toBeDisabled();
  await detail.getByLabel(sla.t('sla.measurements.skipConsent', { count: 1 })).check();
  await importButton.click();
  await expect(detail.getByText(sla.t('sla.measurements.imported', { count: 3 }))).toBeVisible();
  const values = detail.getByRole('table', { name: sla.t('sla.measurements.table') });
  await expect(values.getByRole('row')).toHaveCount(4);

  const add = detail.getByRole('form', { name: sla.t('sla.measurements.addForm') });
  await add.getByLabel(sla.t('sla.measurements.date')).fill('2026-03-04');
  await add
    .getByLabel(sla.t('sla.measurements.valueIn', { unit: sla.t('sla.unit.ms') }))
    .fill('700');
  await add.getByRole('button', { name: sla.t('sla.measurements.add') }).click();
  await expect(values.getByRole('row')).toHaveCount(5);

  // P99 (nearest rank) of 640, 720, 910, 700 is 910 ms: above 800 ms.
  await sla.openTab(detail, 'sla.tabs.compliance');
  await sla.choosePeriod(detail, '2026-03');
  await expect(detail.getByTestId('sla-measured')).toHaveText('910 ms');
  await expect(detail.getByText(sla.t('sla.compliance.missed'), { exact: true })).toBeVisible();

  // Deleting asks first, then the section is empty again.
  await detail.getByRole('button', { name: sla.t('sla.deleteClause') }).click();
  await sla.dialog.getByRole('button', { name: sla.t('sla.delete.confirm') }).click();
  await expect(sla.section.getByText(sla.t('sla.empty.title'))).toBeVisible();
  expect(await app.call('sla.clauses.list', { engagementId: engagement.id })).toEqual([]);
});

test('SLA: the period report lists the missed clause of the month with its credit, in English and Chinese', async ({
  app,
}) => {
  const { engagement } = await seed(app);
  const report = new ServiceLevelsReport(app.page);
  // No clauses yet: the report explains and links to the engagements.
  await app.open('/');
  await app.page
    .getByRole('navigation', { name: report.t('shell.navigation') })
    .getByRole('link', { name: report.t('nav.serviceLevels') })
    .click();
  await expect(app.page).toHaveURL(/#\/service-levels$/);
  await expect(app.page.getByText(report.t('sla.report.empty.title'))).toBeVisible();
  await expect(
    app.page.getByRole('link', { name: report.t('sla.report.empty.action') }),
  ).toBeVisible();

  const template = (await app.call('sla.library', {})).find(
    (x) => x.id === 'availability-99.95-aws',
  );
  const clause = await app.call('sla.clauses.create', {
    ...template!.draft,
    label: 'Core API availability',
    monthlyFeeMinor: 500_000,
    engagementId: engagement.id,
  });
  await app.call('sla.incidents.create', {
    clauseId: clause.id,
    start: '2026-03-03T10:00:00.000Z',
    end: '2026-03-03T10:30:00.000Z',
    cause: 'Database failover',
  });
  await app.call('sla.incidents.create', {
    clauseId: clause.id,
    start: '2026-03-17T08:00:00.000Z',
    end: '2026-03-17T08:20:00.000Z',
    cause: 'Bad deploy',
  });

  await app.open('/service-levels');
  await report.chooseMonth('2026-03');
  const row = report.row(clause.id);
  await expect(row).toContainText('Acme Logistics');
  await expect(row).toContainText('Platform operations');
  await expect(row).toContainText('99.888 %');
  await expect(row.getByText(report.t('sla.compliance.missed'), { exact: true })).toBeVisible();
  await expect(row).toContainText('10 %');
  await expect(row).toContainText(eur(50_000));
  await expect(row).toContainText(report.t('sla.report.noteProposed'));
  await expect(app.page.getByTestId('sla-report-total-EUR')).toHaveText(eur(50_000));
  await shot(app, 'en-sla-period-report', report.main);

  // February is met: no credit.
  await report.chooseMonth('2026-02');
  await expect(row.getByText(report.t('sla.compliance.met'), { exact: true })).toBeVisible();
  await expect(app.page.getByTestId('sla-report-total-EUR')).toHaveText(eur(0));

  // The clause links to its engagement's SLA section, on that clause and month.
  await report.chooseMonth('2026-03');
  await expect(row).toContainText(eur(50_000));
  await row.getByRole('link').click();
  await expect(app.page).toHaveURL(new RegExp(`#/engagements/${engagement.id}\\?clause=`));
  const sla = new SlaSection(app.page);
  const detail = sla.detail('Core API availability');
  await sla.openTab(detail, 'sla.tabs.compliance');
  await expect(detail.getByLabel(sla.t('sla.compliance.period'), { exact: true })).toHaveValue(
    '2026-03',
  );
  await expect(detail.getByTestId('sla-credit-amount')).toHaveText(eur(50_000));

  // An incident is edited in the same form: prefilled on the clause's clock, then saved.
  await sla.openTab(detail, 'sla.tabs.incidents');
  const incidents = detail.getByRole('table', { name: sla.t('sla.incidents.table') });
  await incidents
    .getByRole('row', { name: /Bad deploy/ })
    .getByRole('button', {
      name: /^Edit the incident of/,
    })
    .click();
  const editForm = detail.getByRole('form', { name: sla.t('sla.incidents.editForm') });
  await expect(editForm.getByLabel(sla.t('sla.incidents.start'))).toHaveValue('2026-03-17T08:00');
  await expect(editForm.getByLabel(sla.t('sla.incidents.end'))).toHaveValue('2026-03-17T08:20');
  await editForm.getByLabel(sla.t('sla.incidents.end')).fill('2026-03-17T08:05');
  await editForm.getByLabel(sla.t('sla.incidents.cause')).fill('Bad deploy, rolled back');
  await editForm.getByRole('button', { name: sla.t('sla.incidents.save') }).click();
  await expect(incidents.getByRole('cell', { name: 'Bad deploy, rolled back' })).toBeVisible();
  await expect(detail.getByRole('form', { name: sla.t('sla.incidents.form') })).toBeVisible();
  const edited = (await app.call('sla.incidents.list', { clauseId: clause.id })).find(
    (i) => i.start === '2026-03-17T08:00:00.000Z',
  );
  expect(edited).toMatchObject({
    end: '2026-03-17T08:05:00.000Z',
    cause: 'Bad deploy, rolled back',
  });
  // 35 minutes down in March: still missed, the report follows.
  await app.open('/service-levels');
  await report.chooseMonth('2026-03');
  await expect(row).toContainText('99.9216 %');

  // In Chinese.
  await app.open('/settings');
  await new SettingsPage(app.page).setLanguage('zh-CN');
  await app.open('/service-levels');
  const zh = new ServiceLevelsReport(app.page, 'zh-CN');
  await zh.chooseMonth('2026-03');
  await expect(zh.row(clause.id).getByText('未达标', { exact: true })).toBeVisible();
  await expect(zh.row(clause.id)).toContainText(zh.t('sla.report.noteProposed'));
  await expect(app.page.getByTestId('sla-report-total-EUR')).toHaveText(eur(50_000, 'zh-CN'));
  await shot(app, 'zh-sla-period-report', zh.main);

  // A library template brings its Chinese label in Chinese.
  await app.open(`/engagements/${engagement.id}`);
  const zhSla = new SlaSection(app.page, 'zh-CN');
  await zhSla.newFromLibrary('可用性 99.95%（AWS 式服务抵扣）');
  await expect(zhSla.field('sla.fields.label')).toHaveValue('可用性 99.95%');
});
