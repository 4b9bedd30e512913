import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  estimateCdf,
  estimateMean,
  estimateQuantile,
  estimateSampler,
  gammaVariate,
  pertShape,
  triangularQuantile,
} from './distributions';
import { createRandom } from './random';

describe('Beta-PERT (λ = 4)', () => {
  it('has mean (a + 4m + b) / 6', () => {
    expect(estimateMean('pert', { low: 60, likely: 100, high: 200 })).toBe(110);
    expect(estimateMean('pert', { low: 3, likely: 6, high: 15 })).toBe(7); // (3+24+15)/6
  });

  it('has shapes α = 1 + 4(m − a)/(b − a), β = 1 + 4(b − m)/(b − a)', () => {
    expect(pertShape({ low: 0, likely: 25, high: 100 })).toEqual({ alpha: 2, beta: 4 });
    expect(pertShape({ low: 10, likely: 10, high: 20 })).toEqual({ alpha: 1, beta: 5 });
  });

  it('has closed-form quantiles when the likely value sits at an end', () => {
    // likely = low gives Beta(1, 5): Q(p) = a + (b − a)(1 − (1 − p)^(1/5)).
    const e = { low: 0, likely: 0, high: 10_000 };
    expect(estimateQuantile('pert', e, 0.5)).toBeCloseTo(10_000 * (1 - 0.5 ** 0.2), 9);
    expect(estimateQuantile('pert', e, 0.5)).toBeCloseTo(1294.494367, 5);
    // likely = high gives Beta(5, 1): Q(p) = a + (b − a) p^(1/5).
    const f = { low: 100, likely: 200, high: 200 };
    expect(estimateQuantile('pert', f, 0.1)).toBeCloseTo(100 + 100 * 0.1 ** 0.2, 10);
  });

  it('is symmetric about a centred likely value', () => {
    const e = { low: 10, likely: 20, high: 30 };
    expect(estimateQuantile('pert', e, 0.5)).toBeCloseTo(20, 12);
    expect(estimateQuantile('pert', e, 0.1) + estimateQuantile('pert', e, 0.9)).toBeCloseTo(40, 10);
    // Beta(3, 3) CDF is 10x³ − 15x⁴ + 6x⁵: check the 10 % quantile through it.
    const x = (estimateQuantile('pert', e, 0.1) - 10) / 20;
    expect(10 * x ** 3 - 15 * x ** 4 + 6 * x ** 5).toBeCloseTo(0.1, 12);
  });

  it('samples with the PERT mean and variance (μ − a)(b − μ)/7', () => {
    const e = { low: 50, likely: 80, high: 170 };
    const mean = estimateMean('pert', e); // 90
    const variance = ((mean - 50) * (170 - mean)) / 7; // 40 × 80 / 7 = 457.14
    const draw = estimateSampler('pert', e, createRandom(3));
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const x = draw();
      expect(x >= 50 && x <= 170).toBe(true);
      sum += x;
      squares += x * x;
    }
    const m = sum / n;
    expect(m).toBeCloseTo(mean, 0);
    expect(Math.abs(squares / n - m * m - variance) / variance).toBeLessThan(0.02);
  });
});

describe('triangular', () => {
  it('has mean (a + m + b) / 3', () => {
    expect(estimateMean('triangular', { low: 60, likely: 100, high: 200 })).toBe(120);
  });

  it('has the closed-form inverse CDF', () => {
    // F(m) = (m − a)/(b − a) = 0.5 for {0, 5000, 10000}:
    // Q(0.05) = √(0.05 × 10000 × 5000) = √2 500 000 = 1581.1388; Q(0.95) = 10000 − 1581.1388.
    const sym = { low: 0, likely: 5000, high: 10_000 };
    expect(triangularQuantile(sym, 0.5)).toBe(5000);
    expect(triangularQuantile(sym, 0.05)).toBeCloseTo(1581.13883, 6);
    expect(triangularQuantile(sym, 0.95)).toBeCloseTo(8418.86117, 6);
    // Skewed {1000, 2000, 6000}: F(m) = 0.2.
    // Q(0.1) = 1000 + √(0.1 × 5000 × 1000) = 1000 + √500 000 = 1707.1068
    // Q(0.5) = 6000 − √(0.5 × 5000 × 4000) = 6000 − √10 000 000 = 2837.7223
    const skew = { low: 1000, likely: 2000, high: 6000 };
    expect(triangularQuantile(skew, 0.1)).toBeCloseTo(1707.106781, 6);
    expect(triangularQuantile(skew, 0.2)).toBeCloseTo(2000, 9);
    expect(triangularQuantile(skew, 0.5)).toBeCloseTo(2837.72234, 6);
    expect(triangularQuantile(skew, 0)).toBe(1000);
    expect(triangularQuantile(skew, 1)).toBe(6000);
  });

  it('samples with variance (a² + b² + c² − ab − ac − bc)/18', () => {
    const [a, c, b] = [1000, 2000, 6000];
    const variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    const draw = estimateSampler('triangular', { low: a, likely: c, high: b }, createRandom(5));
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const x = draw();
      sum += x;
      squares += x * x;
    }
    const m = sum / n;
    expect(Math.abs(m - 3000) / 3000).toBeLessThan(0.005);
    expect(Math.abs(squares / n - m * m - variance) / variance).toBeLessThan(0.02);
  });
});

describe('both distributions', () => {
  it('treat a point estimate as that point', () => {
    const e = { low: 7, likely: 7, high: 7 };
    for (const dist of ['pert', 'triangular'] as const) {
      expect(estimateQuantile(dist, e, 0.05)).toBe(7);
      expect(estimateMean(dist, e)).toBe(7);
      expect(estimateCdf(dist, e, 6.99)).toBe(0);
      expect(estimateCdf(dist, e, 7)).toBe(1);
      expect(estimateSampler(dist, e, createRandom(1))()).toBe(7);
    }
  });

  it('have quantile and CDF as inverses', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('pert' as const, 'triangular' as const),
        fc.tuple(
          fc.integer({ min: 0, max: 1_000_000 }),
          fc.integer({ min: 0, max: 1_000_000 }),
          fc.integer({ min: 0, max: 1_000_000 }),
        ),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (dist, triple, p) => {
          const [low, likely, high] = triple.sort((x, y) => x - y);
          fc.pre(high > low);
          const x = estimateQuantile(dist, { low, likely, high }, p);
          expect(estimateCdf(dist, { low, likely, high }, x)).toBeCloseTo(p, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('gammaVariate', () => {
  it.each([0.5, 1, 2.5, 5])('has mean and variance equal to its shape %s', (shape) => {
    const random = createRandom(17);
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const g = gammaVariate(shape, random);
      sum += g;
      squares += g * g;
    }
    const mean = sum / n;
    expect(Math.abs(mean - shape) / shape).toBeLessThan(0.02);
    expect(Math.abs(squares / n - mean * mean - shape) / shape).toBeLessThan(0.05);
  });
});
