import type { schema } from '../../db';
import type { ServiceContext } from '../context';
import { invoicesRepo } from './invoice-view';
import { syncMilestone } from './invoices';

type InvoiceRow = typeof schema.invoices.$inferSelect;

/** What an issued invoice's payments and credit notes make of it. */
export interface Settlement {
  paidMinor: number;
  creditedMinor: number;
  balanceMinor: number;
  status: 'paid' | 'partly_paid' | 'issued';
}

/**
 * An issued invoice's balance and status from what has been paid and credited on it: paid
 * once nothing is left to pay (a credit note can settle it too), partly paid after any
 * payment, issued otherwise.
 */
export function settlementOf(
  amountDueMinor: number,
  paidMinor: number,
  creditedMinor: number,
): Settlement {
  const balanceMinor = amountDueMinor - creditedMinor - paidMinor;
  const status = balanceMinor <= 0 ? 'paid' : paidMinor > 0 ? 'partly_paid' : 'issued';
  return { paidMinor, creditedMinor, balanceMinor, status };
}

/**
 * Recomputes what an issued invoice has been paid and credited from its payments and credit
 * notes, then its balance and status (`settlementOf`). The milestone follows.
 */
export function settle(ctx: ServiceContext, invoice: InvoiceRow): InvoiceRow {
  const repo = invoicesRepo(ctx);
  const paidMinor = repo.payments(invoice.id).reduce((n, p) => n + p.amountMinor, 0);
  const creditedMinor = repo.creditNotesOf(invoice.id).reduce((n, c) => n + c.totalMinor, 0);
  const updated = repo.update(invoice.id, {
    ...settlementOf(invoice.amountDueMinor, paidMinor, creditedMinor),
    updatedAt: ctx.now().toISOString(),
  });
  syncMilestone(ctx, updated);
  return updated;
}
