import { z } from 'zod';
import { SLA_METRICS, SLA_UNITS, validateClause, type ClauseDefinition } from '../sla/clause';
import { AmountMinor, ById, CalendarDate, Id, Timestamp } from './common';

/**
 * SLA clauses of an engagement, their incidents and measurements, compliance per period,
 * service credits (proposed as credit notes through billing) and the exposure to credits.
 * Rules of tiers, directions and units: core/sla/clause.ts; wording: core/sla/wording.ts.
 * The calculators (allowed downtime, composed availability, error budget) are pure and run
 * in the renderer straight from core/sla.
 */

export const SlaMetric = z.enum(SLA_METRICS);
export type SlaMetric = z.infer<typeof SlaMetric>;
export const SlaUnit = z.enum(SLA_UNITS);
export type SlaUnit = z.infer<typeof SlaUnit>;
export const SlaDirection = z.enum(['at-least', 'at-most']);
export const SupportPriority = z.enum(['P1', 'P2', 'P3', 'P4']);
export const PercentileMethod = z.enum(['nearest-rank', 'linear']);
export const ExclusionKind = z.enum(['maintenance', 'client-caused', 'force-majeure']);
export type ExclusionKind = z.infer<typeof ExclusionKind>;

const DECIMAL = /^\d{1,12}(\.\d{1,10})?$/;
/** Non-negative decimal text, e.g. "99.95" or "800". */
export const DecimalString = z
  .string()
  .trim()
  .refine((v) => DECIMAL.test(v), {
    message: 'A non-negative decimal number, e.g. "99.95"',
    params: { reason: 'SLA_INVALID_NUMBER' },
  });

export const LocalizedText = z.strictObject({
  en: z.string().trim().max(500),
  'zh-CN': z.string().trim().max(500),
});

/** Period boundaries: a calendar month, a quarter, or the last N days. */
export const MeasurementWindow = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('calendar-month') }),
  z.strictObject({ kind: z.literal('quarter') }),
  z.strictObject({ kind: z.literal('rolling-days'), days: z.number().int().min(1).max(366) }),
]);

const CLOCK = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/);
const TimeZone = z.string().trim().min(1).max(64);

/** core/sla's ServiceHours: 24×7, 24×5 or weekly windows in an IANA time zone. */
export const ServiceHoursSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('24x7') }),
  z.strictObject({
    kind: z.literal('24x5'),
    timeZone: TimeZone,
    excludedDates: z.array(CalendarDate).max(400).optional(),
  }),
  z.strictObject({
    kind: z.literal('weekly'),
    timeZone: TimeZone,
    windows: z
      .array(
        z.strictObject({
          days: z
            .array(z.literal([1, 2, 3, 4, 5, 6, 7]))
            .min(1)
            .max(7),
          from: CLOCK,
          to: CLOCK,
        }),
      )
      .min(1)
      .max(14),
    excludedDates: z.array(CalendarDate).max(400).optional(),
  }),
]);

/**
 * At-least metrics (availability) take `below` tiers: a value strictly below earns the
 * credit. At-most metrics (latency, MTTR…) take `above` tiers: strictly above earns it.
 */
export const ClauseCreditTier = z.union([
  z.strictObject({ below: DecimalString, creditPercent: z.number().min(0).max(100) }),
  z.strictObject({ above: DecimalString, creditPercent: z.number().min(0).max(100) }),
]);

export const ClauseExclusions = z.strictObject({
  maintenance: z.boolean(),
  clientCaused: z.boolean(),
  forceMajeure: z.boolean(),
});

export const WordingOverride = z.strictObject({
  en: z.string().trim().min(1).max(10_000).nullable(),
  'zh-CN': z.string().trim().min(1).max(10_000).nullable(),
});

const EMPTY_TEXT = { en: '', 'zh-CN': '' };

