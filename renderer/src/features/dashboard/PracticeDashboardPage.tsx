import type { PracticeDashboard } from '@core/api';
import {
  Alert,
  Anchor,
  Button,
  EmptyState,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconChartBar, IconPlus, IconSparkles } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ListError, ListFrame } from '../../components/ListStates';
import { describeError } from '../../i18n/apiErrors';
import { useFormatters } from '../../i18n/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { usePreferences } from '../../stores/preferences';
import { StatLabel } from '../../ui/StatCard';
import { ClientPicker } from '../billing/components/ClientPicker';
import { formatCalendarDate, todayIso } from '../billing/format';
import { useLoadDemo } from '../debt/mutations';
import {
  CONTRACTED_STAGES,
  engagementsPath,
  invoicesPath,
  isReversed,
  toInput,
  usePracticeFilters,
  type PracticeFilters,
} from './filters';
import { addMonthsToKey } from '@core/sla/civil-date';
import { formatMonth } from './format';
import classes from './PracticeDashboardPage.module.css';
import { dashboardQueries } from './queries';

// The charts (recharts, most of this page's code) are their own chunk, requested as soon as
// this module loads: in parallel with the figures rather than before them, and the filters
// and money cards are drawn without waiting for it (docs/PERFORMANCE.md).
const charts = import('./PracticeCharts');
const PracticeCharts = lazy(() =>
  charts.then(({ AgingChart, CashInChart, PipelineChart, RevenueChart, SlaTable }) => ({
    /** Everything under the money cards: the four charts in `currency`, and the SLA table. */
    default: function PracticeCharts({
      data,
      currency,
      filters,
    }: {
      data: PracticeDashboard;
      currency: string | undefined;
      filters: PracticeFilters;
    }) {
      return (
        <>
          {currency && (
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <PipelineChart data={data} currency={currency} filters={filters} />
              <CashInChart data={data} currency={currency} filters={filters} />
              <AgingChart data={data} currency={currency} filters={filters} />
              <RevenueChart data={data} currency={currency} filters={filters} />
            </SimpleGrid>
          )}
          <SlaTable data={data} />
        </>
      );
    },
  })),
);

/** How far back and ahead the month pickers reach from the current month. */
const MONTHS_BACK = 59;
const MONTHS_AHEAD = 12;

/**
 * Home: the practice at a glance. Money per currency (never added across currencies),
 * pipeline, expected cash-in, aging, revenue and SLA compliance, under filters kept in the
 * URL; every figure leads to the list behind it.
 */
