import type { DocumentRequestInput, ExportJob, MethodInput } from '@core/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { documentKeys } from './queries';
import { auditKeys } from '../audit/queries';

/** Main renders the PDF, shows the save dialog and writes the file; nothing cached moves. */
export function useSaveDocument() {
  return useMutation({
    mutationFn: (request: DocumentRequestInput) => call('documents.save', request),
  });
}

/** New wording: the engagement's terms, and every rendered preview (contracts print them). */
export function useUpdateTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'documents.terms.update'>) =>
      call('documents.terms.update', input),
    onSuccess: (terms) => {
      queryClient.setQueryData(documentKeys.terms(terms.engagementId), terms);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: documentKeys.renders() }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]);
    },
  });
}

function seedJob(queryClient: ReturnType<typeof useQueryClient>, job: ExportJob) {
  queryClient.setQueryData(documentKeys.exportJob(job.jobId), job);
}

/** Main asks for a folder, then starts the export there; the job is polled from then on. */
export function useChooseExportFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (range: MethodInput<'documents.exportInvoices.chooseFolder'>) =>
      call('documents.exportInvoices.chooseFolder', range),
    onSuccess: (result) => {
      if (result.started) seedJob(queryClient, result.job);
    },
  });
}

export function useCancelExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => call('documents.exportInvoices.cancel', { jobId }),
    onSuccess: (job) => seedJob(queryClient, job),
  });
}
