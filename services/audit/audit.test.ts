import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, Engagement, Invoice, Milestone, Payment } from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { billingApi, fail, SCHEDULE_15_30_45_10, testClock } from '../billing/test-helpers';

let services: TestServices;
let api: ReturnType<typeof billingApi>;
const clock = testClock();
beforeEach(async () => {
  clock.set('2026-11-21T09:00:00.000Z');
  services = await startTestServices({ now: clock.now });
  api = billingApi(services);
  await api.call('profile.update', { changes: { name: 'Lena Hoffmann', businessName: 'LH IT' } });
});
afterEach(() => services.dispose());

const history = (entity: string, entityId: string, page: Record<string, number> = {}) =>
  api.call<{ items: AuditEntry[]; total: number; offset: number }>('audit.list', {
    entity,
    entityId,
    ...page,
  });
const auditRows = () => api.count('audit_log');

describe('the audit trail of an invoice', () => {
  it('records issue, payment, payment delete and void, newest first, with exact money', async () => {
    const client = await api.client();
    const draft = await api.linesInvoice(client.id); // 2.5 days × 1,000.00 + 19 % = 2,975.00
    expect(await auditRows()).toBe(0); // a draft is not on the record yet
    clock.set('2026-11-21T09:01:00.000Z');
    const issued = await api.issue(draft.id);
    clock.set('2026-11-21T09:02:00.000Z');
    const { payment } = await api.call<{ payment: Payment }>('payments.record', {
      invoiceId: draft.id,
      date: '2026-11-21',
      amountMinor: 100_000,
      method: 'bank_transfer',
      reference: 'TX-1',
    });
    clock.set('2026-11-21T09:03:00.000Z');
    await api.call('payments.delete', { id: payment.id });
    clock.set('2026-11-21T09:04:00.000Z');
    await api.call('invoices.void', { id: draft.id, reason: 'Wrong client' });

    const page = await history('invoice', draft.id);
    expect(page.total).toBe(4);
    expect(page.items.map((e) => [e.action, e.at])).toEqual([
      ['invoice.voided', '2026-11-21T09:04:00.000Z'],
      ['payment.deleted', '2026-11-21T09:03:00.000Z'],
      ['payment.recorded', '2026-11-21T09:02:00.000Z'],
      ['invoice.issued', '2026-11-21T09:01:00.000Z'],
    ]);
    for (const entry of page.items) {
      expect(entry).toMatchObject({
        actor: 'user',
        actorName: 'Lena Hoffmann',
        entity: 'invoice',
        entityId: draft.id,
        label: issued.number,
        currency: 'EUR',
      });
    }
    const [voided, deleted, recorded, issuedEntry] = page.items;
    expect(issuedEntry!.changes).toEqual([
      { field: 'status', from: 'draft', to: 'issued' },
      { field: 'number', from: null, to: 'INV-2026-0001' },
      { field: 'issueDate', from: null, to: '2026-11-21' },
      { field: 'dueDate', from: null, to: '2026-12-21' },
      { field: 'amountDueMinor', from: null, to: 297_500 },
    ]);
    expect(recorded!.changes).toEqual([
      { field: 'amountMinor', from: null, to: 100_000 },
      { field: 'date', from: null, to: '2026-11-21' },
      { field: 'method', from: null, to: 'bank_transfer' },
      { field: 'reference', from: null, to: 'TX-1' },
      { field: 'paidMinor', from: 0, to: 100_000 },
      { field: 'balanceMinor', from: 297_500, to: 197_500 },
      { field: 'status', from: 'issued', to: 'partly_paid' },
    ]);
    expect(deleted!.changes).toEqual([
      { field: 'amountMinor', from: 100_000, to: null },
      { field: 'date', from: '2026-11-21', to: null },
      { field: 'method', from: 'bank_transfer', to: null },
      { field: 'reference', from: 'TX-1', to: null },
      { field: 'paidMinor', from: 100_000, to: 0 },
      { field: 'balanceMinor', from: 197_500, to: 297_500 },
      { field: 'status', from: 'partly_paid', to: 'issued' },
    ]);
    expect(voided!.changes).toEqual([
      { field: 'status', from: 'issued', to: 'void' },
      { field: 'voidReason', from: null, to: 'Wrong client' },
    ]);

    // Paged: the second page holds the two oldest.
    const second = await history('invoice', draft.id, { offset: 2, limit: 2 });
    expect(second.items.map((e) => e.action)).toEqual(['payment.recorded', 'invoice.issued']);
    expect(second.total).toBe(4);
    // Another record's history is its own.
    const other = await api.issue((await api.linesInvoice(client.id)).id);
    expect((await history('invoice', other.id)).items.map((e) => e.action)).toEqual([
      'invoice.issued',
    ]);
  });

  it('shows a credit note on its own history and on its invoice’s', async () => {
    const client = await api.client();
    const invoice = await api.issue((await api.linesInvoice(client.id)).id);
    const note = await api.call<{ id: string; number: string }>('creditNotes.create', {
      invoiceId: invoice.id,
      reason: 'Discount agreed',
      credit: { amountMinor: 50_000 },
    });
    const own = await history('credit_note', note.id);
    expect(own.items).toHaveLength(1);
    expect(own.items[0]).toMatchObject({
      action: 'credit_note.issued',
      label: note.number,
      currency: 'EUR',
      changes: [
        { field: 'invoiceNumber', from: null, to: invoice.number },
        { field: 'totalMinor', from: null, to: 50_000 },
        { field: 'reason', from: null, to: 'Discount agreed' },
        { field: 'creditedMinor', from: 0, to: 50_000 },
        { field: 'balanceMinor', from: 297_500, to: 247_500 },
      ],
    });
    const onInvoice = await history('invoice', invoice.id);
    expect(onInvoice.items.map((e) => e.action)).toEqual(['credit_note.issued', 'invoice.issued']);
  });

  it('records a credit note on a paid invoice: a refund falls due', async () => {
    const client = await api.client();
    const invoice = await api.issue((await api.linesInvoice(client.id)).id);
    await api.call('payments.record', {
      invoiceId: invoice.id,
      date: '2026-11-21',
      amountMinor: 297_500,
      method: 'bank_transfer',
    });
    const note = await api.call<{ id: string }>('creditNotes.create', {
      invoiceId: invoice.id,
      reason: 'Goodwill',
      credit: { amountMinor: 50_000 },
    });
    const [entry] = (await history('credit_note', note.id)).items;
    expect(entry!.changes.slice(-2)).toEqual([
      { field: 'creditedMinor', from: 0, to: 50_000 },
      { field: 'balanceMinor', from: 0, to: -50_000 },
    ]);
  });
});

