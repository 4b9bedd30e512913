import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ClientForm } from './pages/ClientForm';
import { ClientsPage } from './pages/ClientsPage';
import { DebtWorkbench } from './pages/DebtPages';
import { PdfPreview } from './pages/DocumentPages';
import { SettingsPage } from './pages/SettingsPage';
import { tr, type Language } from './support/catalog';
import { expect, test, type AppHarness } from './support/fixtures';

/**
 * Hostile input: markup and script typed into any text field is data, never code. It is
 * shown literally on every page that quotes it, no element is created from it, nothing
 * runs, and long unbroken words wrap instead of widening the page. Most records are made
 * through the services (fast); the client form and the invoice editor are typed into.
 */

const PWN = 'window.__pwned=1';
const IMG = `<img src=x onerror="${PWN}">`;
const SCRIPT = `<script>${PWN}</script>`;
const SVG = `"><svg onload=${PWN}>`;
const JS_URL = `javascript:${PWN}`;
/** 200 characters without a break opportunity. */
const LONG = `Unbroken${'W'.repeat(192)}`;
/** Right-to-left override and pop, Arabic, emoji (with a zero-width joiner), Chinese. */
const RTL = '\u202Egnp.exe\u202C مرحبا';
const EMOJI = '🚀🔥👩‍💻';
const ZH = '数据迁移';

/** The literal beginning of each hostile string, as a user must see it on screen. */
const SHOWN = {
  img: '<img src=x onerror=',
  script: '<script>window.__pwned=1</script>',
  svg: '"><svg onload=window.__pwned=1>',
  js: 'javascript:window.__pwned=1',
};

const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');

interface Seeded {
  clientId: string;
  clientName: string;
  engagementId: string;
  engagementTitle: string;
  invoiceId: string;
  debtId: string;
  debtTitle: string;
  clauseLabel: string;
}

