import type { Client } from '@core/api';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../../api/client';
import { clientKeys } from '../../clients/queries';

/** A searchable client select (active clients, 50 at a time by name). */
export function ClientPicker({
  value,
  onClientChange,
  ...props
}: Omit<SelectProps, 'data' | 'onChange' | 'value'> & {
  value: string | null;
  onClientChange: (client: Client | null) => void;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const query = useQuery({
    queryKey: [...clientKeys.lists(), 'picker', debounced],
    queryFn: () => call('clients.list', { search: debounced, limit: 50 }),
    placeholderData: keepPreviousData,
  });
  const items = query.data?.items ?? [];
  const [selected, setSelected] = useState<Client | null>(null);
  const data = items.map((c) => ({ value: c.id, label: c.displayName }));
  if (selected && !data.some((d) => d.value === selected.id)) {
    data.unshift({ value: selected.id, label: selected.displayName });
  }
  return (
    <Select
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value}
      nothingFoundMessage="—"
      comboboxProps={{ withinPortal: true }}
      onChange={(id) => {
        const client = items.find((c) => c.id === id) ?? null;
        setSelected(client);
        onClientChange(client);
      }}
      {...props}
    />
  );
}
