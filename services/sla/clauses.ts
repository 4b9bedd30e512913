import type { MethodName } from '../../core/api';
import {
  clauseWordings,
  suggestClauses,
  templatesFor,
  type ClauseDefinition,
} from '../../core/sla';
import type { ServiceContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { stashForUndo } from '../audit/undo';
import { requireEngagement } from '../billing/engagements';
import {
  assertValidClause,
  draftToColumns,
  requireClauseRow,
  rowToDraft,
  slaRepo,
  toClause,
  type ClauseValues,
} from './common';

type ClauseMethod = Extract<MethodName, 'sla.library' | 'sla.suggest' | `sla.clauses.${string}`>;

/** Validates and stores a clause: a new one under `engagementId`, else the stored `id`. */
function save(
  ctx: ServiceContext,
  target: { engagementId: string } | { id: string },
  draft: ClauseValues,
) {
  assertValidClause(draft as unknown as ClauseDefinition);
  const now = ctx.now().toISOString();
  const repo = slaRepo(ctx);
  const columns = draftToColumns(draft);
  const row =
    'id' in target
      ? repo.updateClause(target.id, { ...columns, updatedAt: now })
      : repo.insertClause({
          id: ctx.newId(),
          engagementId: target.engagementId,
          ...columns,
          createdAt: now,
          updatedAt: now,
        });
  return toClause(ctx, row);
}

export const clauseHandlers: HandlerMap<ClauseMethod> = {
  'sla.library': (input) =>
    templatesFor(input.metric).map((t) => ({
      id: t.id,
      group: t.group,
      name: t.name,
      description: t.description,
      label: t.label,
      draft: t.draft as never,
      wording: clauseWordings(t.draft),
    })),

  'sla.suggest': (input) => ({
    suggestions: suggestClauses(input.text, input.category).map((s) => ({
      ruleId: s.ruleId,
      category: s.category,
      matched: s.matched,
      rationale: s.rationale,
      label: s.label,
      draft: s.draft as never,
      wording: clauseWordings(s.draft),
    })),
  }),

  'sla.clauses.list': (input, ctx) => {
    requireEngagement(ctx, input.engagementId);
    return slaRepo(ctx)
      .clausesOfEngagement(input.engagementId)
      .map((row) => toClause(ctx, row));
  },

  'sla.clauses.get': (input, ctx) => toClause(ctx, requireClauseRow(ctx, input.id)),

  'sla.clauses.create': (input, ctx) => {
    const { engagementId, ...draft } = input;
    requireEngagement(ctx, engagementId);
    return save(ctx, { engagementId }, draft as ClauseValues);
  },

  'sla.clauses.update': (input, ctx) => {
    const row = requireClauseRow(ctx, input.id);
    const merged = { ...rowToDraft(row), ...input.changes } as ClauseValues;
    return save(ctx, { id: row.id }, merged);
  },

  'sla.clauses.delete': (input, ctx) => {
    requireClauseRow(ctx, input.id);
    // Incidents and measurements cascade; SLA credit notes keep their sourceRef text.
    stashForUndo(ctx, 'sla_clause', input.id);
    slaRepo(ctx).removeClause(input.id);
    return { id: input.id };
  },
};
