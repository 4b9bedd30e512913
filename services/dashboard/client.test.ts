import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_SERIES_POINTS,
  type ClientDashboard,
  type DebtItem,
  type DebtModelSettings,
  DebtStatus,
  type MethodInput,
} from '../../core/api';
import { estimateQuantile, pertShape } from '../../core/techdebt';
import { inverseRegularizedIncompleteBeta } from '../../core/techdebt/beta';
import { createDebtRepository, DEFAULT_DEBT_SETTINGS, type DebtItemData } from '../../db';
import type { DebtReportModel } from '../../templates/model';
import { startTestServices, type TestServices } from '../../test/support/services';
import { debtApi, fail, ok } from '../debt/test-helpers';
import {
  fastEstimateQuantile,
  itemBand,
  paybackOf,
  portfolioBand,
  type BandItem,
  type BandPoint,
} from '../debt/workbench';
import { buildDocument, OPEN_DEBT_STATUSES } from '../documents/models';
import { contextFor, loadDemo } from '../documents/test-helpers';

const MISSING = '0196f3a0-0000-7000-8000-0000000000ff';
const ALL_STATUSES = DebtStatus.options;
const BAND_FIELDS = [
  'carryLikely',
  'carryP10',
  'carryP90',
  'fixLikely',
  'fixP10',
  'fixP90',
] as const;

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** a ≈ b up to float rounding of sums in another order (relative to `scale`). */
function expectClose(actual: number, expected: number, scale = Math.abs(expected)) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
}

function expectBandClose(actual: readonly BandPoint[], expected: readonly BandPoint[]) {
  expect(actual.map((p) => p.quarter)).toEqual(expected.map((p) => p.quarter));
  const scale = Math.max(1, ...expected.flatMap((p) => BAND_FIELDS.map((f) => Math.abs(p[f]))));
  actual.forEach((point, q) => {
    for (const f of BAND_FIELDS) expectClose(point[f], expected[q]![f], scale);
  });
}

/** The straightforward band: every item's own workbench band, added up quarter by quarter. */
function summedItemBands(items: readonly BandItem[], settings: DebtModelSettings): BandPoint[] {
  const out: BandPoint[] = [];
  for (const item of items) {
    itemBand(item, settings).forEach((point, q) => {
      const acc = (out[q] ??= { ...point, ...Object.fromEntries(BAND_FIELDS.map((f) => [f, 0])) });
      for (const f of BAND_FIELDS) acc[f] += point[f];
    });
  }
  return out;
}

/** The KPIs of a set of items computed from the items themselves, as a caller would. */
function expectKpisOf(
  kpis: ClientDashboard['kpis'],
  cumulative: readonly BandPoint[],
  items: readonly DebtItem[],
  settings: DebtModelSettings,
) {
  const fix = sum(items.map((i) => i.evaluation.fixCostMinor));
  const net = sum(items.map((i) => i.evaluation.netBenefitMinor));
  expect(kpis.items).toBe(items.length);
  expectClose(kpis.pvCarryMinor, sum(items.map((i) => i.evaluation.pvCarryMinor)));
  expectClose(kpis.fixCostMinor, fix);
  expectClose(kpis.netBenefitMinor, net, Math.abs(fix) + Math.abs(net));
  expectClose(kpis.fixDays, sum(items.map((i) => i.fixDays.likely)));
  expect(kpis.quarterlyCostMinor).toBe(sum(items.map((i) => i.quarterlyCostMinor.likely)));
  if (fix > 0) expectClose(kpis.roi!, net / fix, Math.abs(net / fix) + 1);
  else expect(kpis.roi).toBeNull();
  const expected = summedItemBands(items, settings);
  expectBandClose(cumulative, expected);
  if (items.length) expectClose(cumulative[0]!.fixLikely, kpis.fixCostMinor);
  const payback = paybackOf(expected);
  if (payback === null) expect(kpis.paybackQuarters).toBeNull();
  else expect(kpis.paybackQuarters).toBeCloseTo(payback, 6);
}

/**
 * "With the fix plan": carrying the portfolio's other items and fixing the plan's, from the
 * items' own bands, for each quarter of the plan's band.
 */
