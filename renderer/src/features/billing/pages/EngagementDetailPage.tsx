import { formatCalendarDate } from '../format';
import { SlaSection } from '../../sla/components/SlaSection';
import { EngagementDocuments } from '../../documents/EngagementDocuments';
import { HistoryPanel } from '../../audit/HistoryPanel';
import type { Engagement } from '@core/api';
import { ApiError } from '@core/api';
import {
  Anchor,
  Button,
  EmptyState,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCalendarStats, IconEdit, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError } from '../../../i18n/apiErrors';
import { useFormatters } from '../../../i18n/format';
import {
  DeleteEngagementButton,
  LinkedDebtItems,
  StageSelect,
} from '../components/EngagementControls';
import { EngagementFormModal } from '../components/EngagementFormModal';
import { MilestoneList } from '../components/MilestoneList';
import { ScheduleEditor } from '../components/ScheduleEditor';
import { InvoiceStatusBadge, LoadError } from '../components/common';
import {
  billingKeys,
  billingQueries,
  fetchInvoicesPage,
  type InvoiceListFilters,
} from '../queries';
import { StatCard, StatLabel } from '../../../ui/StatCard';
import classes from './Page.module.css';
import { BackLink } from '../../../components/BackLink';

/** Scope or deliverables: a caption over the text as typed (line breaks kept). */
function TextCard({ label, text }: { label: string; text: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <StatLabel>{label}</StatLabel>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
    </Paper>
  );
}

export function EngagementDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery(billingQueries.engagement(id));
  const e = query.data;
  if (query.isError && !e) {
    const missing = query.error instanceof ApiError && query.error.code === 'NOT_FOUND';
    return (
      <div className={classes.scrollPage}>
        <LoadError
          message={missing ? t('engagements.missing') : describeError(query.error, t)}
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  }
  if (!e) {
    return (
      <div className={classes.scrollPage} aria-busy aria-label={t('common.loading')}>
        <Skeleton height={32} width={320} />
        <SimpleGrid cols={5}>
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} height={72} radius="md" />
          ))}
        </SimpleGrid>
        <Skeleton height={240} radius="md" />
      </div>
    );
  }
  return <EngagementDetail engagement={e} />;
}

function EngagementDetail({ engagement: e }: { engagement: Engagement }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [editingSchedule, setEditingSchedule] = useState(false);
  const schedule = useQuery(billingQueries.schedule(e.id));
  const money = (minor: number) => fmt.money(minor, e.currency);
  const locale = i18n.language;

  return (
    <div className={classes.scrollPage}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <BackLink to="/engagements">{t('engagements.back')}</BackLink>
          <Group gap="sm">
            <Title order={2}>{e.title}</Title>
            <StageSelect engagement={e} />
          </Group>
          <Text c="dimmed" size="sm">
            {e.clientName} · {t(`engagements.type.${e.type}`)} · {e.currency}
            {e.startDate || e.endDate
              ? ` · ${formatCalendarDate(e.startDate, locale)} – ${formatCalendarDate(e.endDate, locale)}`
              : ''}
          </Text>
        </Stack>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => navigate(`/invoices/new?engagement=${e.id}`)}
          >
            {t('invoices.newForEngagement')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconEdit size={16} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            {t('engagements.edit')}
          </Button>
          <DeleteEngagementButton engagement={e} />
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="md">
        <StatCard
          label={t('engagements.columns.contractValue')}
          value={money(e.contractValueMinor)}
        />
        <StatCard label={t('engagements.columns.invoiced')} value={money(e.invoicedMinor)} />
        <StatCard
          label={t('engagements.columns.paid')}
          value={money(e.paidMinor)}
          testId="engagement-paid"
        />
        <StatCard label={t('engagements.columns.outstanding')} value={money(e.outstandingMinor)} />
        <StatCard label={t('engagements.columns.remaining')} value={money(e.remainingMinor)} />
      </SimpleGrid>

      {(e.scope || e.deliverables) && (
        <SimpleGrid cols={2} spacing="md">
          {e.scope && <TextCard label={t('engagements.fields.scope')} text={e.scope} />}
          {e.deliverables && (
            <TextCard label={t('engagements.fields.deliverables')} text={e.deliverables} />
          )}
        </SimpleGrid>
      )}

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="schedule-title">
        <Group justify="space-between" mb="md">
          <Title order={3} size="h4" id="schedule-title">
            {t('milestones.title')}
          </Title>
          {!editingSchedule && schedule.data && schedule.data.milestones.length > 0 && (
            <Button
              variant="light"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setEditingSchedule(true)}
            >
              {t('milestones.editSchedule')}
            </Button>
          )}
        </Group>
        {schedule.isError && !schedule.data ? (
          <LoadError
            message={describeError(schedule.error, t)}
            onRetry={() => void schedule.refetch()}
          />
        ) : !schedule.data ? (
          <Skeleton height={160} radius="md" />
        ) : editingSchedule ? (
          <ScheduleEditor schedule={schedule.data} onDone={() => setEditingSchedule(false)} />
        ) : schedule.data.milestones.length === 0 ? (
          <EmptyState
            withIndicatorBackground
            icon={<IconCalendarStats size={28} />}
            title={t('milestones.empty.title')}
            description={t('milestones.empty.description')}
          >
            <EmptyState.Actions>
              <Button onClick={() => setEditingSchedule(true)}>
                {t('milestones.empty.action')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <MilestoneList schedule={schedule.data} />
        )}
      </Paper>

      <EngagementDocuments engagement={e} />
      <LinkedDebtItems engagement={e} />
      <EngagementInvoices engagement={e} />
      <Valuation engagement={e} />
      <SlaSection engagement={e} />
      <HistoryPanel entity="engagement" entityId={e.id} />

      <EngagementFormModal engagement={e} opened={editing} onClose={() => setEditing(false)} />
    </div>
  );
}

