import type { DebtItem, DebtSortField, DebtTotals } from '@core/api/debt';
import {
  ActionIcon,
  Badge,
  Checkbox,
  Menu,
  Skeleton,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconCopy,
  IconDots,
  IconExternalLink,
  IconSelector,
  IconTrash,
} from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TFunction } from 'i18next';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportVisibleRows } from '../../../lib/usePagedRows';
import { useRowNavigation } from '../../../lib/useRowNavigation';
import { useDebtFormat, type DebtFormat } from '../format';
import { IMPACT_COLOR, STATUS_COLOR } from '../options';
import type { DebtSort } from '../queries';
import classes from './DebtTable.module.css';

export const ROW_HEIGHT = 56;
const HEADER_HEIGHT = 40;

export interface DebtRowActions {
  open: (item: DebtItem) => void;
  duplicate: (item: DebtItem) => void;
  confirmDelete: (item: DebtItem) => void;
}

export interface DebtTableProps {
  /** The register's full length; holes are rows whose page is still loading. */
  rows: readonly (DebtItem | undefined)[];
  total: number;
  totals: readonly DebtTotals[];
  sort: DebtSort;
  onSort: (field: DebtSortField) => void;
  showClient: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (checked: boolean) => void;
  /** Told which rows are on screen (with a margin) so their pages load. */
  onRangeChange: (first: number, last: number) => void;
  actions: DebtRowActions;
}

/**
 * The register as an ARIA table whose rows are virtualised: only the rows on screen exist
 * in the DOM, whether there are 10 items or 10,000. The totals stay pinned at the bottom.
 */
