import { z } from 'zod';
import { TechDebtError, type TechDebtIssue } from './errors';

/**
 * Codes carried by validation issues (as the zod issue `message`, so a contract that embeds
 * `DebtItemModelInput` passes them straight to the UI for translation).
 */
export const DebtItemIssueCode = {
  required: 'REQUIRED',
  notANumber: 'NOT_A_NUMBER',
  notAnInteger: 'NOT_INTEGER',
  negative: 'NEGATIVE',
  tooLarge: 'TOO_LARGE',
  lowAboveLikely: 'LOW_ABOVE_LIKELY',
  likelyAboveHigh: 'LIKELY_ABOVE_HIGH',
  growthOutOfRange: 'GROWTH_OUT_OF_RANGE',
  rateOutOfRange: 'RATE_OUT_OF_RANGE',
  horizonOutOfRange: 'HORIZON_OUT_OF_RANGE',
  lagOutOfRange: 'LAG_OUT_OF_RANGE',
  fractionOutOfRange: 'FRACTION_OUT_OF_RANGE',
  invalidRateMode: 'INVALID_RATE_MODE',
  notAnObject: 'NOT_AN_OBJECT',
} as const;
export type DebtItemIssueCode = (typeof DebtItemIssueCode)[keyof typeof DebtItemIssueCode];

const C = DebtItemIssueCode;

/** The longest horizon we model: 50 years of quarters is already beyond any honest estimate. */
export const MAX_HORIZON_QUARTERS = 200;
/** A fix longer than ~400 working years is a typo, not an estimate. */
export const MAX_FIX_DAYS = 100_000;

const missingOr = (code: DebtItemIssueCode) => (issue: { input?: unknown }) =>
  issue.input === undefined ? C.required : code;

const number = (code: DebtItemIssueCode = C.notANumber) => z.number({ error: missingOr(code) });

/** Money estimates are integer minor units, like every amount the app stores. */
const minorUnits = () => number().int({ error: C.notAnInteger }).min(0, { error: C.negative });

const days = () => number().min(0, { error: C.negative }).max(MAX_FIX_DAYS, { error: C.tooLarge });

const fraction = () =>
  number().min(0, { error: C.fractionOutOfRange }).max(1, { error: C.fractionOutOfRange });

/** low <= likely <= high, reported on the field that breaks the order. */
const threePoint = (value: () => z.ZodNumber) =>
  z
    .object({ low: value(), likely: value(), high: value() }, { error: missingOr(C.notAnObject) })
    .superRefine((v, ctx) => {
      if (v.low > v.likely) {
        ctx.addIssue({ code: 'custom', message: C.lowAboveLikely, path: ['low'], input: v.low });
      }
      if (v.likely > v.high) {
        ctx.addIssue({
          code: 'custom',
          message: C.likelyAboveHigh,
          path: ['high'],
          input: v.high,
        });
      }
    });

export const ThreePointMinor = threePoint(minorUnits);
export const ThreePointDays = threePoint(days);

export const RateMode = z.enum(['effective', 'nominal'], { error: missingOr(C.invalidRateMode) });
export type RateMode = z.infer<typeof RateMode>;

/**
 * The cost model of one technical-debt item, in quarters.
 *
 * Ranges are deliberately wide but finite: growth above 100 % a quarter, negative discount
 * rates or a horizon beyond 50 years say more about a typo than about the client.
 */
