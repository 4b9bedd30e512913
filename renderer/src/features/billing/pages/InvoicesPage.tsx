import { formatCalendarDate } from '../format';
import type { InvoiceDisplayStatus, InvoiceSummary } from '@core/api';
import {
  Button,
  CloseButton,
  EmptyState,
  Group,
  SegmentedControl,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileExport, IconFileInvoice, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../i18n/apiErrors';
import { useFormatters } from '../../../i18n/format';
import { Frame, InvoiceStatusBadge, LoadError } from '../components/common';
import { TableSkeleton, VirtualTable, type Column } from '../components/VirtualTable';
import tableClasses from '../components/VirtualTable.module.css';
import { usePagedRows } from '../../../lib/usePagedRows';
import {
  BILLING_PAGE_SIZE,
  billingKeys,
  fetchInvoicesPage,
  type InvoiceListFilters,
} from '../queries';
import { SortControl } from '../components/SortControl';
import { ExportPeriodModal } from '../../documents/ExportPeriodModal';
import classes from './Page.module.css';

type SortField = InvoiceListFilters['sort']['field'];
const SORT_FIELDS: SortField[] = [
  'createdAt',
  'number',
  'issueDate',
  'dueDate',
  'clientName',
  'total',
  'balance',
];
const STATUS_FILTERS = [
  'all',
  'draft',
  'issued',
  'partly_paid',
  'overdue',
  'paid',
  'void',
] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

export function InvoicesPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [exporting, setExporting] = useState(false);
  const [sort, setSort] = useState<InvoiceListFilters['sort']>({
    field: 'createdAt',
    direction: 'desc',
  });
  const filters = useMemo<InvoiceListFilters>(
    () => ({
      search: debounced,
      statuses: status === 'all' ? [] : [status as InvoiceDisplayStatus],
      sort,
    }),
    [debounced, status, sort],
  );
  const paged = usePagedRows({
    queryKey: billingKeys.invoices.list(filters),
    pageSize: BILLING_PAGE_SIZE,
    fetchPage: (offset, limit) => fetchInvoicesPage(filters, offset, limit),
  });
  const { first: list, rows, total } = paged;
  const locale = i18n.language;

  const columns: Column<InvoiceSummary, SortField>[] = [
    {
      key: 'number',
      header: t('invoices.columns.number'),
      sortField: 'number',
      render: (inv) => (
        <span className={tableClasses.primary}>{inv.number ?? t('invoices.draftNumber')}</span>
      ),
    },
    {
      key: 'client',
      header: t('invoices.columns.client'),
      sortField: 'clientName',
      render: (inv) => (
        <>
          <div>{inv.clientName}</div>
          {inv.engagementTitle && (
            <div className={tableClasses.secondary}>{inv.engagementTitle}</div>
          )}
        </>
      ),
    },
    {
      key: 'issue',
      header: t('invoices.columns.issueDate'),
      sortField: 'issueDate',
      render: (inv) => formatCalendarDate(inv.issueDate, locale),
    },
    {
      key: 'due',
      header: t('invoices.columns.dueDate'),
      sortField: 'dueDate',
      render: (inv) => (
        <>
          <div>{formatCalendarDate(inv.dueDate, locale)}</div>
          {inv.daysOverdue > 0 && inv.displayStatus === 'overdue' && (
            <div
              className={tableClasses.secondary}
              style={{ color: 'var(--mantine-color-red-text)' }}
            >
              {t('invoices.daysOverdue', { count: inv.daysOverdue })}
            </div>
          )}
        </>
      ),
    },
    {
      key: 'status',
      header: t('invoices.columns.status'),
      render: (inv) => <InvoiceStatusBadge status={inv.displayStatus} />,
    },
    {
      key: 'total',
      header: t('invoices.columns.total'),
      sortField: 'total',
      numeric: true,
      render: (inv) => fmt.money(inv.totalMinor, inv.currency),
    },
    {
      key: 'balance',
      header: t('invoices.columns.balance'),
      sortField: 'balance',
      numeric: true,
      render: (inv) => fmt.money(inv.status === 'void' ? 0 : inv.balanceMinor, inv.currency),
    },
  ];

  let content: React.ReactNode;
  if (list.isPending) content = <TableSkeleton label={t('common.loading')} />;
  else if (list.isError && !list.data)
    content = (
      <LoadError message={describeError(list.error, t)} onRetry={() => void list.refetch()} />
    );
  else if (total === 0 && !list.isPlaceholderData) {
    const filtered = !!debounced || status !== 'all';
    content = (
      <Frame>
        <EmptyState
          withIndicatorBackground
          icon={<IconFileInvoice size={28} />}
          title={filtered ? t('invoices.empty.filteredTitle') : t('invoices.empty.title')}
          description={
            filtered ? t('invoices.empty.filteredDescription') : t('invoices.empty.description')
          }
          maw={480}
        >
          <EmptyState.Actions>
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => navigate('/invoices/new')}
            >
              {t('invoices.new')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Frame>
    );
  } else
    content = (
      <VirtualTable
        label={t('invoices.tableLabel')}
        columns={columns}
        template="minmax(120px, 1fr) minmax(160px, 2fr) 110px 120px 110px minmax(110px, 1fr) minmax(110px, 1fr)"
        rows={rows}
        total={total}
        rowKey={(inv) => inv.id}
        rowLabel={(inv) => `${inv.number ?? t('invoices.draftNumber')} — ${inv.clientName}`}
        sort={sort}
        onSort={(field) =>
          setSort((s) => ({
            field,
            direction: s.field === field && s.direction === 'asc' ? 'desc' : 'asc',
          }))
        }
        onOpen={(inv) => navigate(`/invoices/${inv.id}`)}
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
            aria-label={t('invoices.search')}
            placeholder={t('invoices.search')}
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
          <SegmentedControl<StatusFilter>
            aria-label={t('invoices.filterStatus')}
            value={status}
            onChange={setStatus}
            data={STATUS_FILTERS.map((s) => ({
              value: s,
              label: s === 'all' ? t('invoices.allStatuses') : t(`invoices.status.${s}`),
            }))}
          />
          <SortControl
            fields={SORT_FIELDS}
            labelFor={(f) => t(`invoices.sort.${f}`)}
            sort={sort}
            onChange={setSort}
            width={160}
          />
        </Group>
        <Group gap="md" wrap="nowrap">
          {list.data && total > 0 && (
            <Text size="sm" c="dimmed" aria-live="polite" className="tabular">
              {t('invoices.count', { count: total })}
            </Text>
          )}
          <Button
            variant="default"
            leftSection={<IconFileExport size={16} aria-hidden />}
            onClick={() => setExporting(true)}
          >
            {t('documents.export.action')}
          </Button>
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => navigate('/invoices/new')}
          >
            {t('invoices.new')}
          </Button>
        </Group>
      </Group>
      {content}
      <ExportPeriodModal opened={exporting} onClose={() => setExporting(false)} />
    </div>
  );
}
