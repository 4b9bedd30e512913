import type { EngagementStage, InvoiceDisplayStatus } from '@core/api';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';
import { readDrillParams, readListParam, type DrillParams } from '../dashboard/drill';

export const BILLING_PAGE_SIZE = 200;

export type SortDirection = 'asc' | 'desc';

export interface EngagementListFilters {
  search: string;
  stages: EngagementStage[];
  clientId: string | null;
  /** Only engagements in this currency (the dashboard's drill-down). */
  currency?: string | null;
  sort: {
    field: 'title' | 'clientName' | 'stage' | 'contractValue' | 'startDate' | 'updatedAt';
    direction: SortDirection;
  };
}

export interface InvoiceListFilters {
  search: string;
  statuses: InvoiceDisplayStatus[];
  engagementId?: string;
  /** The dashboard's drill-down: one client, one currency, issue dates in a range. */
  clientId?: string;
  currency?: string;
  issuedFrom?: string;
  issuedTo?: string;
  sort: {
    field: 'number' | 'issueDate' | 'dueDate' | 'clientName' | 'total' | 'balance' | 'createdAt';
    direction: SortDirection;
  };
}

/**
 * Billing keys. Each area hangs off its own root (`profile`, `engagements`, `milestones`,
 * `invoices`, `receivables`), so a write invalidates exactly the areas whose figures it moves.
 */
export const billingKeys = {
  profile: ['profile'] as const,
  engagements: {
    all: ['engagements'] as const,
    lists: () => [...billingKeys.engagements.all, 'list'] as const,
    list: (filters: EngagementListFilters) =>
      [...billingKeys.engagements.lists(), filters] as const,
    detail: (id: string) => [...billingKeys.engagements.all, 'detail', id] as const,
    valuation: (id: string, rate: number) =>
      [...billingKeys.engagements.all, 'valuation', id, rate] as const,
  },
  milestones: {
    all: ['milestones'] as const,
    templates: () => [...billingKeys.milestones.all, 'templates'] as const,
    schedule: (engagementId: string) =>
      [...billingKeys.milestones.all, 'schedule', engagementId] as const,
  },
  invoices: {
    all: ['invoices'] as const,
    lists: () => [...billingKeys.invoices.all, 'list'] as const,
    list: (filters: InvoiceListFilters) => [...billingKeys.invoices.lists(), filters] as const,
    detail: (id: string) => [...billingKeys.invoices.all, 'detail', id] as const,
  },
  receivables: {
    all: ['receivables'] as const,
    summary: () => [...billingKeys.receivables.all, 'summary'] as const,
  },
};

/** One page of the engagements list, as `usePagedRows` asks for it. */
export function fetchEngagementsPage(
  filters: EngagementListFilters,
  offset: number,
  limit: number,
) {
  return call('engagements.list', {
    search: filters.search,
    stages: filters.stages,
    ...(filters.clientId ? { clientId: filters.clientId } : {}),
    ...(filters.currency ? { currency: filters.currency } : {}),
    sort: filters.sort,
    offset,
    limit,
  });
}

/** The invoice list's status filter: one display status, or all. */
export const INVOICE_STATUS_FILTERS = [
  'all',
  'draft',
  'issued',
  'partly_paid',
  'overdue',
  'paid',
  'void',
] as const;
export type InvoiceStatusFilter = (typeof INVOICE_STATUS_FILTERS)[number];

/**
 * What the invoice list opens with for its URL: the `?status=` and the dashboard's
 * drill-down (`client`, `engagement`, `currency`, `issuedFrom`, `issuedTo`), newest first.
 */
export function initialInvoiceView(params: URLSearchParams): {
  status: InvoiceStatusFilter;
  drill: DrillParams;
  sort: InvoiceListFilters['sort'];
} {
  return {
    status: readListParam(params, 'status', INVOICE_STATUS_FILTERS)[0] ?? 'all',
    drill: readDrillParams(params),
    sort: { field: 'createdAt', direction: 'desc' },
  };
}

/** The list's filters from its search, status filter, drill-down and sort. */
export function invoiceListFilters(
  search: string,
  status: InvoiceStatusFilter,
  drill: DrillParams,
  sort: InvoiceListFilters['sort'],
): InvoiceListFilters {
  return { search, statuses: status === 'all' ? [] : [status], ...drill, sort };
}

/** The invoice list's paged rows (`usePagedRows`; the route's loader asks for page 0 early). */
export function invoicePages(filters: InvoiceListFilters) {
  return {
    queryKey: billingKeys.invoices.list(filters),
    pageSize: BILLING_PAGE_SIZE,
    fetchPage: (offset: number, limit: number) => fetchInvoicesPage(filters, offset, limit),
  };
}

/** One page of the invoices list, as `usePagedRows` asks for it. */
export function fetchInvoicesPage(filters: InvoiceListFilters, offset: number, limit: number) {
  return call('invoices.list', {
    search: filters.search,
    statuses: filters.statuses,
    ...(filters.engagementId ? { engagementId: filters.engagementId } : {}),
    ...(filters.clientId ? { clientId: filters.clientId } : {}),
    ...(filters.currency ? { currency: filters.currency } : {}),
    ...(filters.issuedFrom ? { issuedFrom: filters.issuedFrom } : {}),
    ...(filters.issuedTo ? { issuedTo: filters.issuedTo } : {}),
    sort: filters.sort,
    offset,
    limit,
  });
}

export const billingQueries = {
  profile: () =>
    queryOptions({ queryKey: billingKeys.profile, queryFn: () => call('profile.get', {}) }),

  engagement: (id: string) =>
    queryOptions({
      queryKey: billingKeys.engagements.detail(id),
      queryFn: () => call('engagements.get', { id }),
    }),

  valuation: (id: string, rate: number) =>
    queryOptions({
      queryKey: billingKeys.engagements.valuation(id, rate),
      queryFn: () => call('engagements.valuation', { id, annualDiscountRate: rate }),
      placeholderData: keepPreviousData,
    }),

  templates: () =>
    queryOptions({
      queryKey: billingKeys.milestones.templates(),
      queryFn: () => call('milestones.templates', {}),
      staleTime: Infinity,
    }),

  schedule: (engagementId: string) =>
    queryOptions({
      queryKey: billingKeys.milestones.schedule(engagementId),
      queryFn: () => call('milestones.get', { engagementId }),
    }),

  invoice: (id: string) =>
    queryOptions({
      queryKey: billingKeys.invoices.detail(id),
      queryFn: () => call('invoices.get', { id }),
    }),

  receivables: () =>
    queryOptions({
      queryKey: billingKeys.receivables.summary(),
      queryFn: () => call('receivables.summary', {}),
    }),
};
