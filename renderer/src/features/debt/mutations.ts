import type {
  DebtCsvField,
  DebtItem,
  DebtItemFieldsInput,
  DebtModelSettings,
  DebtStatus,
} from '@core/api/debt';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { debtKeys } from './queries';

type Patch = Partial<Omit<DebtItemFieldsInput, 'clientId'>>;

/** After a write: the item is known exactly; rankings, totals, tags and the matrix may move. */
function settle(queryClient: QueryClient, item?: DebtItem): Promise<void> {
  if (item) queryClient.setQueryData(debtKeys.detail(item.id), item);
  return queryClient.invalidateQueries({
    queryKey: debtKeys.items(),
    predicate: (query) => !item || query.queryKey.join('|') !== debtKeys.detail(item.id).join('|'),
  });
}

export function useCreateDebt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: DebtItemFieldsInput) => call('debt.create', fields),
    onSuccess: (item) => settle(queryClient, item),
  });
}

export function useUpdateDebt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; changes: Patch }) => call('debt.update', input),
    onSuccess: (item) => settle(queryClient, item),
  });
}

export function useDuplicateDebt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('debt.duplicate', { id }),
    onSuccess: (item) => settle(queryClient, item),
  });
}

export function useDeleteDebt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('debt.delete', { id }),
    onSuccess: ({ id }) => {
      queryClient.removeQueries({ queryKey: debtKeys.detail(id), exact: true });
      return settle(queryClient);
    },
  });
}

export function useBulkStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[]; status: DebtStatus }) => call('debt.bulkStatus', input),
    onSuccess: () => settle(queryClient),
  });
}

export function useUpdateDebtSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { clientId: string; changes: Partial<DebtModelSettings> }) =>
      call('debt.settings.update', input),
    onSuccess: (settings, { clientId }) => {
      queryClient.setQueryData(debtKeys.settings(clientId), settings);
      // Every stored evaluation of this client's items is re-priced by the services.
      return settle(queryClient);
    },
  });
}

export function useSaveSelection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      clientId: string;
      itemIds: string[];
      budget: { kind: 'days'; days: number } | { kind: 'money'; amountMinor: number } | null;
    }) => call('debt.selection.save', input),
    onSuccess: (selection) =>
      queryClient.setQueryData(debtKeys.selection(selection.clientId), selection),
  });
}

export function useCsvImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      clientId: string;
      csvText: string;
      mapping: Record<string, DebtCsvField>;
      skipInvalid: boolean;
    }) => call('debt.csv.import', input),
    onSuccess: () => settle(queryClient),
  });
}

export function useLoadDemo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: 'en' | 'zh-CN') => call('demo.load', { locale }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
