import type { MethodName } from '../../core/api';
import type { schema } from '../../db';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import type { HandlerMap } from '../handler-types';
import { conflict, invalid } from './errors';
import { invoicesRepo, requireInvoice, summaryOf, toPayment } from './invoice-view';
import { settle } from './settlement';
import { added, changesOf, removed } from '../audit/record';
import { auditInvoice } from './invoices';
import { stashForUndo } from '../audit/undo';

type InvoiceRow = typeof schema.invoices.$inferSelect;
type PaymentRow = typeof schema.payments.$inferSelect;

/** A payment that came or went, and what it did to its invoice, in the invoice's history. */
export function auditPayment(
  ctx: ServiceContext,
  action: 'payment.recorded' | 'payment.deleted' | 'payment.restored',
  payment: PaymentRow,
  before: InvoiceRow,
  after: InvoiceRow,
): void {
  const fields = {
    amountMinor: payment.amountMinor,
    date: payment.date,
    method: payment.method,
    reference: payment.reference,
  };
  auditInvoice(ctx, before, action, [
    ...(action === 'payment.deleted' ? removed(fields) : added(fields)),
    ...changesOf(before, after, ['paidMinor', 'balanceMinor', 'status']),
  ]);
}

function requirePayable(ctx: ServiceContext, invoiceId: string) {
  const invoice = requireInvoice(ctx, invoiceId);
  if (invoice.status === 'draft') {
    throw conflict('INVOICE_NOT_ISSUED', 'A draft cannot be paid; issue it first.');
  }
  if (invoice.status === 'void') {
    throw conflict('INVOICE_VOID', `Invoice ${invoice.number} is void and cannot be paid.`, {
      number: invoice.number ?? '',
    });
  }
  return invoice;
}

export const paymentHandlers: HandlerMap<Extract<MethodName, `payments.${string}`>> = {
  'payments.record': (input, ctx) => {
    const invoice = requirePayable(ctx, input.invoiceId);
    if (input.amountMinor > invoice.balanceMinor) {
      throw invalid(
        'PAYMENT_EXCEEDS_BALANCE',
        `The payment is more than the ${invoice.balanceMinor} (minor units) still due on invoice ${invoice.number}.`,
        { balanceMinor: invoice.balanceMinor, amountMinor: input.amountMinor },
      );
    }
    const payment = invoicesRepo(ctx).insertPayment({
      id: ctx.newId(),
      invoiceId: invoice.id,
      date: input.date,
      amountMinor: input.amountMinor,
      currency: invoice.currency,
      method: input.method,
      reference: input.reference,
      note: input.note,
      createdAt: ctx.now().toISOString(),
    });
    auditPayment(ctx, 'payment.recorded', payment, invoice, settle(ctx, invoice));
    return { payment: toPayment(payment), invoice: summaryOf(ctx, invoice.id) };
  },

  /** Returns the deleted payment in full: recording it again is the undo. */
  'payments.delete': (input, ctx) => {
    const repo = invoicesRepo(ctx);
    const payment = repo.payment(input.id);
    if (!payment) throw notFound('Payment', input.id);
    stashForUndo(ctx, 'payment', payment.id);
    repo.removePayment(payment.id);
    const before = requireInvoice(ctx, payment.invoiceId);
    auditPayment(ctx, 'payment.deleted', payment, before, settle(ctx, before));
    return { payment: toPayment(payment), invoice: summaryOf(ctx, payment.invoiceId) };
  },
};
