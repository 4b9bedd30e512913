import type {
  CreditNoteSummary,
  Invoice,
  InvoiceDisplayStatus,
  InvoiceKind,
  InvoiceStatus,
  InvoiceSummary,
  PartySnapshot,
  Payment,
  SellerSnapshot,
} from '../../core/api';
import { daysOverdue, lateInterest } from '../../core/billing';
import {
  createClientsRepository,
  createInvoicesRepository,
  type InvoiceSummaryRow,
  type schema,
} from '../../db';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { today } from './errors';
import { taxSummaryOf, toLine } from './invoice-compute';
import { loadProfile } from './profile';

type InvoiceRow = typeof schema.invoices.$inferSelect;
type PaymentRow = typeof schema.payments.$inferSelect;
type CreditNoteRow = typeof schema.creditNotes.$inferSelect;
type ClientRow = typeof schema.clients.$inferSelect;

export function invoicesRepo(ctx: ServiceContext) {
  return createInvoicesRepository(ctx.db, ctx.sqlite);
}

export function requireInvoice(ctx: ServiceContext, id: string): InvoiceRow {
  const row = invoicesRepo(ctx).get(id);
  if (!row) throw notFound('Invoice', id);
  return row;
}

export const isOpen = (status: string) => status === 'issued' || status === 'partly_paid';

export function displayStatus(
  row: Pick<InvoiceSummaryRow, 'status' | 'dueDate' | 'balanceMinor'>,
  asOf: string,
): InvoiceDisplayStatus {
  if (isOpen(row.status) && row.dueDate !== null && row.dueDate < asOf && row.balanceMinor > 0)
    return 'overdue';
  return row.status as InvoiceStatus;
}

export function toSummary(row: InvoiceSummaryRow, asOf: string): InvoiceSummary {
  const shown = displayStatus(row, asOf);
  return {
    ...row,
    kind: row.kind as InvoiceKind,
    status: row.status as InvoiceStatus,
    displayStatus: shown,
    daysOverdue: shown === 'overdue' ? daysOverdue(row.dueDate!, asOf) : 0,
  };
}

export function summaryOf(ctx: ServiceContext, id: string): InvoiceSummary {
  return toSummary(invoicesRepo(ctx).summaries([id])[0]!, today(ctx.now()));
}

export function toPayment(row: PaymentRow): Payment {
  return { ...row, method: row.method as Payment['method'] };
}

export function toCreditNoteSummary(row: CreditNoteRow, invoiceNumber: string): CreditNoteSummary {
  return {
    id: row.id,
    number: row.number,
    invoiceId: row.invoiceId,
    invoiceNumber,
    clientId: row.clientId,
    clientName: row.clientName,
    engagementId: row.engagementId,
    currency: row.currency,
    issueDate: row.issueDate,
    reason: row.reason,
    source: row.source as CreditNoteSummary['source'],
    sourceRef: row.sourceRef,
    subtotalMinor: row.subtotalMinor,
    taxMinor: row.taxMinor,
    totalMinor: row.totalMinor,
    createdAt: row.createdAt,
  };
}

export function sellerNow(ctx: ServiceContext, p = loadProfile(ctx)): SellerSnapshot {
  return {
    name: p.businessName || p.name,
    legalName: p.businessName ? p.name : '',
    address: p.address,
    taxId: p.taxId,
    email: p.email,
    phone: p.phone,
    bankDetails: p.bankDetails,
    logo: p.logo,
  };
}

export function buyerOf(client: ClientRow): PartySnapshot {
  return {
    name: client.displayName,
    legalName: client.legalName,
    address: client.address,
    taxId: client.taxId,
    email: client.email,
    phone: client.phone,
  };
}

export function toInvoice(ctx: ServiceContext, row: InvoiceRow): Invoice {
  const repo = invoicesRepo(ctx);
  const asOf = today(ctx.now());
  const summary = toSummary(repo.summaries([row.id])[0]!, asOf);
  const lines = repo.lines(row.id);
  const profile = loadProfile(ctx);
  const overdueDays = summary.daysOverdue;
  const issued = row.status !== 'draft' && row.status !== 'void';
  return {
    ...summary,
    taxMode: row.taxMode as Invoice['taxMode'],
    supplyDate: row.supplyDate,
    paymentTermsDays: row.paymentTermsDays,
    lines: lines.map(toLine),
    taxSummary: taxSummaryOf(lines),
    seller: row.sellerSnapshot
      ? (JSON.parse(row.sellerSnapshot) as SellerSnapshot)
      : sellerNow(ctx, profile),
    // A draft shows the live client; an issued invoice its snapshot.
    buyer: row.buyerSnapshot
      ? (JSON.parse(row.buyerSnapshot) as PartySnapshot)
      : buyerOf(createClientsRepository(ctx.db).get(row.clientId)!),
    notes: row.notes,
    paymentInstructions: row.paymentInstructions,
    unacceptedReason: row.unacceptedReason,
    voidReason: row.voidReason,
    previouslyInvoicedMinor:
      row.previouslyInvoicedMinor ??
      (row.engagementId ? repo.previouslyInvoiced(row.engagementId, row.id, null) : 0),
    lateInterestMinor:
      overdueDays > 0
        ? lateInterest(row.balanceMinor, profile.lateInterestAnnualRate, overdueDays, 'half-up')
        : 0,
    payments: repo.payments(row.id).map(toPayment),
    creditNotes: repo.creditNotesOf(row.id).map((c) => toCreditNoteSummary(c, row.number ?? '')),
    creditableMinor: issued ? row.totalMinor - row.creditedMinor : 0,
    issuedAt: row.issuedAt,
  };
}
