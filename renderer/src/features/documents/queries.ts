import type { DocumentRequestInput, MethodInput } from '@core/api';
import { queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

export type ExportRange = MethodInput<'documents.exportInvoices.count'>;

/**
 * Document keys. Rendered PDFs hang off `documents/render` so a terms edit (or a branding
 * change) invalidates every preview at once; terms and export jobs have their own roots.
 */
export const documentKeys = {
  all: ['documents'] as const,
  renders: () => [...documentKeys.all, 'render'] as const,
  render: (request: DocumentRequestInput) => [...documentKeys.renders(), request] as const,
  terms: (engagementId: string) => [...documentKeys.all, 'terms', engagementId] as const,
  exportCount: (range: ExportRange) => [...documentKeys.all, 'exportCount', range] as const,
  exportJob: (jobId: string) => [...documentKeys.all, 'exportJob', jobId] as const,
};

/** While an export runs, its status is asked for this often. */
const EXPORT_POLL_MS = 400;

export const documentQueries = {
  /**
   * A PDF is rendered from the current data each time a preview opens: it is never served
   * stale (an invoice, a client or the branding may have changed since) and a few hundred
   * kilobytes of base64 are not kept once the preview closes.
   */
  render: (request: DocumentRequestInput) =>
    queryOptions({
      queryKey: documentKeys.render(request),
      queryFn: () => call('documents.render', request),
      staleTime: 0,
      gcTime: 0,
      retry: false,
    }),

  terms: (engagementId: string) =>
    queryOptions({
      queryKey: documentKeys.terms(engagementId),
      queryFn: () => call('documents.terms.get', { engagementId }),
    }),

  exportCount: (range: ExportRange) =>
    queryOptions({
      queryKey: documentKeys.exportCount(range),
      queryFn: () => call('documents.exportInvoices.count', range),
    }),

  exportJob: (jobId: string) =>
    queryOptions({
      queryKey: documentKeys.exportJob(jobId),
      queryFn: () => call('documents.exportInvoices.status', { jobId }),
      // Until the job ends; a failed status call stops the polling too (the modal shows it).
      refetchInterval: (query) =>
        query.state.status !== 'error' &&
        (query.state.data === undefined || query.state.data.state === 'running')
          ? EXPORT_POLL_MS
          : false,
    }),
};
