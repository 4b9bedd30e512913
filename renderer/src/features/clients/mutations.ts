import type { Client, ClientFieldsInput } from '@core/api';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { clientKeys } from './queries';

/** After a write: the changed row is known exactly; every list may now order differently. */
function settle(queryClient: QueryClient, client: Client): Promise<void> {
  queryClient.setQueryData(clientKeys.detail(client.id), client);
  return queryClient.invalidateQueries({ queryKey: clientKeys.lists() });
}

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: ClientFieldsInput) => call('clients.create', fields),
    onSuccess: (client) => settle(queryClient, client),
  });
}

export function useUpdateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; changes: Partial<ClientFieldsInput> }) =>
      call('clients.update', input),
    onSuccess: (client) => settle(queryClient, client),
  });
}

export function useArchiveClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('clients.archive', { id }),
    onSuccess: (client) => settle(queryClient, client),
  });
}

export function useRestoreClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('clients.restore', { id }),
    onSuccess: (client) => settle(queryClient, client),
  });
}

export function useDeleteClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('clients.delete', { id }),
    onSuccess: ({ id }) => {
      queryClient.removeQueries({ queryKey: clientKeys.detail(id), exact: true });
      return queryClient.invalidateQueries({ queryKey: clientKeys.lists() });
    },
  });
}
