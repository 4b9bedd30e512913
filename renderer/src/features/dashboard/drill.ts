/**
 * The filters a list page takes from the dashboard's drill-down links (`?client=…&currency=
 * EUR&issuedFrom=2026-03-01&issuedTo=2026-03-31`), read once when the page opens. Anything
 * malformed is ignored, so a hand-edited URL shows the whole list rather than an error.
 */
export interface DrillParams {
  clientId?: string;
  engagementId?: string;
  currency?: string;
  issuedFrom?: string;
  issuedTo?: string;
}

export const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const CURRENCY = /^[A-Z]{3}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A URL parameter's value if it matches `pattern`; a malformed one is ignored. */
export function readParam(
  params: URLSearchParams,
  name: string,
  pattern: RegExp,
): string | undefined {
  const value = params.get(name);
  return value && pattern.test(value) ? value : undefined;
}

export function readDrillParams(params: URLSearchParams): DrillParams {
  const out: DrillParams = {};
  const get = (name: string, pattern: RegExp) => readParam(params, name, pattern);
  const clientId = get('client', ID);
  const engagementId = get('engagement', ID);
  const currency = get('currency', CURRENCY);
  const issuedFrom = get('issuedFrom', DATE);
  const issuedTo = get('issuedTo', DATE);
  if (clientId) out.clientId = clientId;
  if (engagementId) out.engagementId = engagementId;
  if (currency) out.currency = currency;
  if (issuedFrom) out.issuedFrom = issuedFrom;
  if (issuedTo) out.issuedTo = issuedTo;
  return out;
}

/**
 * Values of a list URL parameter that are among `allowed`, in `allowed`'s order: comma-
 * separated (`?stage=won,active`) or repeated (`?status=proposed&status=accepted`).
 */
export function readListParam<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T[] {
  return listedIn(params.getAll(name).join(','), allowed);
}

/** The values of `allowed` named in a comma-separated `list`. */
export function listedIn<T extends string>(list: string, allowed: readonly T[]): T[] {
  const named = new Set(list.split(','));
  return allowed.filter((value) => named.has(value));
}
