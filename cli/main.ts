import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  ApiError,
  DocumentKind,
  ImportPolicy,
  Locale,
  WORKSPACE_IMPORT_MAX_BYTES,
  type DocumentRequestInput,
  type ExportJob,
  type MethodInput,
  type MethodOutput,
  type ServiceMethodName,
} from '../core/api';
import { DATABASE_FILE_NAME } from '../db';
import { startServices, type Services } from '../services/host';
import { defaultDataDir } from './data-dir';

/** 0 ok; 1 the work failed (not found, invalid, cannot write); 2 the command line is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const HELP = `Engagement Desk command line

Usage: npm run cli -- <command> [options]

Commands:
  demo [--lang en|zh-CN]
      Load the demo workspace: an English and a Chinese client with tech-debt registers,
      engagements, milestone invoices (one partly paid with a credit note, one overdue)
      and SLA clauses with incidents. Refused if it is already loaded.

  export <kind> <reference> --out FILE [--lang en|zh-CN] [--month YYYY-MM] [--force]
      Write one PDF. <kind> and what <reference> names:
        invoice       an invoice number (INV-2026-0001) or invoice id
        credit-note   a credit note number or id
        proposal      an engagement id or its exact title
        contract      an engagement id or its exact title
        sla-report    an engagement id or its exact title; needs --month (the period
                      containing that month; a quarter clause reports its quarter)
        report        (tech-debt ROI report) a client id or its exact display name
      A title or name that several records share is refused: use the id.
      --lang        the document language (default: the client's document language)
      --force       replace FILE if it exists (otherwise an existing FILE is refused)

  export-invoices --from YYYY-MM-DD --to YYYY-MM-DD --out DIR [--no-credit-notes]
      Write a PDF of every invoice (void ones marked void, so the numbers have no gaps)
      and credit note issued in the range, each in its client's language, plus
      summary.csv for the accountant. DIR is created if missing; existing files are
      never replaced (a taken name gets " (2)"). Prints one line per document.
      summary.csv (UTF-8): amounts in major units; credit notes negative; void invoices
      listed with zero amounts. Ctrl-C cancels after the current document. An empty
      range writes nothing and is not an error.

  workspace-export --out FILE [--force]
      Write the whole workspace as one JSON file (every record, money in minor units),
      the file Settings → Workspace data → Import reads on another machine.

  workspace-import FILE [--policy keep-mine|take-theirs] [--dry-run]
      Merge a workspace file by id: rows missing here are added, identical rows left
      alone, rows that differ settled by --policy (default keep-mine). Issued numbers
      stay unique and gap-free (see the app's documentation). Prints what the file
      holds and the conflicts, then imports all of it in one transaction, or nothing.
      The data folder may be new. --dry-run checks everything and changes nothing.

Options:
  --data-dir DIR    the data folder (default: $ENGAGEMENT_DESK_DATA_DIR, else the app's:
                    ${defaultDataDir({})})
  -h, --help        this help

Exit codes: 0 done, 1 failed (not found, invalid, cannot write), 2 usage error.`;

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

class UsageError extends Error {}
class Failure extends Error {}

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  lang: { type: 'string' },
  month: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  force: { type: 'boolean' },
  'no-credit-notes': { type: 'boolean' },
  policy: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

/** Options each command takes (besides --data-dir and --help). */
const ALLOWED: Record<string, readonly (keyof typeof OPTIONS)[]> = {
  demo: ['lang'],
  export: ['out', 'lang', 'month', 'force'],
  'export-invoices': ['out', 'from', 'to', 'no-credit-notes'],
  'workspace-export': ['out', 'force'],
  'workspace-import': ['policy', 'dry-run'],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Call = <M extends ServiceMethodName>(
  method: M,
  input: MethodInput<M>,
) => Promise<MethodOutput<M>>;

function caller(services: Services): Call {
  return async (method, input) => {
    const result = await services.invoke(method, input);
    if (!result.ok) throw new ApiError(result.error);
    return result.data as MethodOutput<typeof method>;
  };
}

function required(values: Values, name: 'out' | 'from' | 'to' | 'month', command: string): string {
  const value = values[name];
  if (value === undefined || value.trim() === '')
    throw new UsageError(`${command} needs --${name}`);
  return value;
}

function language(values: Values): Locale | undefined {
  if (values.lang === undefined) return undefined;
  const parsed = Locale.safeParse(values.lang);
  if (!parsed.success) throw new UsageError(`--lang must be en or zh-CN, not "${values.lang}"`);
  return parsed.data;
}

/**
 * The id a reference names: an id as it is, else the one record whose number, title or name
 * is exactly `ref` among those the list method's search finds (none or several: refused).
 */
async function findId<T extends { id: string }>(
  ref: string,
  search: () => Promise<{ items: T[] }>,
  named: (item: T) => boolean,
  what: string,
  notFound: string,
): Promise<string> {
  if (UUID.test(ref)) return ref;
  const matches = (await search()).items.filter(named);
  if (matches.length === 0) throw new Failure(notFound);
  if (matches.length > 1) {
    throw new Failure(
      `${matches.length} ${what}s are called "${ref}"; name one by its id: ${matches
        .slice(0, 5)
        .map((m) => m.id)
        .join(', ')}`,
    );
  }
  return matches[0]!.id;
}

const findEngagement = (call: Call, ref: string) =>
  findId(
    ref,
    () => call('engagements.list', { search: ref, limit: 500 }),
    (e) => e.title === ref,
    'engagement',
    `No engagement has the id or title "${ref}".`,
  );

const findClient = (call: Call, ref: string) =>
  findId(
    ref,
    () => call('clients.list', { search: ref, archived: 'all', limit: 500 }),
    (c) => c.displayName === ref,
    'client',
    `No client has the id or name "${ref}".`,
  );

const findInvoice = (call: Call, ref: string) =>
  findId(
    ref,
    () => call('invoices.list', { search: ref, limit: 500 }),
    (i) => i.number === ref,
    'invoice',
    `No invoice has the number or id "${ref}".`,
  );

const findCreditNote = (call: Call, ref: string) =>
  findId(
    ref,
    () => call('creditNotes.list', { search: ref, limit: 500 }),
    (c) => c.number === ref,
    'credit note',
    `No credit note has the number or id "${ref}".`,
  );

async function documentRequest(
  call: Call,
  kind: DocumentKind,
  ref: string,
  values: Values,
): Promise<DocumentRequestInput> {
  const lang = language(values);
  const withLang = lang ? { language: lang } : {};
  if (kind !== 'sla-report' && values.month !== undefined)
    throw new UsageError('--month is for sla-report only');
  switch (kind) {
    case 'invoice':
      return { kind, id: await findInvoice(call, ref), ...withLang };
    case 'credit-note':
      return { kind, id: await findCreditNote(call, ref), ...withLang };
    case 'proposal':
    case 'contract':
      return { kind, engagementId: await findEngagement(call, ref), ...withLang };
    case 'sla-report': {
      const month = required(values, 'month', 'export sla-report');
      return { kind, engagementId: await findEngagement(call, ref), month, ...withLang };
    }
    case 'report':
      return { kind, clientId: await findClient(call, ref), ...withLang };
  }
}

function writeFile(file: string, bytes: Buffer, force: boolean): void {
  const cannot = (error: unknown) =>
    new Failure(`Cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw cannot(error);
  }
  try {
    fs.writeFileSync(file, bytes, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new Failure(`${file} exists; use --force to replace it.`);
    throw cannot(error);
  }
}

async function exportOne(call: Call, positionals: string[], values: Values, io: Io) {
  const [kindText, ref, ...extra] = positionals;
  if (kindText === undefined)
    throw new UsageError(`export needs a kind: ${DocumentKind.options.join(', ')}`);
  const kind = DocumentKind.safeParse(kindText);
  if (!kind.success)
    throw new UsageError(`Unknown document kind "${kindText}": ${DocumentKind.options.join(', ')}`);
  if (ref === undefined || ref.trim() === '')
    throw new UsageError(`export ${kindText} needs a number, id or name`);
  if (extra.length) throw new UsageError(`Unexpected argument "${extra[0]}"`);
  const file = path.resolve(required(values, 'out', 'export'));
  const request = await documentRequest(call, kind.data, ref, values);
  const document = await call('documents.render', request);
  writeFile(file, Buffer.from(document.base64, 'base64'), values.force === true);
  io.out(
    `Wrote ${file} (${document.kind}, ${document.language}, ${document.pageCount} page${document.pageCount === 1 ? '' : 's'}, ${document.byteLength} bytes)`,
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function exportInvoices(call: Call, positionals: string[], values: Values, io: Io) {
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}"`);
  const range = {
    from: required(values, 'from', 'export-invoices'),
    to: required(values, 'to', 'export-invoices'),
    includeCreditNotes: values['no-credit-notes'] !== true,
  };
  const folder = path.resolve(required(values, 'out', 'export-invoices'));
  const count = await call('documents.exportInvoices.count', range);
  if (count.invoices + count.creditNotes === 0) {
    io.out(`Nothing was issued from ${range.from} to ${range.to}; nothing was written.`);
    return;
  }
  io.out(
    `Exporting ${count.invoices} invoice(s) and ${count.creditNotes} credit note(s) issued ${range.from} – ${range.to} to ${folder}`,
  );
  let job: ExportJob = await call('documents.exportInvoices.start', { range, folder });
  let cancelled = false;
  const onSignal = () => {
    cancelled = true;
  };
  process.once('SIGINT', onSignal);
  try {
    let shown = -1;
    while (job.state === 'running') {
      if (cancelled) job = await call('documents.exportInvoices.cancel', { jobId: job.jobId });
      await sleep(50);
      job = await call('documents.exportInvoices.status', { jobId: job.jobId });
      if (job.done !== shown && job.done > 0) {
        shown = job.done;
        io.out(`  ${job.done}/${job.total}`);
      }
    }
  } finally {
    process.off('SIGINT', onSignal);
  }
  if (job.state === 'failed') {
    throw new Failure(
      `${job.error?.message ?? 'The export failed.'} (${job.error?.reason ?? 'EXPORT_FAILED'})`,
    );
  }
  if (job.state === 'cancelled')
    throw new Failure(`Cancelled after ${job.done} of ${job.total} document(s).`);
  io.out(`Done: ${job.done} document(s) and ${path.join(folder, job.summaryFile ?? '')}`);
}

async function demo(call: Call, positionals: string[], values: Values, io: Io, dataDir: string) {
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}"`);
  const loaded = await call('demo.load', { locale: language(values) ?? 'en' });
  io.out(
    `Loaded the demo workspace into ${dataDir}: ${loaded.clientIds.length} clients, ${loaded.debtItems} debt items, ${loaded.engagements} engagements, ${loaded.invoices} invoices, ${loaded.slaClauses} SLA clauses.`,
  );
  const engagements = (await call('engagements.list', { limit: 500 })).items;
  for (const e of engagements) io.out(`  engagement ${e.id}  ${e.title} (${e.clientName})`);
  const invoices = (await call('invoices.list', { limit: 500 })).items;
  for (const i of invoices) io.out(`  invoice    ${i.number ?? i.id}  ${i.clientName}`);
  const notes = (await call('creditNotes.list', { limit: 500 })).items;
  for (const n of notes) io.out(`  credit note ${n.number}  ${n.clientName}`);
}

