import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { clients } from './clients';
import { isInteger, isCurrency, textWithCheck } from './checks';
import { debtItems } from './debt';

/**
 * Profile, engagements, milestone schedules, invoices, payments, credit notes and the
 * gap-free number series. Money is integer minor units in the row's currency, checked with
 * `typeof(x) = 'integer'`. Children owned by a parent cascade (invoice lines, milestones of
 * an engagement); references that must block deletion restrict (an engagement with
 * invoices, an invoice with payments or credit notes).
 */

/** The consultant's profile: one row, id 1. */
export const consultantProfile = sqliteTable(
  'consultant_profile',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull().default(''),
    businessName: text('business_name').notNull().default(''),
    address: text('address').notNull().default(''),
    taxId: text('tax_id').notNull().default(''),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    bankDetails: text('bank_details').notNull().default(''),
    paymentInstructions: text('payment_instructions').notNull().default(''),
    logoMimeType: text('logo_mime_type'),
    logoBase64: text('logo_base64'),
    defaultCurrency: text('default_currency').notNull(),
    defaultPaymentTermsDays: integer('default_payment_terms_days').notNull(),
    defaultTaxRatePercent: text('default_tax_rate_percent').notNull(),
    invoiceNumberPattern: text('invoice_number_pattern').notNull(),
    creditNoteNumberPattern: text('credit_note_number_pattern').notNull(),
    lateInterestAnnualRate: text('late_interest_annual_rate').notNull(),
    /** Branding of every PDF: `#RRGGBB`. */
    accentColor: textWithCheck(
      'accent_color',
      `length(accent_color) = 7 AND accent_color GLOB '#${'[0-9A-Fa-f]'.repeat(6)}'`,
    )
      .notNull()
      .default('#1F6FEB'),
    /** A line printed in every PDF footer; may be empty. */
    documentFooter: text('document_footer').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    check('consultant_profile_single_row', sql`${t.id} = 1`),
    check('consultant_profile_currency_iso', isCurrency(t.defaultCurrency)),
    check(
      'consultant_profile_terms',
      sql`typeof(${t.defaultPaymentTermsDays}) = 'integer' AND ${t.defaultPaymentTermsDays} BETWEEN 0 AND 365`,
    ),
    check(
      'consultant_profile_logo',
      sql`(${t.logoMimeType} IS NULL AND ${t.logoBase64} IS NULL) OR (${t.logoMimeType} IN ('image/png', 'image/jpeg') AND ${t.logoBase64} IS NOT NULL)`,
    ),
  ],
);

export const engagements = sqliteTable(
  'engagements',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    type: text('type').notNull(),
    stage: text('stage').notNull(),
    currency: text('currency').notNull(),
    contractValueMinor: integer('contract_value_minor').notNull(),
    startDate: text('start_date'),
    endDate: text('end_date'),
    scope: text('scope').notNull().default(''),
    deliverables: text('deliverables').notNull().default(''),
    taxRatePercent: text('tax_rate_percent').notNull(),
    paymentTermsDays: integer('payment_terms_days'),
    notes: text('notes').notNull().default(''),
    /** 'percent' | 'amount' | null: how the schedule was last entered. */
    scheduleBasis: text('schedule_basis'),
    searchText: text('search_text').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('engagements_client_idx').on(t.clientId, t.updatedAt),
    index('engagements_updated_idx').on(t.updatedAt),
    // Also covers the practice dashboard's pipeline: value per stage and currency.
    index('engagements_stage_idx').on(t.stage, t.currency, t.contractValueMinor),
    check(
      'engagements_value_integer',
      sql`${isInteger(t.contractValueMinor)} AND ${t.contractValueMinor} >= 0`,
    ),
    check('engagements_currency_iso', isCurrency(t.currency)),
    check(
      'engagements_type',
      sql`${t.type} IN ('fixed_price', 'time_and_materials', 'retainer', 'subscription')`,
    ),
    check(
      'engagements_stage',
      sql`${t.stage} IN ('lead', 'proposal_sent', 'won', 'active', 'completed', 'lost', 'cancelled')`,
    ),
    check(
      'engagements_terms',
      sql`${t.paymentTermsDays} IS NULL OR (typeof(${t.paymentTermsDays}) = 'integer' AND ${t.paymentTermsDays} BETWEEN 0 AND 365)`,
    ),
    check(
      'engagements_schedule_basis',
      sql`${t.scheduleBasis} IS NULL OR ${t.scheduleBasis} IN ('percent', 'amount')`,
    ),
  ],
);

