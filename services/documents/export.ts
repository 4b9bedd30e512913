import fs from 'node:fs';
import path from 'node:path';
import type {
  CreditNote,
  ExportJob,
  HostMethodName,
  Invoice,
  MethodName,
  ParsedInput,
} from '../../core/api';
import { minorDigits, minorToMajorString } from '../../core/money';
import { renderDocument } from '../../templates';
import type { ServiceContext } from '../context';
import { guard, spreadsheetCsv } from '../debt/csv';
import { ServiceError } from '../errors';
import type { HandlerMap } from '../handler-types';
import { creditNoteModel, invoiceModel, type BuiltDocument } from './models';
import { safeFileName } from './file-name';
import { documentsRepo } from './terms';

/**
 * Period export for the accountant: every invoice with a number (void ones too, marked void,
 * so the number sequence has no gaps) and every credit note issued in a date range, one PDF
 * each in the client's document language, then `summary.csv`.
 *
 * The job runs inside the services process in the background: one document at a time,
 * yielding to the event loop before each (setImmediate), so the app's other calls are
 * answered in between. Files are never overwritten: a name already taken gets " (2)", " (3)"…
 * and is created exclusively. Jobs live in memory per services instance.
 *
 * `start` refuses (typed errors): EXPORT_FOLDER_NOT_ABSOLUTE (VALIDATION),
 * EXPORT_FOLDER_NOT_A_DIRECTORY, EXPORT_FOLDER_NOT_WRITABLE, NOTHING_TO_EXPORT and
 * EXPORT_ALREADY_RUNNING (one export at a time per services instance) (CONFLICT).
 * A job that fails records one of these stable reasons for the UI to translate:
 * EXPORT_FOLDER_NOT_WRITABLE, EXPORT_DISK_FULL, RENDER_FAILED, EXPORT_FAILED.
 */

export const SUMMARY_FILE = 'summary.csv';

type ExportReason =
  'EXPORT_FOLDER_NOT_WRITABLE' | 'EXPORT_DISK_FULL' | 'RENDER_FAILED' | 'EXPORT_FAILED';

class ExportFailure extends Error {
  constructor(
    readonly reason: ExportReason,
    message: string,
  ) {
    super(message);
  }
}

interface JobEntry {
  job: ExportJob;
  cancelRequested: boolean;
}

const MAX_JOBS_KEPT = 50;
const registries = new WeakMap<ServiceContext, Map<string, JobEntry>>();

function registry(ctx: ServiceContext): Map<string, JobEntry> {
  let jobs = registries.get(ctx);
  if (!jobs) {
    jobs = new Map();
    registries.set(ctx, jobs);
  }
  return jobs;
}

function runningJob(ctx: ServiceContext): JobEntry | undefined {
  for (const entry of registry(ctx).values()) if (entry.job.state === 'running') return entry;
  return undefined;
}

/** A restore waits for no export: it refuses while one is still writing documents. */
export function exportRunning(ctx: ServiceContext): boolean {
  return runningJob(ctx) !== undefined;
}

function requireJob(ctx: ServiceContext, jobId: string): JobEntry {
  const entry = registry(ctx).get(jobId);
  if (!entry) {
    throw new ServiceError('NOT_FOUND', `Export job ${jobId} does not exist.`, {
      reason: 'EXPORT_JOB_NOT_FOUND',
      details: { id: jobId },
    });
  }
  return entry;
}

function folderError(reason: string, message: string, folder: string): ServiceError {
  return new ServiceError('CONFLICT', message, { reason, details: { folder } });
}

/** Creates the folder if missing; refuses a relative path, a file, or a folder it cannot write. */
function prepareFolder(folder: string): void {
  if (!path.isAbsolute(folder)) {
    throw new ServiceError('VALIDATION', `The export folder must be an absolute path: ${folder}`, {
      reason: 'EXPORT_FOLDER_NOT_ABSOLUTE',
      details: { folder },
    });
  }
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(folder);
  } catch {
    stat = undefined;
  }
  if (stat && !stat.isDirectory()) {
    throw folderError(
      'EXPORT_FOLDER_NOT_A_DIRECTORY',
      `${folder} is a file, not a folder.`,
      folder,
    );
  }
  try {
    if (!stat) fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw folderError(
      code === 'ENOTDIR' ? 'EXPORT_FOLDER_NOT_A_DIRECTORY' : 'EXPORT_FOLDER_NOT_WRITABLE',
      `Engagement Desk cannot write to ${folder} (${code ?? 'error'}).`,
      folder,
    );
  }
}