async function workspaceExport(call: Call, positionals: string[], values: Values, io: Io) {
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}"`);
  const file = path.resolve(required(values, 'out', 'workspace-export'));
  const exported = await call('workspace.exportJson', {});
  writeFile(file, Buffer.from(exported.json, 'utf8'), values.force === true);
  io.out(`Wrote ${file} (${exported.rows} rows)`);
}

async function workspaceImport(call: Call, positionals: string[], values: Values, io: Io) {
  const [fileArg, ...extra] = positionals;
  if (fileArg === undefined || fileArg.trim() === '')
    throw new UsageError('workspace-import needs a FILE');
  if (extra.length) throw new UsageError(`Unexpected argument "${extra[0]}"`);
  const policy = ImportPolicy.safeParse(values.policy ?? 'keep-mine');
  if (!policy.success)
    throw new UsageError(`--policy must be keep-mine or take-theirs, not "${values.policy}"`);
  const file = path.resolve(fileArg);
  let text: string;
  try {
    if (fs.statSync(file).size > WORKSPACE_IMPORT_MAX_BYTES)
      throw new Failure(`${file} is larger than ${WORKSPACE_IMPORT_MAX_BYTES / 1024 / 1024} MB.`);
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof Failure) throw error;
    throw new Failure(`Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const preview = await call('workspace.import.preview', { text });
  io.out(`${path.basename(file)}: exported ${preview.exportedAt} by ${preview.appVersion}`);
  io.out('  table                          in file      new  identical  differ');
  for (const t of preview.tables.filter((row) => row.inFile > 0)) {
    io.out(
      `  ${t.table.padEnd(28)} ${[t.inFile, t.new, t.identical, t.conflicting]
        .map((n, i) => String(n).padStart(i === 2 ? 10 : 8))
        .join(' ')}`,
    );
  }
  for (const c of preview.conflicts.slice(0, 20)) {
    const rule = c.rule === 'policy' ? policy.data : `${c.rule}: ${c.winner ?? 'mine'} kept`;
    io.out(`  differs: ${c.table} ${c.label} (${c.fields.join(', ')}) -> ${rule}`);
  }
  if (preview.conflictsTotal > 20) io.out(`  … and ${preview.conflictsTotal - 20} more`);
  const result = await call('workspace.import.apply', {
    text,
    policy: policy.data,
    expectedDigest: preview.digest,
    dryRun: values['dry-run'] === true,
  });
  io.out(
    `${result.dryRun ? 'Dry run, nothing changed' : 'Imported'}: ${result.inserted} added, ${result.updated} updated, ${result.unchanged} unchanged (policy ${result.policy}).`,
  );
}

/** parseArgs' message without its advice about `--` (first sentence, one line). */
function argumentError(message: string): string {
  const first = message.split('\n')[0]!;
  const unknown = /^Unknown option '([^']+)'/.exec(first);
  if (unknown) return `unknown option ${unknown[1]}`;
  return first.replace(/\. .*$/, '');
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  migrationsFolder: string;
  appVersion: string;
}

/** Runs one command line; returns the exit code. Never throws. */
export async function run(argv: string[], io: Io, options: RunOptions): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`error: ${argumentError((error as Error).message)} (see --help)`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    io.out(HELP);
    return EXIT.ok;
  }
  if (command === undefined) {
    io.err('error: no command given (see --help)');
    return EXIT.usage;
  }
  const allowed = ALLOWED[command];
  if (!allowed) {
    io.err(`error: unknown command "${command}" (see --help)`);
    return EXIT.usage;
  }
  const stray = (Object.keys(values) as (keyof typeof OPTIONS)[]).find(
    (key) => key !== 'data-dir' && key !== 'help' && !allowed.includes(key),
  );
  if (stray) {
    io.err(`error: ${command} does not take --${stray} (see --help)`);
    return EXIT.usage;
  }
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir(options.env ?? process.env));
  const mayCreate = command === 'demo' || command === 'workspace-import';
  if (!mayCreate && !fs.existsSync(path.join(dataDir, DATABASE_FILE_NAME))) {
    io.err(`error: no Engagement Desk data in ${dataDir} (use --data-dir, or run "demo" first)`);
    return EXIT.failed;
  }
  let services: Services | undefined;
  try {
    services = await startServices({
      dataDir,
      migrationsFolder: options.migrationsFolder,
      appVersion: options.appVersion,
      logError: (method, error) =>
        io.err(
          `internal error in ${method}: ${error instanceof Error ? error.message : String(error)}`,
        ),
    });
    const call = caller(services);
    if (command === 'demo') await demo(call, rest, values, io, dataDir);
    else if (command === 'export') await exportOne(call, rest, values, io);
    else if (command === 'workspace-export') await workspaceExport(call, rest, values, io);
    else if (command === 'workspace-import') await workspaceImport(call, rest, values, io);
    else await exportInvoices(call, rest, values, io);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message} (see --help)`);
      return EXIT.usage;
    }
    if (error instanceof ApiError) {
      const issue = error.issues[0];
      const message = issue
        ? `${issue.path.join('.') || 'input'}: ${issue.message}`
        : error.message;
      io.err(`error: ${message} (${error.reason ?? issue?.code ?? error.code})`);
      return EXIT.failed;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  } finally {
    services?.close();
  }
}
