import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../lib/money';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Numbers, money and dates for one UI language, always through `Intl`. */
export function createFormatters(locale: string) {
  const number = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

  return {
    locale,
    number: (value: number) => number.format(value),
    money: (minor: number, currency: string) => formatMoney(minor, currency, locale),
    date: (iso: string) => date.format(new Date(iso)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** "just now", "5 minutes ago", "yesterday"; a plain date after a week. */
    relative: (iso: string, now: number = Date.now()) => {
      const seconds = Math.round((Date.parse(iso) - now) / 1000);
      const abs = Math.abs(seconds);
      if (abs < MINUTE) return relative.format(0, 'second');
      if (abs < HOUR) return relative.format(Math.round(seconds / MINUTE), 'minute');
      if (abs < DAY) return relative.format(Math.round(seconds / HOUR), 'hour');
      if (abs < 7 * DAY) return relative.format(Math.round(seconds / DAY), 'day');
      return date.format(new Date(iso));
    },
  };
}

export type Formatters = ReturnType<typeof createFormatters>;

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => createFormatters(locale), [locale]);
}
