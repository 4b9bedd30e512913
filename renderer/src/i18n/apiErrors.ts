import { ApiError } from '@core/api';
import type { TFunction } from 'i18next';

/** A failed call as one translated sentence; the English `message` is never shown. */
export function describeError(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  const details = error.details ?? {};
  switch (error.reason) {
    case 'CLIENT_HAS_DEPENDENTS':
      return t('errors.clientHasDependents', {
        name: String(details.name ?? ''),
        count: Number(details.count ?? 0),
      });
    case 'CLIENT_NOT_FOUND':
      return t('errors.clientNotFound');
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