export function PracticeDashboardPage() {
  const { t } = useTranslation();
  const { filters, update, clear, active } = usePracticeFilters();
  // The query key is hashed: a new input object per render asks for nothing new.
  const input = toInput(filters);
  const reversed = isReversed(filters);
  const query = useQuery({
    ...dashboardQueries.practice(input),
    enabled: !reversed,
    // The route's loader asks on every visit (router.tsx), in parallel with this page's
    // chunk: asking again once drawn would only repeat it.
    refetchOnMount: false,
  });
  const data = query.data;

  let content: React.ReactNode;
  if (reversed)
    content = (
      <Alert color="red" variant="light" role="alert">
        {t('dashboard.filters.rangeReversed')}
      </Alert>
    );
  else if (query.isError && !data)
    content = (
      <ListError
        title={t('dashboard.loadError')}
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  else if (!data) content = <DashboardSkeleton />;
  else if (isEmpty(data)) content = active ? <FilteredEmpty onClear={clear} /> : <FirstRun />;
  else content = <Dashboard data={data} filters={filters} onChart={(c) => update({ chart: c })} />;

  return (
    <div className={classes.page} aria-busy={query.isFetching || undefined}>
      <FilterBar
        filters={filters}
        update={update}
        clear={clear}
        active={active}
        currencies={data?.currencies ?? []}
        asOf={data?.asOf ?? todayIso()}
      />
      {query.isError && data && (
        <Alert color="red" variant="light" role="alert">
          <Group justify="space-between">
            <Text size="sm">{describeError(query.error, t)}</Text>
            <Button size="compact-sm" variant="light" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          </Group>
        </Alert>
      )}
      {content}
    </div>
  );
}

function isEmpty(data: PracticeDashboard): boolean {
  return (
    data.currencies.length === 0 &&
    data.pipeline.length === 0 &&
    data.money.length === 0 &&
    data.sla.length === 0
  );
}

function FilterBar({
  filters,
  update,
  clear,
  active,
  currencies,
  asOf,
}: {
  filters: PracticeFilters;
  update: (changes: Partial<PracticeFilters>) => void;
  clear: () => void;
  active: boolean;
  currencies: string[];
  asOf: string;
}) {
  const { t, i18n } = useTranslation();
  const engagements = useQuery({
    ...dashboardQueries.clientEngagements(filters.clientId ?? ''),
    enabled: !!filters.clientId,
  });
  // Every currency seen so far stays pickable after one is chosen (the figures then only
  // name that one): state adjusted while rendering, as React recommends for derived lists.
  const [seen, setSeen] = useState<string[]>([]);
  const known = [
    ...new Set([...seen, ...currencies, ...(filters.currency ? [filters.currency] : [])]),
  ].sort();
  if (known.length !== seen.length) setSeen(known);
  const currencyOptions = known;

  const current = asOf.slice(0, 7);
  const monthOptions = useMemo(
    () =>
      Array.from({ length: MONTHS_BACK + MONTHS_AHEAD + 1 }, (_, i) => {
        const month = addMonthsToKey(current, MONTHS_AHEAD - i);
        return { value: month, label: formatMonth(month, i18n.language) };
      }),
    [current, i18n.language],
  );

  return (
    <Group
      gap="sm"
      wrap="wrap"
      align="flex-end"
      role="search"
      aria-label={t('dashboard.filters.label')}
    >
      <ClientPicker
        label={t('dashboard.filters.client')}
        placeholder={t('dashboard.filters.allClients')}
        clearable
        w={200}
        value={filters.clientId}
        onClientChange={(client) => update({ clientId: client?.id ?? null })}
      />
      <Select
        label={t('dashboard.filters.engagement')}
        placeholder={t('dashboard.filters.allEngagements')}
        clearable
        searchable
        w={220}
        disabled={!filters.clientId}
        data={(engagements.data?.items ?? []).map((e) => ({ value: e.id, label: e.title }))}
        value={filters.engagementId}
        onChange={(id) => update({ engagementId: id })}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('dashboard.filters.currency')}
        placeholder={t('dashboard.filters.allCurrencies')}
        clearable
        w={150}
        data={currencyOptions}
        value={filters.currency}
        onChange={(currency) => update({ currency, chart: null })}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('dashboard.filters.from')}
        placeholder={t('dashboard.filters.defaultRange')}
        clearable
        searchable
        w={160}
        data={monthOptions}
        value={filters.from}
        onChange={(from) => update({ from })}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('dashboard.filters.to')}
        placeholder={formatMonth(current, i18n.language)}
        clearable
        searchable
        w={160}
        data={monthOptions}
        value={filters.to}
        onChange={(to) => update({ to })}
        comboboxProps={{ withinPortal: true }}
      />
      {active && (
        <Button variant="subtle" onClick={clear}>
          {t('dashboard.filters.clear')}
        </Button>
      )}
    </Group>
  );
}

