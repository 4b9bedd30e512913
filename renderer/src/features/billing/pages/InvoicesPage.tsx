import type { InvoiceSummary } from '@core/api';
import { Button, SegmentedControl } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileExport, IconFileInvoice, IconPlus } from '@tabler/icons-react';
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
import { ExportPeriodModal } from '../../documents/ExportPeriodModal';
import { InvoiceStatusBadge } from '../components/common';
import { formatCalendarDate } from '../format';
import {
  INVOICE_STATUS_FILTERS,
  initialInvoiceView,
  invoiceListFilters,
  invoicePages,
  type InvoiceListFilters,
  type InvoiceStatusFilter,
} from '../queries';
import classes from '../../../components/ListPage.module.css';

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

/**
 * The invoices list. The dashboard links here with filters in the URL (`?status=overdue`,
 * `client`, `engagement`, `currency`, `issuedFrom`, `issuedTo`): they are read when the list
 * opens, so a new URL starts the list afresh.
 */
export function InvoicesPage() {
  const [params] = useSearchParams();
  return <InvoicesList key={params.toString()} params={params} />;
}

function InvoicesList({ params }: { params: URLSearchParams }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [initial] = useState(() => initialInvoiceView(params));
  const [status, setStatus] = useState(initial.status);
  const [drill, setDrill] = useState(initial.drill);
  const [exporting, setExporting] = useState(false);
  const [sort, setSort] = useState(initial.sort);
  const filters = useMemo(
    () => invoiceListFilters(debounced, status, drill, sort),
    [debounced, status, drill, sort],
  );
  const paged = usePagedRows(invoicePages(filters));
  const { first: list, total } = paged;
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
            <div className={`${tableClasses.secondary} ${tableClasses.negative}`}>
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

  const filtered = !!debounced || status !== 'all' || Object.keys(drill).length > 0;
  const newButton = (
    <Button
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={() => navigate('/invoices/new')}
    >
      {t('invoices.new')}
    </Button>
  );

  return (
    <div className={classes.page}>
      <ListToolbar
        count={list.data && total > 0 ? t('invoices.count', { count: total }) : null}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconFileExport size={16} aria-hidden />}
              onClick={() => setExporting(true)}
            >
              {t('documents.export.action')}
            </Button>
            {newButton}
          </>
        }
      >
        <SearchInput
          type="search"
          w={260}
          aria-label={t('invoices.search')}
          placeholder={t('invoices.search')}
          clearLabel={t('billing.clearSearch')}
          value={search}
          onChange={setSearch}
        />
        <SegmentedControl<InvoiceStatusFilter>
          aria-label={t('invoices.filterStatus')}
          value={status}
          onChange={setStatus}
          data={INVOICE_STATUS_FILTERS.map((s) => ({
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
      </ListToolbar>
      <DrillBanner drill={drill} onClear={() => setDrill({})} />
      <VirtualTable
        label={t('invoices.tableLabel')}
        loadingLabel={t('invoices.tableLoading')}
        errorTitle={t('billing.loadError')}
        columns={columns}
        template="minmax(120px, 1fr) minmax(160px, 2fr) 110px 120px 110px minmax(110px, 1fr) minmax(110px, 1fr)"
        minWidth={940}
        list={paged}
        empty={
          <ListEmpty
            icon={<IconFileInvoice size={28} />}
            title={filtered ? t('invoices.empty.filteredTitle') : t('invoices.empty.title')}
            description={
              filtered ? t('invoices.empty.filteredDescription') : t('invoices.empty.description')
            }
            actions={newButton}
            maw={480}
          />
        }
        rowKey={(inv) => inv.id}
        rowLabel={(inv) => `${inv.number ?? t('invoices.draftNumber')} — ${inv.clientName}`}
        sort={sort}
        onSort={(field) => setSort((s) => toggleSort(s, field))}
        onOpen={(inv) => navigate(`/invoices/${inv.id}`)}
      />
      <ExportPeriodModal opened={exporting} onClose={() => setExporting(false)} />
    </div>
  );
}
