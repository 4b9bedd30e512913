/**
 * Seeded pseudo-random numbers for reproducible Monte Carlo: the same seed always gives the
 * same distribution figures, so a consultant's report does not change on reload.
 * The generator is pure-rand's xoroshiro128+; this file only adapts it to the draws we need.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Random {
  /** Next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform in the open interval (0, 1): never exactly 0 or 1, safe for log and inverse CDFs. */
  nextOpen01(): number;
  /** Standard normal variate (Marsaglia's polar method). */
  nextNormal(): number;
}

/** A generator from any integer seed (its low 32 bits); the same seed yields the same stream. */
export function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  // The seed goes into the state as is, so nearby seeds start with nearly equal outputs (and
  // seed 1 with 0xfffffffe); a jump of 2^64 steps lands both on unrelated parts of the cycle.
  rng.jump();

  const nextUint32 = (): number => rng.next() >>> 0;
  const nextOpen01 = (): number => {
    // [0, 1) in steps of 2^-53: only the zero has to be rejected.
    let u = uniformFloat64(rng);
    while (u === 0) u = uniformFloat64(rng);
    return u;
  };

  let spare = Number.NaN;
  const nextNormal = (): number => {
    if (!Number.isNaN(spare)) {
      const value = spare;
      spare = Number.NaN;
      return value;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * nextOpen01() - 1;
      v = 2 * nextOpen01() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const scale = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * scale;
    return u * scale;
  };

  return { nextUint32, nextOpen01, nextNormal };
}
