import type { ApiResult, Client, DebtItem, MethodInput } from '../../core/api';
import type { TestServices } from '../../test/support/services';

export async function ok<T>(promise: Promise<ApiResult<unknown>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.data as T;
}

export async function fail(promise: Promise<ApiResult<unknown>>) {
  const result = await promise;
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return result.error;
}

/** A valid `debt.create` input for the client: "Manual releases", with `fields` over it. */
export function debtItemInput(
  clientId: string,
  fields: Partial<MethodInput<'debt.create'>> = {},
): MethodInput<'debt.create'> {
  return {
    clientId,
    title: 'Manual releases',
    category: 'process',
    impact: 'high',
    quarterlyCostMinor: { low: 500_000, likely: 800_000, high: 1_500_000 },
    fixDays: { low: 10, likely: 15, high: 25 },
    ...fields,
  };
}

export function debtApi(services: TestServices) {
  const client = (fields: Record<string, unknown> = {}) =>
    ok<Client>(
      services.invoke('clients.create', {
        displayName: 'Acme',
        defaultCurrency: 'EUR',
        defaultDayRateMinor: 100_000,
        ...fields,
      }),
    );
  const item = (clientId: string, fields: Partial<MethodInput<'debt.create'>> = {}) =>
    ok<DebtItem>(services.invoke('debt.create', debtItemInput(clientId, fields)));
  const count = () =>
    (
      services.database.sqlite.prepare('SELECT count(*) AS n FROM debt_items').get() as {
        n: number;
      }
    ).n;
  return { client, item, count };
}
