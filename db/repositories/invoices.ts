import type Database from 'better-sqlite3';
import { asc, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../open';
import {
  creditNoteLines,
  creditNotes,
  invoiceLines,
  invoices,
  payments,
  type CreditNoteRow,
  type InvoiceLineRow,
  type InvoiceRow,
  type PaymentRow,
} from '../schema';
import { filterClause, likePattern, prepared, type MoneyFilter } from './sql';

export type { MoneyFilter } from './sql';

export type LineRow = Omit<InvoiceLineRow, 'invoiceId'>;

/** The list columns of an invoice (no lines, no snapshots). */
export interface InvoiceSummaryRow {
  id: string;
  number: string | null;
  kind: string;
  status: string;
  clientId: string;
  clientName: string;
  engagementId: string | null;
  engagementTitle: string | null;
  milestoneId: string | null;
  currency: string;
  issueDate: string | null;
  dueDate: string | null;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  depositMinor: number;
  amountDueMinor: number;
  creditedMinor: number;
  paidMinor: number;
  balanceMinor: number;
  createdAt: string;
  updatedAt: string;
}

export type InvoiceDisplayFilter = 'draft' | 'issued' | 'partly_paid' | 'paid' | 'overdue' | 'void';

export interface InvoiceQuery {
  statuses: InvoiceDisplayFilter[];
  clientId?: string | undefined;
  engagementId?: string | undefined;
  currency?: string | undefined;
  /** Issue dates within this range, inclusive: drafts (no issue date) never match. */
  issuedFrom?: string | undefined;
  issuedTo?: string | undefined;
  search: string;
  asOf: string;
  sort: {
    field: 'number' | 'issueDate' | 'dueDate' | 'clientName' | 'total' | 'balance' | 'createdAt';
    direction: 'asc' | 'desc';
  };
  offset: number;
  limit: number;
}

const SUMMARY_COLUMNS = `i.id, i.number, i.kind, i.status, i.client_id AS clientId,
  i.client_name AS clientName, i.engagement_id AS engagementId, e.title AS engagementTitle,
  i.milestone_id AS milestoneId, i.currency, i.issue_date AS issueDate, i.due_date AS dueDate,
  i.subtotal_minor AS subtotalMinor, i.tax_minor AS taxMinor, i.total_minor AS totalMinor,
  i.deposit_minor AS depositMinor, i.amount_due_minor AS amountDueMinor,
  i.credited_minor AS creditedMinor, i.paid_minor AS paidMinor, i.balance_minor AS balanceMinor,
  i.created_at AS createdAt, i.updated_at AS updatedAt`;

const SORTS = {
  number: 'i.number',
  issueDate: 'i.issue_date',
  dueDate: 'i.due_date',
  clientName: 'i.client_name COLLATE NOCASE',
  total: 'i.total_minor',
  balance: 'i.balance_minor',
  createdAt: 'i.created_at',
} as const;

/** Open = issued and not settled: what aging, reminders and overdue look at. */
export const OPEN_STATUSES = `('issued', 'partly_paid')`;

export function invoiceSearchText(number: string | null, clientName: string): string {
  return `${number ?? ''}\n${clientName}`.toLocaleLowerCase();
}

export interface OpenGroup {
  dueDate: string;
  currency: string;
  balanceMinor: number;
  invoices: number;
}

export interface ReminderRow {
  invoiceId: string;
  number: string;
  clientId: string;
  clientName: string;
  currency: string;
  dueDate: string;
  daysOverdue: number;
  balanceMinor: number;
}

export interface PlannedGroup {
  currency: string;
  plannedDate: string;
  termsDays: number;
  amountMinor: number;
}

/** One group of an aggregate by currency and date (issue or payment date). */
export interface DayAmount {
  currency: string;
  date: string;
  amountMinor: number;
  n: number;
}

export function createInvoicesRepository(db: AppDatabase, sqlite: Database.Database) {
  /** Prepared once per connection: the list and summary queries run on every keystroke. */
  const statement = (text: string): Database.Statement => prepared(sqlite, text);

  /** Sums of `total_minor` per currency and issue date of the rows of `table` that meet `where`. */
  const byIssueDate = (table: string, where: string, filter: MoneyFilter): DayAmount[] => {
    const { clause, params } = filterClause(filter, '');
    return statement(
      `SELECT currency, issue_date AS date, sum(total_minor) AS amountMinor, count(*) AS n
         FROM ${table}
        WHERE ${where} ${clause}
        GROUP BY currency, issue_date`,
    ).all(params) as DayAmount[];
  };

  return {
    get(id: string): InvoiceRow | undefined {
      return db.select().from(invoices).where(eq(invoices.id, id)).get();
    },

    insert(row: Omit<InvoiceRow, 'searchText'>): InvoiceRow {
      return db
        .insert(invoices)
        .values({ ...row, searchText: invoiceSearchText(row.number, row.clientName) })
        .returning()
        .get();
    },

    update(id: string, changes: Partial<Omit<InvoiceRow, 'id' | 'searchText' | 'createdAt'>>) {
      const current = this.get(id)!;
      const next = { ...current, ...changes };
      return db
        .update(invoices)
        .set({ ...changes, searchText: invoiceSearchText(next.number, next.clientName) })
        .where(eq(invoices.id, id))
        .returning()
        .get();
    },

    remove(id: string): void {
      db.delete(invoices).where(eq(invoices.id, id)).run();
    },

    lines(invoiceId: string): LineRow[] {
      return db
        .select()
        .from(invoiceLines)
        .where(eq(invoiceLines.invoiceId, invoiceId))
        .orderBy(asc(invoiceLines.position))
        .all()
        .map(({ invoiceId: _id, ...line }) => line);
    },

    replaceLines(invoiceId: string, lines: readonly LineRow[]): void {
      db.delete(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).run();
      // One multi-row insert (at most 500 lines × 14 columns, within SQLite's 32,766 variables).
      if (lines.length > 0)
        db.insert(invoiceLines)
          .values(lines.map((line) => ({ ...line, invoiceId })))
          .run();
    },

    /**
     * Takes the next number of a gap-free series. Must run inside the write transaction that
     * uses it: a rollback gives the number back, so the series never skips one.
     */
    nextInSeries(series: string, period: string): number {
      statement(
        'INSERT INTO number_series (series, period, next_value) VALUES (?, ?, 1) ON CONFLICT DO NOTHING',
      ).run(series, period);
      const row = statement(
        'UPDATE number_series SET next_value = next_value + 1 WHERE series = ? AND period = ? RETURNING next_value - 1 AS value',
      ).get(series, period) as { value: number };
      return row.value;
    },

    /** Σ (total − credited) of other issued, not void invoices of the engagement issued by `before`. */
    previouslyInvoiced(engagementId: string, excludeId: string, before: string | null): number {
      const row = statement(
        `SELECT coalesce(sum(total_minor - credited_minor), 0) AS n FROM invoices
          WHERE engagement_id = ? AND id <> ? AND status NOT IN ('draft', 'void')
            AND (? IS NULL OR issued_at <= ?)`,
      ).get(engagementId, excludeId, before, before) as { n: number };
      return row.n;
    },

    // --- list -------------------------------------------------------------------------

    summaries(ids: readonly string[]): InvoiceSummaryRow[] {
      if (ids.length === 0) return [];
      const rows = statement(
        `SELECT ${SUMMARY_COLUMNS} FROM invoices i LEFT JOIN engagements e ON e.id = i.engagement_id
          WHERE i.id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(ids)) as InvoiceSummaryRow[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id)!);
    },

    /**
     * One page plus the count. The page query writes status and due-date terms as `+column`
     * so SQLite walks the sort column's index and stops after `limit` matches instead of
     * sorting every open invoice; the count keeps them indexable (a covering index scan).
     * A search runs over the narrow `invoices_search_idx` first and only then reads rows.
     */
    list(query: InvoiceQuery): { items: InvoiceSummaryRow[]; total: number } {
      const build = (p: '' | '+') => {
        const where: string[] = [];
        const params: unknown[] = [];
        if (query.statuses.length) {
          const parts: string[] = [];
          const plain = query.statuses.filter((s) => s !== 'overdue');
          const open = plain.filter((s) => s === 'issued' || s === 'partly_paid');
          const closed = plain.filter((s) => s !== 'issued' && s !== 'partly_paid');
          // issued / partly paid exclude the overdue ones, which have their own status.
          if (open.length) {
            parts.push(
              `(${p}i.status IN (${open.map(() => '?').join(', ')}) AND ${p}i.due_date >= ?)`,
            );
            params.push(...open, query.asOf);
          }
          if (closed.length) {
            parts.push(`${p}i.status IN (${closed.map(() => '?').join(', ')})`);
            params.push(...closed);
          }
          if (query.statuses.includes('overdue')) {
            parts.push(`(${p}i.status IN ${OPEN_STATUSES} AND ${p}i.due_date < ?)`);
            params.push(query.asOf);
          }
          where.push(`(${parts.join(' OR ')})`);
        }
        for (const [column, value] of [
          ['client_id', query.clientId],
          ['engagement_id', query.engagementId],
          ['currency', query.currency],
        ] as const) {
          if (value) {
            where.push(`i.${column} = ?`);
            params.push(value);
          }
        }
        if (query.issuedFrom) {
          where.push('i.issue_date >= ?');
          params.push(query.issuedFrom);
        }
        if (query.issuedTo) {
          where.push('i.issue_date <= ?');
          params.push(query.issuedTo);
        }
        if (query.search) {
          where.push(
            `i.rowid IN (SELECT rowid FROM invoices INDEXED BY invoices_search_idx WHERE search_text LIKE ? ESCAPE '\\')`,
          );
          params.push(likePattern(query.search));
        }
        return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
      };
      const page = build(query.search ? '' : '+');
      const dir = query.sort.direction === 'asc' ? 'ASC' : 'DESC';
      const items = statement(
        `SELECT ${SUMMARY_COLUMNS} FROM invoices i LEFT JOIN engagements e ON e.id = i.engagement_id
          ${page.clause} ORDER BY ${SORTS[query.sort.field]} ${dir}, i.id ${dir} LIMIT ? OFFSET ?`,
      ).all(...page.params, query.limit, query.offset) as InvoiceSummaryRow[];
      const counted = build('');
      const total = (
        statement(`SELECT count(*) AS n FROM invoices i ${counted.clause}`).get(
          ...counted.params,
        ) as { n: number }
      ).n;
      return { items, total };
    },

    // --- payments ---------------------------------------------------------------------

    payments(invoiceId: string): PaymentRow[] {
      return db
        .select()
        .from(payments)
        .where(eq(payments.invoiceId, invoiceId))
        .orderBy(asc(payments.date), asc(payments.createdAt))
        .all();
    },

    payment(id: string): PaymentRow | undefined {
      return db.select().from(payments).where(eq(payments.id, id)).get();
    },

    insertPayment(row: PaymentRow): PaymentRow {
      return db.insert(payments).values(row).returning().get();
    },

    removePayment(id: string): void {
      db.delete(payments).where(eq(payments.id, id)).run();
    },

    // --- credit notes -----------------------------------------------------------------

    creditNote(id: string): CreditNoteRow | undefined {
      return db.select().from(creditNotes).where(eq(creditNotes.id, id)).get();
    },

    /** The credit notes of `ids`, in that order, each with its invoice's number. */
    creditNotesWithInvoiceNumber(
      ids: readonly string[],
    ): { note: CreditNoteRow; invoiceNumber: string }[] {
      if (ids.length === 0) return [];
      const rows = db
        .select({ note: creditNotes, invoiceNumber: invoices.number })
        .from(creditNotes)
        .innerJoin(invoices, eq(invoices.id, creditNotes.invoiceId))
        .where(inArray(creditNotes.id, [...ids]))
        .all();
      const byId = new Map(rows.map((r) => [r.note.id, r]));
      return ids.map((id) => {
        const { note, invoiceNumber } = byId.get(id)!;
        return { note, invoiceNumber: invoiceNumber ?? '' };
      });
    },

    creditNotesOf(invoiceId: string): CreditNoteRow[] {
      return db
        .select()
        .from(creditNotes)
        .where(eq(creditNotes.invoiceId, invoiceId))
        .orderBy(asc(creditNotes.createdAt))
        .all();
    },

    creditNoteLines(creditNoteId: string): LineRow[] {
      return db
        .select()
        .from(creditNoteLines)
        .where(eq(creditNoteLines.creditNoteId, creditNoteId))
        .orderBy(asc(creditNoteLines.position))
        .all()
        .map(({ creditNoteId: _id, ...line }) => line);
    },

    insertCreditNote(row: CreditNoteRow, lines: readonly LineRow[]): CreditNoteRow {
      const inserted = db.insert(creditNotes).values(row).returning().get();
      if (lines.length > 0)
        db.insert(creditNoteLines)
          .values(lines.map((line) => ({ ...line, creditNoteId: row.id })))
          .run();
      return inserted;
    },

    listCreditNotes(query: {
      invoiceId?: string | undefined;
      clientId?: string | undefined;
      engagementId?: string | undefined;
      source?: string | undefined;
      search: string;
      offset: number;
      limit: number;
    }): { ids: string[]; total: number } {
      const where: string[] = [];
      const params: unknown[] = [];
      for (const [column, value] of [
        ['invoice_id', query.invoiceId],
        ['client_id', query.clientId],
        ['engagement_id', query.engagementId],
        ['source', query.source],
      ] as const) {
        if (value) {
          where.push(`${column} = ?`);
          params.push(value);
        }
      }
      if (query.search) {
        where.push(`search_text LIKE ? ESCAPE '\\'`);
        params.push(likePattern(query.search));
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const ids = (
        statement(
          `SELECT id FROM credit_notes ${clause} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
        ).all(...params, query.limit, query.offset) as { id: string }[]
      ).map((r) => r.id);
      const total = (
        statement(`SELECT count(*) AS n FROM credit_notes ${clause}`).get(...params) as {
          n: number;
        }
      ).n;
      return { ids, total };
    },

    // --- receivables ------------------------------------------------------------------

    /**
     * Open balances grouped by due date and currency: one pass over the covering index
     * `invoices_open_idx`; aging buckets and expected cash-in are computed from these few
     * thousand groups instead of per invoice. Grouped by status first, in the index's order,
     * so SQLite needs no sort; a date and currency may thus come in two groups (one per open
     * status), which the caller adds up.
     */
    openByDueDate(filter: MoneyFilter = {}): OpenGroup[] {
      // Without a filter the query reads only the covering index; with one, the matching rows.
      const { clause, params } = filterClause(filter, '');
      return statement(
        `SELECT due_date AS dueDate, currency, sum(balance_minor) AS balanceMinor, count(*) AS invoices
           FROM invoices
          WHERE status IN ${OPEN_STATUSES} AND balance_minor > 0 ${clause}
          GROUP BY status, due_date, currency`,
      ).all(params) as OpenGroup[];
    },

    reminders(asOf: string, clientId: string | undefined, limit: number): ReminderRow[] {
      return statement(
        `SELECT id AS invoiceId, number, client_id AS clientId, client_name AS clientName,
                currency, due_date AS dueDate,
                CAST(julianday(@asOf) - julianday(due_date) AS INTEGER) AS daysOverdue,
                balance_minor AS balanceMinor
           FROM invoices
          WHERE status IN ${OPEN_STATUSES} AND due_date < @asOf AND balance_minor > 0
            AND (@clientId IS NULL OR client_id = @clientId)
          ORDER BY due_date ASC, id ASC LIMIT @limit`,
      ).all({ asOf, clientId: clientId ?? null, limit }) as ReminderRow[];
    },

    /**
     * Milestones not invoiced yet, with a planned date, of live engagements, summed per
     * currency, planned date and payment terms (the engagement's, else the client's).
     * The invoiced milestones are read once (`NOT IN`, a range of `invoices_milestone_idx`):
     * a correlated `NOT EXISTS` let SQLite scan every invoice per milestone when most
     * invoices have no milestone (ANALYZE then rates the index useless) — 40 s at 50k.
     */
    plannedMilestones(filter: MoneyFilter = {}): PlannedGroup[] {
      const { clause, params } = filterClause(filter, 'e.');
      return statement(
        `SELECT e.currency, m.planned_date AS plannedDate,
                coalesce(e.payment_terms_days, c.payment_terms_days) AS termsDays,
                sum(m.amount_minor) AS amountMinor
           FROM milestones m
           JOIN engagements e ON e.id = m.engagement_id
           JOIN clients c ON c.id = e.client_id
          WHERE m.status IN ('planned', 'ready', 'accepted') AND m.planned_date IS NOT NULL
            AND e.stage NOT IN ('lost', 'cancelled', 'completed') ${clause}
            AND m.id NOT IN (SELECT milestone_id FROM invoices
                              WHERE milestone_id IS NOT NULL AND status <> 'void')
          GROUP BY e.currency, m.planned_date, termsDays`,
      ).all(params) as PlannedGroup[];
    },

    // --- dashboard ----------------------------------------------------------------------

    /**
     * Issued, not void invoices per currency and issue date. Grouped by the columns of
     * `invoices_revenue_idx` in its order, so without a client or engagement filter SQLite
     * reads only that covering index and needs no sort; the caller folds the days into
     * months and all-time totals (a few thousand groups, not 50,000 rows).
     */
    invoicedByDay(filter: MoneyFilter): DayAmount[] {
      return byIssueDate('invoices', `status NOT IN ('draft', 'void')`, filter);
    },

    /**
     * Credit notes per currency and issue date, as above, from `credit_notes_revenue_idx`:
     * few as they are (2,000 at 50,000 invoices), their rows carry the JSON snapshots, and
     * the narrow index reads them in a third of the time and needs no sort.
     */
    creditedByDay(filter: MoneyFilter): DayAmount[] {
      return byIssueDate('credit_notes', '1 = 1', filter);
    },

    /**
     * Payments received per currency and payment date, as above (`payments_currency_date_idx`
     * covers the unfiltered and the currency-only query). A payment carries its invoice's
     * currency, so only a client or engagement filter needs the invoice (one primary-key
     * lookup per payment).
     */
    paidByDay(filter: MoneyFilter): DayAmount[] {
      const byInvoice = filter.clientId !== undefined || filter.engagementId !== undefined;
      const { clause, params } = byInvoice
        ? filterClause(filter, 'i.')
        : filterClause({ currency: filter.currency }, 'p.');
      return statement(
        `SELECT p.currency, p.date, sum(p.amount_minor) AS amountMinor, count(*) AS n
           FROM payments p ${byInvoice ? 'JOIN invoices i ON i.id = p.invoice_id' : ''}
          WHERE 1 = 1 ${clause}
          GROUP BY p.currency, p.date`,
      ).all(params) as DayAmount[];
    },

    /** Service credits (credit notes from the SLA) issued in [from, to], per engagement. */
    slaCreditsByEngagement(filter: MoneyFilter, from: string, to: string): Map<string, number> {
      const { clause, params } = filterClause(filter, '');
      const rows = statement(
        `SELECT engagement_id AS engagementId, sum(total_minor) AS amountMinor
           FROM credit_notes
          WHERE source = 'sla' AND engagement_id IS NOT NULL
            AND issue_date BETWEEN @from AND @to ${clause}
          GROUP BY engagement_id`,
      ).all({ ...params, from, to }) as { engagementId: string; amountMinor: number }[];
      return new Map(rows.map((r) => [r.engagementId, r.amountMinor]));
    },
  };
}

export type InvoicesRepository = ReturnType<typeof createInvoicesRepository>;
