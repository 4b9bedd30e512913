import { Skeleton, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { listStatus, type ListQuery, type SortState } from '../lib/listState';
import { useReportVisibleRows } from '../lib/usePagedRows';
import { useRowNavigation } from '../lib/useRowNavigation';
import { ListError } from './ListStates';
import classes from './VirtualTable.module.css';

const ROW_HEIGHT = 56;
const HEADER_HEIGHT = 40;
const FOOTER_ROW_HEIGHT = 44;
const SKELETON_ROWS = 8;

export interface CellContext {
  /** The row's tab stop: controls inside a cell follow it (0 or -1). */
  tabIndex: 0 | -1;
}

export interface Column<Row, Field extends string = never> {
  key: string;
  header: ReactNode;
  /** The header sorts by this field when clicked. */
  sortField?: Field;
  /** Right-aligned, tabular figures (header and cells). */
  numeric?: boolean;
  /** Content at the cell's end (a row's menu). */
  end?: boolean;
  /**
   * The cell holds controls (checkbox, menu): it is not clipped, so focus rings show, and its
   * clicks do not open the row.
   */
  controls?: boolean;
  /** The cell's title (full text on hover). */
  title?: (row: Row) => string | undefined;
  render: (row: Row, context: CellContext) => ReactNode;
  /** Drawn while the row's page loads; a short skeleton line unless given (null: nothing). */
  placeholder?: ReactNode;
}

interface TableLayout<Row, Field extends string> {
  /** The table's accessible name. */
  label: string;
  columns: readonly Column<Row, Field>[];
  /** CSS grid-template-columns. */
  template: string;
  /** Below this width the table scrolls sideways. */
  minWidth: number;
  /** Tighter columns, headers not upper-cased (many narrow columns). */
  compact?: boolean;
}

/** A paged list (`usePagedRows()`): its rows, total and first page's query. */
export interface PagedList<Row> {
  first: ListQuery;
  /** The list's full length; holes are rows whose page is still loading. */
  rows: readonly (Row | undefined)[];
  total: number;
  /** Told which rows are on screen (with a margin) so their pages load. */
  showRange: (first: number, last: number) => void;
}

export interface VirtualTableProps<Row, Field extends string> extends TableLayout<Row, Field> {
  list: PagedList<Row>;
  /** The error state's title when the first page fails. */
  errorTitle: string;
  /** The table's name while the first page loads. */
  loadingLabel: string;
  /** Shown instead of the table when the list is empty; null shows the skeleton meanwhile. */
  empty: ReactNode;
  rowKey: (row: Row) => string;
  rowLabel?: (row: Row) => string;
  isSelected?: (row: Row) => boolean;
  sort?: SortState<Field>;
  onSort?: (field: Field) => void;
  onOpen: (row: Row) => void;
  /** A row's own keys beyond Enter and Space (which open); true when handled. */
  onRowKey?: (key: string, row: Row) => boolean;
  /** Rows pinned under the body (totals), laid out with the `grid` class of VirtualTable.module.css. */
  footer?: { label: string; rowCount: number; rows: ReactNode };
}

/**
 * A paged list as an ARIA table whose rows are virtualised (only what is on screen is in the
 * DOM, at 10 rows or 10,000), with its loading, error and empty states. One row is in the tab
 * order; arrows, Page Up/Down, Home and End move; Enter opens.
 */
export function VirtualTable<Row, Field extends string = never>(
  props: VirtualTableProps<Row, Field>,
) {
  const { first: query, total } = props.list;
  switch (listStatus(query, total)) {
    case 'loading':
      return <TableSkeleton {...props} label={props.loadingLabel} />;
    case 'error':
      return (
        <ListError
          title={props.errorTitle}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      );
    case 'empty':
      return props.empty ?? <TableSkeleton {...props} label={props.loadingLabel} />;
    case 'ready':
      return <Rows {...props} />;
  }
}

function scrollerProps({
  label,
  template,
  minWidth,
  compact,
}: Omit<TableLayout<never, string>, 'columns'>) {
  return {
    role: 'table',
    'aria-label': label,
    className: compact ? `${classes.scroller} ${classes.compact}` : classes.scroller,
    style: { '--table-columns': template, '--table-min-width': `${minWidth}px` } as CSSProperties,
  };
}

function Rows<Row, Field extends string>(props: VirtualTableProps<Row, Field>) {
  const { columns, rowKey, rowLabel, isSelected, onOpen, onRowKey, footer } = props;
  const { rows, total, showRange } = props.list;
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
    scrollPaddingEnd: footer ? FOOTER_ROW_HEIGHT * Math.max(1, footer.rowCount) : 0,
  });
  const items = virtualizer.getVirtualItems();
  useReportVisibleRows(items, total, showRange);
  // The first rows are in the DOM: `npm run bench` reads this mark (docs/PERFORMANCE.md).
  useEffect(() => {
    performance.mark(`list-rows:${props.label}`);
  }, [props.label]);

  const { tabbableIndex, onKeyDown, setActiveIndex } = useRowNavigation({
    virtualizer,
    scrollRef,
    total,
    rowHeight: ROW_HEIGHT,
    onRowKey: (key, index) => {
      const row = rows[index];
      if (!row) return false;
      if (onRowKey?.(key, row)) return true;
      if (key !== 'Enter' && key !== ' ') return false;
      onOpen(row);
      return true;
    },
  });

  return (
    <div
      ref={scrollRef}
      {...scrollerProps(props)}
      aria-rowcount={total + 1 + (footer?.rowCount ?? 0)}
    >
      <div role="rowgroup">
        <HeaderRow {...props} />
      </div>
      <div
        role="rowgroup"
        className={classes.body}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {items.map(({ index, start }) => {
          const row = rows[index];
          const top = start - virtualizer.options.scrollMargin;
          if (!row)
            return (
              <PlaceholderRow key={`loading-${index}`} columns={columns} index={index} top={top} />
            );
          return (
            <BodyRow
              key={rowKey(row)}
              row={row}
              index={index}
              top={top}
              last={index === total - 1}
              tabIndex={index === tabbableIndex ? 0 : -1}
              selected={isSelected?.(row)}
              label={rowLabel?.(row)}
              columns={columns}
              onOpen={onOpen}
              onFocusRow={setActiveIndex}
            />
          );
        })}
      </div>
      {footer && (
        <div role="rowgroup" className={classes.footer} aria-label={footer.label}>
          {footer.rows}
        </div>
      )}
    </div>
  );
}