function Dashboard({
  data,
  filters,
  onChart,
}: {
  data: PracticeDashboard;
  filters: PracticeFilters;
  onChart: (currency: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const shown =
    (filters.chart && data.currencies.includes(filters.chart) ? filters.chart : null) ??
    (filters.currency && data.currencies.includes(filters.currency) ? filters.currency : null) ??
    data.currencies[0];
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" data-testid="dashboard-as-of">
          {t('dashboard.asOf', { date: formatCalendarDate(data.asOf, i18n.language) })}
        </Text>
        {data.currencies.length > 1 && shown && (
          <Group gap="xs">
            <Text size="sm" c="dimmed" id="dashboard-chart-currency">
              {t('dashboard.chartCurrency')}
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby="dashboard-chart-currency"
              value={shown}
              onChange={onChart}
              data={data.currencies}
            />
          </Group>
        )}
      </Group>

      {data.money.map((money) => (
        <MoneyCards key={money.currency} money={money} filters={filters} />
      ))}

      <Suspense fallback={<ChartsSkeleton />}>
        <PracticeCharts data={data} currency={shown} filters={filters} />
      </Suspense>
    </Stack>
  );
}

function MoneyCards({
  money,
  filters,
}: {
  money: PracticeDashboard['money'][number];
  filters: PracticeFilters;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const c = money.currency;
  const amount = (minor: number) => fmt.money(minor, c);
  const headingId = `dashboard-money-${c}`;
  return (
    <section aria-labelledby={headingId} data-testid={`money-${c}`}>
      <Title order={2} size="h5" id={headingId} mb="xs">
        {t('dashboard.kpi.section', { currency: c })}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <Kpi
          label={t('dashboard.kpi.contracted')}
          value={amount(money.contractedMinor)}
          testId={`kpi-${c}-contracted`}
          link={{
            to: engagementsPath(filters, CONTRACTED_STAGES, c),
            label: t('dashboard.kpi.viewContracted', { currency: c }),
          }}
        />
        <Kpi
          label={t('dashboard.kpi.invoiced')}
          value={amount(money.invoicedMinor)}
          testId={`kpi-${c}-invoiced`}
          hint={
            money.creditedMinor
              ? t('dashboard.kpi.credited', { amount: amount(money.creditedMinor) })
              : undefined
          }
        />
        <Kpi
          label={t('dashboard.kpi.paid')}
          value={amount(money.paidMinor)}
          testId={`kpi-${c}-paid`}
        />
        <Kpi
          label={t('dashboard.kpi.outstanding')}
          value={amount(money.outstandingMinor)}
          testId={`kpi-${c}-outstanding`}
          hint={t('dashboard.kpi.openInvoices', { count: money.openInvoices })}
          link={{ to: '/receivables', label: t('dashboard.kpi.viewOutstanding', { currency: c }) }}
        />
        <Kpi
          label={t('dashboard.kpi.overdue')}
          value={amount(money.overdueMinor)}
          testId={`kpi-${c}-overdue`}
          tone={money.overdueMinor > 0 ? 'red' : undefined}
          hint={t('dashboard.kpi.overdueInvoices', { count: money.overdueInvoices })}
          link={{
            to: invoicesPath(filters, { status: 'overdue', currency: c }),
            label: t('dashboard.kpi.viewOverdue', { currency: c }),
          }}
        />
      </SimpleGrid>
    </section>
  );
}

/** A figure card; with `link`, the card's caption leads to the list behind the figure. */
function Kpi({
  label,
  value,
  hint,
  testId,
  tone,
  link,
}: {
  label: string;
  value: string;
  hint?: string | undefined;
  testId: string;
  tone?: 'red' | undefined;
  link?: { to: string; label: string };
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" className={classes.kpi}>
      <StatLabel>{label}</StatLabel>
      <Text size="xl" fw={700} className="tabular" c={tone} data-testid={testId}>
        {value}
      </Text>
      <Group justify="space-between" gap={4} wrap="nowrap" mih={18}>
        <Text size="xs" c="dimmed" truncate>
          {hint ?? ''}
        </Text>
        {link && (
          <Anchor component={Link} to={link.to} size="xs" aria-label={link.label}>
            {t('dashboard.viewList')}
          </Anchor>
        )}
      </Group>
    </Paper>
  );
}

function DashboardSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" aria-busy aria-label={t('common.loading')}>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} height={92} radius="md" />
        ))}
      </SimpleGrid>
      <ChartsSkeleton />
    </Stack>
  );
}

/** The four chart panels' places while the charts' code or the figures are on their way. */
function ChartsSkeleton() {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} height={340} radius="md" />
      ))}
    </SimpleGrid>
  );
}

function FilteredEmpty({ onClear }: { onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <ListFrame>
      <EmptyState
        withIndicatorBackground
        icon={<IconChartBar size={28} />}
        title={t('dashboard.noFigures')}
        description={t('dashboard.empty.filtered')}
        maw={460}
      >
        <EmptyState.Actions>
          <Button variant="default" onClick={onClear}>
            {t('dashboard.filters.clear')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </ListFrame>
  );
}

/** A new workspace: what the page will show, and the two ways to get there. */
function FirstRun() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const language = usePreferences((s) => s.language);
  const demo = useLoadDemo();
  return (
    <ListFrame>
      <EmptyState
        size="lg"
        variant="light"
        icon={<IconChartBar size={32} />}
        title={t('dashboard.empty.title')}
        description={t('dashboard.empty.description')}
        maw={520}
      >
        <EmptyState.Actions>
          <Group gap="sm" justify="center">
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => void navigate('/clients/new')}
            >
              {t('dashboard.empty.addClient')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconSparkles size={16} aria-hidden />}
              loading={demo.isPending}
              onClick={() =>
                demo.mutate(language, {
                  onSuccess: (result) =>
                    notifySuccess(
                      t('demo.loaded', {
                        clients: result.clientIds.length,
                        items: result.debtItems,
                      }),
                    ),
                  onError: (error) => notifyError(describeError(error, t)),
                })
              }
            >
              {t('dashboard.empty.loadDemo')}
            </Button>
          </Group>
        </EmptyState.Actions>
      </EmptyState>
    </ListFrame>
  );
}
