import { roundMinor, roundQuotient, toPlainString, type Dec, type RoundingMode } from '../money';
import { BillingError } from './errors';
import { decimalField, inBilling, minorField, percentField } from './fields';
import type { InvoiceLineInput } from './invoice-types';

/** A line with its amounts settled, before any tax is computed. */
export type PricedLine = {
  index: number;
  quantity: string;
  rate: Dec;
  taxRatePercent: string;
  extendedMinor: number;
  discountMinor: number;
  amountMinor: number;
};

/**
 * quantity × price is rounded once to the minor unit (2.5 days × 333.33 = 833.33), then the
 * discount is a whole number of minor units too, so every figure printed on the line adds
 * up exactly. Negative quantities or prices (credit notes) mirror positive ones because both
 * rounding modes are symmetric around zero.
 */
export function priceLine(line: InvoiceLineInput, index: number, mode: RoundingMode): PricedLine {
  const quantity = decimalField(line.quantity, 'INVALID_QUANTITY', { index });
  const unitPrice = minorField(line.unitPriceMinor, 'INVALID_UNIT_PRICE', { index });
  const rate = percentField(line.taxRatePercent, 'INVALID_TAX_RATE', { index });

  const extendedMinor = inBilling(() => roundMinor(quantity.times(unitPrice), mode), { index });
  let discountMinor = 0;
  const discount = line.discount;
  if (discount && 'percent' in discount) {
    const percent = percentField(discount.percent, 'INVALID_DISCOUNT', { index });
    discountMinor = roundQuotient(percent.times(extendedMinor), 100, mode);
  } else if (discount && 'amountMinor' in discount) {
    const amount = minorField(discount.amountMinor, 'INVALID_DISCOUNT', { index });
    if (amount < 0) throw new BillingError('INVALID_DISCOUNT', { index, value: amount });
    if (amount > Math.abs(extendedMinor)) {
      throw new BillingError('DISCOUNT_EXCEEDS_LINE', {
        index,
        discount: amount,
        line: extendedMinor,
      });
    }
    discountMinor = extendedMinor < 0 ? -amount : amount;
  }
  return {
    index,
    quantity: toPlainString(quantity),
    rate,
    taxRatePercent: toPlainString(rate),
    extendedMinor,
    discountMinor: discountMinor === 0 ? 0 : discountMinor,
    amountMinor: extendedMinor - discountMinor,
  };
}

/** Tax contained in, or added to, an amount at `rate` percent. */
export function taxOf(
  amountMinor: number,
  rate: Dec,
  inclusive: boolean,
  mode: RoundingMode,
): number {
  // inclusive: gross × r / (100 + r), so 113.00 at 13 % holds exactly 13.00
  return inclusive
    ? roundQuotient(rate.times(amountMinor), rate.plus(100), mode)
    : roundQuotient(rate.times(amountMinor), 100, mode);
}
