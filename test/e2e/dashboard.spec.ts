import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { AgingBuckets, type PracticeDashboard, type PracticeDashboardInput } from '../../core/api';
import { formatMoney, minorDigits } from '../../core/money';
import { SettingsPage } from './pages/SettingsPage';
import { tr, type Language } from './support/catalog';
import { expect, test, type AppHarness } from './support/fixtures';
import { compactMoney, monthLabel } from './support/format';

/**
 * The practice dashboard (home) on the demo workspace, in both languages: every figure on
 * screen is compared with what `dashboard.practice` answers for the same filters, and every
 * drill-down with what the list's own service answers.
 */

const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');
/** The receivables aging buckets, youngest first, as the contract lists them. */
const AGING_BUCKETS = AgingBuckets.keyof().options;

const money = (language: Language) => (minor: number, currency: string) =>
  formatMoney({ amountMinor: minor, currency }, language);

/**
 * The whole page in one viewport-sized shot (a full-page shot repeats the fixed header and
 * shell in the middle), without toasts, with the bars drawn at their final size.
 */
async function shot(app: AppHarness, name: string) {
  const size = app.page.viewportSize()!;
  await app.page.evaluate('window.scrollTo(0, 0)');
  const height = await app.page.evaluate<number>('document.documentElement.scrollHeight');
  await app.page.setViewportSize({ width: size.width, height: Math.min(height, 3000) });
  await app.page.addStyleTag({
    content: '.mantine-Notifications-root { display: none !important; }',
  });
  // Charts follow their container's new size (a resize observer) before the picture.
  await app.page.evaluate(
    'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))',
  );
  await app.screenshot(name, { fullPage: false });
  await app.page.evaluate(
    "document.querySelectorAll('style').forEach((s) => s.textContent.includes('mantine-Notifications-root { display: none') && s.remove())",
  );
  await app.page.setViewportSize(size);
}

async function useLanguage(app: AppHarness, language: Language) {
  if (language === 'en') return;
  await app.open('/settings');
  await new SettingsPage(app.page).setLanguage(language);
}

// The bars are drawn at once (the app honours "reduce motion"), so what is measured and
// photographed is the final chart.
test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

class Dashboard {
  constructor(
    readonly app: AppHarness,
    readonly language: Language,
  ) {}

  t(key: string, vars: Record<string, string | number> = {}) {
    return tr(this.language, key, vars);
  }

  get page() {
    return this.app.page;
  }

