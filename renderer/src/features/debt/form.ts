import {
  DebtItemFields,
  type CostEstimate,
  type DebtCategory,
  type DebtItem,
  type DebtItemFieldsInput,
  type DebtModelSettings,
  type DebtStatus,
  type ImpactLevel,
} from '@core/api/debt';
import type { TFunction } from 'i18next';
import { issuesToFieldErrors, type IssueLike } from '../../i18n/validation';
import { formatMoneyInput, minorDigits, readAmount } from '../../lib/money';

/** What the workbench's inputs hold: text for money, '' for an emptied number. */
export interface DebtFormValues {
  title: string;
  description: string;
  category: DebtCategory;
  impact: ImpactLevel;
  affectedSystem: string;
  status: DebtStatus;
  costLow: string;
  costLikely: string;
  costHigh: string;
  growthPct: number | string;
  fixLow: number | string;
  fixLikely: number | string;
  fixHigh: number | string;
  dayRate: string;
  residualPct: number | string;
  lagQuarters: number | string;
  tags: string[];
  evidence: string;
  costEstimate: CostEstimate | null;
}

export type DebtFormField = keyof DebtFormValues;

export const FIELD_LABEL: Record<string, string> = {
  costLow: 'costLow',
  costLikely: 'costLikely',
  costHigh: 'costHigh',
  growthPct: 'growth',
  fixLow: 'fixLow',
  fixLikely: 'fixLikely',
  fixHigh: 'fixHigh',
  residualPct: 'residual',
  lagQuarters: 'lag',
};

export function emptyDebtValues(dayRateMinor: number, currency: string, locale: string) {
  return {
    title: '',
    description: '',
    category: 'code',
    impact: 'medium',
    affectedSystem: '',
    status: 'identified',
    costLow: '',
    costLikely: '',
    costHigh: '',
    growthPct: 0,
    fixLow: '',
    fixLikely: '',
    fixHigh: '',
    dayRate: dayRateMinor > 0 ? formatMoneyInput(dayRateMinor, currency, locale) : '',
    residualPct: 0,
    lagQuarters: 0,
    tags: [],
    evidence: '',
    costEstimate: null,
  } satisfies DebtFormValues;
}

const pct = (fraction: number) => Math.round(fraction * 100 * 1e6) / 1e6;

export function debtValuesOf(item: DebtItem, locale: string): DebtFormValues {
  const money = (minor: number) => formatMoneyInput(minor, item.currency, locale);
  return {
    title: item.title,
    description: item.description,
    category: item.category,
    impact: item.impact,
    affectedSystem: item.affectedSystem,
    status: item.status,
    costLow: money(item.quarterlyCostMinor.low),
    costLikely: money(item.quarterlyCostMinor.likely),
    costHigh: money(item.quarterlyCostMinor.high),
    growthPct: pct(item.growthPerQuarter),
    fixLow: item.fixDays.low,
    fixLikely: item.fixDays.likely,
    fixHigh: item.fixDays.high,
    dayRate: money(item.dayRateMinor),
    residualPct: pct(item.residualFraction),
    lagQuarters: item.lagQuarters,
    tags: item.tags,
    evidence: item.evidence,
    costEstimate: item.costEstimate,
  };
}

const PATH_TO_FIELD: Record<string, DebtFormField> = {
  'quarterlyCostMinor.low': 'costLow',
  'quarterlyCostMinor.likely': 'costLikely',
  'quarterlyCostMinor.high': 'costHigh',
  growthPerQuarter: 'growthPct',
  'fixDays.low': 'fixLow',
  'fixDays.likely': 'fixLikely',
  'fixDays.high': 'fixHigh',
  dayRateMinor: 'dayRate',
  residualFraction: 'residualPct',
};

export function fieldOfPath(path: string): string {
  const bare = path.replace(/^changes\./, '');
  return PATH_TO_FIELD[bare] ?? bare;
}

function labelOf(t: TFunction) {
  return (field: string) => {
    const key = FIELD_LABEL[field] ?? field;
    return t(`debt.fields.${key}` as 'debt.fields.title');
  };
}

