import type { MethodInput } from '@core/api';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

export type ExposureModelInput = MethodInput<'sla.exposure'>['model'];

/**
 * SLA keys, all under `sla`. Per clause: its row, incidents, measurements, compliance and
 * exposure; per engagement: the clause list and the compliance timeline. Writes invalidate
 * the clause's own keys plus the engagement's list and timeline (see mutations.ts).
 */
export const slaKeys = {
  all: ['sla'] as const,
  library: () => [...slaKeys.all, 'library'] as const,
  suggest: (text: string, category: string | null) =>
    [...slaKeys.all, 'suggest', text, category] as const,
  clauses: (engagementId: string) => [...slaKeys.all, 'clauses', engagementId] as const,
  clause: (id: string) => [...slaKeys.all, 'clause', id] as const,
  incidents: (clauseId: string) => [...slaKeys.all, 'incidents', clauseId] as const,
  measurements: (clauseId: string) => [...slaKeys.all, 'measurements', clauseId] as const,
  compliances: (clauseId: string) => [...slaKeys.all, 'compliance', clauseId] as const,
  compliance: (clauseId: string, period: string) =>
    [...slaKeys.compliances(clauseId), period] as const,
  timelines: (engagementId: string) => [...slaKeys.all, 'timeline', engagementId] as const,
  timeline: (engagementId: string, from: string, to: string) =>
    [...slaKeys.timelines(engagementId), from, to] as const,
  reports: () => [...slaKeys.all, 'report'] as const,
  report: (month: string) => [...slaKeys.reports(), month] as const,
  exposures: (clauseId: string) => [...slaKeys.all, 'exposure', clauseId] as const,
  exposure: (clauseId: string, model: ExposureModelInput) =>
    [...slaKeys.exposures(clauseId), model] as const,
};

export const slaQueries = {
  library: () =>
    queryOptions({
      queryKey: slaKeys.library(),
      queryFn: () => call('sla.library', {}),
      staleTime: Infinity,
    }),
  suggest: (text: string, category: MethodInput<'sla.suggest'>['category'] | null) =>
    queryOptions({
      queryKey: slaKeys.suggest(text, category ?? null),
      queryFn: () => call('sla.suggest', { text, ...(category ? { category } : {}) }),
      enabled: text.trim() !== '' || category !== null,
      staleTime: Infinity,
    }),
  clauses: (engagementId: string) =>
    queryOptions({
      queryKey: slaKeys.clauses(engagementId),
      queryFn: () => call('sla.clauses.list', { engagementId }),
    }),
  incidents: (clauseId: string) =>
    queryOptions({
      queryKey: slaKeys.incidents(clauseId),
      queryFn: () => call('sla.incidents.list', { clauseId }),
    }),
  measurements: (clauseId: string) =>
    queryOptions({
      queryKey: slaKeys.measurements(clauseId),
      queryFn: () => call('sla.measurements.list', { clauseId }),
    }),
  compliance: (clauseId: string, period: string) =>
    queryOptions({
      queryKey: slaKeys.compliance(clauseId, period),
      queryFn: () => call('sla.compliance', { clauseId, period }),
      placeholderData: keepPreviousData,
    }),
  timeline: (engagementId: string, from: string, to: string) =>
    queryOptions({
      queryKey: slaKeys.timeline(engagementId, from, to),
      queryFn: () => call('sla.compliance.timeline', { engagementId, from, to }),
      placeholderData: keepPreviousData,
    }),
  /** Every clause for a month; credit notes also change in billing, so always refetched. */
  report: (month: string) =>
    queryOptions({
      queryKey: slaKeys.report(month),
      queryFn: () => call('sla.report', { month }),
      placeholderData: keepPreviousData,
      staleTime: 0,
    }),
  exposure: (clauseId: string, model: ExposureModelInput) =>
    queryOptions({
      queryKey: slaKeys.exposure(clauseId, model),
      queryFn: () => call('sla.exposure', { clauseId, model }),
      placeholderData: keepPreviousData,
    }),
};
