import { z } from 'zod';
import { Empty, Timestamp } from './common';
import { SaveResult } from './documents';

/**
 * The whole workspace as one versioned JSON file (and one CSV per table), and importing such
 * a file into an empty or an existing workspace: rows are merged by primary key (ids are
 * UUIDv7, so two machines' rows never share an id by accident).
 *
 * File format, version 1:
 *
 *     { "format": "engagement-desk-workspace", "version": 1, "schemaVersion": 5,
 *       "exportedAt": "2026-11-21T09:00:00.000Z", "app": { "version": "0.1.0" },
 *       "data": { "<sql table name>": [ { "<sql column name>": value, ... }, ... ], ... } }
 *
 * Every table of the data file is in `data` (a test fails when a table is added to db/schema
 * without being exported), rows ordered by primary key, values exactly as stored: money in
 * integer minor units, dates as `YYYY-MM-DD`, timestamps as UTC ISO text, booleans 0/1.
 *
 * Import rules (services/workspace/merge.ts):
 * - A row whose key is not here is added; one equal to ours is left alone; one that differs
 *   is a conflict, settled by the policy: `keep-mine` (default) or `take-theirs`. Invoice and
 *   credit-note lines go with their document: a document and its lines are compared and
 *   taken as one.
 * - Numbering stays gap-free and unique: an issued invoice or credit note whose number is
 *   held here by another document refuses the whole file (IMPORT_NUMBER_TAKEN), as does one
 *   document issued under two different numbers (IMPORT_NUMBER_MISMATCH); a document issued
 *   on one side and still a draft on the other is taken as issued whatever the policy (its
 *   number is spent); a number series counter keeps the higher of the two values, never
 *   lowered, so no number is issued twice.
 * - Figures derived from other rows are recomputed where the merge mixed sides: an invoice's
 *   paid / credited / balance / status from its payments and credit notes, a debt item's
 *   evaluation from its client's model settings.
 * - All or nothing: one transaction, foreign keys checked before commit; a file of a newer
 *   format or schema, or one that fails validation (errors name the table, row and column),
 *   changes nothing.
 */

export const WORKSPACE_FORMAT = 'engagement-desk-workspace';
export const WORKSPACE_FORMAT_VERSION = 1;
/** Larger files are refused before they are read. */
export const WORKSPACE_IMPORT_MAX_BYTES = 200 * 1024 * 1024;

/** How a row that differs from ours is settled. */
export const ImportPolicy = z.enum(['keep-mine', 'take-theirs']);
export type ImportPolicy = z.infer<typeof ImportPolicy>;

/** The text of a workspace file, as read from disk. */
export const WorkspaceFileText = z.string().min(1).max(WORKSPACE_IMPORT_MAX_BYTES);

/** sha256 of the file's text, hex: apply checks it is still the file that was previewed. */
export const FileDigest = z.string().regex(/^[0-9a-f]{64}$/);

/** The file's envelope; rows are validated per table by the services (db/schema). */
export const WorkspaceFileHeader = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  exportedAt: Timestamp,
  app: z.object({ version: z.string().max(100) }),
  data: z.record(z.string(), z.array(z.unknown())),
});

export const WorkspaceExport = z.object({
  /** `engagement-desk-2026-11-21.json`. */
  fileName: z.string(),
  json: z.string(),
  rows: z.number().int().min(0),
});

export const CsvFile = z.object({ name: z.string(), text: z.string(), rows: z.number().int() });

export const WorkspaceCsvExport = z.object({
  /** The sub-folder main creates in the chosen folder: `engagement-desk-csv-2026-11-21`. */
  folderName: z.string(),
  files: z.array(CsvFile),
});

export const CsvSaveResult = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), folder: z.string(), files: z.number().int() }),
  /** The user closed the dialog. */
  z.object({ saved: z.literal(false) }),
]);

const Count = z.number().int().min(0);

export const ImportTableCounts = z.object({
  /** SQL table name: `clients`, `invoice_lines`… (translated by the UI). */
  table: z.string(),
  inFile: Count,
  new: Count,
  identical: Count,
  conflicting: Count,
});
export type ImportTableCounts = z.infer<typeof ImportTableCounts>;

