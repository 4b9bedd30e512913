import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  CreditNote,
  EngagementsListOutput,
  InvoicesListOutput,
  MilestoneSchedule,
  ReceivablesSummary,
} from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { billingApi, testClock } from './test-helpers';

let services: TestServices;
let api: ReturnType<typeof billingApi>;
beforeEach(async () => {
  services = await startTestServices({ now: testClock().now });
  api = billingApi(services);
});
afterEach(() => services.dispose());

describe('demo workspace: billing', () => {
  it('adds 15/30/45/10 engagements, an issued partly-paid invoice, a credit note and an overdue one', async () => {
    const loaded = await api.call<{ engagements: number; invoices: number }>('demo.load', {
      locale: 'en',
    });
    expect(loaded).toMatchObject({ engagements: 2, invoices: 2 });
    const engagements = await api.call<EngagementsListOutput>('engagements.list', {});
    expect(engagements.total).toBe(2);
    for (const e of engagements.items) {
      const schedule = await api.call<MilestoneSchedule>('milestones.get', { engagementId: e.id });
      expect(schedule.milestones.map((m) => m.percent)).toEqual(['15', '30', '45', '10']);
      expect(schedule.milestones.reduce((n, m) => n + m.amountMinor, 0)).toBe(e.contractValueMinor);
    }
    const zh = engagements.items.find((e) => e.currency === 'CNY')!;
    const zhSchedule = await api.call<MilestoneSchedule>('milestones.get', {
      engagementId: zh.id,
    });
    expect(zhSchedule.milestones[0]!.name).toBe('架构评审');

    const invoices = await api.call<InvoicesListOutput>('invoices.list', {});
    expect(invoices.items.map((i) => i.displayStatus).sort()).toEqual(['overdue', 'partly_paid']);
    const credits = await api.call<{ items: CreditNote[] }>('creditNotes.list', {});
    expect(credits.items).toHaveLength(1);
    const receivables = await api.call<ReceivablesSummary>('receivables.summary', {});
    expect(receivables.byCurrency.map((r) => r.currency)).toEqual(['CNY', 'EUR']);
    expect(receivables.reminders).toHaveLength(1);
    expect(receivables.expected.length).toBeGreaterThan(2);
  });
});
