import { z } from 'zod';
import { PercentString } from './billing-fields';
import {
  AmountMinor,
  ById,
  CalendarDate,
  CurrencyCode,
  Empty,
  Id,
  nonEmptyChanges,
  PageInput,
  pageOf,
  SortDirection,
  Timestamp,
} from './common';

/**
 * Engagements (a client's piece of work) and their milestone payment schedules. Money is
 * integer minor units in the engagement's one currency; nothing is ever converted.
 */

export const EngagementType = z.enum([
  'fixed_price',
  'time_and_materials',
  'retainer',
  'subscription',
]);
export type EngagementType = z.infer<typeof EngagementType>;

export const EngagementStage = z.enum([
  'lead',
  'proposal_sent',
  'won',
  'active',
  'completed',
  'lost',
  'cancelled',
]);
export type EngagementStage = z.infer<typeof EngagementStage>;

const text = (max: number) => z.string().trim().max(max);
const termsDays = z.number().int().min(0).max(365);

const engagementField = {
  clientId: Id,
  title: z.string().trim().min(1).max(200),
  type: EngagementType,
  stage: EngagementStage,
  /** Defaults to the client's currency; cannot change once an invoice exists. */
  currency: CurrencyCode,
  contractValueMinor: AmountMinor,
  startDate: CalendarDate.nullable(),
  endDate: CalendarDate.nullable(),
  scope: text(20_000),
  deliverables: text(20_000),
  /** Tax rate of milestone invoices; defaults to the profile's default tax rate. */
  taxRatePercent: PercentString,
  /** Net N for this engagement's invoices; null = the client's terms. */
  paymentTermsDays: termsDays.nullable(),
  /** Tech-debt items (of the same client) this engagement addresses. */
  debtItemIds: z.array(Id).max(1000),
  notes: text(10_000),
};

export const EngagementFields = z.strictObject({
  ...engagementField,
  type: engagementField.type.default('fixed_price'),
  stage: engagementField.stage.default('lead'),
  currency: engagementField.currency.optional(),
  contractValueMinor: engagementField.contractValueMinor.default(0),
  startDate: engagementField.startDate.default(null),
  endDate: engagementField.endDate.default(null),
  scope: engagementField.scope.default(''),
  deliverables: engagementField.deliverables.default(''),
  taxRatePercent: engagementField.taxRatePercent.optional(),
  /** Absent: the client's terms (clear later with `null` in an update). */
  paymentTermsDays: termsDays.optional(),
  debtItemIds: engagementField.debtItemIds.default([]),
  notes: engagementField.notes.default(''),
});
export type EngagementFieldsInput = z.input<typeof EngagementFields>;

const { clientId: _clientId, ...patchable } = engagementField;
export const EngagementPatch = z.strictObject(patchable).partial();

/** Money figures of an engagement, all in its currency. */
export const EngagementFigures = z.object({
  contractValueMinor: z.number().int(),
  /** Σ issued, not void invoice totals − their credit notes. */
  invoicedMinor: z.number().int(),
  paidMinor: z.number().int(),
  /** Σ open balances of its invoices. */
  outstandingMinor: z.number().int(),
  /** Contract value not invoiced yet. */
  remainingMinor: z.number().int(),
});

