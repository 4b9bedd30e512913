import { Button, Group, Paper, Text } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../billing/format';
import { billingQueries } from '../billing/queries';
import { clientQueries } from '../clients/queries';
import type { DrillParams } from './drill';

/**
 * A line over a list that says which dashboard filters it shows (client, engagement, issue
 * dates, currency), with a button that shows the whole list again.
 */
export function DrillBanner({ drill, onClear }: { drill: DrillParams; onClear: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQuery({
    ...clientQueries.detail(drill.clientId ?? ''),
    enabled: !!drill.clientId,
  });
  const engagement = useQuery({
    ...billingQueries.engagement(drill.engagementId ?? ''),
    enabled: !!drill.engagementId,
  });
  const parts: string[] = [];
  if (drill.clientId) parts.push(client.data?.displayName ?? '…');
  if (drill.engagementId) parts.push(engagement.data?.title ?? '…');
  if (drill.issuedFrom || drill.issuedTo) {
    parts.push(
      t('dashboard.drill.issued', {
        from: drill.issuedFrom ? formatCalendarDate(drill.issuedFrom, i18n.language) : '…',
        to: drill.issuedTo ? formatCalendarDate(drill.issuedTo, i18n.language) : '…',
      }),
    );
  }
  if (drill.currency) parts.push(t('dashboard.drill.currency', { currency: drill.currency }));
  if (parts.length === 0) return null;
  return (
    <Paper withBorder radius="md" px="md" py={6} data-testid="drill-banner">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="xs" wrap="nowrap" miw={0}>
          <IconFilter size={16} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm" truncate>
            {t('dashboard.drill.from', { filters: parts.join(' · ') })}
          </Text>
        </Group>
        <Button size="compact-sm" variant="subtle" onClick={onClear}>
          {t('dashboard.drill.clear')}
        </Button>
      </Group>
    </Paper>
  );
}
