import type { ClauseDraft, SlaClause } from '@core/api';

type Draft = ClauseDraft;

/** The editable fields of a saved clause. */
export function draftOf(clause: SlaClause): Draft {
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

/** A blank availability clause with defaults. */
export const BLANK_DRAFT: ClauseDraft = {
  label: '',
  metric: 'availability',
  subject: { en: '', 'zh-CN': '' },
  customName: { en: '', 'zh-CN': '' },
  target: '99.9',
  unit: 'percent',
  direction: 'at-least',
  window: { kind: 'calendar-month' },
  timeZone: 'UTC',
  serviceHours: { kind: '24x7' },
  percentile: 99,
  percentileMethod: 'nearest-rank',
  supportPriority: null,
  exclusions: { maintenance: true, clientCaused: true, forceMajeure: true },
  creditTiers: [],
  perIncidentCapMinor: null,
  perPeriodCapPercent: null,
  monthlyFeeMinor: 0,
  claimWindowDays: 30,
  wordingOverride: { en: null, 'zh-CN': null },
};