describe('the audit trail of an engagement', () => {
  it('records stage, contract value, terms and milestone acceptances, with the app’s own moves', async () => {
    const client = await api.client();
    const engagement = await api.engagement(client.id);
    const schedule = await api.schedule(engagement.id, SCHEDULE_15_30_45_10);
    const first = schedule.milestones[0]!;
    await api.call<Engagement>('engagements.setStage', { id: engagement.id, stage: 'active' });
    await api.call<Engagement>('engagements.setStage', { id: engagement.id, stage: 'active' }); // no change
    await api.call<Engagement>('engagements.update', {
      id: engagement.id,
      changes: { contractValueMinor: 12_000_000, notes: 'internal' },
    });
    await api.call('documents.terms.update', {
      engagementId: engagement.id,
      liabilityCapPercent: '150',
      clauses: [{ key: 'liability', language: 'en', text: 'Capped at 150 %.' }],
    });
    await api.call<Milestone>('milestones.accept', {
      id: first.id,
      date: '2026-11-20',
      by: 'Maren de Vries',
      note: 'Report reviewed',
    });
    await api.call<Milestone>('milestones.reopen', { id: first.id });
    await api.call<Milestone>('milestones.accept', {
      id: first.id,
      date: '2026-11-21',
      by: 'Maren de Vries',
      note: '',
    });
    const draft = await api.call<Invoice>('invoices.createFromMilestone', {
      milestoneId: first.id,
    });
    await api.issue(draft.id);

    const page = await history('engagement', engagement.id);
    expect(page.items.map((e) => [e.action, e.actor, e.label])).toEqual([
      ['milestone.status_changed', 'system', 'Architecture review'],
      ['milestone.accepted', 'user', 'Architecture review'],
      ['milestone.reopened', 'user', 'Architecture review'],
      ['milestone.accepted', 'user', 'Architecture review'],
      ['contract.terms_updated', 'user', 'Platform modernisation'],
      ['engagement.updated', 'user', 'Platform modernisation'],
      ['engagement.stage_changed', 'user', 'Platform modernisation'],
    ]);
    const byAction = (action: string) => page.items.filter((e) => e.action === action);
    expect(byAction('milestone.status_changed')[0]).toMatchObject({
      actorName: '',
      entity: 'milestone',
      entityId: first.id,
      changes: [{ field: 'status', from: 'accepted', to: 'invoiced' }],
    });
    expect(byAction('engagement.stage_changed')[0]!.changes).toEqual([
      { field: 'stage', from: 'won', to: 'active' },
    ]);
    // Notes are no part of the contract; the value is, in minor units and its currency.
    expect(byAction('engagement.updated')[0]).toMatchObject({
      currency: 'EUR',
      changes: [{ field: 'contractValueMinor', from: 10_000_000, to: 12_000_000 }],
    });
    expect(byAction('contract.terms_updated')[0]!.changes).toEqual([
      { field: 'liabilityCapPercent', from: '100', to: '150' },
      { field: 'clause.liability.en', from: null, to: 'Capped at 150 %.' },
    ]);
    expect(byAction('milestone.reopened')[0]!.changes).toEqual([
      { field: 'status', from: 'accepted', to: 'planned' },
      { field: 'acceptedDate', from: '2026-11-20', to: null },
      { field: 'acceptedBy', from: 'Maren de Vries', to: null },
      { field: 'acceptanceNote', from: 'Report reviewed', to: null },
    ]);
    // A milestone's own history is the milestone's entries only.
    expect((await history('milestone', first.id)).total).toBe(4);
  });

  it('keeps the history of a deleted engagement, and never blocks the delete', async () => {
    const client = await api.client();
    const engagement = await api.engagement(client.id);
    await api.call('engagements.setStage', { id: engagement.id, stage: 'cancelled' });
    await api.call('engagements.delete', { id: engagement.id });
    const page = await history('engagement', engagement.id);
    expect(page.items.map((e) => e.action)).toEqual(['engagement.stage_changed']);
  });
});

