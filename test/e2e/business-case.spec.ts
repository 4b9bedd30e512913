import type { Locator, Page } from '@playwright/test';
import type { MethodOutput } from '../../core/api';
import { formatMoney, minorDigits } from '../../core/money';
import { DebtRegister, DebtWorkbench } from './pages/DebtPages';
import { SettingsPage } from './pages/SettingsPage';
import { tr, type Language } from './support/catalog';
import { expect, test, type AppHarness } from './support/fixtures';
import { compactMoney } from './support/format';

type Dashboard = MethodOutput<'dashboard.client'>;
type Kpis = Dashboard['kpis'];

/**
 * The figures as the screen must show them, computed here from the service's own result
 * with the UI's formatting rules (Intl in the UI language), so a figure that differs from
 * what the database holds fails.
 */
function formats(language: Language) {
  const round = (minor: number) => Math.sign(minor) * Math.round(Math.abs(minor));
  const whole = (minor: number, currency: string) =>
    new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    }).format(round(minor) / 10 ** minorDigits(currency));
  const compact = (minor: number, currency: string) => compactMoney(language, minor, currency);
  const percent = (value: number | null) =>
    value === null
      ? '—'
      : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(
          value,
        );
  const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const payback = (quarters: number | null) =>
    quarters === null
      ? tr(language, 'debt.payback.never')
      : quarters === 0
        ? tr(language, 'debt.payback.immediate')
        : tr(language, 'debt.payback.quarters', { value: decimal.format(quarters) });
  /** Tooltips: the exact amount, with the 万/亿 form after it in Chinese from 10,000 up. */
  const tooltip = (minor: number, currency: string) => {
    const full = formatMoney({ amountMinor: Math.round(minor), currency }, language);
    const major = Math.abs(Math.round(minor)) / 10 ** minorDigits(currency);
    return language === 'zh-CN' && major >= 10_000
      ? `${full}（${compact(Math.round(minor), currency)}）`
      : full;
  };
  const number = (value: number) => new Intl.NumberFormat(language).format(value);
  return { whole, percent, payback, tooltip, number };
}

/** The demo client of the UI language (the demo loads both; the language's comes first). */
async function demoClient(app: AppHarness, language: Language) {
  const demo = await app.call('demo.load', { locale: language });
  const data = await app.call('dashboard.client', { clientId: demo.clientIds[0]! });
  expect(data.kpis.items).toBeGreaterThan(3);
  return data;
}

class BusinessCase {
  constructor(
    readonly page: Page,
    readonly language: Language,
  ) {}

  t(key: string, vars?: Record<string, string | number>) {
    return tr(this.language, key, vars);
  }

  kpi(key: string): Locator {
    return this.page
      .getByRole('list', { name: this.t('businessCase.kpis.region') })
      .locator(`[data-kpi="${key}"]`);
  }

  panel(key: string): Locator {
    return this.page.getByRole('region', { name: this.t(key), exact: true });
  }

  get cumulative() {
    return this.panel('businessCase.charts.cumulative');
  }

  get matrix() {
    return this.panel('businessCase.charts.matrix');
  }

  get plan() {
    return this.panel('businessCase.plan.title');
  }

  async expectKpis(kpis: Kpis, currency: string) {
    const f = formats(this.language);
    await expect(this.kpi('pvCarry')).toHaveText(f.whole(kpis.pvCarryMinor, currency));
    await expect(this.kpi('fixCost')).toHaveText(f.whole(kpis.fixCostMinor, currency));
    await expect(this.kpi('netBenefit')).toHaveText(f.whole(kpis.netBenefitMinor, currency));
    await expect(this.kpi('roi')).toHaveText(f.percent(kpis.roi));
    await expect(this.kpi('payback')).toHaveText(f.payback(kpis.paybackQuarters));
    await expect(this.kpi('items')).toHaveText(f.number(kpis.items));
  }

