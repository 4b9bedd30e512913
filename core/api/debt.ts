import { z } from 'zod';
import { AmountMinor, ById, Id, PageInput, pageOf, SortDirection, Timestamp } from './common';

/**
 * The technical-debt register: items priced with `core/techdebt`, per-client model settings,
 * the cost estimator's saved working, portfolio views, budget selections and CSV exchange.
 */

export const DebtCategory = z.enum([
  'architecture',
  'code',
  'infrastructure',
  'testing',
  'security',
  'data',
  'process',
]);
export type DebtCategory = z.infer<typeof DebtCategory>;

/** Ordered from most to least severe; the register sorts by this order. */
export const ImpactLevel = z.enum(['critical', 'high', 'medium', 'low']);
export type ImpactLevel = z.infer<typeof ImpactLevel>;

export const DebtStatus = z.enum([
  'identified',
  'proposed',
  'accepted',
  'in_progress',
  'fixed',
  'wont_fix',
]);
export type DebtStatus = z.infer<typeof DebtStatus>;

const ordered = (value: z.ZodNumber) =>
  z.strictObject({ low: value, likely: value, high: value }).superRefine((v, ctx) => {
    if (v.low > v.likely)
      ctx.addIssue({
        code: 'custom',
        path: ['low'],
        message: 'Low is above likely',
        params: { reason: 'LOW_ABOVE_LIKELY' },
      });
    if (v.likely > v.high)
      ctx.addIssue({
        code: 'custom',
        path: ['high'],
        message: 'Likely is above high',
        params: { reason: 'LIKELY_ABOVE_HIGH' },
      });
  });

/** Quarterly business cost of carrying the debt, integer minor units. */
export const QuarterlyCostRange = ordered(AmountMinor);
/** Fix effort in person-days (halves and quarters allowed). */
export const FixDaysRange = ordered(z.number().min(0).max(100_000));

const count = z.number().min(0).max(1_000_000);
const share = z.number().min(0).max(1);

/**
 * How the consultant arrived at the quarterly cost: the observable inputs, saved with the
 * item so the working can be shown to the client. `spreadLow`/`spreadHigh` turn the likely
 * figure into a range (0.7 and 1.5 = likely −30 % / +50 %).
 */
export const CostEstimate = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('incidents'),
    incidentsPerQuarter: count,
    hoursEach: count,
    people: count,
    hourlyCostMinor: AmountMinor,
    spreadLow: share,
    spreadHigh: z.number().min(1).max(10),
  }),
  z.strictObject({
    method: z.literal('developer-time'),
    developers: count,
    shareOfTime: share,
    loadedCostPerQuarterMinor: AmountMinor,
    spreadLow: share,
    spreadHigh: z.number().min(1).max(10),
  }),
  z.strictObject({
    method: z.literal('slow-operations'),
    users: count,
    secondsLostPerUse: count,
    usesPerUserPerQuarter: count,
    hourValueMinor: AmountMinor,
    spreadLow: share,
    spreadHigh: z.number().min(1).max(10),
  }),
  z.strictObject({
    method: z.literal('revenue-at-risk'),
    probabilityPerQuarter: share,
    impactMinor: AmountMinor,
    spreadLow: share,
    spreadHigh: z.number().min(1).max(10),
  }),
]);
export type CostEstimate = z.infer<typeof CostEstimate>;

const tag = z.string().trim().min(1).max(40);

const debtField = {
  clientId: Id,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(10_000),
  category: DebtCategory,
  impact: ImpactLevel,
  affectedSystem: z.string().trim().max(200),
  status: DebtStatus,
  quarterlyCostMinor: QuarterlyCostRange,
  costEstimate: CostEstimate.nullable(),
  /** Growth of the carrying cost per quarter, a fraction (0.03 = 3 %). */
  growthPerQuarter: z.number().min(-0.5).max(1),
  fixDays: FixDaysRange,
  /** Day rate for the fix; defaults to the client's day rate. */
  dayRateMinor: AmountMinor,
  /** Share of the cost left after the fix (0 = all gone). */
  residualFraction: share,
  /** Quarters before the fix takes effect. */
  lagQuarters: z.number().int().min(0).max(199),
  tags: z.array(tag).max(20),
  evidence: z.string().trim().max(10_000),
};