/** Debt items an engagement addresses; a link is owned by both ends (cascade). */
export const engagementDebtItems = sqliteTable(
  'engagement_debt_items',
  {
    engagementId: text('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    debtItemId: text('debt_item_id')
      .notNull()
      .references(() => debtItems.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.engagementId, t.debtItemId] }),
    index('engagement_debt_items_item_idx').on(t.debtItemId),
  ],
);

export const milestones = sqliteTable(
  'milestones',
  {
    id: text('id').primaryKey(),
    engagementId: text('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    /** The percent entered (decimal string), or null for a fixed amount. */
    percent: text('percent'),
    amountMinor: integer('amount_minor').notNull(),
    deliverable: text('deliverable').notNull().default(''),
    acceptanceCriteria: text('acceptance_criteria').notNull().default(''),
    plannedDate: text('planned_date'),
    status: text('status').notNull(),
    readyAt: text('ready_at'),
    acceptedDate: text('accepted_date'),
    acceptedBy: text('accepted_by'),
    acceptanceNote: text('acceptance_note'),
    acceptanceRecordedAt: text('acceptance_recorded_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('milestones_engagement_idx').on(t.engagementId, t.position),
    index('milestones_status_planned_idx').on(t.status, t.plannedDate),
    check('milestones_amount_integer', sql`${isInteger(t.amountMinor)} AND ${t.amountMinor} >= 0`),
    check(
      'milestones_status',
      sql`${t.status} IN ('planned', 'ready', 'accepted', 'invoiced', 'paid')`,
    ),
  ],
);

/** One gap-free counter per series and period, e.g. ('invoice', '2026') -> next 18. */
export const numberSeries = sqliteTable(
  'number_series',
  {
    series: text('series').notNull(),
    period: text('period').notNull(),
    nextValue: integer('next_value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.series, t.period] }),
    check('number_series_next', sql`${isInteger(t.nextValue)} AND ${t.nextValue} >= 1`),
  ],
);

const money = (name: string) => integer(name).notNull().default(0);

export const invoices = sqliteTable(
  'invoices',
  {
    id: text('id').primaryKey(),
    number: text('number'),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    engagementId: text('engagement_id').references(() => engagements.id, {
      onDelete: 'restrict',
    }),
    /** A void invoice does not keep its milestone from being rescheduled (set null). */
    milestoneId: text('milestone_id').references(() => milestones.id, { onDelete: 'set null' }),
    currency: text('currency').notNull(),
    taxMode: text('tax_mode').notNull(),
    issueDate: text('issue_date'),
    supplyDate: text('supply_date'),
    dueDate: text('due_date'),
    paymentTermsDays: integer('payment_terms_days').notNull(),
    /** Client display name: live for drafts, the snapshot's once issued. Sorted and searched. */
    clientName: text('client_name').notNull(),
    /** JSON snapshots taken at issue (null while a draft). */
    sellerSnapshot: text('seller_snapshot'),
    buyerSnapshot: text('buyer_snapshot'),
    notes: text('notes').notNull().default(''),
    paymentInstructions: text('payment_instructions').notNull().default(''),
    unacceptedReason: text('unaccepted_reason'),
    voidReason: text('void_reason'),
    subtotalMinor: money('subtotal_minor'),
    taxMinor: money('tax_minor'),
    totalMinor: money('total_minor'),
    depositMinor: money('deposit_minor'),
    amountDueMinor: money('amount_due_minor'),
    creditedMinor: money('credited_minor'),
    paidMinor: money('paid_minor'),
    balanceMinor: money('balance_minor'),
    /** Fixed at issue: other issued invoices of the engagement before this one. */
    previouslyInvoicedMinor: integer('previously_invoiced_minor'),
    /** Lower-cased number and client name. */
    searchText: text('search_text').notNull().default(''),
    issuedAt: text('issued_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('invoices_number_unique').on(t.number),
    index('invoices_created_idx').on(t.createdAt, t.id),
    index('invoices_issue_date_idx').on(t.issueDate, t.id),
    index('invoices_due_date_idx').on(t.dueDate, t.id),
    index('invoices_client_name_idx').on(sql`${t.clientName} COLLATE NOCASE`, t.id),
    index('invoices_total_idx').on(t.totalMinor, t.id),
    index('invoices_balance_idx').on(t.balanceMinor, t.id),
    index('invoices_status_created_idx').on(t.status, t.createdAt, t.id),
    index('invoices_client_idx').on(t.clientId, t.createdAt),
    index('invoices_engagement_idx').on(t.engagementId, t.status),
    index('invoices_milestone_idx').on(t.milestoneId),
    // A search scans this narrow index, not the wide rows.
    index('invoices_search_idx').on(t.searchText),
    // Covers the aging and the reminder list: open invoices by due date with their balance.
    index('invoices_open_idx').on(t.status, t.dueDate, t.currency, t.balanceMinor),
    // Covers the practice dashboard's revenue: issued invoices per currency and issue date.
    index('invoices_revenue_idx').on(t.currency, t.issueDate, t.status, t.totalMinor),
    check(
      'invoices_money_integer',
      isInteger(
        t.subtotalMinor,
        t.taxMinor,
        t.totalMinor,
        t.depositMinor,
        t.amountDueMinor,
        t.creditedMinor,
        t.paidMinor,
        t.balanceMinor,
      ),
    ),
    check(
      'invoices_previously_integer',
      sql`${t.previouslyInvoicedMinor} IS NULL OR typeof(${t.previouslyInvoicedMinor}) = 'integer'`,
    ),
    check(
      'invoices_amounts',
      sql`${t.totalMinor} = ${t.subtotalMinor} + ${t.taxMinor} AND ${t.amountDueMinor} = ${t.totalMinor} - ${t.depositMinor} AND ${t.balanceMinor} = ${t.amountDueMinor} - ${t.creditedMinor} - ${t.paidMinor} AND ${t.paidMinor} >= 0 AND ${t.creditedMinor} >= 0 AND ${t.creditedMinor} <= ${t.totalMinor} AND ${t.depositMinor} >= 0`,
    ),
    check('invoices_currency_iso', isCurrency(t.currency)),
    check('invoices_kind', sql`${t.kind} IN ('milestone', 'time_and_materials', 'manual')`),
    check(
      'invoices_status',
      sql`${t.status} IN ('draft', 'issued', 'partly_paid', 'paid', 'void')`,
    ),
    check('invoices_tax_mode', sql`${t.taxMode} IN ('exclusive', 'inclusive')`),
    check(
      'invoices_numbered',
      sql`(${t.status} = 'draft' AND ${t.number} IS NULL) OR (${t.status} <> 'draft' AND ${t.number} IS NOT NULL AND ${t.issueDate} IS NOT NULL AND ${t.dueDate} IS NOT NULL)`,
    ),
  ],
);

const lineColumns = () => ({
  position: integer('position').notNull(),
  description: text('description').notNull(),
  quantity: text('quantity').notNull(),
  unit: text('unit').notNull().default(''),
  unitPriceMinor: integer('unit_price_minor').notNull(),
  discountPercent: text('discount_percent'),
  discountAmountMinor: integer('discount_amount_minor'),
  taxRatePercent: text('tax_rate_percent').notNull(),
  discountMinor: integer('discount_minor').notNull(),
  amountMinor: integer('amount_minor').notNull(),
  netMinor: integer('net_minor').notNull(),
  taxMinor: integer('tax_minor').notNull(),
  grossMinor: integer('gross_minor').notNull(),
});

type LineMoney = Record<
  'unitPriceMinor' | 'discountMinor' | 'amountMinor' | 'netMinor' | 'taxMinor' | 'grossMinor',
  AnySQLiteColumn
>;

/** The money CHECK of a `lineColumns()` table: every amount an integer of minor units. */
const lineMoneyCheck = (table: string, t: LineMoney) =>
  check(
    `${table}_money_integer`,
    isInteger(
      t.unitPriceMinor,
      t.discountMinor,
      t.amountMinor,
      t.netMinor,
      t.taxMinor,
      t.grossMinor,
    ),
  );

export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    ...lineColumns(),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.position] }), lineMoneyCheck('invoice_lines', t)],
);

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    date: text('date').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    method: text('method').notNull(),
    reference: text('reference').notNull().default(''),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('payments_invoice_idx').on(t.invoiceId, t.date),
    // Covers the practice dashboard's cash received per currency and payment date.
    index('payments_currency_date_idx').on(t.currency, t.date, t.amountMinor),
    check('payments_amount_integer', sql`${isInteger(t.amountMinor)} AND ${t.amountMinor} > 0`),
    check('payments_currency_iso', isCurrency(t.currency)),
  ],
);