describe('one transaction, append-only', () => {
  it('rolls the change back when its audit entry cannot be written, and the entry with it', async () => {
    const client = await api.client();
    const draft = await api.linesInvoice(client.id);
    const sqlite = services.database.sqlite;
    sqlite.exec(
      `CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'test'); END`,
    );
    const refused = await fail(services.invoke('invoices.issue', { id: draft.id }));
    expect(refused.code).toBe('INTERNAL');
    expect((await api.get(draft.id)).status).toBe('draft');
    expect(await api.count('number_series')).toBe(0); // the number was given back too
    sqlite.exec('DROP TRIGGER test_refuse_audit');

    // The other way round: the entry is written, then the change fails after it.
    const engagement = await api.engagement(client.id);
    const milestone = (await api.schedule(engagement.id)).milestones[0]!;
    sqlite.exec(
      `CREATE TRIGGER test_refuse_milestone BEFORE UPDATE ON milestones BEGIN SELECT RAISE(ABORT, 'test'); END`,
    );
    const before = await auditRows();
    await fail(
      services.invoke('milestones.accept', { id: milestone.id, date: '2026-11-20', by: 'M' }),
    );
    const milestoneDraft = await api.call<Invoice>('invoices.createFromMilestone', {
      milestoneId: milestone.id,
      reason: 'Agreed by phone',
    });
    await fail(services.invoke('invoices.issue', { id: milestoneDraft.id }));
    expect(await auditRows()).toBe(before);
    expect((await api.get(milestoneDraft.id)).status).toBe('draft');
  });

  it('refuses to change or delete an entry, in SQL', async () => {
    const client = await api.client();
    await api.issue((await api.linesInvoice(client.id)).id);
    const sqlite = services.database.sqlite;
    expect(() => sqlite.prepare(`UPDATE audit_log SET actor_name = 'someone else'`).run()).toThrow(
      /append-only/,
    );
    expect(() => sqlite.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
    expect(await auditRows()).toBe(1);
    const row = sqlite.prepare(`SELECT actor_name AS name FROM audit_log`).get() as {
      name: string;
    };
    expect(row.name).toBe('Lena Hoffmann');
  });

  it('answers an unknown record with an empty history and refuses an unknown entity', async () => {
    expect(await history('invoice', '0196f3a0-0000-7000-8000-0000000000ff')).toEqual({
      items: [],
      total: 0,
      offset: 0,
    });
    const bad = await fail(services.invoke('audit.list', { entity: 'client', entityId: 'x' }));
    expect(bad.code).toBe('VALIDATION');
  });
});
