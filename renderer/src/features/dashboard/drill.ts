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

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURRENCY = /^[A-Z]{3}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function readDrillParams(params: URLSearchParams): DrillParams {
  const out: DrillParams = {};
  const get = (name: string, pattern: RegExp) => {
    const value = params.get(name);
    return value && pattern.test(value) ? value : undefined;
  };
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

/** Values of a comma-separated URL parameter that are among `allowed`. */
export function readListParam<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T[] {
  const named = new Set((params.get(name) ?? '').split(','));
  return allowed.filter((value) => named.has(value));
}