  /** Hovers the cumulative chart near its right end and checks the tooltip's figures. */
  async expectCumulativeTooltip(data: Dashboard) {
    const f = formats(this.language);
    const svg = this.cumulative.locator('svg.recharts-surface[role="application"]');
    const box = (await svg.boundingBox())!;
    await this.page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);
    const tooltip = this.cumulative.locator('.recharts-tooltip-wrapper');
    await expect(tooltip).toBeVisible();
    const label = (await tooltip.locator('.recharts-tooltip-label').innerText()).trim();
    const point = data.cumulative.find(
      (p) => this.t('debt.charts.quarterTick', { quarter: p.quarter }) === label,
    );
    expect(point, `a quarter labelled ${label}`).toBeDefined();
    const text = await tooltip.innerText();
    expect(text).toContain(f.tooltip(point!.carryLikely, data.currency));
    expect(text).toContain(f.tooltip(point!.fixLikely, data.currency));
    expect(text).toContain(
      `${f.tooltip(point!.carryP10, data.currency)} – ${f.tooltip(point!.carryP90, data.currency)}`,
    );
    await this.page.mouse.move(0, 0);
  }
}

async function checkDashboard(app: AppHarness, language: Language, shot: string) {
  const data = await demoClient(app, language);
  await app.open(`/clients/${data.clientId}/business-case`);
  const bc = new BusinessCase(app.page, language);
  const f = formats(language);

  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(bc.t('businessCase.title'));
  await expect(app.page.getByRole('heading', { name: data.clientName })).toBeVisible();
  await bc.expectKpis(data.kpis, data.currency);

  // The band chart: both P10–P90 bands and the likely lines, with the service's figures.
  const legend = bc.cumulative.locator('.recharts-legend-wrapper');
  await expect(legend).toContainText(bc.t('debt.charts.carryBand'));
  await expect(legend).toContainText(bc.t('debt.charts.fixBand'));
  await expect(legend).toContainText(bc.t('debt.charts.carry'));
  await expect(bc.cumulative.locator('.recharts-area')).toHaveCount(2);
  await bc.expectCumulativeTooltip(data);

  // The matrix: one point per item the service returned.
  await expect(bc.matrix.locator('.recharts-scatter-symbol')).toHaveCount(data.matrix.length);
  expect(data.matrixTotal).toBe(data.matrix.length);

  // The status breakdown lists every status with items, as links to the filtered register.
  for (const s of data.byStatus.filter((b) => b.items > 0)) {
    await expect(
      app.page.getByRole('link', {
        name: bc.t('businessCase.breakdownLink', {
          label: bc.t(`debt.status.${s.status}`),
          count: s.items,
          amount: f.whole(s.netBenefitMinor, data.currency),
        }),
      }),
    ).toBeVisible();
  }
  await app.screenshot(shot);
  return { data, bc };
}

