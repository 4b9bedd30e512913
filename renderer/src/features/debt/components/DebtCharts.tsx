import type {
  DebtEvaluateOutput,
  MatrixPoint as MatrixPointSchema,
  QuarterBand,
} from '@core/api/debt';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Area,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import type { z } from 'zod';
import { axisStyle, CHART_MARGIN, tooltipStyle } from '../../../ui/chart';
import { useChartTheme } from '../../../ui/chartTheme';
import { useCompactMoney, useTooltipMoney } from '../../dashboard/format';
import { roundMinor, useDebtFormat } from '../format';
import { IMPACTS } from '../options';

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

/** Type sizes of a chart: on a page, or in presentation mode (`present`). */
export type ChartScale = 'page' | 'present';

const SIZES = {
  page: { text: 11, legend: 12, line: 2, yAxis: 80, bubbles: [60, 900] },
  present: { text: 16, legend: 16, line: 3, yAxis: 110, bubbles: [120, 1600] },
} as const;

/** One row of the cumulative chart: likely lines, P10–P90 bands, and the plan's path. */
interface CumulativeRow {
  quarter: number;
  carry: number;
  fix: number;
  carryBand: [number, number];
  fixBand: [number, number];
  /** Fixing the plan's items and carrying the rest (when a plan is saved). */
  withPlan?: number;
}

/**
 * Cumulative discounted carrying vs fixing: the likely lines over their P10–P90 bands and,
 * with `withPlan` (the services' figures for the same quarters), the saved fix plan's path
 * (the workbench, the business case).
 */
export function CumulativeBandChart({
  bands,
  withPlan,
  currency,
  title,
  height = '100%',
  scale = 'page',
}: {
  bands: readonly z.infer<typeof QuarterBand>[];
  withPlan?: readonly { quarter: number; likely: number }[] | undefined;
  currency: string;
  title: string;
  height?: number | `${number}%`;
  scale?: ChartScale;
}) {
  const rows = useMemo(() => {
    const plan = new Map((withPlan ?? []).map((p) => [p.quarter, p.likely]));
    return bands.map((d): CumulativeRow => {
      const likely = plan.get(d.quarter);
      return {
        quarter: d.quarter,
        carry: d.carryLikely,
        fix: d.fixLikely,
        carryBand: [d.carryP10, d.carryP90],
        fixBand: [d.fixP10, d.fixP90],
        ...(likely === undefined ? {} : { withPlan: likely }),
      };
    });
  }, [bands, withPlan]);
  const { t } = useTranslation();
  const theme = useChartTheme();
  const compact = useCompactMoney();
  const money = useTooltipMoney();
  const size = SIZES[scale];
  const show = (value: unknown) =>
    Array.isArray(value)
      ? value.map((v) => money(roundMinor(Number(v)), currency)).join(' – ')
      : money(roundMinor(Number(value)), currency);
  const line = { strokeWidth: size.line, dot: false, isAnimationActive: false } as const;
  const band = { stroke: 'none', fillOpacity: 0.15, isAnimationActive: false } as const;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={rows} margin={CHART_MARGIN} accessibilityLayer title={title}>
        <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
        <XAxis
          dataKey="quarter"
          {...axisStyle(theme, size.text)}
          tickFormatter={(q: number) => t('debt.charts.quarterTick', { quarter: q })}
        />
        <YAxis
          {...axisStyle(theme, size.text)}
          width={size.yAxis}
          tickFormatter={(v: number) => compact(v, currency)}
        />
        <Tooltip
          {...tooltipStyle(theme, size.legend)}
          labelFormatter={(q) => t('debt.charts.quarterTick', { quarter: Number(q) })}
          formatter={(value, name) => [show(value), name]}
        />
        <Legend itemSorter={null} wrapperStyle={{ fontSize: size.legend, color: theme.axis }} />
        <Area dataKey="carryBand" name={t('debt.charts.carryBand')} fill={theme.carry} {...band} />
        <Area dataKey="fixBand" name={t('debt.charts.fixBand')} fill={theme.fix} {...band} />
        <Line dataKey="carry" name={t('debt.charts.carry')} stroke={theme.carry} {...line} />
        <Line dataKey="fix" name={t('debt.charts.fix')} stroke={theme.fix} {...line} />
        {withPlan && (
          <Line
            dataKey="withPlan"
            name={t('businessCase.charts.withPlan')}
            stroke={theme.series[1]}
            strokeDasharray="6 4"
            {...line}
          />
        )}
      </ComposedChart>
    </ResponsiveContainer>
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
  return (
    <ChartCard
      title={t('debt.charts.cumulative')}
      description={t('debt.charts.cumulativeDescription')}
    >
      <CumulativeBandChart
        bands={data}
        currency={currency}
        title={t('debt.charts.cumulative')}
        height={260}
      />
    </ChartCard>
  );
}

