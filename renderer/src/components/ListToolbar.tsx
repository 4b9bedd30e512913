import {
  ActionIcon,
  CloseButton,
  Group,
  Select,
  Text,
  TextInput,
  Tooltip,
  type TextInputProps,
} from '@mantine/core';
import { IconSearch, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortState } from '../lib/listState';

/**
 * A list's toolbar: search, filters and sort on the left; the row count (announced politely)
 * and the list's buttons on the right.
 */
export function ListToolbar({
  children,
  count,
  actions,
}: {
  children: ReactNode;
  /** "12 clients", or null while there is nothing to count. */
  count: string | null;
  actions: ReactNode;
}) {
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Group gap="sm" wrap="wrap">
        {children}
      </Group>
      <Group gap="md" wrap="nowrap">
        {count && (
          <Text size="sm" c="dimmed" aria-live="polite" className="tabular">
            {count}
          </Text>
        )}
        {actions}
      </Group>
    </Group>
  );
}

export type SearchInputProps = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  clearLabel: string;
  ref?: Ref<HTMLInputElement>;
};

/** A search box with a clear button; Escape clears it too (and goes no further). */
export function SearchInput({ value, onChange, clearLabel, ...props }: SearchInputProps) {
  return (
    <TextInput
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={
        value ? (
          <CloseButton size="sm" aria-label={clearLabel} onClick={() => onChange('')} />
        ) : null
      }
      {...props}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && value) {
          event.stopPropagation();
          onChange('');
        }
      }}
    />
  );
}

/** A list's sort: the field to sort by and a toggle for the direction. */
export function SortControl<Field extends string>({
  fields,
  labelFor,
  sort,
  onChange,
  width,
}: {
  fields: readonly Field[];
  labelFor: (field: Field) => string;
  sort: SortState<Field>;
  onChange: (sort: SortState<Field>) => void;
  width: number;
}) {
  const { t } = useTranslation();
  const isDescending = sort.direction === 'desc';
  const directionLabel = isDescending ? t('common.descending') : t('common.ascending');
  return (
    <Group gap={4} wrap="nowrap">
      <Select
        aria-label={t('common.sortBy')}
        w={width}
        allowDeselect={false}
        value={sort.field}
        data={fields.map((f) => ({ value: f, label: labelFor(f) }))}
        onChange={(v) => v && onChange({ ...sort, field: v as Field })}
        comboboxProps={{ withinPortal: true }}
      />
      <Tooltip label={directionLabel}>
        <ActionIcon
          variant="default"
          size={36}
          aria-label={directionLabel}
          aria-pressed={isDescending}
          onClick={() => onChange({ ...sort, direction: isDescending ? 'asc' : 'desc' })}
        >
          {isDescending ? (
            <IconSortDescending size={18} aria-hidden />
          ) : (
            <IconSortAscending size={18} aria-hidden />
          )}
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
