import type { DebtSelection, MethodName } from '../../core/api';
import { selectWithinBudget, selectWithinDayBudget, type PortfolioItem } from '../../core/techdebt';
import { dataOf, modelInput } from '../../db';
import type { ServiceContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { stashForUndo } from '../audit/undo';
import { csvHandlers } from './csv';
import {
  createItem,
  debtRepo,
  itemNotFound,
  requireClient,
  requireItem,
  withModelErrors,
} from './common';
import { demoHandlers } from './demo';
import { evaluateWorkbench } from './workbench';

const COPY_SUFFIX = ' (copy)';

function selectionOf(
  ctx: ServiceContext,
  clientId: string,
  itemIds: readonly string[],
  budget: DebtSelection['budget'],
  savedAt: string | null,
): DebtSelection {
  const repo = debtRepo(ctx);
  const byId = new Map(repo.forClient(clientId).map((item) => [item.id, item]));
  const kept = itemIds.filter((id) => byId.has(id));
  let fixCostMinor = 0;
  let fixDays = 0;
  let netBenefitMinor = 0;
  for (const id of kept) {
    const item = byId.get(id)!;
    fixCostMinor += item.evaluation.fixCostMinor;
    fixDays += item.fixDays.likely;
    netBenefitMinor += item.evaluation.netBenefitMinor;
  }
  return { clientId, itemIds: kept, budget, fixCostMinor, fixDays, netBenefitMinor, savedAt };
}

type DebtMethod = Exclude<Extract<MethodName, `debt.${string}`>, `debt.csv.${string}`>;

const itemHandlers: HandlerMap<DebtMethod> = {
  'debt.settings.get': (input, ctx) => {
    requireClient(ctx, input.clientId);
    return debtRepo(ctx).settings(input.clientId);
  },

  'debt.settings.update': (input, ctx) => {
    requireClient(ctx, input.clientId);
    const repo = debtRepo(ctx);
    const settings = { ...repo.settings(input.clientId), ...input.changes };
    withModelErrors(() => repo.saveSettings(input.clientId, settings));
    return settings;
  },

  'debt.list': (input, ctx) => {
    const { items, total, totals } = debtRepo(ctx).list(input);
    return { items, total, offset: input.offset, totals };
  },

  'debt.tags': (input, ctx) => debtRepo(ctx).tags(input.clientId),

  'debt.get': (input, ctx) => requireItem(ctx, input.id),

  'debt.create': (input, ctx) => createItem(ctx, input),

  'debt.update': (input, ctx) => {
    const current = requireItem(ctx, input.id);
    const repo = debtRepo(ctx);
    return withModelErrors(() =>
      repo.update(
        input.id,
        input.changes,
        repo.settings(current.clientId),
        ctx.now().toISOString(),
      )!,
    );
  },

  'debt.duplicate': (input, ctx) => {
    const current = requireItem(ctx, input.id);
    const repo = debtRepo(ctx);
    const data = dataOf(current);
    const title = current.title.slice(0, 200 - COPY_SUFFIX.length) + COPY_SUFFIX;
    return repo.insert(
      ctx.newId(),
      { ...data, title },
      repo.settings(current.clientId),
      ctx.now().toISOString(),
    );
  },

  'debt.delete': (input, ctx) => {
    requireItem(ctx, input.id);
    stashForUndo(ctx, 'debt_item', input.id);
    debtRepo(ctx).remove(input.id);
    return { id: input.id };
  },

  'debt.bulkStatus': (input, ctx) => {
    const ids = [...new Set(input.ids)];
    const repo = debtRepo(ctx);
    const found = repo.countExisting(ids);
    if (found < ids.length) throw itemNotFound(ids[0]!, ids.length - found);
    return { updated: repo.setStatus(ids, input.status, ctx.now().toISOString()) };
  },

  'debt.evaluate': (input) => withModelErrors(() => evaluateWorkbench(input)),

  'debt.matrix': (input, ctx) => {
    requireClient(ctx, input.clientId);
    return debtRepo(ctx)
      .forClient(input.clientId)
      .map((item) => ({
        id: item.id,
        title: item.title,
        impact: item.impact,
        status: item.status,
        fixDays: item.fixDays.likely,
        netBenefitMinor: item.evaluation.netBenefitMinor,
        quarterlyCostMinor: item.quarterlyCostMinor.likely,
      }));
  },

  'debt.selectWithinBudget': (input, ctx) => {
    requireClient(ctx, input.clientId);
    const repo = debtRepo(ctx);
    const settings = repo.settings(input.clientId);
    const statuses = new Set(input.statuses);
    const candidates: PortfolioItem[] = repo
      .forClient(input.clientId)
      .filter((item) => statuses.has(item.status))
      .map((item) => ({
        id: item.id,
        currency: item.currency,
        input: modelInput(dataOf(item), settings),
      }));
    const pick = withModelErrors(() =>
      input.budget.kind === 'days'
        ? selectWithinDayBudget(candidates, input.budget.days)
        : selectWithinBudget(candidates, input.budget.amountMinor),
    );
    return {
      clientId: input.clientId,
      itemIds: pick.selected.map((row) => row.id),
      budget: input.budget,
      fixCostMinor: pick.totalFixCost,
      fixDays: pick.totalFixDays,
      netBenefitMinor: pick.totalNetBenefit,
      savedAt: null,
    };
  },

  'debt.selection.get': (input, ctx) => {
    requireClient(ctx, input.clientId);
    const saved = debtRepo(ctx).selection(input.clientId);
    if (!saved) return null;
    return selectionOf(
      ctx,
      input.clientId,
      saved.itemIds,
      saved.budget as DebtSelection['budget'],
      saved.savedAt,
    );
  },

  'debt.selection.save': (input, ctx) => {
    requireClient(ctx, input.clientId);
    const repo = debtRepo(ctx);
    const own = new Set(repo.forClient(input.clientId).map((item) => item.id));
    const ids = [...new Set(input.itemIds)];
    const missing = ids.filter((id) => !own.has(id));
    if (missing.length > 0) throw itemNotFound(missing[0]!, missing.length);
    const now = ctx.now().toISOString();
    repo.saveSelection(input.clientId, ids, input.budget, now);
    return selectionOf(ctx, input.clientId, ids, input.budget, now);
  },
};

export const debtHandlers: HandlerMap<Extract<MethodName, `debt.${string}`> | 'demo.load'> = {
  ...itemHandlers,
  ...csvHandlers,
  ...demoHandlers,
};
