import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** A timestamp on the clause's clock, in the UI language. */
export function useZonedDateTime(timeZone: string) {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(i18n.language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    });
    return (iso: string) => f.format(new Date(iso));
  }, [i18n.language, timeZone]);
}
