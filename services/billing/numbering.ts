import { formatDocumentNumber, numberingPeriodKey } from '../../core/billing';
import type { ServiceContext } from '../context';
import { conflict, withBilling } from './errors';
import { invoicesRepo } from './invoice-view';

export type Series = 'invoice' | 'credit_note';

const TABLE: Record<Series, string> = { invoice: 'invoices', credit_note: 'credit_notes' };

/**
 * The next number of a gap-free series (one counter per series and year when the pattern
 * prints the year, one forever otherwise). Called inside the write transaction of the
 * document it numbers, which the dispatcher opens with BEGIN IMMEDIATE: a second process
 * waits for the lock instead of reading the same counter, and a failure after this call
 * rolls the counter back with everything else, so no number is lost or shared.
 */
export function takeNumber(
  ctx: ServiceContext,
  series: Series,
  pattern: string,
  date: string,
): string {
  const period = withBilling(() => numberingPeriodKey(pattern, date));
  const seq = invoicesRepo(ctx).nextInSeries(series, period);
  const number = withBilling(() => formatDocumentNumber(pattern, { date, seq }));
  const taken = ctx.sqlite.prepare(`SELECT 1 FROM ${TABLE[series]} WHERE number = ?`).get(number);
  if (taken) {
    // Only after the pattern was changed to one that can repeat an older number.
    throw conflict(
      'NUMBER_TAKEN',
      `The number ${number} is already used; change the numbering pattern in Settings.`,
      { number },
    );
  }
  return number;
}
