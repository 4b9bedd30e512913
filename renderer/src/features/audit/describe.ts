import type { AuditChange, AuditEntry, AuditValue } from '@core/api';
import type { TFunction } from 'i18next';
import type { Formatters } from '../../i18n/format';
import { formatCalendarDate, formatPercent } from '../billing/format';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A changed field's name in words: `clause.liability.zh-CN` → "Clause “Liability” (Chinese)". */
export function fieldName(field: string, t: TFunction): string {
  const clause = /^clause\.([A-Za-z]+)\.(en|zh-CN)$/.exec(field);
  if (clause) {
    return t('audit.fields.clause', {
      clause: t(`audit.clauses.${clause[1]}` as never),
      language: t(`audit.languages.${clause[2]}` as never),
    });
  }
  return t(`audit.fields.${field}` as never, { defaultValue: field });
}

/** One stored value as the user reads it: money, dates, statuses and methods in words. */
export function formatValue(
  entry: Pick<AuditEntry, 'entity' | 'currency'>,
  change: Pick<AuditChange, 'field'>,
  value: AuditValue,
  t: TFunction,
  fmt: Formatters,
): string {
  if (value === null || value === '') return '—';
  const { field } = change;
  if (typeof value === 'number') {
    if (field.endsWith('Minor') && entry.currency) return fmt.money(value, entry.currency);
    if (field === 'paymentTermsDays') return t('audit.days', { count: value });
    return fmt.number(value);
  }
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  switch (field) {
    case 'status':
      return entry.entity === 'milestone'
        ? t(`milestones.status.${value}` as never, { defaultValue: value })
        : t(`invoices.status.${value}` as never, { defaultValue: value });
    case 'stage':
      return t(`engagements.stage.${value}` as never, { defaultValue: value });
    case 'type':
      return t(`engagements.type.${value}` as never, { defaultValue: value });
    case 'method':
      return t(`invoices.methods.${value}` as never, { defaultValue: value });
    case 'taxRatePercent':
    case 'liabilityCapPercent':
      return formatPercent(value, fmt.locale);
  }
  if (CALENDAR_DATE.test(value)) return formatCalendarDate(value, fmt.locale);
  return value;
}
