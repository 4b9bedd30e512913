import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BillingError } from './errors';
import { invoiceTotals } from './invoice-totals';
import type { InvoiceLineInput, InvoiceTotals } from './invoice-types';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof BillingError ? e.code : `NOT_A_BILLING_ERROR ${String(e)}`;
  }
  return undefined;
}

const line = (
  quantity: string | number,
  unitPriceMinor: number,
  taxRatePercent: string,
  discount?: InvoiceLineInput['discount'],
): InvoiceLineInput => ({ quantity, unitPriceMinor, taxRatePercent, discount });

describe('invoiceTotals: tax-exclusive', () => {
  it('one line: 10 days at 1,000.00 with 6 % VAT (CN modern services rate)', () => {
    const t = invoiceTotals([line(10, 100000, '6')], { currency: 'CNY' });
    expect(t.lines[0]).toMatchObject({
      extendedMinor: 1000000,
      netMinor: 1000000,
      taxMinor: 60000,
      grossMinor: 1060000,
    });
    expect(t).toMatchObject({
      subtotalMinor: 1000000,
      taxTotalMinor: 60000,
      totalMinor: 1060000,
      amountDueMinor: 1060000,
    });
    expect(t.taxRounding).toBe('per-line');
    expect(t.taxMode).toBe('exclusive');
    expect(t.rounding).toBe('half-up');
  });

  it('fractional quantity is rounded once on the line: 2.5 days × 333.33 = 833.33', () => {
    const t = invoiceTotals([line('2.5', 33333, '19')], { currency: 'EUR' });
    expect(t.lines[0]).toMatchObject({ quantity: '2.5', extendedMinor: 83333, taxMinor: 15833 });
    // 833.325 is a tie: half-up 833.33, half-even 833.32
    const even = invoiceTotals([line('2.5', 33333, '19')], {
      currency: 'EUR',
      rounding: 'half-even',
    });
    expect(even.lines[0]!.extendedMinor).toBe(83332);
  });

  it('percent and fixed discounts', () => {
    const t = invoiceTotals(
      [line(1, 100000, '13', { percent: '10' }), line(2, 5000, '13', { amountMinor: 1500 })],
      { currency: 'CNY' },
    );
    expect(t.lines.map((l) => [l.discountMinor, l.amountMinor, l.taxMinor])).toEqual([
      [10000, 90000, 11700],
      [1500, 8500, 1105],
    ]);
    expect(t.discountTotalMinor).toBe(11500);
    expect(t.taxSummary).toEqual([
      { taxRatePercent: '13', netMinor: 98500, taxMinor: 12805, grossMinor: 111305 },
    ]);
  });

  it('groups the tax summary by rate, "13.0" and "13" being the same rate', () => {
    const t = invoiceTotals(
      [line(1, 10000, '13'), line(1, 10000, '6'), line(1, 5000, '13.0'), line(1, 700, '0')],
      { currency: 'CNY' },
    );
    expect(t.taxSummary).toEqual([
      { taxRatePercent: '13', netMinor: 15000, taxMinor: 1950, grossMinor: 16950 },
      { taxRatePercent: '6', netMinor: 10000, taxMinor: 600, grossMinor: 10600 },
      { taxRatePercent: '0', netMinor: 700, taxMinor: 0, grossMinor: 700 },
    ]);
    expect(t.lines.map((l) => l.index)).toEqual([0, 1, 2, 3]);
    expect(t.totalMinor).toBe(28250);
  });

  it('per-line and per-document rounding can differ by a unit; both are exact sums', () => {
    // three lines of 0.05 at 10 %: per line 0.005 -> 0.01 each = 0.03; on the sum 0.015 -> 0.02
    const lines = [line(1, 5, '10'), line(1, 5, '10'), line(1, 5, '10')];
    const perLine = invoiceTotals(lines, { currency: 'EUR' });
    const perDoc = invoiceTotals(lines, { currency: 'EUR', taxRounding: 'per-document' });
    expect(perLine.taxTotalMinor).toBe(3);
    expect(perDoc.taxTotalMinor).toBe(2);
    expect(perDoc.lines[0]).toMatchObject({ netMinor: 5, taxMinor: null, grossMinor: null });
  });

  it('JPY has no minor unit: Japan rounds consumption tax once per rate per invoice', () => {
    // 国税庁「適格請求書等保存方式に関するQ&A」: consumption tax on a qualified invoice is
    // rounded once per tax rate per invoice (一の適格請求書につき、税率ごとに1回の端数処理).
    const lines = [line(1, 333, '10'), line(1, 333, '10'), line(1, 333, '10'), line(1, 500, '8')];
    const t = invoiceTotals(lines, { currency: 'JPY', taxRounding: 'per-document' });
    expect(t.taxSummary).toEqual([
      { taxRatePercent: '10', netMinor: 999, taxMinor: 100, grossMinor: 1099 },
      { taxRatePercent: '8', netMinor: 500, taxMinor: 40, grossMinor: 540 },
    ]);
    expect(invoiceTotals(lines, { currency: 'JPY' }).taxTotalMinor).toBe(33 * 3 + 40);
  });

  it('KWD has three decimals', () => {
    const t = invoiceTotals([line('1.5', 1234, '5')], { currency: 'KWD' });
    expect(t.lines[0]).toMatchObject({ extendedMinor: 1851, taxMinor: 93, grossMinor: 1944 });
  });
});