function writeFailure(error: unknown, file: string): ExportFailure {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new ExportFailure('EXPORT_DISK_FULL', `The disk is full: ${file} was not written.`);
  return new ExportFailure(
    'EXPORT_FOLDER_NOT_WRITABLE',
    `${file} could not be written (${code ?? 'error'}).`,
  );
}

/**
 * Writes `bytes` under `name` in `folder` without ever replacing a file: a taken name (on
 * disk or by this export) becomes `name (2)`, `name (3)`… The file is created exclusively
 * (`wx`), so even a file appearing meanwhile is not overwritten. Returns the name used.
 */
export function writeUnique(folder: string, name: string, bytes: Uint8Array | string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; n <= 1000; n++) {
    const candidate = n === 1 ? name : safeFileName(`${stem} (${n})`, ext.slice(1));
    const file = path.join(folder, candidate);
    try {
      fs.writeFileSync(file, bytes, { flag: 'wx' });
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw writeFailure(error, file);
    }
  }
  throw new ExportFailure('EXPORT_FAILED', `No free file name for ${name} in ${folder}.`);
}

export const SUMMARY_COLUMNS = [
  'number',
  'type',
  'issue_date',
  'due_date',
  'client',
  'client_tax_id',
  'currency',
  'net',
  'tax',
  'total',
  'paid',
  'balance',
  'status',
  'file_name',
] as const;

const major = (minor: number, currency: string) => minorToMajorString(minor, minorDigits(currency));

/**
 * One summary row per document. Amounts are plain decimals in major units (`1234.50`, no
 * grouping, a point). Credit notes are negative, so a column's sum per currency is what was
 * invoiced net of credits; a void invoice keeps its number with zero amounts (it never
 * counted), its own figures stay on its PDF.
 */
function invoiceRow(invoice: Invoice, fileName: string): string[] {
  const isVoid = invoice.status === 'void';
  const amount = (minor: number) => major(isVoid ? 0 : minor, invoice.currency);
  return [
    guard(invoice.number ?? ''),
    'invoice',
    invoice.issueDate ?? '',
    invoice.dueDate ?? '',
    guard(invoice.buyer.name),
    guard(invoice.buyer.taxId),
    invoice.currency,
    amount(invoice.subtotalMinor),
    amount(invoice.taxMinor),
    amount(invoice.totalMinor),
    amount(invoice.paidMinor),
    amount(invoice.balanceMinor),
    invoice.status,
    guard(fileName),
  ];
}

function creditNoteRow(note: CreditNote, fileName: string): string[] {
  return [
    guard(note.number),
    'credit_note',
    note.issueDate,
    '',
    guard(note.buyer.name),
    guard(note.buyer.taxId),
    note.currency,
    major(-note.subtotalMinor, note.currency),
    major(-note.taxMinor, note.currency),
    major(-note.totalMinor, note.currency),
    major(0, note.currency),
    major(0, note.currency),
    'issued',
    guard(fileName),
  ];
}

/**
 * UTF-8 with a byte-order mark (so spreadsheet apps read Chinese), CRLF line ends. Text cells
 * (number, client, tax id, file name) are guarded against formula injection as the debt
 * register's export does (`guard`: a leading = + - @ tab or CR gets an apostrophe); the
 * amount cells are written here and are plain decimals, a minus sign included.
 */
