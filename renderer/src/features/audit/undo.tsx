import { ApiError, type UndoKind } from '@core/api';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { describeError } from '../../i18n/apiErrors';
import { i18n } from '../../i18n';
import { notifyError, notifySuccess, notifyWithUndo } from '../../lib/notify';

/** An undo refusal (too late, already back, its parent gone) in words; others as usual. */
export function describeUndoError(error: unknown, currency?: string): string {
  const key = `audit.errors.${error instanceof ApiError ? (error.reason ?? '') : ''}`;
  if (i18n.exists(key)) return String(i18n.t(key as never));
  return describeError(error, i18n.t, currency);
}

interface UndoOptions {
  /** After the record is back (e.g. open it again). */
  onRestored?: () => void;
  /** For the money in a refusal (a payment the invoice no longer has room for). */
  currency?: string;
}

/**
 * The toasts of deletes and voids that can be undone in this session. Returns plain
 * functions that keep working after the calling component has gone (a delete often
 * navigates away): they use the query client, not a mutation observer. Undoing puts the
 * record back with the services' `undo.*` methods and refetches every query, since a
 * restore can touch any list (a client's engagements, an invoice's milestone…).
 */
export function useUndoToasts() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();

  const run = (undo: () => Promise<unknown>, options: UndoOptions) => {
    undo()
      .then(async () => {
        await queryClient.invalidateQueries();
        notifySuccess(t('audit.undo.restored'));
        options.onRestored?.();
      })
      .catch((error: unknown) => notifyError(describeUndoError(error, options.currency)));
  };

  return {
    /** "… deleted — Undo": Undo puts back exactly what the delete removed. */
    deleted: (message: ReactNode, kind: UndoKind, id: string, options: UndoOptions = {}) =>
      notifyWithUndo(message, () => run(() => call('undo.restore', { kind, id }), options)),
    /** "Invoice … voided — Undo": only within minutes of the void (see services/audit/undo.ts). */
    voided: (message: ReactNode, invoiceId: string, options: UndoOptions = {}) =>
      notifyWithUndo(message, () => run(() => call('undo.void', { id: invoiceId }), options)),
  };
}