const clauseField = {
  /** Short label for lists, e.g. "Core API availability". */
  label: z.string().trim().max(200),
  metric: SlaMetric,
  /** What is measured ("GET /reports"); empty = "the Service". */
  subject: LocalizedText,
  /** Name of a custom metric (required when metric is custom). */
  customName: LocalizedText,
  target: DecimalString,
  unit: SlaUnit,
  direction: SlaDirection,
  window: MeasurementWindow,
  /** Zone of period boundaries and measurement days. */
  timeZone: TimeZone,
  serviceHours: ServiceHoursSchema,
  /** The percentile of a latency clause: 99 = P99. */
  percentile: z.number().gt(0).max(100),
  percentileMethod: PercentileMethod,
  supportPriority: SupportPriority.nullable(),
  exclusions: ClauseExclusions,
  creditTiers: z.array(ClauseCreditTier).max(20),
  perIncidentCapMinor: AmountMinor.nullable(),
  /** Percent of the period's fee, decimal text. */
  perPeriodCapPercent: DecimalString.nullable(),
  /** Monthly fee the credit is based on, minor units of the engagement's currency. */
  monthlyFeeMinor: AmountMinor,
  claimWindowDays: z.number().int().min(0).max(365),
  wordingOverride: WordingOverride,
};

/** The clause without its engagement: what the library and the suggester return. */
export const ClauseDraft = z.strictObject({
  ...clauseField,
  label: clauseField.label.default(''),
  subject: clauseField.subject.default(EMPTY_TEXT),
  customName: clauseField.customName.default(EMPTY_TEXT),
  window: clauseField.window.default({ kind: 'calendar-month' }),
  timeZone: clauseField.timeZone.default('UTC'),
  serviceHours: clauseField.serviceHours.default({ kind: '24x7' }),
  percentile: clauseField.percentile.default(99),
  percentileMethod: clauseField.percentileMethod.default('nearest-rank'),
  supportPriority: clauseField.supportPriority.default(null),
  exclusions: clauseField.exclusions.default({
    maintenance: true,
    clientCaused: true,
    forceMajeure: true,
  }),
  creditTiers: clauseField.creditTiers.default([]),
  perIncidentCapMinor: clauseField.perIncidentCapMinor.default(null),
  perPeriodCapPercent: clauseField.perPeriodCapPercent.default(null),
  monthlyFeeMinor: clauseField.monthlyFeeMinor.default(0),
  claimWindowDays: clauseField.claimWindowDays.default(30),
  wordingOverride: clauseField.wordingOverride.default({ en: null, 'zh-CN': null }),
});
export type ClauseDraft = z.output<typeof ClauseDraft>;
export type ClauseDraftInput = z.input<typeof ClauseDraft>;

/** Adds core/sla's cross-field rules (unit/direction per metric, tiers vs target…). */
export function refineClause(value: ClauseDefinition, ctx: z.RefinementCtx): void {
  for (const issue of validateClause(value)) {
    ctx.addIssue({
      code: 'custom',
      path: issue.path,
      message: issue.message,
      params: { reason: issue.reason },
    });
  }
}

export const ClauseFields = ClauseDraft.extend({ engagementId: Id }).superRefine(refineClause);
export type ClauseFieldsInput = z.input<typeof ClauseFields>;
export const ClausePatch = z.strictObject(clauseField).partial();

export const Wording = z.object({ en: z.string(), 'zh-CN': z.string() });

