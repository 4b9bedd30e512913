import { allCurrencies } from '@core/money';
import { Select, type SelectProps } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

const optionsCache = new Map<string, { value: string; label: string }[]>();

/** Every ISO 4217 code the runtime knows, named in the UI language: "EUR — Euro". */
function currencyOptions(locale: string) {
  let options = optionsCache.get(locale);
  if (!options) {
    const names = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' });
    options = allCurrencies().map((code) => ({
      value: code,
      label: `${code} — ${names.of(code) ?? code}`,
    }));
    optionsCache.set(locale, options);
  }
  return options;
}

/**
 * A searchable currency picker (type "eur", "yuan" or "人民币"). The search text is kept
 * here because Mantine leaves the typed text in place when the current currency is picked
 * again; it must always fall back to the chosen currency's name.
 */
export function CurrencySelect({ value, onOptionSubmit, ...props }: Omit<SelectProps, 'data'>) {
  const { t, i18n } = useTranslation();
  const data = useMemo(() => currencyOptions(i18n.language), [i18n.language]);
  const label = useMemo(
    () => data.find((option) => option.value === value)?.label ?? '',
    [data, value],
  );
  const [search, setSearch] = useState(label);
  const [shownLabel, setShownLabel] = useState(label);
  if (label !== shownLabel) {
    setShownLabel(label);
    setSearch(label);
  }

  return (
    <Select
      searchable
      clearable
      allowDeselect={false}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onOptionSubmit={(picked) => {
        onOptionSubmit?.(picked);
        if (picked === value) setSearch(label);
      }}
      nothingFoundMessage={t('clients.currency.nothingFound')}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true, shadow: 'md' }}
      {...props}
    />
  );
}
