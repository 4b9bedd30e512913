import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, Invoice, Payment } from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { slaApi } from '../sla/test-helpers';
import { debtApi } from '../debt/test-helpers';
import { fail, testClock } from '../billing/test-helpers';

let services: TestServices;
let api: ReturnType<typeof slaApi>;
let debt: ReturnType<typeof debtApi>;
const clock = testClock();
beforeEach(async () => {
  clock.set('2026-11-21T09:00:00.000Z');
  services = await startTestServices({ now: clock.now });
  api = slaApi(services);
  debt = debtApi(services);
});
afterEach(() => services.dispose());

/**
 * Every row of every table but the audit trail (which only ever grows), in a stable order:
 * rows put back get new rowids, so the order is by content.
 */
function rows(omit: string[] = []): string {
  const sqlite = services.database.sqlite;
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name <> 'audit_log' ORDER BY name`,
    )
    .all() as Array<{ name: string }>;
  return JSON.stringify(
    tables.map(({ name }) => [
      name,
      (sqlite.prepare(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>)
        .map((r) =>
          JSON.stringify(r, (key, value: unknown) => (omit.includes(key) ? undefined : value)),
        )
        .sort(),
    ]),
  );
}

const undo = (kind: string, id: string) => api.call('undo.restore', { kind, id });

/** A client with a debt item, an engagement (schedule, terms, debt link) and an SLA clause. */
async function workspace() {
  const client = await api.client();
  await api.call('debt.settings.update', {
    clientId: client.id,
    changes: { annualDiscountRate: 0.1 },
  });
  const item = await debt.item(client.id);
  const engagement = await api.engagement(client.id, { debtItemIds: [item.id] });
  const schedule = await api.schedule(engagement.id);
  await api.call('milestones.accept', {
    id: schedule.milestones[0]!.id,
    date: '2026-11-20',
    by: 'Maren',
  });
  await api.call('documents.terms.update', {
    engagementId: engagement.id,
    governingLaw: 'German law',
    clauses: [{ key: 'liability', language: 'zh-CN', text: '责任上限为合同金额。' }],
  });
  return { client, item, engagement, schedule };
}

describe('delete, then undo: exactly the rows that went come back', () => {
  it('an engagement with its milestones, terms, clauses and debt links', async () => {
    const { engagement } = await workspace();
    const before = rows();
    await api.call('engagements.delete', { id: engagement.id });
    expect(await api.count('milestones')).toBe(0);
    expect(await api.count('engagement_debt_items')).toBe(0);
    expect(await undo('engagement', engagement.id)).toEqual({
      kind: 'engagement',
      id: engagement.id,
    });
    expect(rows()).toBe(before);
  });

  it('a debt item with its engagement links', async () => {
    const { item } = await workspace();
    const before = rows();
    await api.call('debt.delete', { id: item.id });
    expect(await api.count('engagement_debt_items')).toBe(0);
    await undo('debt_item', item.id);
    expect(rows()).toBe(before);
  });

  it('a client with its model settings (archived state included)', async () => {
    const client = await api.client({ displayName: 'Solo' });
    await api.call('debt.settings.update', {
      clientId: client.id,
      changes: { horizonQuarters: 8 },
    });
    await api.call('clients.archive', { id: client.id });
    const before = rows();
    await api.call('clients.delete', { id: client.id });
    await undo('client', client.id);
    expect(rows()).toBe(before);
  });

  it('an invoice draft with its lines and milestone', async () => {
    const { schedule } = await workspace();
    const draft = await api.call<Invoice>('invoices.createFromMilestone', {
      milestoneId: schedule.milestones[0]!.id,
    });
    const before = rows();
    await api.call('invoices.deleteDraft', { id: draft.id });
    expect(await api.count('invoice_lines')).toBe(0);
    await undo('invoice_draft', draft.id);
    expect(rows()).toBe(before);
  });

  it('an SLA clause with its incidents and measurements, and one incident', async () => {
    const { engagement } = await workspace();
    const clause = await api.clause(engagement.id);
    const incident = await api.incident(
      clause.id,
      '2026-11-03T10:00:00.000Z',
      '2026-11-03T11:30:00.000Z',
    );
    await api.call('sla.measurements.upsert', {
      clauseId: clause.id,
      date: '2026-11-04',
      value: 99.2,
    });
    const before = rows();
    await api.call('sla.incidents.delete', { id: incident.id });
    await undo('sla_incident', incident.id);
    expect(rows()).toBe(before);
    await api.call('sla.clauses.delete', { id: clause.id });
    expect(await api.count('sla_incidents')).toBe(0);
    expect(await api.count('sla_measurements')).toBe(0);
    await undo('sla_clause', clause.id);
    expect(rows()).toBe(before);
  });

  it('a payment, with the invoice settled again and both moves in its history', async () => {
    const client = await api.client();
    const invoice = await api.issue((await api.linesInvoice(client.id)).id);
    const { payment } = await api.call<{ payment: Payment }>('payments.record', {
      invoiceId: invoice.id,
      date: '2026-11-21',
      amountMinor: 297_500,
      method: 'bank_transfer',
    });
    const before = rows();
    await api.call('payments.delete', { id: payment.id });
    expect((await api.get(invoice.id)).status).toBe('issued');
    await undo('payment', payment.id);
    expect(rows()).toBe(before);
    expect((await api.get(invoice.id)).status).toBe('paid');
    const history = await api.call<{ items: AuditEntry[] }>('audit.list', {
      entity: 'invoice',
      entityId: invoice.id,
    });
    expect(history.items.map((e) => e.action).slice(0, 3)).toEqual([
      'payment.restored',
      'payment.deleted',
      'payment.recorded',
    ]);
  });
});

describe('undo refuses what it cannot put back, and changes nothing', () => {
  it('twice, never deleted, or deleted in an earlier session', async () => {
    const client = await api.client();
    const item = await debt.item(client.id);
    const missing = await fail(services.invoke('undo.restore', { kind: 'debt_item', id: item.id }));
    expect(missing).toMatchObject({ code: 'CONFLICT', reason: 'UNDO_UNAVAILABLE' });
    await api.call('debt.delete', { id: item.id });
    await undo('debt_item', item.id);
    const twice = await fail(services.invoke('undo.restore', { kind: 'debt_item', id: item.id }));
    expect(twice).toMatchObject({ code: 'CONFLICT', reason: 'UNDO_ALREADY_DONE' });

    await api.call('debt.delete', { id: item.id });
    const dir = services.dir;
    services.close();
    services = await startTestServices({ dir, now: clock.now });
    api = slaApi(services);
    const later = await fail(services.invoke('undo.restore', { kind: 'debt_item', id: item.id }));
    expect(later).toMatchObject({ code: 'CONFLICT', reason: 'UNDO_UNAVAILABLE' });
  });

  it('a debt item whose linked engagement has gone since', async () => {
    const { item, engagement } = await workspace();
    await api.call('debt.delete', { id: item.id });
    await api.call('engagements.delete', { id: engagement.id });
    const before = rows();
    const refused = await fail(services.invoke('undo.restore', { kind: 'debt_item', id: item.id }));
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'UNDO_CONFLICT' });
    expect(rows()).toBe(before);
  });

  it('a payment the invoice no longer has room for', async () => {
    const client = await api.client();
    const invoice = await api.issue((await api.linesInvoice(client.id)).id);
    const pay = (amountMinor: number) =>
      api.call<{ payment: Payment }>('payments.record', {
        invoiceId: invoice.id,
        date: '2026-11-21',
        amountMinor,
        method: 'bank_transfer',
      });
    const { payment } = await pay(200_000);
    await api.call('payments.delete', { id: payment.id });
    await pay(297_500);
    const before = rows();
    const refused = await fail(
      services.invoke('undo.restore', { kind: 'payment', id: payment.id }),
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'PAYMENT_EXCEEDS_BALANCE' });
    expect(rows()).toBe(before);
  });

  it('a draft whose milestone has been invoiced again', async () => {
    const { schedule } = await workspace();
    const milestoneId = schedule.milestones[0]!.id;
    const draft = await api.call<Invoice>('invoices.createFromMilestone', { milestoneId });
    await api.call('invoices.deleteDraft', { id: draft.id });
    await api.call<Invoice>('invoices.createFromMilestone', { milestoneId });
    const refused = await fail(
      services.invoke('undo.restore', { kind: 'invoice_draft', id: draft.id }),
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'MILESTONE_ALREADY_INVOICED' });
  });
});

describe('undoing a void', () => {
  it('within 10 minutes: the invoice is issued again with its number, both moves on record', async () => {
    const { schedule } = await workspace();
    const milestoneId = schedule.milestones[0]!.id;
    const draft = await api.call<Invoice>('invoices.createFromMilestone', { milestoneId });
    const issued = await api.issue(draft.id);
    const before = rows(['updated_at']);
    clock.set('2026-11-21T09:05:00.000Z');
    await api.call('invoices.void', { id: issued.id, reason: 'Mis-click' });
    clock.set('2026-11-21T09:14:59.000Z');
    const back = await api.call<Invoice>('undo.void', { id: issued.id });
    expect(back).toMatchObject({ status: 'issued', number: issued.number, voidReason: null });
    const sqlite = services.database.sqlite;
    const milestone = sqlite.prepare('SELECT status FROM milestones WHERE id = ?').get(milestoneId);
    expect(milestone).toEqual({ status: 'invoiced' });
    // Only the times of the last change moved.
    expect(rows(['updated_at'])).toBe(before);
    const history = await api.call<{ items: AuditEntry[] }>('audit.list', {
      entity: 'invoice',
      entityId: issued.id,
    });
    expect(history.items.map((e) => e.action)).toEqual([
      'invoice.void_undone',
      'invoice.voided',
      'invoice.issued',
    ]);
    expect(history.items[0]!.changes).toEqual([
      { field: 'status', from: 'void', to: 'issued' },
      { field: 'voidReason', from: 'Mis-click', to: null },
    ]);
    const again = await fail(services.invoke('undo.void', { id: issued.id }));
    expect(again).toMatchObject({ code: 'CONFLICT', reason: 'UNDO_UNAVAILABLE' });
  });

  it('later than 10 minutes, or once the milestone is invoiced again: refused', async () => {
    const { schedule } = await workspace();
    const milestoneId = schedule.milestones[0]!.id;
    const first = await api.issue(
      (await api.call<Invoice>('invoices.createFromMilestone', { milestoneId })).id,
    );
    await api.call('invoices.void', { id: first.id, reason: 'Wrong amount' });
    await api.call<Invoice>('invoices.createFromMilestone', { milestoneId });
    const rebilled = await fail(services.invoke('undo.void', { id: first.id }));
    expect(rebilled).toMatchObject({ code: 'CONFLICT', reason: 'MILESTONE_ALREADY_INVOICED' });

    const client = await api.client({ displayName: 'Other' });
    const other = await api.issue((await api.linesInvoice(client.id)).id);
    await api.call('invoices.void', { id: other.id, reason: 'Duplicate' });
    clock.set('2026-11-21T09:10:01.000Z');
    const late = await fail(services.invoke('undo.void', { id: other.id }));
    expect(late).toMatchObject({ code: 'CONFLICT', reason: 'UNDO_EXPIRED' });
    expect((await api.get(other.id)).status).toBe('void');
  });
});