type MatrixPoint = z.infer<typeof MatrixPointSchema>;

/**
 * The priority matrix: fix effort against net benefit, one colour per impact, bubble size
 * the cost per quarter (the portfolio page, the business case). `chosen` points are ringed;
 * with `onOpen`, a click on a point opens its item.
 */
export function PriorityMatrixChart({
  points,
  currency,
  title,
  height = '100%',
  scale = 'page',
  chosen,
  onOpen,
}: {
  points: readonly MatrixPoint[];
  currency: string;
  title: string;
  height?: number | `${number}%`;
  scale?: ChartScale;
  chosen?: ReadonlySet<string>;
  onOpen?: ((id: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const theme = useChartTheme();
  const fmt = useDebtFormat();
  const compact = useCompactMoney();
  const money = useTooltipMoney();
  const size = SIZES[scale];
  const byImpact = useMemo(
    () => IMPACTS.map((impact) => ({ impact, points: points.filter((p) => p.impact === impact) })),
    [points],
  );
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ScatterChart
        margin={{ top: 8, right: 16, bottom: 24, left: 8 }}
        accessibilityLayer
        title={title}
      >
        <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="fixDays"
          name={t('debt.charts.fixDays')}
          padding={{ left: 16, right: 24 }}
          {...axisStyle(theme, size.text)}
          label={{
            value: t('debt.charts.fixDays'),
            position: 'insideBottom',
            offset: -14,
            fill: theme.axis,
            fontSize: size.legend,
          }}
        />
        <YAxis
          type="number"
          dataKey="netBenefitMinor"
          name={t('debt.charts.netBenefit')}
          {...axisStyle(theme, size.text)}
          width={size.yAxis}
          tickFormatter={(v: number) => compact(v, currency)}
          padding={{ top: 24, bottom: 12 }}
        />
        <ZAxis
          type="number"
          dataKey="quarterlyCostMinor"
          range={[...size.bubbles]}
          name={t('debt.charts.quarterlyCost')}
        />
        <ReferenceLine y={0} stroke={theme.zero} />
        <Tooltip
          cursor={{ strokeDasharray: '3 3' }}
          content={({ active, payload }) => {
            const point = payload?.[0]?.payload as MatrixPoint | undefined;
            if (!active || !point) return null;
            const style = tooltipStyle(theme, size.legend);
            return (
              <div style={{ ...style.contentStyle, padding: '8px 10px', maxWidth: 360 }}>
                <div className="recharts-tooltip-label" style={style.labelStyle}>
                  {point.title}
                </div>
                <div>
                  {t('debt.charts.netBenefit')}:{' '}
                  {money(roundMinor(point.netBenefitMinor), currency)}
                </div>
                <div>
                  {t('debt.charts.fixDays')}: {fmt.days(point.fixDays)}
                </div>
                <div>
                  {t('debt.charts.quarterlyCost')}:{' '}
                  {money(roundMinor(point.quarterlyCostMinor), currency)}
                </div>
                <div>
                  {t(`debt.impact.${point.impact}`)} · {t(`debt.status.${point.status}`)}
                </div>
              </div>
            );
          }}
        />
        <Legend
          itemSorter={null}
          verticalAlign="top"
          wrapperStyle={{ fontSize: size.legend, color: theme.axis, paddingBottom: 8 }}
        />
        {byImpact.map(({ impact, points: group }) => (
          <Scatter
            key={impact}
            name={t(`debt.impact.${impact}`)}
            data={group}
            fill={theme.impact[impact]}
            fillOpacity={0.7}
            stroke={theme.impact[impact]}
            isAnimationActive={false}
            cursor={onOpen ? 'pointer' : undefined}
            onClick={
              onOpen
                ? (point) => {
                    const id = (point.payload as { id?: string } | undefined)?.id;
                    if (id) onOpen(id);
                  }
                : undefined
            }
          >
            {group.map((point) => (
              <Cell
                key={point.id}
                data-item-id={point.id}
                {...(chosen?.has(point.id) ? { stroke: theme.text, strokeWidth: 3 } : {})}
              />
            ))}
          </Scatter>
        ))}
      </ScatterChart>
    </ResponsiveContainer>
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
  const compact = useCompactMoney();
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
            tickFormatter={(v: number) => compact(v, currency)}
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
