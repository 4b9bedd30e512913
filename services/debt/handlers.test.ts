import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  DebtEvaluateOutput,
  DebtItem,
  DebtListOutput,
  DebtModelSettings,
  DebtSelection,
  MethodInput,
} from '../../core/api';
import { evaluateDebtItem } from '../../core/techdebt';
import { startTestServices, type TestServices } from '../../test/support/services';
import { debtApi, fail, ok } from './test-helpers';

let services: TestServices;
let clock = new Date('2026-11-21T09:00:00.000Z');
let api: ReturnType<typeof debtApi>;
beforeEach(async () => {
  clock = new Date('2026-11-21T09:00:00.000Z');
  services = await startTestServices({ now: () => clock });
  api = debtApi(services);
});
afterEach(() => services.dispose());

const MISSING = '0196f3a0-0000-7000-8000-0000000000ff';
const list = (input: MethodInput<'debt.list'> = {}) =>
  ok<DebtListOutput>(services.invoke('debt.list', input));

describe('debt items', () => {
  it('creates an item in the client currency with the client day rate and stores its evaluation', async () => {
    const client = await api.client({ defaultCurrency: 'CHF', defaultDayRateMinor: 150_000 });
    const item = await api.item(client.id, { growthPerQuarter: 0.02, lagQuarters: 1 });
    expect(item).toMatchObject({
      clientId: client.id,
      clientName: 'Acme',
      currency: 'CHF',
      dayRateMinor: 150_000,
      status: 'identified',
      description: '',
      tags: [],
      costEstimate: null,
      createdAt: '2026-11-21T09:00:00.000Z',
    });
    const expected = evaluateDebtItem({
      quarterlyCost: { low: 500_000, likely: 800_000, high: 1_500_000 },
      growthPerQuarter: 0.02,
      fixDays: { low: 10, likely: 15, high: 25 },
      dayRate: 150_000,
      annualDiscountRate: 0.08,
      horizonQuarters: 12,
      residualFraction: 0,
      lagQuarters: 1,
      rateMode: 'effective',
    });
    expect(item.evaluation).toEqual({
      fixCostMinor: expected.fixCost,
      pvCarryMinor: expected.pvCarry,
      netBenefitMinor: expected.netBenefit,
      roi: expected.roi,
      paybackQuarters: expected.discountedPayback!.quarters,
      costOfDelayPerQuarterMinor: expected.costOfDelayPerQuarter,
      cd3: expected.cd3,
    });
    expect(await ok(services.invoke('debt.get', { id: item.id }))).toEqual(item);
  });

  it('refuses bad input with clear errors and saves nothing', async () => {
    const client = await api.client();
    const base = {
      clientId: client.id,
      title: 'X',
      category: 'code',
      impact: 'low',
      quarterlyCostMinor: { low: 1, likely: 2, high: 3 },
      fixDays: { low: 1, likely: 2, high: 3 },
    };
    const negative = await fail(
      services.invoke('debt.create', {
        ...base,
        quarterlyCostMinor: { low: -5, likely: 2, high: 3 },
      }),
    );
    expect(negative.code).toBe('VALIDATION');
    expect(negative.issues[0]).toMatchObject({ path: ['quarterlyCostMinor', 'low'] });

    const unordered = await fail(
      services.invoke('debt.create', {
        ...base,
        quarterlyCostMinor: { low: 5, likely: 2, high: 3 },
      }),
    );
    expect(unordered.issues.map((i) => i.code)).toContain('LOW_ABOVE_LIKELY');

    const days = await fail(
      services.invoke('debt.create', { ...base, fixDays: { low: 1, likely: 5, high: 3 } }),
    );
    expect(days.issues.map((i) => i.code)).toContain('LIKELY_ABOVE_HIGH');

    const fractional = await fail(
      services.invoke('debt.create', {
        ...base,
        quarterlyCostMinor: { low: 1, likely: 2.5, high: 3 },
      }),
    );
    expect(fractional.code).toBe('VALIDATION');

    const unknown = await fail(services.invoke('debt.create', { ...base, clientId: MISSING }));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', reason: 'CLIENT_NOT_FOUND' });

    const horizon = await fail(
      services.invoke('debt.settings.update', {
        clientId: client.id,
        changes: { horizonQuarters: 0 },
      }),
    );
    expect(horizon.code).toBe('VALIDATION');
    expect(horizon.issues[0]?.path).toEqual(['changes', 'horizonQuarters']);
    expect(api.count()).toBe(0);
    expect(
      services.database.sqlite.prepare('SELECT count(*) AS n FROM debt_model_settings').get(),
    ).toEqual({ n: 0 });
  });

  it('allows items for an archived client (archiving hides, it does not freeze)', async () => {
    const client = await api.client();
    await ok(services.invoke('clients.archive', { id: client.id }));
    expect((await api.item(client.id)).clientId).toBe(client.id);
  });

  it('updates, re-evaluates and bumps updatedAt; unknown ids are NOT_FOUND', async () => {
    const client = await api.client();
    const item = await api.item(client.id);
    clock = new Date('2026-11-22T10:00:00.000Z');
    const updated = await ok<DebtItem>(
      services.invoke('debt.update', {
        id: item.id,
        changes: { quarterlyCostMinor: { low: 1_000_000, likely: 1_600_000, high: 3_000_000 } },
      }),
    );
    expect(updated.updatedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(updated.createdAt).toBe(item.createdAt);
    expect(updated.evaluation.pvCarryMinor).toBeCloseTo(item.evaluation.pvCarryMinor * 2, 6);
    expect(updated.evaluation.cd3).toBeCloseTo(item.evaluation.cd3! * 2, 9);
    expect((await list()).items[0]).toEqual(updated);

    const missing = await fail(
      services.invoke('debt.update', { id: MISSING, changes: { title: 'x' } }),
    );
    expect(missing).toMatchObject({ code: 'NOT_FOUND', reason: 'DEBT_ITEM_NOT_FOUND' });
  });

  it('refuses an update that breaks the order and changes nothing', async () => {
    const client = await api.client();
    const item = await api.item(client.id);
    const bad = await fail(
      services.invoke('debt.update', {
        id: item.id,
        changes: { title: 'New', fixDays: { low: 30, likely: 20, high: 40 } },
      }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(await ok(services.invoke('debt.get', { id: item.id }))).toEqual(item);
  });

  it('duplicates with a " (copy)" suffix and a new id; deletes', async () => {
    const client = await api.client();
    const item = await api.item(client.id, { tags: ['ci'] });
    const copy = await ok<DebtItem>(services.invoke('debt.duplicate', { id: item.id }));
    expect(copy.id).not.toBe(item.id);
    expect(copy).toMatchObject({
      title: 'Manual releases (copy)',
      tags: ['ci'],
      evaluation: item.evaluation,
    });
    expect(await ok(services.invoke('debt.delete', { id: item.id }))).toEqual({ id: item.id });
    expect((await list()).items.map((i) => i.id)).toEqual([copy.id]);
    expect((await fail(services.invoke('debt.delete', { id: item.id }))).code).toBe('NOT_FOUND');
  });

  it('changes status in bulk, all or nothing', async () => {
    const client = await api.client();
    const a = await api.item(client.id);
    const b = await api.item(client.id);
    const refused = await fail(
      services.invoke('debt.bulkStatus', { ids: [a.id, MISSING], status: 'accepted' }),
    );
    expect(refused).toMatchObject({ code: 'NOT_FOUND', reason: 'DEBT_ITEM_NOT_FOUND' });
    expect((await list({ statuses: ['accepted'] })).total).toBe(0);
    expect(
      await ok(services.invoke('debt.bulkStatus', { ids: [a.id, b.id, a.id], status: 'accepted' })),
    ).toEqual({ updated: 2 });
    expect((await list({ statuses: ['accepted'] })).total).toBe(2);
  });

  it('keeps a client with debt items from being deleted', async () => {
    const client = await api.client();
    await api.item(client.id);
    const refused = await fail(services.invoke('clients.delete', { id: client.id }));
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_HAS_DEPENDENTS' });
    expect(refused.details?.tables).toContain('debt_items');
    expect(api.count()).toBe(1);
  });
});

describe('model settings', () => {
  it('defaults to 8 % / 12 quarters / effective / PERT', async () => {
    const client = await api.client();
    expect(await ok(services.invoke('debt.settings.get', { clientId: client.id }))).toEqual({
      annualDiscountRate: 0.08,
      horizonQuarters: 12,
      rateMode: 'effective',
      distribution: 'pert',
    });
    const missing = await fail(services.invoke('debt.settings.get', { clientId: MISSING }));
    expect(missing.reason).toBe('CLIENT_NOT_FOUND');
  });

  it('re-evaluates every item of the client, and only of that client', async () => {
    const client = await api.client();
    const other = await api.client({ displayName: 'Other' });
    const a = await api.item(client.id);
    const b = await api.item(client.id, { lagQuarters: 2 });
    const c = await api.item(other.id);
    const settings = await ok<DebtModelSettings>(
      services.invoke('debt.settings.update', {
        clientId: client.id,
        changes: { horizonQuarters: 20, annualDiscountRate: 0.12 },
      }),
    );
    expect(settings).toEqual({
      annualDiscountRate: 0.12,
      horizonQuarters: 20,
      rateMode: 'effective',
      distribution: 'pert',
    });
    for (const before of [a, b]) {
      const after = await ok<DebtItem>(services.invoke('debt.get', { id: before.id }));
      const expected = evaluateDebtItem({
        quarterlyCost: before.quarterlyCostMinor,
        growthPerQuarter: before.growthPerQuarter,
        fixDays: before.fixDays,
        dayRate: before.dayRateMinor,
        annualDiscountRate: 0.12,
        horizonQuarters: 20,
        residualFraction: before.residualFraction,
        lagQuarters: before.lagQuarters,
        rateMode: 'effective',
      });
      expect(after.evaluation.netBenefitMinor).toBe(expected.netBenefit);
      expect(after.evaluation.pvCarryMinor).not.toBe(before.evaluation.pvCarryMinor);
    }
    expect(await ok(services.invoke('debt.get', { id: c.id }))).toEqual(c);
    // New items use the saved settings too.
    const d = await api.item(client.id);
    expect(d.evaluation.netBenefitMinor).toBe(
      (await ok<DebtItem>(services.invoke('debt.get', { id: a.id }))).evaluation.netBenefitMinor,
    );
  });
});

describe('register', () => {
  async function seed() {
    const eur = await api.client({ displayName: 'Euro Co' });
    const usd = await api.client({ displayName: 'Dollar Inc', defaultCurrency: 'USD' });
    const items = [
      await api.item(eur.id, {
        title: 'Slow reports',
        category: 'data',
        impact: 'medium',
        tags: ['perf', 'reports'],
        quarterlyCostMinor: { low: 100_000, likely: 200_000, high: 400_000 },
        fixDays: { low: 1, likely: 2, high: 4 },
      }),
      await api.item(eur.id, {
        title: 'Flaky tests',
        category: 'testing',
        impact: 'low',
        status: 'accepted',
        affectedSystem: 'CI 50% pipeline',
        quarterlyCostMinor: { low: 100, likely: 200, high: 300 },
        fixDays: { low: 20, likely: 40, high: 60 },
      }),
      await api.item(eur.id, {
        title: 'Free config fix',
        impact: 'critical',
        quarterlyCostMinor: { low: 1_000, likely: 2_000, high: 3_000 },
        fixDays: { low: 0, likely: 0, high: 0 },
      }),
      await api.item(usd.id, {
        title: 'Old runtime',
        category: 'security',
        impact: 'critical',
        tags: ['security'],
        description: 'Java 8 without patches',
      }),
    ];
    return { eur, usd, items };
  }

  it('sorts by CD3 by default (zero-day fixes last), and by every other field', async () => {
    await seed();
    const titles = async (field?: string, direction: 'asc' | 'desc' = 'desc') =>
      (await list(field ? { sort: { field: field as 'cd3', direction } } : {})).items.map(
        (i) => i.title,
      );
    expect(await titles()).toEqual([
      'Slow reports',
      'Old runtime',
      'Flaky tests',
      'Free config fix',
    ]);
    expect(await titles('netBenefit')).toEqual([
      'Old runtime',
      'Slow reports',
      'Free config fix',
      'Flaky tests',
    ]);
    expect(await titles('impact')).toEqual([
      // critical first (ties by CD3: the free fix has none), then high, medium, low
      'Old runtime',
      'Free config fix',
      'Slow reports',
      'Flaky tests',
    ]);
    expect(await titles('title', 'asc')).toEqual([
      'Flaky tests',
      'Free config fix',
      'Old runtime',
      'Slow reports',
    ]);
    expect(await titles('quarterlyCost', 'asc')).toEqual([
      'Flaky tests',
      'Free config fix',
      'Slow reports',
      'Old runtime',
    ]);
    // Payback: the free fix pays back at once (0); Flaky tests never does -> last both ways.
    const asc = await titles('payback', 'asc');
    expect(asc[0]).toBe('Free config fix');
    expect(asc.at(-1)).toBe('Flaky tests');
    expect((await titles('payback', 'desc')).at(-1)).toBe('Flaky tests');
    const roi = await list({ sort: { field: 'roi', direction: 'desc' } });
    const rois = roi.items.map((i) => i.evaluation.roi).filter((r) => r !== null);
    expect(rois).toEqual([...rois].sort((a, b) => b - a));
  });

  it('filters by client, search (with % as text), status, category and tag; pages', async () => {
    const { eur } = await seed();
    expect((await list({ clientId: eur.id })).total).toBe(3);
    expect((await list({ search: 'JAVA' })).items.map((i) => i.title)).toEqual(['Old runtime']);
    expect((await list({ search: '50%' })).items.map((i) => i.title)).toEqual(['Flaky tests']);
    expect((await list({ search: 'reports' })).total).toBe(1);
    expect((await list({ statuses: ['accepted'] })).items.map((i) => i.title)).toEqual([
      'Flaky tests',
    ]);
    expect((await list({ categories: ['security', 'data'] })).total).toBe(2);
    expect((await list({ tags: ['perf', 'security'] })).total).toBe(2);
    const page = await list({ limit: 2, offset: 1 });
    expect(page).toMatchObject({ total: 4, offset: 1 });
    expect(page.items).toHaveLength(2);
    expect(await ok(services.invoke('debt.tags', {}))).toEqual(['perf', 'reports', 'security']);
    expect(await ok(services.invoke('debt.tags', { clientId: eur.id }))).toEqual([
      'perf',
      'reports',
    ]);
  });

  it('totals per currency equal the sums of the stored items', async () => {
    const { items } = await seed();
    const { totals } = await list();
    expect(totals.map((t) => [t.currency, t.items])).toEqual([
      ['EUR', 3],
      ['USD', 1],
    ]);
    const eur = items.filter((i) => i.currency === 'EUR');
    const sum = (f: (i: DebtItem) => number) => eur.reduce((s, i) => s + f(i), 0);
    const t = totals[0]!;
    expect(t.pvCarryMinor).toBeCloseTo(
      sum((i) => i.evaluation.pvCarryMinor),
      6,
    );
    expect(t.fixCostMinor).toBeCloseTo(
      sum((i) => i.evaluation.fixCostMinor),
      6,
    );
    expect(t.netBenefitMinor).toBeCloseTo(
      sum((i) => i.evaluation.netBenefitMinor),
      6,
    );
    expect(t.roi).toBeCloseTo(t.netBenefitMinor / t.fixCostMinor, 12);
    const filtered = await list({ statuses: ['accepted'] });
    expect(filtered.totals).toHaveLength(1);
    expect(filtered.totals[0]!.items).toBe(1);
  });

  it('gives the matrix points of a client', async () => {
    const { eur } = await seed();
    const points = await ok<{ id: string; fixDays: number }[]>(
      services.invoke('debt.matrix', { clientId: eur.id }),
    );
    expect(points).toHaveLength(3);
    expect(points.map((p) => p.fixDays).sort((a, b) => a - b)).toEqual([0, 2, 40]);
  });
});

describe('workbench', () => {
  const input = {
    quarterlyCostMinor: { low: 800_000, likely: 1_000_000, high: 1_600_000 },
    growthPerQuarter: 0.02,
    fixDays: { low: 8, likely: 10, high: 15 },
    dayRateMinor: 100_000,
    residualFraction: 0.1,
    lagQuarters: 1,
    settings: {
      annualDiscountRate: 0.08,
      horizonQuarters: 12,
      rateMode: 'effective' as const,
      distribution: 'pert' as const,
    },
  };

  it('evaluates, with a P10–P90 band, a distribution and a 5 × 5 sensitivity grid', async () => {
    const out = await ok<DebtEvaluateOutput>(services.invoke('debt.evaluate', input));
    expect(out.cumulative).toHaveLength(13);
    expect(out.cumulative[0]).toMatchObject({ quarter: 0, carryLikely: 0, fixLikely: 1_000_000 });
    const last = out.cumulative.at(-1)!;
    expect(last.carryLikely).toBeCloseTo(out.evaluation.pvCarryMinor, 4);
    expect(last.carryLikely - last.fixLikely).toBeCloseTo(out.evaluation.netBenefitMinor, 4);
    for (const q of out.cumulative) {
      expect(q.carryP10).toBeLessThanOrEqual(q.carryLikely + 1e-6);
      expect(q.carryP90).toBeGreaterThanOrEqual(q.carryLikely - 1e-6);
      expect(q.fixP10).toBeLessThanOrEqual(q.fixP90);
    }
    expect(out.distribution.exact).toBe(false);
    expect(out.distribution.p10).toBeLessThan(out.distribution.p90);
    expect(out.distribution.probPositive).toBeGreaterThan(0.9);
    expect(out.sensitivity).toHaveLength(25);
    const at = (r: number, g: number) =>
      out.sensitivity.find((s) => s.annualDiscountRate === r && s.growthPerQuarter === g)!
        .netBenefit;
    expect(at(0.08, 0.02)).toBeCloseTo(out.evaluation.netBenefitMinor, 6);
    expect(at(0, 0.02)).toBeGreaterThan(at(0.16, 0.02));
    expect(at(0.08, 0.06)).toBeGreaterThan(at(0.08, -0.02));
    // Same seed, same figures.
    expect(await ok(services.invoke('debt.evaluate', input))).toEqual(out);
  });

  it('refuses horizon 0 and low > likely', async () => {
    const h = await fail(
      services.invoke('debt.evaluate', {
        ...input,
        settings: { ...input.settings, horizonQuarters: 0 },
      }),
    );
    expect(h.code).toBe('VALIDATION');
    const l = await fail(
      services.invoke('debt.evaluate', {
        ...input,
        quarterlyCostMinor: { low: 2_000_000, likely: 1_000_000, high: 3_000_000 },
      }),
    );
    expect(l.issues.map((i) => i.code)).toContain('LOW_ABOVE_LIKELY');
  });
});

describe('budget selection', () => {
  it('picks within days or money, and saves the selection', async () => {
    const client = await api.client();
    const big = await api.item(client.id, {
      title: 'Big',
      quarterlyCostMinor: { low: 2_000_000, likely: 2_000_000, high: 2_000_000 },
      fixDays: { low: 20, likely: 20, high: 20 },
    });
    const small = await api.item(client.id, {
      title: 'Small',
      quarterlyCostMinor: { low: 300_000, likely: 300_000, high: 300_000 },
      fixDays: { low: 5, likely: 5, high: 5 },
    });
    await api.item(client.id, { title: 'Done', status: 'fixed' });
    const days = await ok<DebtSelection>(
      services.invoke('debt.selectWithinBudget', {
        clientId: client.id,
        budget: { kind: 'days', days: 21 },
      }),
    );
    expect(days.itemIds).toEqual([big.id]);
    expect(days.fixDays).toBe(20);
    const money = await ok<DebtSelection>(
      services.invoke('debt.selectWithinBudget', {
        clientId: client.id,
        budget: { kind: 'money', amountMinor: 2_500_000 },
      }),
    );
    expect(new Set(money.itemIds)).toEqual(new Set([big.id, small.id]));
    expect(money.fixCostMinor).toBe(2_500_000);

    expect(await ok(services.invoke('debt.selection.get', { clientId: client.id }))).toBeNull();
    const saved = await ok<DebtSelection>(
      services.invoke('debt.selection.save', {
        clientId: client.id,
        itemIds: money.itemIds,
        budget: money.budget,
      }),
    );
    expect(saved.savedAt).toBe('2026-11-21T09:00:00.000Z');
    expect(await ok(services.invoke('debt.selection.get', { clientId: client.id }))).toEqual(saved);
    // A deleted item drops out of the saved selection.
    await ok(services.invoke('debt.delete', { id: small.id }));
    const after = await ok<DebtSelection>(
      services.invoke('debt.selection.get', { clientId: client.id }),
    );
    expect(after.itemIds).toEqual([big.id]);
    expect(after.fixCostMinor).toBe(2_000_000);

    const other = await api.client({ displayName: 'Other' });
    const foreign = await fail(
      services.invoke('debt.selection.save', {
        clientId: other.id,
        itemIds: [big.id],
        budget: null,
      }),
    );
    expect(foreign.reason).toBe('DEBT_ITEM_NOT_FOUND');
  });
});