function expectWithPlan(
  withPlan: readonly { quarter: number; likely: number }[],
  rest: readonly DebtItem[],
  plan: readonly DebtItem[],
  settings: DebtModelSettings,
) {
  const carried = summedItemBands(rest, settings);
  const fixed = summedItemBands(plan, settings);
  expect(withPlan.map((p) => p.quarter)).toEqual(fixed.map((p) => p.quarter));
  const expected = fixed.map((p, q) => (carried[q]?.carryLikely ?? 0) + p.fixLikely);
  const scale = Math.max(1, ...expected.map(Math.abs));
  withPlan.forEach((p, q) => expectClose(p.likely, expected[q]!, scale));
}

describe('the band fast path', () => {
  it('reads PERT and triangular P10/P90 as estimateQuantile does, to machine precision', () => {
    // Every PERT shape the band can meet: α over its whole range [1, 5] in fine steps.
    for (let k = 0; k <= 4000; k++) {
      const e = { low: 0, likely: k / 4000, high: 1 };
      for (const p of [0.1, 0.9]) {
        expect(
          Math.abs(fastEstimateQuantile('pert', e, p) - estimateQuantile('pert', e, p)),
        ).toBeLessThan(1e-14);
      }
    }
    const threePoint = fc
      .tuple(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
      )
      .map((v) => v.sort((a, b) => a - b))
      .map(([low, likely, high]) => ({ low: low!, likely: likely!, high: high! }));
    fc.assert(
      fc.property(
        threePoint,
        fc.constantFrom('pert' as const, 'triangular' as const),
        fc.constantFrom(0.1, 0.9),
        (e, dist, p) => {
          const fast = fastEstimateQuantile(dist, e, p);
          expect(fast).toBeGreaterThanOrEqual(e.low);
          expect(fast).toBeLessThanOrEqual(e.high);
          expectClose(fast, estimateQuantile(dist, e, p), e.high);
        },
      ),
      { numRuns: 2000, seed: 81 },
    );
  });

  it('matches the beta solver off the interpolation nodes and keeps point estimates exact', () => {
    const e = { low: 10, likely: 13, high: 50 };
    const { alpha, beta } = pertShape(e);
    const exact = 10 + 40 * inverseRegularizedIncompleteBeta(0.1, alpha, beta);
    expect(fastEstimateQuantile('pert', e, 0.1)).toBeCloseTo(exact, 10);
    expect(fastEstimateQuantile('pert', { low: 5, likely: 5, high: 5 }, 0.9)).toBe(5);
  });

  it('portfolioBand equals the items’ own bands added up', () => {
    const item: fc.Arbitrary<BandItem> = fc.record({
      quarterlyCostMinor: fc
        .array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 3, maxLength: 3 })
        .map((v) => v.sort((a, b) => a - b))
        .map(([low, likely, high]) => ({ low: low!, likely: likely!, high: high! })),
      // A few shared values, so items share (growth, lag, residual) groups.
      growthPerQuarter: fc.oneof(
        fc.constantFrom(0, 0.02, -0.01),
        fc.double({ min: -0.1, max: 0.2, noNaN: true }),
      ),
      fixDays: fc
        .array(fc.integer({ min: 0, max: 800 }), { minLength: 3, maxLength: 3 })
        .map((v) => v.sort((a, b) => a - b).map((d) => d / 2))
        .map(([low, likely, high]) => ({ low: low!, likely: likely!, high: high! })),
      dayRateMinor: fc.integer({ min: 0, max: 300_000 }),
      residualFraction: fc.constantFrom(0, 0.1, 0.25, 1),
      lagQuarters: fc.integer({ min: 0, max: 6 }),
    });
    const settings: fc.Arbitrary<DebtModelSettings> = fc.record({
      annualDiscountRate: fc.double({ min: 0, max: 1, noNaN: true }),
      horizonQuarters: fc.integer({ min: 1, max: 60 }),
      rateMode: fc.constantFrom('effective' as const, 'nominal' as const),
      distribution: fc.constantFrom('pert' as const, 'triangular' as const),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), settings, (items, s) => {
        const band = portfolioBand(items, s);
        if (items.length === 0) expect(band).toEqual([]);
        else expectBandClose(band, summedItemBands(items, s));
      }),
      { numRuns: 300, seed: 82 },
    );
  });
});

