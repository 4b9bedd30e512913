import { ActionIcon, Group, Select, Tooltip } from '@mantine/core';
import { IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface SortState<Field extends string> {
  field: Field;
  direction: 'asc' | 'desc';
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
  const descending = sort.direction === 'desc';
  const directionLabel = descending ? t('billing.descending') : t('billing.ascending');
  return (
    <Group gap={4} wrap="nowrap">
      <Select
        aria-label={t('billing.sortBy')}
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
          aria-pressed={descending}
          onClick={() => onChange({ ...sort, direction: descending ? 'asc' : 'desc' })}
        >
          {descending ? (
            <IconSortDescending size={18} aria-hidden />
          ) : (
            <IconSortAscending size={18} aria-hidden />
          )}
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
