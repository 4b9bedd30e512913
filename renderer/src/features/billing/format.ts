/** Today as `YYYY-MM-DD` in the user's own calendar. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A calendar date (`YYYY-MM-DD`) shown in the UI language, without a timezone shift. */
export function formatCalendarDate(iso: string | null, locale: string): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}

/** A percent string such as "15" or "5.5" for display (`15 %` / `15%`). */
export function formatPercent(value: string | number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 }).format(
    Number(value) / 100,
  );
}
