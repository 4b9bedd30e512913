import type { DebtItem, ParsedInput } from '../../core/api';
import { TechDebtError } from '../../core/techdebt';
import { createClientsRepository, createDebtRepository, type DebtItemData } from '../../db';
import type { ServiceContext } from '../context';
import { notFound, ServiceError } from '../errors';

export function debtRepo(ctx: ServiceContext) {
  return createDebtRepository(ctx.sqlite);
}

export function requireClient(ctx: ServiceContext, id: string) {
  const client = createClientsRepository(ctx.db).get(id);
  if (!client) throw notFound('Client', id);
  return client;
}

export function requireItem(ctx: ServiceContext, id: string): DebtItem {
  const item = debtRepo(ctx).get(id);
  if (!item) throw itemNotFound(id);
  return item;
}

export function itemNotFound(id: string, count = 1): ServiceError {
  return new ServiceError(
    'NOT_FOUND',
    count === 1 ? `Debt item ${id} does not exist.` : `${count} debt items do not exist.`,
    { reason: 'DEBT_ITEM_NOT_FOUND', details: { id, count } },
  );
}

/** Model errors from core/techdebt as typed API errors (the contract should have caught them). */
export function withModelErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof TechDebtError) {
      throw new ServiceError(
        error.code === 'CURRENCY_MISMATCH' ? 'CONFLICT' : 'VALIDATION',
        error.message,
        { reason: error.code },
      );
    }
    throw error;
  }
}

/**
 * Creates an item for a client. Archived clients are allowed on purpose: archiving hides a
 * client from the everyday lists, it does not freeze its records (a consultant may still
 * document debt found at a client whose engagement has ended). The item's currency is the
 * client's default currency, the day rate defaults to the client's.
 */
export function createItem(
  ctx: ServiceContext,
  input: ParsedInput<'debt.create'>,
  now = ctx.now().toISOString(),
): DebtItem {
  const client = requireClient(ctx, input.clientId);
  const repo = debtRepo(ctx);
  const data: DebtItemData = {
    ...input,
    currency: client.defaultCurrency,
    dayRateMinor: input.dayRateMinor ?? client.defaultDayRateMinor,
  };
  return withModelErrors(() => repo.insert(ctx.newId(), data, repo.settings(input.clientId), now));
}
