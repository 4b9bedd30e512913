import type { ClientDashboard } from '@core/api/dashboard';
import type { DebtStatus, ImpactLevel } from '@core/api/debt';
import {
  Anchor,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAdjustments, IconTargetArrow } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ListFrame } from '../../components/ListStates';
import { StatLabel } from '../../ui/StatCard';
import { axisStyle, tooltipStyle } from '../../ui/chart';
import { useChartTheme } from '../../ui/chartTheme';
import {
  CumulativeBandChart,
  PriorityMatrixChart,
  type ChartScale,
} from '../debt/components/DebtCharts';
import { useDebtFormat } from '../debt/format';
import { IMPACTS, STATUSES } from '../debt/options';
import { ChartPanel } from './ChartPanel';
import { fileSlug, registerPath } from './businessCase';
import { useCompactMoney, useTooltipMoney } from './format';

/** The portfolio's figures: carrying, fixing, net benefit, ROI, payback, items. */
export function KpiGrid({
  data,
  scale = 'page',
}: {
  data: Pick<ClientDashboard, 'kpis' | 'currency' | 'horizonQuarters' | 'otherCurrencyItems'>;
  scale?: ChartScale;
}) {
  const { t } = useTranslation();
  const fmt = useDebtFormat();
  const { kpis, currency } = data;
  const big = scale === 'present';
  const cards: { key: string; label: string; value: string; hint?: string | undefined }[] = [
    {
      key: 'pvCarry',
      label: t('businessCase.kpis.pvCarry'),
      value: fmt.wholeMoney(kpis.pvCarryMinor, currency),
      hint: t('businessCase.kpis.pvCarryHint', { quarters: data.horizonQuarters }),
    },
    {
      key: 'fixCost',
      label: t('businessCase.kpis.fixCost'),
      value: fmt.wholeMoney(kpis.fixCostMinor, currency),
      hint: fmt.days(kpis.fixDays),
    },
    {
      key: 'netBenefit',
      label: t('businessCase.kpis.netBenefit'),
      value: fmt.wholeMoney(kpis.netBenefitMinor, currency),
      hint: t('businessCase.kpis.netBenefitHint'),
    },
    {
      key: 'roi',
      label: t('businessCase.kpis.roi'),
      value: fmt.percent(kpis.roi),
      hint: t('businessCase.kpis.roiHint'),
    },
    {
      key: 'payback',
      label: t('businessCase.kpis.payback'),
      value: fmt.payback(kpis.paybackQuarters),
      hint: t('businessCase.kpis.paybackHint'),
    },
    {
      key: 'items',
      label: t('businessCase.kpis.items'),
      value: fmt.number(kpis.items),
      hint:
        data.otherCurrencyItems > 0
          ? t('businessCase.kpis.otherCurrency', { count: data.otherCurrencyItems })
          : t('businessCase.kpis.quarterlyCost', {
              amount: fmt.wholeMoney(kpis.quarterlyCostMinor, currency),
            }),
    },
  ];
  return (
    <SimpleGrid
      cols={big ? 3 : { base: 2, md: 3, lg: 6 }}
      spacing={big ? 'xl' : 'md'}
      role="list"
      aria-label={t('businessCase.kpis.region')}
    >
      {cards.map((card) => (
        <Paper
          key={card.key}
          withBorder
          radius="md"
          p={big ? 'xl' : 'md'}
          role="listitem"
          aria-label={card.label}
        >
          <StatLabel size={big ? 'md' : 'xs'}>{card.label}</StatLabel>
          <Text
            fw={700}
            className="tabular"
            data-kpi={card.key}
            fz={big ? 48 : 22}
            lh={1.2}
            mt={big ? 'xs' : 2}
          >
            {card.value}
          </Text>
          {card.hint && (
            <Text size={big ? 'lg' : 'xs'} c="dimmed" mt={big ? 'xs' : 0}>
              {card.hint}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Cumulative discounted carrying vs fixing with their P10–P90 bands, and the plan's path. */
export function CumulativePanel({
  data,
  height = 320,
  scale = 'page',
}: {
  data: ClientDashboard;
  height?: number;
  scale?: ChartScale;
}) {
  const { t } = useTranslation();
  const fmt = useDebtFormat();
  const title = t('businessCase.charts.cumulative');
  return (
    <ChartPanel
      title={title}
      description={t('businessCase.charts.cumulativeDescription', {
        quarters: data.horizonQuarters,
        rate: fmt.percent(data.annualDiscountRate),
      })}
      exportName={`${fileSlug(data.clientName)} - ${title}`}
      height={height}
    >
      <CumulativeBandChart
        bands={data.cumulative}
        withPlan={data.plan?.withPlan}
        currency={data.currency}
        title={title}
        scale={scale}
      />
    </ChartPanel>
  );
}

/**
 * The priority matrix: fix effort against net benefit, bubble size the cost per quarter.
 * A point opens its item; the largest items are listed as links for the keyboard.
 */
export function MatrixPanel({
  data,
  height = 360,
  scale = 'page',
  interactive = true,
}: {
  data: ClientDashboard;
  height?: number;
  scale?: ChartScale;
  interactive?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fmt = useDebtFormat();
  const { matrix } = data;
  const title = t('businessCase.charts.matrix');
  const capped = data.matrixTotal > matrix.length;
  return (
    <ChartPanel
      title={title}
      description={
        capped
          ? t('businessCase.charts.matrixCapped', {
              shown: fmt.number(matrix.length),
              total: fmt.number(data.matrixTotal),
            })
          : t('businessCase.charts.matrixDescription')
      }
      exportName={`${fileSlug(data.clientName)} - ${title}`}
      height={height}
    >
      <PriorityMatrixChart
        points={matrix}
        currency={data.currency}
        title={title}
        scale={scale}
        onOpen={interactive ? (id) => void navigate(`/debt/${id}`) : undefined}
      />
    </ChartPanel>
  );
}

/** The largest items by net benefit, as links to their workbench (the matrix for keyboards). */
export function LargestItems({ data, limit = 8 }: { data: ClientDashboard; limit?: number }) {
  const { t } = useTranslation();
  const fmt = useDebtFormat();
  const top = useMemo(
    () => [...data.matrix].sort((a, b) => b.netBenefitMinor - a.netBenefitMinor).slice(0, limit),
    [data.matrix, limit],
  );
  if (top.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('businessCase.largest')}>
      <Title order={2} size="h5" mb="xs">
        {t('businessCase.largest')}
      </Title>
      <List size="sm" spacing={4} type="ordered">
        {top.map((item) => (
          <List.Item key={item.id}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Anchor component={Link} to={`/debt/${item.id}`} size="sm" lineClamp={1}>
                {item.title}
              </Anchor>
              <Text size="sm" className="tabular" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {fmt.wholeMoney(item.netBenefitMinor, data.currency)}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

interface BreakdownRow {
  key: string;
  label: string;
  items: number;
  netBenefitMinor: number;
  color: string;
}

/** Horizontal bars of net benefit per group, each with a link or button to its list. */
function BreakdownChart({
  rows,
  currency,
  title,
  description,
  exportName,
  onOpen,
  linkTo,
}: {
  rows: BreakdownRow[];
  currency: string;
  title: string;
  description: string;
  exportName: string;
  onOpen: (key: string) => void;
  linkTo?: (key: string) => string;
}) {
  const { t } = useTranslation();
  const theme = useChartTheme();
  const fmt = useDebtFormat();
  const compact = useCompactMoney();
  const money = useTooltipMoney();
  const links = (
    <List size="sm" spacing={2} listStyleType="none" aria-label={title}>
      {rows.map((row) => {
        const label = t('businessCase.breakdownLink', {
          label: row.label,
          count: row.items,
          amount: fmt.wholeMoney(row.netBenefitMinor, currency),
        });
        return (
          <List.Item key={row.key}>
            {linkTo ? (
              <Anchor component={Link} to={linkTo(row.key)} size="sm">
                {label}
              </Anchor>
            ) : (
              <Anchor component="button" type="button" size="sm" onClick={() => onOpen(row.key)}>
                {label}
              </Anchor>
            )}
          </List.Item>
        );
      })}
    </List>
  );
  return (
    <ChartPanel
      title={title}
      description={description}
      exportName={exportName}
      height={Math.max(160, rows.length * 34 + 40)}
      footer={links}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
          accessibilityLayer
          title={title}
        >
          <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            {...axisStyle(theme)}
            tickFormatter={(v: number) => compact(v, currency)}
          />
          <YAxis type="category" dataKey="label" {...axisStyle(theme)} width={96} />
          <ReferenceLine x={0} stroke={theme.zero} />
          <Tooltip
            {...tooltipStyle(theme)}
            cursor={{ fill: theme.grid, fillOpacity: 0.4 }}
            formatter={(value, _name, entry) => [
              `${money(Math.round(Number(value)), currency)} · ${t('businessCase.itemsCount', {
                count: (entry.payload as BreakdownRow).items,
              })}`,
              t('debt.charts.netBenefit'),
            ]}
          />
          <Bar
            dataKey="netBenefitMinor"
            name={t('debt.charts.netBenefit')}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(bar) => {
              const key = (bar.payload as BreakdownRow | undefined)?.key;
              if (key) onOpen(key);
            }}
          >
            {rows.map((row) => (
              <Cell key={row.key} fill={row.color} data-bar={row.key} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}

/** Net benefit per status (to the filtered register) and per impact (to its items). */
export function BreakdownPanels({ data }: { data: ClientDashboard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const theme = useChartTheme();
  const [impact, setImpact] = useState<ImpactLevel | null>(null);
  const statusColors: Record<DebtStatus, string> = {
    identified: theme.series[4],
    proposed: theme.series[0],
    accepted: theme.series[3],
    in_progress: theme.series[2],
    fixed: theme.series[1],
    wont_fix: theme.zero,
  };
  const statusRows = STATUSES.flatMap((status) => {
    const row = data.byStatus.find((s) => s.status === status);
    return row && row.items > 0
      ? [
          {
            key: status,
            label: t(`debt.status.${status}`),
            items: row.items,
            netBenefitMinor: row.netBenefitMinor,
            color: statusColors[status],
          },
        ]
      : [];
  });
  const impactRows = IMPACTS.flatMap((level) => {
    const row = data.byImpact.find((s) => s.impact === level);
    return row && row.items > 0
      ? [
          {
            key: level,
            label: t(`debt.impact.${level}`),
            items: row.items,
            netBenefitMinor: row.netBenefitMinor,
            color: theme.impact[level],
          },
        ]
      : [];
  });
  const slug = fileSlug(data.clientName);
  const byStatusTitle = t('businessCase.charts.byStatus');
  const byImpactTitle = t('businessCase.charts.byImpact');
  const toRegister = (status: string) => registerPath(data.clientId, [status as DebtStatus]);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <BreakdownChart
        rows={statusRows}
        currency={data.currency}
        title={byStatusTitle}
        description={t('businessCase.charts.byStatusDescription')}
        exportName={`${slug} - ${byStatusTitle}`}
        onOpen={(status) => void navigate(toRegister(status))}
        linkTo={toRegister}
      />
      <BreakdownChart
        rows={impactRows}
        currency={data.currency}
        title={byImpactTitle}
        description={t('businessCase.charts.byImpactDescription')}
        exportName={`${slug} - ${byImpactTitle}`}
        onOpen={(level) => setImpact(level as ImpactLevel)}
      />
      <ImpactItemsModal data={data} impact={impact} onClose={() => setImpact(null)} />
    </SimpleGrid>
  );
}

/** The items behind an impact bar (from the matrix: every item unless it is capped). */
function ImpactItemsModal({
  data,
  impact,
  onClose,
}: {
  data: ClientDashboard;
  impact: ImpactLevel | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useDebtFormat();
  const items = useMemo(
    () =>
      impact
        ? data.matrix
            .filter((p) => p.impact === impact)
            .sort((a, b) => b.netBenefitMinor - a.netBenefitMinor)
        : [],
    [data.matrix, impact],
  );
  const total = impact ? (data.byImpact.find((b) => b.impact === impact)?.items ?? 0) : 0;
  return (
    <Modal
      opened={impact !== null}
      onClose={onClose}
      title={impact ? t('businessCase.impactList', { impact: t(`debt.impact.${impact}`) }) : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {items.length < total && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('businessCase.charts.matrixCapped', {
            shown: fmt.number(items.length),
            total: fmt.number(total),
          })}
        </Text>
      )}
      <List size="sm" spacing={4} type="ordered" aria-label={t('businessCase.impactItems')}>
        {items.map((item) => (
          <List.Item key={item.id}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Anchor component={Link} to={`/debt/${item.id}`} size="sm" lineClamp={1}>
                {item.title}
              </Anchor>
              <Text size="sm" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                {t(`debt.status.${item.status}`)} ·{' '}
                {fmt.wholeMoney(item.netBenefitMinor, data.currency)}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </Modal>
  );
}

/** What the saved fix plan saves, or how to make one. */
export function PlanPanel({ data, scale = 'page' }: { data: ClientDashboard; scale?: ChartScale }) {
  const { t } = useTranslation();
  const fmt = useDebtFormat();
  const big = scale === 'present';
  const portfolio = `/clients/${data.clientId}/debt/portfolio`;
  const title = t('businessCase.plan.title');
  if (!data.plan) {
    return (
      <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
        <Title order={2} size={big ? 'h2' : 'h5'} mb="xs">
          {title}
        </Title>
        <ListFrame minHeight={big ? 360 : 180}>
          <Stack align="center" gap="xs" maw={480} ta="center" p="md">
            <IconTargetArrow size={big ? 48 : 28} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text fw={600} size={big ? 'xl' : 'md'}>
              {t('businessCase.plan.emptyTitle')}
            </Text>
            <Text size={big ? 'lg' : 'sm'} c="dimmed">
              {t('businessCase.plan.emptyDescription')}
            </Text>
            {!big && (
              <Button component={Link} to={portfolio} variant="light" mt="xs">
                {t('businessCase.plan.choose')}
              </Button>
            )}
          </Stack>
        </ListFrame>
      </Paper>
    );
  }
  const { plan, currency } = data;
  const share = plan.shareOfNetBenefit;
  const figures = [
    // The slide says how many items in its subtitle; four large figures fit a row.
    ...(big
      ? []
      : [{ key: 'items', label: t('businessCase.kpis.items'), value: fmt.number(plan.items) }]),
    {
      key: 'fixCost',
      label: t('businessCase.kpis.fixCost'),
      value: fmt.wholeMoney(plan.kpis.fixCostMinor, currency),
    },
    {
      key: 'netBenefit',
      label: t('businessCase.plan.saves'),
      value: fmt.wholeMoney(plan.kpis.netBenefitMinor, currency),
    },
    { key: 'roi', label: t('businessCase.kpis.roi'), value: fmt.percent(plan.kpis.roi) },
    {
      key: 'payback',
      label: t('businessCase.kpis.payback'),
      value: fmt.payback(plan.kpis.paybackQuarters),
    },
  ];
  return (
    <Paper withBorder radius="md" p={big ? 'xl' : 'md'} component="section" aria-label={title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <div>
          <Title order={2} size={big ? 'h2' : 'h5'}>
            {title}
          </Title>
          <Text size={big ? 'lg' : 'xs'} c="dimmed">
            {t('businessCase.plan.description', { count: plan.items })}
          </Text>
        </div>
        {!big && (
          <Button
            component={Link}
            to={portfolio}
            variant="default"
            size="xs"
            leftSection={<IconAdjustments size={14} aria-hidden />}
          >
            {t('businessCase.plan.change')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={big ? 4 : { base: 2, sm: 5 }} spacing={big ? 'xl' : 'sm'}>
        {figures.map((f) => (
          <div key={f.key}>
            <StatLabel size={big ? 'md' : 'xs'}>{f.label}</StatLabel>
            <Text fw={700} fz={big ? 40 : 18} className="tabular" data-plan-kpi={f.key}>
              {f.value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Stack gap={4} mt={big ? 'xl' : 'md'}>
        <Group justify="space-between">
          <Text size={big ? 'xl' : 'sm'} fw={500}>
            {t('businessCase.plan.share')}
          </Text>
          <Text size={big ? 'xl' : 'sm'} fw={700} className="tabular" data-plan-kpi="share">
            {fmt.percent(share)}
          </Text>
        </Group>
        <Progress
          value={share === null ? 0 : Math.max(0, Math.min(1, share)) * 100}
          size={big ? 'xl' : 'md'}
          aria-label={t('businessCase.plan.share')}
        />
      </Stack>
    </Paper>
  );
}