describe('invoiceTotals: tax-inclusive', () => {
  it('113.00 including 13 % VAT is 100.00 + 13.00', () => {
    // 《中华人民共和国增值税暂行条例实施细则》第十四条: 销售额 = 含税销售额 ÷ (1 + 税率)
    const t = invoiceTotals([line(1, 11300, '13')], { currency: 'CNY', taxMode: 'inclusive' });
    expect(t.lines[0]).toMatchObject({
      amountMinor: 11300,
      netMinor: 10000,
      taxMinor: 1300,
      grossMinor: 11300,
    });
    expect(t).toMatchObject({ subtotalMinor: 10000, taxTotalMinor: 1300, totalMinor: 11300 });
  });

  it('HMRC VAT fraction: 1/6 of a 20 % VAT-inclusive price is VAT', () => {
    // HMRC VAT Notice 700, "VAT fraction": at the standard rate of 20 % the fraction is 1/6.
    const t = invoiceTotals([line(1, 12000, '20'), line(1, 100, '20')], {
      currency: 'GBP',
      taxMode: 'inclusive',
    });
    expect(t.lines.map((l) => l.taxMinor)).toEqual([2000, 17]); // 100/6 = 16.67 -> 17
    expect(t.totalMinor).toBe(12100);
  });

  it('per-document inclusive: net per line is unknown, the rate totals are exact', () => {
    const t = invoiceTotals([line(1, 1000, '19'), line(1, 1000, '19')], {
      currency: 'EUR',
      taxMode: 'inclusive',
      taxRounding: 'per-document',
    });
    // 20.00 × 19/119 = 3.1932 -> 3.19
    expect(t.taxSummary).toEqual([
      { taxRatePercent: '19', netMinor: 1681, taxMinor: 319, grossMinor: 2000 },
    ]);
    expect(t.lines[0]).toMatchObject({
      amountMinor: 1000,
      grossMinor: 1000,
      netMinor: null,
      taxMinor: null,
    });
  });
});

describe('invoiceTotals: credit notes and deductions', () => {
  it('a credit note line mirrors the invoice line', () => {
    const invoice = invoiceTotals([line('2.5', 33333, '19', { percent: '10' })], {
      currency: 'EUR',
    });
    const credit = invoiceTotals([line('-2.5', 33333, '19', { percent: '10' })], {
      currency: 'EUR',
    });
    expect(credit.totalMinor).toBe(-invoice.totalMinor);
    expect(credit.taxTotalMinor).toBe(-invoice.taxTotalMinor);
    expect(credit.lines[0]!.discountMinor).toBe(-invoice.lines[0]!.discountMinor);
  });

  it('deposit and retainage: 113,000.00, 5 % retained, 20,000.00 deposit', () => {
    const t = invoiceTotals([line(1, 10000000, '13')], {
      currency: 'CNY',
      depositMinor: 2000000,
      retainagePercent: '5',
    });
    expect(t).toMatchObject({
      totalMinor: 11300000,
      retainageMinor: 565000,
      depositMinor: 2000000,
      amountDueMinor: 8735000,
    });
    const onNet = invoiceTotals([line(1, 10000000, '13')], {
      currency: 'CNY',
      retainagePercent: '5',
      retainageBase: 'subtotal',
    });
    expect(onNet.retainageMinor).toBe(500000);
    expect(onNet.amountDueMinor).toBe(10800000);
  });

  it('refuses deductions larger than the bill, or on a credit note', () => {
    const opts = { currency: 'USD' };
    expect(codeOf(() => invoiceTotals([line(1, 1000, '0')], { ...opts, depositMinor: 1001 }))).toBe(
      'DEDUCTIONS_EXCEED_TOTAL',
    );
    expect(
      codeOf(() =>
        invoiceTotals([line(1, 1000, '0')], { ...opts, depositMinor: 951, retainagePercent: '5' }),
      ),
    ).toBe('DEDUCTIONS_EXCEED_TOTAL');
    expect(
      invoiceTotals([line(1, 1000, '0')], { ...opts, depositMinor: 950, retainagePercent: '5' })
        .amountDueMinor,
    ).toBe(0);
    expect(codeOf(() => invoiceTotals([line(-1, 1000, '0')], { ...opts, depositMinor: 1 }))).toBe(
      'DEDUCTIONS_EXCEED_TOTAL',
    );
    expect(
      codeOf(() => invoiceTotals([line(-1, 1000, '0')], { ...opts, retainagePercent: '5' })),
    ).toBe('DEDUCTIONS_EXCEED_TOTAL');
  });

  it('an empty draft totals zero', () => {
    expect(invoiceTotals([], { currency: 'USD' })).toMatchObject({
      totalMinor: 0,
      taxSummary: [],
      lines: [],
    });
  });
});

