import { z } from 'zod';
import { PercentString, QuantityString } from './billing-fields';
import {
  AmountMinor,
  ById,
  CalendarDate,
  CurrencyCode,
  Id,
  nonEmptyChanges,
  PageInput,
  pageOf,
  SortDirection,
  Timestamp,
} from './common';

/**
 * Invoices, payments, credit notes and receivables. Every amount is integer minor units in
 * the document's currency; totals come from `core/billing.invoiceTotals`. Drafts have no
 * number; `invoices.issue` takes the next number of the gap-free yearly series in the same
 * transaction, snapshots seller (profile) and buyer (client), and freezes the invoice:
 * corrections go through credit notes; voiding keeps the number.
 */

const text = (max: number) => z.string().trim().max(max);

export const InvoiceStatus = z.enum(['draft', 'issued', 'partly_paid', 'paid', 'void']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;
/** What the list shows: the stored status, or `overdue` for an open invoice past due. */
export const InvoiceDisplayStatus = z.enum([
  'draft',
  'issued',
  'partly_paid',
  'paid',
  'overdue',
  'void',
]);
export type InvoiceDisplayStatus = z.infer<typeof InvoiceDisplayStatus>;

export const InvoiceKind = z.enum(['milestone', 'time_and_materials', 'manual']);
export type InvoiceKind = z.infer<typeof InvoiceKind>;

export const TaxModeSchema = z.enum(['exclusive', 'inclusive']);

export const LineDiscountInput = z.union([
  z.strictObject({ percent: PercentString }),
  z.strictObject({ amountMinor: AmountMinor }),
]);

export const InvoiceLineInput = z.strictObject({
  description: z.string().trim().min(1).max(2000),
  quantity: QuantityString,
  /** e.g. "day", "hour", "天"; free text. */
  unit: text(20).default(''),
  /** Net when the invoice is tax-exclusive, gross when inclusive. */
  unitPriceMinor: AmountMinor,
  discount: LineDiscountInput.nullable().default(null),
  taxRatePercent: PercentString,
});
export type InvoiceLineInput = z.input<typeof InvoiceLineInput>;
const InvoiceLinesInput = z.array(InvoiceLineInput).min(1).max(500);

export const InvoiceLine = z.object({
  position: z.number().int(),
  description: z.string(),
  quantity: z.string(),
  unit: z.string(),
  unitPriceMinor: z.number().int(),
  discount: z
    .union([z.object({ percent: z.string() }), z.object({ amountMinor: z.number().int() })])
    .nullable(),
  taxRatePercent: z.string(),
  discountMinor: z.number().int(),
  amountMinor: z.number().int(),
  netMinor: z.number().int(),
  taxMinor: z.number().int(),
  grossMinor: z.number().int(),
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

/** Seller or buyer as printed on the document. */
export const PartySnapshot = z.object({
  name: z.string(),
  legalName: z.string(),
  address: z.string(),
  taxId: z.string(),
  email: z.string(),
  phone: z.string(),
});
export type PartySnapshot = z.infer<typeof PartySnapshot>;

export const SellerSnapshot = PartySnapshot.extend({
  bankDetails: z.string(),
  logo: z.object({ mimeType: z.string(), base64: z.string() }).nullable(),
});
export type SellerSnapshot = z.infer<typeof SellerSnapshot>;

export const InvoiceSummary = z.object({
  id: Id,
  /** null while a draft. */
  number: z.string().nullable(),
  kind: InvoiceKind,
  status: InvoiceStatus,
  displayStatus: InvoiceDisplayStatus,
  clientId: Id,
  clientName: z.string(),
  engagementId: Id.nullable(),
  engagementTitle: z.string().nullable(),
  milestoneId: Id.nullable(),
  currency: z.string(),
  issueDate: CalendarDate.nullable(),
  dueDate: CalendarDate.nullable(),
  subtotalMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  depositMinor: z.number().int(),
  /** total − deposit. */
  amountDueMinor: z.number().int(),
  creditedMinor: z.number().int(),
  paidMinor: z.number().int(),
  /** amountDue − credited − paid (negative: the client is owed a refund). */
  balanceMinor: z.number().int(),
  daysOverdue: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

export const PaymentMethod = z.enum(['bank_transfer', 'card', 'cash', 'cheque', 'online', 'other']);

export const Payment = z.object({
  id: Id,
  invoiceId: Id,
  date: CalendarDate,
  amountMinor: z.number().int(),
  currency: z.string(),
  method: PaymentMethod,
  reference: z.string(),
  note: z.string(),
  createdAt: Timestamp,
});
export type Payment = z.infer<typeof Payment>;

export const CreditNoteSource = z.enum(['manual', 'sla']);

export const CreditNoteSummary = z.object({
  id: Id,
  number: z.string(),
  invoiceId: Id,
  invoiceNumber: z.string(),
  clientId: Id,
  clientName: z.string(),
  engagementId: Id.nullable(),
  currency: z.string(),
  issueDate: CalendarDate,
  reason: z.string(),
  source: CreditNoteSource,
  sourceRef: z.string().nullable(),
  subtotalMinor: z.number().int(),
  taxMinor: z.number().int(),
  /** Positive: the amount credited, tax included. */
  totalMinor: z.number().int(),
  createdAt: Timestamp,
});
export type CreditNoteSummary = z.infer<typeof CreditNoteSummary>;

export const Invoice = InvoiceSummary.extend({
  taxMode: TaxModeSchema,
  supplyDate: CalendarDate.nullable(),
  paymentTermsDays: z.number().int(),
  lines: z.array(InvoiceLine),
  taxSummary: z.array(
    z.object({
      taxRatePercent: z.string(),
      netMinor: z.number().int(),
      taxMinor: z.number().int(),
      grossMinor: z.number().int(),
    }),
  ),
  /** Profile snapshot taken at issue; the live profile while a draft. */
  seller: SellerSnapshot,
  /** Client snapshot taken at issue; the live client while a draft. */
  buyer: PartySnapshot,
  notes: z.string(),
  paymentInstructions: z.string(),
  /** Why a milestone that was not accepted was invoiced anyway. */
  unacceptedReason: z.string().nullable(),
  voidReason: z.string().nullable(),
  /** Other issued, not void invoices of the engagement before this one (totals − credits). */
  previouslyInvoicedMinor: z.number().int(),
  /** Late interest at the profile's rate up to today, on the open balance. */
  lateInterestMinor: z.number().int(),
  payments: z.array(Payment),
  creditNotes: z.array(CreditNoteSummary),
  /** What a further credit note may still credit: total − previous credits. */
  creditableMinor: z.number().int(),
  issuedAt: Timestamp.nullable(),
});
export type Invoice = z.infer<typeof Invoice>;

const draftFields = {
  taxMode: TaxModeSchema,
  supplyDate: CalendarDate.nullable(),
  /** Net N; default the engagement's, else the client's, else the profile's. */
  paymentTermsDays: z.number().int().min(0).max(365),
  depositMinor: AmountMinor,
  notes: text(10_000),
  /** Default: the profile's payment instructions. */
  paymentInstructions: text(2000),
};

/** The draft fields of a new invoice, with their defaults. */
const newDraftFields = {
  taxMode: draftFields.taxMode.default('exclusive'),
  supplyDate: draftFields.supplyDate.default(null),
  paymentTermsDays: draftFields.paymentTermsDays.optional(),
  depositMinor: draftFields.depositMinor.default(0),
  notes: draftFields.notes.default(''),
  paymentInstructions: draftFields.paymentInstructions.optional(),
};

export const InvoiceFromMilestoneInput = z.strictObject({
  milestoneId: Id,
  /** Required when the milestone is not accepted: recorded on the invoice. */
  reason: z.string().trim().min(1).max(2000).optional(),
  ...newDraftFields,
});

export const InvoiceFromLinesInput = z.strictObject({
  kind: z.enum(['time_and_materials', 'manual']).default('manual'),
  clientId: Id,
  /** Currency comes from the engagement when given, else `currency`, else the client's. */
  engagementId: Id.nullable().default(null),
  currency: CurrencyCode.optional(),
  lines: InvoiceLinesInput,
  ...newDraftFields,
});

export const InvoiceDraftPatch = z
  .strictObject({ ...draftFields, lines: InvoiceLinesInput })
  .partial();

export const InvoiceSortField = z.enum([
  'number',
  'issueDate',
  'dueDate',
  'clientName',
  'total',
  'balance',
  'createdAt',
]);

export const InvoicesListInput = z.strictObject({
  /** Display statuses; `overdue` = issued or partly paid and past due on `asOf`. */
  statuses: z.array(InvoiceDisplayStatus).max(6).default([]),
  clientId: Id.optional(),
  engagementId: Id.optional(),
  currency: CurrencyCode.optional(),
  /** Issue dates within this range, inclusive (drafts have none and are left out). */
  issuedFrom: CalendarDate.optional(),
  issuedTo: CalendarDate.optional(),
  /** Matches the number or the client's name. */
  search: z.string().trim().max(200).default(''),
  /** "Today" for overdue; default the services' clock. */
  asOf: CalendarDate.optional(),
  sort: z
    .strictObject({ field: InvoiceSortField, direction: SortDirection })
    .default({ field: 'createdAt', direction: 'desc' }),
  ...PageInput,
});
export type InvoicesListInput = z.input<typeof InvoicesListInput>;

export const InvoicesListOutput = pageOf(InvoiceSummary);
export type InvoicesListOutput = z.infer<typeof InvoicesListOutput>;

export const PaymentInput = z.strictObject({
  invoiceId: Id,
  date: CalendarDate,
  amountMinor: AmountMinor.refine((n) => n > 0, {
    message: 'A payment must be more than zero',
    params: { reason: 'PAYMENT_NOT_POSITIVE' },
  }),
  method: PaymentMethod.default('bank_transfer'),
  reference: text(200).default(''),
  note: text(2000).default(''),
});

export const PaymentResult = z.object({ payment: Payment, invoice: InvoiceSummary });

export const CreditNoteInput = z.strictObject({
  invoiceId: Id,
  reason: z.string().trim().min(1).max(2000),
  issueDate: CalendarDate.optional(),
  /** Lines credited (positive quantities, on the invoice's tax mode), or a gross amount. */
  credit: z.union([
    z.strictObject({ lines: InvoiceLinesInput }),
    z.strictObject({
      /** Tax included; split over the invoice's tax rates in proportion to their gross. */
      amountMinor: AmountMinor.refine((n) => n > 0, {
        message: 'A credit must be more than zero',
        params: { reason: 'CREDIT_NOT_POSITIVE' },
      }),
      description: z.string().trim().min(1).max(2000).optional(),
    }),
  ]),
  source: CreditNoteSource.default('manual'),
  /** e.g. the SLA clause and period that proposed it. */
  sourceRef: z.string().trim().min(1).max(200).optional(),
});

export const CreditNote = CreditNoteSummary.extend({
  taxMode: TaxModeSchema,
  lines: z.array(InvoiceLine),
  seller: SellerSnapshot,
  buyer: PartySnapshot,
});
export type CreditNote = z.infer<typeof CreditNote>;

export const CreditNotesListInput = z.strictObject({
  invoiceId: Id.optional(),
  clientId: Id.optional(),
  engagementId: Id.optional(),
  source: CreditNoteSource.optional(),
  search: z.string().trim().max(200).default(''),
  ...PageInput,
});

export const AgingBuckets = z.object({
  currentMinor: z.number().int(),
  days1to30Minor: z.number().int(),
  days31to60Minor: z.number().int(),
  days61to90Minor: z.number().int(),
  days90plusMinor: z.number().int(),
});

export const ReceivablesInput = z.strictObject({
  asOf: CalendarDate.optional(),
  clientId: Id.optional(),
  /** How many overdue invoices the reminder list shows (most overdue first). */
  reminderLimit: z.number().int().min(0).max(1000).default(100),
});

export const ReceivablesSummary = z.object({
  asOf: CalendarDate,
  lateInterestAnnualRate: z.string(),
  /** One row per currency, never converted. */
  byCurrency: z.array(
    AgingBuckets.extend({
      currency: z.string(),
      outstandingMinor: z.number().int(),
      openInvoices: z.number().int(),
      overdueInvoices: z.number().int(),
    }),
  ),
  reminders: z.array(
    z.object({
      invoiceId: Id,
      number: z.string(),
      clientId: Id,
      clientName: z.string(),
      currency: z.string(),
      dueDate: CalendarDate,
      daysOverdue: z.number().int(),
      balanceMinor: z.number().int(),
      lateInterestMinor: z.number().int(),
    }),
  ),
  overdueTotal: z.number().int(),
  /**
   * Expected cash-in per month and currency: open invoices by due date, and milestones not
   * yet invoiced by planned date + the engagement's payment terms.
   */
  expected: z.array(
    z.object({
      month: z.string(),
      currency: z.string(),
      fromInvoicesMinor: z.number().int(),
      fromMilestonesMinor: z.number().int(),
    }),
  ),
});
export type ReceivablesSummary = z.infer<typeof ReceivablesSummary>;

export const billingMethods = {
  'invoices.list': { kind: 'read', input: InvoicesListInput, output: InvoicesListOutput },
  'invoices.get': { kind: 'read', input: ById, output: Invoice },
  'invoices.createFromMilestone': {
    kind: 'write',
    input: InvoiceFromMilestoneInput,
    output: Invoice,
  },
  'invoices.createFromLines': { kind: 'write', input: InvoiceFromLinesInput, output: Invoice },
  'invoices.updateDraft': {
    kind: 'write',
    input: z.strictObject({
      id: Id,
      changes: nonEmptyChanges(InvoiceDraftPatch),
    }),
    output: Invoice,
  },
  'invoices.deleteDraft': { kind: 'write', input: ById, output: z.object({ id: Id }) },
  'invoices.issue': {
    kind: 'write',
    input: z.strictObject({ id: Id, issueDate: CalendarDate.optional() }),
    output: Invoice,
  },
  'invoices.void': {
    kind: 'write',
    input: z.strictObject({ id: Id, reason: z.string().trim().min(1).max(2000) }),
    output: Invoice,
  },
  'payments.record': { kind: 'write', input: PaymentInput, output: PaymentResult },
  'payments.delete': {
    kind: 'write',
    input: ById,
    /** The deleted payment in full, so "undo" can record it again. */
    output: PaymentResult,
  },
  'creditNotes.create': { kind: 'write', input: CreditNoteInput, output: CreditNote },
  'creditNotes.get': { kind: 'read', input: ById, output: CreditNote },
  'creditNotes.list': {
    kind: 'read',
    input: CreditNotesListInput,
    output: pageOf(CreditNoteSummary),
  },
  'receivables.summary': { kind: 'read', input: ReceivablesInput, output: ReceivablesSummary },
} as const;