export const DebtItemFields = z.strictObject({
  ...debtField,
  description: debtField.description.default(''),
  affectedSystem: debtField.affectedSystem.default(''),
  status: debtField.status.default('identified'),
  costEstimate: debtField.costEstimate.default(null),
  growthPerQuarter: debtField.growthPerQuarter.default(0),
  dayRateMinor: debtField.dayRateMinor.optional(),
  residualFraction: debtField.residualFraction.default(0),
  lagQuarters: debtField.lagQuarters.default(0),
  tags: debtField.tags.default([]),
  evidence: debtField.evidence.default(''),
});
export type DebtItemFieldsInput = z.input<typeof DebtItemFields>;

const { clientId: _clientId, ...patchable } = debtField;
export const DebtItemPatch = z.strictObject(patchable).partial();

/** The figures of `evaluateDebtItem` at the likely values, stored for sorting and totals. */
export const DebtEvaluationSummary = z.object({
  fixCostMinor: z.number(),
  pvCarryMinor: z.number(),
  netBenefitMinor: z.number(),
  roi: z.number().nullable(),
  /** Discounted payback in quarters (e.g. 2.5), null when it never pays back. */
  paybackQuarters: z.number().nullable(),
  costOfDelayPerQuarterMinor: z.number(),
  cd3: z.number().nullable(),
});
export type DebtEvaluationSummary = z.infer<typeof DebtEvaluationSummary>;