describe('dashboard.client', () => {
  let services: TestServices;
  let api: ReturnType<typeof debtApi>;
  let clock = new Date('2026-11-21T09:00:00.000Z');
  beforeEach(async () => {
    clock = new Date('2026-11-21T09:00:00.000Z');
    services = await startTestServices({ now: () => clock });
    api = debtApi(services);
  });
  afterEach(() => services.dispose());

  const dashboard = (input: MethodInput<'dashboard.client'>) =>
    ok<ClientDashboard>(services.invoke('dashboard.client', input));

  it('refuses an unknown client as the debt screens do', async () => {
    const error = await fail(services.invoke('dashboard.client', { clientId: MISSING }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', reason: 'CLIENT_NOT_FOUND' });
    const bad = await fail(services.invoke('dashboard.client', { clientId: 'nope' }));
    expect(bad.code).toBe('VALIDATION');
  });

  it('shows zeros and empty series for a client without items', async () => {
    const client = await api.client({ displayName: 'Empty Co', defaultCurrency: 'CHF' });
    const result = await dashboard({ clientId: client.id });
    expect(result).toEqual({
      clientId: client.id,
      clientName: 'Empty Co',
      currency: 'CHF',
      horizonQuarters: DEFAULT_DEBT_SETTINGS.horizonQuarters,
      annualDiscountRate: DEFAULT_DEBT_SETTINGS.annualDiscountRate,
      otherCurrencyItems: 0,
      statuses: ['identified', 'proposed', 'accepted', 'in_progress'],
      kpis: {
        items: 0,
        pvCarryMinor: 0,
        fixCostMinor: 0,
        netBenefitMinor: 0,
        roi: null,
        paybackQuarters: null,
        fixDays: 0,
        quarterlyCostMinor: 0,
      },
      byStatus: [],
      byImpact: [],
      cumulative: [],
      matrix: [],
      matrixTotal: 0,
      plan: null,
    });
  });

  it('prices the open items in the client currency; the other statuses and currencies apart', async () => {
    const client = await api.client();
    await ok(
      services.invoke('debt.settings.update', {
        clientId: client.id,
        changes: { horizonQuarters: 16, distribution: 'triangular', annualDiscountRate: 0.1 },
      }),
    );
    const open = await api.item(client.id, { impact: 'critical', growthPerQuarter: 0.02 });
    const accepted = await api.item(client.id, {
      status: 'accepted',
      impact: 'low',
      lagQuarters: 2,
      residualFraction: 0.2,
    });
    const fixed = await api.item(client.id, { status: 'fixed' });
    await api.item(client.id, { status: 'wont_fix', impact: 'low' });
    // The client moves to USD: its EUR items stay EUR and drop out of the figures.
    await ok(
      services.invoke('clients.update', { id: client.id, changes: { defaultCurrency: 'USD' } }),
    );
    const usd = await api.item(client.id, {
      impact: 'critical',
      fixDays: { low: 1, likely: 2, high: 9 },
    });
    await ok(
      services.invoke('clients.update', { id: client.id, changes: { defaultCurrency: 'EUR' } }),
    );

    const result = await dashboard({ clientId: client.id });
    expect(result.currency).toBe('EUR');
    expect(result.horizonQuarters).toBe(16);
    expect(result.annualDiscountRate).toBe(0.1);
    expect(result.otherCurrencyItems).toBe(1);
    const settings = await ok<DebtModelSettings>(
      services.invoke('debt.settings.get', { clientId: client.id }),
    );
    expectKpisOf(result.kpis, result.cumulative, [open, accepted], settings);
    expect(result.cumulative).toHaveLength(17);
    expect(result.byStatus.map((s) => [s.status, s.items])).toEqual([
      ['identified', 1],
      ['accepted', 1],
      ['fixed', 1],
      ['wont_fix', 1],
    ]);
    expectClose(result.byStatus[2]!.netBenefitMinor, fixed.evaluation.netBenefitMinor);
    expect(result.byImpact.map((s) => [s.impact, s.items])).toEqual([
      ['critical', 1],
      ['low', 1],
    ]);
    expect(result.matrixTotal).toBe(2);
    expect(result.matrix.map((p) => p.id).sort()).toEqual([open.id, accepted.id].sort());
    expect(result.matrix.find((p) => p.id === open.id)).toEqual({
      id: open.id,
      title: open.title,
      impact: 'critical',
      status: 'identified',
      fixDays: open.fixDays.likely,
      netBenefitMinor: open.evaluation.netBenefitMinor,
      quarterlyCostMinor: open.quarterlyCostMinor.likely,
    });

    // Chosen statuses: only fixed; an explicit empty choice is no item at all.
    const onlyFixed = await dashboard({ clientId: client.id, statuses: ['fixed', 'fixed'] });
    expect(onlyFixed.statuses).toEqual(['fixed']);
    expectKpisOf(onlyFixed.kpis, onlyFixed.cumulative, [fixed], settings);
    expect(onlyFixed.otherCurrencyItems).toBe(0);
    expect(onlyFixed.byStatus).toEqual(result.byStatus);
    const none = await dashboard({ clientId: client.id, statuses: [] });
    expect(none.kpis.items).toBe(0);
    expect(none.cumulative).toEqual([]);
    expect(none.otherCurrencyItems).toBe(0);
    expect(usd.currency).toBe('USD');
  });

  it('the saved plan: its items’ figures and share; deleted items are simply absent', async () => {
    const client = await api.client();
    const a = await api.item(client.id, { title: 'A' });
    const b = await api.item(client.id, {
      title: 'B',
      quarterlyCostMinor: { low: 10_000, likely: 20_000, high: 90_000 },
      fixDays: { low: 20, likely: 40, high: 80 },
    });
    const c = await api.item(client.id, { title: 'C', growthPerQuarter: 0.05 });
    expect((await dashboard({ clientId: client.id })).plan).toBeNull();
    const d = await api.item(client.id, { title: 'D', impact: 'low' });
    await ok(
      services.invoke('debt.selection.save', {
        clientId: client.id,
        itemIds: [c.id, a.id, d.id],
        budget: { kind: 'days', days: 40 },
      }),
    );
    await ok(services.invoke('debt.delete', { id: c.id }));
    // D is fixed since: out of the open portfolio, so out of its plan too.
    const fixedD = await ok<DebtItem>(
      services.invoke('debt.update', { id: d.id, changes: { status: 'fixed' } }),
    );
    const result = await dashboard({ clientId: client.id });
    const settings = DEFAULT_DEBT_SETTINGS;
    expect(result.plan!.items).toBe(1);
    expectKpisOf(result.plan!.kpis, result.plan!.cumulative, [a], settings);
    expectKpisOf(result.kpis, result.cumulative, [a, b], settings);
    expectWithPlan(result.plan!.withPlan, [b], [a], settings);
    expect(result.plan!.shareOfNetBenefit).toBeCloseTo(
      a.evaluation.netBenefitMinor / (a.evaluation.netBenefitMinor + b.evaluation.netBenefitMinor),
      12,
    );
    const withFixed = await dashboard({ clientId: client.id, statuses: ['identified', 'fixed'] });
    expectKpisOf(withFixed.plan!.kpis, withFixed.plan!.cumulative, [a, fixedD], settings);
    expectWithPlan(withFixed.plan!.withPlan, [b], [a, fixedD], settings);
    expectKpisOf(withFixed.kpis, withFixed.cumulative, [a, b, fixedD], settings);
  });

  it('the matrix keeps the 2,000 largest items by |net benefit|, ties by id', async () => {
    const client = await api.client();
    const repo = createDebtRepository(services.database.sqlite);
    const settings = DEFAULT_DEBT_SETTINGS;
    const count = MAX_SERIES_POINTS + 150;
    // Ids in an order unrelated to the figures; triples of identical items tie on net benefit,
    // and large fixes give negative net benefits that outweigh small positive ones.
    const ids = Array.from(
      { length: count },
      (_, i) => `0196f3a0-0000-7000-8000-${((i * 7919) % 100_003).toString(16).padStart(12, '0')}`,
    );
    services.database.sqlite.transaction(() => {
      ids.forEach((id, i) => {
        const shape = Math.floor(i / 3);
        const likely = 1_000 + (shape % 400) * 50;
        const days = shape % 5 === 0 ? 30 + (shape % 17) : 1 + (shape % 3);
        const data: DebtItemData = {
          clientId: client.id,
          currency: 'EUR',
          title: `Item ${i}`,
          description: '',
          category: 'code',
          impact: 'medium',
          affectedSystem: '',
          status: i % 11 === 0 ? 'accepted' : 'identified',
          quarterlyCostMinor: { low: likely / 2, likely, high: likely * 2 },
          costEstimate: null,
          growthPerQuarter: 0,
          fixDays: { low: days, likely: days, high: days * 2 },
          dayRateMinor: 1_000,
          residualFraction: 0,
          lagQuarters: 0,
          tags: [],
          evidence: '',
        };
        repo.insert(id, data, settings, clock.toISOString());
      });
    })();
    const result = await dashboard({ clientId: client.id });
    expect(result.matrixTotal).toBe(count);
    expect(result.kpis.items).toBe(count);
    const all = repo.listAll({
      clientId: client.id,
      search: '',
      statuses: [],
      categories: [],
      tags: [],
    });
    const expected = all
      .map((item) => ({ id: item.id, net: item.evaluation.netBenefitMinor }))
      .sort((x, y) => Math.abs(y.net) - Math.abs(x.net) || (x.id < y.id ? -1 : 1))
      .slice(0, MAX_SERIES_POINTS)
      .map((x) => x.id);
    expect(result.matrix.map((p) => p.id)).toEqual(expected);
    // Both ends of the net-benefit range are in it: large losses outweigh small gains.
    expect(result.matrix.some((p) => p.netBenefitMinor < 0)).toBe(true);
    expect(result.matrix.some((p) => p.netBenefitMinor > 0)).toBe(true);
    expectKpisOf(result.kpis, result.cumulative, all, settings);
  });
});

describe('dashboard.client against the tech-debt report', () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await startTestServices({ now: () => new Date('2026-11-21T09:00:00.000Z') });
  });
  afterAll(() => services.dispose());

  it('shows the report model’s portfolio figures and band for the same client', async () => {
    const demo = await loadDemo(services);
    const ctx = contextFor(services, () => new Date('2026-11-21T09:00:00.000Z'));
    for (const clientId of [demo.clientIds.en, demo.clientIds.zh]) {
      const built = await buildDocument(ctx, { kind: 'report', clientId });
      const portfolio = (built.doc as { model: DebtReportModel }).model.portfolio!;
      const result = await ok<ClientDashboard>(
        services.invoke('dashboard.client', { clientId, statuses: [...OPEN_DEBT_STATUSES] }),
      );
      expect(result.currency).toBe(portfolio.currency);
      expect(result.kpis.items).toBeGreaterThan(0);
      expectClose(result.kpis.pvCarryMinor, portfolio.pvCarryMinor);
      expectClose(result.kpis.fixCostMinor, portfolio.fixCostMinor);
      expectClose(result.kpis.netBenefitMinor, portfolio.netBenefitMinor, portfolio.pvCarryMinor);
      expectClose(result.kpis.fixDays, portfolio.fixDays);
      expect(result.kpis.roi).toBeCloseTo(portfolio.roi!, 9);
      expect(result.kpis.paybackQuarters).toBeCloseTo(portfolio.paybackQuarters!, 9);
      expectBandClose(result.cumulative, portfolio.cumulative);
    }
  });
});