export const Engagement = EngagementFigures.extend({
  id: Id,
  clientId: Id,
  clientName: z.string(),
  title: z.string(),
  type: EngagementType,
  stage: EngagementStage,
  currency: z.string(),
  startDate: CalendarDate.nullable(),
  endDate: CalendarDate.nullable(),
  scope: z.string(),
  deliverables: z.string(),
  taxRatePercent: z.string(),
  paymentTermsDays: z.number().int().nullable(),
  debtItemIds: z.array(Id),
  notes: z.string(),
  milestoneCount: z.number().int(),
  invoiceCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Engagement = z.infer<typeof Engagement>;

export const EngagementSortField = z.enum([
  'title',
  'clientName',
  'stage',
  'contractValue',
  'startDate',
  'updatedAt',
]);

export const EngagementsListInput = z.strictObject({
  clientId: Id.optional(),
  stages: z.array(EngagementStage).max(7).default([]),
  currency: CurrencyCode.optional(),
  search: z.string().trim().max(200).default(''),
  sort: z
    .strictObject({ field: EngagementSortField, direction: SortDirection })
    .default({ field: 'updatedAt', direction: 'desc' }),
  ...PageInput,
});
export type EngagementsListInput = z.input<typeof EngagementsListInput>;

export const EngagementsListOutput = pageOf(Engagement);
export type EngagementsListOutput = z.infer<typeof EngagementsListOutput>;

// ---------------------------------------------------------------------------------------
// Milestones

export const MilestoneStatus = z.enum(['planned', 'ready', 'accepted', 'invoiced', 'paid']);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

/** A milestone's share: a percent of the contract value or a fixed amount. */
export const MilestoneShare = z.union([
  z.strictObject({ percent: PercentString }),
  z.strictObject({ amountMinor: AmountMinor }),
]);
export type MilestoneShare = z.infer<typeof MilestoneShare>;

export const MilestoneInput = z.strictObject({
  /** An existing milestone to keep (its acceptance record and invoice stay); absent = new. */
  id: Id.optional(),
  name: z.string().trim().min(1).max(200),
  share: MilestoneShare,
  deliverable: text(2000).default(''),
  acceptanceCriteria: text(4000).default(''),
  plannedDate: CalendarDate.nullable().default(null),
});
export type MilestoneInput = z.input<typeof MilestoneInput>;

export const Milestone = z.object({
  id: Id,
  engagementId: Id,
  position: z.number().int(),
  name: z.string(),
  /** The percent it was entered as, or null for a fixed amount. */
  percent: z.string().nullable(),
  /** Its amount: fixed, or allocated from the percent so the schedule sums exactly. */
  amountMinor: z.number().int(),
  deliverable: z.string(),
  acceptanceCriteria: z.string(),
  plannedDate: CalendarDate.nullable(),
  status: MilestoneStatus,
  readyAt: Timestamp.nullable(),
  acceptance: z
    .object({ date: CalendarDate, by: z.string(), note: z.string(), recordedAt: Timestamp })
    .nullable(),
  /** The invoice (draft or issued, not void) billing it, if any. */
  invoiceId: Id.nullable(),
  invoiceNumber: z.string().nullable(),
});
export type Milestone = z.infer<typeof Milestone>;

export const MilestoneSchedule = z.object({
  engagementId: Id,
  currency: z.string(),
  contractValueMinor: z.number().int(),
  /** 'percent' or 'amount' as last entered, or null when empty. */
  basis: z.enum(['percent', 'amount']).nullable(),
  milestones: z.array(Milestone),
});
export type MilestoneSchedule = z.infer<typeof MilestoneSchedule>;

const LocalizedText = z.object({ en: z.string(), 'zh-CN': z.string() });

export const MilestoneTemplate = z.object({
  id: z.string(),
  name: LocalizedText,
  milestones: z.array(
    z.object({
      name: LocalizedText,
      percent: z.string(),
      deliverable: LocalizedText,
      acceptanceCriteria: LocalizedText,
    }),
  ),
});
export type MilestoneTemplate = z.infer<typeof MilestoneTemplate>;

export const EngagementValuationInput = z.strictObject({
  id: Id,
  /** Discount rate a year as a fraction (0.1 = 10 %). */
  annualDiscountRate: z.number().min(-0.99).max(10),
  /** Valuation date; default today. Flows before it are ignored (already history). */
  asOf: CalendarDate.optional(),
  /** The consultant's own outlays (cost of the work), as negative flows for XIRR. */
  outlays: z
    .array(z.strictObject({ date: CalendarDate, amountMinor: AmountMinor }))
    .max(500)
    .default([]),
});

export const EngagementValuation = z.object({
  engagementId: Id,
  currency: z.string(),
  asOf: CalendarDate,
  annualDiscountRate: z.number(),
  flows: z.array(
    z.object({
      date: CalendarDate,
      amountMinor: z.number().int(),
      milestoneId: Id.nullable(),
      label: z.string(),
    }),
  ),
  totalMinor: z.number().int(),
  /** XNPV to `asOf`, in minor units (a float: an estimate, never invoiced). */
  xnpvMinor: z.number(),
  /** XIRR of the flows, or null when it is undefined (no outlay, or no solution). */
  xirr: z.number().nullable(),
  /** Milestones left out because they have no planned date or lie before `asOf`. */
  skippedMilestones: z.number().int(),
});
export type EngagementValuation = z.infer<typeof EngagementValuation>;

export const engagementMethods = {
  'engagements.list': { kind: 'read', input: EngagementsListInput, output: EngagementsListOutput },
  'engagements.get': { kind: 'read', input: ById, output: Engagement },
  'engagements.create': { kind: 'write', input: EngagementFields, output: Engagement },
  'engagements.update': {
    kind: 'write',
    input: z.strictObject({
      id: Id,
      changes: nonEmptyChanges(EngagementPatch),
    }),
    output: Engagement,
  },
  'engagements.setStage': {
    kind: 'write',
    input: z.strictObject({ id: Id, stage: EngagementStage }),
    output: Engagement,
  },
  'engagements.delete': { kind: 'write', input: ById, output: z.object({ id: Id }) },
  'engagements.valuation': {
    kind: 'read',
    input: EngagementValuationInput,
    output: EngagementValuation,
  },
  'milestones.templates': { kind: 'read', input: Empty, output: z.array(MilestoneTemplate) },
  'milestones.get': {
    kind: 'read',
    input: z.strictObject({ engagementId: Id }),
    output: MilestoneSchedule,
  },
  'milestones.setSchedule': {
    kind: 'write',
    input: z.strictObject({ engagementId: Id, milestones: z.array(MilestoneInput).max(100) }),
    output: MilestoneSchedule,
  },
  'milestones.markReady': { kind: 'write', input: ById, output: Milestone },
  'milestones.accept': {
    kind: 'write',
    input: z.strictObject({
      id: Id,
      date: CalendarDate,
      by: z.string().trim().min(1).max(200),
      note: text(4000).default(''),
    }),
    output: Milestone,
  },
  'milestones.reopen': { kind: 'write', input: ById, output: Milestone },
} as const;
