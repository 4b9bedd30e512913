import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** What we read from a zod issue, or from an `ApiIssue` sent back by the services. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  expected?: string;
  input?: unknown;
  params?: Record<string, unknown>;
  errors?: readonly (readonly IssueLike[])[];
}

function isEmptyInput(issue: IssueLike): boolean {
  return (
    'input' in issue && (issue.input === undefined || issue.input === null || issue.input === '')
  );
}

function isEmailIssue(issue: IssueLike): boolean {
  if (issue.code === 'invalid_format' && issue.format === 'email') return true;
  return (issue.errors ?? []).some((branch) => branch.some(isEmailIssue));
}

/**
 * One translated sentence per issue, naming the field. Our schemas' own reasons
 * (`params.reason`, e.g. UNKNOWN_CURRENCY) come first, then zod's codes; anything else
 * falls back to zod's localized message (`z.locales`, set with the UI language).
 */
export function translateIssue(issue: IssueLike, field: string, t: TFunction): string {
  const reason =
    issue.code === 'custom' && typeof issue.params?.reason === 'string'
      ? issue.params.reason
      : issue.code;
  const min = issue.minimum === undefined ? undefined : Number(issue.minimum);
  const max = issue.maximum === undefined ? undefined : Number(issue.maximum);

  switch (reason) {
    case 'UNKNOWN_CURRENCY':
      return t('validation.unknownCurrency', { field });
    case 'EMPTY_CHANGES':
      return t('validation.nothingToChange');
    case 'too_small':
      if (issue.origin === 'string') {
        return min !== undefined && min > 1
          ? t('validation.tooShort', { field, min })
          : t('validation.required', { field });
      }
      if (issue.origin === 'number' && min !== undefined) {
        return t('validation.tooSmall', { field, min });
      }
      return t('validation.invalid', { field });
    case 'too_big':
      if (issue.origin === 'string' && max !== undefined) {
        return t('validation.tooLong', { field, max });
      }
      if (issue.origin === 'number' && max !== undefined) {
        return t('validation.tooBig', { field, max });
      }
      return t('validation.invalid', { field });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.invalidEmail', { field });
      if (isEmptyInput(issue)) return t('validation.required', { field });
      return t('validation.invalid', { field });
    case 'invalid_union':
      return isEmailIssue(issue)
        ? t('validation.invalidEmail', { field })
        : t('validation.invalid', { field });
    case 'invalid_type':
      if (isEmptyInput(issue)) return t('validation.required', { field });
      if (issue.expected === 'int') return t('validation.notInteger', { field });
      return t('validation.invalid', { field });
    case 'invalid_value':
      return t('validation.invalidOption', { field });
    default:
      return issue.message || t('validation.invalid', { field });
  }
}

/**
 * Field errors for a form from the same zod schema the services use: `{ 'email': '…' }`,
 * first issue per field, translated. `fieldOf` maps a schema path to the form's field name.
 */
export function zodFieldErrors(
  schema: z.ZodType,
  values: unknown,
  options: {
    t: TFunction;
    label: (field: string) => string;
    fieldOf?: (path: string) => string;
  },
): Record<string, string> {
  const result = schema.safeParse(values, { reportInput: true });
  if (result.success) return {};
  return issuesToFieldErrors(result.error.issues as unknown as IssueLike[], options);
}

export function issuesToFieldErrors(
  issues: readonly IssueLike[],
  options: { t: TFunction; label: (field: string) => string; fieldOf?: (path: string) => string },
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const field = options.fieldOf ? options.fieldOf(path) : path;
    if (errors[field] !== undefined) continue;
    errors[field] = translateIssue(issue, options.label(field), options.t);
  }
  return errors;
}
