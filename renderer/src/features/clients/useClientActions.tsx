import type { Client } from '@core/api';
import { Paper, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../i18n/apiErrors';
import { dismiss, notifyError, notifySuccess, notifyWithUndo } from '../../lib/notify';
import { useArchiveClient, useDeleteClient, useRestoreClient } from './mutations';
import { useUndoToasts } from '../audit/undo';

/** Open "archived — Undo" toasts by client: restoring by any route makes them stale. */
const undoToasts = new Map<string, string>();

function closeUndoToast(clientId: string): void {
  const id = undoToasts.get(clientId);
  if (id) dismiss(id);
  undoToasts.delete(clientId);
}

/** The row actions, with their toasts and the delete confirmation, in one place. */
export function useClientActions() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const archive = useArchiveClient();
  const restore = useRestoreClient();
  const remove = useDeleteClient();
  const undo = useUndoToasts();

  const onError = (error: unknown) => notifyError(describeError(error, t));

  const restoreClient = (client: Pick<Client, 'id' | 'displayName'>) =>
    restore.mutate(client.id, {
      onSuccess: () => {
        closeUndoToast(client.id);
        notifySuccess(t('clients.toast.restored', { name: client.displayName }));
      },
      onError,
    });

  return {
    open: (client: Pick<Client, 'id'>) => navigate(`/clients/${client.id}`),

    archive: (client: Pick<Client, 'id' | 'displayName'>) =>
      archive.mutate(client.id, {
        onSuccess: () => {
          closeUndoToast(client.id);
          undoToasts.set(
            client.id,
            notifyWithUndo(t('clients.toast.archived', { name: client.displayName }), () =>
              restoreClient(client),
            ),
          );
        },
        onError,
      }),

    restore: restoreClient,

    confirmDelete: (client: Pick<Client, 'id' | 'displayName'>) =>
      modals.openConfirmModal({
        title: t('clients.delete.title'),
        children: (
          <Stack gap="sm">
            <Text size="sm">{t('clients.delete.question')}</Text>
            <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-default-hover)">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {client.displayName}
              </Text>
            </Paper>
            <Text size="sm" c="dimmed">
              {t('clients.delete.irreversible')}
            </Text>
          </Stack>
        ),
        labels: { confirm: t('clients.delete.confirm'), cancel: t('common.cancel') },
        confirmProps: { color: 'red' },
        closeButtonProps: { 'aria-label': t('common.close') },
        onConfirm: () =>
          remove.mutate(client.id, {
            onSuccess: () => {
              closeUndoToast(client.id);
              undo.deleted(
                t('clients.toast.deleted', { name: client.displayName }),
                'client',
                client.id,
              );
            },
            onError,
          }),
      }),
  };
}
