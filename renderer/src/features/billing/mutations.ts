import type { Engagement, Invoice, MethodInput, Profile } from '@core/api';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { clientKeys } from '../clients/queries';
import { billingKeys } from './queries';
import { auditKeys } from '../audit/queries';

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'profile.update'>) => call('profile.update', input),
    onSuccess: (profile: Profile) => queryClient.setQueryData(billingKeys.profile, profile),
  });
}

/** An engagement changed: its row, every engagement list, and the client's dependents. */
function settleEngagement(queryClient: QueryClient, engagement: Engagement) {
  queryClient.setQueryData(billingKeys.engagements.detail(engagement.id), engagement);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: billingKeys.engagements.lists() }),
    queryClient.invalidateQueries({ queryKey: billingKeys.milestones.schedule(engagement.id) }),
    queryClient.invalidateQueries({ queryKey: billingKeys.receivables.all }),
    queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  ]);
}

export function useCreateEngagement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'engagements.create'>) => call('engagements.create', input),
    onSuccess: async (engagement) => {
      await settleEngagement(queryClient, engagement);
      // The client now has a dependent (it can no longer be deleted).
      await queryClient.invalidateQueries({ queryKey: clientKeys.details() });
    },
  });
}

export function useUpdateEngagement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'engagements.update'>) => call('engagements.update', input),
    onSuccess: (engagement) => settleEngagement(queryClient, engagement),
  });
}

/** Milestone writes move the schedule, the engagement's figures and expected cash-in. */
function settleSchedule(queryClient: QueryClient, engagementId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: billingKeys.milestones.schedule(engagementId) }),
    queryClient.invalidateQueries({ queryKey: billingKeys.engagements.all }),
    queryClient.invalidateQueries({ queryKey: billingKeys.receivables.all }),
    queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  ]);
}

export function useSetSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'milestones.setSchedule'>) =>
      call('milestones.setSchedule', input),
    onSuccess: (schedule) => {
      queryClient.setQueryData(billingKeys.milestones.schedule(schedule.engagementId), schedule);
      return settleSchedule(queryClient, schedule.engagementId);
    },
  });
}

export function useMilestoneAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { action: 'markReady' | 'reopen'; id: string }
        | ({ action: 'accept' } & MethodInput<'milestones.accept'>),
    ) => {
      if (input.action === 'accept') {
        const { action: _action, ...rest } = input;
        return call('milestones.accept', rest);
      }
      return call(`milestones.${input.action}`, { id: input.id });
    },
    onSuccess: (milestone) => settleSchedule(queryClient, milestone.engagementId),
  });
}

/**
 * An invoice changed: its detail, every invoice list, and what its money moves elsewhere —
 * the engagement's figures, the milestone's status and receivables.
 */
function settleInvoice(queryClient: QueryClient, invoice: Invoice | { id: string }) {
  if ('lines' in invoice)
    queryClient.setQueryData(billingKeys.invoices.detail(invoice.id), invoice);
  else void queryClient.invalidateQueries({ queryKey: billingKeys.invoices.detail(invoice.id) });
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: billingKeys.invoices.lists() }),
    queryClient.invalidateQueries({ queryKey: billingKeys.engagements.all }),
    queryClient.invalidateQueries({ queryKey: billingKeys.milestones.all }),
    queryClient.invalidateQueries({ queryKey: billingKeys.receivables.all }),
    queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  ]);
}

export function useCreateInvoiceFromMilestone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'invoices.createFromMilestone'>) =>
      call('invoices.createFromMilestone', input),
    onSuccess: (invoice) => settleInvoice(queryClient, invoice),
  });
}

export function useCreateInvoiceFromLines() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'invoices.createFromLines'>) =>
      call('invoices.createFromLines', input),
    onSuccess: (invoice) => settleInvoice(queryClient, invoice),
  });
}

export function useUpdateDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'invoices.updateDraft'>) => call('invoices.updateDraft', input),
    onSuccess: (invoice) => settleInvoice(queryClient, invoice),
  });
}

export function useDeleteDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('invoices.deleteDraft', { id }),
    onSuccess: ({ id }) => {
      queryClient.removeQueries({ queryKey: billingKeys.invoices.detail(id), exact: true });
      return settleInvoice(queryClient, { id });
    },
  });
}

export function useIssueInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'invoices.issue'>) => call('invoices.issue', input),
    onSuccess: (invoice) => settleInvoice(queryClient, invoice),
  });
}

export function useVoidInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'invoices.void'>) => call('invoices.void', input),
    onSuccess: (invoice) => settleInvoice(queryClient, invoice),
  });
}

export function useRecordPayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'payments.record'>) => call('payments.record', input),
    onSuccess: ({ invoice }) => settleInvoice(queryClient, { id: invoice.id }),
  });
}

export function useCreateCreditNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'creditNotes.create'>) => call('creditNotes.create', input),
    onSuccess: (note) => settleInvoice(queryClient, { id: note.invoiceId }),
  });
}

export function useDeletePayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('payments.delete', { id }),
    onSuccess: ({ invoice }) => settleInvoice(queryClient, { id: invoice.id }),
  });
}

export function useSetEngagementStage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'engagements.setStage'>) => call('engagements.setStage', input),
    onSuccess: (engagement) => settleEngagement(queryClient, engagement),
  });
}

export function useDeleteEngagement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('engagements.delete', { id }),
    onSuccess: ({ id }) => {
      queryClient.removeQueries({ queryKey: billingKeys.engagements.detail(id), exact: true });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: billingKeys.engagements.lists() }),
        queryClient.invalidateQueries({ queryKey: billingKeys.receivables.all }),
        // The client may have lost its last dependent.
        queryClient.invalidateQueries({ queryKey: clientKeys.details() }),
      ]);
    },
  });
}