export const DebtItem = z.object({
  id: Id,
  clientId: Id,
  clientName: z.string(),
  currency: z.string(),
  title: z.string(),
  description: z.string(),
  category: DebtCategory,
  impact: ImpactLevel,
  affectedSystem: z.string(),
  status: DebtStatus,
  quarterlyCostMinor: z.object({
    low: z.number().int(),
    likely: z.number().int(),
    high: z.number().int(),
  }),
  costEstimate: CostEstimate.nullable(),
  growthPerQuarter: z.number(),
  fixDays: z.object({ low: z.number(), likely: z.number(), high: z.number() }),
  dayRateMinor: z.number().int(),
  residualFraction: z.number(),
  lagQuarters: z.number().int(),
  tags: z.array(z.string()),
  evidence: z.string(),
  evaluation: DebtEvaluationSummary,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type DebtItem = z.infer<typeof DebtItem>;

export const DebtModelSettings = z.strictObject({
  /** Annual discount rate as a fraction (0.08 = 8 %). */
  annualDiscountRate: z.number().min(0).max(1),
  horizonQuarters: z.number().int().min(1).max(200),
  rateMode: z.enum(['effective', 'nominal']),
  distribution: z.enum(['pert', 'triangular']),
});
export type DebtModelSettings = z.infer<typeof DebtModelSettings>;

export const DebtSortField = z.enum([
  'cd3',
  'netBenefit',
  'roi',
  'payback',
  'impact',
  'title',
  'quarterlyCost',
  'updatedAt',
]);
export type DebtSortField = z.infer<typeof DebtSortField>;

export const DebtListFilter = z.strictObject({
  /** One client's register, or across all clients when absent. */
  clientId: Id.optional(),
  search: z.string().trim().max(200).default(''),
  statuses: z.array(DebtStatus).max(6).default([]),
  categories: z.array(DebtCategory).max(7).default([]),
  tags: z.array(tag).max(20).default([]),
});

export const DebtListInput = DebtListFilter.extend({
  sort: z
    .strictObject({ field: DebtSortField, direction: SortDirection })
    .default({ field: 'cd3', direction: 'desc' }),
  ...PageInput,
});
export type DebtListInput = z.input<typeof DebtListInput>;

/** Portfolio totals of the filtered register, one row per currency. */
export const DebtTotals = z.object({
  currency: z.string(),
  items: z.number().int(),
  pvCarryMinor: z.number(),
  fixCostMinor: z.number(),
  netBenefitMinor: z.number(),
  roi: z.number().nullable(),
});
export type DebtTotals = z.infer<typeof DebtTotals>;

export const DebtListOutput = pageOf(DebtItem).extend({ totals: z.array(DebtTotals) });
export type DebtListOutput = z.infer<typeof DebtListOutput>;

/** Inputs of the workbench's live evaluation: an item's model plus its client's settings. */
export const DebtEvaluateInput = z.strictObject({
  quarterlyCostMinor: QuarterlyCostRange,
  growthPerQuarter: debtField.growthPerQuarter,
  fixDays: FixDaysRange,
  dayRateMinor: AmountMinor,
  residualFraction: share,
  lagQuarters: debtField.lagQuarters,
  settings: DebtModelSettings,
  samples: z.number().int().min(1000).max(100_000).default(10_000),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(1),
});

/** One quarter of a cumulative carrying-vs-fixing series with its P10–P90 band. */
export const QuarterBand = z.object({
  quarter: z.number().int(),
  carryLikely: z.number(),
  carryP10: z.number(),
  carryP90: z.number(),
  fixLikely: z.number(),
  fixP10: z.number(),
  fixP90: z.number(),
});

export const DebtEvaluateOutput = z.object({
  evaluation: DebtEvaluationSummary,
  distribution: z.object({
    mean: z.number(),
    p05: z.number(),
    p10: z.number(),
    p50: z.number(),
    p90: z.number(),
    p95: z.number(),
    probPositive: z.number(),
    exact: z.boolean(),
  }),
  /** Cumulative discounted cost of carrying vs fixing, per quarter, with the P10–P90 band. */
  cumulative: z.array(QuarterBand),
  /** Net benefit on a grid of discount rates × growth rates. */
  sensitivity: z.array(
    z.object({
      annualDiscountRate: z.number(),
      growthPerQuarter: z.number(),
      netBenefit: z.number(),
    }),
  ),
});
export type DebtEvaluateOutput = z.infer<typeof DebtEvaluateOutput>;

export const BudgetInput = z.strictObject({
  clientId: Id,
  budget: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('days'), days: z.number().min(0).max(100_000) }),
    z.strictObject({ kind: z.literal('money'), amountMinor: AmountMinor }),
  ]),
  /** Only these statuses are candidates (default: not yet fixed or rejected). */
  statuses: z.array(DebtStatus).max(6).default(['identified', 'proposed', 'accepted']),
});

export const DebtSelection = z.object({
  clientId: Id,
  itemIds: z.array(Id),
  budget: BudgetInput.shape.budget.nullable(),
  fixCostMinor: z.number(),
  fixDays: z.number(),
  netBenefitMinor: z.number(),
  savedAt: Timestamp.nullable(),
});
export type DebtSelection = z.infer<typeof DebtSelection>;

export const MatrixPoint = z.object({
  id: Id,
  title: z.string(),
  impact: ImpactLevel,
  status: DebtStatus,
  fixDays: z.number(),
  netBenefitMinor: z.number(),
  quarterlyCostMinor: z.number(),
});

/** Item fields a CSV column can map to (amounts in major units, see services/debt/csv.ts). */
export const DebtCsvField = z.enum([
  'title',
  'description',
  'category',
  'impact',
  'affectedSystem',
  'status',
  'quarterlyCostLow',
  'quarterlyCostLikely',
  'quarterlyCostHigh',
  'growthPerQuarter',
  'fixDaysLow',
  'fixDaysLikely',
  'fixDaysHigh',
  'dayRate',
  'residualFraction',
  'lagQuarters',
  'tags',
  'evidence',
  'costEstimate',
]);
export type DebtCsvField = z.infer<typeof DebtCsvField>;

/**
 * CSV column -> item field. Columns left out are ignored. Each field takes at most one
 * column, so a mapping never has more entries than there are fields.
 */
export const CsvMapping = z
  .record(z.string().max(1_000), DebtCsvField)
  .refine((mapping) => Object.keys(mapping).length <= DebtCsvField.options.length, {
    message: 'More columns mapped than there are item fields',
    params: { reason: 'TOO_MANY_MAPPED_COLUMNS' },
  });