export const SlaClause = z.object({
  id: Id,
  engagementId: Id,
  engagementTitle: z.string(),
  clientId: Id,
  clientName: z.string(),
  /** The engagement's currency: fee, caps and credits are in it. */
  currency: z.string(),
  label: z.string(),
  metric: SlaMetric,
  subject: Wording,
  customName: Wording,
  target: z.string(),
  unit: SlaUnit,
  direction: SlaDirection,
  window: MeasurementWindow,
  timeZone: z.string(),
  serviceHours: ServiceHoursSchema,
  percentile: z.number(),
  percentileMethod: PercentileMethod,
  supportPriority: SupportPriority.nullable(),
  exclusions: ClauseExclusions,
  /** Canonical: thresholds as decimal text, shallowest tier first. */
  creditTiers: z.array(ClauseCreditTier),
  perIncidentCapMinor: z.number().int().nullable(),
  perPeriodCapPercent: z.string().nullable(),
  monthlyFeeMinor: z.number().int(),
  claimWindowDays: z.number().int(),
  wordingOverride: WordingOverride,
  /** Generated from the fields. */
  generatedWording: Wording,
  /** What the documents print: the override where given, else the generated text. */
  wording: Wording,
  incidentCount: z.number().int(),
  measurementCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SlaClause = z.infer<typeof SlaClause>;

export const LibraryTemplate = z.object({
  id: z.string(),
  group: z.enum(['availability', 'latency', 'recovery', 'support', 'data']),
  name: Wording,
  description: Wording,
  /** `draft.label` in both languages: the UI puts the one of its language in the draft. */
  label: Wording,
  draft: ClauseDraft,
  wording: Wording,
});
export type LibraryTemplate = z.infer<typeof LibraryTemplate>;

export const PainCategory = z.enum([
  'slow',
  'outage',
  'recovery',
  'support',
  'data-loss',
  'errors',
  'sync',
]);
export type PainCategory = z.infer<typeof PainCategory>;

export const SuggestInput = z
  .strictObject({
    /** The stated problem, in English or Chinese ("reports are slow", "报表很慢"). */
    text: z.string().trim().max(2_000).default(''),
    category: PainCategory.optional(),
  })
  .refine((v) => v.text !== '' || v.category !== undefined, {
    message: 'State the problem or pick a category',
    params: { reason: 'SLA_SUGGEST_NEEDS_INPUT' },
  });

export const Suggestion = z.object({
  ruleId: z.string(),
  category: PainCategory,
  /** The keywords of the text that matched (empty when chosen by category). */
  matched: z.array(z.string()),
  rationale: Wording,
  /** `draft.label` in both languages: the UI puts the one of its language in the draft. */
  label: Wording,
  draft: ClauseDraft,
  wording: Wording,
});

export const SlaIncident = z.object({
  id: Id,
  clauseId: Id,
  start: Timestamp,
  end: Timestamp,
  cause: z.string(),
  excluded: z.boolean(),
  exclusionKind: ExclusionKind.nullable(),
  note: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SlaIncident = z.infer<typeof SlaIncident>;

const incidentField = {
  start: Timestamp,
  end: Timestamp,
  cause: z.string().trim().max(2_000),
  /** Excluded from the SLA (the clause must allow the exclusion kind for it to count). */
  excluded: z.boolean(),
  exclusionKind: ExclusionKind.nullable(),
  note: z.string().trim().max(10_000),
};

const startBeforeEnd = (v: { start?: string; end?: string }, ctx: z.RefinementCtx) => {
  if (v.start !== undefined && v.end !== undefined && Date.parse(v.end) <= Date.parse(v.start)) {
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: 'The end is not after the start',
      params: { reason: 'SLA_END_BEFORE_START' },
    });
  }
};
const exclusionNeedsKind = (
  v: { excluded?: boolean; exclusionKind?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (v.excluded === true && v.exclusionKind === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['exclusionKind'],
      message: 'An excluded incident needs the kind of exclusion',
      params: { reason: 'SLA_EXCLUSION_NEEDS_KIND' },
    });
  }
};

export const IncidentFields = z
  .strictObject({
    clauseId: Id,
    ...incidentField,
    cause: incidentField.cause.default(''),
    excluded: incidentField.excluded.default(false),
    exclusionKind: incidentField.exclusionKind.default(null),
    note: incidentField.note.default(''),
  })
  .superRefine(startBeforeEnd)
  .superRefine(exclusionNeedsKind);

export const SlaMeasurement = z.object({
  id: Id,
  clauseId: Id,
  /** Local day (clause time zone) the value belongs to. */
  date: CalendarDate,
  value: z.number(),
  note: z.string(),
  updatedAt: Timestamp,
});
export type SlaMeasurement = z.infer<typeof SlaMeasurement>;

const MeasurementValue = z.number().min(0).max(1e12);

/**
 * A period key: `YYYY-MM` (calendar-month clauses; rolling windows ending at that month's
 * end), `YYYY-Qn` (quarter clauses) or `YYYY-MM-DD` (rolling windows ending that day).
 */
export const PeriodKey = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$|^\d{4}-Q[1-4]$/, {
    message: 'A period like 2026-02, 2026-Q1 or 2026-02-28',
  });
