import {
  ClauseKey,
  Locale,
  type EngagementTerms,
  type MethodName,
  type TermsClause,
} from '../../core/api';
import { standardClause } from '../../core/documents/clauses';
import { createDocumentsRepository } from '../../db';
import { requireEngagement } from '../billing/engagements';
import type { ServiceContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { changesOf, recordAudit } from '../audit/record';
import type { AuditChange } from '../../core/api';

export const DEFAULT_LIABILITY_CAP_PERCENT = '100';

export function documentsRepo(ctx: ServiceContext) {
  return createDocumentsRepository(ctx.db);
}

/**
 * An engagement's document settings with every clause in both languages: its own wording
 * where it has one, else the standard text (`standard: true`). The title is always the
 * standard title of the clause in that language.
 */
export function loadTerms(ctx: ServiceContext, engagementId: string): EngagementTerms {
  requireEngagement(ctx, engagementId);
  const repo = documentsRepo(ctx);
  const settings = repo.settings(engagementId);
  const own = new Map(repo.clauses(engagementId).map((c) => [`${c.clauseKey}/${c.language}`, c]));
  const clauses: TermsClause[] = [];
  let updatedAt = settings?.updatedAt ?? null;
  for (const key of ClauseKey.options) {
    for (const language of Locale.options) {
      const standard = standardClause(key, language);
      const mine = own.get(`${key}/${language}`);
      if (mine && (updatedAt === null || mine.updatedAt > updatedAt)) updatedAt = mine.updatedAt;
      clauses.push({
        key,
        language,
        title: standard.title,
        text: mine ? mine.text : standard.text,
        standard: !mine,
      });
    }
  }
  return {
    engagementId,
    executiveSummary: settings?.executiveSummary ?? '',
    proposalValidUntil: settings?.proposalValidUntil ?? null,
    liabilityCapPercent: settings?.liabilityCapPercent ?? DEFAULT_LIABILITY_CAP_PERCENT,
    governingLaw: settings?.governingLaw ?? '',
    clauses,
    updatedAt,
  };
}

export const termsHandlers: HandlerMap<
  Extract<MethodName, 'documents.terms.get' | 'documents.terms.update'>
> = {
  'documents.terms.get': (input, ctx) => loadTerms(ctx, input.engagementId),

  // A write: the dispatcher runs it in one transaction, so a refused patch saves nothing.
  'documents.terms.update': (input, ctx) => {
    const current = loadTerms(ctx, input.engagementId);
    const now = ctx.now().toISOString();
    const repo = documentsRepo(ctx);
    const { engagementId, clauses, ...settings } = input;
    repo.saveSettings(engagementId, {
      executiveSummary: settings.executiveSummary ?? current.executiveSummary,
      proposalValidUntil:
        settings.proposalValidUntil !== undefined
          ? settings.proposalValidUntil
          : current.proposalValidUntil,
      liabilityCapPercent: settings.liabilityCapPercent ?? current.liabilityCapPercent,
      governingLaw: settings.governingLaw ?? current.governingLaw,
      updatedAt: now,
    });
    for (const clause of clauses ?? []) {
      // The standard wording itself is no wording of the engagement's own.
      const standard = clause.text === standardClause(clause.key, clause.language).text;
      if (clause.text === null || standard)
        repo.removeClause(engagementId, clause.key, clause.language);
      else
        repo.saveClause({
          engagementId,
          clauseKey: clause.key,
          language: clause.language,
          text: clause.text,
          updatedAt: now,
        });
    }
    const updated = loadTerms(ctx, engagementId);
    auditTerms(ctx, current, updated);
    return updated;
  },
};

/** The contract's wording that changed, in the engagement's history; nothing if none did. */
function auditTerms(ctx: ServiceContext, before: EngagementTerms, after: EngagementTerms): void {
  const changes: AuditChange[] = changesOf(before, after, [
    'executiveSummary',
    'proposalValidUntil',
    'liabilityCapPercent',
    'governingLaw',
  ]);
  after.clauses.forEach((clause, i) => {
    const old = before.clauses[i]!;
    if (old.text === clause.text) return;
    changes.push({
      // e.g. `clause.liability.zh-CN`; back to the standard wording shows as null.
      field: `clause.${clause.key}.${clause.language}`,
      from: old.standard ? null : old.text,
      to: clause.standard ? null : clause.text,
    });
  });
  if (changes.length === 0) return;
  recordAudit(ctx, {
    entity: 'engagement',
    entityId: after.engagementId,
    action: 'contract.terms_updated',
    label: requireEngagement(ctx, after.engagementId).title,
    changes,
  });
}
