import { z } from 'zod';
import { CalendarDate, Id, Locale, Timestamp } from './common';
import { LiabilityCapPercentString } from './billing-fields';
import { MonthKey } from './sla';

/**
 * PDF documents: proposals, contracts, invoices, credit notes, the tech-debt ROI report and
 * the SLA period report. Rendering runs in the services process (pdfmake, Noto Sans SC).
 *
 * Three kinds of method live here:
 * - plain ones the renderer calls (render, terms, export status);
 * - `host: 'main'` ones answered by Electron main because they need a native dialog
 *   (save a PDF, choose an export folder). The e2e harness stands in for the dialog;
 * - `internal` ones that take a file-system path: only main (after the user chose the
 *   path in a dialog) and the CLI may call them; main's IPC guard refuses them from the
 *   window.
 */

/** The CLI names documents the same way: `export <kind> <number-or-id>`. */
export const DocumentKind = z.enum([
  'invoice',
  'credit-note',
  'proposal',
  'contract',
  'report',
  'sla-report',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** Omitted: the client's document language (Clients → document language). */
const language = { language: Locale.optional() };

export const DocumentRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('invoice'), id: Id, ...language }),
  z.strictObject({ kind: z.literal('credit-note'), id: Id, ...language }),
  /** Findings: the engagement's debt items, else the client's saved budget selection. */
  z.strictObject({ kind: z.literal('proposal'), engagementId: Id, ...language }),
  z.strictObject({ kind: z.literal('contract'), engagementId: Id, ...language }),
  /** Tech-debt ROI report over the client's portfolio. */
  z.strictObject({ kind: z.literal('report'), clientId: Id, ...language }),
  /** Compliance per clause, incidents and credits of the period containing `month`. */
  z.strictObject({
    kind: z.literal('sla-report'),
    engagementId: Id,
    month: MonthKey,
    ...language,
  }),
]);
export type DocumentRequest = z.infer<typeof DocumentRequest>;
export type DocumentRequestInput = z.input<typeof DocumentRequest>;

export const RenderedDocument = z.object({
  kind: DocumentKind,
  language: Locale,
  /** Suggested file name, safe on every OS: `Invoice 2026-0001 Acme GmbH.pdf`. */
  fileName: z.string(),
  mimeType: z.literal('application/pdf'),
  /** The PDF, base64 (everything crossing the contract is JSON). */
  base64: z.string(),
  byteLength: z.number().int(),
  pageCount: z.number().int(),
});
export type RenderedDocument = z.infer<typeof RenderedDocument>;

/** Standard contract clauses; each has an English and a Chinese standard text. */
export const ClauseKey = z.enum([
  'acceptance',
  'liability',
  'confidentiality',
  'intellectualProperty',
  'termination',
  'governingLaw',
  'slaExclusions',
  'proposalTerms',
]);
export type ClauseKey = z.infer<typeof ClauseKey>;

export const TermsClause = z.object({
  key: ClauseKey,
  language: Locale,
  title: z.string(),
  /** The text printed: the engagement's own wording, else the standard text. */
  text: z.string(),
  /** True while no per-engagement wording replaces the standard text. */
  standard: z.boolean(),
});
export type TermsClause = z.infer<typeof TermsClause>;

export const CLAUSE_TEXT_MAX = 20_000;

/** Per-engagement document settings: proposal and contract wording. */
export const EngagementTerms = z.object({
  engagementId: Id,
  /** Proposal: the executive summary (empty: a generated one from the findings). */
  executiveSummary: z.string(),
  /** Proposal: valid until (null: issue date + 30 days). */
  proposalValidUntil: CalendarDate.nullable(),
  /** Contract: liability cap as a percent of the contract value, `"100"`. */
  liabilityCapPercent: LiabilityCapPercentString,
  /** Contract: governing law and place of jurisdiction, free text ("Germany, Munich"). */
  governingLaw: z.string(),
  /** Every clause in both languages. */
  clauses: z.array(TermsClause),
  updatedAt: Timestamp.nullable(),
});
export type EngagementTerms = z.infer<typeof EngagementTerms>;

