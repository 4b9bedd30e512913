import type { MethodOutput } from '@core/api';
import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { axisStyle, tooltipStyle } from '../../../ui/chart';
import { useChartTheme } from '../../../ui/chartTheme';
import { addMonthsToKey, describeSlaError, formatPeriod, formatValue } from '../format';
import { slaQueries } from '../queries';

type Series = MethodOutput<'sla.compliance.timeline'>['series'][number];

/** Measured vs target per month for every clause of the engagement; missed months shaded. */
export function ComplianceTimeline({ engagementId, to }: { engagementId: string; to: string }) {
  const { t } = useTranslation();
  const from = addMonthsToKey(to, -11);
  const query = useQuery(slaQueries.timeline(engagementId, from, to));
  return (
    <Stack gap="sm" component="section" aria-label={t('sla.timeline.title')}>
      <Stack gap={2}>
        <Title order={4} size="h5">
          {t('sla.timeline.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('sla.timeline.description')}
        </Text>
      </Stack>
      {query.isError ? (
        <Text c="red" size="sm">
          {describeSlaError(query.error, t)}
        </Text>
      ) : !query.data ? (
        <Skeleton height={220} />
      ) : query.data.series.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sla.timeline.empty')}
        </Text>
      ) : (
        query.data.series.map((s) => <SeriesChart key={s.clauseId} series={s} />)
      )}
    </Stack>
  );
}

function SeriesChart({ series }: { series: Series }) {
  const { t, i18n } = useTranslation();
  const theme = useChartTheme();
  const target = Number(series.target);
  const data = series.rows.map((r) => ({
    period: formatPeriod(r.period, i18n.language),
    value: r.value,
    met: r.met,
  }));
  const values = data.flatMap((d) => (d.value === null ? [] : [d.value]));
  const lo = Math.min(target, ...values);
  const hi = Math.max(target, ...values);
  const pad = (hi - lo) * 0.15 || Math.max(Math.abs(target) * 0.001, 0.01);
  const domain: [number, number] = [
    lo - pad,
    series.unit === 'percent' ? Math.min(100, hi + pad) : hi + pad,
  ];
  const missed = data.filter((d) => d.met === false);
  // Missed months as full-height shaded bands behind the line.
  const bands = data.map((d) => ({ ...d, band: d.met === false ? domain[1] : null }));
  const label = series.label || t(`sla.metric.${series.metric}`);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      role="figure"
      aria-label={t('sla.timeline.chartOf', { label })}
    >
      <Group justify="space-between" mb="xs">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {t('sla.timeline.missedCount', { count: missed.length })}
        </Text>
      </Group>
      <ResponsiveContainer width="100%" height={200}>
        <ComposedChart
          data={bands}
          barCategoryGap={2}
          margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
        >
          <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
          <XAxis dataKey="period" {...axisStyle(theme)} />
          <YAxis
            domain={domain}
            {...axisStyle(theme)}
            width={64}
            tickFormatter={(v: number) =>
              new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 }).format(v)
            }
          />
          <Tooltip
            contentStyle={tooltipStyle(theme).contentStyle}
            formatter={(v) => [formatValue(Number(v), series.unit, t), t('sla.timeline.measured')]}
          />
          <Bar
            dataKey="band"
            fill={theme.carry}
            fillOpacity={0.15}
            isAnimationActive={false}
            tooltipType="none"
            legendType="none"
          />
          <ReferenceLine
            y={target}
            stroke={theme.zero}
            strokeDasharray="6 3"
            label={{
              value: t('sla.timeline.target', {
                value: formatValue(series.target, series.unit, t),
              }),
              fill: theme.axis,
              fontSize: 11,
              position: 'insideBottomLeft',
            }}
          />
          <Line
            type="linear"
            dataKey="value"
            stroke={theme.fix}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
            dot={(props: { cx?: number; cy?: number; index?: number }) => {
              const row = data[props.index ?? 0];
              if (props.cx === undefined || props.cy === undefined || !row || row.value === null)
                return <g key={props.index} />;
              return (
                <circle
                  key={props.index}
                  cx={props.cx}
                  cy={props.cy}
                  r={row.met === false ? 5 : 3}
                  fill={row.met === false ? theme.carry : theme.fix}
                  stroke="none"
                />
              );
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </Paper>
  );
}