  async open(query = '') {
    await this.app.open(`/${query ? `?${query}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(
      this.t('dashboard.title'),
    );
  }

  panel(titleKey: string) {
    return this.page.getByRole('region', { name: this.t(titleKey), exact: true });
  }

  async showTable(titleKey: string) {
    const panel = this.panel(titleKey);
    const group = panel.getByRole('radiogroup', {
      name: this.t('dashboard.view.label', { title: this.t(titleKey) }),
    });
    await group.getByText(this.t('dashboard.view.table'), { exact: true }).click();
    const table = panel.getByRole('table', { name: this.t(titleKey) });
    await expect(table).toBeVisible();
    return table;
  }

  /** The body rows of a Mantine table, each as its cells' texts. */
  async tableRows(table: Locator): Promise<string[][]> {
    // A row's innerText has its cells separated by tabs.
    const rows = await table.locator('tbody tr').allInnerTexts();
    return rows.map((row) => row.split('\t').map((cell) => cell.trim()));
  }

  filter(labelKey: string) {
    return this.page
      .getByRole('search', { name: this.t('dashboard.filters.label') })
      .getByRole('combobox', { name: this.t(labelKey), exact: true });
  }

  async pick(labelKey: string, option: string) {
    await this.filter(labelKey).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async chartCurrency(currency: string) {
    await this.page
      .getByRole('radiogroup', { name: this.t('dashboard.chartCurrency') })
      .getByText(currency, { exact: true })
      .click();
  }

  /**
   * Hovers the `index`-th of `count` categories of a chart (the middle of its band in the
   * plot area) and returns the tooltip's text, which must name `label`.
   */
  async tooltipAt(titleKey: string, index: number, count: number, label: string) {
    const panel = this.panel(titleKey);
    const chart = panel.locator('svg.recharts-surface[role="application"]').first();
    await chart.scrollIntoViewIfNeeded();
    const plot = await chart.locator('.recharts-cartesian-grid').boundingBox();
    if (!plot) throw new Error(`No plot area in ${titleKey}`);
    await this.page.mouse.move(
      plot.x + ((index + 0.5) * plot.width) / count,
      plot.y + plot.height / 2,
    );
    const tooltip = panel.locator('.recharts-tooltip-wrapper');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText(label);
    return (await tooltip.textContent()) ?? '';
  }
}

async function expectMoneyCards(d: Dashboard, data: PracticeDashboard) {
  const fmt = money(d.language);
  await expect(d.page.locator('[data-testid^="money-"]')).toHaveCount(data.money.length);
  for (const m of data.money) {
    const c = m.currency;
    await expect(d.page.getByTestId(`kpi-${c}-contracted`)).toHaveText(fmt(m.contractedMinor, c));
    await expect(d.page.getByTestId(`kpi-${c}-invoiced`)).toHaveText(fmt(m.invoicedMinor, c));
    await expect(d.page.getByTestId(`kpi-${c}-paid`)).toHaveText(fmt(m.paidMinor, c));
    await expect(d.page.getByTestId(`kpi-${c}-outstanding`)).toHaveText(fmt(m.outstandingMinor, c));
    await expect(d.page.getByTestId(`kpi-${c}-overdue`)).toHaveText(fmt(m.overdueMinor, c));
  }
}

/** The pipeline and cash-in tables of the shown currency, cell for cell. */
async function expectChartTables(d: Dashboard, data: PracticeDashboard, currency: string) {
  const fmt = money(d.language);
  const pipeline = await d.showTable('dashboard.pipeline.title');
  expect(await d.tableRows(pipeline)).toEqual(
    data.pipeline
      .filter((p) => p.currency === currency)
      .map((p) => [
        d.t(`engagements.stage.${p.stage}`),
        new Intl.NumberFormat(d.language).format(p.engagements),
        fmt(p.valueMinor, currency),
      ]),
  );
  const cashIn = await d.showTable('dashboard.cashIn.title');
  const rows = data.cashIn.filter((c) => c.currency === currency);
  expect(rows).toHaveLength(12);
  expect(await d.tableRows(cashIn)).toEqual(
    rows.map((c) => [
      monthLabel(d.language, c.month),
      fmt(c.fromInvoicesMinor, currency),
      fmt(c.fromMilestonesMinor, currency),
      fmt(c.fromInvoicesMinor + c.fromMilestonesMinor, currency),
    ]),
  );
  const aging = await d.showTable('dashboard.aging.title');
  const buckets = data.aging.find((a) => a.currency === currency)!;
  expect(await d.tableRows(aging)).toEqual(
    AGING_BUCKETS.map((b) => [d.t(`receivables.buckets.${b}`), fmt(buckets[b], currency)]),
  );
  const revenue = await d.showTable('dashboard.revenue.title');
  expect(await d.tableRows(revenue)).toEqual(
    data.revenue
      .filter((r) => r.currency === currency)
      .map((r) => [
        monthLabel(d.language, r.month),
        fmt(r.invoicedMinor, currency),
        fmt(r.creditedMinor, currency),
        fmt(r.paidMinor, currency),
      ]),
  );
}

for (const language of ['en', 'zh-CN'] as const) {
  test(`${language}: the demo workspace's figures are the services' figures`, async ({ app }) => {
    await app.call('demo.load', { locale: language });
    await useLanguage(app, language);
    const d = new Dashboard(app, language);
    await d.open();
    const data = await app.call('dashboard.practice', {});
    expect(data.currencies.length).toBeGreaterThan(1);
    await expect(d.page.getByTestId('dashboard-as-of')).toContainText(
      new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${data.asOf}T00:00:00Z`),
      ),
    );
    await expectMoneyCards(d, data);

    // The charts draw the first currency (never several added together).
    const first = data.currencies[0]!;
    const active = data.pipeline.find((p) => p.currency === first && p.stage === 'active')!;
    const fmt = money(language);
    const stages = data.pipeline.filter((p) => p.currency === first);
    const tip = await d.tooltipAt(
      'dashboard.pipeline.title',
      stages.indexOf(active),
      stages.length,
      tr(language, 'engagements.stage.active'),
    );
    expect(tip).toContain(fmt(active.valueMinor, first));
    expect(tip).toContain(tr(language, 'dashboard.pipeline.count', { count: active.engagements }));
    if (language === 'zh-CN') {
      // 万/亿 in the tooltip and on the axis.
      expect(tip).toContain(compactMoney(language, active.valueMinor, first));
      expect(compactMoney(language, active.valueMinor, first)).toMatch(/[万亿]/);
    }
    // The value axis: every tick label that is not a stage.
    const stageLabels = new Set(
      ['lead', 'proposal_sent', 'won', 'active', 'completed', 'lost', 'cancelled'].map((s) =>
        tr(language, `engagements.stage.${s}`),
      ),
    );
    const ticks = (
      await d
        .panel('dashboard.pipeline.title')
        .locator('.recharts-cartesian-axis-tick-label')
        .allTextContents()
    ).filter((tick) => !stageLabels.has(tick));
    const top = Math.max(
      ...data.pipeline.filter((p) => p.currency === first).map((p) => p.valueMinor),
    );
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks).toContain(compactMoney(language, 0, first));
    if (language === 'zh-CN' && top / 10 ** minorDigits(first) >= 20_000) {
      expect(ticks.some((tick) => /[万亿]/.test(tick))).toBe(true);
    }

    const cashMonth = data.cashIn.find(
      (c) => c.currency === first && c.fromInvoicesMinor + c.fromMilestonesMinor > 0,
    )!;
    const months = data.cashIn.filter((c) => c.currency === first);
    const cashTip = await d.tooltipAt(
      'dashboard.cashIn.title',
      months.indexOf(cashMonth),
      months.length,
      monthLabel(language, cashMonth.month),
    );
    if (cashMonth.fromInvoicesMinor > 0) {
      expect(cashTip).toContain(fmt(cashMonth.fromInvoicesMinor, first));
    }
    if (cashMonth.fromMilestonesMinor > 0) {
      expect(cashTip).toContain(fmt(cashMonth.fromMilestonesMinor, first));
    }
    await shot(app, language === 'en' ? 'dashboard-en' : 'dashboard-zh');
  });

  test(`${language}: every chart as a table, in each currency, and the SLA table`, async ({
    app,
  }) => {
    await app.call('demo.load', { locale: language });
    await useLanguage(app, language);
    const d = new Dashboard(app, language);
    await d.open();
    const data = await app.call('dashboard.practice', {});
    const [first, second] = data.currencies as [string, string];
    const fmt = money(language);
    await expectChartTables(d, data, first);
    await d.chartCurrency(second);
    await expect(d.page).toHaveURL(new RegExp(`chart=${second}`));
    await expectChartTables(d, data, second);

    // SLA: compliance and credits per engagement.
    const sla = d.page.getByRole('table', { name: tr(language, 'dashboard.sla.title') });
    await expect(sla.locator('tbody tr')).toHaveCount(data.sla.length);
    expect(data.sla.length).toBeGreaterThan(0);
    for (const row of data.sla) {
      const tr_ = sla.locator('tbody tr', { hasText: row.engagementTitle });
      await expect(tr_).toContainText(fmt(row.creditsMinor, row.currency));
      if (row.complianceRatio !== null) {
        await expect(tr_).toContainText(
          new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(
            row.complianceRatio,
          ),
        );
      }
    }
    if (language === 'zh-CN') {
      await shot(app, 'dashboard-zh-tables');
    }
  });
}

test('filters live in the URL: currency and months survive a reload, Back undoes', async ({
  app,
}) => {
  await app.call('demo.load', { locale: 'en' });
  const d = new Dashboard(app, 'en');
  await d.open();
  const all = await app.call('dashboard.practice', {});
  await expectMoneyCards(d, all);
  const currency = all.currencies[1]!;

  await d.pick('dashboard.filters.currency', currency);
  await expect(d.page).toHaveURL(new RegExp(`currency=${currency}`));
  const one = await app.call('dashboard.practice', { currency });
  expect(one.money).toHaveLength(1);
  await expectMoneyCards(d, one);

  // The range: the six months up to the as-of month.
  const to = all.asOf.slice(0, 7);
  const [y, m] = to.split('-').map(Number) as [number, number];
  const fromDate = new Date(Date.UTC(y, m - 6, 1));
  const from = `${fromDate.getUTCFullYear()}-${String(fromDate.getUTCMonth() + 1).padStart(2, '0')}`;
  await d.pick('dashboard.filters.from', monthLabel('en', from));
  await d.pick('dashboard.filters.to', monthLabel('en', to));
  await expect(d.page).toHaveURL(new RegExp(`from=${from}.*to=${to}|to=${to}.*from=${from}`));
  const input: PracticeDashboardInput = {
    currency,
    from: `${from}-01`,
    to: all.to,
  };
  const ranged = await app.call('dashboard.practice', input);
  expect(ranged.revenue.filter((r) => r.currency === currency)).toHaveLength(6);
  const revenue = await d.showTable('dashboard.revenue.title');
  await expect(revenue.locator('tbody tr')).toHaveCount(6);

  await d.page.reload();
  await expect(d.filter('dashboard.filters.currency')).toHaveValue(currency);
  await expect(d.filter('dashboard.filters.from')).toHaveValue(monthLabel('en', from));
  await expect(d.filter('dashboard.filters.to')).toHaveValue(monthLabel('en', to));
  await expectMoneyCards(d, ranged);
  const afterReload = await d.showTable('dashboard.revenue.title');
  expect((await d.tableRows(afterReload)).map((r) => r[0])).toEqual(
    ranged.revenue.filter((r) => r.currency === currency).map((r) => monthLabel('en', r.month)),
  );

  // Back: the range goes, then the currency.
  await d.page.goBack();
  await d.page.goBack();
  await expect(d.filter('dashboard.filters.from')).toHaveValue('');
  await expect(d.filter('dashboard.filters.currency')).toHaveValue(currency);
  await d.page.goBack();
  await expect(d.filter('dashboard.filters.currency')).toHaveValue('');
  await expectMoneyCards(d, all);
});

test('drill-down: stage, revenue month and overdue open the filtered lists', async ({ app }) => {
  await app.call('demo.load', { locale: 'en' });
  const d = new Dashboard(app, 'en');
  const data = await app.call('dashboard.practice', {});
  const fmt = money('en');

  // A pipeline bar, by mouse: the engagements of that stage and currency.
  await d.open();
  const currency = data.currencies[0]!;
  const active = data.pipeline.find((p) => p.currency === currency && p.stage === 'active')!;
  expect(active.engagements).toBeGreaterThan(0);
  const stages = data.pipeline.filter((p) => p.currency === currency);
  await d.tooltipAt(
    'dashboard.pipeline.title',
    stages.indexOf(active),
    stages.length,
    tr('en', 'engagements.stage.active'),
  );
  await d.page.mouse.down();
  await d.page.mouse.up();
  await expect(d.page).toHaveURL(/#\/engagements\?stage=active&currency=/);
  const engagements = await app.call('engagements.list', { stages: ['active'], currency });
  expect(engagements.total).toBe(active.engagements);
  const engTable = d.page.getByRole('table', { name: tr('en', 'engagements.tableLabel') });
  const engRows = engTable.locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"])');
  await expect(engRows).toHaveCount(active.engagements);
  for (const e of engagements.items) {
    await expect(engTable.getByRole('row', { name: `${e.title} — ${e.clientName}` })).toBeVisible();
  }
  await expect(d.page.getByTestId('drill-banner')).toContainText(currency);

  // A revenue month, by keyboard through the table view.
  await d.page.goBack();
  const month = data.revenue.find((r) => r.currency === currency && r.invoicedMinor > 0)!;
  const revenue = await d.showTable('dashboard.revenue.title');
  const link = revenue.getByRole('link', {
    name: tr('en', 'dashboard.revenue.open', {
      month: monthLabel('en', month.month),
      value: fmt(month.invoicedMinor, currency),
    }),
  });
  await link.focus();
  await d.page.keyboard.press('Enter');
  const [yy, mm] = month.month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  const issuedFrom = `${month.month}-01`;
  const issuedTo = `${month.month}-${String(last).padStart(2, '0')}`;
  await expect(d.page).toHaveURL(
    new RegExp(`#/invoices\\?issuedFrom=${issuedFrom}&issuedTo=${issuedTo}&currency=${currency}`),
  );
  const invoices = await app.call('invoices.list', { issuedFrom, issuedTo, currency });
  expect(invoices.total).toBeGreaterThan(0);
  const invTable = d.page.getByRole('table', { name: tr('en', 'invoices.tableLabel') });
  const invRows = invTable.locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"])');
  await expect(invRows).toHaveCount(invoices.total);
  for (const inv of invoices.items) {
    await expect(
      invTable.getByRole('row', { name: `${inv.number} — ${inv.clientName}` }),
    ).toBeVisible();
  }
  await shot(app, 'dashboard-drill-invoices');
  // "Show all" drops the dashboard's filters.
  await d.page.getByRole('button', { name: tr('en', 'dashboard.drill.clear') }).click();
  const everything = await app.call('invoices.list', {});
  await expect(invRows).toHaveCount(everything.total);

  // Overdue, from the money card of the currency that has some.
  await d.open();
  const overdue = data.money.find((m) => m.overdueMinor > 0)!;
  await d.page
    .getByRole('link', {
      name: tr('en', 'dashboard.kpi.viewOverdue', { currency: overdue.currency }),
    })
    .click();
  await expect(d.page).toHaveURL(
    new RegExp(`#/invoices\\?status=overdue&currency=${overdue.currency}`),
  );
  await expect(
    d.page.getByRole('radiogroup', { name: tr('en', 'invoices.filterStatus') }).getByRole('radio', {
      name: tr('en', 'invoices.status.overdue'),
    }),
  ).toBeChecked();
  await expect(invRows).toHaveCount(overdue.overdueInvoices);

  // SLA row: the engagement, where its service levels are.
  await d.open();
  const slaRow = data.sla[0]!;
  await d.page
    .getByRole('link', {
      name: tr('en', 'dashboard.sla.open', { engagement: slaRow.engagementTitle }),
    })
    .click();
  await expect(d.page).toHaveURL(new RegExp(`#/engagements/${slaRow.engagementId}$`));
  await expect(d.page.getByRole('heading', { name: tr('en', 'sla.title') })).toBeVisible();
});

test('a new workspace explains the dashboard and loads the demo from there', async ({ app }) => {
  const d = new Dashboard(app, 'en');
  await d.open();
  await expect(d.page.getByText(tr('en', 'dashboard.empty.title'))).toBeVisible();
  await expect(
    d.page.getByRole('button', { name: tr('en', 'dashboard.empty.addClient') }),
  ).toBeVisible();
  await shot(app, 'dashboard-empty');
  await d.page.getByRole('button', { name: tr('en', 'dashboard.empty.loadDemo') }).click();
  const data = await app.call('dashboard.practice', {});
  expect(data.money.length).toBeGreaterThan(0);
  await expectMoneyCards(d, data);
  // The first nav entry is the dashboard, and it is the current page.
  const nav = d.page.getByRole('navigation');
  await expect(nav.getByRole('link').first()).toHaveText(tr('en', 'dashboard.title'));
  await expect(nav.getByRole('link', { name: tr('en', 'dashboard.title') })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('charts export as SVG and PNG through the save dialog, in the dark theme', async ({ app }) => {
  await app.call('demo.load', { locale: 'zh-CN' });
  await app.open('/settings');
  const settings = new SettingsPage(app.page);
  await settings.setTheme('dark');
  await settings.setLanguage('zh-CN');
  const d = new Dashboard(app, 'zh-CN');
  await d.open();
  const data = await app.call('dashboard.practice', {});
  await expect(
    d.panel('dashboard.pipeline.title').locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();
  await shot(app, 'dashboard-dark-zh');

  const exportAs = async (format: 'svg' | 'png') => {
    const title = d.t('dashboard.pipeline.title');
    await d
      .panel('dashboard.pipeline.title')
      .getByRole('button', { name: d.t('dashboard.export.label', { title }) })
      .click();
    await d.page.getByRole('menuitem', { name: d.t(`dashboard.export.${format}`) }).click();
    const file = path.join(app.savedDir, `${title} ${data.currencies[0]}.${format}`);
    await expect(
      d.page.locator('.mantine-Notification-root').filter({ hasText: file }),
    ).toBeVisible();
    // Kept next to the screenshots, to be looked at.
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(SCREENSHOTS, `dashboard-export-zh-dark.${format}`));
    return fs.readFileSync(file);
  };

  const svg = (await exportAs('svg')).toString('utf8');
  expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain(d.t('dashboard.pipeline.title'));
  for (const stage of ['lead', 'active', 'completed']) {
    expect(svg).toContain(d.t(`engagements.stage.${stage}`));
  }
  // Axis ticks in 万 and the dark panel's background travel with the file.
  expect(svg).toMatch(/万|亿/);
  const background = /<rect width="100%" height="100%" fill="rgb\((\d+), (\d+), (\d+)\)"/.exec(svg);
  expect(background, 'a background rect').not.toBeNull();
  const [r, g, b] = background!.slice(1).map(Number) as [number, number, number];
  expect(r + g + b).toBeLessThan(3 * 80);
  expect(svg).not.toContain('class="recharts');

  const png = await exportAs('png');
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.byteLength).toBeGreaterThan(10_000);
  // 2×: the IHDR width is twice the SVG's.
  const svgWidth = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
  expect(png.readUInt32BE(16)).toBe(svgWidth * 2);

  // Cancelled: nothing written, no message.
  app.setDialogAnswer('cancel');
  await d
    .panel('dashboard.pipeline.title')
    .getByRole('button', {
      name: d.t('dashboard.export.label', { title: d.t('dashboard.pipeline.title') }),
    })
    .click();
  await d.page.getByRole('menuitem', { name: d.t('dashboard.export.png') }).click();
  await expect(d.page.getByRole('menuitem')).toHaveCount(0);
  expect(fs.readdirSync(app.savedDir)).toHaveLength(2);
});

test('client and engagement filters narrow every figure; changing client drops the engagement', async ({
  app,
}) => {
  const demo = await app.call('demo.load', { locale: 'en' });
  const d = new Dashboard(app, 'en');
  await d.open();
  const client = await app.call('clients.get', { id: demo.clientIds[1]! });
  const { items } = await app.call('engagements.list', { clientId: client.id });
  const engagement = items[0]!;

  await d.pick('dashboard.filters.client', client.displayName);
  await expect(d.page).toHaveURL(new RegExp(`client=${client.id}`));
  const byClient = await app.call('dashboard.practice', { clientId: client.id });
  await expectMoneyCards(d, byClient);

  await d.pick('dashboard.filters.engagement', engagement.title);
  await expect(d.page).toHaveURL(new RegExp(`engagement=${engagement.id}`));
  const byEngagement = await app.call('dashboard.practice', {
    clientId: client.id,
    engagementId: engagement.id,
  });
  await expectMoneyCards(d, byEngagement);
  const sla = d.page.getByRole('table', { name: tr('en', 'dashboard.sla.title') });
  await expect(sla.locator('tbody tr')).toHaveCount(byEngagement.sla.length);

  // Another client: the engagement filter goes with the old client.
  const other = await app.call('clients.get', { id: demo.clientIds[0]! });
  // The client picker searches: type the other name, then pick it.
  await d.filter('dashboard.filters.client').fill(other.displayName.slice(0, 5));
  await d.page.getByRole('option', { name: other.displayName, exact: true }).click();
  await expect(d.page).toHaveURL(new RegExp(`client=${other.id}`));
  await expect(d.page).not.toHaveURL(/engagement=/);
  await expect(d.filter('dashboard.filters.engagement')).toHaveValue('');
  await expectMoneyCards(d, await app.call('dashboard.practice', { clientId: other.id }));
});

test('a dashboard that cannot load says so, and Retry loads it', async ({ app }) => {
  await app.call('demo.load', { locale: 'en' });
  app.setUnreachable(true);
  const d = new Dashboard(app, 'en');
  await d.open();
  await expect(d.page.getByText(tr('en', 'dashboard.loadError'))).toBeVisible();
  await expect(d.page.getByText(tr('en', 'errors.unavailable'))).toBeVisible();
  app.setUnreachable(false);
  await d.page.getByRole('button', { name: tr('en', 'common.retry') }).click();
  await expectMoneyCards(d, await app.call('dashboard.practice', {}));
});

test('clicking a revenue month and an aging bar opens their lists', async ({ app }) => {
  await app.call('demo.load', { locale: 'en' });
  const d = new Dashboard(app, 'en');
  await d.open();
  const data = await app.call('dashboard.practice', {});
  const currency = data.currencies[0]!;
  const months = data.revenue.filter((r) => r.currency === currency);
  const month = months.find((r) => r.invoicedMinor > 0)!;
  await d.tooltipAt(
    'dashboard.revenue.title',
    months.indexOf(month),
    months.length,
    monthLabel('en', month.month),
  );
  await d.page.mouse.down();
  await d.page.mouse.up();
  await expect(d.page).toHaveURL(
    new RegExp(
      `#/invoices\\?issuedFrom=${month.month}-01&issuedTo=${month.month}-\\d\\d&currency=${currency}$`,
    ),
  );
  await expect(d.page.getByTestId('drill-banner')).toContainText(currency);

  await d.page.goBack();
  const aging = data.aging.find((a) => a.currency === currency)!;
  const buckets = AGING_BUCKETS;
  const overdueBucket = buckets.findIndex((b) => b !== 'currentMinor' && aging[b] > 0);
  expect(overdueBucket).toBeGreaterThan(0);
  await d.tooltipAt(
    'dashboard.aging.title',
    overdueBucket,
    buckets.length,
    tr('en', `receivables.buckets.${buckets[overdueBucket]!}`),
  );
  await d.page.mouse.down();
  await d.page.mouse.up();
  await expect(d.page).toHaveURL(new RegExp(`#/invoices\\?status=overdue&currency=${currency}$`));
});
