import { AgingBuckets, type EngagementStage, type PracticeDashboardInput } from '@core/api';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { lastDayOfMonth } from '@core/sla/civil-date';
import { CURRENCY, ID, readParam } from './drill';

/**
 * The practice dashboard's filters live in the URL (`#/?client=…&currency=EUR&from=2026-01
 * &to=2026-06&chart=USD`): a filtered view can be shared or bookmarked, reloads the same, and
 * Back/Forward step through the changes. Anything malformed in the URL is ignored.
 */
export interface PracticeFilters {
  clientId: string | null;
  engagementId: string | null;
  /** Only this currency's figures. */
  currency: string | null;
  /** First and last month of the range (`YYYY-MM`); null = the services' default. */
  from: string | null;
  to: string | null;
  /** Which currency the charts draw when several are shown (never added together). */
  chart: string | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const PARAMS = {
  clientId: 'client',
  engagementId: 'engagement',
  currency: 'currency',
  from: 'from',
  to: 'to',
  chart: 'chart',
} as const satisfies Record<keyof PracticeFilters, string>;

/** The filters a dashboard URL's query holds; malformed values are ignored. */
export function readPracticeFilters(params: URLSearchParams): PracticeFilters {
  const get = (name: string, pattern: RegExp) => readParam(params, name, pattern) ?? null;
  const clientId = get('client', ID);
  return {
    clientId,
    // An engagement belongs to a client: without one, the engagement filter means nothing.
    engagementId: clientId ? get('engagement', ID) : null,
    currency: get('currency', CURRENCY),
    from: get('from', MONTH),
    to: get('to', MONTH),
    chart: get('chart', CURRENCY),
  };
}

/** The service's input for these filters (a reversed range is left to the service to refuse). */
export function toInput(filters: PracticeFilters): PracticeDashboardInput {
  return {
    ...(filters.clientId ? { clientId: filters.clientId } : {}),
    ...(filters.engagementId ? { engagementId: filters.engagementId } : {}),
    ...(filters.currency ? { currency: filters.currency } : {}),
    ...(filters.from ? { from: `${filters.from}-01` } : {}),
    ...(filters.to ? { to: lastDayOfMonth(filters.to) } : {}),
  };
}

export function usePracticeFilters() {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = useMemo(() => readPracticeFilters(new URLSearchParams(key)), [key]);
  /** Changes some filters; each change is a history entry, so Back undoes it. */
  const update = useCallback(
    (changes: Partial<PracticeFilters>) =>
      setParams((prev) => {
        const next = { ...readPracticeFilters(prev), ...changes };
        // Another client's engagement never survives a change of client.
        if ('clientId' in changes && changes.clientId !== readPracticeFilters(prev).clientId) {
          next.engagementId = changes.engagementId ?? null;
        }
        const out = new URLSearchParams();
        for (const [field, name] of Object.entries(PARAMS) as Array<
          [keyof PracticeFilters, string]
        >) {
          const value = next[field];
          if (value) out.set(name, value);
        }
        return out;
      }),
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  const active = !!(
    filters.clientId ||
    filters.engagementId ||
    filters.currency ||
    filters.from ||
    filters.to
  );
  return { filters, update, clear, active };
}

/** The receivables aging buckets, youngest first (the contract's fields, in its order). */
export const AGING_BUCKETS = AgingBuckets.keyof().options;

/** Stages counted as contracted (the KPI's drill-down). */
export const CONTRACTED_STAGES: EngagementStage[] = ['won', 'active', 'completed'];

// ---------------------------------------------------------------------------------------
// Drill-down: the list behind a figure, with the dashboard's filters carried over.

function withQuery(path: string, entries: Array<[string, string | null | undefined]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of entries) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Engagements in these stages and currency (the client filter carried over). */
export function engagementsPath(
  filters: PracticeFilters,
  stages: readonly EngagementStage[],
  currency: string,
): string {
  return withQuery('/engagements', [
    ['stage', stages.join(',')],
    ['currency', currency],
    ['client', filters.clientId],
  ]);
}

/** Invoices by display status, issue dates and currency (client/engagement carried over). */
export function invoicesPath(
  filters: PracticeFilters,
  options: { status?: 'overdue'; issuedFrom?: string; issuedTo?: string; currency: string },
): string {
  return withQuery('/invoices', [
    ['status', options.status],
    ['issuedFrom', options.issuedFrom],
    ['issuedTo', options.issuedTo],
    ['currency', options.currency],
    ['client', filters.clientId],
    ['engagement', filters.engagementId],
  ]);
}

/** Invoices issued in one month (`YYYY-MM`). */
export function revenueMonthPath(filters: PracticeFilters, month: string, currency: string) {
  return invoicesPath(filters, {
    issuedFrom: `${month}-01`,
    issuedTo: lastDayOfMonth(month),
    currency,
  });
}

/** A range whose first month is after its last: the page says so instead of asking. */
export function isReversed(filters: PracticeFilters): boolean {
  return !!(filters.from && filters.to && filters.from > filters.to);
}
