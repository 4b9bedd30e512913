import { ApiError } from '@core/api';
import type { TFunction } from 'i18next';
import { formatMoney } from '../lib/money';
import { i18n } from './index';

/** Minor-unit details (`…Minor`) become money when the error names its currency. */
function formatDetails(details: Record<string, unknown>, locale: string): Record<string, unknown> {
  const currency = typeof details.currency === 'string' ? details.currency : null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    out[key] =
      currency && key.endsWith('Minor') && typeof value === 'number'
        ? formatMoney(value, currency, locale)
        : value;
  }
  return out;
}

/** A failed call as one translated sentence; the English `message` is never shown. */
export function describeError(error: unknown, t: TFunction, currency?: string): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  const details: Record<string, unknown> = {
    ...(currency ? { currency } : {}),
    ...(error.details ?? {}),
  };
  switch (error.reason) {
    case 'CLIENT_HAS_DEPENDENTS':
      return t('errors.clientHasDependents', {
        name: String(details.name ?? ''),
        count: Number(details.count ?? 0),
      });
    case 'CLIENT_NOT_FOUND':
      return t('errors.clientNotFound');
  }
  // Billing refusals (overpayment, a schedule of 99 %, editing an issued invoice…) have one
  // sentence each, with the amounts the services sent back.
  const billingKey = `billingErrors.${error.reason ?? ''}`;
  if (error.reason && i18n.exists(billingKey)) {
    return String(t(billingKey as never, formatDetails(details, i18n.language) as never));
  }
  // Backups: a damaged or newer backup, a failed check, a restore that could not finish.
  const backupKey = `backupErrors.${error.reason ?? ''}`;
  if (error.reason && i18n.exists(backupKey)) {
    return String(t(backupKey as never, details as never));
  }
  // Documents: rendering, saving and period exports.
  const documentSentence = describeReason(error.reason, t, details);
  if (documentSentence) return documentSentence;
  for (const issue of error.issues) {
    const sentence = describeReason(issue.code, t, details);
    if (sentence) return sentence;
  }
  switch (error.code) {
    case 'VALIDATION':
      return t('errors.validation');
    case 'NOT_FOUND':
      return t('errors.notFound');
    case 'CONFLICT':
      return t('errors.conflict');
    case 'UNAVAILABLE':
      return t('errors.unavailable');
    case 'FORBIDDEN':
    case 'UNKNOWN_METHOD':
      return t('errors.forbidden');
    default:
      return t('errors.internal');
  }
}

/**
 * A document reason (`documentErrors.<REASON>`) as one translated sentence, or null when
 * the catalog has none — e.g. the reason a period export failed with.
 */
export function describeReason(
  reason: string | undefined | null,
  t: TFunction,
  details: Record<string, unknown> = {},
): string | null {
  if (!reason) return null;
  const key = `documentErrors.${reason}`;
  return i18n.exists(key) ? String(t(key as never, details as never)) : null;
}
