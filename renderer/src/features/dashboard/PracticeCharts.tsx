import type { PracticeDashboard } from '@core/api';
import { Anchor, Paper, Progress, SegmentedControl, Table, Text } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormatters } from '../../i18n/format';
import { axisStyle, CHART_MARGIN, tooltipStyle } from '../../ui/chart';
import { useChartTheme } from '../../ui/chartTheme';
import { formatCalendarDate } from '../billing/format';
import { ChartPanel } from './ChartPanel';
import {
  AGING_BUCKETS,
  engagementsPath,
  invoicesPath,
  revenueMonthPath,
  type PracticeFilters,
} from './filters';
import { useCompactMoney, useMonthFormat, useTooltipMoney } from './format';
import classes from './PracticeDashboardPage.module.css';

/**
 * The practice dashboard's charts, all in one currency (`currency`): the page decides which.
 * Every chart can be shown as a table too — the same figures, with a link per row to the
 * list behind it, so the drill-down works from the keyboard and for screen readers.
 */
export interface PracticeChartsProps {
  data: PracticeDashboard;
  currency: string;
  filters: PracticeFilters;
}

type View = 'chart' | 'table';

/** The chart/table switch in a panel's header, plus its "View list" link. */
function PanelActions({
  title,
  view,
  onView,
  listTo,
}: {
  title: string;
  view: View;
  onView: (view: View) => void;
  listTo: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Anchor
        component={Link}
        to={listTo}
        size="xs"
        mr={6}
        style={{ whiteSpace: 'nowrap' }}
        aria-label={t('dashboard.viewListOf', { title })}
      >
        {t('dashboard.viewList')}
      </Anchor>
      <SegmentedControl
        size="xs"
        aria-label={t('dashboard.view.label', { title })}
        value={view}
        onChange={(value) => onView(value as View)}
        data={[
          { value: 'chart', label: t('dashboard.view.chart') },
          { value: 'table', label: t('dashboard.view.table') },
        ]}
      />
    </>
  );
}

interface TableRow {
  key: string;
  /** The first cell: a link to the list behind the row when `to` is given. */
  label: string;
  to?: string;
  /** The link's accessible name (what it opens, with the figure). */
  linkLabel?: string;
  cells: ReactNode[];
}

