import { randomBytes } from 'node:crypto';
import nodeFs from 'node:fs/promises';
import path from 'node:path';
import type {
  BaseWindow,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
  WebContents,
} from 'electron';
import type { ApiErrorShape, ApiIssue, ApiResult } from '../../core/api/errors';
import {
  contract,
  type HostMethodName,
  type MethodName,
  type MethodOutput,
} from '../../core/api/contract';
import { WORKSPACE_IMPORT_MAX_BYTES } from '../../core/api/workspace';

export interface OsMethodContext {
  /** The (already verified) window that asked, to parent dialogs on. */
  sender: WebContents;
}

export type OsMethodHandler = (
  input: unknown,
  context: OsMethodContext,
) => Promise<ApiResult<unknown>>;
export type OsMethods = Partial<Record<MethodName, OsMethodHandler>>;

/** The slice of Electron's `dialog` used here (tests pass a stand-in). */
export interface OsDialog {
  showSaveDialog(window: BaseWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(window: BaseWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

/** The slice of `node:fs/promises` used to write a file atomically. */
export interface OsFileSystem {
  writeFile(file: string, data: Uint8Array, options: { flag: 'wx' }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
}

export interface OsMethodsOptions {
  /** Main's side of the services process (it may call `internal` methods). */
  services: { invoke(method: MethodName, input: unknown): Promise<ApiResult<unknown>> };
  dialog: OsDialog;
  /** `app.getPath`: it throws for a folder the platform does not have. */
  getPath: (name: 'downloads' | 'documents' | 'home') => string;
  fs: OsFileSystem;
  /** The window to parent a dialog on (`BrowserWindow.fromWebContents`). */
  windowFor?: (sender: WebContents) => BaseWindow | null;
  /** Reading an import file and making the CSV folder (default: `node:fs/promises`). */
  files?: OsFileReader;
}

/** The slice of `node:fs/promises` the workspace import and CSV export use. */
export interface OsFileReader {
  stat(file: string): Promise<{ size: number }>;
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  mkdir(folder: string): Promise<unknown>;
}

/**
 * Contract methods that main answers itself because they need the OS, not the database:
 * the save dialog for PDFs and chart images, the folder dialog for a period export. They
 * are still declared in core/api (`host: 'main'`), so the renderer's client, the e2e
 * harness and the sender check treat them like any other method; ipc.ts looks here before
 * forwarding to the services process.
 *
 * Rules: parse `input` with the contract's schema first; let the user, not the renderer,
 * choose any path (the dialog's result is the only path written to, exactly as chosen);
 * open links only through `safeExternalUrl` in security.ts.
 */
export function createOsMethods(
  options: OsMethodsOptions,
): Record<HostMethodName, OsMethodHandler> {
  const { services } = options;
  const dialogs = dialogsOf(options);

  return {
    async 'documents.save'(input, { sender }) {
      const parsed = contract['documents.save'].input.safeParse(input ?? {});
      if (!parsed.success) return invalid(parsed.error.issues);
      const rendered = await services.invoke('documents.render', parsed.data);
      if (!rendered.ok) return rendered;
      const doc = rendered.data as MethodOutput<'documents.render'>;
      return dialogs.saveFile(sender, {
        name: safeFileName(doc.fileName),
        filter: { name: 'PDF', extensions: ['pdf'] },
        bytes: Buffer.from(doc.base64, 'base64'),
        what: 'the PDF',
      });
    },

    async 'charts.save'(input, { sender }) {
      const parsed = contract['charts.save'].input.safeParse(input ?? {});
      if (!parsed.success) return invalid(parsed.error.issues);
      const { name, format, base64 } = parsed.data;
      const kind = CHART_FORMATS[format];
      return dialogs.saveFile(sender, {
        name: safeFileName(name, format, kind.fallbackName),
        filter: { name: kind.filterName, extensions: [format] },
        bytes: Buffer.from(base64, 'base64'),
        what: 'the chart',
      });
    },

    async 'documents.exportInvoices.chooseFolder'(input, { sender }) {
      const parsed = contract['documents.exportInvoices.chooseFolder'].input.safeParse(input ?? {});
      if (!parsed.success) return invalid(parsed.error.issues);
      const choice = await dialogs.open(sender, {
        defaultPath: defaultFolder(options.getPath, ['documents', 'downloads', 'home']),
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      });
      const folder = choice.filePaths[0];
      if (choice.canceled || !folder) return ok({ started: false });

      const started = await services.invoke('documents.exportInvoices.start', {
        range: parsed.data,
        folder,
      });
      if (!started.ok) return started;
      return ok({ started: true, job: started.data });
    },

    ...workspaceMethods(options, dialogs),
  };
}

type Dialogs = ReturnType<typeof dialogsOf>;

/** The dialogs, parented on the window that asked (none when it has gone). */
function dialogsOf(options: OsMethodsOptions) {
  const { dialog, fs } = options;
  const parentOf = (sender: WebContents) => options.windowFor?.(sender) ?? null;
  const save = (sender: WebContents, o: SaveDialogOptions) => {
    const parent = parentOf(sender);
    return parent ? dialog.showSaveDialog(parent, o) : dialog.showSaveDialog(o);
  };
  const open = (sender: WebContents, o: OpenDialogOptions) => {
    const parent = parentOf(sender);
    return parent ? dialog.showOpenDialog(parent, o) : dialog.showOpenDialog(o);
  };
  /**
   * The save dialog (the default folder, `name` suggested, one filter), then `bytes` written
   * whole where the user chose: `{ saved: false }` when they closed it.
   */
  const saveFile = async (
    sender: WebContents,
    file: {
      name: string;
      filter: { name: string; extensions: string[] };
      bytes: Uint8Array;
      /** For the log: `the PDF`. */
      what: string;
    },
  ): Promise<ApiResult<unknown>> => {
    const choice = await save(sender, {
      defaultPath: path.join(defaultFolder(options.getPath), file.name),
      filters: [file.filter],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return ok({ saved: false });
    try {
      await writeAtomically(fs, choice.filePath, file.bytes);
    } catch (error) {
      return writeFailed(`could not write ${file.what}`, error);
    }
    return ok({ saved: true, path: choice.filePath, byteLength: file.bytes.byteLength });
  };
  return { open, saveFile };
}

function writeFailed(what: string, error: unknown): ApiResult<never> {
  console.error(`Engagement Desk: ${what}:`, error);
  return failure('INTERNAL', 'DOCUMENT_WRITE_FAILED', 'The file could not be written there.');
}

/**
 * The workspace file (core/api/workspace.ts): the services produce and merge the text, main
 * only writes it where the user chose, or reads the file the user picked. The renderer
 * never names a path: apply takes the digest of the file main remembers from the preview.
 */
function workspaceMethods(
  options: OsMethodsOptions,
  dialogs: Dialogs,
): Pick<
  Record<HostMethodName, OsMethodHandler>,
  | 'workspace.export'
  | 'workspace.exportCsv'
  | 'workspace.import.choose'
  | 'workspace.import.applyChosen'
> {
  const { services, fs } = options;
  const files = options.files ?? nodeFs;
  const { open } = dialogs;
  /** The file chosen last for import and the digest its preview had. */
  let chosen: { file: string; digest: string } | null = null;
  /** Reads an import file, refusing one over the limit before reading it. */
  const readImport = async (file: string): Promise<ApiResult<{ text: string; size: number }>> => {
    try {
      const { size } = await files.stat(file);
      if (size > WORKSPACE_IMPORT_MAX_BYTES) {
        return failure('VALIDATION', 'IMPORT_FILE_TOO_LARGE', 'The file is too large to import.', {
          byteLength: size,
          limit: WORKSPACE_IMPORT_MAX_BYTES,
        });
      }
      // A BOM an editor may have added is not part of the JSON.
      const text = (await files.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
      return ok({ text, size });
    } catch (error) {
      console.error('Engagement Desk: could not read the import file:', error);
      return failure('CONFLICT', 'IMPORT_READ_FAILED', 'The file could not be read.');
    }
  };

  return {
    async 'workspace.export'(input, { sender }) {
      const parsed = contract['workspace.export'].input.safeParse(input ?? {});
      if (!parsed.success) return invalid(parsed.error.issues);
      const exported = await services.invoke('workspace.exportJson', {});
      if (!exported.ok) return exported;
      const { fileName, json } = exported.data as MethodOutput<'workspace.exportJson'>;
      return dialogs.saveFile(sender, {
        name: safeFileName(fileName, 'json'),
        filter: { name: 'JSON', extensions: ['json'] },
        bytes: Buffer.from(json, 'utf8'),
        what: 'the workspace export',
      });
    },

    async 'workspace.exportCsv'(input, { sender }) {
      const parsed = contract['workspace.exportCsv'].input.safeParse(input ?? {});
      if (!parsed.success) return invalid(parsed.error.issues);
      const choice = await open(sender, {
        defaultPath: defaultFolder(options.getPath, ['documents', 'downloads', 'home']),
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      });
      const parent = choice.filePaths[0];
      if (choice.canceled || !parent) return ok({ saved: false });
      const exported = await services.invoke('workspace.exportCsvFiles', {});
      if (!exported.ok) return exported;
      const csv = exported.data as MethodOutput<'workspace.exportCsvFiles'>;
      try {
        // A new sub-folder (`-2`, `-3`… when one of the day exists): never overwrites a CSV.
        let folder = path.join(parent, csv.folderName);
        for (let n = 2; ; n++) {
          try {
            await files.mkdir(folder);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== 'EEXIST' || n > 100) throw error;
            folder = path.join(parent, `${csv.folderName}-${n}`);
          }
        }
        for (const file of csv.files) {
          await writeAtomically(fs, path.join(folder, file.name), Buffer.from(file.text, 'utf8'));
        }
        return ok({ saved: true, folder, files: csv.files.length });
      } catch (error) {
        return writeFailed('could not write the workspace CSVs', error);
      }
    },

    async 'workspace.import.choose'(input, { sender }) {
      const parsed = contract['workspace.import.choose'].input.safeParse(input ?? {});
      if (!parsed.success) return invalid(parsed.error.issues);
      const choice = await open(sender, {
        defaultPath: defaultFolder(options.getPath),
        filters: [{ name: 'JSON', extensions: ['json'] }],
        properties: ['openFile'],
      });
      const file = choice.filePaths[0];
      if (choice.canceled || !file) return ok({ chosen: false });
      chosen = null;
      const read = await readImport(file);
      if (!read.ok) return read;
      const preview = await services.invoke('workspace.import.preview', { text: read.data.text });
      if (!preview.ok) return preview;
      const data = preview.data as MethodOutput<'workspace.import.preview'>;
      chosen = { file, digest: data.digest };
      return ok({
        chosen: true,
        fileName: path.basename(file),
        byteLength: read.data.size,
        preview: data,
      });
    },

    async 'workspace.import.applyChosen'(input) {
      const parsed = contract['workspace.import.applyChosen'].input.safeParse(input ?? {});
      if (!parsed.success) return invalid(parsed.error.issues);
      if (!chosen || chosen.digest !== parsed.data.digest) {
        return failure(
          'CONFLICT',
          'IMPORT_NOT_CHOSEN',
          'Choose the file to import again: it is not the one previewed.',
        );
      }
      const read = await readImport(chosen.file);
      if (!read.ok) return read;
      const applied = await services.invoke('workspace.import.apply', {
        text: read.data.text,
        policy: parsed.data.policy,
        expectedDigest: parsed.data.digest,
      });
      if (applied.ok) chosen = null;
      return applied;
    },
  };
}

/** The first of `names` the platform has; the save dialog opens there. */
function defaultFolder(
  getPath: OsMethodsOptions['getPath'],
  names: Array<'downloads' | 'documents' | 'home'> = ['downloads', 'documents', 'home'],
): string {
  for (const name of names) {
    try {
      const folder = getPath(name);
      if (folder) return folder;
    } catch {
      // Not on this platform: try the next one.
    }
  }
  return '';
}

/**
 * The services suggest a name that is safe on every OS already; this keeps the dialog's
 * default inside the default folder whatever the suggestion says (no separators, no `..`).
 */
export function safeFileName(suggested: string, extension = 'pdf', fallback = 'Document'): string {
  const base = Array.from(suggested, (ch) =>
    ch.charCodeAt(0) < 0x20 || '/\\:*?"<>|'.includes(ch) ? ' ' : ch,
  )
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const name = base.length > 0 ? base : `${fallback}.${extension}`;
  return name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;
}

/** The save dialog's filter and the name used when the suggestion has nothing usable. */
const CHART_FORMATS = {
  png: { filterName: 'PNG image', fallbackName: 'Chart' },
  svg: { filterName: 'SVG image', fallbackName: 'Chart' },
} as const;

/**
 * Writes the whole file next to its destination under a temporary name, then renames it
 * over the destination: a reader (or a crash) never sees half a PDF, and a file the user
 * chose to replace stays intact until the new one is complete.
 */
export async function writeAtomically(
  fs: OsFileSystem,
  destination: string,
  bytes: Uint8Array,
): Promise<void> {
  const temp = path.join(
    path.dirname(destination),
    `.${path.basename(destination)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx' });
    await fs.rename(temp, destination);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}

function ok<T>(data: T): ApiResult<T> {
  return { ok: true, data };
}

function failure(
  code: ApiErrorShape['code'],
  reason: string,
  message: string,
  details?: ApiErrorShape['details'],
): ApiResult<never> {
  return {
    ok: false,
    error: { code, reason, message, issues: [], ...(details ? { details } : {}) },
  };
}

function invalid(
  issues: ReadonlyArray<{ path: PropertyKey[]; code: string; message: string }>,
): ApiResult<never> {
  const error: ApiErrorShape = {
    code: 'VALIDATION',
    message: 'The request is not valid.',
    issues: issues.map((issue): ApiIssue => ({
      path: issue.path.filter(
        (key): key is string | number => typeof key === 'string' || typeof key === 'number',
      ),
      code: issue.code,
      message: issue.message,
    })),
  };
  return { ok: false, error };
}
