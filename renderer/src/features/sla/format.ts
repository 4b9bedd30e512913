import { ApiError, type SlaUnit } from '@core/api';
import { isSlaError } from '@core/sla/errors';
import type { TFunction } from 'i18next';
import { describeError } from '../../i18n/apiErrors';
import { i18n } from '../../i18n';

/** Minutes as "4 h 23 min 2 s" / "4 小时 23 分 2 秒", at most three parts. */
export function formatDuration(minutes: number, t: TFunction): string {
  if (!Number.isFinite(minutes)) return '—';
  let seconds = Math.round(minutes * 60 * 10) / 10;
  if (seconds === 0) return t('sla.duration.s', { value: 0 });
  const parts: string[] = [];
  const units = [
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
  ] as const;
  for (const [key, size] of units) {
    const whole = Math.floor(seconds / size);
    if (whole > 0) {
      parts.push(t(`sla.duration.${key}`, { value: whole }));
      seconds -= whole * size;
    }
  }
  if (seconds > 0.05 && parts.length < 3) {
    const s = parts.length === 0 ? Math.round(seconds * 10) / 10 : Math.round(seconds);
    if (s > 0) parts.push(t('sla.duration.s', { value: s }));
  }
  return parts.slice(0, 3).join(' ');
}

/** A measured or target value with its unit ("99.95 %", "800 ms"). */
export function formatValue(value: string | number | null, unit: SlaUnit, t: TFunction): string {
  if (value === null || value === '') return '—';
  const n = typeof value === 'number' ? value : Number(value);
  const text = Number.isFinite(n)
    ? new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 4 }).format(n)
    : String(value);
  return t(`sla.unitValue.${unit}`, { value: text });
}

/** The first translated SLA reason among a failed call's reason and issues, if any. */
function slaSentence(code: string | undefined, t: TFunction, details: Record<string, unknown>) {
  if (!code) return null;
  const key = `slaErrors.${code}`;
  return i18n.exists(key) ? String(t(key as never, details as never)) : null;
}

/** A failed SLA call, or an SlaError from a calculator, as one translated sentence. */
export function describeSlaError(error: unknown, t: TFunction): string {
  if (isSlaError(error)) {
    return slaSentence(error.code, t, error.details) ?? t('slaErrors.generic');
  }
  if (error instanceof ApiError) {
    const details = error.details ?? {};
    const own = slaSentence(error.reason, t, details);
    if (own) return own;
    for (const issue of error.issues) {
      const sentence = slaSentence(issue.code, t, details);
      if (sentence) return sentence;
    }
  }
  return describeError(error, t);
}

/** Field errors of a failed save, by the first segment of each issue's path. */
export function fieldErrors(error: unknown, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!field || out[field]) continue;
    out[field] = slaSentence(issue.code, t, error.details ?? {}) ?? t('slaErrors.generic');
  }
  return out;
}

/** `YYYY-MM` of a date, and months around it. */
export function monthKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

export { addMonthsToKey } from '@core/sla/civil-date';

/** A period key shown in the UI language: "Mar 2026" / "2026年3月"; other keys as they are. */
export function formatPeriod(key: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return key;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}
