import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { i18n } from '../i18n';

let sequence = 0;

function closeButtonProps() {
  return { 'aria-label': i18n.t('common.dismiss') };
}

export function notifySuccess(message: ReactNode): void {
  notifications.show({
    color: 'teal',
    icon: <IconCheck size={18} aria-hidden />,
    message,
    autoClose: 4000,
    closeButtonProps: closeButtonProps(),
  });
}

export function notifyError(message: ReactNode, title: ReactNode = i18n.t('errors.title')): void {
  notifications.show({
    color: 'red',
    icon: <IconAlertTriangle size={18} aria-hidden />,
    title,
    message,
    autoClose: 8000,
    closeButtonProps: closeButtonProps(),
  });
}

/**
 * A success toast with an Undo button; the toast closes itself when Undo is pressed.
 * Returns its id, so the caller can close it once undoing no longer makes sense.
 */
export function notifyWithUndo(message: ReactNode, onUndo: () => void): string {
  const id = `undo-${++sequence}`;
  notifications.show({
    id,
    color: 'teal',
    icon: <IconCheck size={18} aria-hidden />,
    autoClose: 8000,
    closeButtonProps: closeButtonProps(),
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(id);
            onUndo();
          }}
        >
          {i18n.t('common.undo')}
        </Button>
      </Group>
    ),
  });
  return id;
}

export function dismiss(id: string): void {
  notifications.hide(id);
}
