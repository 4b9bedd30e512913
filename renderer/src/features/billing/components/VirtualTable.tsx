import { Skeleton, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import { useReportVisibleRows } from '../../../lib/usePagedRows';
import { useRowNavigation } from '../../../lib/useRowNavigation';
import classes from './VirtualTable.module.css';

export const ROW_HEIGHT = 56;
const HEADER_HEIGHT = 40;

export interface Column<Row, Field extends string> {
  key: string;
  header: ReactNode;
  sortField?: Field;
  numeric?: boolean;
  render: (row: Row) => ReactNode;
}

/** For tables whose rows are all loaded at once. */
const ignoreRange = () => {};

export interface VirtualTableProps<Row, Field extends string> {
  label: string;
  columns: readonly Column<Row, Field>[];
  /** CSS grid-template-columns. */
  template: string;
  /** The list's full length; holes are rows whose page is still loading. */
  rows: readonly (Row | undefined)[];
  total: number;
  rowKey: (row: Row) => string;
  rowLabel: (row: Row) => string;
  sort?: { field: Field; direction: 'asc' | 'desc' };
  onSort?: (field: Field) => void;
  onOpen: (row: Row) => void;
  /** Told which rows are on screen (with a margin) so their pages load. */
  onRangeChange?: (first: number, last: number) => void;
}

/**
 * An ARIA table whose rows are virtualised (only what is on screen is in the DOM, at 10 rows
 * or 10,000). One row is in the tab order; arrows, Page Up/Down, Home and End move; Enter opens.
 */
export function VirtualTable<Row, Field extends string>({
  label,
  columns,
  template,
  rows,
  total,
  rowKey,
  rowLabel,
  sort,
  onSort,
  onOpen,
  onRangeChange = ignoreRange,
}: VirtualTableProps<Row, Field>) {
  const scrollRef = useRef<HTMLDivElement>(null);

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
      const row = rows[index];
      if (!row || (key !== 'Enter' && key !== ' ')) return false;
      onOpen(row);
      return true;
    },
  });

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="table"
      aria-label={label}
      aria-rowcount={total + 1}
    >
      <div role="rowgroup">
        <div
          role="row"
          aria-rowindex={1}
          className={`${classes.grid} ${classes.header}`}
          style={{ gridTemplateColumns: template }}
        >
          {columns.map((column) => {
            const active = sort && column.sortField && sort.field === column.sortField;
            const Icon = !active
              ? IconSelector
              : sort.direction === 'asc'
                ? IconArrowUp
                : IconArrowDown;
            return (
              <div
                key={column.key}
                role="columnheader"
                className={column.numeric ? classes.numeric : undefined}
                aria-sort={
                  column.sortField
                    ? active
                      ? sort.direction === 'asc'
                        ? 'ascending'
                        : 'descending'
                      : 'none'
                    : undefined
                }
              >
                {column.sortField && onSort ? (
                  <UnstyledButton
                    className={classes.sortButton}
                    data-active={active || undefined}
                    onClick={() => onSort(column.sortField!)}
                  >
                    {column.header}
                    <Icon size={14} stroke={2} aria-hidden />
                  </UnstyledButton>
                ) : (
                  column.header
                )}
              </div>
            );
          })}
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
          const style = { transform: `translateY(${top}px)`, gridTemplateColumns: template };
          if (!row) {
            return (
              <div
                key={`loading-${item.index}`}
                role="row"
                aria-busy
                aria-rowindex={item.index + 2}
                data-index={item.index}
                className={`${classes.grid} ${classes.row}`}
                style={style}
              >
                {columns.map((c) => (
                  <div role="cell" key={c.key}>
                    <Skeleton height={10} width="60%" radius="sm" />
                  </div>
                ))}
              </div>
            );
          }
          return (
            <div
              key={rowKey(row)}
              role="row"
              aria-rowindex={item.index + 2}
              aria-label={rowLabel(row)}
              data-index={item.index}
              data-last={item.index === total - 1 || undefined}
              tabIndex={item.index === tabbableIndex ? 0 : -1}
              className={`${classes.grid} ${classes.row}`}
              style={style}
              onClick={() => onOpen(row)}
              onFocus={(event) => {
                if (event.target === event.currentTarget) setActiveIndex(item.index);
              }}
            >
              {columns.map((column) => (
                <div
                  key={column.key}
                  role="cell"
                  className={`${classes.cell} ${column.numeric ? classes.numeric : ''}`}
                >
                  {column.render(row)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

export function TableSkeleton({ label }: { label: string }) {
  return (
    <div className={classes.scroller} aria-busy aria-label={label} role="table">
      <div role="rowgroup" className={classes.body} style={{ height: ROW_HEIGHT * 6 }}>
        {Array.from({ length: 6 }, (_, i) => (
          <div
            key={i}
            role="row"
            className={`${classes.grid} ${classes.row}`}
            style={{
              transform: `translateY(${i * ROW_HEIGHT}px)`,
              gridTemplateColumns: '2fr 1fr 1fr 1fr',
            }}
          >
            {Array.from({ length: 4 }, (_, j) => (
              <div role="cell" key={j}>
                <Skeleton height={10} width="60%" radius="sm" />
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