export const EngagementTermsPatch = z.strictObject({
  engagementId: Id,
  executiveSummary: z.string().trim().max(CLAUSE_TEXT_MAX).optional(),
  proposalValidUntil: CalendarDate.nullable().optional(),
  liabilityCapPercent: LiabilityCapPercentString.optional(),
  governingLaw: z.string().trim().max(500).optional(),
  /** `text: null` returns the clause to the standard text. */
  clauses: z
    .array(
      z.strictObject({
        key: ClauseKey,
        language: Locale,
        text: z.string().trim().min(1).max(CLAUSE_TEXT_MAX).nullable(),
      }),
    )
    .max(ClauseKey.options.length * Locale.options.length)
    .optional(),
});

export const InvoiceExportRange = z
  .strictObject({
    /** Issue dates, inclusive. */
    from: CalendarDate,
    to: CalendarDate,
    /** Include credit notes issued in the range too (default true). */
    includeCreditNotes: z.boolean().default(true),
  })
  .refine((v) => v.from <= v.to, {
    path: ['to'],
    message: 'The end date is before the start date',
    params: { reason: 'EXPORT_END_BEFORE_START' },
  });

/** A folder path main got from the user's folder dialog (or the CLI's --out). */
export const ExportFolder = z.string().min(1).max(4096);

export const ExportJobState = z.enum(['running', 'done', 'failed', 'cancelled']);

export const ExportJob = z.object({
  jobId: Id,
  state: ExportJobState,
  /** Documents written so far / to write. */
  done: z.number().int(),
  total: z.number().int(),
  folder: z.string(),
  /** `summary.csv` for the accountant, once done. */
  summaryFile: z.string().nullable(),
  /** Failed: what went wrong, translated by the UI from `reason`. */
  error: z.object({ reason: z.string(), message: z.string() }).nullable(),
  startedAt: Timestamp,
  finishedAt: Timestamp.nullable(),
});
export type ExportJob = z.infer<typeof ExportJob>;

export const SaveResult = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), path: z.string(), byteLength: z.number().int() }),
  /** The user closed the dialog. */
  z.object({ saved: z.literal(false) }),
]);

export const FolderExportStart = z.discriminatedUnion('started', [
  z.object({ started: z.literal(true), job: ExportJob }),
  z.object({ started: z.literal(false) }),
]);

export const documentMethods = {
  'documents.render': { kind: 'read', input: DocumentRequest, output: RenderedDocument },
  /** Main: renders, shows the save dialog with the suggested name, writes the file. */
  'documents.save': { kind: 'read', host: 'main', input: DocumentRequest, output: SaveResult },
  'documents.terms.get': {
    kind: 'read',
    input: z.strictObject({ engagementId: Id }),
    output: EngagementTerms,
  },
  'documents.terms.update': {
    kind: 'write',
    input: EngagementTermsPatch,
    output: EngagementTerms,
  },
  /** How many invoices (and credit notes) a period export would write. */
  'documents.exportInvoices.count': {
    kind: 'read',
    input: InvoiceExportRange,
    output: z.object({ invoices: z.number().int(), creditNotes: z.number().int() }),
  },
  /** Main: asks for a folder, then starts `documents.exportInvoices.start` there. */
  'documents.exportInvoices.chooseFolder': {
    kind: 'read',
    host: 'main',
    input: InvoiceExportRange,
    output: FolderExportStart,
  },
  /** Internal (main, CLI): writes PDFs and summary.csv to `folder` in the background. */
  'documents.exportInvoices.start': {
    kind: 'read',
    internal: true,
    input: z.strictObject({ range: InvoiceExportRange, folder: ExportFolder }),
    output: ExportJob,
  },
  'documents.exportInvoices.status': {
    kind: 'read',
    input: z.strictObject({ jobId: Id }),
    output: ExportJob,
  },
  'documents.exportInvoices.cancel': {
    kind: 'read',
    input: z.strictObject({ jobId: Id }),
    output: ExportJob,
  },
} as const;
