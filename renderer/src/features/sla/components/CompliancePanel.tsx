import type { SlaClause } from '@core/api';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconReceiptRefund } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../i18n/format';
import { useZonedDateTime } from '../useZonedDateTime';
import { formatCalendarDate } from '../../billing/format';
import { describeSlaError, formatDuration, formatValue } from '../format';
import { useProposeCreditNote } from '../mutations';
import { slaQueries } from '../queries';
import { StatCard } from '../../../ui/StatCard';

export function MetBadge({ met }: { met: boolean | null }) {
  const { t } = useTranslation();
  if (met === null)
    return (
      <Badge color="gray" variant="light" miw="max-content">
        {t('sla.compliance.noData')}
      </Badge>
    );
  return (
    <Badge color={met ? 'teal' : 'red'} variant="filled" miw="max-content">
      {met ? t('sla.compliance.met') : t('sla.compliance.missed')}
    </Badge>
  );
}

/** Compliance of one clause for one month: the figures, what counted, the credit note. */
export function CompliancePanel({
  clause,
  period,
  onPeriod,
}: {
  clause: SlaClause;
  period: string;
  onPeriod: (period: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const query = useQuery(slaQueries.compliance(clause.id, period));
  const propose = useProposeCreditNote(clause);
  const when = useZonedDateTime(clause.timeZone);
  const c = query.data;
  const money = (minor: number) => fmt.money(minor, clause.currency);
  const [created, setCreated] = useState<{ number: string; invoiceId: string } | null>(null);

  return (
    <Stack gap="md">
      <Group align="flex-end">
        <TextInput
          type="month"
          label={t('sla.compliance.period')}
          value={period}
          onChange={(e) => {
            if (/^\d{4}-\d{2}$/.test(e.currentTarget.value)) {
              setCreated(null);
              propose.reset();
              onPeriod(e.currentTarget.value);
            }
          }}
        />
        {c && <MetBadge met={c.met} />}
      </Group>
      {query.isError ? (
        <Text c="red" size="sm">
          {describeSlaError(query.error, t)}
        </Text>
      ) : !c ? (
        <Skeleton height={120} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <StatCard
              compact
              label={t('sla.compliance.measured')}
              value={formatValue(c.measured, c.unit, t)}
              testId="sla-measured"
            />
            <StatCard
              compact
              label={t('sla.compliance.target')}
              value={formatValue(c.target, c.unit, t)}
            />
            <StatCard
              compact
              label={t('sla.compliance.creditPercent')}
              value={formatValue(c.creditPercent, 'percent', t)}
              testId="sla-credit-percent"
            />
            <StatCard
              compact
              label={t('sla.compliance.credit')}
              value={money(c.creditMinor)}
              testId="sla-credit-amount"
            />
          </SimpleGrid>
          {c.downtimeMinutes !== null && (
            <Text size="sm" c="dimmed">
              {t('sla.compliance.downtime', {
                downtime: formatDuration(c.downtimeMinutes, t),
                allowed: formatDuration(c.allowedDowntimeMinutes ?? 0, t),
              })}
            </Text>
          )}
          {c.capBoundBy !== 'none' && (
            <Text size="sm" c="orange">
              {t(`sla.compliance.capped.${c.capBoundBy}`, {
                uncapped: money(c.uncappedCreditMinor),
              })}
            </Text>
          )}
          <Stack gap={4}>
            <Title order={5}>{t('sla.compliance.incidents')}</Title>
            {c.incidents.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('sla.compliance.noIncidents')}
              </Text>
            ) : (
              <Table aria-label={t('sla.compliance.incidents')} withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('sla.incidents.start')}</Table.Th>
                    <Table.Th>{t('sla.incidents.cause')}</Table.Th>
                    <Table.Th ta="right">{t('sla.compliance.counted')}</Table.Th>
                    <Table.Th>{t('sla.incidents.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.incidents.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td className="tabular">{when(i.start)}</Table.Td>
                      <Table.Td>{i.cause || '—'}</Table.Td>
                      <Table.Td ta="right" className="tabular">
                        {formatDuration(i.countedMinutes, t)}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={i.counts ? 'orange' : 'gray'}>
                          {i.counts
                            ? i.exclusionNotAllowed
                              ? t('sla.compliance.exclusionNotAllowed')
                              : t('sla.incidents.counts')
                            : t(`sla.exclusionKind.${i.exclusionKind ?? 'maintenance'}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
          {c.creditNote && (
            <Paper
              withBorder
              radius="md"
              p="md"
              component="section"
              aria-label={t('sla.credit.title')}
            >
              <Stack gap="xs">
                <Title order={5}>{t('sla.credit.title')}</Title>
                <Text size="sm">
                  {c.creditNote.reason[i18n.language === 'zh-CN' ? 'zh-CN' : 'en']}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('sla.credit.summary', {
                    amount: money(c.creditNote.amountMinor),
                    invoice: c.creditNote.invoiceNumber ?? t('sla.credit.noInvoice'),
                    claimBy: formatCalendarDate(c.creditNote.claimBy, i18n.language),
                  })}
                </Text>
                {c.creditNote.existingCreditNoteId || created ? (
                  <Alert color="teal" role="status">
                    {t('sla.credit.issued', {
                      number: created?.number ?? c.creditNote.existingCreditNoteNumber ?? '',
                    })}{' '}
                    {(created?.invoiceId ?? c.creditNote.invoiceId) && (
                      <Anchor
                        component={Link}
                        to={`/invoices/${created?.invoiceId ?? c.creditNote.invoiceId}`}
                      >
                        {t('sla.credit.openInvoice')}
                      </Anchor>
                    )}
                  </Alert>
                ) : (
                  <Group>
                    <Button
                      leftSection={<IconReceiptRefund size={16} aria-hidden />}
                      loading={propose.isPending}
                      onClick={() =>
                        propose.mutate(
                          { clauseId: clause.id, period },
                          {
                            onSuccess: (r) =>
                              setCreated({ number: r.creditNoteNumber, invoiceId: r.invoiceId }),
                          },
                        )
                      }
                    >
                      {t('sla.credit.propose')}
                    </Button>
                  </Group>
                )}
                {propose.error && (
                  <Alert color="red" role="alert">
                    {describeSlaError(propose.error, t)}
                  </Alert>
                )}
              </Stack>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
