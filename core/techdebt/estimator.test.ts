import { describe, expect, it } from 'vitest';
import { estimateQuarterlyCost } from './estimator';

describe('estimateQuarterlyCost', () => {
  it('incidents: incidents × hours × people × hourly cost, spread around likely', () => {
    const r = estimateQuarterlyCost({
      method: 'incidents',
      incidentsPerQuarter: 6,
      hoursEach: 3.5,
      people: 4,
      hourlyCostMinor: 9_500,
      spreadLow: 0.7,
      spreadHigh: 1.5,
    });
    // 6 × 3.5 × 4 = 84 h × 95.00 = 7,980.00
    expect(r).toMatchObject({ likely: 798_000, low: 558_600, high: 1_197_000, capped: false });
    expect(r.steps.map((s) => s.labelKey)).toEqual([
      'debt.estimator.step.incidentsPerQuarter',
      'debt.estimator.step.hoursEach',
      'debt.estimator.step.people',
      'debt.estimator.step.hoursLostPerQuarter',
      'debt.estimator.step.hourlyCost',
      'debt.estimator.step.likelyPerQuarter',
      'debt.estimator.step.spreadLow',
      'debt.estimator.step.spreadHigh',
    ]);
    expect(r.steps[3]).toMatchObject({ value: 84, unit: 'hours' });
  });

  it('developer time: developers × share × loaded cost per quarter', () => {
    const r = estimateQuarterlyCost({
      method: 'developer-time',
      developers: 12,
      shareOfTime: 0.15,
      loadedCostPerQuarterMinor: 3_000_000,
      spreadLow: 0.8,
      spreadHigh: 1.25,
    });
    expect(r.likely).toBe(5_400_000);
    expect(r.low).toBe(4_320_000);
    expect(r.high).toBe(6_750_000);
  });

  it('slow operations: users × seconds × uses ÷ 3600 × hour value, rounded half-up', () => {
    const r = estimateQuarterlyCost({
      method: 'slow-operations',
      users: 250,
      secondsLostPerUse: 7,
      usesPerUserPerQuarter: 600,
      hourValueMinor: 4_001,
      spreadLow: 0.5,
      spreadHigh: 2,
    });
    // 250 × 7 × 600 / 3600 = 291.666… h × 40.01 = 11,669.583… -> 1,166,958.3… cents
    expect(r.likely).toBe(1_166_958);
    expect(r.low).toBe(583_479);
    expect(r.high).toBe(2_333_916);
  });

  it('revenue at risk: probability × impact; a tie rounds half-up', () => {
    const r = estimateQuarterlyCost({
      method: 'revenue-at-risk',
      probabilityPerQuarter: 0.5,
      impactMinor: 101,
      spreadLow: 0.5,
      spreadHigh: 1,
    });
    expect(r.likely).toBe(51); // 50.5 -> 51
    expect(r.low).toBe(26); // 25.5 -> 26
    expect(r.high).toBe(51);
  });

  it('ignores binary noise before rounding (0.1 × 3 × 5 = 1.5 -> 2)', () => {
    const r = estimateQuarterlyCost({
      method: 'developer-time',
      developers: 3,
      shareOfTime: 0.1,
      loadedCostPerQuarterMinor: 5,
      spreadLow: 1,
      spreadHigh: 1,
    });
    expect(r.likely).toBe(2);
  });

  it('keeps low <= likely <= high and caps what no amount can hold', () => {
    const r = estimateQuarterlyCost({
      method: 'incidents',
      incidentsPerQuarter: 1_000_000,
      hoursEach: 1_000_000,
      people: 1_000_000,
      hourlyCostMinor: Number.MAX_SAFE_INTEGER,
      spreadLow: 0,
      spreadHigh: 10,
    });
    expect(r.likely).toBe(Number.MAX_SAFE_INTEGER);
    expect(r.high).toBe(Number.MAX_SAFE_INTEGER);
    expect(r.low).toBe(0);
    expect(r.capped).toBe(true);
  });
});