function FiguresTable({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: string[];
  rows: TableRow[];
}) {
  return (
    <Table.ScrollContainer minWidth={360} h="100%" type="native">
      <Table aria-label={caption} striped verticalSpacing={4} fz="sm" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header, i) => (
              <Table.Th key={header} ta={i === 0 ? undefined : 'right'}>
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>
                {row.to ? (
                  <Anchor component={Link} to={row.to} size="sm" aria-label={row.linkLabel}>
                    {row.label}
                  </Anchor>
                ) : (
                  row.label
                )}
              </Table.Td>
              {row.cells.map((cell, i) => (
                <Table.Td key={i} ta="right" className="tabular">
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function NoFigures() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" className={classes.noFigures}>
      {t('dashboard.noFigures')}
    </Text>
  );
}

/**
 * Shared bits of every money bar chart: the theme, whether bars grow in (not when the user
 * asked the system for less motion), grid, axes in the theme, money ticks and tooltip.
 */
function useMoneyChart(currency: string) {
  const theme = useChartTheme();
  const animate = !useReducedMotion();
  const compact = useCompactMoney();
  const money = useTooltipMoney();
  const { money: exact } = useFormatters();
  return {
    theme,
    animate,
    grid: <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" vertical={false} />,
    yAxis: (
      <YAxis
        {...axisStyle(theme)}
        width={76}
        tickFormatter={(value: number) => compact(value, currency)}
      />
    ),
    tooltip: (
      <Tooltip
        {...tooltipStyle(theme)}
        cursor={{ fill: theme.grid, fillOpacity: 0.35 }}
        // The series in the order they are drawn (recharts sorts by name by default).
        itemSorter={() => 0}
        formatter={(value, name) => [money(Number(value), currency), name]}
      />
    ),
    legend: (
      <Legend
        iconType="square"
        iconSize={10}
        itemSorter={null}
        wrapperStyle={{ fontSize: 12 }}
        formatter={(value: string) => <span style={{ color: theme.text }}>{value}</span>}
      />
    ),
    money,
    /** The exact amount, for tables and link names. */
    exact,
  };
}

/**
 * One chart of the page in its panel: the chart/table switch and "View list" link in the
 * header, and "no figures" instead of both when there is nothing to draw.
 */
function FiguresPanel({
  title,
  description,
  currency,
  listTo,
  empty,
  table,
  chart,
}: {
  title: string;
  description: string;
  currency: string;
  listTo: string;
  empty: boolean;
  table: { headers: string[]; rows: () => TableRow[] };
  chart: ReactNode;
}) {
  const [view, setView] = useState<View>('chart');
  return (
    <ChartPanel
      title={title}
      description={description}
      exportName={`${title} ${currency}`}
      actions={<PanelActions title={title} view={view} onView={setView} listTo={listTo} />}
    >
      {empty ? (
        <NoFigures />
      ) : view === 'table' ? (
        <FiguresTable caption={title} headers={table.headers} rows={table.rows()} />
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          {chart}
        </ResponsiveContainer>
      )}
    </ChartPanel>
  );
}

export function PipelineChart({ data, currency, filters }: PracticeChartsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fmt = useFormatters();
  const { theme, animate, ...axes } = useMoneyChart(currency);
  const rows = data.pipeline
    .filter((p) => p.currency === currency)
    .map((p) => ({ ...p, label: t(`engagements.stage.${p.stage}`) }));
  return (
    <FiguresPanel
      title={t('dashboard.pipeline.title')}
      description={t('dashboard.pipeline.description')}
      currency={currency}
      listTo={engagementsPath(filters, [], currency)}
      empty={rows.length === 0}
      table={{
        headers: [
          t('dashboard.pipeline.stage'),
          t('dashboard.pipeline.engagements'),
          t('dashboard.pipeline.value'),
        ],
        rows: () =>
          rows.map((r) => ({
            key: r.stage,
            label: r.label,
            to: engagementsPath(filters, [r.stage], currency),
            linkLabel: t('dashboard.pipeline.open', {
              stage: r.label,
              value: axes.exact(r.valueMinor, currency),
            }),
            cells: [fmt.number(r.engagements), axes.exact(r.valueMinor, currency)],
          })),
      }}
      chart={
        <BarChart data={rows} margin={CHART_MARGIN}>
          {axes.grid}
          <XAxis dataKey="label" {...axisStyle(theme)} interval={0} />
          {axes.yAxis}
          <Tooltip
            {...tooltipStyle(theme)}
            cursor={{ fill: theme.grid, fillOpacity: 0.35 }}
            formatter={(value, _name, item) => [
              `${axes.money(Number(value), currency)} · ${t('dashboard.pipeline.count', {
                count: (item.payload as (typeof rows)[number]).engagements,
              })}`,
              t('dashboard.pipeline.value'),
            ]}
          />
          <Bar
            isAnimationActive={animate}
            dataKey="valueMinor"
            name={t('dashboard.pipeline.value')}
            fill={theme.series[0]}
            radius={[4, 4, 0, 0]}
            cursor="pointer"
            onClick={(_bar, index) => {
              const row = rows[index];
              if (row) void navigate(engagementsPath(filters, [row.stage], currency));
            }}
          />
        </BarChart>
      }
    />
  );
}

export function CashInChart({ data, currency }: PracticeChartsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const month = useMonthFormat();
  const { theme, animate, ...axes } = useMoneyChart(currency);
  const rows = data.cashIn
    .filter((c) => c.currency === currency)
    .map((c) => ({
      ...c,
      label: month(c.month),
      totalMinor: c.fromInvoicesMinor + c.fromMilestonesMinor,
    }));
  return (
    <FiguresPanel
      title={t('dashboard.cashIn.title')}
      description={t('dashboard.cashIn.description')}
      currency={currency}
      listTo="/receivables"
      empty={rows.every((r) => r.totalMinor === 0)}
      table={{
        headers: [
          t('dashboard.cashIn.month'),
          t('dashboard.cashIn.invoices'),
          t('dashboard.cashIn.milestones'),
          t('dashboard.cashIn.total'),
        ],
        rows: () =>
          rows.map((r) => ({
            key: r.month,
            label: r.label,
            to: '/receivables',
            linkLabel: t('dashboard.cashIn.open', {
              month: r.label,
              value: axes.exact(r.totalMinor, currency),
            }),
            cells: [
              axes.exact(r.fromInvoicesMinor, currency),
              axes.exact(r.fromMilestonesMinor, currency),
              axes.exact(r.totalMinor, currency),
            ],
          })),
      }}
      chart={
        <BarChart
          data={rows}
          margin={CHART_MARGIN}
          onClick={() => void navigate('/receivables')}
          style={{ cursor: 'pointer' }}
        >
          {axes.grid}
          <XAxis dataKey="label" {...axisStyle(theme)} />
          {axes.yAxis}
          {axes.tooltip}
          {axes.legend}
          <Bar
            isAnimationActive={animate}
            dataKey="fromInvoicesMinor"
            name={t('dashboard.cashIn.invoices')}
            stackId="cash"
            fill={theme.series[0]}
          />
          <Bar
            isAnimationActive={animate}
            dataKey="fromMilestonesMinor"
            name={t('dashboard.cashIn.milestones')}
            stackId="cash"
            fill={theme.series[1]}
            radius={[4, 4, 0, 0]}
          />
        </BarChart>
      }
    />
  );
}

export function AgingChart({ data, currency, filters }: PracticeChartsProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { theme, animate, ...axes } = useMoneyChart(currency);
  const aging = data.aging.find((a) => a.currency === currency);
  const colors = [theme.good, theme.warn, theme.warn, theme.bad, theme.bad];
  const rows = AGING_BUCKETS.map((bucket, i) => ({
    bucket,
    label: t(`receivables.buckets.${bucket}`),
    valueMinor: aging?.[bucket] ?? 0,
    color: colors[i] ?? theme.bad,
    // Not yet due: the receivables; past due: the overdue invoices.
    to:
      bucket === 'currentMinor'
        ? '/receivables'
        : invoicesPath(filters, { status: 'overdue', currency }),
  }));
  return (
    <FiguresPanel
      title={t('dashboard.aging.title')}
      description={t('dashboard.aging.description', {
        date: formatCalendarDate(data.asOf, i18n.language),
      })}
      currency={currency}
      listTo="/receivables"
      empty={rows.every((r) => r.valueMinor === 0)}
      table={{
        headers: [t('dashboard.aging.bucket'), t('dashboard.aging.amount')],
        rows: () =>
          rows.map((r) => ({
            key: r.bucket,
            label: r.label,
            to: r.to,
            linkLabel: t('dashboard.aging.open', {
              bucket: r.label,
              value: axes.exact(r.valueMinor, currency),
            }),
            cells: [axes.exact(r.valueMinor, currency)],
          })),
      }}
      chart={
        <BarChart data={rows} margin={CHART_MARGIN}>
          {axes.grid}
          <XAxis dataKey="label" {...axisStyle(theme)} interval={0} />
          {axes.yAxis}
          {axes.tooltip}
          <Bar
            isAnimationActive={animate}
            dataKey="valueMinor"
            name={t('dashboard.aging.amount')}
            radius={[4, 4, 0, 0]}
            cursor="pointer"
            onClick={(_bar, index) => {
              const row = rows[index];
              if (row) void navigate(row.to);
            }}
          >
            {rows.map((r) => (
              <Cell key={r.bucket} fill={r.color} />
            ))}
          </Bar>
        </BarChart>
      }
    />
  );
}

export function RevenueChart({ data, currency, filters }: PracticeChartsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const month = useMonthFormat();
  const { theme, animate, ...axes } = useMoneyChart(currency);
  const rows = data.revenue
    .filter((r) => r.currency === currency)
    .map((r) => ({ ...r, label: month(r.month) }));
  return (
    <FiguresPanel
      title={t('dashboard.revenue.title')}
      description={t('dashboard.revenue.description')}
      currency={currency}
      listTo={invoicesPath(filters, { issuedFrom: data.from, issuedTo: data.to, currency })}
      empty={rows.every((r) => r.invoicedMinor === 0 && r.paidMinor === 0)}
      table={{
        headers: [
          t('dashboard.revenue.month'),
          t('dashboard.revenue.invoiced'),
          t('dashboard.revenue.credited'),
          t('dashboard.revenue.paid'),
        ],
        rows: () =>
          rows.map((r) => ({
            key: r.month,
            label: r.label,
            to: revenueMonthPath(filters, r.month, currency),
            linkLabel: t('dashboard.revenue.open', {
              month: r.label,
              value: axes.exact(r.invoicedMinor, currency),
            }),
            cells: [
              axes.exact(r.invoicedMinor, currency),
              axes.exact(r.creditedMinor, currency),
              axes.exact(r.paidMinor, currency),
            ],
          })),
      }}
      chart={
        <BarChart
          data={rows}
          margin={CHART_MARGIN}
          style={{ cursor: 'pointer' }}
          onClick={(state) => {
            const index = Number(state.activeTooltipIndex ?? state.activeIndex);
            const row = Number.isInteger(index) ? rows[index] : undefined;
            if (row) void navigate(revenueMonthPath(filters, row.month, currency));
          }}
        >
          {axes.grid}
          <XAxis dataKey="label" {...axisStyle(theme)} />
          {axes.yAxis}
          {axes.tooltip}
          {axes.legend}
          <Bar
            isAnimationActive={animate}
            dataKey="invoicedMinor"
            name={t('dashboard.revenue.invoiced')}
            fill={theme.series[0]}
            radius={[4, 4, 0, 0]}
          />
          <Bar
            isAnimationActive={animate}
            dataKey="creditedMinor"
            name={t('dashboard.revenue.credited')}
            fill={theme.warn}
            radius={[4, 4, 0, 0]}
          />
          <Bar
            isAnimationActive={animate}
            dataKey="paidMinor"
            name={t('dashboard.revenue.paid')}
            fill={theme.series[1]}
            radius={[4, 4, 0, 0]}
          />
        </BarChart>
      }
    />
  );
}

/** SLA compliance per engagement: a table (compliance is a share, credits are money). */
export function SlaTable({ data }: { data: PracticeDashboard }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const percent = new Intl.NumberFormat(fmt.locale, {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const title = t('dashboard.sla.title');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="dashboard-sla-title">
      <Text component="h2" fw={700} size="md" id="dashboard-sla-title">
        {title}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('dashboard.sla.description')}
      </Text>
      {data.sla.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.sla.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={title} verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.sla.engagement')}</Table.Th>
                <Table.Th>{t('dashboard.sla.client')}</Table.Th>
                <Table.Th w={220}>{t('dashboard.sla.compliance')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.sla.periods')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.sla.credits')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.sla.map((row) => {
                const ratio = row.complianceRatio;
                const color =
                  ratio === null
                    ? 'gray'
                    : ratio >= 0.95
                      ? 'teal'
                      : ratio >= 0.8
                        ? 'yellow'
                        : 'red';
                return (
                  <Table.Tr key={row.engagementId}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/engagements/${row.engagementId}`}
                        size="sm"
                        aria-label={t('dashboard.sla.open', { engagement: row.engagementTitle })}
                      >
                        {row.engagementTitle}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{row.clientName}</Table.Td>
                    <Table.Td>
                      {ratio === null ? (
                        <Text size="sm" c="dimmed">
                          {t('dashboard.sla.notAssessed')}
                        </Text>
                      ) : (
                        <div className={classes.compliance}>
                          <Progress
                            value={ratio * 100}
                            color={color}
                            size="md"
                            radius="sm"
                            aria-label={`${row.engagementTitle}: ${percent.format(ratio)}`}
                            className={classes.complianceBar}
                          />
                          <Text size="sm" className="tabular" fw={600}>
                            {percent.format(ratio)}
                          </Text>
                        </div>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {t('dashboard.sla.periodsValue', {
                        met: row.periodsMet,
                        assessed: row.periodsAssessed,
                      })}
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {fmt.money(row.creditsMinor, row.currency)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
