/**
 * When the fix has paid for itself.
 *
 * `quarter` is the quarter (1-based) during which the cumulative saving first covers the
 * fix cost; `fraction` is how much of that quarter had passed, interpolated linearly on the
 * assumption that the saving accrues evenly inside the quarter (0 < fraction <= 1);
 * `quarters` = quarter − 1 + fraction is the payback time in quarters, e.g. 2.5.
 * A fix that costs nothing has paid back at once: `{ quarter: 0, fraction: 0, quarters: 0 }`.
 * Never paying back within the horizon is `null`.
 */
export interface Payback {
  quarter: number;
  fraction: number;
  quarters: number;
}

const IMMEDIATE: Payback = Object.freeze({ quarter: 0, fraction: 0, quarters: 0 });

/** Accumulates per-quarter savings (in quarter order) against the fix cost paid at t = 0. */
export class PaybackTracker {
  private cumulative = 0;
  private found: Payback | null;

  constructor(private readonly cost: number) {
    this.found = cost <= 0 ? { ...IMMEDIATE } : null;
  }

  add(quarter: number, saving: number): void {
    if (this.found !== null || saving <= 0) return;
    const next = this.cumulative + saving;
    if (next >= this.cost) {
      const fraction = Math.min(1, Math.max(0, (this.cost - this.cumulative) / saving));
      this.found = { quarter, fraction, quarters: quarter - 1 + fraction };
    }
    this.cumulative = next;
  }

  get result(): Payback | null {
    return this.found;
  }
}
