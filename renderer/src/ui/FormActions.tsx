import { Button, Group, Kbd, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { modKey } from '../lib/platform';

/**
 * The foot of an editor form: the Ctrl/⌘ + Enter hint on the left, Cancel and the submit
 * button on the right. The form itself handles the hotkey and the submit.
 */
export function FormActions({
  submitLabel,
  saving,
  onCancel,
}: {
  submitLabel: ReactNode;
  saving: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Text size="xs" c="dimmed">
        <Kbd size="xs">{modKey()}</Kbd> + <Kbd size="xs">Enter</Kbd> {t('billing.toSave')}
      </Text>
      <Group gap="sm">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={saving}>
          {submitLabel}
        </Button>
      </Group>
    </Group>
  );
}
