import type { Client, Engagement, Invoice, MethodInput, MilestoneSchedule } from '../../core/api';
import type { TestServices } from '../../test/support/services';
import { ok } from '../debt/test-helpers';

export { fail, ok } from '../debt/test-helpers';

/** A fixed clock: 2026-11-21 09:00 UTC unless moved with `clock.set`. */
export function testClock(start = '2026-11-21T09:00:00.000Z') {
  let now = new Date(start);
  return {
    now: () => now,
    set: (iso: string) => {
      now = new Date(iso.length === 10 ? `${iso}T09:00:00.000Z` : iso);
    },
  };
}

export const SCHEDULE_15_30_45_10 = [
  { name: 'Architecture review', share: { percent: '15' }, plannedDate: '2026-12-15' },
  { name: 'Proof of concept', share: { percent: '30' }, plannedDate: '2027-02-15' },
  { name: 'Delivery', share: { percent: '45' }, plannedDate: '2027-05-15' },
  { name: 'Annual upgrade', share: { percent: '10' }, plannedDate: '2028-05-15' },
];

export function billingApi(services: TestServices) {
  const call = <T>(method: Parameters<TestServices['invoke']>[0], input: unknown) =>
    ok<T>(services.invoke(method, input));
  const client = (fields: Record<string, unknown> = {}) =>
    call<Client>('clients.create', {
      displayName: 'Acme',
      legalName: 'Acme GmbH',
      address: 'Berlin',
      taxId: 'DE123',
      defaultCurrency: 'EUR',
      paymentTermsDays: 30,
      ...fields,
    });
  const engagement = (clientId: string, fields: Partial<MethodInput<'engagements.create'>> = {}) =>
    call<Engagement>('engagements.create', {
      clientId,
      title: 'Platform modernisation',
      stage: 'won',
      contractValueMinor: 10_000_000,
      taxRatePercent: '19',
      ...fields,
    });
  const schedule = (engagementId: string, milestones: unknown[] = SCHEDULE_15_30_45_10) =>
    call<MilestoneSchedule>('milestones.setSchedule', { engagementId, milestones });
  const linesInvoice = (clientId: string, fields: Record<string, unknown> = {}) =>
    call<Invoice>('invoices.createFromLines', {
      clientId,
      lines: [
        {
          description: 'Consulting',
          quantity: '2.5',
          unit: 'day',
          unitPriceMinor: 100_000,
          taxRatePercent: '19',
        },
      ],
      ...fields,
    });
  const issue = (id: string, issueDate?: string) =>
    call<Invoice>('invoices.issue', { id, ...(issueDate ? { issueDate } : {}) });
  const get = (id: string) => call<Invoice>('invoices.get', { id });
  const count = (table: string) =>
    (services.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number })
      .n;
  /** Every row of every table, to prove a refused call changed nothing. */
  const snapshot = () => {
    const sqlite = services.database.sqlite;
    const tables = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type='table' ORDER BY name`)
      .all() as { name: string }[];
    return JSON.stringify(
      tables.map(({ name }) => sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()),
    );
  };
  return { call, client, engagement, schedule, linesInvoice, issue, get, count, snapshot };
}
