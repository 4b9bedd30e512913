import type { Engagement, EngagementStage } from '@core/api';
import {
  Button,
  CloseButton,
  EmptyState,
  Group,
  MultiSelect,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBriefcase, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../i18n/apiErrors';
import { useFormatters } from '../../../i18n/format';
import { ClientPicker } from '../components/ClientPicker';
import { Frame, LoadError, StageBadge } from '../components/common';
import { EngagementFormModal } from '../components/EngagementFormModal';
import { ENGAGEMENT_STAGES } from '../options';
import { TableSkeleton, VirtualTable, type Column } from '../components/VirtualTable';
import tableClasses from '../components/VirtualTable.module.css';
import { usePagedRows } from '../../../lib/usePagedRows';
import {
  BILLING_PAGE_SIZE,
  billingKeys,
  fetchEngagementsPage,
  type EngagementListFilters,
} from '../queries';
import { SortControl } from '../components/SortControl';
import classes from './Page.module.css';

type SortField = EngagementListFilters['sort']['field'];
const SORT_FIELDS: SortField[] = [
  'updatedAt',
  'title',
  'clientName',
  'stage',
  'contractValue',
  'startDate',
];

export function EngagementsPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [stages, setStages] = useState<EngagementStage[]>([]);
  const [clientId, setClientId] = useState<string | null>(null);
  const [sort, setSort] = useState<EngagementListFilters['sort']>({
    field: 'updatedAt',
    direction: 'desc',
  });
  const [creating, setCreating] = useState(false);

  const filters = useMemo(
    () => ({ search: debounced, stages, clientId, sort }),
    [debounced, stages, clientId, sort],
  );
  const paged = usePagedRows({
    queryKey: billingKeys.engagements.list(filters),
    pageSize: BILLING_PAGE_SIZE,
    fetchPage: (offset, limit) => fetchEngagementsPage(filters, offset, limit),
  });
  const { first: list, rows, total } = paged;
  const filtered = !!(debounced || stages.length || clientId);

  const money = (minor: number, e: Engagement) => fmt.money(minor, e.currency);
  const columns: Column<Engagement, SortField>[] = [
    {
      key: 'title',
      header: t('engagements.columns.title'),
      sortField: 'title',
      render: (e) => (
        <>
          <div className={tableClasses.primary}>{e.title}</div>
          <div className={tableClasses.secondary}>{e.clientName}</div>
        </>
      ),
    },
    {
      key: 'stage',
      header: t('engagements.columns.stage'),
      sortField: 'stage',
      render: (e) => <StageBadge stage={e.stage} />,
    },
    {
      key: 'value',
      header: t('engagements.columns.contractValue'),
      sortField: 'contractValue',
      numeric: true,
      render: (e) => money(e.contractValueMinor, e),
    },
    {
      key: 'invoiced',
      header: t('engagements.columns.invoiced'),
      numeric: true,
      render: (e) => money(e.invoicedMinor, e),
    },
    {
      key: 'paid',
      header: t('engagements.columns.paid'),
      numeric: true,
      render: (e) => money(e.paidMinor, e),
    },
    {
      key: 'outstanding',
      header: t('engagements.columns.outstanding'),
      numeric: true,
      render: (e) => (
        <Text span size="sm" fw={e.outstandingMinor > 0 ? 600 : 400}>
          {money(e.outstandingMinor, e)}
        </Text>
      ),
    },
  ];

  let content: React.ReactNode;
  if (list.isPending) content = <TableSkeleton label={t('common.loading')} />;
  else if (list.isError && !list.data)
    content = (
      <LoadError message={describeError(list.error, t)} onRetry={() => void list.refetch()} />
    );
  else if (total === 0 && !list.isPlaceholderData)
    content = (
      <Frame>
        <EmptyState
          withIndicatorBackground
          icon={<IconBriefcase size={28} />}
          title={filtered ? t('engagements.empty.filteredTitle') : t('engagements.empty.title')}
          description={
            filtered
              ? t('engagements.empty.filteredDescription')
              : t('engagements.empty.description')
          }
          maw={460}
        >
          <EmptyState.Actions>
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setCreating(true)}
            >
              {t('engagements.new')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Frame>
    );
  else
    content = (
      <VirtualTable
        label={t('engagements.tableLabel')}
        columns={columns}
        template="minmax(240px, 2.4fr) 130px repeat(4, minmax(120px, 1fr))"
        rows={rows}
        total={total}
        rowKey={(e) => e.id}
        rowLabel={(e) => `${e.title} — ${e.clientName}`}
        sort={sort}
        onSort={(field) =>
          setSort((s) => ({
            field,
            direction: s.field === field && s.direction === 'asc' ? 'desc' : 'asc',
          }))
        }
        onOpen={(e) => navigate(`/engagements/${e.id}`)}
        onRangeChange={paged.showRange}
      />
    );

  return (
    <div className={classes.page}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap">
          <TextInput
            type="search"
            w={260}
            aria-label={t('engagements.search')}
            placeholder={t('engagements.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            rightSection={
              search ? (
                <CloseButton
                  size="sm"
                  aria-label={t('billing.clearSearch')}
                  onClick={() => setSearch('')}
                />
              ) : null
            }
          />
          <ClientPicker
            aria-label={t('engagements.filterClient')}
            placeholder={t('engagements.allClients')}
            clearable
            w={200}
            value={clientId}
            onClientChange={(c) => setClientId(c?.id ?? null)}
          />
          <MultiSelect
            aria-label={t('engagements.filterStage')}
            placeholder={stages.length ? undefined : t('engagements.allStages')}
            w={240}
            clearable
            data={ENGAGEMENT_STAGES.map((s) => ({ value: s, label: t(`engagements.stage.${s}`) }))}
            value={stages}
            onChange={(v) => setStages(v as EngagementStage[])}
            comboboxProps={{ withinPortal: true }}
          />
          <SortControl
            fields={SORT_FIELDS}
            labelFor={(f) => t(`engagements.sort.${f}`)}
            sort={sort}
            onChange={setSort}
            width={170}
          />
        </Group>
        <Group gap="md" wrap="nowrap">
          {list.data && total > 0 && (
            <Text size="sm" c="dimmed" aria-live="polite" className="tabular">
              {t('engagements.count', { count: total })}
            </Text>
          )}
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t('engagements.new')}
          </Button>
        </Group>
      </Group>
      {content}
      <EngagementFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(e) => navigate(`/engagements/${e.id}`)}
      />
    </div>
  );
}
