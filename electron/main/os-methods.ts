import { randomBytes } from 'node:crypto';
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
}

/**
 * Contract methods that main answers itself because they need the OS, not the database:
 * the save dialog for PDFs, the folder dialog for a period export. They are still declared
 * in core/api (`host: 'main'`), so the renderer's client, the e2e harness and the sender
 * check treat them like any other method; ipc.ts looks here before forwarding to the
 * services process.
 *
 * Rules: parse `input` with the contract's schema first; let the user, not the renderer,
 * choose any path (the dialog's result is the only path written to, exactly as chosen);
 * open links only through `safeExternalUrl` in security.ts.
 */
export function createOsMethods(
  options: OsMethodsOptions,
): Record<HostMethodName, OsMethodHandler> {
  const { services, dialog, fs } = options;
  const parentOf = (sender: WebContents) => options.windowFor?.(sender) ?? null;

  return {
    async 'documents.save'(input, { sender }) {
      const parsed = contract['documents.save'].input.safeParse(input ?? {});
      if (!parsed.success) return invalid(parsed.error.issues);
      const rendered = await services.invoke('documents.render', parsed.data);
      if (!rendered.ok) return rendered;
      const doc = rendered.data as MethodOutput<'documents.render'>;
      const bytes = Buffer.from(doc.base64, 'base64');

      const dialogOptions: SaveDialogOptions = {
        defaultPath: path.join(defaultFolder(options.getPath), safeFileName(doc.fileName)),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = parentOf(sender);
      const choice = parent
        ? await dialog.showSaveDialog(parent, dialogOptions)
        : await dialog.showSaveDialog(dialogOptions);
      if (choice.canceled || !choice.filePath) return ok({ saved: false });

      try {
        await writeAtomically(fs, choice.filePath, bytes);
      } catch (error) {
        console.error('Engagement Desk: could not write the PDF:', error);
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            reason: 'DOCUMENT_WRITE_FAILED',
            message: 'The file could not be written there.',
            issues: [],
          },
        };
      }
      return ok({ saved: true, path: choice.filePath, byteLength: bytes.byteLength });
    },

    async 'documents.exportInvoices.chooseFolder'(input, { sender }) {
      const parsed = contract['documents.exportInvoices.chooseFolder'].input.safeParse(input ?? {});
      if (!parsed.success) return invalid(parsed.error.issues);
      const dialogOptions: OpenDialogOptions = {
        defaultPath: defaultFolder(options.getPath, ['documents', 'downloads', 'home']),
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      };
      const parent = parentOf(sender);
      const choice = parent
        ? await dialog.showOpenDialog(parent, dialogOptions)
        : await dialog.showOpenDialog(dialogOptions);
      const folder = choice.filePaths[0];
      if (choice.canceled || !folder) return ok({ started: false });

      const started = await services.invoke('documents.exportInvoices.start', {
        range: parsed.data,
        folder,
      });
      if (!started.ok) return started;
      return ok({ started: true, job: started.data });
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
export function safeFileName(suggested: string): string {
  const base = Array.from(suggested, (ch) =>
    ch.charCodeAt(0) < 0x20 || '/\\:*?"<>|'.includes(ch) ? ' ' : ch,
  )
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const name = base.length > 0 ? base : 'Document.pdf';
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

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
