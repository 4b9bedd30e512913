import type { MethodInput, SlaClause } from '@core/api';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { billingKeys } from '../billing/queries';
import { slaKeys } from './queries';

/** Everything computed from a clause's fields or records: compliance, timeline, exposure. */
function settleFigures(queryClient: QueryClient, clauseId: string, engagementId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: slaKeys.compliances(clauseId) }),
    queryClient.invalidateQueries({ queryKey: slaKeys.timelines(engagementId) }),
    queryClient.invalidateQueries({ queryKey: slaKeys.exposures(clauseId) }),
    queryClient.invalidateQueries({ queryKey: slaKeys.reports() }),
  ]);
}

function settleClause(queryClient: QueryClient, clause: SlaClause) {
  queryClient.setQueryData(slaKeys.clause(clause.id), clause);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: slaKeys.clauses(clause.engagementId) }),
    settleFigures(queryClient, clause.id, clause.engagementId),
  ]);
}

export function useCreateClause() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'sla.clauses.create'>) => call('sla.clauses.create', input),
    onSuccess: (clause) => settleClause(queryClient, clause),
  });
}

export function useUpdateClause() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'sla.clauses.update'>) => call('sla.clauses.update', input),
    onSuccess: (clause) => settleClause(queryClient, clause),
  });
}

export function useDeleteClause(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('sla.clauses.delete', { id }),
    onSuccess: ({ id }) => {
      queryClient.removeQueries({ queryKey: slaKeys.clause(id) });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: slaKeys.clauses(engagementId) }),
        queryClient.invalidateQueries({ queryKey: slaKeys.timelines(engagementId) }),
        queryClient.invalidateQueries({ queryKey: slaKeys.reports() }),
      ]);
    },
  });
}

/** Incident and measurement writes: the clause's list, its counts in the list, its figures. */
function settleRecords(
  queryClient: QueryClient,
  clause: Pick<SlaClause, 'id' | 'engagementId'>,
  kind: 'incidents' | 'measurements',
) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: slaKeys[kind](clause.id) }),
    queryClient.invalidateQueries({ queryKey: slaKeys.clauses(clause.engagementId) }),
    settleFigures(queryClient, clause.id, clause.engagementId),
  ]);
}

type ClauseRef = Pick<SlaClause, 'id' | 'engagementId'>;

export function useCreateIncident(clause: ClauseRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'sla.incidents.create'>) => call('sla.incidents.create', input),
    onSuccess: () => settleRecords(queryClient, clause, 'incidents'),
  });
}

export function useUpdateIncident(clause: ClauseRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'sla.incidents.update'>) => call('sla.incidents.update', input),
    onSuccess: () => settleRecords(queryClient, clause, 'incidents'),
  });
}

export function useDeleteIncident(clause: ClauseRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('sla.incidents.delete', { id }),
    onSuccess: () => settleRecords(queryClient, clause, 'incidents'),
  });
}

export function useUpsertMeasurement(clause: ClauseRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'sla.measurements.upsert'>) =>
      call('sla.measurements.upsert', input),
    onSuccess: () => settleRecords(queryClient, clause, 'measurements'),
  });
}

export function useDeleteMeasurement(clause: ClauseRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('sla.measurements.delete', { id }),
    onSuccess: () => settleRecords(queryClient, clause, 'measurements'),
  });
}

export function useImportMeasurements(clause: ClauseRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'sla.measurements.importCsv'>) =>
      call('sla.measurements.importCsv', input),
    onSuccess: (result, input) =>
      input.dryRun || result.imported === 0
        ? undefined
        : settleRecords(queryClient, clause, 'measurements'),
  });
}

/** A credit note moves the invoice, receivables and the engagement's figures too. */
export function useProposeCreditNote(clause: ClauseRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'sla.proposeCreditNote'>) =>
      call('sla.proposeCreditNote', input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: slaKeys.compliances(clause.id) }),
        queryClient.invalidateQueries({ queryKey: slaKeys.timelines(clause.engagementId) }),
        queryClient.invalidateQueries({ queryKey: slaKeys.reports() }),
        queryClient.invalidateQueries({ queryKey: billingKeys.invoices.all }),
        queryClient.invalidateQueries({ queryKey: billingKeys.receivables.all }),
        queryClient.invalidateQueries({ queryKey: billingKeys.engagements.all }),
      ]),
  });
}
