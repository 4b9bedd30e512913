import { DebtStatus, type DebtStatus as Status } from '@core/api/debt';
import { queryOptions } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { call } from '../../api/client';
import { debtKeys } from '../debt/queries';
import { listedIn, readListParam } from './drill';

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
  return readListParam(params, 'status', DebtStatus.options);
}

/** The status filter kept in the URL; empty means the services' default set. */
export function useStatusParam() {
  const [params, setParams] = useSearchParams();
  const key = params.getAll('status').join(',');
  const statuses = useMemo(() => listedIn(key, DebtStatus.options), [key]);
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
