import type { InvoiceLine } from '../../core/api';
import { invoiceTotals, type InvoiceTotals, type TaxMode } from '../../core/billing';
import type { LineRow } from '../../db';
import { withBilling } from './errors';

/** A line as the handlers receive it (defaults filled in by the contract). */
export type ParsedLine = {
  description: string;
  quantity: string;
  unit: string;
  unitPriceMinor: number;
  discount: { percent: string } | { amountMinor: number } | null;
  taxRatePercent: string;
};

export interface Computed {
  lines: LineRow[];
  totals: InvoiceTotals;
}

/**
 * Lines and totals of a document, always from `core/billing.invoiceTotals` with per-line tax
 * rounding, so every stored line has its own net, tax and gross and they add up exactly.
 */
export function computeDocument(
  lines: readonly ParsedLine[],
  options: { currency: string; taxMode: TaxMode; depositMinor: number },
): Computed {
  const totals = withBilling(() =>
    invoiceTotals(
      lines.map((l) => ({
        quantity: l.quantity,
        unitPriceMinor: l.unitPriceMinor,
        taxRatePercent: l.taxRatePercent,
        ...(l.discount ? { discount: l.discount } : {}),
      })),
      { ...options, taxRounding: 'per-line' },
    ),
  );
  return {
    totals,
    lines: lines.map((l, i) => {
      const r = totals.lines[i]!;
      return {
        position: i,
        description: l.description,
        quantity: r.quantity,
        unit: l.unit,
        unitPriceMinor: l.unitPriceMinor,
        discountPercent: l.discount && 'percent' in l.discount ? l.discount.percent : null,
        discountAmountMinor:
          l.discount && 'amountMinor' in l.discount ? l.discount.amountMinor : null,
        taxRatePercent: r.taxRatePercent,
        discountMinor: r.discountMinor,
        amountMinor: r.amountMinor,
        netMinor: r.netMinor!,
        taxMinor: r.taxMinor!,
        grossMinor: r.grossMinor!,
      };
    }),
  };
}

export function toLine(row: LineRow): InvoiceLine {
  return {
    position: row.position,
    description: row.description,
    quantity: row.quantity,
    unit: row.unit,
    unitPriceMinor: row.unitPriceMinor,
    discount:
      row.discountPercent !== null
        ? { percent: row.discountPercent }
        : row.discountAmountMinor !== null
          ? { amountMinor: row.discountAmountMinor }
          : null,
    taxRatePercent: row.taxRatePercent,
    discountMinor: row.discountMinor,
    amountMinor: row.amountMinor,
    netMinor: row.netMinor,
    taxMinor: row.taxMinor,
    grossMinor: row.grossMinor,
  };
}

/** Lines back in the input shape (to recompute a draft when only its options change). */
export function toParsedLine(row: LineRow): ParsedLine {
  const line = toLine(row);
  return {
    description: line.description,
    quantity: line.quantity,
    unit: line.unit,
    unitPriceMinor: line.unitPriceMinor,
    discount: line.discount,
    taxRatePercent: line.taxRatePercent,
  };
}

/** Per tax rate, from the stored lines (per-line rounding: the sums are the totals). */
export function taxSummaryOf(lines: readonly LineRow[]) {
  const rows = new Map<
    string,
    { taxRatePercent: string; netMinor: number; taxMinor: number; grossMinor: number }
  >();
  for (const line of lines) {
    const row = rows.get(line.taxRatePercent) ?? {
      taxRatePercent: line.taxRatePercent,
      netMinor: 0,
      taxMinor: 0,
      grossMinor: 0,
    };
    row.netMinor += line.netMinor;
    row.taxMinor += line.taxMinor;
    row.grossMinor += line.grossMinor;
    rows.set(line.taxRatePercent, row);
  }
  return [...rows.values()];
}
