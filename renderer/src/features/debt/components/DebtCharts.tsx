import type { DebtEvaluateOutput } from '@core/api/debt';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useDebtFormat } from '../format';
import { axisStyle, CHART_MARGIN, tooltipStyle } from '../../../ui/chart';
import { useChartTheme } from './chartTheme';

export function ChartCard({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: React.ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap={2} mb="sm">
        <Title order={3} size="h6">
          {title}
        </Title>
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      </Stack>
      {children}
    </Paper>
  );
}

/** Cumulative present value of carrying vs fixing, likely lines over their P10–P90 bands. */
export function CumulativeChart({
  data,
  currency,
}: {
  data: DebtEvaluateOutput['cumulative'];
  currency: string;
}) {
  const { t } = useTranslation();
  const fmt = useDebtFormat();
  const theme = useChartTheme();
  const rows = useMemo(
    () =>
      data.map((d) => ({
        quarter: d.quarter,
        carry: d.carryLikely,
        fix: d.fixLikely,
        carryBand: [d.carryP10, d.carryP90] as [number, number],
        fixBand: [d.fixP10, d.fixP90] as [number, number],
      })),
    [data],
  );
  const money = (value: unknown) =>
    Array.isArray(value)
      ? value.map((v) => fmt.money(Number(v), currency)).join(' – ')
      : fmt.money(Number(value), currency);
  return (
    <ChartCard
      title={t('debt.charts.cumulative')}
      description={t('debt.charts.cumulativeDescription')}
    >
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart
          data={rows}
          margin={CHART_MARGIN}
          accessibilityLayer
          title={t('debt.charts.cumulative')}
        >
          <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="quarter"
            {...axisStyle(theme)}
            tickFormatter={(q: number) => t('debt.charts.quarterTick', { quarter: q })}
          />
          <YAxis
            {...axisStyle(theme)}
            width={72}
            tickFormatter={(v: number) => fmt.compactMoney(v, currency)}
          />
          <Tooltip
            {...tooltipStyle(theme)}
            labelFormatter={(q) => t('debt.charts.quarterTick', { quarter: Number(q) })}
            formatter={(value, name) => [money(value), name]}
          />
          <Legend itemSorter={null} wrapperStyle={{ fontSize: 12, color: theme.axis }} />
          <Area
            dataKey="carryBand"
            name={t('debt.charts.carryBand')}
            stroke="none"
            fill={theme.carry}
            fillOpacity={0.15}
            isAnimationActive={false}
          />
          <Area
            dataKey="fixBand"
            name={t('debt.charts.fixBand')}
            stroke="none"
            fill={theme.fix}
            fillOpacity={0.15}
            isAnimationActive={false}
          />
          <Line
            dataKey="carry"
            name={t('debt.charts.carry')}
            stroke={theme.carry}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="fix"
            name={t('debt.charts.fix')}
            stroke={theme.fix}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Net benefit against the discount rate, one line per growth rate. */
export function SensitivityChart({
  data,
  currency,
}: {
  data: DebtEvaluateOutput['sensitivity'];
  currency: string;
}) {
  const { t } = useTranslation();
  const fmt = useDebtFormat();
  const theme = useChartTheme();
  const { rows, growths } = useMemo(() => {
    const growthSet = [...new Set(data.map((d) => d.growthPerQuarter))].sort((a, b) => a - b);
    const byRate = new Map<number, Record<string, number>>();
    for (const d of data) {
      const row = byRate.get(d.annualDiscountRate) ?? { rate: d.annualDiscountRate };
      row[`g${growthSet.indexOf(d.growthPerQuarter)}`] = d.netBenefit;
      byRate.set(d.annualDiscountRate, row);
    }
    return { rows: [...byRate.values()].sort((a, b) => a.rate! - b.rate!), growths: growthSet };
  }, [data]);
  return (
    <ChartCard
      title={t('debt.charts.sensitivity')}
      description={t('debt.charts.sensitivityDescription')}
    >
      <ResponsiveContainer width="100%" height={260}>
        <LineChart
          data={rows}
          margin={CHART_MARGIN}
          accessibilityLayer
          title={t('debt.charts.sensitivity')}
        >
          <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="rate"
            type="number"
            domain={['dataMin', 'dataMax']}
            {...axisStyle(theme)}
            tickFormatter={(v: number) => fmt.percent(v)}
            name={t('debt.charts.discountRate')}
          />
          <YAxis
            {...axisStyle(theme)}
            width={72}
            tickFormatter={(v: number) => fmt.compactMoney(v, currency)}
          />
          <ReferenceLine y={0} stroke={theme.zero} />
          <Tooltip
            {...tooltipStyle(theme)}
            labelFormatter={(v) => `${t('debt.charts.discountRate')}: ${fmt.percent(Number(v))}`}
            formatter={(value, name) => [fmt.money(Number(value), currency), name]}
          />
          <Legend itemSorter={null} wrapperStyle={{ fontSize: 12, color: theme.axis }} />
          {growths.map((g, i) => (
            <Line
              key={g}
              dataKey={`g${i}`}
              name={t('debt.charts.growthLine', { growth: fmt.percent(g) })}
              stroke={theme.series[i % theme.series.length]}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