/** Every text field of every record filled with hostile text, through the services. */
async function seed(app: AppHarness): Promise<Seeded> {
  await app.call('profile.update', {
    changes: {
      name: `${IMG} Ada`,
      businessName: `${SVG} Lovelace ${ZH}`,
      address: `${SCRIPT}\n${RTL}`,
      bankDetails: `${LONG} ${IMG}`,
      paymentInstructions: `${JS_URL} ${EMOJI}`,
      documentFooter: `${SVG} ${LONG}`,
    },
  });
  const clientName = `${IMG} Acme ${ZH} ${EMOJI}`;
  const client = await app.call('clients.create', {
    displayName: clientName,
    legalName: `${SVG} ${LONG}`,
    contactPerson: `${SCRIPT} ${RTL}`,
    email: 'ada@acme.example',
    address: `${IMG}\n${RTL}\n${LONG}`,
    taxId: '<b>DE1</b>',
    defaultCurrency: 'EUR',
    defaultDayRateMinor: 100_000,
    notes: [IMG, SCRIPT, SVG, JS_URL, LONG, RTL, EMOJI, ZH].join('\n'),
  });
  const debtTitle = `${SCRIPT} 发布风险 ${EMOJI}`;
  const debt = await app.call('debt.create', {
    clientId: client.id,
    title: debtTitle,
    description: `${IMG} ${LONG}`,
    category: 'process',
    impact: 'high',
    affectedSystem: `${SVG}`,
    status: 'accepted',
    quarterlyCostMinor: { low: 500_000, likely: 800_000, high: 1_500_000 },
    fixDays: { low: 10, likely: 15, high: 25 },
    dayRateMinor: 100_000,
    tags: ['<img src=x onerror=window.__pwned=1>', ZH],
    evidence: `${JS_URL} ${RTL}`,
  });
  const engagementTitle = `${SVG} Platform ${ZH}`;
  const engagement = await app.call('engagements.create', {
    clientId: client.id,
    title: engagementTitle,
    type: 'fixed_price',
    stage: 'active',
    contractValueMinor: 6_000_000,
    scope: `${IMG}\n${LONG}`,
    deliverables: `${SCRIPT} ${EMOJI}`,
    notes: `${RTL} ${SVG}`,
    debtItemIds: [debt.id],
  });
  await app.call('milestones.setSchedule', {
    engagementId: engagement.id,
    milestones: [
      {
        name: `${IMG} Discovery`,
        share: { percent: '40' },
        deliverable: `${SCRIPT} ${LONG}`,
        acceptanceCriteria: `${SVG} ${RTL}`,
      },
      {
        name: `${LONG}`,
        share: { percent: '60' },
        deliverable: `${JS_URL}`,
        acceptanceCriteria: `${EMOJI} ${ZH}`,
      },
    ],
  });
  const invoice = await app.call('invoices.createFromLines', {
    clientId: client.id,
    engagementId: engagement.id,
    supplyDate: '2026-03-31',
    notes: `${SCRIPT} ${LONG}`,
    lines: [
      {
        description: `${IMG} Consulting ${LONG}`,
        quantity: '2',
        unit: '<i>d</i>',
        unitPriceMinor: 500_000,
        taxRatePercent: '0',
      },
      {
        description: `${SVG} ${RTL} ${EMOJI}`,
        quantity: '1',
        unitPriceMinor: 100_000,
        taxRatePercent: '0',
      },
    ],
  });
  await app.call('invoices.issue', { id: invoice.id, issueDate: '2026-03-31' });
  await app.call('payments.record', {
    invoiceId: invoice.id,
    date: '2026-04-02',
    amountMinor: 200_000,
    method: 'bank_transfer',
    reference: JS_URL,
    note: `${IMG} ${LONG}`,
  });
  await app.call('creditNotes.create', {
    invoiceId: invoice.id,
    reason: `${SVG} ${SCRIPT}`,
    issueDate: '2026-04-03',
    credit: { amountMinor: 50_000, description: `${IMG} credit` },
  });
  const clauseLabel = `${SCRIPT} Uptime ${ZH}`;
  const clause = await app.call('sla.clauses.create', {
    engagementId: engagement.id,
    label: clauseLabel,
    metric: 'availability',
    target: '99.9',
    unit: 'percent',
    direction: 'at-least',
    window: { kind: 'calendar-month' },
    timeZone: 'UTC',
    serviceHours: { kind: '24x7' },
    creditTiers: [{ below: '99.9', creditPercent: 10 }],
    monthlyFeeMinor: 500_000,
    claimWindowDays: 30,
  });
  await app.call('sla.incidents.create', {
    clauseId: clause.id,
    start: '2026-03-10T10:00:00.000Z',
    end: '2026-03-10T12:00:00.000Z',
    cause: `${IMG} ${LONG}`,
    note: `${SVG} ${RTL}`,
  });
  await app.call('documents.terms.update', {
    engagementId: engagement.id,
    executiveSummary: `${IMG} ${LONG}`,
    governingLaw: `${SCRIPT} Germany`,
    clauses: [{ key: 'confidentiality', language: 'en', text: `${SVG} ${JS_URL} ${RTL}` }],
  });
  return {
    clientId: client.id,
    clientName,
    engagementId: engagement.id,
    engagementTitle,
    invoiceId: invoice.id,
    debtId: debt.id,
    debtTitle,
    clauseLabel,
  };
}

/** alert/confirm/prompt opened by the page (the fixture dismisses them and fails the test). */
const dialogsOf = new WeakMap<Page, string[]>();
function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  dialogsOf.set(page, seen);
  page.on('dialog', (dialog) => seen.push(`${dialog.type()}: ${dialog.message()}`));
  return seen;
}

interface DomState {
  wide: string[];
  pwned: unknown;
  injected: string[];
  scrollWidth: number;
  innerWidth: number;
}

/**
 * Nothing ran and nothing was built from the data: no `window.__pwned`, no `<img src=x>`,
 * no element with an inline event handler, no script quoting the payload, no
 * `javascript:` link; and (`widthToo`) the page is no wider than the window.
 */