test('en: the demo client business case shows the service figures and drills down', async ({
  app,
}) => {
  const { data, bc } = await checkDashboard(app, 'en', 'business-case-light');
  const page = app.page;

  // A matrix point opens that item's workbench: the one its tooltip names.
  const point = bc.matrix.locator('.recharts-scatter-symbol path').first();
  await point.hover({ force: true });
  const label = bc.matrix.locator('.recharts-tooltip-wrapper .recharts-tooltip-label');
  await expect(label).not.toBeEmpty();
  const title = (await label.innerText()).trim();
  const item = data.matrix.find((p) => p.title === title);
  expect(item, `the tooltip names an item of the matrix (${title})`).toBeDefined();
  await expect(bc.matrix.locator('.recharts-tooltip-wrapper')).toContainText(
    formats('en').tooltip(item!.netBenefitMinor, data.currency),
  );
  await point.click({ force: true });
  await expect(page).toHaveURL(new RegExp(`#/debt/${item!.id}$`));
  await expect(new DebtWorkbench(page).field('title')).toHaveValue(item!.title);
  await page.goBack();

  // The largest items, as links (the keyboard's way into the matrix).
  const largest = [...data.matrix].sort((a, b) => b.netBenefitMinor - a.netBenefitMinor)[0]!;
  const link = page
    .getByRole('region', { name: bc.t('businessCase.largest') })
    .getByRole('link', { name: largest.title, exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/debt/${largest.id}$`));
});

test('en: the status and impact bars drill down to the lists behind them', async ({ app }) => {
  const data = await demoClient(app, 'en');
  await app.open(`/clients/${data.clientId}/business-case`);
  const bc = new BusinessCase(app.page, 'en');
  const page = app.page;

  // A status bar opens the register filtered to that status.
  const statuses = data.byStatus.filter((s) => s.items > 0);
  const first = statuses[0]!;
  await bc.panel('businessCase.charts.byStatus').locator('.recharts-bar-rectangle').first().click();
  await expect(page).toHaveURL(new RegExp(`#/clients/${data.clientId}/debt$`));
  const register = new DebtRegister(page);
  await expect(register.rows).toHaveCount(first.items);
  await expect(page.locator('.mantine-MultiSelect-pill')).toHaveText([
    bc.t(`debt.status.${first.status}`),
  ]);
  await page.goBack();

  // The same through its link, for another status.
  const second = statuses[1] ?? first;
  await page
    .getByRole('link', {
      name: bc.t('businessCase.breakdownLink', {
        label: bc.t(`debt.status.${second.status}`),
        count: second.items,
        amount: formats('en').whole(second.netBenefitMinor, data.currency),
      }),
    })
    .click();
  await expect(register.rows).toHaveCount(second.items);
  await page.goBack();

  // An impact bar lists its items; one of them opens its workbench.
  const impact = data.byImpact.find((b) => b.items > 0)!;
  await bc.panel('businessCase.charts.byImpact').locator('.recharts-bar-rectangle').first().click();
  const dialog = page.getByRole('dialog', {
    name: bc.t('businessCase.impactList', { impact: bc.t(`debt.impact.${impact.impact}`) }),
  });
  await expect(dialog.getByRole('listitem')).toHaveCount(impact.items);
  await dialog.getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/debt\/[0-9a-f-]{36}$/);
});

test('en: the status filter lives in the URL and the figures follow it', async ({ app }) => {
  const data = await demoClient(app, 'en');
  await app.open(`/clients/${data.clientId}/business-case`);
  const bc = new BusinessCase(app.page, 'en');
  await bc.expectKpis(data.kpis, data.currency);

  // Add a status that is not in the default set: the URL and the figures change with it.
  const extra = data.byStatus.find((s) => !data.statuses.includes(s.status) && s.items > 0);
  const chosen = extra ? [...data.statuses, extra.status] : data.statuses.slice(1);
  const toggled = extra?.status ?? data.statuses[0]!;
  const chips = app.page.getByRole('group', { name: bc.t('businessCase.filters.statuses') });
  await chips.getByText(new RegExp(`^${bc.t(`debt.status.${toggled}`)} \\(`)).click();
  const expected = await app.call('dashboard.client', {
    clientId: data.clientId,
    statuses: chosen,
  });
  await expect(app.page).toHaveURL(new RegExp(`status=${toggled}`));
  await bc.expectKpis(expected.kpis, expected.currency);

  // The URL alone restores the filter.
  await app.page.reload();
  await bc.expectKpis(expected.kpis, expected.currency);
  await app.page.getByRole('button', { name: bc.t('businessCase.filters.reset') }).click();
  await bc.expectKpis(data.kpis, data.currency);
});

test('en: the saved fix plan panel, and presentation mode', async ({ app }) => {
  const data = await demoClient(app, 'en');
  // Start without a plan (the demo may have saved one): an empty state invites to make one.
  app.exec('DELETE FROM debt_selections WHERE client_id = ?', data.clientId);
  await app.open(`/clients/${data.clientId}/business-case`);
  const bc = new BusinessCase(app.page, 'en');
  await expect(bc.plan).toContainText(bc.t('businessCase.plan.emptyTitle'));
  await expect(
    bc.plan.getByRole('link', { name: bc.t('businessCase.plan.choose') }),
  ).toHaveAttribute('href', `#/clients/${data.clientId}/debt/portfolio`);

  // Save a plan through the services, as the portfolio page does.
  const top = [...data.matrix].sort((a, b) => b.netBenefitMinor - a.netBenefitMinor).slice(0, 3);
  await app.call('debt.selection.save', {
    clientId: data.clientId,
    itemIds: top.map((p) => p.id),
    budget: null,
  });
  const withPlan = await app.call('dashboard.client', { clientId: data.clientId });
  const plan = withPlan.plan!;
  expect(plan.items).toBe(3);
  await app.page.reload();
  const f = formats('en');
  const figure = (key: string) => bc.plan.locator(`[data-plan-kpi="${key}"]`);
  await expect(figure('items')).toHaveText('3');
  await expect(figure('fixCost')).toHaveText(f.whole(plan.kpis.fixCostMinor, data.currency));
  await expect(figure('netBenefit')).toHaveText(f.whole(plan.kpis.netBenefitMinor, data.currency));
  await expect(figure('roi')).toHaveText(f.percent(plan.kpis.roi));
  await expect(figure('payback')).toHaveText(f.payback(plan.kpis.paybackQuarters));
  await expect(figure('share')).toHaveText(f.percent(plan.shareOfNetBenefit));
  await expect(bc.cumulative.locator('.recharts-legend-wrapper')).toContainText(
    bc.t('businessCase.charts.withPlan'),
  );
  // To the portfolio page to change the plan, and back through its header link.
  await bc.plan.getByRole('link', { name: bc.t('businessCase.plan.change') }).click();
  await expect(app.page).toHaveURL(new RegExp(`#/clients/${data.clientId}/debt/portfolio$`));
  await app.page.getByRole('link', { name: bc.t('businessCase.open') }).click();
  await expect(figure('share')).toHaveText(f.percent(plan.shareOfNetBenefit));

  // Presentation: no app shell, one idea per slide, arrows move, Esc returns.
  const page = app.page;
  await page.getByRole('button', { name: bc.t('businessCase.present.start') }).click();
  await expect(page).toHaveURL(new RegExp(`#/clients/${data.clientId}/business-case/present`));
  const deck = page.getByRole('main', { name: bc.t('businessCase.present.region') });
  await expect(deck).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  const indicator = page.getByTestId('slide-indicator');
  const slideIs = async (n: number, titleKey: string) => {
    await expect(indicator).toHaveText(
      bc.t('businessCase.present.indicator', { current: n, total: 4 }),
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(bc.t(titleKey));
  };
  await slideIs(1, 'businessCase.present.slides.kpis');
  await bc.expectKpis(withPlan.kpis, data.currency);
  // Large type: the figures are at least twice the dashboard's size.
  const size = await bc
    .kpi('netBenefit')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(44);
  await app.screenshot('business-case-present-kpis', { fullPage: false });

  await page.keyboard.press('ArrowRight');
  await slideIs(2, 'businessCase.present.slides.cumulative');
  await expect(bc.cumulative.locator('.recharts-legend-wrapper')).toContainText('P10–P90');
  await app.screenshot('business-case-present-cumulative', { fullPage: false });
  await page.keyboard.press('PageDown');
  await slideIs(3, 'businessCase.present.slides.matrix');
  await expect(bc.matrix.locator('.recharts-scatter-symbol')).toHaveCount(withPlan.matrix.length);
  await app.screenshot('business-case-present-matrix', { fullPage: false });
  await page.keyboard.press(' ');
  await slideIs(4, 'businessCase.present.slides.plan');
  await expect(bc.plan.locator('[data-plan-kpi="share"]')).toHaveText(
    f.percent(plan.shareOfNetBenefit),
  );
  await app.screenshot('business-case-present-plan', { fullPage: false });
  // The last slide stays the last; back with the left arrow and PageUp.
  await page.keyboard.press('ArrowRight');
  await slideIs(4, 'businessCase.present.slides.plan');
  await page.keyboard.press('ArrowLeft');
  await slideIs(3, 'businessCase.present.slides.matrix');
  await page.keyboard.press('PageUp');
  await slideIs(2, 'businessCase.present.slides.cumulative');
  // The slide dots are buttons too.
  await page
    .getByRole('button', {
      name: bc.t('businessCase.present.goTo', {
        number: 4,
        title: bc.t('businessCase.present.slides.plan'),
      }),
    })
    .click();
  await slideIs(4, 'businessCase.present.slides.plan');

  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`#/clients/${data.clientId}/business-case$`));
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page.evaluate(() => document.fullscreenElement === null)).resolves.toBe(true);

  // The exit button does the same.
  await page.getByRole('button', { name: bc.t('businessCase.present.start') }).click();
  await expect(deck).toBeVisible();
  await page.getByRole('button', { name: bc.t('businessCase.present.exit') }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(bc.kpi('netBenefit')).toHaveText(
    f.whole(withPlan.kpis.netBenefitMinor, data.currency),
  );
});

