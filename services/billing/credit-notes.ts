import type { CreditNote, MethodName, PartySnapshot, SellerSnapshot } from '../../core/api';
import { allocate } from '../../core/billing';
import type { schema } from '../../db';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import type { HandlerMap } from '../handler-types';
import { conflict, invalid, today, withBilling } from './errors';
import { computeDocument, taxSummaryOf, toLine, type ParsedLine } from './invoice-compute';
import {
  buyerOf,
  invoicesRepo,
  requireInvoice,
  sellerNow,
  toCreditNoteSummary,
} from './invoice-view';
import { takeNumber } from './numbering';
import { loadProfile } from './profile';
import { settle } from './settlement';
import { requireClient } from './engagements';
import { added, changesOf, recordAudit } from '../audit/record';

type CreditNoteRow = typeof schema.creditNotes.$inferSelect;
type InvoiceRow = typeof schema.invoices.$inferSelect;

function toCreditNote(ctx: ServiceContext, row: CreditNoteRow): CreditNote {
  const repo = invoicesRepo(ctx);
  const invoice = repo.get(row.invoiceId)!;
  return {
    ...toCreditNoteSummary(row, invoice.number ?? ''),
    taxMode: row.taxMode as CreditNote['taxMode'],
    lines: repo.creditNoteLines(row.id).map(toLine),
    seller: JSON.parse(row.sellerSnapshot) as SellerSnapshot,
    buyer: JSON.parse(row.buyerSnapshot) as PartySnapshot,
  };
}

/**
 * A gross amount credited over the invoice's tax rates in proportion to their gross, as
 * tax-inclusive lines: the credit note's total is then exactly the amount asked for.
 */
function amountLines(
  ctx: ServiceContext,
  invoice: InvoiceRow,
  amountMinor: number,
  description: string,
): ParsedLine[] {
  const rates = taxSummaryOf(invoicesRepo(ctx).lines(invoice.id)).filter((r) => r.grossMinor > 0);
  if (rates.length === 0) {
    throw invalid('NOTHING_TO_CREDIT', `Invoice ${invoice.number} has nothing to credit.`);
  }
  const parts = withBilling(() =>
    allocate(
      amountMinor,
      rates.map((r) => r.grossMinor),
    ),
  );
  return rates
    .map((rate, i) => ({
      description,
      quantity: '1',
      unit: '',
      unitPriceMinor: parts[i]!,
      discount: null,
      taxRatePercent: rate.taxRatePercent,
    }))
    .filter((line) => line.unitPriceMinor > 0);
}

export const creditNoteHandlers: HandlerMap<Extract<MethodName, `creditNotes.${string}`>> = {
  'creditNotes.create': (input, ctx) => {
    const invoice = requireInvoice(ctx, input.invoiceId);
    if (invoice.status === 'draft') {
      throw conflict('INVOICE_NOT_ISSUED', 'A draft can still be edited; it needs no credit note.');
    }
    if (invoice.status === 'void') {
      throw conflict('INVOICE_VOID', `Invoice ${invoice.number} is void.`, {
        number: invoice.number ?? '',
      });
    }
    const byAmount = 'amountMinor' in input.credit;
    const computed =
      'amountMinor' in input.credit
        ? computeDocument(
            amountLines(
              ctx,
              invoice,
              input.credit.amountMinor,
              input.credit.description ?? `Credit for invoice ${invoice.number}: ${input.reason}`,
            ),
            { currency: invoice.currency, taxMode: 'inclusive', depositMinor: 0 },
          )
        : computeDocument(input.credit.lines, {
            currency: invoice.currency,
            taxMode: invoice.taxMode as 'exclusive' | 'inclusive',
            depositMinor: 0,
          });
    const total = computed.totals.totalMinor;
    const creditable = invoice.totalMinor - invoice.creditedMinor;
    if (total <= 0) {
      throw invalid('CREDIT_NOT_POSITIVE', 'A credit note must credit more than zero.');
    }
    if (total > creditable) {
      throw invalid(
        'CREDIT_EXCEEDS_CREDITABLE',
        `The credit of ${total} is more than the ${creditable} (minor units) of invoice ${invoice.number} not yet credited.`,
        { totalMinor: total, creditableMinor: creditable },
      );
    }
    const issueDate = input.issueDate ?? today(ctx.now());
    if (invoice.issueDate && issueDate < invoice.issueDate) {
      throw invalid('CREDIT_BEFORE_INVOICE', 'A credit note cannot be dated before its invoice.');
    }
    const profile = loadProfile(ctx);
    const number = takeNumber(ctx, 'credit_note', profile.creditNoteNumberPattern, issueDate);
    const client = requireClient(ctx, invoice.clientId);
    const buyer = invoice.buyerSnapshot ?? JSON.stringify(buyerOf(client));
    const row = invoicesRepo(ctx).insertCreditNote(
      {
        id: ctx.newId(),
        number,
        invoiceId: invoice.id,
        clientId: invoice.clientId,
        engagementId: invoice.engagementId,
        currency: invoice.currency,
        taxMode: byAmount ? 'inclusive' : invoice.taxMode,
        issueDate,
        reason: input.reason,
        source: input.source,
        sourceRef: input.sourceRef ?? null,
        clientName: invoice.clientName,
        sellerSnapshot: JSON.stringify(sellerNow(ctx, profile)),
        buyerSnapshot: buyer,
        subtotalMinor: computed.totals.subtotalMinor,
        taxMinor: computed.totals.taxTotalMinor,
        totalMinor: total,
        searchText: `${number}\n${invoice.number}\n${invoice.clientName}`.toLocaleLowerCase(),
        createdAt: ctx.now().toISOString(),
      },
      computed.lines,
    );
    const settled = settle(ctx, invoice);
    // On the credit note's history and, as its part, on the invoice's.
    recordAudit(ctx, {
      entity: 'credit_note',
      entityId: row.id,
      parentId: invoice.id,
      action: 'credit_note.issued',
      label: number,
      currency: invoice.currency,
      changes: [
        ...added({ invoiceNumber: invoice.number, totalMinor: total, reason: input.reason }),
        ...changesOf(invoice, settled, ['creditedMinor', 'balanceMinor', 'status']),
      ],
    });
    return toCreditNote(ctx, row);
  },

  'creditNotes.get': (input, ctx) => {
    const row = invoicesRepo(ctx).creditNote(input.id);
    if (!row) throw notFound('CreditNote', input.id);
    return toCreditNote(ctx, row);
  },

  'creditNotes.list': (input, ctx) => {
    const repo = invoicesRepo(ctx);
    const { ids, total } = repo.listCreditNotes(input);
    const items = repo
      .creditNotesWithInvoiceNumber(ids)
      .map(({ note, invoiceNumber }) => toCreditNoteSummary(note, invoiceNumber));
    return { items, total, offset: input.offset };
  },
};
