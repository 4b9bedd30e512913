import type { Client, ClientSortField } from '@core/api';
import { Badge, Skeleton, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TFunction } from 'i18next';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters, type Formatters } from '../../../i18n/format';
import { useReportVisibleRows } from '../../../lib/usePagedRows';
import { useRowNavigation } from '../../../lib/useRowNavigation';
import type { ClientSort } from '../../../stores/clientFilters';
import { ClientRowActions, type ClientActionHandlers } from './ClientRowActions';
import classes from './ClientsTable.module.css';

export const ROW_HEIGHT = 56;
const HEADER_HEIGHT = 40;

export interface ClientsTableProps {
  /** The list's full length; holes are rows whose page is still loading. */
  rows: readonly (Client | undefined)[];
  total: number;
  sort: ClientSort;
  onSort: (field: ClientSortField) => void;
  /** Told which rows are on screen (with a margin) so their pages load. */
  onRangeChange: (first: number, last: number) => void;
  actions: ClientActionHandlers;
}

/**
 * The client list as an ARIA table whose rows are virtualised: only the rows on screen
 * (plus a few) exist in the DOM, whether there are 10 clients or 10,000. One row at a
 * time is in the tab order; arrow keys, Page Up/Down, Home and End move between rows.
 */
export function ClientsTable({
  rows,
  total,
  sort,
  onSort,
  onRangeChange,
  actions,
}: ClientsTableProps) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const scrollRef = useRef<HTMLDivElement>(null);

  // TanStack Virtual hands back a mutable instance, which React Compiler cannot memoise;
  // this component is not compiled, so the warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  useReportVisibleRows(items, total, onRangeChange);

  const { tabbableIndex, onKeyDown, setActiveIndex } = useRowNavigation({
    virtualizer,
    scrollRef,
    total,
    rowHeight: ROW_HEIGHT,
    onRowKey: (key, index) => {
      const client = rows[index];
      if (!client) return false;
      if (key === 'Enter' || key === ' ') actions.open(client);
      else if (key === 'Delete') actions.confirmDelete(client);
      else return false;
      return true;
    },
  });

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="table"
      aria-label={t('clients.table.label')}
      aria-rowcount={total + 1}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={`${classes.grid} ${classes.header}`}>
          <SortHeader
            field="displayName"
            sort={sort}
            onSort={onSort}
            label={t('clients.columns.name')}
          />
          <div role="columnheader">{t('clients.columns.contact')}</div>
          <SortHeader
            field="defaultCurrency"
            sort={sort}
            onSort={onSort}
            label={t('clients.columns.currency')}
          />
          <div role="columnheader" className={classes.numeric}>
            {t('clients.columns.dayRate')}
          </div>
          <div role="columnheader">{t('clients.columns.paymentTerms')}</div>
          <SortHeader
            field="updatedAt"
            sort={sort}
            onSort={onSort}
            label={t('clients.columns.updated')}
          />
          <div role="columnheader">
            <VisuallyHidden>{t('clients.columns.actions')}</VisuallyHidden>
          </div>
        </div>
      </div>
      <div
        role="rowgroup"
        className={classes.body}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {items.map((item) => {
          const client = rows[item.index];
          const top = item.start - virtualizer.options.scrollMargin;
          return client ? (
            <ClientRow
              key={client.id}
              client={client}
              index={item.index}
              top={top}
              tabbable={item.index === tabbableIndex}
              last={item.index === total - 1}
              onFocusRow={setActiveIndex}
              actions={actions}
              fmt={fmt}
              t={t}
            />
          ) : (
            <LoadingRow key={`loading-${item.index}`} index={item.index} top={top} />
          );
        })}
      </div>
    </div>
  );
}

function SortHeader({
  field,
  label,
  sort,
  onSort,
}: {
  field: ClientSortField;
  label: string;
  sort: ClientSort;
  onSort: (field: ClientSortField) => void;
}) {
  const active = sort.field === field;
  const Icon = !active ? IconSelector : sort.direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <div
      role="columnheader"
      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton
        className={classes.sortButton}
        data-active={active || undefined}
        onClick={() => onSort(field)}
      >
        {label}
        <Icon size={14} stroke={2} aria-hidden />
      </UnstyledButton>
    </div>
  );
}

