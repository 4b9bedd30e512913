import { ClauseDraft, type SlaClause } from '@core/api';
import { clauseDraft } from '@core/sla/library';

/** The editable fields of a saved clause. */
export function draftOf(clause: SlaClause): ClauseDraft {
  return {
    label: clause.label,
    metric: clause.metric,
    subject: clause.subject,
    customName: clause.customName,
    target: clause.target,
    unit: clause.unit,
    direction: clause.direction,
    window: clause.window,
    timeZone: clause.timeZone,
    serviceHours: clause.serviceHours,
    percentile: clause.percentile,
    percentileMethod: clause.percentileMethod,
    supportPriority: clause.supportPriority,
    exclusions: clause.exclusions,
    creditTiers: clause.creditTiers,
    perIncidentCapMinor: clause.perIncidentCapMinor,
    perPeriodCapPercent: clause.perPeriodCapPercent,
    monthlyFeeMinor: clause.monthlyFeeMinor,
    claimWindowDays: clause.claimWindowDays,
    wordingOverride: clause.wordingOverride,
  };
}

/**
 * A blank availability clause with the library's usual defaults (core/sla `clauseDraft`),
 * read through the contract's schema into its (mutable) draft type.
 */
export const BLANK_DRAFT: ClauseDraft = ClauseDraft.parse(
  clauseDraft({ metric: 'availability', target: '99.9', unit: 'percent', direction: 'at-least' }),
);
