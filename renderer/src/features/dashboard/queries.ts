import type { PracticeDashboardInput } from '@core/api';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

/**
 * Practice dashboard keys, under `dashboard`. The figures aggregate engagements, invoices,
 * payments and SLA records, which many mutations move without knowing about this page, so
 * the query is always stale: it is fetched again whenever the dashboard is shown.
 */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  practice: (input: PracticeDashboardInput) => [...dashboardKeys.all, 'practice', input] as const,
};

export const dashboardQueries = {
  practice: (input: PracticeDashboardInput) =>
    queryOptions({
      queryKey: dashboardKeys.practice(input),
      queryFn: () => call('dashboard.practice', input),
      staleTime: 0,
      // Changing a filter keeps the charts on screen until the new figures arrive.
      placeholderData: keepPreviousData,
    }),

  /** The engagements of one client, for the dashboard's engagement filter. */
  clientEngagements: (clientId: string) =>
    queryOptions({
      queryKey: ['engagements', 'list', 'dashboard-filter', clientId] as const,
      queryFn: () =>
        call('engagements.list', {
          clientId,
          sort: { field: 'title', direction: 'asc' },
          limit: 200,
        }),
    }),
};
