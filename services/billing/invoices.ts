import type { AuditAction, AuditChange, Invoice } from '../../core/api';
import { dueDate } from '../../core/billing';
import { createClientsRepository, type schema } from '../../db';
import type { ServiceContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { engagementsRepo, requireClient, requireEngagement } from './engagements';
import { conflict, invalid, today, withBilling } from './errors';
import { computeDocument, toParsedLine, type Computed, type ParsedLine } from './invoice-compute';
import {
  buyerOf,
  invoicesRepo,
  isOpen,
  requireInvoice,
  sellerNow,
  toInvoice,
  toSummary,
} from './invoice-view';
import { requireMilestone, statusWithoutInvoice } from './milestones';
import { takeNumber } from './numbering';
import { loadProfile } from './profile';
import { changesOf, recordAudit } from '../audit/record';
import { stashForUndo, stashVoidForUndo } from '../audit/undo';

type InvoiceRow = typeof schema.invoices.$inferSelect;

function money(computed: Computed, paidMinor = 0, creditedMinor = 0) {
  const t = computed.totals;
  return {
    subtotalMinor: t.subtotalMinor,
    taxMinor: t.taxTotalMinor,
    totalMinor: t.totalMinor,
    depositMinor: t.depositMinor,
    amountDueMinor: t.amountDueMinor,
    paidMinor,
    creditedMinor,
    balanceMinor: t.amountDueMinor - creditedMinor - paidMinor,
  };
}

interface DraftSpec {
  kind: InvoiceRow['kind'];
  clientId: string;
  engagementId: string | null;
  milestoneId: string | null;
  currency: string;
  taxMode: 'exclusive' | 'inclusive';
  supplyDate: string | null;
  paymentTermsDays: number | undefined;
  depositMinor: number;
  notes: string;
  paymentInstructions: string | undefined;
  unacceptedReason: string | null;
  lines: ParsedLine[];
}

function createDraft(ctx: ServiceContext, spec: DraftSpec): Invoice {
  const client = requireClient(ctx, spec.clientId);
  const engagement = spec.engagementId ? requireEngagement(ctx, spec.engagementId) : null;
  const computed = computeDocument(spec.lines, {
    currency: spec.currency,
    taxMode: spec.taxMode,
    depositMinor: spec.depositMinor,
  });
  const now = ctx.now().toISOString();
  const row = invoicesRepo(ctx).insert({
    id: ctx.newId(),
    number: null,
    kind: spec.kind,
    status: 'draft',
    clientId: client.id,
    engagementId: spec.engagementId,
    milestoneId: spec.milestoneId,
    currency: spec.currency,
    taxMode: spec.taxMode,
    issueDate: null,
    supplyDate: spec.supplyDate,
    dueDate: null,
    paymentTermsDays:
      spec.paymentTermsDays ?? engagement?.paymentTermsDays ?? client.paymentTermsDays,
    clientName: client.displayName,
    sellerSnapshot: null,
    buyerSnapshot: null,
    notes: spec.notes,
    paymentInstructions: spec.paymentInstructions ?? loadProfile(ctx).paymentInstructions,
    unacceptedReason: spec.unacceptedReason,
    voidReason: null,
    ...money(computed),
    previouslyInvoicedMinor: null,
    issuedAt: null,
    createdAt: now,
    updatedAt: now,
  });
  invoicesRepo(ctx).replaceLines(row.id, computed.lines);
  return toInvoice(ctx, row);
}

export function requireDraft(ctx: ServiceContext, id: string): InvoiceRow {
  const row = requireInvoice(ctx, id);
  if (row.status !== 'draft') {
    throw conflict(
      'INVOICE_NOT_DRAFT',
      `Invoice ${row.number ?? ''} is ${row.status} and cannot be edited; correct it with a credit note.`,
      { status: row.status, number: row.number ?? '' },
    );
  }
  return row;
}

/** Sets the milestone billed by an invoice to match it (invoiced, paid, or back). */
export function syncMilestone(ctx: ServiceContext, invoice: InvoiceRow): void {
  if (!invoice.milestoneId) return;
  const repo = engagementsRepo(ctx);
  const milestone = repo.milestone(invoice.milestoneId);
  if (!milestone) return;
  const status =
    invoice.status === 'paid'
      ? 'paid'
      : isOpen(invoice.status)
        ? 'invoiced'
        : statusWithoutInvoice(milestone);
  if (status === milestone.status) return;
  repo.updateMilestone(milestone.id, { status, updatedAt: ctx.now().toISOString() });
  // The app moved it, following its invoice: a 'system' entry in the engagement's history.
  recordAudit(ctx, {
    actor: 'system',
    entity: 'milestone',
    entityId: milestone.id,
    parentId: milestone.engagementId,
    action: 'milestone.status_changed',
    label: milestone.name,
    changes: [{ field: 'status', from: milestone.status, to: status }],
  });
}

/** An entry in an invoice's history: known by its number, amounts in its currency. */
export function auditInvoice(
  ctx: ServiceContext,
  invoice: InvoiceRow,
  action: AuditAction,
  changes: AuditChange[],
): void {
  recordAudit(ctx, {
    entity: 'invoice',
    entityId: invoice.id,
    action,
    label: invoice.number ?? '',
    currency: invoice.currency,
    changes,
  });
}

/** A void, or its undoing (services/audit/undo.ts), in the invoice's history. */
export function auditVoid(
  ctx: ServiceContext,
  action: 'invoice.voided' | 'invoice.void_undone',
  before: InvoiceRow,
  after: InvoiceRow,
): void {
  auditInvoice(ctx, before, action, changesOf(before, after, ['status', 'voidReason']));
}

export const invoiceHandlers: HandlerMap<
  | 'invoices.get'
  | 'invoices.list'
  | 'invoices.createFromMilestone'
  | 'invoices.createFromLines'
  | 'invoices.updateDraft'
  | 'invoices.deleteDraft'
  | 'invoices.issue'
  | 'invoices.void'
> = {
  'invoices.get': (input, ctx) => toInvoice(ctx, requireInvoice(ctx, input.id)),

  'invoices.list': (input, ctx) => {
    const asOf = input.asOf ?? today(ctx.now());
    const { items, total } = invoicesRepo(ctx).list({ ...input, asOf });
    return { items: items.map((r) => toSummary(r, asOf)), total, offset: input.offset };
  },

  'invoices.createFromMilestone': (input, ctx) => {
    const milestone = requireMilestone(ctx, input.milestoneId);
    const engagement = requireEngagement(ctx, milestone.engagementId);
    if (engagementsRepo(ctx).milestoneInvoices(engagement.id).has(milestone.id)) {
      throw conflict(
        'MILESTONE_ALREADY_INVOICED',
        `"${milestone.name}" already has an invoice; void it first to invoice it again.`,
        { name: milestone.name },
      );
    }
    const accepted = milestone.status === 'accepted';
    if (!accepted && !input.reason) {
      throw invalid(
        'MILESTONE_NOT_ACCEPTED',
        `"${milestone.name}" is not accepted yet; give a reason to invoice it anyway.`,
        { name: milestone.name, status: milestone.status },
      );
    }
    return createDraft(ctx, {
      kind: 'milestone',
      clientId: engagement.clientId,
      engagementId: engagement.id,
      milestoneId: milestone.id,
      currency: engagement.currency,
      taxMode: input.taxMode,
      supplyDate: input.supplyDate ?? milestone.acceptedDate ?? null,
      paymentTermsDays: input.paymentTermsDays,
      depositMinor: input.depositMinor,
      notes: input.notes,
      paymentInstructions: input.paymentInstructions,
      unacceptedReason: accepted ? null : input.reason!,
      lines: [
        {
          description: milestone.deliverable
            ? `${milestone.name} — ${milestone.deliverable}`
            : milestone.name,
          quantity: '1',
          unit: '',
          unitPriceMinor: milestone.amountMinor,
          discount: null,
          taxRatePercent: engagement.taxRatePercent,
        },
      ],
    });
  },

  'invoices.createFromLines': (input, ctx) => {
    const client = requireClient(ctx, input.clientId);
    let currency = input.currency ?? client.defaultCurrency;
    if (input.engagementId) {
      const engagement = requireEngagement(ctx, input.engagementId);
      if (engagement.clientId !== client.id) {
        throw invalid('ENGAGEMENT_NOT_OF_CLIENT', 'The engagement belongs to another client.');
      }
      if (input.currency && input.currency !== engagement.currency) {
        throw invalid(
          'CURRENCY_MISMATCH',
          `The engagement is invoiced in ${engagement.currency}, not ${input.currency}.`,
          { currency: engagement.currency },
        );
      }
      currency = engagement.currency;
    }
    return createDraft(ctx, {
      kind: input.kind,
      clientId: client.id,
      engagementId: input.engagementId,
      milestoneId: null,
      currency,
      taxMode: input.taxMode,
      supplyDate: input.supplyDate,
      paymentTermsDays: input.paymentTermsDays,
      depositMinor: input.depositMinor,
      notes: input.notes,
      paymentInstructions: input.paymentInstructions,
      unacceptedReason: null,
      lines: input.lines,
    });
  },

  'invoices.updateDraft': (input, ctx) => {
    const row = requireDraft(ctx, input.id);
    const { lines, ...changes } = input.changes;
    const repo = invoicesRepo(ctx);
    const computed = computeDocument(lines ?? repo.lines(row.id).map(toParsedLine), {
      currency: row.currency,
      taxMode: changes.taxMode ?? (row.taxMode as 'exclusive' | 'inclusive'),
      depositMinor: changes.depositMinor ?? row.depositMinor,
    });
    const updated = repo.update(row.id, {
      ...changes,
      ...money(computed),
      updatedAt: ctx.now().toISOString(),
    });
    repo.replaceLines(row.id, computed.lines);
    return toInvoice(ctx, updated);
  },

  'invoices.deleteDraft': (input, ctx) => {
    const row = requireDraft(ctx, input.id);
    stashForUndo(ctx, 'invoice_draft', row.id);
    invoicesRepo(ctx).remove(row.id);
    return { id: row.id };
  },

  'invoices.issue': (input, ctx) => {
    const row = requireDraft(ctx, input.id);
    if (row.totalMinor <= 0) {
      throw invalid('INVOICE_EMPTY', 'An invoice needs a total above zero to be issued.');
    }
    const issueDate = input.issueDate ?? today(ctx.now());
    const due = withBilling(() => dueDate(issueDate, row.paymentTermsDays));
    const profile = loadProfile(ctx);
    // The number first: everything after it shares its transaction, so a failure gives it back.
    const number = takeNumber(ctx, 'invoice', profile.invoiceNumberPattern, issueDate);
    const client = createClientsRepository(ctx.db).get(row.clientId)!;
    const now = ctx.now().toISOString();
    const repo = invoicesRepo(ctx);
    const issued = repo.update(row.id, {
      number,
      status: 'issued',
      issueDate,
      dueDate: due,
      clientName: client.displayName,
      sellerSnapshot: JSON.stringify(sellerNow(ctx, profile)),
      buyerSnapshot: JSON.stringify(buyerOf(client)),
      previouslyInvoicedMinor: row.engagementId
        ? repo.previouslyInvoiced(row.engagementId, row.id, now)
        : 0,
      issuedAt: now,
      updatedAt: now,
    });
    auditInvoice(ctx, issued, 'invoice.issued', [
      ...changesOf(row, issued, ['status', 'number', 'issueDate', 'dueDate']),
      // Unchanged by issuing, but what the numbered document now says is owed.
      { field: 'amountDueMinor', from: null, to: issued.amountDueMinor },
    ]);
    syncMilestone(ctx, issued);
    return toInvoice(ctx, issued);
  },

  'invoices.void': (input, ctx) => {
    const row = requireInvoice(ctx, input.id);
    if (row.status === 'draft') {
      throw conflict('INVOICE_NOT_ISSUED', 'A draft has no number to keep; delete it instead.');
    }
    if (row.status === 'void') {
      throw conflict('INVOICE_VOID', `Invoice ${row.number} is already void.`, {
        number: row.number ?? '',
      });
    }
    const repo = invoicesRepo(ctx);
    const paymentCount = repo.payments(row.id).length;
    if (paymentCount > 0) {
      throw conflict(
        'INVOICE_HAS_PAYMENTS',
        `Invoice ${row.number} has ${paymentCount} payment(s); delete or refund them before voiding, or issue a credit note.`,
        { count: paymentCount, number: row.number ?? '' },
      );
    }
    const creditCount = repo.creditNotesOf(row.id).length;
    if (creditCount > 0) {
      throw conflict(
        'INVOICE_HAS_CREDIT_NOTES',
        `Invoice ${row.number} has ${creditCount} credit note(s); credit the rest instead of voiding.`,
        { count: creditCount, number: row.number ?? '' },
      );
    }
    stashVoidForUndo(ctx, row);
    const voided = repo.update(row.id, {
      status: 'void',
      voidReason: input.reason,
      updatedAt: ctx.now().toISOString(),
    });
    auditVoid(ctx, 'invoice.voided', row, voided);
    syncMilestone(ctx, voided);
    return toInvoice(ctx, voided);
  },
};