export const MonthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, {
  message: 'A month like 2026-02',
});

export const CountedIncident = z.object({
  id: Id,
  start: Timestamp,
  end: Timestamp,
  cause: z.string(),
  excluded: z.boolean(),
  exclusionKind: ExclusionKind.nullable(),
  /** True when the incident was marked excluded but the clause does not allow that kind. */
  exclusionNotAllowed: z.boolean(),
  /** Counted minutes inside the period and service hours (overlaps counted once overall). */
  countedMinutes: z.number(),
  counts: z.boolean(),
});

export const ProposedCreditNote = z.object({
  invoiceId: Id.nullable(),
  invoiceNumber: z.string().nullable(),
  amountMinor: z.number().int(),
  currency: z.string(),
  reason: Wording,
  sourceRef: z.string(),
  /** A credit note already issued for this clause and period. */
  existingCreditNoteId: Id.nullable(),
  existingCreditNoteNumber: z.string().nullable(),
  /** Claim deadline: period end + claim window days. */
  claimBy: CalendarDate,
});

export const Compliance = z.object({
  clauseId: Id,
  period: z.string(),
  start: Timestamp,
  end: Timestamp,
  metric: SlaMetric,
  target: z.string(),
  unit: SlaUnit,
  direction: SlaDirection,
  /** Exact decimal text in the clause's unit; null when there is no data. */
  measured: z.string().nullable(),
  /** Null when there is nothing to judge (no measurements). */
  met: z.boolean().nullable(),
  sampleCount: z.number().int(),
  /** Availability clauses: downtime and service minutes behind the percentage. */
  downtimeMinutes: z.number().nullable(),
  serviceMinutes: z.number().nullable(),
  allowedDowntimeMinutes: z.number().nullable(),
  creditPercent: z.number(),
  tier: ClauseCreditTier.nullable(),
  currency: z.string(),
  feeMinor: z.number().int(),
  uncappedCreditMinor: z.number().int(),
  creditMinor: z.number().int(),
  capBoundBy: z.enum(['none', 'per-incident', 'per-period']),
  incidents: z.array(CountedIncident),
  creditNote: ProposedCreditNote.nullable(),
});
export type Compliance = z.infer<typeof Compliance>;

export const TimelineRow = z.object({
  period: z.string(),
  start: Timestamp,
  end: Timestamp,
  measured: z.string().nullable(),
  /** `measured` as a number, for charts. */
  value: z.number().nullable(),
  met: z.boolean().nullable(),
  creditPercent: z.number(),
  creditMinor: z.number().int(),
  incidentCount: z.number().int(),
});

export const TimelineInput = z
  .strictObject({
    clauseId: Id.optional(),
    engagementId: Id.optional(),
    from: MonthKey,
    to: MonthKey,
  })
  .superRefine((v, ctx) => {
    if ((v.clauseId === undefined) === (v.engagementId === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Give either a clause or an engagement',
        params: { reason: 'SLA_TIMELINE_NEEDS_ONE_SCOPE' },
      });
    }
    if (v.from > v.to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The end month is before the start month',
        params: { reason: 'SLA_END_BEFORE_START' },
      });
    }
  });