/**
 * - `policy`: settled by the chosen policy;
 * - `issued`: issued on one side, a draft on the other: the issued one is kept either way;
 * - `highest`: a number series counter: the higher value is kept either way;
 * - `append-only`: an audit-log entry is never rewritten: ours is kept either way.
 */
export const ConflictRule = z.enum(['policy', 'issued', 'highest', 'append-only']);

export const ImportConflict = z.object({
  table: z.string(),
  /** The row's key: its id, or the key columns joined with `/`. */
  key: z.string(),
  /** A human label: a client's name, an invoice's number… (ours). */
  label: z.string(),
  /** Columns that differ (`lines` for a document's lines). */
  fields: z.array(z.string()),
  rule: ConflictRule,
  /** Which side wins when the rule is not `policy`; null when the policy decides. */
  winner: z.enum(['mine', 'theirs']).nullable(),
});
export type ImportConflict = z.infer<typeof ImportConflict>;

/** At most this many conflicts are listed; `conflictsTotal` counts them all. */
export const IMPORT_CONFLICTS_LISTED = 500;

export const ImportPreview = z.object({
  digest: FileDigest,
  formatVersion: z.number().int(),
  schemaVersion: z.number().int(),
  exportedAt: Timestamp,
  appVersion: z.string(),
  tables: z.array(ImportTableCounts),
  conflicts: z.array(ImportConflict),
  conflictsTotal: Count,
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  policy: ImportPolicy,
  /** True for a dry run: everything was checked and rolled back. */
  dryRun: z.boolean(),
  inserted: Count,
  updated: Count,
  /** Identical rows and conflicts kept as ours. */
  unchanged: Count,
  tables: z.array(
    z.object({ table: z.string(), inserted: Count, updated: Count, unchanged: Count }),
  ),
  /** Invoices whose paid / balance / status were recomputed after the merge. */
  invoicesResettled: Count,
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportChosen = z.discriminatedUnion('chosen', [
  z.object({
    chosen: z.literal(true),
    fileName: z.string(),
    byteLength: Count,
    preview: ImportPreview,
  }),
  /** The user closed the dialog. */
  z.object({ chosen: z.literal(false) }),
]);
export type ImportChosen = z.infer<typeof ImportChosen>;

export const workspaceMethods = {
  /** The workspace file's text; main writes it where the user chose (`workspace.export`). */
  'workspace.exportJson': { kind: 'read', input: Empty, output: WorkspaceExport },
  /** Main: save dialog, then writes `<name>.json` atomically. */
  'workspace.export': { kind: 'read', host: 'main', input: Empty, output: SaveResult },
  /** One CSV per table (UTF-8 BOM, CRLF, text cells guarded against formula injection). */
  'workspace.exportCsvFiles': { kind: 'read', input: Empty, output: WorkspaceCsvExport },
  /** Main: folder dialog, then writes the CSVs into a new sub-folder there. */
  'workspace.exportCsv': { kind: 'read', host: 'main', input: Empty, output: CsvSaveResult },
  /** Validates the file and compares it with the workspace; changes nothing. */
  'workspace.import.preview': {
    kind: 'read',
    input: z.strictObject({ text: WorkspaceFileText }),
    output: ImportPreview,
  },
  /** Merges the file in one transaction (all or nothing). */
  'workspace.import.apply': {
    kind: 'write',
    input: z.strictObject({
      text: WorkspaceFileText,
      policy: ImportPolicy.default('keep-mine'),
      /** Refuse (IMPORT_FILE_CHANGED) unless the text is still the previewed file. */
      expectedDigest: FileDigest.optional(),
      /** Check everything, then roll back. */
      dryRun: z.boolean().default(false),
    }),
    output: ImportResult,
  },
  /** Main: open dialog, reads the file (refused over 200 MB), previews it. */
  'workspace.import.choose': { kind: 'read', host: 'main', input: Empty, output: ImportChosen },
  /** Main: applies the file chosen last, if it is still the one previewed (`digest`). */
  'workspace.import.applyChosen': {
    kind: 'read',
    host: 'main',
    input: z.strictObject({ digest: FileDigest, policy: ImportPolicy.default('keep-mine') }),
    output: ImportResult,
  },
} as const;
