import type { Engagement, EngagementStage, EngagementType, MethodName } from '../../core/api';
import { createClientsRepository, createEngagementsRepository, type schema } from '../../db';
import { refuseIfDependents } from '../clients/dependents';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import type { HandlerMap } from '../handler-types';
import { conflict, invalid } from './errors';
import { reallocateForContractValue } from './milestones';
import { loadProfile } from './profile';
import { changesOf, recordAudit } from '../audit/record';
import { stashForUndo } from '../audit/undo';

/** The fields of the contract an engagement's history follows (not its notes or links). */
const CONTRACT_FIELDS = [
  'title',
  'type',
  'currency',
  'contractValueMinor',
  'startDate',
  'endDate',
  'scope',
  'deliverables',
  'taxRatePercent',
  'paymentTermsDays',
] as const;

type EngagementRow = typeof schema.engagements.$inferSelect;
type ClientRow = typeof schema.clients.$inferSelect;

export function engagementsRepo(ctx: ServiceContext) {
  return createEngagementsRepository(ctx.db, ctx.sqlite);
}

export function requireClient(ctx: ServiceContext, id: string): ClientRow {
  const row = createClientsRepository(ctx.db).get(id);
  if (!row) throw notFound('Client', id);
  return row;
}

export function requireEngagement(ctx: ServiceContext, id: string): EngagementRow {
  const row = engagementsRepo(ctx).get(id);
  if (!row) throw notFound('Engagement', id);
  return row;
}

export function toEngagements(ctx: ServiceContext, rows: readonly EngagementRow[]): Engagement[] {
  const repo = engagementsRepo(ctx);
  const ids = rows.map((r) => r.id);
  const totals = repo.totals(ids);
  const counts = repo.milestoneCounts(ids);
  const debtItemIds = repo.debtItemIdsOf(ids);
  const names = repo.clientNames(rows.map((r) => r.clientId));
  return rows.map((row) => {
    const t = totals.get(row.id);
    const { searchText: _s, scheduleBasis: _b, ...rest } = row;
    return {
      ...rest,
      type: row.type as EngagementType,
      stage: row.stage as EngagementStage,
      clientName: names.get(row.clientId) ?? '',
      debtItemIds: debtItemIds.get(row.id)!,
      milestoneCount: counts.get(row.id) ?? 0,
      invoiceCount: t?.invoiceCount ?? 0,
      invoicedMinor: t?.invoicedMinor ?? 0,
      paidMinor: t?.paidMinor ?? 0,
      outstandingMinor: t?.outstandingMinor ?? 0,
      remainingMinor: row.contractValueMinor - (t?.netInvoicedMinor ?? 0),
    };
  });
}

export function toEngagement(ctx: ServiceContext, row: EngagementRow): Engagement {
  return toEngagements(ctx, [row])[0]!;
}

function checkDates(start: string | null, end: string | null): void {
  if (start && end && end < start) {
    throw invalid('END_BEFORE_START', 'The end date is before the start date.');
  }
}

function checkDebtItems(ctx: ServiceContext, clientId: string, ids: readonly string[]): void {
  const found = engagementsRepo(ctx).debtItemsOfClient(clientId, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw invalid(
      'DEBT_ITEM_NOT_OF_CLIENT',
      `${missing.length} linked debt item(s) do not belong to this client.`,
      { id: missing[0]! },
    );
  }
}

export const engagementHandlers: HandlerMap<
  Exclude<Extract<MethodName, `engagements.${string}`>, 'engagements.valuation'>
> = {
  'engagements.list': (input, ctx) => {
    const repo = engagementsRepo(ctx);
    const { ids, total } = repo.list(input);
    return { items: toEngagements(ctx, repo.getMany(ids)), total, offset: input.offset };
  },

  'engagements.get': (input, ctx) => toEngagement(ctx, requireEngagement(ctx, input.id)),

  'engagements.create': (input, ctx) => {
    const client = requireClient(ctx, input.clientId);
    checkDates(input.startDate, input.endDate);
    checkDebtItems(ctx, client.id, input.debtItemIds);
    const now = ctx.now().toISOString();
    const { debtItemIds, ...fields } = input;
    const repo = engagementsRepo(ctx);
    const row = repo.insert({
      ...fields,
      id: ctx.newId(),
      currency: input.currency ?? client.defaultCurrency,
      taxRatePercent: input.taxRatePercent ?? loadProfile(ctx).defaultTaxRatePercent,
      paymentTermsDays: input.paymentTermsDays ?? null,
      scheduleBasis: null,
      createdAt: now,
      updatedAt: now,
    });
    repo.setDebtItems(row.id, debtItemIds);
    return toEngagement(ctx, row);
  },

  'engagements.update': (input, ctx) => {
    const current = requireEngagement(ctx, input.id);
    const { debtItemIds, ...changes } = input.changes;
    checkDates(
      changes.startDate !== undefined ? changes.startDate : current.startDate,
      changes.endDate !== undefined ? changes.endDate : current.endDate,
    );
    const repo = engagementsRepo(ctx);
    if (changes.currency && changes.currency !== current.currency) {
      const invoiced = ctx.sqlite
        .prepare('SELECT count(*) AS n FROM invoices WHERE engagement_id = ?')
        .get(current.id) as { n: number };
      if (invoiced.n > 0) {
        throw conflict(
          'ENGAGEMENT_HAS_INVOICES',
          'The currency cannot change once the engagement has invoices.',
          { count: invoiced.n },
        );
      }
    }
    if (debtItemIds) checkDebtItems(ctx, current.clientId, debtItemIds);
    const row = repo.update(current.id, { ...changes, updatedAt: ctx.now().toISOString() });
    if (
      changes.contractValueMinor !== undefined &&
      changes.contractValueMinor !== current.contractValueMinor
    ) {
      reallocateForContractValue(ctx, row);
    }
    if (debtItemIds) repo.setDebtItems(current.id, debtItemIds);
    const contractChanges = changesOf(current, row, CONTRACT_FIELDS);
    if (contractChanges.length > 0) {
      recordAudit(ctx, {
        entity: 'engagement',
        entityId: row.id,
        action: 'engagement.updated',
        label: row.title,
        // A changed currency is among the changes; amounts are in the one after it.
        currency: row.currency,
        changes: contractChanges,
      });
    }
    return toEngagement(ctx, row);
  },

  'engagements.setStage': (input, ctx) => {
    const current = requireEngagement(ctx, input.id);
    if (current.stage === input.stage) return toEngagement(ctx, current);
    const row = engagementsRepo(ctx).update(current.id, {
      stage: input.stage,
      updatedAt: ctx.now().toISOString(),
    });
    recordAudit(ctx, {
      entity: 'engagement',
      entityId: row.id,
      action: 'engagement.stage_changed',
      label: row.title,
      changes: changesOf(current, row, ['stage']),
    });
    return toEngagement(ctx, row);
  },

  'engagements.delete': (input, ctx) => {
    const row = requireEngagement(ctx, input.id);
    refuseIfDependents(ctx, 'engagements', input.id, {
      name: row.title,
      reason: 'ENGAGEMENT_HAS_DEPENDENTS',
      belongTo: 'belong to it',
      instead: 'Set its stage to cancelled instead.',
    });
    stashForUndo(ctx, 'engagement', input.id);
    engagementsRepo(ctx).remove(input.id);
    return { id: input.id };
  },
};
