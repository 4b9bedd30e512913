import { ClientFields, type Client, type ClientFieldsInput } from '@core/api';
import type { TFunction } from 'i18next';
import { issuesToFieldErrors, zodFieldErrors, type IssueLike } from '../../i18n/validation';
import { formatMoneyInput, isCurrencyCode, minorDigits, readAmount } from '../../lib/money';

/** The form's own shape: what the inputs hold (text for money, '' for an empty number). */
export interface ClientFormValues {
  displayName: string;
  legalName: string;
  contactPerson: string;
  email: string;
  phone: string;
  address: string;
  taxId: string;
  defaultCurrency: string | null;
  defaultDayRate: string;
  paymentTermsDays: number | string;
  documentLanguage: 'en' | 'zh-CN';
  notes: string;
}

export type ClientFormField = keyof ClientFormValues;

export function emptyFormValues(defaults: {
  currency: string | null;
  documentLanguage: 'en' | 'zh-CN';
}): ClientFormValues {
  return {
    displayName: '',
    legalName: '',
    contactPerson: '',
    email: '',
    phone: '',
    address: '',
    taxId: '',
    defaultCurrency: defaults.currency,
    defaultDayRate: '',
    paymentTermsDays: 30,
    documentLanguage: defaults.documentLanguage,
    notes: '',
  };
}

export function formValuesOf(client: Client, locale: string): ClientFormValues {
  return {
    displayName: client.displayName,
    legalName: client.legalName,
    contactPerson: client.contactPerson,
    email: client.email,
    phone: client.phone,
    address: client.address,
    taxId: client.taxId,
    defaultCurrency: client.defaultCurrency,
    defaultDayRate:
      client.defaultDayRateMinor > 0
        ? formatMoneyInput(client.defaultDayRateMinor, client.defaultCurrency, locale)
        : '',
    paymentTermsDays: client.paymentTermsDays,
    documentLanguage: client.documentLanguage,
    notes: client.notes,
  };
}

/** Schema paths that differ from the form's field names. */
export function fieldOfPath(path: string): string {
  return path === 'defaultDayRateMinor' ? 'defaultDayRate' : path;
}

type ToFieldsResult =
  { ok: true; fields: ClientFieldsInput } | { ok: false; errors: Record<string, string> };

/**
 * Form values -> the contract's `ClientFields`, validated by the very schema the services
 * use. Money is read exactly (integer minor units) in the chosen currency's decimals.
 */
export function toClientFields(
  values: ClientFormValues,
  options: { t: TFunction; locale: string },
): ToFieldsResult {
  const { t, locale } = options;
  const label = (field: string) => t(`clients.fields.${field as ClientFormField}`);
  const errors: Record<string, string> = {};

  const currency = values.defaultCurrency ?? '';
  // Without a valid currency the amount cannot be read; the currency field says why.
  const money = isCurrencyCode(currency)
    ? readAmount(values.defaultDayRate, currency, locale)
    : ({ ok: true, minor: 0 } as const);
  if (!money.ok) {
    errors.defaultDayRate =
      money.code === 'TOO_PRECISE'
        ? t('validation.tooManyDecimals', { currency, count: minorDigits(currency) })
        : money.code === 'OUT_OF_RANGE'
          ? t('validation.amountTooLarge')
          : money.code === 'CURRENCY_MISMATCH'
            ? t('validation.currencyMismatch', { currency })
            : t('validation.invalidAmount', { example: formatMoneyInput(120050, 'EUR', locale) });
  }

  const candidate = {
    displayName: values.displayName,
    legalName: values.legalName,
    contactPerson: values.contactPerson,
    email: values.email.trim(),
    phone: values.phone,
    address: values.address,
    taxId: values.taxId,
    defaultCurrency: currency,
    defaultDayRateMinor: money.ok ? money.minor : 0,
    // An emptied number field is "missing", not the default: the user should see why.
    paymentTermsDays: values.paymentTermsDays === '' ? null : Number(values.paymentTermsDays),
    documentLanguage: values.documentLanguage,
    notes: values.notes,
  };
  const schemaErrors = zodFieldErrors(ClientFields, candidate, { t, label, fieldOf: fieldOfPath });
  for (const [field, message] of Object.entries(schemaErrors)) errors[field] ??= message;
  // Missing, malformed or unknown: the one fix is the same, so is the message.
  if (errors.defaultCurrency) errors.defaultCurrency = t('validation.unknownCurrency');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, fields: ClientFields.parse(candidate) };
}

export function serverFieldErrors(
  issues: readonly IssueLike[],
  t: TFunction,
): Record<string, string> {
  return issuesToFieldErrors(issues, {
    t,
    label: (field) => t(`clients.fields.${field as ClientFormField}`),
    fieldOf: (path) => fieldOfPath(path.replace(/^changes\./, '')),
  });
}

/** Only what changed, so an edit never rewrites fields the user did not touch. */
export function changedFields(
  before: Client,
  after: ClientFieldsInput,
): Partial<ClientFieldsInput> {
  const changes: Partial<ClientFieldsInput> = {};
  for (const key of Object.keys(after) as (keyof ClientFieldsInput)[]) {
    if (after[key] !== before[key]) {
      (changes as Record<string, unknown>)[key] = after[key];
    }
  }
  return changes;
}