interface ClientRowProps {
  client: Client;
  index: number;
  top: number;
  tabbable: boolean;
  last: boolean;
  onFocusRow: (index: number) => void;
  actions: ClientActionHandlers;
  fmt: Formatters;
  t: TFunction;
}

const ClientRow = memo(function ClientRow({
  client,
  index,
  top,
  tabbable,
  last,
  onFocusRow,
  actions,
  fmt,
  t,
}: ClientRowProps) {
  const terms =
    client.paymentTermsDays === 0
      ? t('clients.terms.onReceipt')
      : t('clients.terms.days', { count: client.paymentTermsDays });
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-archived={client.archived || undefined}
      data-last={last || undefined}
      tabIndex={tabbable ? 0 : -1}
      className={`${classes.grid} ${classes.row}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => actions.open(client)}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow(index);
      }}
    >
      <div role="cell" className={classes.cell}>
        <div className={classes.nameLine}>
          <span className={classes.primary} title={client.displayName}>
            {client.displayName}
          </span>
          {client.archived && (
            <Badge size="xs" variant="light" color="gray" radius="sm" style={{ flexShrink: 0 }}>
              {t('clients.archivedBadge')}
            </Badge>
          )}
        </div>
        {client.legalName && (
          <div className={classes.secondary} title={client.legalName}>
            {client.legalName}
          </div>
        )}
      </div>
      <div role="cell" className={classes.cell}>
        {client.contactPerson && <div className={classes.single}>{client.contactPerson}</div>}
        {client.email && <div className={classes.secondary}>{client.email}</div>}
        {!client.contactPerson && !client.email && <div className={classes.secondary}>—</div>}
      </div>
      <div role="cell" className={classes.cell}>
        <Badge variant="default" radius="sm" className="tabular">
          {client.defaultCurrency}
        </Badge>
      </div>
      <div role="cell" className={`${classes.cell} ${classes.single} ${classes.numeric}`}>
        {client.defaultDayRateMinor > 0
          ? fmt.money(client.defaultDayRateMinor, client.defaultCurrency)
          : '—'}
      </div>
      <div role="cell" className={`${classes.cell} ${classes.single}`}>
        {terms}
      </div>
      <div
        role="cell"
        className={`${classes.cell} ${classes.single}`}
        title={fmt.dateTime(client.updatedAt)}
      >
        {fmt.relative(client.updatedAt)}
      </div>
      <div role="cell" className={`${classes.cell} ${classes.end}`}>
        <ClientRowActions client={client} actions={actions} tabIndex={tabbable ? 0 : -1} />
      </div>
    </div>
  );
});

function LoadingRow({ index, top }: { index: number; top: number }) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-busy
      data-index={index}
      className={`${classes.grid} ${classes.row}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div role="cell">
        <Skeleton height={10} width="70%" radius="sm" />
        <Skeleton height={8} width="45%" radius="sm" mt={8} />
      </div>
      <div role="cell">
        <Skeleton height={10} width="60%" radius="sm" />
      </div>
      <div role="cell">
        <Skeleton height={18} width={44} radius="sm" />
      </div>
      <div role="cell">
        <Skeleton height={10} width="70%" radius="sm" ml="auto" />
      </div>
      <div role="cell">
        <Skeleton height={10} width="60%" radius="sm" />
      </div>
      <div role="cell">
        <Skeleton height={10} width="60%" radius="sm" />
      </div>
      <div role="cell" />
    </div>
  );
}

/** Placeholder rows while the first page loads. */
export function ClientsTableSkeleton() {
  const { t } = useTranslation();
  return (
    <div
      className={classes.scroller}
      aria-busy
      aria-label={t('clients.table.loading')}
      role="table"
    >
      <div role="rowgroup">
        <div role="row" className={`${classes.grid} ${classes.header}`}>
          {Array.from({ length: 7 }, (_, i) => (
            <div role="columnheader" key={i}>
              {i < 6 && <Skeleton height={8} width="50%" radius="sm" />}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className={classes.body} style={{ height: ROW_HEIGHT * 8 }}>
        {Array.from({ length: 8 }, (_, i) => (
          <LoadingRow key={i} index={i} top={i * ROW_HEIGHT} />
        ))}
      </div>
    </div>
  );
}