describe('properties of dashboard.client', () => {
  let services: TestServices;
  let api: ReturnType<typeof debtApi>;
  beforeAll(async () => {
    services = await startTestServices({ now: () => new Date('2026-11-21T09:00:00.000Z') });
    api = debtApi(services);
  });
  afterAll(() => services.dispose());

  const threePoint = (max: number, step: number) =>
    fc
      .array(fc.integer({ min: 0, max }), { minLength: 3, maxLength: 3 })
      .map((v) => v.sort((a, b) => a - b).map((x) => x * step))
      .map(([low, likely, high]) => ({ low: low!, likely: likely!, high: high! }));
  const item = fc.record({
    status: fc.constantFrom(...ALL_STATUSES),
    impact: fc.constantFrom(
      'critical' as const,
      'high' as const,
      'medium' as const,
      'low' as const,
    ),
    quarterlyCostMinor: threePoint(5_000_000, 1),
    fixDays: threePoint(400, 0.5),
    growthPerQuarter: fc.constantFrom(0, 0.01, 0.03, -0.02),
    residualFraction: fc.constantFrom(0, 0.1, 0.5),
    lagQuarters: fc.integer({ min: 0, max: 3 }),
    dayRateMinor: fc.integer({ min: 0, max: 200_000 }),
    inPlan: fc.boolean(),
  });

  it('totals are the sums over the listed items, the band starts at the fix cost, the plan is its items’ figures', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(item, { maxLength: 12 }),
        fc.option(fc.uniqueArray(fc.constantFrom(...ALL_STATUSES)), { nil: undefined }),
        fc.record({
          annualDiscountRate: fc.constantFrom(0, 0.05, 0.12),
          horizonQuarters: fc.integer({ min: 1, max: 24 }),
          rateMode: fc.constantFrom('effective' as const, 'nominal' as const),
          distribution: fc.constantFrom('pert' as const, 'triangular' as const),
        }),
        fc.boolean(),
        async (specs, statuses, settings, savePlan) => {
          const client = await api.client();
          await ok(
            services.invoke('debt.settings.update', { clientId: client.id, changes: settings }),
          );
          const created: DebtItem[] = [];
          for (const { inPlan: _, ...fields } of specs)
            created.push(await api.item(client.id, fields));
          const planIds = created.filter((_, i) => specs[i]!.inPlan).map((i) => i.id);
          if (savePlan) {
            await ok(
              services.invoke('debt.selection.save', {
                clientId: client.id,
                itemIds: planIds,
                budget: null,
              }),
            );
          }

          const result = await dashboardOf(services, client.id, statuses);
          const chosen = statuses ?? [...OPEN_DEBT_STATUSES];
          const items = await listedOf(services, client.id, chosen);
          expect(result.statuses).toEqual(ALL_STATUSES.filter((s) => chosen.includes(s)));
          expectKpisOf(result.kpis, result.cumulative, items, settings);
          expect(result.matrixTotal).toBe(items.length);
          expect(result.matrix.map((p) => p.id).sort()).toEqual(items.map((i) => i.id).sort());
          for (const row of result.byImpact) {
            const mine = items.filter((i) => i.impact === row.impact);
            expect(row.items).toBe(mine.length);
            expectClose(row.netBenefitMinor, sum(mine.map((i) => i.evaluation.netBenefitMinor)));
          }
          expect(sum(result.byImpact.map((r) => r.items))).toBe(items.length);
          for (const row of result.byStatus) {
            expect(row.items).toBe(created.filter((i) => i.status === row.status).length);
          }
          expect(sum(result.byStatus.map((r) => r.items))).toBe(created.length);

          if (!savePlan) {
            expect(result.plan).toBeNull();
            return;
          }
          const inPlan = items.filter((i) => planIds.includes(i.id));
          expect(result.plan!.items).toBe(inPlan.length);
          expectKpisOf(result.plan!.kpis, result.plan!.cumulative, inPlan, settings);
          const rest = items.filter((i) => !planIds.includes(i.id));
          expectWithPlan(result.plan!.withPlan, rest, inPlan, settings);
          const net = result.kpis.netBenefitMinor;
          if (net > 0) {
            expect(result.plan!.shareOfNetBenefit).toBeCloseTo(
              result.plan!.kpis.netBenefitMinor / net,
              9,
            );
          } else {
            expect(result.plan!.shareOfNetBenefit).toBeNull();
          }
        },
      ),
      { numRuns: 40, seed: 83 },
    );
  });
});

function dashboardOf(services: TestServices, clientId: string, statuses?: DebtStatus[]) {
  return ok<ClientDashboard>(
    services.invoke('dashboard.client', statuses ? { clientId, statuses } : { clientId }),
  );
}

async function listedOf(services: TestServices, clientId: string, statuses: DebtStatus[]) {
  if (!statuses.length) return [];
  const page = await ok<{ items: DebtItem[] }>(
    services.invoke('debt.list', { clientId, statuses, limit: 500 }),
  );
  return page.items;
}
