import type { SlaReport } from '@core/api';
import {
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconFileTypePdf, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../i18n/format';
import { Frame, LoadError } from '../../billing/components/common';
import { usePdfPreview } from '../../documents/usePdfPreview';
import classes from '../../billing/pages/Page.module.css';
import { MetBadge } from '../components/CompliancePanel';
import { describeSlaError, formatPeriod, formatValue, monthKey } from '../format';
import { slaQueries } from '../queries';

/** The period report: every clause across engagements for one month, with its credit. */
export function ServiceLevelsPage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(() => monthKey(new Date()));
  const query = useQuery(slaQueries.report(month));
  const data = query.data;

  let content: React.ReactNode;
  if (query.isError && !data)
    content = (
      <LoadError message={describeSlaError(query.error, t)} onRetry={() => void query.refetch()} />
    );
  else if (!data)
    content = (
      <Stack aria-busy aria-label={t('common.loading')}>
        <Skeleton height={80} radius="md" />
        <Skeleton height={240} radius="md" />
      </Stack>
    );
  else if (data.rows.length === 0)
    content = (
      <Frame>
        <EmptyState
          withIndicatorBackground
          icon={<IconShieldCheck size={28} />}
          title={t('sla.report.empty.title')}
          description={t('sla.report.empty.description')}
          maw={460}
        >
          <EmptyState.Actions>
            <Button component={Link} to="/engagements">
              {t('sla.report.empty.action')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Frame>
    );
  else content = <Report data={data} />;

  return (
    <div className={classes.scrollPage}>
      <Stack gap="lg">
        <Group align="flex-end" justify="space-between">
          <TextInput
            type="month"
            label={t('sla.report.month')}
            value={month}
            onChange={(e) => {
              if (/^\d{4}-\d{2}$/.test(e.currentTarget.value)) setMonth(e.currentTarget.value);
            }}
          />
          {query.isFetching && data && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('common.loading')}
            </Text>
          )}
        </Group>
        {content}
      </Stack>
    </div>
  );
}

/** One of the month's totals: a caption over a large figure. */
function Total({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: string;
  color?: string | undefined;
  testId?: string;
}) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} className="tabular" c={color} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

function Report({ data }: { data: SlaReport }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const missed = data.rows.filter((r) => r.met === false).length;
  const preview = usePdfPreview();
  // One report per engagement (its clauses, incidents and credits of the month).
  const engagements = new Map<string, string>();
  for (const r of data.rows) engagements.set(r.engagementId, r.engagementTitle);
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="sla-report-totals">
        <Title order={3} size="h4" id="sla-report-totals" mb="sm">
          {t('sla.report.totalsTitle', { month: formatPeriod(data.month, i18n.language) })}
        </Title>
        <Group gap="xl">
          <Total label={t('sla.report.clauses')} value={fmt.number(data.rows.length)} />
          <Total
            label={t('sla.report.missed')}
            value={fmt.number(missed)}
            color={missed > 0 ? 'red' : undefined}
          />
          {data.totals.map((total) => (
            <Total
              key={total.currency}
              label={t('sla.report.creditsIn', { currency: total.currency })}
              value={fmt.money(total.creditMinor, total.currency)}
              testId={`sla-report-total-${total.currency}`}
            />
          ))}
        </Group>
      </Paper>
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="sla-report-pdfs">
        <Title order={3} size="h5" id="sla-report-pdfs" mb={4}>
          {t('documents.slaReports.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('documents.slaReports.description', {
            month: formatPeriod(data.month, i18n.language),
          })}
        </Text>
        <Group gap="xs">
          {[...engagements].map(([engagementId, title]) => (
            <Button
              key={engagementId}
              variant="default"
              size="sm"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
              aria-label={t('documents.actions.slaReportOf', { engagement: title })}
              onClick={() =>
                preview.open(
                  { kind: 'sla-report', engagementId, month: data.month },
                  t('documents.titles.slaReport', {
                    name: title,
                    month: formatPeriod(data.month, i18n.language),
                  }),
                )
              }
            >
              {title}
            </Button>
          ))}
        </Group>
      </Paper>
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="sla-report-title">
        <Title order={3} size="h4" id="sla-report-title" mb="sm">
          {t('sla.report.tableTitle')}
        </Title>
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover aria-labelledby="sla-report-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sla.report.client')}</Table.Th>
                <Table.Th>{t('sla.report.engagement')}</Table.Th>
                <Table.Th>{t('sla.fields.label')}</Table.Th>
                <Table.Th>{t('sla.fields.metric')}</Table.Th>
                <Table.Th>{t('sla.fields.target')}</Table.Th>
                <Table.Th>{t('sla.compliance.measured')}</Table.Th>
                <Table.Th>{t('sla.report.status')}</Table.Th>
                <Table.Th ta="right">{t('sla.compliance.creditPercent')}</Table.Th>
                <Table.Th ta="right">{t('sla.compliance.credit')}</Table.Th>
                <Table.Th>{t('sla.report.creditNote')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => {
                const name = r.label || t(`sla.metric.${r.metric}`);
                return (
                  <Table.Tr key={r.clauseId} data-testid={`sla-report-row-${r.clauseId}`}>
                    <Table.Td>{r.clientName}</Table.Td>
                    <Table.Td>{r.engagementTitle}</Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        fz="sm"
                        to={`/engagements/${r.engagementId}?clause=${r.clauseId}&period=${data.month}`}
                        aria-label={t('sla.report.openClause', {
                          name,
                          engagement: r.engagementTitle,
                        })}
                      >
                        {name}
                      </Anchor>
                      {r.period !== data.month && (
                        <Text size="xs" c="dimmed">
                          {formatPeriod(r.period, i18n.language)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td className="words">{t(`sla.metric.${r.metric}`)}</Table.Td>
                    <Table.Td className="tabular nowrap">
                      {t(`sla.direction.${r.direction}`)} {formatValue(r.target, r.unit, t)}
                    </Table.Td>
                    <Table.Td className="tabular nowrap">
                      {formatValue(r.measured, r.unit, t)}
                    </Table.Td>
                    <Table.Td>
                      <MetBadge met={r.met} />
                    </Table.Td>
                    <Table.Td ta="right" className="tabular nowrap">
                      {formatValue(r.creditPercent, 'percent', t)}
                    </Table.Td>
                    <Table.Td ta="right" className="tabular nowrap">
                      {fmt.money(r.creditMinor, r.currency)}
                    </Table.Td>
                    <Table.Td className="nowrap">
                      <CreditNoteStatus status={r.creditNoteStatus} number={r.creditNoteNumber} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {preview.modal}
    </Stack>
  );
}

function CreditNoteStatus({
  status,
  number,
}: {
  status: SlaReport['rows'][number]['creditNoteStatus'];
  number: string | null;
}) {
  const { t } = useTranslation();
  if (status === 'none')
    return (
      <Text size="sm" c="dimmed">
        {t('sla.report.noteNone')}
      </Text>
    );
  if (status === 'proposed')
    return (
      <Badge color="yellow" variant="light" miw="max-content">
        {t('sla.report.noteProposed')}
      </Badge>
    );
  return (
    <Badge color="blue" variant="light" miw="max-content">
      {t('sla.report.noteIssued', { number })}
    </Badge>
  );
}
