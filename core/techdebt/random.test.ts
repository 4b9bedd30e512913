import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('createRandom', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const r = createRandom(seed);
      return Array.from({ length: 8 }, () => r.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0)).not.toEqual(draw(1));
  });

  it('starts nearby seeds on unrelated streams', () => {
    // Half of the 32 bits should differ between the first words of seeds s and s + 1; fed
    // straight into xoroshiro128+ they would differ in only a few bits.
    const popcount = (x: number) => x.toString(2).replace(/0/g, '').length;
    let differing = 0;
    for (let seed = 0; seed < 100; seed++) {
      differing += popcount(
        (createRandom(seed).nextUint32() ^ createRandom(seed + 1).nextUint32()) >>> 0,
      );
    }
    expect(differing / 100).toBeGreaterThan(14); // mean 16, standard error 0.28
    expect(differing / 100).toBeLessThan(18);
  });

  it('never returns 0 or 1 from nextOpen01 and fills the unit interval evenly', () => {
    const r = createRandom(7);
    const n = 100_000;
    const bins = new Array<number>(10).fill(0);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const u = r.nextOpen01();
      expect(u > 0 && u < 1).toBe(true);
      bins[Math.floor(u * 10)]!++;
      sum += u;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    // Each decile within 5 standard deviations of n/10 (σ = √(n × 0.1 × 0.9) ≈ 95).
    for (const count of bins) expect(Math.abs(count - n / 10)).toBeLessThan(5 * 95);
  });

  it('draws standard normals', () => {
    const r = createRandom(11);
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    let within1 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.nextNormal();
      sum += z;
      squares += z * z;
      if (Math.abs(z) < 1) within1++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02); // σ of the mean ≈ 0.003
    expect(squares / n).toBeCloseTo(1, 1);
    expect(within1 / n).toBeCloseTo(0.6827, 2); // Φ(1) − Φ(−1)
  });
});
