import type { ClientDashboard } from '@core/api/dashboard';
import { DebtStatus, type DebtStatus as Status } from '@core/api/debt';
import { queryOptions } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { call } from '../../api/client';
import { debtKeys } from '../debt/queries';

/**
 * The client business case (`dashboard.client`). Its key hangs off the debt items' branch,
 * so every write that invalidates the items (edits, imports, bulk status) refreshes it too.
 */
export const businessCaseKeys = {
  all: () => [...debtKeys.items(), 'businessCase'] as const,
  client: (clientId: string, statuses: readonly Status[]) =>
    [...businessCaseKeys.all(), clientId, [...statuses]] as const,
};

export const businessCaseQueries = {
  client: (clientId: string, statuses: readonly Status[]) =>
    queryOptions({
      queryKey: businessCaseKeys.client(clientId, statuses),
      queryFn: () =>
        call('dashboard.client', {
          clientId,
          ...(statuses.length > 0 ? { statuses: [...statuses] } : {}),
        }),
      // The saved fix plan is written on the portfolio page, whose mutation only updates its
      // own key: read again whenever the business case is shown.
      staleTime: 0,
      // Changing the status filter keeps the figures on screen until the new ones arrive.
      // (Never another client's: those would be the wrong figures under this name.)
      placeholderData: (previous) => (previous?.clientId === clientId ? previous : undefined),
    }),
};

/** Statuses named in the URL (`?status=proposed&status=accepted`, or comma-separated). */
export function parseStatuses(params: URLSearchParams): Status[] {
  return statusesFrom(params.getAll('status').join(','));
}

function statusesFrom(list: string): Status[] {
  const named = new Set(list.split(','));
  return DebtStatus.options.filter((status) => named.has(status));
}

/** The status filter kept in the URL; empty means the services' default set. */
export function useStatusParam() {
  const [params, setParams] = useSearchParams();
  const key = params.getAll('status').join(',');
  const statuses = useMemo(() => statusesFrom(key), [key]);
  const setStatuses = useCallback(
    (next: readonly Status[]) =>
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          out.delete('status');
          for (const status of next) out.append('status', status);
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { statuses, setStatuses, search: params.toString() };
}

/** The register of one client filtered to some statuses (the drill-down behind a bar). */
export function registerPath(clientId: string, statuses: readonly Status[]): string {
  const params = new URLSearchParams();
  for (const status of statuses) params.append('status', status);
  const query = params.toString();
  return `/clients/${clientId}/debt${query ? `?${query}` : ''}`;
}

export type BandPoint = ClientDashboard['cumulative'][number];

/** One row of the cumulative chart: likely lines, P10–P90 bands, and the plan's line. */
export interface CumulativeRow {
  quarter: number;
  carry: number;
  fix: number;
  carryBand: [number, number];
  fixBand: [number, number];
  /** Fixing the plan's items and carrying the rest (when a plan is saved). */
  withPlan?: number;
}

/**
 * The chart rows. With a saved plan, "with the plan" is the portfolio's carrying cost less
 * the plan items' carrying plus their fixing — the path the client is on if the plan is
 * carried out (both series are the services' figures for the same quarters).
 */
export function cumulativeRows(
  cumulative: readonly BandPoint[],
  plan: readonly BandPoint[] | null,
): CumulativeRow[] {
  const planByQuarter = new Map((plan ?? []).map((p) => [p.quarter, p]));
  return cumulative.map((d) => {
    const p = planByQuarter.get(d.quarter);
    return {
      quarter: d.quarter,
      carry: d.carryLikely,
      fix: d.fixLikely,
      carryBand: [d.carryP10, d.carryP90],
      fixBand: [d.fixP10, d.fixP90],
      ...(p ? { withPlan: d.carryLikely - p.carryLikely + p.fixLikely } : {}),
    };
  });
}

/** A safe file name part from a client's name. */
export function fileSlug(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'client';
}

/** Asks for full screen from the user's click; the presentation works without it too. */
export function requestFullscreen() {
  const root = document.documentElement;
  if (document.fullscreenElement || !root.requestFullscreen) return;
  root.requestFullscreen().catch(() => {
    // Refused (no permission, not allowed here): the presentation fills the window instead.
  });
}