test('en: dark theme', async ({ app }) => {
  await app.page.emulateMedia({ colorScheme: 'dark' });
  const data = await demoClient(app, 'en');
  await app.open(`/clients/${data.clientId}/business-case`);
  const bc = new BusinessCase(app.page, 'en');
  await bc.expectKpis(data.kpis, data.currency);
  // The grid uses the dark palette, not the light theme's grey.
  const grid = bc.cumulative.locator('.recharts-cartesian-grid-horizontal line').first();
  await expect(grid).toHaveAttribute('stroke', /#(?!dee2e6)/i);
  await expect(bc.matrix.locator('.recharts-scatter-symbol')).toHaveCount(data.matrix.length);
  await app.screenshot('business-case-dark');

  // Presentation mode follows the theme too.
  await app.page.getByRole('button', { name: bc.t('businessCase.present.start') }).click();
  await expect(app.page.getByTestId('slide-indicator')).toHaveText(
    bc.t('businessCase.present.indicator', { current: 1, total: 4 }),
  );
  await app.page.keyboard.press('ArrowRight');
  await expect(app.page.getByTestId('slide-indicator')).toHaveText(
    bc.t('businessCase.present.indicator', { current: 2, total: 4 }),
  );
  await expect(
    bc.cumulative.locator('.recharts-cartesian-grid-horizontal line').first(),
  ).toHaveAttribute('stroke', /#(?!dee2e6)/i);
  await app.screenshot('business-case-present-dark', { fullPage: false });
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByRole('navigation')).toBeVisible();
});

test('zh-CN: the demo business case in Chinese, with 万 in tooltips, and presentation', async ({
  app,
}) => {
  await app.open('/settings');
  await new SettingsPage(app.page).setLanguage('zh-CN');
  const { data, bc } = await checkDashboard(app, 'zh-CN', 'zh-business-case');
  // Chinese compact money on the axes.
  const ticks = await bc.cumulative
    .locator('.recharts-cartesian-axis-tick-value')
    .allTextContents();
  expect(ticks.some((tick) => /万|亿/.test(tick))).toBe(true);

  await app.page.getByRole('button', { name: bc.t('businessCase.present.start') }).click();
  await expect(app.page.getByTestId('slide-indicator')).toHaveText('第 1 页，共 4 页');
  await bc.expectKpis(data.kpis, data.currency);
  await app.screenshot('zh-business-case-present', { fullPage: false });
  await app.page.keyboard.press('ArrowRight');
  await expect(app.page.getByTestId('slide-indicator')).toHaveText('第 2 页，共 4 页');
  await app.screenshot('zh-business-case-present-cumulative', { fullPage: false });
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByRole('navigation')).toBeVisible();

  // From the clients list's row menu, too.
  await app.open('/clients');
  await app.page
    .getByRole('button', { name: bc.t('clients.actions.menu', { name: data.clientName }) })
    .click();
  await app.page.getByRole('menuitem', { name: bc.t('businessCase.open') }).click();
  await expect(app.page).toHaveURL(new RegExp(`#/clients/${data.clientId}/business-case$`));
  await bc.expectKpis(data.kpis, data.currency);
});

