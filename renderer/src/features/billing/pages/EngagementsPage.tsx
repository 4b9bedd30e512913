import type { Engagement, EngagementStage } from '@core/api';
import { Button, MultiSelect, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBriefcase, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ListEmpty } from '../../../components/ListStates';
import { ListToolbar, SearchInput, SortControl } from '../../../components/ListToolbar';
import { VirtualTable, type Column } from '../../../components/VirtualTable';
import tableClasses from '../../../components/VirtualTable.module.css';
import { useFormatters } from '../../../i18n/format';
import { toggleSort } from '../../../lib/listState';
import { usePagedRows } from '../../../lib/usePagedRows';
import { DrillBanner } from '../../dashboard/DrillBanner';
import { readDrillParams, readListParam } from '../../dashboard/drill';
import { ClientPicker } from '../components/ClientPicker';
import { StageBadge } from '../components/common';
import { EngagementFormModal } from '../components/EngagementFormModal';
import { ENGAGEMENT_STAGES } from '../options';
import {
  BILLING_PAGE_SIZE,
  billingKeys,
  fetchEngagementsPage,
  type EngagementListFilters,
} from '../queries';
import classes from '../../../components/ListPage.module.css';

type SortField = EngagementListFilters['sort']['field'];
const SORT_FIELDS: SortField[] = [
  'updatedAt',
  'title',
  'clientName',
  'stage',
  'contractValue',
  'startDate',
];

/**
 * The engagements list. The dashboard links here with filters in the URL (`?stage=won,active
 * &currency=EUR&client=…`): they are read when the list opens, so a new URL starts afresh.
 */
export function EngagementsPage() {
  const [params] = useSearchParams();
  return <EngagementsList key={params.toString()} params={params} />;
}

function EngagementsList({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [stages, setStages] = useState<EngagementStage[]>(() =>
    readListParam(params, 'stage', ENGAGEMENT_STAGES),
  );
  const [clientId, setClientId] = useState<string | null>(
    () => readDrillParams(params).clientId ?? null,
  );
  const [currency, setCurrency] = useState(() => readDrillParams(params).currency ?? null);
  const [sort, setSort] = useState<EngagementListFilters['sort']>({
    field: 'updatedAt',
    direction: 'desc',
  });
  const [creating, setCreating] = useState(false);

  const filters = useMemo(
    () => ({ search: debounced, stages, clientId, currency, sort }),
    [debounced, stages, clientId, currency, sort],
  );
  const paged = usePagedRows({
    queryKey: billingKeys.engagements.list(filters),
    pageSize: BILLING_PAGE_SIZE,
    fetchPage: (offset, limit) => fetchEngagementsPage(filters, offset, limit),
  });
  const { first: list, total } = paged;
  const filtered = !!(debounced || stages.length || clientId || currency);

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
  const newButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('engagements.new')}
    </Button>
  );

  return (
    <div className={classes.page}>
      <ListToolbar
        count={list.data && total > 0 ? t('engagements.count', { count: total }) : null}
        actions={newButton}
      >
        <SearchInput
          type="search"
          w={260}
          aria-label={t('engagements.search')}
          placeholder={t('engagements.search')}
          clearLabel={t('billing.clearSearch')}
          value={search}
          onChange={setSearch}
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
      </ListToolbar>
      {currency && <DrillBanner drill={{ currency }} onClear={() => setCurrency(null)} />}
      <VirtualTable
        label={t('engagements.tableLabel')}
        loadingLabel={t('engagements.tableLoading')}
        errorTitle={t('billing.loadError')}
        columns={columns}
        template="minmax(240px, 2.4fr) 130px repeat(4, minmax(120px, 1fr))"
        minWidth={940}
        list={paged}
        empty={
          <ListEmpty
            icon={<IconBriefcase size={28} />}
            title={filtered ? t('engagements.empty.filteredTitle') : t('engagements.empty.title')}
            description={
              filtered
                ? t('engagements.empty.filteredDescription')
                : t('engagements.empty.description')
            }
            actions={newButton}
          />
        }
        rowKey={(e) => e.id}
        rowLabel={(e) => `${e.title} — ${e.clientName}`}
        sort={sort}
        onSort={(field) => setSort((s) => toggleSort(s, field))}
        onOpen={(e) => navigate(`/engagements/${e.id}`)}
      />
      <EngagementFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(e) => navigate(`/engagements/${e.id}`)}
      />
    </div>
  );
}