interface BodyRowProps<Row> {
  row: Row;
  index: number;
  top: number;
  last: boolean;
  tabIndex: 0 | -1;
  selected: boolean | undefined;
  label: string | undefined;
  columns: readonly Column<Row, string>[];
  onOpen: (row: Row) => void;
  onFocusRow: (index: number) => void;
}

function BodyRow<Row>({
  row,
  index,
  top,
  last,
  tabIndex,
  selected,
  label,
  columns,
  onOpen,
  onFocusRow,
}: BodyRowProps<Row>) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-label={label}
      aria-selected={selected}
      data-index={index}
      data-selected={selected || undefined}
      data-last={last || undefined}
      tabIndex={tabIndex}
      className={`${classes.grid} ${classes.row}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onOpen(row)}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow(index);
      }}
    >
      {columns.map((column) => (
        <div
          key={column.key}
          role="cell"
          className={cellClass(column)}
          title={column.title?.(row)}
          onClick={column.controls ? (event) => event.stopPropagation() : undefined}
        >
          {column.render(row, { tabIndex })}
        </div>
      ))}
    </div>
  );
}

function cellClass(column: Column<never, string>): string {
  return [
    classes.cell,
    !column.controls && classes.clip,
    column.numeric && classes.numeric,
    column.end && classes.end,
  ]
    .filter(Boolean)
    .join(' ');
}

function HeaderRow<Row, Field extends string>({
  columns,
  sort,
  onSort,
}: Pick<VirtualTableProps<Row, Field>, 'columns' | 'sort' | 'onSort'>) {
  return (
    <div role="row" aria-rowindex={1} className={`${classes.grid} ${classes.header}`}>
      {columns.map((column) => {
        const field = column.sortField;
        const className = column.numeric ? classes.numeric : undefined;
        if (!field || !sort || !onSort) {
          return (
            <div key={column.key} role="columnheader" className={className}>
              {column.header}
            </div>
          );
        }
        const active = sort.field === field;
        const ascending = sort.direction === 'asc';
        const Icon = !active ? IconSelector : ascending ? IconArrowUp : IconArrowDown;
        return (
          <div
            key={column.key}
            role="columnheader"
            className={className}
            aria-sort={!active ? 'none' : ascending ? 'ascending' : 'descending'}
          >
            <UnstyledButton
              className={classes.sortButton}
              data-active={active || undefined}
              onClick={() => onSort(field)}
            >
              {column.header}
              <Icon size={14} stroke={2} aria-hidden />
            </UnstyledButton>
          </div>
        );
      })}
    </div>
  );
}

const SKELETON_LINE = <Skeleton height={10} width="60%" radius="sm" />;
const SKELETON_NUMBER = <Skeleton height={10} width="60%" radius="sm" ml="auto" />;

function PlaceholderRow({
  columns,
  index,
  top,
}: {
  columns: readonly Column<never, string>[];
  index: number;
  top: number;
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-busy
      data-index={index}
      className={`${classes.grid} ${classes.row}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      {columns.map((column) => (
        <div role="cell" key={column.key}>
          {column.placeholder !== undefined
            ? column.placeholder
            : column.numeric
              ? SKELETON_NUMBER
              : SKELETON_LINE}
        </div>
      ))}
    </div>
  );
}

/** The table's shape with placeholder rows, while the first page loads. */
export function TableSkeleton<Row, Field extends string>(props: TableLayout<Row, Field>) {
  const { columns } = props;
  return (
    <div {...scrollerProps(props)} aria-busy>
      <div role="rowgroup">
        <div role="row" className={`${classes.grid} ${classes.header}`}>
          {columns.map((column) => (
            <div role="columnheader" key={column.key}>
              {column.placeholder !== null && <Skeleton height={8} width="50%" radius="sm" />}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className={classes.body} style={{ height: ROW_HEIGHT * SKELETON_ROWS }}>
        {Array.from({ length: SKELETON_ROWS }, (_, i) => (
          <PlaceholderRow key={i} columns={columns} index={i} top={i * ROW_HEIGHT} />
        ))}
      </div>
    </div>
  );
}