async function expectInert(page: Page, where: string, { widthToo = true } = {}) {
  const state: DomState = await page.evaluate(() => {
    const injected = Array.from(
      document.querySelectorAll(
        'img[src="x"], [onerror], [onload], a[href^="javascript:" i], iframe, object, embed',
      ),
      (el) => el.outerHTML.slice(0, 120),
    );
    Array.from(document.querySelectorAll('script')).forEach((script) => {
      if (script.textContent?.includes('__pwned')) injected.push('script');
    });
    // The innermost elements reaching past the window's right edge, to name in a failure.
    const wide = Array.from(document.querySelectorAll('body *'))
      .filter(
        (el) =>
          el.getBoundingClientRect().right > window.innerWidth + 1 &&
          !Array.from(el.children).some(
            (c) => c.getBoundingClientRect().right > window.innerWidth + 1,
          ),
      )
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 60)}`,
      );
    return {
      wide,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      injected,
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    };
  });
  expect(state.pwned, `${where}: a payload ran`).toBeUndefined();
  expect(dialogsOf.get(page) ?? [], `${where}: a dialog opened`).toEqual([]);
  expect(state.injected, `${where}: elements built from data`).toEqual([]);
  if (widthToo) {
    expect
      .soft(state.scrollWidth, `${where}: page wider than the window (${state.wide.join(' | ')})`)
      .toBeLessThanOrEqual(state.innerWidth);
  }
}

/** The literal text is on screen (at least once, visible). */
async function expectShown(page: Page, text: string, where: string) {
  await expect
    .soft(
      page.getByText(text, { exact: false }).filter({ visible: true }).first(),
      `${where}: "${text}" shown literally`,
    )
    .toBeVisible();
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), animations: 'disabled' });
}

test.describe('hostile input', () => {
  test('seeded hostile text is shown literally and stays inert on every page', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const dialogs = watchDialogs(page);
    const s = await seed(app);

    const visit = async (route: string, shown: string[], opts: { widthToo?: boolean } = {}) => {
      // A full load each time: a hash change alone could leave the last page on screen.
      await page.goto('about:blank');
      await app.open(route);
      for (const text of shown) await expectShown(page, text, route);
      await expectInert(page, route, opts);
    };

    await visit('/clients', [SHOWN.img]);
    await shot(page, 'en-hostile-clients');
    await visit(`/clients/${s.clientId}`, [SHOWN.img]);
    await visit(`/clients/${s.clientId}/debt`, [SHOWN.script]);
    await visit('/debt', [SHOWN.script]);
    await visit(`/debt/${s.debtId}`, [SHOWN.script]);
    await visit(`/clients/${s.clientId}/business-case`, [SHOWN.img]);
    await visit('/engagements', [SHOWN.svg]);
    await visit(`/engagements/${s.engagementId}`, [SHOWN.svg, SHOWN.script]);
    await shot(page, 'en-hostile-engagement');
    await visit('/invoices', [SHOWN.img]);
    await visit(`/invoices/${s.invoiceId}`, [SHOWN.img, SHOWN.js]);
    await shot(page, 'en-hostile-invoice');
    await visit('/receivables', [SHOWN.img]);
    await visit('/service-levels', [SHOWN.script]);
    await visit('/', []);
    await visit('/settings', []);

    // The delete confirmation quotes the client's name: as text, inside the dialog.
    await app.open('/clients');
    const clients = new ClientsPage(page);
    await clients.rowAction(s.clientName, 'delete');
    const confirm = page.getByRole('dialog', { name: clients.t('clients.delete.title') });
    await expect(confirm).toContainText(s.clientName);
    await expectInert(page, 'delete confirmation', { widthToo: false });
    await confirm.getByRole('button', { name: tr('en', 'common.cancel') }).click();
    await expect(confirm).toBeHidden();

    // The ROI report preview: its title quotes the client's name; the saved file's name,
    // made from it, is a plain name in the chosen folder.
    await app.open(`/clients/${s.clientId}/debt`);
    await page.getByRole('button', { name: tr('en', 'documents.actions.roiReport') }).click();
    const preview = new PdfPreview(page);
    await expect(preview.dialog).toContainText(
      tr('en', 'documents.titles.report', { name: s.clientName }),
    );
    await preview.waitForPages();
    await expectInert(page, 'ROI report preview', { widthToo: false });
    const saved = await preview.save();
    expect(path.dirname(saved)).toBe(app.savedDir);
    expect(fs.readdirSync(app.savedDir)).toEqual([path.basename(saved)]);
    expect(path.basename(saved)).toMatch(/\.pdf$/);
    // No character a file system refuses, no control or bidi override character.
    const fileName = path.basename(saved);
    expect(fileName).not.toMatch(/[<>:"/\\|?*\u202e]/);
    expect([...fileName].filter((c) => c.charCodeAt(0) < 0x20)).toEqual([]);
    await expectShown(page, path.basename(saved), 'saved toast');
    await expectInert(page, 'saved toast', { widthToo: false });
    await page.keyboard.press('Escape');

    // Not wider than the window even at the narrowest window the app allows (900 px).
    await page.setViewportSize({ width: 900, height: 800 });
    await visit('/clients', [SHOWN.img]);
    // (The engagement page is left out here: at 900 px its milestone table's status and
    // action buttons alone are wider than the room, with or without hostile data.)
    await visit(`/invoices/${s.invoiceId}`, [SHOWN.img, SHOWN.js]);
    expect(dialogs).toEqual([]);
  });

  test('hostile text typed into the client form and the invoice editor stays text', async ({
    app,
  }) => {
    const { page } = app;
    const dialogs = watchDialogs(page);

    await app.open('/clients/new');
    const form = new ClientForm(page);
    await expect(form.dialog).toBeVisible();
    const name = `${SVG} Typed ${ZH}`;
    await form.fill({
      displayName: name,
      legalName: `${IMG} ${LONG}`,
      contactPerson: SCRIPT,
      address: `${RTL}\n${EMOJI}`,
      notes: `${IMG}\n${SCRIPT}`,
    });
    await form.save();
    // The toast quotes the name literally.
    await expectShown(page, `${SHOWN.svg} Typed`, 'toast');
    await expectInert(page, 'client list after typing');
    const { items } = await app.call('clients.list', {});
    expect(items[0]).toMatchObject({
      displayName: name,
      legalName: `${IMG} ${LONG}`,
      contactPerson: SCRIPT,
      address: `${RTL}\n${EMOJI}`,
    });

    const engagement = await app.call('engagements.create', {
      clientId: items[0]!.id,
      title: `${IMG} Typed engagement`,
      stage: 'active',
      contractValueMinor: 1_000_000,
    });
    await app.open(`/invoices/new?engagement=${engagement.id}`);
    const editor = page.getByRole('form', { name: tr('en', 'invoices.editor.newTitle') });
    const line = editor.getByRole('group', { name: tr('en', 'invoices.lines.row', { n: 1 }) });
    await line.getByLabel(tr('en', 'invoices.lines.description'), { exact: true }).fill(IMG);
    await line.getByLabel(tr('en', 'invoices.lines.quantity'), { exact: true }).fill('1');
    await line.getByLabel(tr('en', 'invoices.lines.unitPrice'), { exact: true }).fill('100');
    await line.getByLabel(tr('en', 'invoices.lines.taxRate'), { exact: true }).fill('0');
    await editor
      .getByLabel(tr('en', 'invoices.fields.notes'), { exact: true })
      .fill(`${SCRIPT} ${LONG}`);
    // Saved with the form's shortcut (the toast about the client covers the button's corner).
    await editor
      .getByLabel(tr('en', 'invoices.fields.notes'), { exact: true })
      .press('Control+Enter');
    await expect(page).toHaveURL(/#\/invoices\/[0-9a-f-]{36}$/);
    await expectShown(page, SHOWN.img, 'invoice draft');
    await expectShown(page, SHOWN.script, 'invoice draft');
    await expectInert(page, 'invoice draft');
    expect(dialogs).toEqual([]);
  });

  for (const language of ['en', 'zh-CN'] as const) {
    test(`${language}: forms refuse text over the limit with a translated message`, async ({
      app,
    }) => {
      const { page } = app;
      const t = (key: string, vars?: Record<string, string | number>) => tr(language, key, vars);
      const tooLong = (field: string, max: number) =>
        t('validation.tooLong', { field, max: new Intl.NumberFormat(language).format(max) });
      const client = await app.call('clients.create', {
        displayName: 'Acme',
        defaultCurrency: 'EUR',
      });
      if (language !== 'en') {
        await app.open('/settings');
        await new SettingsPage(page).setLanguage(language);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
      }
      await expectLimits(app, language, t, tooLong, client.id);
    });
  }
});

async function expectLimits(
  app: AppHarness,
  language: Language,
  t: (key: string, vars?: Record<string, string | number>) => string,
  tooLong: (field: string, max: number) => string,
  clientId: string,
) {
  const { page } = app;
  const countRows = async () => ({
    clients: (await app.call('clients.list', {})).total,
    engagements: (await app.call('engagements.list', {})).total,
    debt: (await app.call('debt.list', { clientId })).total,
    invoices: (await app.call('invoices.list', {})).total,
  });
  const before = await countRows();

  // Client form: the name is at most 200 characters.
  await app.open('/clients/new');
  const form = new ClientForm(page, language);
  await expect(form.dialog).toBeVisible();
  await form.fill({ displayName: 'x'.repeat(201), notes: 'y'.repeat(10_001) });
  await form.submit.click();
  await expect(form.dialog).toContainText(tooLong(t('clients.fields.displayName'), 200));
  await expect(form.dialog).toContainText(tooLong(t('clients.fields.notes'), 10_000));
  await page.keyboard.press('Escape');

  // Engagement form: title 200, scope 20,000.
  await app.open('/engagements');
  // The toolbar's button; an empty list shows a second one with the same action.
  await page
    .getByRole('button', { name: t('engagements.new') })
    .first()
    .click();
  const engagement = page.getByRole('dialog', { name: t('engagements.editor.newTitle') });
  await engagement
    .getByRole('textbox', { name: t('engagements.fields.title'), exact: false })
    .fill('t'.repeat(201));
  await engagement
    .getByLabel(t('engagements.fields.scope'), { exact: true })
    .fill('s'.repeat(20_001));
  await engagement.getByRole('button', { name: t('engagements.editor.create') }).click();
  await expect(engagement).toContainText(tooLong(t('engagements.fields.title'), 200));
  await expect(engagement).toContainText(tooLong(t('engagements.fields.scope'), 20_000));
  await page.keyboard.press('Escape');

  // Debt item workbench: title 200.
  await app.open(`/debt/new?client=${clientId}`);
  await new DebtWorkbench(page, language).field('title').fill('d'.repeat(201));
  await page.getByRole('button', { name: t('debt.editor.create') }).click();
  await expect(page.getByText(tooLong(t('debt.fields.title'), 200))).toBeVisible();

  // Invoice editor: a line description is at most 2,000 characters.
  await app.open('/invoices/new');
  const editor = page.getByRole('form', { name: t('invoices.editor.newTitle') });
  const line = editor.getByRole('group', { name: t('invoices.lines.row', { n: 1 }) });
  await line.getByLabel(t('invoices.lines.description'), { exact: true }).fill('l'.repeat(2_001));
  await editor.getByRole('button', { name: t('invoices.editor.saveDraft') }).click();
  await expect(line).toContainText(tooLong(t('invoices.lines.description'), 2_000));

  expect(await countRows()).toEqual(before);
}