export const creditNotes = sqliteTable(
  'credit_notes',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    engagementId: text('engagement_id').references(() => engagements.id, {
      onDelete: 'restrict',
    }),
    currency: text('currency').notNull(),
    taxMode: text('tax_mode').notNull(),
    issueDate: text('issue_date').notNull(),
    reason: text('reason').notNull(),
    source: text('source').notNull(),
    sourceRef: text('source_ref'),
    clientName: text('client_name').notNull(),
    sellerSnapshot: text('seller_snapshot').notNull(),
    buyerSnapshot: text('buyer_snapshot').notNull(),
    subtotalMinor: integer('subtotal_minor').notNull(),
    taxMinor: integer('tax_minor').notNull(),
    totalMinor: integer('total_minor').notNull(),
    searchText: text('search_text').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('credit_notes_number_unique').on(t.number),
    index('credit_notes_invoice_idx').on(t.invoiceId),
    /** One SLA credit per clause and period (sourceRef `sla:<clause>/<period>`). */
    uniqueIndex('credit_notes_sla_source_unique')
      .on(t.sourceRef)
      .where(sql`${t.source} = 'sla'`),
    index('credit_notes_created_idx').on(t.createdAt, t.id),
    // Covers the practice dashboard's credits per currency and issue date.
    index('credit_notes_revenue_idx').on(t.currency, t.issueDate, t.totalMinor),
    check(
      'credit_notes_money_integer',
      sql`${isInteger(t.subtotalMinor, t.taxMinor, t.totalMinor)} AND ${t.totalMinor} = ${t.subtotalMinor} + ${t.taxMinor} AND ${t.totalMinor} > 0`,
    ),
    check('credit_notes_source', sql`${t.source} IN ('manual', 'sla')`),
    check('credit_notes_currency_iso', isCurrency(t.currency)),
  ],
);

export const creditNoteLines = sqliteTable(
  'credit_note_lines',
  {
    creditNoteId: text('credit_note_id')
      .notNull()
      .references(() => creditNotes.id, { onDelete: 'cascade' }),
    ...lineColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.creditNoteId, t.position] }),
    lineMoneyCheck('credit_note_lines', t),
  ],
);

export type EngagementRow = typeof engagements.$inferSelect;
export type MilestoneRow = typeof milestones.$inferSelect;
export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type CreditNoteRow = typeof creditNotes.$inferSelect;
export type ProfileRow = typeof consultantProfile.$inferSelect;
