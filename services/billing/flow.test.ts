import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreditNote, Engagement, Invoice, Milestone, MilestoneTemplate } from '../../core/api';
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

describe('engagement → milestone → invoice → payments → credit note', () => {
  it('runs the whole 15/30/45/10 flow with exact amounts and numbers', async () => {
    const templates = await api.call<MilestoneTemplate[]>('milestones.templates', {});
    const template = templates.find((t) => t.id === 'review-poc-delivery-upgrade')!;
    expect(template.milestones.map((m) => m.percent)).toEqual(['15', '30', '45', '10']);
    expect(template.milestones[0]!.name['zh-CN']).toBe('架构评审');

    const client = await api.client();
    const engagement = await api.engagement(client.id, { contractValueMinor: 3_333_333 });
    const schedule = await api.schedule(
      engagement.id,
      template.milestones.map((m) => ({ name: m.name.en, share: { percent: m.percent } })),
    );
    const amounts = schedule.milestones.map((m) => m.amountMinor);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(3_333_333);
    expect(amounts).toEqual([500_000, 1_000_000, 1_500_000, 333_333]);
    expect(schedule.basis).toBe('percent');

    const first = schedule.milestones[0]!;
    await api.call<Milestone>('milestones.markReady', { id: first.id });
    const accepted = await api.call<Milestone>('milestones.accept', {
      id: first.id,
      date: '2026-11-20',
      by: 'Maren de Vries',
      note: 'Report reviewed',
    });
    expect(accepted.status).toBe('accepted');
    expect(accepted.acceptance).toMatchObject({ date: '2026-11-20', by: 'Maren de Vries' });

    const draft = await api.call<Invoice>('invoices.createFromMilestone', {
      milestoneId: first.id,
    });
    expect(draft).toMatchObject({
      status: 'draft',
      number: null,
      currency: 'EUR',
      subtotalMinor: 500_000,
      taxMinor: 95_000,
      totalMinor: 595_000,
      balanceMinor: 595_000,
      supplyDate: '2026-11-20',
      paymentTermsDays: 30,
    });

    const issued = await api.issue(draft.id);
    expect(issued).toMatchObject({
      status: 'issued',
      number: 'INV-2026-0001',
      issueDate: '2026-11-21',
      dueDate: '2026-12-21',
      previouslyInvoicedMinor: 0,
    });
    expect(issued.buyer).toMatchObject({ name: 'Acme', legalName: 'Acme GmbH', taxId: 'DE123' });
    const milestones = await api.call<{ milestones: Milestone[] }>('milestones.get', {
      engagementId: engagement.id,
    });
    expect(milestones.milestones[0]).toMatchObject({
      status: 'invoiced',
      invoiceNumber: 'INV-2026-0001',
    });

    // Later edits to the client and profile do not change the issued invoice.
    await api.call('clients.update', { id: client.id, changes: { legalName: 'Acme AG' } });
    await api.call('profile.update', { changes: { businessName: 'New name' } });
    expect((await api.get(issued.id)).buyer.legalName).toBe('Acme GmbH');

    await api.call('payments.record', {
      invoiceId: issued.id,
      date: '2026-11-25',
      amountMinor: 200_000,
    });
    let invoice = await api.get(issued.id);
    expect(invoice).toMatchObject({
      status: 'partly_paid',
      paidMinor: 200_000,
      balanceMinor: 395_000,
    });

    const credit = await api.call<CreditNote>('creditNotes.create', {
      invoiceId: issued.id,
      reason: 'Discount agreed for a late deliverable',
      credit: { amountMinor: 59_500 },
    });
    expect(credit).toMatchObject({
      number: 'CN-2026-0001',
      totalMinor: 59_500,
      subtotalMinor: 50_000,
      taxMinor: 9_500,
      source: 'manual',
    });
    invoice = await api.get(issued.id);
    expect(invoice).toMatchObject({ creditedMinor: 59_500, balanceMinor: 335_500 });
    expect(invoice.creditableMinor).toBe(595_000 - 59_500);

    await api.call('payments.record', {
      invoiceId: issued.id,
      date: '2026-12-01',
      amountMinor: 335_500,
      method: 'bank_transfer',
      reference: 'SEPA 1',
    });
    invoice = await api.get(issued.id);
    expect(invoice).toMatchObject({ status: 'paid', balanceMinor: 0, displayStatus: 'paid' });
    const after = await api.call<{ milestones: Milestone[] }>('milestones.get', {
      engagementId: engagement.id,
    });
    expect(after.milestones[0]!.status).toBe('paid');

    const listed = await api.call<{ items: Engagement[] }>('engagements.list', {});
    expect(listed.items[0]).toMatchObject({
      invoicedMinor: 595_000 - 59_500,
      paidMinor: 535_500,
      outstandingMinor: 0,
      remainingMinor: 3_333_333 - 500_000,
    });

    // The second milestone, not accepted: needs a reason, which is recorded.
    const second = schedule.milestones[1]!;
    const refused = await fail(
      services.invoke('invoices.createFromMilestone', { milestoneId: second.id }),
    );
    expect(refused).toMatchObject({ code: 'VALIDATION', reason: 'MILESTONE_NOT_ACCEPTED' });
    const early = await api.call<Invoice>('invoices.createFromMilestone', {
      milestoneId: second.id,
      reason: 'Client asked to invoice before year end',
    });
    expect(early.unacceptedReason).toBe('Client asked to invoice before year end');
    const early2 = await api.issue(early.id);
    expect(early2.number).toBe('INV-2026-0002');
    expect(early2.previouslyInvoicedMinor).toBe(595_000 - 59_500);
  });
});
