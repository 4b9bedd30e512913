import type { Virtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

export interface RowNavigationOptions {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scrollRef: RefObject<HTMLDivElement | null>;
  total: number;
  rowHeight: number;
  /** A table's own keys on a row (Enter opens, Delete deletes…); true when handled. */
  onRowKey: (key: string, index: number) => boolean;
}

/**
 * Keyboard movement in a virtualised ARIA table: one row is in the tab order (a roving tab
 * stop); arrows, Page Up/Down, Home and End move it, scrolling the row into view and
 * focusing it once it is rendered (a row far away is drawn only after the scroll).
 */
export function useRowNavigation({
  virtualizer,
  scrollRef,
  total,
  rowHeight,
  onRowKey,
}: RowNavigationOptions) {
  const [activeIndex, setActiveIndex] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  // Keep the tab stop inside the list when it shrinks (search, archive, delete), and on a
  // rendered row when the active one has scrolled away.
  const items = virtualizer.getVirtualItems();
  const clamped = Math.min(activeIndex, Math.max(total - 1, 0));
  const tabbableIndex = items.some((item) => item.index === clamped)
    ? clamped
    : (items[0]?.index ?? 0);

  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    // Loaded rows only: a placeholder row for the same index has no tabindex.
    const row = scrollRef.current?.querySelector<HTMLElement>(
      `[data-index="${pendingFocus.current}"][tabindex]`,
    );
    if (row) {
      row.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    pendingFocus.current = next;
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row || row !== event.target) return;
    const index = Number(row.dataset.index);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: total - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) moveTo(target);
    else if (!onRowKey(event.key, index)) return;
    event.preventDefault();
  };

  return { tabbableIndex, onKeyDown, setActiveIndex };
}