export const DebtItemModelInput = z.object(
  {
    /** What carrying the debt costs the client per quarter today, minor units. */
    quarterlyCost: ThreePointMinor,
    /** Growth of that cost per quarter, as a fraction (0.03 = 3 % a quarter). */
    growthPerQuarter: number()
      .gt(-1, { error: C.growthOutOfRange })
      .max(1, { error: C.growthOutOfRange }),
    /** Effort to fix, in consultant days. */
    fixDays: ThreePointDays,
    /** Price of one fix day, minor units. */
    dayRate: minorUnits(),
    annualDiscountRate: number()
      .min(0, { error: C.rateOutOfRange })
      .max(1, { error: C.rateOutOfRange }),
    horizonQuarters: number()
      .int({ error: C.notAnInteger })
      .min(1, { error: C.horizonOutOfRange })
      .max(MAX_HORIZON_QUARTERS, { error: C.horizonOutOfRange }),
    /** Share of the quarterly cost still paid after the fix takes effect. */
    residualFraction: fraction(),
    /** Whole quarters between paying for the fix and the cost actually going down. */
    lagQuarters: number()
      .int({ error: C.notAnInteger })
      .min(0, { error: C.lagOutOfRange })
      .max(MAX_HORIZON_QUARTERS, { error: C.lagOutOfRange }),
    rateMode: RateMode,
  },
  { error: missingOr(C.notAnObject) },
);
export type DebtItemModelInput = z.infer<typeof DebtItemModelInput>;
export type ThreePointEstimate = DebtItemModelInput['quarterlyCost'];

const CODE = /^[A-Z][A-Z0-9_]*$/;

/** zod issues as coded issues: our schemas put a code in every message; anything else is generic. */
export function toTechDebtIssues(error: z.ZodError): TechDebtIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    code: CODE.test(issue.message) ? issue.message : 'INVALID_VALUE',
    message: issue.message,
  }));
}

/**
 * The same rules as `DebtItemModelInput`, as plain predicates: a register re-prices 100,000
 * items, and zod costs about as much as the model itself. Valid input takes this path; only
 * invalid input pays for zod, which then names every issue. A property test keeps the two in
 * agreement.
 */
export function isValidDebtItemInput(input: unknown): input is DebtItemModelInput {
  if (typeof input !== 'object' || input === null) return false;
  const v = input as Record<string, unknown>;
  return (
    isOrdered(v.quarterlyCost, isMinorUnits) &&
    isNumberIn(v.growthPerQuarter, -1, 1) &&
    v.growthPerQuarter !== -1 &&
    isOrdered(v.fixDays, isDays) &&
    isMinorUnits(v.dayRate) &&
    isNumberIn(v.annualDiscountRate, 0, 1) &&
    isIntegerIn(v.horizonQuarters, 1, MAX_HORIZON_QUARTERS) &&
    isNumberIn(v.residualFraction, 0, 1) &&
    isIntegerIn(v.lagQuarters, 0, MAX_HORIZON_QUARTERS) &&
    (v.rateMode === 'effective' || v.rateMode === 'nominal')
  );
}

function isNumberIn(x: unknown, min: number, max: number): boolean {
  return typeof x === 'number' && x >= min && x <= max; // NaN fails both comparisons
}

function isIntegerIn(x: unknown, min: number, max: number): boolean {
  return Number.isInteger(x) && isNumberIn(x, min, max);
}

function isMinorUnits(x: unknown): boolean {
  return Number.isSafeInteger(x) && (x as number) >= 0;
}

function isDays(x: unknown): boolean {
  return isNumberIn(x, 0, MAX_FIX_DAYS);
}

function isOrdered(x: unknown, isValue: (y: unknown) => boolean): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const { low, likely, high } = x as Record<string, unknown>;
  return (
    isValue(low) &&
    isValue(likely) &&
    isValue(high) &&
    (low as number) <= (likely as number) &&
    (likely as number) <= (high as number)
  );
}

/** Validates a model input; throws `TechDebtError('INVALID_INPUT')` listing every issue. */
export function parseDebtItemInput(input: unknown): DebtItemModelInput {
  if (isValidDebtItemInput(input)) return input;
  const result = DebtItemModelInput.safeParse(input);
  if (!result.success) {
    throw new TechDebtError(
      'INVALID_INPUT',
      'The debt item model input is invalid',
      toTechDebtIssues(result.error),
    );
  }
  return result.data;
}
