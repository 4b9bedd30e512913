import { downtimeTable } from '@core/sla/downtime-table';
import { Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeSlaError, formatDuration } from '../format';

const SHOWN = new Set(['day', 'week', 'month', 'quarter', 'year']);

/** Allowed downtime per day…year for a target, computed exactly by core/sla. */
export function DowntimeTable({
  target,
  title,
  hideTitle = false,
}: {
  target: string;
  title?: string;
  hideTitle?: boolean;
}) {
  const { t } = useTranslation();
  const result = useMemo(() => {
    try {
      return { rows: downtimeTable(target.trim()).filter((r) => SHOWN.has(r.period)) };
    } catch (error) {
      return { error };
    }
  }, [target]);
  const heading = title ?? t('sla.downtime.title', { target: target.trim() || '—' });
  return (
    <Stack gap="xs" component="section" aria-label={heading}>
      {!hideTitle && <Title order={5}>{heading}</Title>}
      {'error' in result ? (
        <Text size="sm" c="red" role="status">
          {describeSlaError(result.error, t)}
        </Text>
      ) : (
        <Table withTableBorder striped aria-label={t('sla.downtime.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sla.downtime.period')}</Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                {t('sla.downtime.allowed')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.rows!.map((row) => (
              <Table.Tr key={row.period}>
                <Table.Td>{t(`sla.downtime.per.${row.period}`)}</Table.Td>
                <Table.Td ta="right" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                  {formatDuration(row.allowedMinutes, t)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">
        {t('sla.downtime.note')}
      </Text>
    </Stack>
  );
}