export function DebtTable({
  rows,
  total,
  totals,
  sort,
  onSort,
  showClient,
  selected,
  onToggle,
  onToggleAll,
  onRangeChange,
  actions,
}: DebtTableProps) {
  const { t } = useTranslation();
  const fmt = useDebtFormat();
  const scrollRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    scrollPaddingEnd: 44 * Math.max(1, totals.length),
  });
  const items = virtualizer.getVirtualItems();
  useReportVisibleRows(items, total, onRangeChange);

  const { tabbableIndex, onKeyDown, setActiveIndex } = useRowNavigation({
    virtualizer,
    scrollRef,
    total,
    rowHeight: ROW_HEIGHT,
    onRowKey: (key, index) => {
      const item = rows[index];
      if (!item) return false;
      if (key === 'Enter') actions.open(item);
      else if (key === ' ') onToggle(item.id);
      else if (key === 'Delete') actions.confirmDelete(item);
      else return false;
      return true;
    },
  });

  const loaded = rows.filter((row): row is DebtItem => row !== undefined);
  const loadedSelected = loaded.filter((row) => selected.has(row.id)).length;
  const allChecked = loaded.length > 0 && loadedSelected === loaded.length;

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="table"
      aria-label={t('debt.table.label')}
      aria-rowcount={total + 1 + totals.length}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={`${classes.grid} ${classes.header}`}>
          <div role="columnheader">
            <Checkbox
              size="xs"
              aria-label={t('debt.columns.selectAll')}
              checked={allChecked}
              indeterminate={loadedSelected > 0 && !allChecked}
              onChange={(event) => onToggleAll(event.currentTarget.checked)}
            />
          </div>
          <SortHeader field="title" sort={sort} onSort={onSort} label={t('debt.columns.title')} />
          <SortHeader field="impact" sort={sort} onSort={onSort} label={t('debt.columns.impact')} />
          <div role="columnheader">{t('debt.columns.status')}</div>
          <SortHeader
            field="quarterlyCost"
            sort={sort}
            onSort={onSort}
            numeric
            label={t('debt.columns.quarterlyCost')}
          />
          <div role="columnheader" className={classes.numericHeader}>
            {t('debt.columns.fixCost')}
          </div>
          <SortHeader
            field="netBenefit"
            sort={sort}
            onSort={onSort}
            numeric
            label={t('debt.columns.netBenefit')}
          />
          <SortHeader
            field="roi"
            sort={sort}
            onSort={onSort}
            numeric
            label={t('debt.columns.roi')}
          />
          <SortHeader
            field="payback"
            sort={sort}
            onSort={onSort}
            numeric
            label={t('debt.columns.payback')}
          />
          <SortHeader
            field="cd3"
            sort={sort}
            onSort={onSort}
            numeric
            label={t('debt.columns.cd3')}
          />
          <div role="columnheader">
            <VisuallyHidden>{t('debt.columns.actions')}</VisuallyHidden>
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
          const row = rows[item.index];
          const top = item.start - virtualizer.options.scrollMargin;
          return row ? (
            <DebtRow
              key={row.id}
              item={row}
              index={item.index}
              top={top}
              tabbable={item.index === tabbableIndex}
              selected={selected.has(row.id)}
              showClient={showClient}
              onToggle={onToggle}
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
      {totals.length > 0 && (
        <div role="rowgroup" className={classes.footer} aria-label={t('debt.totals.label')}>
          {totals.map((row, i) => (
            <div
              role="row"
              key={row.currency}
              aria-rowindex={total + 2 + i}
              aria-label={t('debt.totals.rowLabel', { currency: row.currency })}
              data-currency={row.currency}
              className={`${classes.grid} ${classes.totalsRow}`}
            >
              <div role="cell" />
              <div role="cell" className={classes.cell}>
                {t('debt.totals.items', { count: row.items, currency: row.currency })}
              </div>
              <div role="cell" />
              <div role="cell" className={classes.secondary}>
                {t('debt.totals.pvCarry')}
              </div>
              <div role="cell" className={classes.numeric} data-total="pvCarry">
                {fmt.wholeMoney(row.pvCarryMinor, row.currency)}
              </div>
              <div role="cell" className={classes.numeric} data-total="fixCost">
                {fmt.wholeMoney(row.fixCostMinor, row.currency)}
              </div>
              <div
                role="cell"
                data-total="netBenefit"
                className={`${classes.numeric} ${row.netBenefitMinor < 0 ? classes.negative : ''}`}
              >
                {fmt.wholeMoney(row.netBenefitMinor, row.currency)}
              </div>
              <div role="cell" className={classes.numeric} data-total="roi">
                {fmt.percent(row.roi)}
              </div>
              <div role="cell" />
              <div role="cell" />
              <div role="cell" />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function SortHeader({
  field,
  label,
  sort,
  onSort,
  numeric,
}: {
  field: DebtSortField;
  label: string;
  sort: DebtSort;
  onSort: (field: DebtSortField) => void;
  numeric?: boolean;
}) {
  const active = sort.field === field;
  const Icon = !active ? IconSelector : sort.direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <div
      role="columnheader"
      className={numeric ? classes.numericHeader : undefined}
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

interface DebtRowProps {
  item: DebtItem;
  index: number;
  top: number;
  tabbable: boolean;
  selected: boolean;
  showClient: boolean;
  onToggle: (id: string) => void;
  onFocusRow: (index: number) => void;
  actions: DebtRowActions;
  fmt: DebtFormat;
  t: TFunction;
}

const DebtRow = memo(function DebtRow({
  item,
  index,
  top,
  tabbable,
  selected,
  showClient,
  onToggle,
  onFocusRow,
  actions,
  fmt,
  t,
}: DebtRowProps) {
  const ev = item.evaluation;
  const secondary = [
    showClient ? item.clientName : null,
    t(`debt.category.${item.category}`),
    item.affectedSystem || null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      data-selected={selected || undefined}
      tabIndex={tabbable ? 0 : -1}
      className={`${classes.grid} ${classes.row}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => actions.open(item)}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow(index);
      }}
    >
      <div role="cell" onClick={(event) => event.stopPropagation()}>
        <Checkbox
          size="xs"
          tabIndex={tabbable ? 0 : -1}
          aria-label={t('debt.columns.selectRow', { title: item.title })}
          checked={selected}
          onChange={() => onToggle(item.id)}
        />
      </div>
      <div role="cell" className={classes.cell}>
        <div className={classes.primary} title={item.title}>
          {item.title}
        </div>
        <div className={classes.secondary} title={secondary}>
          {secondary}
        </div>
      </div>
      <div role="cell">
        <Badge size="sm" variant="light" color={IMPACT_COLOR[item.impact]} radius="sm">
          {t(`debt.impact.${item.impact}`)}
        </Badge>
      </div>
      <div role="cell" className={classes.cell}>
        <Badge size="sm" variant="dot" color={STATUS_COLOR[item.status]} radius="sm">
          {t(`debt.status.${item.status}`)}
        </Badge>
      </div>
      <div role="cell" className={classes.numeric}>
        {fmt.wholeMoney(item.quarterlyCostMinor.likely, item.currency)}
      </div>
      <div role="cell" className={classes.numeric}>
        {fmt.wholeMoney(ev.fixCostMinor, item.currency)}
      </div>
      <div
        role="cell"
        className={`${classes.numeric} ${ev.netBenefitMinor < 0 ? classes.negative : ''}`}
      >
        {fmt.wholeMoney(ev.netBenefitMinor, item.currency)}
      </div>
      <div role="cell" className={classes.numeric}>
        {fmt.percent(ev.roi)}
      </div>
      <div role="cell" className={classes.numeric}>
        {fmt.payback(ev.paybackQuarters)}
      </div>
      <div role="cell" className={classes.numeric}>
        {fmt.cd3(ev.cd3, item.currency)}
      </div>
      <div role="cell" className={classes.end} onClick={(event) => event.stopPropagation()}>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              tabIndex={tabbable ? 0 : -1}
              aria-label={t('debt.actions.menu', { title: item.title })}
            >
              <IconDots size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconExternalLink size={16} aria-hidden />}
              onClick={() => actions.open(item)}
            >
              {t('debt.actions.open')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconCopy size={16} aria-hidden />}
              onClick={() => actions.duplicate(item)}
            >
              {t('debt.actions.duplicate')}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => actions.confirmDelete(item)}
            >
              {t('debt.actions.delete')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
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
      {Array.from({ length: 11 }, (_, i) => (
        <div role="cell" key={i}>
          {i > 0 && i < 10 && <Skeleton height={10} width="70%" radius="sm" />}
        </div>
      ))}
    </div>
  );
}

export function DebtTableSkeleton() {
  const { t } = useTranslation();
  return (
    <div className={classes.scroller} aria-busy aria-label={t('debt.table.loading')} role="table">
      <div role="rowgroup" className={classes.body} style={{ height: ROW_HEIGHT * 8 }}>
        {Array.from({ length: 8 }, (_, i) => (
          <LoadingRow key={i} index={i} top={i * ROW_HEIGHT} />
        ))}
      </div>
    </div>
  );
}
