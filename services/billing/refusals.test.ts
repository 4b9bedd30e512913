import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Invoice, MilestoneSchedule } from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { billingApi, fail, testClock } from './test-helpers';

let services: TestServices;
let api: ReturnType<typeof billingApi>;
const clock = testClock();
beforeEach(async () => {
  clock.set('2026-11-21');
  services = await startTestServices({ now: clock.now });
  api = billingApi(services);
});
afterEach(() => services.dispose());

/** Runs a refused call and proves the database is byte-for-byte what it was. */
async function refused(method: string, input: unknown) {
  const before = api.snapshot();
  const error = await fail(services.invoke(method as never, input));
  expect(api.snapshot()).toBe(before);
  return error;
}

async function issuedInvoice(): Promise<Invoice> {
  const client = await api.client();
  return api.issue((await api.linesInvoice(client.id)).id);
}

describe('bad input: a clear error with a reason, nothing changed', () => {
  it('percentages summing to 99 % or mixed with amounts', async () => {
    const engagement = await api.engagement((await api.client()).id);
    const error = await refused('milestones.setSchedule', {
      engagementId: engagement.id,
      milestones: [
        { name: 'A', share: { percent: '15' } },
        { name: 'B', share: { percent: '84' } },
      ],
    });
    expect(error).toMatchObject({ code: 'VALIDATION', reason: 'MILESTONES_NOT_100_PERCENT' });
    expect(error.details).toMatchObject({ totalPercent: '99' });
    const mixed = await refused('milestones.setSchedule', {
      engagementId: engagement.id,
      milestones: [
        { name: 'A', share: { percent: '50' } },
        { name: 'B', share: { amountMinor: 5_000_000 } },
      ],
    });
    expect(mixed.reason).toBe('MILESTONES_MIXED_SHARES');
    const amounts = await refused('milestones.setSchedule', {
      engagementId: engagement.id,
      milestones: [{ name: 'A', share: { amountMinor: 9_999_999 } }],
    });
    expect(amounts.reason).toBe('MILESTONES_NOT_CONTRACT_VALUE');
  });

  it('paying a void or draft invoice, overpaying, zero payments', async () => {
    const client = await api.client();
    const draft = await api.linesInvoice(client.id);
    expect(
      await refused('payments.record', { invoiceId: draft.id, date: '2026-11-21', amountMinor: 1 }),
    ).toMatchObject({ code: 'CONFLICT', reason: 'INVOICE_NOT_ISSUED' });

    const issued = await api.issue(draft.id);
    const over = await refused('payments.record', {
      invoiceId: issued.id,
      date: '2026-11-21',
      amountMinor: issued.balanceMinor + 1,
    });
    expect(over).toMatchObject({ code: 'VALIDATION', reason: 'PAYMENT_EXCEEDS_BALANCE' });
    expect(over.details).toMatchObject({ balanceMinor: issued.balanceMinor });
    const zero = await refused('payments.record', {
      invoiceId: issued.id,
      date: '2026-11-21',
      amountMinor: 0,
    });
    expect(zero.issues[0]!.code).toBe('PAYMENT_NOT_POSITIVE');

    await api.call('invoices.void', { id: issued.id, reason: 'Wrong client' });
    const voided = await api.get(issued.id);
    expect(voided).toMatchObject({ status: 'void', number: 'INV-2026-0001' });
    expect(
      await refused('payments.record', {
        invoiceId: issued.id,
        date: '2026-11-21',
        amountMinor: 1,
      }),
    ).toMatchObject({ code: 'CONFLICT', reason: 'INVOICE_VOID' });
    // The voided number stays used: the next invoice gets 0002.
    const next = await api.issue((await api.linesInvoice(client.id)).id);
    expect(next.number).toBe('INV-2026-0002');
  });

  it('editing, deleting or re-issuing an issued invoice', async () => {
    const issued = await issuedInvoice();
    expect(
      await refused('invoices.updateDraft', { id: issued.id, changes: { notes: 'x' } }),
    ).toMatchObject({ code: 'CONFLICT', reason: 'INVOICE_NOT_DRAFT' });
    expect(await refused('invoices.deleteDraft', { id: issued.id })).toMatchObject({
      reason: 'INVOICE_NOT_DRAFT',
    });
    expect(await refused('invoices.issue', { id: issued.id })).toMatchObject({
      reason: 'INVOICE_NOT_DRAFT',
    });
  });

  it('negative quantities, bad tax rates, discounts larger than the line', async () => {
    const client = await api.client();
    const line = { description: 'x', quantity: '1', unitPriceMinor: 100, taxRatePercent: '19' };
    const negative = await refused('invoices.createFromLines', {
      clientId: client.id,
      lines: [{ ...line, quantity: '-1' }],
    });
    expect(negative).toMatchObject({ code: 'VALIDATION' });
    expect(negative.issues[0]!.code).toBe('NEGATIVE_QUANTITY');
    const rate = await refused('invoices.createFromLines', {
      clientId: client.id,
      lines: [{ ...line, taxRatePercent: '101' }],
    });
    expect(rate.issues[0]!.code).toBe('INVALID_PERCENT');
    const discount = await refused('invoices.createFromLines', {
      clientId: client.id,
      lines: [{ ...line, discount: { amountMinor: 101 } }],
    });
    expect(discount).toMatchObject({ code: 'VALIDATION', reason: 'DISCOUNT_EXCEEDS_LINE' });
    const deposit = await refused('invoices.createFromLines', {
      clientId: client.id,
      lines: [line],
      depositMinor: 1_000,
    });
    expect(deposit.reason).toBe('DEDUCTIONS_EXCEED_TOTAL');
  });

  it('credit notes never exceed what remains creditable', async () => {
    const issued = await issuedInvoice();
    const tooMuch = await refused('creditNotes.create', {
      invoiceId: issued.id,
      reason: 'x',
      credit: { amountMinor: issued.totalMinor + 1 },
    });
    expect(tooMuch).toMatchObject({ code: 'VALIDATION', reason: 'CREDIT_EXCEEDS_CREDITABLE' });
    await api.call('creditNotes.create', {
      invoiceId: issued.id,
      reason: 'half',
      credit: { amountMinor: issued.totalMinor - 10 },
    });
    const rest = await refused('creditNotes.create', {
      invoiceId: issued.id,
      reason: 'x',
      credit: {
        lines: [{ description: 'x', quantity: '1', unitPriceMinor: 10, taxRatePercent: '19' }],
      },
    });
    expect(rest.reason).toBe('CREDIT_EXCEEDS_CREDITABLE');
    const draft = await api.linesInvoice(issued.clientId);
    expect(
      await refused('creditNotes.create', {
        invoiceId: draft.id,
        reason: 'x',
        credit: { amountMinor: 1 },
      }),
    ).toMatchObject({ reason: 'INVOICE_NOT_ISSUED' });
  });

  it('voiding with payments, invoiced milestones, deleting an engagement with invoices', async () => {
    const client = await api.client();
    const engagement = await api.engagement(client.id);
    const schedule = await api.schedule(engagement.id);
    const first = schedule.milestones[0]!;
    await api.call('milestones.accept', { id: first.id, date: '2026-11-20', by: 'Ann' });
    const invoice = await api.issue(
      (await api.call<Invoice>('invoices.createFromMilestone', { milestoneId: first.id })).id,
    );
    await api.call('payments.record', {
      invoiceId: invoice.id,
      date: '2026-11-22',
      amountMinor: 1,
    });
    expect(await refused('invoices.void', { id: invoice.id, reason: 'x' })).toMatchObject({
      reason: 'INVOICE_HAS_PAYMENTS',
    });
    // Changing the invoiced milestone's amount, or dropping it, is refused.
    const changed = await refused('milestones.setSchedule', {
      engagementId: engagement.id,
      milestones: schedule.milestones.map((m, i) => ({
        id: m.id,
        name: m.name,
        share: { percent: ['20', '25', '45', '10'][i]! },
      })),
    });
    expect(changed).toMatchObject({ code: 'CONFLICT', reason: 'MILESTONE_INVOICED' });
    expect(
      await refused('milestones.setSchedule', { engagementId: engagement.id, milestones: [] }),
    ).toMatchObject({ reason: 'MILESTONE_INVOICED' });
    // Keeping it and re-planning the others is fine.
    const replanned = await api.call<MilestoneSchedule>('milestones.setSchedule', {
      engagementId: engagement.id,
      milestones: [
        { id: first.id, name: 'Review (renamed)', share: { amountMinor: 1_500_000 } },
        { name: 'Everything else', share: { amountMinor: 8_500_000 } },
      ],
    });
    expect(replanned.milestones[0]).toMatchObject({ id: first.id, status: 'invoiced' });
    expect(await refused('milestones.reopen', { id: first.id })).toMatchObject({
      reason: 'MILESTONE_INVOICED',
    });
    expect(await refused('engagements.delete', { id: engagement.id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'ENGAGEMENT_HAS_DEPENDENTS',
    });
    expect(
      await refused('engagements.update', {
        id: engagement.id,
        changes: { contractValueMinor: 20_000_000 },
      }),
    ).toMatchObject({ reason: 'MILESTONES_NOT_CONTRACT_VALUE' });
    expect(
      await refused('engagements.update', { id: engagement.id, changes: { currency: 'USD' } }),
    ).toMatchObject({ reason: 'ENGAGEMENT_HAS_INVOICES' });
  });

  it('an engagement without invoices is deleted with its milestones; percent plans follow the value', async () => {
    const engagement = await api.engagement((await api.client()).id);
    await api.schedule(engagement.id);
    await api.call('engagements.update', {
      id: engagement.id,
      changes: { contractValueMinor: 101 },
    });
    const schedule = await api.call<MilestoneSchedule>('milestones.get', {
      engagementId: engagement.id,
    });
    expect(schedule.milestones.map((m) => m.amountMinor)).toEqual([15, 30, 46, 10]);
    await api.call('engagements.delete', { id: engagement.id });
    expect(api.count('milestones')).toBe(0);
  });

  it('profile: bad numbering patterns and oversized logos are refused', async () => {
    const pattern = await refused('profile.update', {
      changes: { invoiceNumberPattern: 'INV-{YYYY}' },
    });
    expect(pattern.issues[0]!.code).toBe('MISSING_SEQ');
    const logo = await refused('profile.update', {
      changes: { logo: { mimeType: 'image/png', base64: 'A'.repeat(800_000) } },
    });
    expect(logo.issues[0]!.code).toBe('LOGO_TOO_LARGE');
    const saved = await api.call<{ logo: unknown; invoiceNumberPattern: string }>(
      'profile.update',
      {
        changes: {
          invoiceNumberPattern: 'R{YY}-{SEQ:3}',
          logo: { mimeType: 'image/png', base64: 'iVBORw0KGgo=' },
        },
      },
    );
    expect(saved.logo).toEqual({ mimeType: 'image/png', base64: 'iVBORw0KGgo=' });
    const issued = await issuedInvoice();
    expect(issued.number).toBe('R26-001');
    expect(issued.seller.logo).toEqual({ mimeType: 'image/png', base64: 'iVBORw0KGgo=' });
  });
});