describe('invoiceTotals: refused input names the line', () => {
  const c = { currency: 'USD' };
  it.each([
    [[line('abc', 100, '10')], 'INVALID_QUANTITY'],
    [[line('1e2', 100, '10')], 'INVALID_QUANTITY'],
    [[line(1, 1.5, '10')], 'INVALID_UNIT_PRICE'],
    [[line(1, 100, '-1')], 'INVALID_TAX_RATE'],
    [[line(1, 100, '101')], 'INVALID_TAX_RATE'],
    [[line(1, 100, 'x')], 'INVALID_TAX_RATE'],
    [[line(1, 100, '10', { percent: '100.5' })], 'INVALID_DISCOUNT'],
    [[line(1, 100, '10', { amountMinor: -1 })], 'INVALID_DISCOUNT'],
    [[line(1, 100, '10', { amountMinor: 101 })], 'DISCOUNT_EXCEEDS_LINE'],
    [[line(1, Number.MAX_SAFE_INTEGER, '0'), line(1, 1, '0')], 'OUT_OF_RANGE'],
    [[line(2, Number.MAX_SAFE_INTEGER, '0')], 'OUT_OF_RANGE'],
  ] as [InvoiceLineInput[], string][])('%j -> %s', (lines, code) => {
    expect(codeOf(() => invoiceTotals(lines, c))).toBe(code);
  });

  it('refuses bad options', () => {
    expect(codeOf(() => invoiceTotals([], { ...c, depositMinor: -1 }))).toBe('INVALID_DEPOSIT');
    expect(codeOf(() => invoiceTotals([], { ...c, retainagePercent: '120' }))).toBe(
      'INVALID_RETAINAGE',
    );
    expect(() => invoiceTotals([], { currency: 'XYZ' })).toThrowError(/UNKNOWN_CURRENCY/);
  });

  it('details carry the line index', () => {
    try {
      invoiceTotals([line(1, 100, '10'), line(1, 100, 'bad')], c);
    } catch (e) {
      expect((e as BillingError).details.index).toBe(1);
    }
  });
});

