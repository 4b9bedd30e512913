import { minorDigits } from '../../../core/money';
import type { Language } from './catalog';

/**
 * The dashboards' formatting rules, written here from Intl rather than imported from the
 * renderer, so a spec that compares the screen with them fails when the renderer's own
 * formatter goes wrong. Exact amounts come from `core/money.formatMoney`, as in every spec.
 */

/** Axis ticks: Intl's compact currency notation in the UI language (万/亿 in Chinese). */
export function compactMoney(language: Language, minor: number, currency: string): string {
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(minor / 10 ** minorDigits(currency));
}

/** `2026-03` as an axis or filter shows it: `Mar 2026`, `2026年3月`. */
export function monthLabel(language: Language, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}
