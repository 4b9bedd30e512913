import type { MethodInput } from '@core/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { backupKeys } from './queries';

export function useCreateBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call('backups.create', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: backupKeys.all }),
  });
}

/**
 * Every cached answer came from the data that was just replaced: all queries are reset
 * (active ones refetch at once, the others load fresh when next shown).
 */
export function useRestoreBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call('backups.restore', { name }),
    onSuccess: () => queryClient.resetQueries(),
  });
}

/** Imported rows can change anything on any screen: reset every query, as a restore does. */
export function useApplyImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'workspace.import.applyChosen'>) =>
      call('workspace.import.applyChosen', input),
    onSuccess: () => queryClient.resetQueries(),
  });
}