/** Contract issues (or our own parse) as field errors, with the range-order reasons translated. */
export function debtFieldErrors(issues: readonly IssueLike[], t: TFunction) {
  const ordered: IssueLike[] = [];
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const reason = issue.params?.reason;
    const field = fieldOfPath(issue.path.map(String).join('.'));
    if (reason === 'LOW_ABOVE_LIKELY') errors[field] ??= t('debt.validation.lowAboveLikely');
    else if (reason === 'LIKELY_ABOVE_HIGH') errors[field] ??= t('debt.validation.likelyAboveHigh');
    else ordered.push(issue);
  }
  const rest = issuesToFieldErrors(ordered, { t, label: labelOf(t), fieldOf: fieldOfPath });
  for (const [field, message] of Object.entries(rest)) errors[field] ??= message;
  return errors;
}

type ToFields =
  | { ok: true; fields: DebtItemFieldsInput & { dayRateMinor: number } }
  | { ok: false; errors: Record<string, string> };

const num = (value: number | string) => (value === '' ? null : Number(value));

/** Form values -> `DebtItemFields`, validated by the contract's own schema. */
export function toDebtFields(
  values: DebtFormValues,
  options: { clientId: string; currency: string; locale: string; t: TFunction },
): ToFields {
  const { currency, locale, t } = options;
  const errors: Record<string, string> = {};
  const money = (field: 'costLow' | 'costLikely' | 'costHigh' | 'dayRate') => {
    const read = readAmount(values[field], currency, locale);
    if (read.ok) return read.minor;
    errors[field] =
      read.code === 'TOO_PRECISE'
        ? t('validation.tooManyDecimals', { currency, count: minorDigits(currency) })
        : read.code === 'OUT_OF_RANGE'
          ? t('validation.amountTooLarge')
          : read.code === 'CURRENCY_MISMATCH'
            ? t('validation.currencyMismatch', { currency })
            : t('validation.invalidAmount', {
                example: formatMoneyInput(120050, currency, locale),
              });
    return 0;
  };
  const growth = num(values.growthPct);
  const residual = num(values.residualPct);
  const candidate = {
    clientId: options.clientId,
    title: values.title,
    description: values.description,
    category: values.category,
    impact: values.impact,
    affectedSystem: values.affectedSystem,
    status: values.status,
    quarterlyCostMinor: {
      low: money('costLow'),
      likely: money('costLikely'),
      high: money('costHigh'),
    },
    costEstimate: values.costEstimate,
    growthPerQuarter: growth === null ? null : growth / 100,
    fixDays: { low: num(values.fixLow), likely: num(values.fixLikely), high: num(values.fixHigh) },
    dayRateMinor: money('dayRate'),
    residualFraction: residual === null ? null : residual / 100,
    lagQuarters: num(values.lagQuarters),
    tags: values.tags,
    evidence: values.evidence,
  };
  const parsed = DebtItemFields.safeParse(candidate, { reportInput: true });
  if (!parsed.success) {
    const schemaErrors = debtFieldErrors(parsed.error.issues as unknown as IssueLike[], t);
    for (const [field, message] of Object.entries(schemaErrors)) errors[field] ??= message;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, fields: { ...parsed.data, dayRateMinor: candidate.dayRateMinor } };
}

/** The model input of `core/techdebt` for the live figures. */
export function modelInputOf(
  fields: DebtItemFieldsInput & { dayRateMinor: number },
  settings: DebtModelSettings,
) {
  return {
    quarterlyCost: fields.quarterlyCostMinor,
    growthPerQuarter: fields.growthPerQuarter ?? 0,
    fixDays: fields.fixDays,
    dayRate: fields.dayRateMinor,
    annualDiscountRate: settings.annualDiscountRate,
    horizonQuarters: settings.horizonQuarters,
    residualFraction: fields.residualFraction ?? 0,
    lagQuarters: fields.lagQuarters ?? 0,
    rateMode: settings.rateMode,
  };
}

export const DEFAULT_SETTINGS: DebtModelSettings = {
  annualDiscountRate: 0.08,
  horizonQuarters: 12,
  rateMode: 'effective',
  distribution: 'pert',
};
