import { v7 as uuidv7 } from 'uuid';
import { createRandom } from '../core/techdebt';
import type { Services } from '../services/host';
import { must, startBenchServices } from './data/services';
import type { BenchCase } from './harness';

/**
 * Invoices and receivables over 50,000 invoices (two lines each, payments on the paid and
 * partly paid ones) of 500 clients in three currencies, through the real services (input
 * parsing and output validation included), on a temp SQLite file. Seeded with prepared
 * inserts in one transaction; "today" is fixed at 2026-11-21.
 */

const INVOICES = 50_000;
const CLIENTS = 500;
const CURRENCIES = ['EUR', 'EUR', 'EUR', 'USD', 'CNY'] as const;
const NAMES = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Northwind',
  'Contoso',
  '华东零售',
  'Stark',
];
const NOW = new Date('2026-11-21T09:00:00.000Z');
const DAY = 86_400_000;

let seeded: Promise<Services> | undefined;

function seed(): Promise<Services> {
  seeded ??= (async () => {
    const services = await startBenchServices('billing', { now: NOW });
    const sqlite = services.database.sqlite;
    const random = createRandom(606);
    const int = (n: number) => Math.floor(random.nextOpen01() * n);
    sqlite.transaction(() => {
      const insertClient = sqlite.prepare(
        `INSERT INTO clients (id, display_name, default_currency, search_text, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      const insertInvoice = sqlite.prepare(
        `INSERT INTO invoices (id, number, kind, status, client_id, currency, tax_mode, issue_date,
           due_date, payment_terms_days, client_name, subtotal_minor, tax_minor, total_minor,
           deposit_minor, amount_due_minor, credited_minor, paid_minor, balance_minor,
           search_text, issued_at, created_at, updated_at)
         VALUES (?, ?, 'manual', ?, ?, ?, 'exclusive', ?, ?, 30, ?, ?, ?, ?, 0, ?, 0, ?, ?, ?, ?, ?, ?)`,
      );
      const insertLine = sqlite.prepare(
        `INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit,
           unit_price_minor, tax_rate_percent, discount_minor, amount_minor, net_minor, tax_minor,
           gross_minor)
         VALUES (?, ?, 'Consulting', ?, 'day', ?, '19', 0, ?, ?, ?, ?)`,
      );
      const insertPayment = sqlite.prepare(
        `INSERT INTO payments (id, invoice_id, date, amount_minor, currency, method, created_at)
         VALUES (?, ?, ?, ?, ?, 'bank_transfer', ?)`,
      );
      const clients: { id: string; name: string; currency: string }[] = [];
      for (let c = 0; c < CLIENTS; c++) {
        const name = `${NAMES[c % NAMES.length]} ${c}`;
        const currency = CURRENCIES[c % CURRENCIES.length]!;
        const id = uuidv7();
        clients.push({ id, name, currency });
        insertClient.run(
          id,
          name,
          currency,
          name.toLowerCase(),
          NOW.toISOString(),
          NOW.toISOString(),
        );
      }
      const seqByYear = new Map<number, number>();
      for (let i = 0; i < INVOICES; i++) {
        const client = clients[int(CLIENTS)]!;
        const roll = int(100);
        const status =
          roll < 8
            ? 'draft'
            : roll < 12
              ? 'void'
              : roll < 55
                ? 'paid'
                : roll < 70
                  ? 'partly_paid'
                  : 'issued';
        const issued = new Date(NOW.getTime() - int(3 * 365) * DAY);
        const issueDate = issued.toISOString().slice(0, 10);
        const dueDate = new Date(issued.getTime() + 30 * DAY).toISOString().slice(0, 10);
        const year = issued.getUTCFullYear();
        let number: string | null = null;
        if (status !== 'draft') {
          const seq = (seqByYear.get(year) ?? 0) + 1;
          seqByYear.set(year, seq);
          number = `INV-${year}-${String(seq).padStart(5, '0')}`;
        }
        const lines = [1 + int(10), 1 + int(5)].map((days) => {
          const net = days * (50_000 + int(100_000));
          return { days, net, tax: Math.round(net * 0.19) };
        });
        const subtotal = lines[0]!.net + lines[1]!.net;
        const tax = lines[0]!.tax + lines[1]!.tax;
        const total = subtotal + tax;
        const paid =
          status === 'paid' ? total : status === 'partly_paid' ? Math.floor(total / 2) : 0;
        const id = uuidv7();
        const created = new Date(issued.getTime() - DAY).toISOString();
        insertInvoice.run(
          id,
          number,
          status,
          client.id,
          client.currency,
          status === 'draft' ? null : issueDate,
          status === 'draft' ? null : dueDate,
          client.name,
          subtotal,
          tax,
          total,
          total,
          paid,
          total - paid,
          `${number ?? ''}\n${client.name}`.toLowerCase(),
          status === 'draft' ? null : issued.toISOString(),
          created,
          created,
        );
        lines.forEach((l, position) =>
          insertLine.run(
            id,
            position,
            String(l.days),
            Math.round(l.net / l.days),
            l.net,
            l.net,
            l.tax,
            l.net + l.tax,
          ),
        );
        if (paid > 0) {
          insertPayment.run(uuidv7(), id, dueDate, paid, client.currency, created);
        }
      }
    })();
    sqlite.exec('ANALYZE');
    return services;
  })();
  return seeded;
}

async function call(method: string, input: Record<string, unknown>): Promise<unknown> {
  return must(await seed(), method, input);
}

/** The seeded services (for ad-hoc query plans while tuning). */
export const seededServices = seed;

const total = (data: unknown) => (data as { total: number }).total;

export const benches: BenchCase[] = [
  {
    name: 'db/invoices list first page, 50k invoices, newest first',
    group: 'db',
    setup: () => seed().then(() => undefined),
    fn: async () => total(await call('invoices.list', { limit: 100 })),
  },
  {
    name: 'db/invoices list first page, 50k invoices, sorted by due date',
    group: 'db',
    setup: () => seed().then(() => undefined),
    fn: async () =>
      total(
        await call('invoices.list', { sort: { field: 'dueDate', direction: 'asc' }, limit: 100 }),
      ),
  },
  {
    name: 'db/invoices list first page, 50k invoices, with a search',
    group: 'db',
    setup: () => seed().then(() => undefined),
    fn: async () => total(await call('invoices.list', { search: 'globex 1', limit: 100 })),
  },
  {
    name: 'db/invoices list first page, 50k invoices, overdue filter',
    group: 'db',
    setup: () => seed().then(() => undefined),
    fn: async () => total(await call('invoices.list', { statuses: ['overdue'], limit: 100 })),
  },
  {
    name: 'db/receivables summary, 50k invoices',
    group: 'db',
    setup: () => seed().then(() => undefined),
    fn: async () =>
      ((await call('receivables.summary', {})) as { byCurrency: unknown[] }).byCurrency.length,
  },
];