function EngagementInvoices({ engagement: e }: { engagement: Engagement }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  // One engagement has a handful of invoices: the first page is all of them in practice.
  const filters: InvoiceListFilters = {
    search: '',
    statuses: [],
    engagementId: e.id,
    sort: { field: 'createdAt', direction: 'asc' },
  };
  const list = useQuery({
    queryKey: [...billingKeys.invoices.list(filters), 'page', 0],
    queryFn: () => fetchInvoicesPage(filters, 0, 500),
  });
  const rows = list.data?.items ?? [];
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="eng-invoices">
      <Title order={3} size="h4" id="eng-invoices" mb="md">
        {t('engagements.invoices')}
      </Title>
      {list.isError ? (
        <LoadError message={describeError(list.error, t)} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Skeleton height={60} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('engagements.noInvoices')}
        </Text>
      ) : (
        <Table highlightOnHover aria-label={t('engagements.invoices')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoices.columns.number')}</Table.Th>
              <Table.Th>{t('invoices.columns.issueDate')}</Table.Th>
              <Table.Th>{t('invoices.columns.status')}</Table.Th>
              <Table.Th ta="right">{t('invoices.columns.total')}</Table.Th>
              <Table.Th ta="right">{t('invoices.columns.balance')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((inv) => (
              <Table.Tr
                key={inv.id}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate(`/invoices/${inv.id}`)}
              >
                <Table.Td>
                  <Anchor component={Link} to={`/invoices/${inv.id}`} size="sm">
                    {inv.number ?? t('invoices.draftNumber')}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatCalendarDate(inv.issueDate, i18n.language)}</Table.Td>
                <Table.Td>
                  <InvoiceStatusBadge status={inv.displayStatus} />
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {fmt.money(inv.totalMinor, inv.currency)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {fmt.money(inv.balanceMinor, inv.currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function Valuation({ engagement: e }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [ratePercent, setRatePercent] = useState<number>(10);
  const query = useQuery({
    ...billingQueries.valuation(e.id, ratePercent / 100),
    enabled: e.milestoneCount > 0,
  });
  if (e.milestoneCount === 0) return null;
  const v = query.data;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="eng-valuation">
      <Group justify="space-between" align="flex-end" mb="md">
        <Stack gap={2}>
          <Title order={3} size="h4" id="eng-valuation">
            {t('valuation.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('valuation.description')}
          </Text>
        </Stack>
        <NumberInput
          label={t('valuation.rate')}
          w={160}
          min={-99}
          max={1000}
          decimalScale={2}
          suffix=" %"
          value={ratePercent}
          onChange={(value) => setRatePercent(Number(value) || 0)}
        />
      </Group>
      {query.isError ? (
        <Text size="sm" c="red">
          {describeError(query.error, t)}
        </Text>
      ) : !v ? (
        <Skeleton height={72} />
      ) : v.flows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('valuation.noFlows')}
        </Text>
      ) : (
        <SimpleGrid cols={3} spacing="md">
          <StatCard label={t('valuation.total')} value={fmt.money(v.totalMinor, v.currency)} />
          <StatCard
            label={t('valuation.xnpv')}
            value={fmt.money(Math.round(v.xnpvMinor), v.currency)}
          />
          <StatCard
            label={t('valuation.xirr')}
            value={
              v.xirr === null
                ? '—'
                : new Intl.NumberFormat(fmt.locale, {
                    style: 'percent',
                    maximumFractionDigits: 1,
                  }).format(v.xirr)
            }
          />
          {v.skippedMilestones > 0 && (
            <Text size="xs" c="dimmed" style={{ gridColumn: '1 / -1' }}>
              {t('valuation.skipped', { count: v.skippedMilestones })}
            </Text>
          )}
        </SimpleGrid>
      )}
    </Paper>
  );
}