export function summaryCsv(rows: string[][]): string {
  return spreadsheetCsv(SUMMARY_COLUMNS, rows);
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type Entry = { kind: 'invoice' | 'credit-note'; id: string };

async function runJob(ctx: ServiceContext, entry: JobEntry, documents: Entry[]): Promise<void> {
  const { job } = entry;
  const rows: string[][] = [];
  try {
    for (const document of documents) {
      await yieldToEventLoop();
      if (entry.cancelRequested) {
        job.state = 'cancelled';
        return;
      }
      const built: BuiltDocument =
        document.kind === 'invoice'
          ? invoiceModel(ctx, document.id)
          : creditNoteModel(ctx, document.id);
      let bytes: Uint8Array;
      try {
        bytes = (await renderDocument(built.doc)).bytes;
      } catch (error) {
        throw new ExportFailure(
          'RENDER_FAILED',
          `${built.fileName} could not be rendered: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const fileName = writeUnique(job.folder, built.fileName, bytes);
      rows.push(
        built.doc.kind === 'invoice'
          ? invoiceRow(built.doc.model.invoice, fileName)
          : built.doc.kind === 'credit-note'
            ? creditNoteRow(built.doc.model.creditNote, fileName)
            : [],
      );
      job.done += 1;
    }
    await yieldToEventLoop();
    if (entry.cancelRequested) {
      job.state = 'cancelled';
      return;
    }
    job.summaryFile = writeUnique(job.folder, SUMMARY_FILE, summaryCsv(rows));
    job.state = 'done';
  } catch (error) {
    job.state = 'failed';
    job.error =
      error instanceof ExportFailure
        ? { reason: error.reason, message: error.message }
        : {
            reason: 'EXPORT_FAILED',
            message: error instanceof Error ? error.message : 'The export stopped.',
          };
  } finally {
    job.finishedAt = ctx.now().toISOString();
  }
}

function snapshot(job: ExportJob): ExportJob {
  return { ...job, error: job.error ? { ...job.error } : null };
}

function forget(jobs: Map<string, JobEntry>): void {
  for (const [id, entry] of jobs) {
    if (jobs.size <= MAX_JOBS_KEPT) return;
    if (entry.job.state !== 'running') jobs.delete(id);
  }
}

export function startExport(
  ctx: ServiceContext,
  input: ParsedInput<'documents.exportInvoices.start'>,
): ExportJob {
  const folder = input.folder;
  const jobs = registry(ctx);
  const running = runningJob(ctx);
  if (running) {
    throw new ServiceError(
      'CONFLICT',
      `An export is already running (${running.job.done} of ${running.job.total} written).`,
      { reason: 'EXPORT_ALREADY_RUNNING', details: { jobId: running.job.jobId } },
    );
  }
  const { from, to, includeCreditNotes } = input.range;
  const { invoiceIds, creditNoteIds } = documentsRepo(ctx).issuedBetween(
    from,
    to,
    includeCreditNotes,
  );
  if (invoiceIds.length + creditNoteIds.length === 0) {
    throw new ServiceError('CONFLICT', `Nothing was issued from ${from} to ${to}.`, {
      reason: 'NOTHING_TO_EXPORT',
      details: { from, to },
    });
  }
  prepareFolder(folder);
  const documents: Entry[] = [
    ...invoiceIds.map((id) => ({ kind: 'invoice' as const, id })),
    ...creditNoteIds.map((id) => ({ kind: 'credit-note' as const, id })),
  ];
  const job: ExportJob = {
    jobId: ctx.newId(),
    state: 'running',
    done: 0,
    total: documents.length,
    folder,
    summaryFile: null,
    error: null,
    startedAt: ctx.now().toISOString(),
    finishedAt: null,
  };
  const entry: JobEntry = { job, cancelRequested: false };
  // Runs after this call has answered (it yields before its first document); it records
  // every failure on the job itself, so the promise never rejects.
  void runJob(ctx, entry, documents);
  jobs.set(job.jobId, entry);
  forget(jobs);
  return snapshot(job);
}

export const exportHandlers: HandlerMap<
  Exclude<Extract<MethodName, `documents.exportInvoices.${string}`>, HostMethodName>
> = {
  'documents.exportInvoices.count': (input, ctx) => {
    const { invoiceIds, creditNoteIds } = documentsRepo(ctx).issuedBetween(
      input.from,
      input.to,
      input.includeCreditNotes,
    );
    return { invoices: invoiceIds.length, creditNotes: creditNoteIds.length };
  },

  'documents.exportInvoices.start': (input, ctx) => startExport(ctx, input),

  'documents.exportInvoices.status': (input, ctx) => snapshot(requireJob(ctx, input.jobId).job),

  'documents.exportInvoices.cancel': (input, ctx) => {
    const entry = requireJob(ctx, input.jobId);
    if (entry.job.state === 'running') entry.cancelRequested = true;
    return snapshot(entry.job);
  },
};
