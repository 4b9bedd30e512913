/**
 * View models: everything a template prints, already loaded and computed by the services
 * (services/documents builds them from the database). Templates format and lay out; they
 * never compute money, so the PDF shows exactly what the screen and the database hold.
 *
 * Money fields are integer minor units in `currency`; dates are `YYYY-MM-DD`.
 */
import type {
  Client,
  CreditNote,
  DebtItem,
  DebtModelSettings,
  DebtTotals,
  Engagement,
  EngagementTerms,
  Invoice,
  Locale,
  MilestoneSchedule,
  SellerSnapshot,
  SlaClause,
  SlaIncident,
  SlaReportRow,
} from '../core/api';

export interface Branding {
  /** `#RRGGBB`. */
  accentColor: string;
  /** Printed in every footer beside "page x / y"; may be empty. */
  footerText: string;
  /** The consultant's logo (PNG or JPEG), base64 without a `data:` prefix. */
  logo: { mimeType: string; base64: string } | null;
}

export interface DocumentContext {
  language: Locale;
  branding: Branding;
  /** The consultant as printed (the profile; an issued invoice's own snapshot). */
  seller: SellerSnapshot;
  /** The day the document was produced, `YYYY-MM-DD` (for "as of" lines). */
  generatedOn: string;
}

export interface InvoiceModel {
  ctx: DocumentContext;
  /** `invoices.get` output: lines, tax summary, snapshots, payments, credit notes. */
  invoice: Invoice;
  /** The milestone it bills, by name (the invoice itself only holds its id). Optional. */
  milestoneName?: string | null;
}

export interface CreditNoteModel {
  ctx: DocumentContext;
  /** `creditNotes.get` output. */
  creditNote: CreditNote;
  /** The invoice it credits: number, issue date, total. */
  invoice: Pick<Invoice, 'number' | 'issueDate' | 'totalMinor' | 'currency'>;
}

/** One debt item with its percentiles, as the proposal and the report print it. */
export interface Finding {
  item: DebtItem;
  /** P10 and P90 of the net benefit (minor units; may be negative). */
  netBenefitP10Minor: number;
  netBenefitP90Minor: number;
  /** 1-based rank by the portfolio's ranking (CD3, then net benefit). */
  rank: number;
}

/** Cumulative discounted cost of carrying vs fixing per quarter, with the P10–P90 band. */
export interface QuarterPoint {
  quarter: number;
  carryLikely: number;
  carryP10: number;
  carryP90: number;
  fixLikely: number;
  fixP10: number;
  fixP90: number;
}

export interface PortfolioFigures {
  currency: string;
  /** Sums over the findings, minor units. */
  pvCarryMinor: number;
  fixCostMinor: number;
  netBenefitMinor: number;
  /** netBenefit / fixCost, null when fixCost is 0. */
  roi: number | null;
  /** Discounted payback of the whole set in quarters; null if it never pays back. */
  paybackQuarters: number | null;
  netBenefitP10Minor: number;
  netBenefitP90Minor: number;
  fixDays: number;
  cumulative: QuarterPoint[];
}

export interface ProposalModel {
  ctx: DocumentContext;
  client: Client;
  engagement: Engagement;
  schedule: MilestoneSchedule;
  findings: Finding[];
  /** Over the findings, in the engagement's currency (null when there are no findings). */
  portfolio: PortfolioFigures | null;
  slaClauses: SlaClause[];
  terms: EngagementTerms;
  issueDate: string;
  validUntil: string;
}

export interface ContractModel {
  ctx: DocumentContext;
  client: Client;
  engagement: Engagement;
  schedule: MilestoneSchedule;
  slaClauses: SlaClause[];
  terms: EngagementTerms;
  /** liabilityCapPercent × contract value, minor units. */
  liabilityCapMinor: number;
  issueDate: string;
}

/** Priority matrix point: effort (fix days) against value (net benefit). */
export interface MatrixPointModel {
  id: string;
  rank: number;
  title: string;
  fixDays: number;
  netBenefitMinor: number;
  impact: DebtItem['impact'];
}

export interface DebtReportModel {
  ctx: DocumentContext;
  client: Client;
  /** Ranked, best first; every open item of the client (can be hundreds: many pages). */
  findings: Finding[];
  /** `debt.list` totals per currency. */
  totals: DebtTotals[];
  /** Figures over all findings in the client's main currency, null without items. */
  portfolio: PortfolioFigures | null;
  matrix: MatrixPointModel[];
  /** Ids of the saved budget selection ("the fix plan"), empty if none. */
  selectedIds: string[];
  settings: DebtModelSettings;
}

export interface SlaReportModel {
  ctx: DocumentContext;
  client: Client;
  engagement: Engagement;
  /** `2026-11`: the month asked for; each row's own period key is in `row.period`. */
  month: string;
  /** First and last day covered (the union of the clauses' periods). */
  from: string;
  to: string;
  rows: SlaReportRow[];
  /** Incidents inside the period, per clause id. */
  incidents: Array<{ clause: SlaClause; incidents: SlaIncident[] }>;
  /** Credits after caps per currency. */
  totals: Array<{ currency: string; creditMinor: number }>;
}

export type DocumentModel =
  | { kind: 'invoice'; model: InvoiceModel }
  | { kind: 'credit-note'; model: CreditNoteModel }
  | { kind: 'proposal'; model: ProposalModel }
  | { kind: 'contract'; model: ContractModel }
  | { kind: 'report'; model: DebtReportModel }
  | { kind: 'sla-report'; model: SlaReportModel };
