import { useTranslation } from 'react-i18next';
import { formatMoney } from '../lib/money';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SIZE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** Numbers, money and dates for one UI language, always through `Intl`. */
export function createFormatters(locale: string) {
  const number = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  // Made on first use: few screens show a file size.
  let sizes: Intl.NumberFormat[] | undefined;

  return {
    locale,
    number: (value: number) => number.format(value),
    money: (minor: number, currency: string) => formatMoney(minor, currency, locale),
    date: (iso: string) => date.format(new Date(iso)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** A file's size in decimal units, as file managers show it: 1 536 → "1.5 kB". */
    size: (bytes: number) => {
      let value = bytes;
      let unit = 0;
      while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
        value /= 1000;
        unit++;
      }
      sizes ??= SIZE_UNITS.map(
        (name, i) =>
          new Intl.NumberFormat(locale, {
            style: 'unit',
            unit: name,
            unitDisplay: 'short',
            maximumFractionDigits: i === 0 ? 0 : 1,
          }),
      );
      return sizes[unit]!.format(value);
    },
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

const byLocale = new Map<string, Formatters>();

/** The formatters of one language, made once: every component (a list's rows too) shares them. */
function formattersFor(locale: string): Formatters {
  let formatters = byLocale.get(locale);
  if (!formatters) {
    formatters = createFormatters(locale);
    byLocale.set(locale, formatters);
  }
  return formatters;
}

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(i18n.language);
}