describe('invoiceTotals: properties', () => {
  const rate = fc.constantFrom('0', '5', '6', '9', '13', '19', '20', '7.7', '8.5', '2.5');
  const quantity = fc.oneof(
    fc.integer({ min: -50, max: 200 }),
    fc.integer({ min: -5000, max: 20000 }).map((n) => (n / 100).toString()),
    fc.constantFrom('0.333', '1.5', '0.125'),
  );
  const discount = fc.option(
    fc.oneof(
      fc.integer({ min: 0, max: 10000 }).map((n) => ({ percent: (n / 100).toString() })),
      fc.constant({ amountMinor: 0 }),
    ),
    { nil: undefined },
  );
  const lineArb = fc.record({
    quantity,
    unitPriceMinor: fc.integer({ min: -100_000_00, max: 1_000_000_00 }),
    taxRatePercent: rate,
    discount,
  });
  const options = fc.record({
    currency: fc.constantFrom('USD', 'CNY', 'JPY', 'KWD'),
    taxMode: fc.constantFrom('exclusive', 'inclusive') as fc.Arbitrary<'exclusive' | 'inclusive'>,
    taxRounding: fc.constantFrom('per-line', 'per-document') as fc.Arbitrary<
      'per-line' | 'per-document'
    >,
    rounding: fc.constantFrom('half-up', 'half-even') as fc.Arbitrary<'half-up' | 'half-even'>,
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  function checkIdentities(t: InvoiceTotals): void {
    expect(t.subtotalMinor).toBe(sum(t.taxSummary.map((r) => r.netMinor)));
    expect(t.taxTotalMinor).toBe(sum(t.taxSummary.map((r) => r.taxMinor)));
    expect(t.totalMinor).toBe(t.subtotalMinor + t.taxTotalMinor);
    expect(t.amountDueMinor).toBe(
      sum(t.taxSummary.map((r) => r.netMinor)) +
        sum(t.taxSummary.map((r) => r.taxMinor)) -
        t.depositMinor -
        t.retainageMinor,
    );
    for (const r of t.taxSummary) expect(r.grossMinor).toBe(r.netMinor + r.taxMinor);
    for (const l of t.lines) {
      expect(l.amountMinor).toBe(l.extendedMinor - l.discountMinor);
      if (l.netMinor !== null && l.taxMinor !== null)
        expect(l.grossMinor).toBe(l.netMinor + l.taxMinor);
    }
    if (t.taxRounding === 'per-line') {
      expect(sum(t.lines.map((l) => l.netMinor!))).toBe(t.subtotalMinor);
      expect(sum(t.lines.map((l) => l.taxMinor!))).toBe(t.taxTotalMinor);
    }
    // lines carry amounts on the price's basis; they add up to the basis total exactly
    const basis = t.taxMode === 'exclusive' ? t.subtotalMinor : t.totalMinor;
    expect(sum(t.lines.map((l) => l.amountMinor))).toBe(basis);
    expect(t.lines.every((l) => Number.isSafeInteger(l.amountMinor))).toBe(true);
  }

  it('total = Σ line nets + tax − deductions, exactly, in every mode', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 12 }),
        options,
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 10 }),
        (lines, opts, depositPercent, retainage) => {
          const plain = invoiceTotals(lines, opts);
          checkIdentities(plain);
          if (plain.totalMinor > 0) {
            // a deposit that fits beside the retainage
            const room = plain.totalMinor - Math.ceil((plain.totalMinor * retainage) / 100) - 1;
            const depositMinor = Math.max(0, Math.floor((room * depositPercent) / 100));
            const withDeductions = invoiceTotals(lines, {
              ...opts,
              depositMinor,
              retainagePercent: String(retainage),
            });
            checkIdentities(withDeductions);
            expect(withDeductions.totalMinor).toBe(plain.totalMinor);
            expect(withDeductions.amountDueMinor).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('tax is within rounding of the exact tax', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), options, (lines, opts) => {
        const t = invoiceTotals(lines, opts);
        for (const row of t.taxSummary) {
          const r = Number(row.taxRatePercent);
          // exact tax in the minor unit, from the basis the prices were given on
          const exact =
            opts.taxMode === 'exclusive'
              ? (row.netMinor * r) / 100
              : (row.grossMinor * r) / (100 + r);
          const count = t.lines.filter((l) => l.taxRatePercent === row.taxRatePercent).length;
          const bound = opts.taxRounding === 'per-line' ? count / 2 : 0.5;
          expect(Math.abs(row.taxMinor - exact)).toBeLessThanOrEqual(bound + 1e-6);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a credit note with negated quantities is the exact mirror of the invoice', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 12 }), options, (lines, opts) => {
        const invoice = invoiceTotals(lines, opts);
        const negated = lines.map((l) => ({
          ...l,
          quantity:
            typeof l.quantity === 'number'
              ? -l.quantity
              : l.quantity.startsWith('-')
                ? l.quantity.slice(1)
                : `-${l.quantity}`,
        }));
        const credit = invoiceTotals(negated, opts);
        const neg = (n: number | null) => (n === null || n === 0 ? n : -n);
        expect(credit.totalMinor).toBe(neg(invoice.totalMinor));
        expect(credit.taxTotalMinor).toBe(neg(invoice.taxTotalMinor));
        expect(credit.taxSummary.map((r) => r.taxMinor)).toEqual(
          invoice.taxSummary.map((r) => neg(r.taxMinor)),
        );
        expect(credit.lines.map((l) => l.netMinor)).toEqual(
          invoice.lines.map((l) => neg(l.netMinor)),
        );
      }),
      { numRuns: 300 },
    );
  });
});
