import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, CreditNote, Invoice, MilestoneSchedule } from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { billingApi, testClock } from './test-helpers';

let services: TestServices;
let api: ReturnType<typeof billingApi>;
let client: Client;
beforeAll(async () => {
  services = await startTestServices({ now: testClock().now });
  api = billingApi(services);
  client = await api.client();
});
afterAll(() => services.dispose());

/** Percents with up to two decimals that add up to exactly 100. */
const percents = fc
  .array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 })
  .map((weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const hundredths = weights.map((w) => Math.max(1, Math.floor((w * 10_000) / total)));
    hundredths[0]! += 10_000 - hundredths.reduce((a, b) => a + b, 0);
    return hundredths;
  })
  .filter((h) => h.every((x) => x > 0))
  .map((h) => h.map((x) => (x / 100).toFixed(2)));

const line = fc.record({
  description: fc.constant('Work'),
  quantity: fc
    .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 99 }))
    .map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`),
  unitPriceMinor: fc.integer({ min: 0, max: 5_000_000 }),
  taxRatePercent: fc.constantFrom('0', '5.5', '7', '13', '19', '20'),
  discount: fc.option(
    fc.oneof(
      fc.record({ percent: fc.constantFrom('5', '10', '12.5') }),
      fc.record({ amountMinor: fc.integer({ min: 0, max: 100 }) }),
    ),
    { nil: null },
  ),
});

describe('properties through the real services', () => {
  it('milestone amounts always sum to the contract value', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        percents,
        async (value, shares) => {
          const engagement = await api.engagement(client.id, { contractValueMinor: value });
          const schedule = await api.call<MilestoneSchedule>('milestones.setSchedule', {
            engagementId: engagement.id,
            milestones: shares.map((p, i) => ({ name: `M${i}`, share: { percent: p } })),
          });
          const amounts = schedule.milestones.map((m) => m.amountMinor);
          expect(amounts.reduce((a, b) => a + b, 0)).toBe(value);
          shares.forEach((p, i) => {
            expect(Math.abs(amounts[i]! - (value * Number(p)) / 100)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
      { numRuns: 60, seed: 61 },
    );
  });

  it('invoice totals = lines + tax − deposit, to the cent, as stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('exclusive', 'inclusive'),
        fc.integer({ min: 0, max: 50_000 }),
        async (lines, taxMode, depositMinor) => {
          const result = await services.invoke('invoices.createFromLines', {
            clientId: client.id,
            lines,
            taxMode,
            depositMinor,
          });
          // Refused only for a reason: a discount above its line or a deposit above the total.
          if (!result.ok) {
            expect(['DISCOUNT_EXCEEDS_LINE', 'DEDUCTIONS_EXCEED_TOTAL']).toContain(
              result.error.reason,
            );
            return;
          }
          const invoice = result.data as Invoice;
          const net = invoice.lines.reduce((n, l) => n + l.netMinor, 0);
          const tax = invoice.lines.reduce((n, l) => n + l.taxMinor, 0);
          expect(invoice.subtotalMinor).toBe(net);
          expect(invoice.taxMinor).toBe(tax);
          expect(invoice.totalMinor).toBe(net + tax);
          expect(invoice.depositMinor).toBe(depositMinor);
          expect(invoice.amountDueMinor).toBe(net + tax - depositMinor);
          const sumAmounts = invoice.lines.reduce((n, l) => n + l.amountMinor, 0);
          expect(sumAmounts).toBe(taxMode === 'exclusive' ? net : net + tax);
          for (const l of invoice.lines) expect(l.grossMinor).toBe(l.netMinor + l.taxMinor);
        },
      ),
      { numRuns: 80, seed: 62 },
    );
  });

  it('credit notes never exceed what they credit, whatever is asked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 1, maxLength: 6 }),
        async (lines, credits) => {
          const draft = await services.invoke('invoices.createFromLines', {
            clientId: client.id,
            lines,
          });
          if (!draft.ok) return;
          const invoice = draft.data as Invoice;
          if (invoice.totalMinor === 0) return;
          await api.issue(invoice.id);
          let credited = 0;
          for (const amount of credits) {
            const result = await services.invoke('creditNotes.create', {
              invoiceId: invoice.id,
              reason: 'correction',
              credit: { amountMinor: amount },
            });
            if (result.ok) {
              expect((result.data as CreditNote).totalMinor).toBe(amount);
              credited += amount;
            } else {
              expect(result.error.reason).toBe('CREDIT_EXCEEDS_CREDITABLE');
              expect(credited + amount).toBeGreaterThan(invoice.totalMinor);
            }
          }
          const after = await api.get(invoice.id);
          expect(after.creditedMinor).toBe(credited);
          expect(after.creditedMinor).toBeLessThanOrEqual(after.totalMinor);
          expect(after.creditableMinor).toBe(after.totalMinor - credited);
        },
      ),
      { numRuns: 40, seed: 63 },
    );
  });
});
