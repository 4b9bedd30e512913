import { DEFAULT_ROUNDING, assertCurrency, roundQuotient } from '../money';
import { BillingError } from './errors';
import { inBilling, minorField, percentField, safeSum } from './fields';
import { priceLine, taxOf, type PricedLine } from './invoice-lines';
import type {
  InvoiceLineInput,
  InvoiceLineResult,
  InvoiceOptions,
  InvoiceTotals,
  TaxSummaryRow,
} from './invoice-types';

/**
 * Per-line rounding is the default: every line then shows its own net, tax and gross that
 * add up on the page, as a Chinese VAT fapiao prints them (金额 / 税率 / 税额 per line, totals
 * being their sums), and a credit note can reverse one line to the cent. Per-document
 * rounding (tax once per rate on the summed lines) is what EN 16931 e-invoices (BR-CO-17)
 * and Japanese qualified invoices expect; choose it for those clients. See README.
 */
export const DEFAULT_TAX_ROUNDING = 'per-line' as const;
export const DEFAULT_TAX_MODE = 'exclusive' as const;

function groupByRate(lines: readonly PricedLine[]): PricedLine[][] {
  const groups = new Map<string, PricedLine[]>();
  for (const line of lines) {
    const group = groups.get(line.taxRatePercent);
    if (group) group.push(line);
    else groups.set(line.taxRatePercent, [line]);
  }
  return [...groups.values()];
}

/**
 * Totals of an invoice or credit note from its lines, in integer minor units. The identity
 * `amountDue = Σ net + Σ tax − deposit − retainage` holds exactly, as do
 * `total = subtotal + tax` and, per rate, `gross = net + tax`.
 */
export function invoiceTotals(
  lines: readonly InvoiceLineInput[],
  options: InvoiceOptions,
): InvoiceTotals {
  assertCurrency(options.currency);
  const taxMode = options.taxMode ?? DEFAULT_TAX_MODE;
  const taxRounding = options.taxRounding ?? DEFAULT_TAX_ROUNDING;
  const rounding = options.rounding ?? DEFAULT_ROUNDING;
  const inclusive = taxMode === 'inclusive';

  const priced = lines.map((line, index) => priceLine(line, index, rounding));
  const results: InvoiceLineResult[] = [];
  const taxSummary: TaxSummaryRow[] = [];

  for (const group of groupByRate(priced)) {
    const rate = group[0]!.rate;
    if (taxRounding === 'per-line') {
      let netSum = 0;
      let taxSum = 0;
      for (const line of group) {
        const tax = taxOf(line.amountMinor, rate, inclusive, rounding);
        const net = inclusive ? line.amountMinor - tax : line.amountMinor;
        results.push({ ...lineBase(line), netMinor: net, taxMinor: tax, grossMinor: net + tax });
        netSum = safeSum([netSum, net]);
        taxSum = safeSum([taxSum, tax]);
      }
      taxSummary.push(summaryRow(group[0]!.taxRatePercent, netSum, taxSum));
    } else {
      const amount = safeSum(group.map((l) => l.amountMinor));
      const tax = taxOf(amount, rate, inclusive, rounding);
      const net = inclusive ? amount - tax : amount;
      for (const line of group) {
        results.push({
          ...lineBase(line),
          netMinor: inclusive ? null : line.amountMinor,
          taxMinor: null,
          grossMinor: inclusive ? line.amountMinor : null,
        });
      }
      taxSummary.push(summaryRow(group[0]!.taxRatePercent, net, tax));
    }
  }
  results.sort((a, b) => a.index - b.index);

  const subtotalMinor = safeSum(taxSummary.map((r) => r.netMinor));
  const taxTotalMinor = safeSum(taxSummary.map((r) => r.taxMinor));
  const totalMinor = safeSum([subtotalMinor, taxTotalMinor]);
  const { depositMinor, retainageMinor } = deductions(options, totalMinor, subtotalMinor);

  return {
    currency: options.currency,
    taxMode,
    taxRounding,
    rounding,
    lines: results,
    taxSummary,
    discountTotalMinor: safeSum(priced.map((l) => l.discountMinor)),
    subtotalMinor,
    taxTotalMinor,
    totalMinor,
    depositMinor,
    retainageMinor,
    amountDueMinor: totalMinor - depositMinor - retainageMinor,
  };
}

function lineBase(line: PricedLine) {
  return {
    index: line.index,
    quantity: line.quantity,
    taxRatePercent: line.taxRatePercent,
    extendedMinor: line.extendedMinor,
    discountMinor: line.discountMinor,
    amountMinor: line.amountMinor,
  };
}

function summaryRow(taxRatePercent: string, netMinor: number, taxMinor: number): TaxSummaryRow {
  return { taxRatePercent, netMinor, taxMinor, grossMinor: safeSum([netMinor, taxMinor]) };
}

/**
 * Retainage is withheld from what this invoice bills and the deposit already received is
 * credited against it. Both only make sense against a positive bill: on a credit note they
 * are refused rather than turned into an amount the consultant would owe twice.
 */
function deductions(options: InvoiceOptions, totalMinor: number, subtotalMinor: number) {
  const depositMinor = minorField(options.depositMinor ?? 0, 'INVALID_DEPOSIT');
  if (depositMinor < 0) throw new BillingError('INVALID_DEPOSIT', { value: depositMinor });
  const percent = percentField(options.retainagePercent ?? '0', 'INVALID_RETAINAGE');
  const base = options.retainageBase === 'subtotal' ? subtotalMinor : totalMinor;
  const retainageMinor = inBilling(() =>
    roundQuotient(percent.times(base), 100, options.rounding ?? DEFAULT_ROUNDING),
  );

  if (
    (depositMinor > 0 || retainageMinor !== 0) &&
    totalMinor - retainageMinor - depositMinor < 0
  ) {
    throw new BillingError('DEDUCTIONS_EXCEED_TOTAL', {
      total: totalMinor,
      deposit: depositMinor,
      retainage: retainageMinor,
    });
  }
  return { depositMinor, retainageMinor };
}