test('a client without debt items gets an empty state that leads to adding one', async ({
  app,
}) => {
  const client = await app.call('clients.create', {
    displayName: 'Northwind Traders',
    defaultCurrency: 'EUR',
    defaultDayRateMinor: 100_000,
  });
  await app.open(`/clients/${client.id}/debt`);
  await app.page.getByRole('link', { name: tr('en', 'businessCase.open') }).click();
  await expect(app.page.getByText(tr('en', 'businessCase.empty.title'))).toBeVisible();
  await expect(
    app.page.getByRole('button', { name: tr('en', 'businessCase.present.start') }),
  ).toBeDisabled();
  await app.screenshot('business-case-empty');
  await app.page.getByRole('link', { name: tr('en', 'businessCase.empty.add') }).click();
  await expect(app.page).toHaveURL(new RegExp(`#/debt/new\\?client=${client.id}$`));
});

test('when the services cannot be reached the business case says so and retries', async ({
  app,
}) => {
  const data = await demoClient(app, 'en');
  app.setUnreachable(true);
  await app.open(`/clients/${data.clientId}/business-case`);
  await expect(app.page.getByText(tr('en', 'businessCase.loadError'))).toBeVisible();
  await expect(app.page.getByText(tr('en', 'errors.unavailable'))).toBeVisible();
  app.setUnreachable(false);
  await app.page.getByRole('button', { name: tr('en', 'common.retry') }).click();
  await new BusinessCase(app.page, 'en').expectKpis(data.kpis, data.currency);
});
