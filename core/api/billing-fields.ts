import { z } from 'zod';
import { validateNumberPattern } from '../billing';

/**
 * Decimal-string fields shared by the profile, engagement and billing contracts. Rates are
 * strings so no float ever enters a tax or interest computation (see core/billing/README.md).
 */

const DECIMAL = /^\d{1,12}(\.\d{1,6})?$/;

/** A percent as a decimal string, 0–100: `"13"` is 13 %, `"5.5"` is 5.5 %. */
export const PercentString = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!DECIMAL.test(value) || Number(value) > 100) {
      ctx.addIssue({
        code: 'custom',
        message: 'A percent between 0 and 100, e.g. "13" or "5.5"',
        params: { reason: 'INVALID_PERCENT' },
      });
    }
  });

/**
 * A contract's liability cap as a percent of its value, 0–1000: caps of 150 % or 200 % of
 * the fees are common, so this is not a PercentString.
 */
export const LiabilityCapPercentString = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!DECIMAL.test(value) || Number(value) > 1000) {
      ctx.addIssue({
        code: 'custom',
        message: 'A percent of the contract value between 0 and 1000, e.g. "150"',
        params: { reason: 'INVALID_LIABILITY_CAP' },
      });
    }
  });

/** An annual rate as a fraction written as a decimal string: `"0.08"` is 8 % a year. */
export const AnnualRateString = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!DECIMAL.test(value) || Number(value) > 10) {
      ctx.addIssue({
        code: 'custom',
        message: 'An annual rate as a fraction between 0 and 10, e.g. "0.08" for 8 %',
        params: { reason: 'INVALID_RATE' },
      });
    }
  });

/** A quantity as a decimal string (`"2.5"` days); never negative on an invoice. */
export const QuantityString = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (/^-/.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Quantities cannot be negative; corrections go through a credit note',
        params: { reason: 'NEGATIVE_QUANTITY' },
      });
    } else if (!/^\d{1,9}(\.\d{1,6})?$/.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'A quantity such as "1" or "2.5"',
        params: { reason: 'INVALID_QUANTITY' },
      });
    }
  });

/** An invoice or credit-note number pattern, e.g. `INV-{YYYY}-{SEQ:4}`. */
export const NumberPattern = z.string().superRefine((value, ctx) => {
  const problem = validateNumberPattern(value);
  if (problem) {
    ctx.addIssue({
      code: 'custom',
      message: `Invalid number pattern (${problem})`,
      params: { reason: problem },
    });
  }
});
