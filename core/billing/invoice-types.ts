import type { RoundingMode } from '../money';

/**
 * Prices are entered either before tax (`exclusive`, the usual B2B invoice) or including it
 * (`inclusive`, e.g. a fixed gross fee); tax is then added on top or taken out.
 */
export type TaxMode = 'exclusive' | 'inclusive';

/** Round tax on each line, or once per tax rate over the whole document. See README. */
export type TaxRounding = 'per-line' | 'per-document';

export type LineDiscount =
  /** Percent off the line, as a decimal string: `"10"` is 10 %. */
  | { percent: string }
  /** A fixed amount off the line in minor units, never more than the line itself. */
  | { amountMinor: number };

export type InvoiceLineInput = {
  /** Decimal string (`"2.5"` days) or number; negative on credit-note lines. */
  quantity: string | number;
  /** Integer minor units; includes tax when the document's tax mode is `inclusive`. */
  unitPriceMinor: number;
  discount?: LineDiscount;
  /** Percent as a decimal string, `"13"` = 13 %, `"0"` for exempt/zero-rated lines. */
  taxRatePercent: string;
};

export type InvoiceOptions = {
  currency: string;
  /** Default `exclusive`. */
  taxMode?: TaxMode;
  /** Default `per-line` (see README: why). */
  taxRounding?: TaxRounding;
  /** Default `half-up`. */
  rounding?: RoundingMode;
  /** Deposit already received, deducted from the total (minor units, ≥ 0). */
  depositMinor?: number;
  /** Percent of the retainage base withheld until acceptance, e.g. `"5"`. */
  retainagePercent?: string;
  /** What retainage is a percent of. Default `total` (tax included). */
  retainageBase?: 'total' | 'subtotal';
};

export type InvoiceLineResult = {
  index: number;
  /** Canonical decimal text of the quantity. */
  quantity: string;
  taxRatePercent: string;
  /** quantity × unit price, rounded once; on the price's tax basis. */
  extendedMinor: number;
  /** Amount taken off; same sign as the line (it reduces the line's size). */
  discountMinor: number;
  /** extended − discount: what the line shows, on the price's tax basis. */
  amountMinor: number;
  /** Known per line except with per-document rounding of inclusive prices. */
  netMinor: number | null;
  /** Known per line only with per-line rounding. */
  taxMinor: number | null;
  /** Known per line except with per-document rounding of exclusive prices. */
  grossMinor: number | null;
};

export type TaxSummaryRow = {
  taxRatePercent: string;
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
};

export type InvoiceTotals = {
  currency: string;
  taxMode: TaxMode;
  taxRounding: TaxRounding;
  rounding: RoundingMode;
  lines: InvoiceLineResult[];
  /** One row per tax rate, in order of first appearance. */
  taxSummary: TaxSummaryRow[];
  discountTotalMinor: number;
  /** Σ net amounts. */
  subtotalMinor: number;
  taxTotalMinor: number;
  /** subtotal + tax. */
  totalMinor: number;
  depositMinor: number;
  retainageMinor: number;
  /** total − deposit − retainage. */
  amountDueMinor: number;
};
