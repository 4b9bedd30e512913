import type { DebtItem } from '@core/api/debt';
import { Paper, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../i18n/apiErrors';
import { notifyError, notifySuccess } from '../../lib/notify';
import type { DebtRowActions } from './components/DebtTable';
import { usePreferences } from '../../stores/preferences';
import { useDeleteDebt, useDuplicateDebt, useLoadDemo } from './mutations';
import { useUndoToasts } from '../audit/undo';

/** Open, duplicate and delete (after a confirmation), with their toasts. */
export function useDebtActions(): DebtRowActions {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const duplicate = useDuplicateDebt();
  const remove = useDeleteDebt();
  const undo = useUndoToasts();
  const onError = (error: unknown) => notifyError(describeError(error, t));

  return {
    open: (item: Pick<DebtItem, 'id'>) => void navigate(`/debt/${item.id}`),
    duplicate: (item: Pick<DebtItem, 'id'>) =>
      duplicate.mutate(item.id, {
        onSuccess: (copy) => notifySuccess(t('debt.toast.duplicated', { title: copy.title })),
        onError,
      }),
    confirmDelete: (item: Pick<DebtItem, 'id' | 'title'>) =>
      modals.openConfirmModal({
        title: t('debt.delete.title'),
        children: (
          <Stack gap="sm">
            <Text size="sm">{t('debt.delete.question')}</Text>
            <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-default-hover)">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {item.title}
              </Text>
            </Paper>
            <Text size="sm" c="dimmed">
              {t('debt.delete.irreversible')}
            </Text>
          </Stack>
        ),
        labels: { confirm: t('debt.delete.confirm'), cancel: t('common.cancel') },
        confirmProps: { color: 'red' },
        closeButtonProps: { 'aria-label': t('common.close') },
        onConfirm: () =>
          remove.mutate(item.id, {
            onSuccess: () =>
              undo.deleted(t('debt.toast.deleted', { title: item.title }), 'debt_item', item.id),
            onError,
          }),
      }),
  };
}

/**
 * "Load demo data" (the empty register and dashboard, Settings): the sample clients and
 * debt items in the UI language, then a toast saying what was added or why not.
 */
export function useLoadDemoAction() {
  const { t } = useTranslation();
  const language = usePreferences((s) => s.language);
  const demo = useLoadDemo();
  return {
    loading: demo.isPending,
    load: () =>
      demo.mutate(language, {
        onSuccess: (result) =>
          notifySuccess(
            t('demo.loaded', { clients: result.clientIds.length, items: result.debtItems }),
          ),
        onError: (error) => notifyError(describeError(error, t)),
      }),
  };
}

/** Saves text as a file through the browser's download (a Blob behind an `<a download>`). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
