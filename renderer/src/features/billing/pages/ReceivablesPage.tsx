import { formatCalendarDate } from '../format';
import type { ReceivablesSummary } from '@core/api';
import {
  Anchor,
  EmptyState,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCoins } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { describeError } from '../../../i18n/apiErrors';
import { useFormatters } from '../../../i18n/format';
import { minorDigits } from '../../../lib/money';
import { useChartTheme } from '../../../ui/chartTheme';
import { Frame, LoadError } from '../components/common';
import { billingQueries } from '../queries';
import classes from './Page.module.css';

const BUCKETS = [
  'currentMinor',
  'days1to30Minor',
  'days31to60Minor',
  'days61to90Minor',
  'days90plusMinor',
] as const;

export function ReceivablesPage() {
  const { t } = useTranslation();
  const query = useQuery(billingQueries.receivables());
  const data = query.data;
  let content: React.ReactNode;
  if (query.isError && !data)
    content = (
      <LoadError message={describeError(query.error, t)} onRetry={() => void query.refetch()} />
    );
  else if (!data)
    content = (
      <Stack aria-busy aria-label={t('common.loading')}>
        <Skeleton height={140} radius="md" />
        <Skeleton height={240} radius="md" />
      </Stack>
    );
  else if (data.byCurrency.length === 0 && data.expected.length === 0)
    content = (
      <Frame>
        <EmptyState
          withIndicatorBackground
          icon={<IconCoins size={28} />}
          title={t('receivables.empty.title')}
          description={t('receivables.empty.description')}
          maw={460}
        />
      </Frame>
    );
  else content = <Receivables data={data} />;
  return <div className={classes.scrollPage}>{content}</div>;
}

function Receivables({ data }: { data: ReceivablesSummary }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const locale = i18n.language;
  const currencies = [...new Set(data.expected.map((e) => e.currency))].sort();
  return (
    <>
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="aging-title">
        <Title order={2} size="h4" id="aging-title" mb="md">
          {t('receivables.aging')}
        </Title>
        {data.byCurrency.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('receivables.nothingOpen')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table aria-label={t('receivables.aging')} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('receivables.currency')}</Table.Th>
                  {BUCKETS.map((b) => (
                    <Table.Th key={b} ta="right">
                      {t(`receivables.buckets.${b}`)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('receivables.outstanding')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.byCurrency.map((row) => (
                  <Table.Tr key={row.currency}>
                    <Table.Td fw={600}>
                      {row.currency}
                      <Text size="xs" c="dimmed">
                        {t('receivables.openInvoices', { count: row.openInvoices })}
                      </Text>
                    </Table.Td>
                    {BUCKETS.map((b) => (
                      <Table.Td
                        key={b}
                        ta="right"
                        className="tabular"
                        c={b !== 'currentMinor' && row[b] > 0 ? 'red' : undefined}
                      >
                        {fmt.money(row[b], row.currency)}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" className="tabular" fw={700}>
                      {fmt.money(row.outstandingMinor, row.currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="reminders-title">
        <Group justify="space-between" mb="md">
          <Title order={2} size="h4" id="reminders-title">
            {t('receivables.reminders')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('receivables.interestRate', {
              rate: new Intl.NumberFormat(locale, {
                style: 'percent',
                maximumFractionDigits: 2,
              }).format(Number(data.lateInterestAnnualRate)),
            })}
          </Text>
        </Group>
        {data.reminders.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('receivables.noneOverdue')}
          </Text>
        ) : (
          <Table aria-label={t('receivables.reminders')} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoices.columns.number')}</Table.Th>
                <Table.Th>{t('invoices.columns.client')}</Table.Th>
                <Table.Th>{t('invoices.columns.dueDate')}</Table.Th>
                <Table.Th ta="right">{t('receivables.daysOverdue')}</Table.Th>
                <Table.Th ta="right">{t('invoices.columns.balance')}</Table.Th>
                <Table.Th ta="right">{t('invoices.lateInterest')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.reminders.map((r) => (
                <Table.Tr key={r.invoiceId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/invoices/${r.invoiceId}`} size="sm">
                      {r.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.clientName}</Table.Td>
                  <Table.Td>{formatCalendarDate(r.dueDate, locale)}</Table.Td>
                  <Table.Td ta="right" className="tabular" c="red">
                    {fmt.number(r.daysOverdue)}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {fmt.money(r.balanceMinor, r.currency)}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {fmt.money(r.lateInterestMinor, r.currency)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      <Stack gap="md" component="section" aria-labelledby="expected-title">
        <Title order={2} size="h4" id="expected-title">
          {t('receivables.expected')}
        </Title>
        {currencies.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('receivables.nothingExpected')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, lg: currencies.length > 1 ? 2 : 1 }}>
            {currencies.map((c) => (
              <ExpectedChart key={c} currency={c} data={data} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}

function ExpectedChart({ currency, data }: { currency: string; data: ReceivablesSummary }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const theme = useChartTheme();
  const monthFmt = new Intl.DateTimeFormat(i18n.language, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const rows = data.expected
    .filter((e) => e.currency === currency)
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((e) => ({
      month: monthFmt.format(new Date(`${e.month.slice(0, 7)}-01T00:00:00Z`)),
      invoices: e.fromInvoicesMinor,
      milestones: e.fromMilestonesMinor,
    }));
  const compact = new Intl.NumberFormat(i18n.language, {
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      role="figure"
      aria-label={t('receivables.expectedIn', { currency })}
    >
      <Text fw={600} mb="sm">
        {t('receivables.expectedIn', { currency })}
      </Text>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={rows} margin={{ top: 4, right: 8, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.grid} vertical={false} />
          <XAxis dataKey="month" stroke={theme.axis} fontSize={12} />
          <YAxis
            stroke={theme.axis}
            fontSize={12}
            tickFormatter={(v: number) => compact.format(v / 10 ** minorDigits(currency))}
          />
          <Tooltip
            formatter={(value) => fmt.money(Number(value), currency)}
            contentStyle={{
              background: theme.tooltipBg,
              borderColor: theme.tooltipBorder,
              color: theme.text,
            }}
          />
          <Legend />
          <Bar
            dataKey="invoices"
            name={t('receivables.fromInvoices')}
            stackId="a"
            fill={theme.series[0]}
            isAnimationActive={false}
          />
          <Bar
            dataKey="milestones"
            name={t('receivables.fromMilestones')}
            stackId="a"
            fill={theme.series[1]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </Paper>
  );
}
