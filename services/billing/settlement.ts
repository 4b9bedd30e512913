import type { schema } from '../../db';
import type { ServiceContext } from '../context';
import { invoicesRepo } from './invoice-view';
import { syncMilestone } from './invoices';

type InvoiceRow = typeof schema.invoices.$inferSelect;

/**
 * Recomputes what an issued invoice has been paid and credited from its payments and credit
 * notes, then its balance and status: paid once nothing is left to pay (a credit note can
 * settle it too), partly paid after any payment, issued otherwise. The milestone follows.
 */
export function settle(ctx: ServiceContext, invoice: InvoiceRow): InvoiceRow {
  const repo = invoicesRepo(ctx);
  const paidMinor = repo.payments(invoice.id).reduce((n, p) => n + p.amountMinor, 0);
  const creditedMinor = repo.creditNotesOf(invoice.id).reduce((n, c) => n + c.totalMinor, 0);
  const balanceMinor = invoice.amountDueMinor - creditedMinor - paidMinor;
  const status = balanceMinor <= 0 ? 'paid' : paidMinor > 0 ? 'partly_paid' : 'issued';
  const updated = repo.update(invoice.id, {
    paidMinor,
    creditedMinor,
    balanceMinor,
    status,
    updatedAt: ctx.now().toISOString(),
  });
  syncMilestone(ctx, updated);
  return updated;
}