/** One clause in the period report: its compliance for the period containing the month. */
export const SlaReportRow = z.object({
  clauseId: Id,
  engagementId: Id,
  engagementTitle: z.string(),
  clientId: Id,
  clientName: z.string(),
  label: z.string(),
  metric: SlaMetric,
  target: z.string(),
  unit: SlaUnit,
  direction: SlaDirection,
  /** The clause's own period key for the month (`2026-Q1` for a quarter clause). */
  period: z.string(),
  measured: z.string().nullable(),
  met: z.boolean().nullable(),
  creditPercent: z.number(),
  /** After caps, in the engagement's currency. */
  creditMinor: z.number().int(),
  currency: z.string(),
  /** none: no credit due; proposed: due, no credit note yet; issued: a credit note exists. */
  creditNoteStatus: z.enum(['none', 'proposed', 'issued']),
  creditNoteNumber: z.string().nullable(),
});
export type SlaReportRow = z.infer<typeof SlaReportRow>;

export const SlaReport = z.object({
  month: z.string(),
  rows: z.array(SlaReportRow),
  /** Credits after caps summed per currency (only currencies with clauses). */
  totals: z.array(z.object({ currency: z.string(), creditMinor: z.number().int() })),
});
export type SlaReport = z.infer<typeof SlaReport>;

export const ExposureModel = z.discriminatedUnion('kind', [
  /**
   * Per period: downtime minutes (availability) or the measured value in the clause's unit
   * (other metrics), as a three-point estimate.
   */
  z
    .strictObject({
      kind: z.enum(['triangular', 'pert']),
      low: z.number().min(0).max(1e9),
      likely: z.number().min(0).max(1e9),
      high: z.number().min(0).max(1e9),
    })
    .superRefine((v, ctx) => {
      if (!(v.low <= v.likely && v.likely <= v.high)) {
        ctx.addIssue({
          code: 'custom',
          path: ['likely'],
          message: 'Expected low ≤ likely ≤ high',
          params: { reason: 'LOW_LIKELY_HIGH_ORDER' },
        });
      }
    }),
  /** Resample the recorded periods (the last `periods` up to today). */
  z.strictObject({ kind: z.literal('historical'), periods: z.number().int().min(1).max(120) }),
]);

export const ExposureInput = z.strictObject({
  clauseId: Id,
  model: ExposureModel,
  samples: z.number().int().min(1_000).max(100_000).default(10_000),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(1),
});

export const ExposureOutput = z.object({
  clauseId: Id,
  currency: z.string(),
  periodsPerYear: z.number().int(),
  annualFeeMinor: z.number().int(),
  expectedAnnualCreditMinor: z.number(),
  p10Minor: z.number(),
  p50Minor: z.number(),
  p90Minor: z.number(),
  /** Expected annual credit as a share of the annual fee (0–1). */
  shareOfFee: z.number(),
  /** Chance that at least one period of a year pays a credit. */
  probabilityOfCredit: z.number(),
  /** For a histogram: credit per period by tier. */
  tiers: z.array(
    z.object({
      tier: ClauseCreditTier.nullable(),
      probability: z.number(),
      creditMinor: z.number(),
    }),
  ),
  /** Historical model: the periods resampled. */
  historicalPeriods: z.array(z.string()),
});

export const CsvImportMeasurementsInput = z.strictObject({
  clauseId: Id,
  /** Two columns, date and value (header optional; `,` `;` or tab separated). */
  csvText: z.string().max(5_000_000),
  /** Required when some rows are invalid: the user agreed to skip them. */
  skipInvalid: z.boolean().default(false),
  /** Only check and report; write nothing. */
  dryRun: z.boolean().default(false),
});

