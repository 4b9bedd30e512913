/**
 * Root finding for rate equations (IRR, XIRR, RATE): f(rate) = 0 for rate > −1.
 *
 * Excel runs Newton's method from the caller's guess. We do the same first, so that flows
 * with several roots give the root Excel gives; then we add two safety nets Excel lacks:
 * - if Newton converged but jumped over a sign change on its way from the guess, the root
 *   at that sign change (nearer the guess) wins instead of the far one;
 * - if Newton fails (flat slope, divergence, oscillation), we search outward from the guess,
 *   in steps that grow from 0.01, for the nearest sign change and bisect it.
 * Both checks look for sign changes, so two roots closer together than the sampling step
 * (or a double root) can go unseen; for cash-flow schedules that is a corner case.
 * The search works in x = ln(1 + rate), where discount factors are smooth exponentials and
 * the region just above −100 % gets as much resolution as large rates.
 */

export interface RateEquationPoint {
  value: number;
  slope: number;
  /** Sum of the absolute values of the terms: the yardstick for "value is zero". */
  scale: number;
}

export type RateEquation = (rate: number) => RateEquationPoint;

const MAX_NEWTON_STEPS = 100;
/**
 * The fallback search spans 1 + rate from 1e-300 to 1e300: absurd rates, but a schedule
 * such as 1 out and 3 back a day later really has an annual IRR near 10^190, and the
 * outward search reaches the ends in a few dozen steps.
 */
const LOWEST_X = Math.log(1e-300);
const HIGHEST_X = Math.log(1e300);
const FIRST_SEARCH_STEP = 0.01;
const SEARCH_STEP_GROWTH = 1.5;
/** Newton's root is checked for a nearer sign change at this many points. */
const NEARER_ROOT_SAMPLES = 64;
/** A converged value must be this small relative to the terms (Excel is far looser). */
const ACCEPTED_RESIDUAL = 1e-9;

export function solveRate(equation: RateEquation, guess: number): number | null {
  const newtonRoot = newton(equation, guess);
  if (newtonRoot !== null) {
    if (newtonRoot === guess) return newtonRoot;
    return nearerRootBetween(equation, guess, newtonRoot) ?? newtonRoot;
  }
  return nearestBracketedRoot(equation, guess);
}

function newton(equation: RateEquation, guess: number): number | null {
  let rate = guess;
  for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
    const { value, slope, scale } = equation(rate);
    if (!Number.isFinite(value) || !Number.isFinite(scale)) return null;
    // At the level of rounding noise the value cannot get any closer to zero.
    if (Math.abs(value) <= 4 * Number.EPSILON * scale) return rate;
    if (slope === 0 || !Number.isFinite(slope)) return null;
    let next = rate - value / slope;
    // A step to or below −100 % would leave the domain; go half way to the edge instead.
    if (!(next > -1)) next = (rate - 1) / 2;
    if (!Number.isFinite(next)) return null;
    if (Math.abs(next - rate) <= 1e-14 * Math.max(1, Math.abs(rate))) {
      const check = equation(next);
      return Math.abs(check.value) <= ACCEPTED_RESIDUAL * check.scale ? next : null;
    }
    rate = next;
  }
  return null;
}

function nearerRootBetween(equation: RateEquation, guess: number, root: number): number | null {
  const from = Math.log1p(guess);
  const to = Math.log1p(root);
  let previousX = from;
  let previousValue = equation(guess).value;
  // The last interval ends at Newton's root itself, so it is not inspected.
  for (let k = 1; k < NEARER_ROOT_SAMPLES; k++) {
    const x = from + ((to - from) * k) / NEARER_ROOT_SAMPLES;
    const value = equation(Math.expm1(x)).value;
    if (!Number.isFinite(value)) return null;
    if (straddlesZero(previousValue, value)) {
      return bisect(equation, previousX, x, previousValue);
    }
    previousX = x;
    previousValue = value;
  }
  return null;
}

interface SearchFront {
  x: number;
  value: number;
  open: boolean;
}

function nearestBracketedRoot(equation: RateEquation, guess: number): number | null {
  const start = Math.log1p(guess);
  const startValue = equation(guess).value;
  if (startValue === 0) return guess;
  const up: SearchFront = { x: start, value: startValue, open: Number.isFinite(startValue) };
  const down: SearchFront = { ...up };
  let step = FIRST_SEARCH_STEP;
  while (up.open || down.open) {
    const found: number[] = [];
    for (const [front, target] of [
      [up, Math.min(start + step, HIGHEST_X)],
      [down, Math.max(start - step, LOWEST_X)],
    ] as const) {
      if (!front.open) continue;
      const value = equation(Math.expm1(target)).value;
      if (Number.isNaN(value)) {
        front.open = false;
        continue;
      }
      if (straddlesZero(front.value, value)) {
        found.push(bisect(equation, front.x, target, front.value));
      }
      front.x = target;
      front.value = value;
      if (target === HIGHEST_X || target === LOWEST_X) front.open = false;
    }
    if (found.length > 0) {
      return found.reduce((best, r) => (Math.abs(r - guess) < Math.abs(best - guess) ? r : best));
    }
    step *= SEARCH_STEP_GROWTH;
  }
  return null;
}

function straddlesZero(a: number, b: number): boolean {
  return (a <= 0 && b >= 0) || (a >= 0 && b <= 0);
}

/**
 * Bisection in x = ln(1 + rate) down to adjacent doubles, so that the result is as exact
 * for a rate of 1e-6 as for 1e6. `valueAtA` is f at x = a, and f changes sign over [a, b].
 */
function bisect(equation: RateEquation, a: number, b: number, valueAtA: number): number {
  const valueAt = (x: number) => equation(Math.expm1(x)).value;
  if (valueAtA === 0) return Math.expm1(a);
  let near = a;
  let far = b;
  let nearValue = valueAtA;
  for (let i = 0; i < 2100; i++) {
    const middle = near + (far - near) / 2;
    if (middle === near || middle === far) break;
    const value = valueAt(middle);
    if (value === 0) return Math.expm1(middle);
    if (value < 0 === nearValue < 0) {
      near = middle;
      nearValue = value;
    } else {
      far = middle;
    }
  }
  const farValue = valueAt(far);
  return Math.expm1(Math.abs(farValue) < Math.abs(nearValue) ? far : near);
}
