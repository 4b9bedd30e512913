import type { ClauseDraft, SlaClause } from '../../core/api';
import {
  clauseWordings,
  isSlaError,
  normalizeClauseTiers,
  validateClause,
  type ClauseCreditTier,
  type ClauseDefinition,
  type ComplianceIncident,
  type ServiceHours,
} from '../../core/sla';
import { createSlaRepository, type schema } from '../../db';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

type ClauseRow = typeof schema.slaClauses.$inferSelect;
type IncidentRow = typeof schema.slaIncidents.$inferSelect;
type Details = Record<string, string | number | boolean>;

export function slaRepo(ctx: ServiceContext) {
  return createSlaRepository(ctx.db, ctx.sqlite);
}

export function invalid(reason: string, message: string, details?: Details): ServiceError {
  return new ServiceError('VALIDATION', message, { reason, ...(details ? { details } : {}) });
}

export function conflict(reason: string, message: string, details?: Details): ServiceError {
  return new ServiceError('CONFLICT', message, { reason, ...(details ? { details } : {}) });
}

function missing(what: string, reason: string, id: string): ServiceError {
  return new ServiceError('NOT_FOUND', `${what} ${id} does not exist.`, {
    reason,
    details: { id },
  });
}

export function requireClauseRow(ctx: ServiceContext, id: string): ClauseRow {
  const row = slaRepo(ctx).clause(id);
  if (!row) throw missing('SLA clause', 'SLA_CLAUSE_NOT_FOUND', id);
  return row;
}

export function requireIncidentRow(ctx: ServiceContext, id: string) {
  const row = slaRepo(ctx).incident(id);
  if (!row) throw missing('SLA incident', 'SLA_INCIDENT_NOT_FOUND', id);
  return row;
}

export function requireMeasurementRow(ctx: ServiceContext, id: string) {
  const row = slaRepo(ctx).measurement(id);
  if (!row) throw missing('SLA measurement', 'SLA_MEASUREMENT_NOT_FOUND', id);
  return row;
}

/** Runs core/sla code, turning its errors into VALIDATION with the same code as reason. */
export function withSla<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isSlaError(error)) {
      const reason =
        typeof error.details.reason === 'string' && error.details.reason.startsWith('SLA_')
          ? error.details.reason
          : error.code;
      throw invalid(reason, `The SLA values are not valid (${error.message}).`, error.details);
    }
    throw error;
  }
}

/** Cross-field rules of core/sla; the first broken rule is the reason, nothing is saved. */
export function assertValidClause(definition: ClauseDefinition): void {
  const issues = validateClause(definition);
  if (issues.length > 0) {
    const first = issues[0]!;
    throw invalid(first.reason, first.message, {
      field: first.path.join('.'),
      issues: issues.length,
    });
  }
}

/** Normalised UTC ISO text: text order is time order. */
export function isoUtc(timestamp: string): string {
  return new Date(timestamp).toISOString();
}

/** Stored incidents as core/sla's compliance reads them. */
export function incidentsOf(rows: readonly IncidentRow[]): ComplianceIncident[] {
  return rows.map((r) => ({
    id: r.id,
    start: r.startAt,
    end: r.endAt,
    cause: r.cause,
    excluded: r.excluded,
    exclusionKind: r.exclusionKind as ComplianceIncident['exclusionKind'],
  }));
}

export function rowToDefinition(row: ClauseRow): ClauseDefinition {
  return {
    metric: row.metric as ClauseDefinition['metric'],
    subject: { en: row.subjectEn, 'zh-CN': row.subjectZh },
    customName: { en: row.customNameEn, 'zh-CN': row.customNameZh },
    target: row.target,
    unit: row.unit as ClauseDefinition['unit'],
    direction: row.direction as ClauseDefinition['direction'],
    window:
      row.windowKind === 'rolling-days'
        ? { kind: 'rolling-days', days: row.windowDays ?? 30 }
        : { kind: row.windowKind as 'calendar-month' | 'quarter' },
    timeZone: row.timeZone,
    serviceHours: JSON.parse(row.serviceHours) as ServiceHours,
    percentile: row.percentile,
    percentileMethod: row.percentileMethod as ClauseDefinition['percentileMethod'],
    supportPriority: row.supportPriority as ClauseDefinition['supportPriority'],
    exclusions: {
      maintenance: row.excludeMaintenance,
      clientCaused: row.excludeClientCaused,
      forceMajeure: row.excludeForceMajeure,
    },
    creditTiers: JSON.parse(row.creditTiers) as ClauseCreditTier[],
    perIncidentCapMinor: row.perIncidentCapMinor,
    perPeriodCapPercent: row.perPeriodCapPercent,
    monthlyFeeMinor: row.monthlyFeeMinor,
    claimWindowDays: row.claimWindowDays,
  };
}

export type ClauseValues = Omit<ClauseDraft, 'engagementId'>;

/** The draft of a stored row (for merging an update). */
export function rowToDraft(row: ClauseRow): ClauseValues {
  return {
    ...rowToDefinition(row),
    label: row.label,
    wordingOverride: { en: row.wordingEn, 'zh-CN': row.wordingZh },
  } as ClauseValues;
}

/** Row columns of a validated draft (tiers canonical, timestamps set by the caller). */
export function draftToColumns(draft: ClauseValues) {
  const definition = draft as unknown as ClauseDefinition;
  return {
    label: draft.label,
    metric: draft.metric,
    subjectEn: draft.subject.en,
    subjectZh: draft.subject['zh-CN'],
    customNameEn: draft.customName.en,
    customNameZh: draft.customName['zh-CN'],
    target: draft.target,
    unit: draft.unit,
    direction: draft.direction,
    windowKind: draft.window.kind,
    windowDays: draft.window.kind === 'rolling-days' ? draft.window.days : null,
    timeZone: draft.timeZone,
    serviceHours: JSON.stringify(draft.serviceHours),
    percentile: draft.percentile,
    percentileMethod: draft.percentileMethod,
    supportPriority: draft.supportPriority,
    excludeMaintenance: draft.exclusions.maintenance,
    excludeClientCaused: draft.exclusions.clientCaused,
    excludeForceMajeure: draft.exclusions.forceMajeure,
    creditTiers: JSON.stringify(normalizeClauseTiers(draft.direction, definition.creditTiers)),
    perIncidentCapMinor: draft.perIncidentCapMinor,
    perPeriodCapPercent: draft.perPeriodCapPercent,
    monthlyFeeMinor: draft.monthlyFeeMinor,
    claimWindowDays: draft.claimWindowDays,
    wordingEn: draft.wordingOverride.en,
    wordingZh: draft.wordingOverride['zh-CN'],
  };
}

export function toClause(ctx: ServiceContext, row: ClauseRow): SlaClause {
  const context = slaRepo(ctx).context(row);
  const definition = rowToDefinition(row);
  const generated = clauseWordings(definition, { currency: context.currency });
  const { window, serviceHours, ...rest } = definition;
  return {
    id: row.id,
    engagementId: row.engagementId,
    ...context,
    label: row.label,
    ...rest,
    window,
    serviceHours: serviceHours as SlaClause['serviceHours'],
    wordingOverride: { en: row.wordingEn, 'zh-CN': row.wordingZh },
    generatedWording: generated,
    wording: {
      en: row.wordingEn ?? generated.en,
      'zh-CN': row.wordingZh ?? generated['zh-CN'],
    },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