export const slaMethods = {
  'sla.library': {
    kind: 'read',
    input: z.strictObject({ metric: SlaMetric.optional() }),
    output: z.array(LibraryTemplate),
  },
  'sla.suggest': {
    kind: 'read',
    input: SuggestInput,
    output: z.object({ suggestions: z.array(Suggestion) }),
  },
  'sla.clauses.list': {
    kind: 'read',
    input: z.strictObject({ engagementId: Id }),
    output: z.array(SlaClause),
  },
  'sla.clauses.get': { kind: 'read', input: ById, output: SlaClause },
  'sla.clauses.create': { kind: 'write', input: ClauseFields, output: SlaClause },
  'sla.clauses.update': {
    kind: 'write',
    input: z.strictObject({ id: Id, changes: ClausePatch }),
    output: SlaClause,
  },
  'sla.clauses.delete': {
    kind: 'write',
    input: ById,
    output: z.object({ id: Id }),
  },
  'sla.incidents.list': {
    kind: 'read',
    input: z.strictObject({
      clauseId: Id,
      /** Incidents overlapping [from, to) when given. */
      from: Timestamp.optional(),
      to: Timestamp.optional(),
    }),
    output: z.array(SlaIncident),
  },
  'sla.incidents.create': { kind: 'write', input: IncidentFields, output: SlaIncident },
  'sla.incidents.update': {
    kind: 'write',
    input: z.strictObject({ id: Id, changes: z.strictObject(incidentField).partial() }),
    output: SlaIncident,
  },
  'sla.incidents.delete': {
    kind: 'write',
    input: ById,
    output: z.object({ id: Id }),
  },
  'sla.measurements.list': {
    kind: 'read',
    input: z.strictObject({
      clauseId: Id,
      from: CalendarDate.optional(),
      to: CalendarDate.optional(),
    }),
    output: z.array(SlaMeasurement),
  },
  'sla.measurements.upsert': {
    kind: 'write',
    input: z.strictObject({
      clauseId: Id,
      date: CalendarDate,
      value: MeasurementValue,
      note: z.string().trim().max(2_000).default(''),
    }),
    output: SlaMeasurement,
  },
  'sla.measurements.delete': {
    kind: 'write',
    input: ById,
    output: z.object({ id: Id }),
  },
  'sla.measurements.importCsv': {
    kind: 'write',
    input: CsvImportMeasurementsInput,
    output: z.object({
      rows: z.array(
        z.object({
          row: z.number().int(),
          ok: z.boolean(),
          date: z.string(),
          value: z.number().nullable(),
          error: z.string().nullable(),
        }),
      ),
      validRows: z.number().int(),
      invalidRows: z.number().int(),
      /** Written (0 on a dry run); an existing day's value is replaced. */
      imported: z.number().int(),
      skipped: z.number().int(),
    }),
  },
  'sla.compliance': {
    kind: 'read',
    input: z.strictObject({ clauseId: Id, period: PeriodKey }),
    output: Compliance,
  },
  'sla.compliance.timeline': {
    kind: 'read',
    input: TimelineInput,
    output: z.object({
      series: z.array(
        z.object({
          clauseId: Id,
          label: z.string(),
          metric: SlaMetric,
          target: z.string(),
          unit: SlaUnit,
          direction: SlaDirection,
          currency: z.string(),
          rows: z.array(TimelineRow),
        }),
      ),
    }),
  },
  'sla.report': {
    kind: 'read',
    input: z.strictObject({ month: MonthKey }),
    output: SlaReport,
  },
  'sla.proposeCreditNote': {
    kind: 'write',
    input: z.strictObject({
      clauseId: Id,
      period: PeriodKey,
      /** Credit this invoice instead of the one found for the period. */
      invoiceId: Id.optional(),
      issueDate: CalendarDate.optional(),
    }),
    output: z.object({
      creditNoteId: Id,
      creditNoteNumber: z.string(),
      invoiceId: Id,
      amountMinor: z.number().int(),
      sourceRef: z.string(),
    }),
  },
  'sla.exposure': { kind: 'read', input: ExposureInput, output: ExposureOutput },
} as const;