export const CsvPreviewInput = z.strictObject({
  clientId: Id,
  csvText: z.string().max(20_000_000),
  /** CSV column -> item field; suggested from the header when absent. */
  mapping: CsvMapping.optional(),
});

export const CsvRowReport = z.object({
  row: z.number().int(),
  ok: z.boolean(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
  title: z.string(),
});

export const CsvPreviewOutput = z.object({
  columns: z.array(z.string()),
  mapping: CsvMapping,
  /** Item fields a CSV column can map to (`DebtCsvField.options`). */
  fields: z.array(DebtCsvField),
  rows: z.array(CsvRowReport),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
});

export const CsvImportInput = CsvPreviewInput.extend({
  mapping: CsvMapping,
  /** Required when some rows are invalid: the user agreed to skip them. */
  skipInvalid: z.boolean().default(false),
});

export const debtMethods = {
  'debt.settings.get': {
    kind: 'read',
    input: z.strictObject({ clientId: Id }),
    output: DebtModelSettings,
  },
  'debt.settings.update': {
    kind: 'write',
    input: z.strictObject({ clientId: Id, changes: DebtModelSettings.partial() }),
    output: DebtModelSettings,
  },
  'debt.list': { kind: 'read', input: DebtListInput, output: DebtListOutput },
  'debt.tags': {
    kind: 'read',
    input: z.strictObject({ clientId: Id.optional() }),
    output: z.array(z.string()),
  },
  'debt.get': { kind: 'read', input: ById, output: DebtItem },
  'debt.create': { kind: 'write', input: DebtItemFields, output: DebtItem },
  'debt.update': {
    kind: 'write',
    input: z.strictObject({ id: Id, changes: DebtItemPatch }),
    output: DebtItem,
  },
  'debt.duplicate': { kind: 'write', input: ById, output: DebtItem },
  'debt.delete': { kind: 'write', input: ById, output: z.object({ id: Id }) },
  'debt.bulkStatus': {
    kind: 'write',
    input: z.strictObject({ ids: z.array(Id).min(1).max(10_000), status: DebtStatus }),
    output: z.object({ updated: z.number().int() }),
  },
  'debt.evaluate': { kind: 'read', input: DebtEvaluateInput, output: DebtEvaluateOutput },
  'debt.matrix': {
    kind: 'read',
    input: z.strictObject({ clientId: Id }),
    output: z.array(MatrixPoint),
  },
  'debt.selectWithinBudget': { kind: 'read', input: BudgetInput, output: DebtSelection },
  'debt.selection.get': {
    kind: 'read',
    input: z.strictObject({ clientId: Id }),
    output: DebtSelection.nullable(),
  },
  'debt.selection.save': {
    kind: 'write',
    input: z.strictObject({
      clientId: Id,
      itemIds: z.array(Id).max(10_000),
      budget: BudgetInput.shape.budget.nullable(),
    }),
    output: DebtSelection,
  },
  'debt.csv.preview': { kind: 'read', input: CsvPreviewInput, output: CsvPreviewOutput },
  'debt.csv.import': {
    kind: 'write',
    input: CsvImportInput,
    output: z.object({ imported: z.number().int(), skipped: z.number().int() }),
  },
  'debt.csv.export': {
    kind: 'read',
    input: DebtListFilter,
    output: z.object({ fileName: z.string(), csvText: z.string(), rows: z.number().int() }),
  },
  'demo.load': {
    kind: 'write',
    input: z.strictObject({ locale: z.enum(['en', 'zh-CN']) }),
    output: z.object({
      clientIds: z.array(Id),
      debtItems: z.number().int(),
      /** Billing demo (issue 6): engagements on the 15/30/45/10 template and their invoices. */
      engagements: z.number().int(),
      invoices: z.number().int(),
      /** SLA demo (issue 5): clauses with incidents and daily P99s of the last 90 days. */
      slaClauses: z.number().int(),
    }),
  },
} as const;
