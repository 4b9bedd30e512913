import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BaseWindow, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { hostMethodNames, type MethodName } from '../../core/api/contract';
import type { ApiResult } from '../../core/api/errors';
import {
  createOsMethods,
  safeFileName,
  writeAtomically,
  type OsDialog,
  type OsFileSystem,
  type OsMethodsOptions,
} from './os-methods';

const INVOICE_ID = '01890f5e-3c5a-7d4e-8f00-0000000000a1';
const PDF = Buffer.from('%PDF-1.7\n% a tiny stand-in\n%%EOF\n');
const sender = { id: 1 } as unknown as WebContents;
const parentWindow = { id: 'parent' } as unknown as BaseWindow;

const rendered = (fileName = 'Invoice 2026-0001 Acme GmbH.pdf') => ({
  ok: true as const,
  data: {
    kind: 'invoice',
    language: 'en',
    fileName,
    mimeType: 'application/pdf',
    base64: PDF.toString('base64'),
    byteLength: PDF.byteLength,
    pageCount: 1,
  },
});

const job = (folder: string) => ({
  jobId: '01890f5e-3c5a-7d4e-8f00-0000000000b2',
  state: 'running',
  done: 0,
  total: 3,
  folder,
  summaryFile: null,
  error: null,
  startedAt: '2026-11-21T08:00:00.000Z',
  finishedAt: null,
});

let dir: string;
let services: { invoke: Mock<(method: MethodName, input: unknown) => Promise<ApiResult<unknown>>> };
let dialog: { showSaveDialog: Mock; showOpenDialog: Mock };
let getPath: Mock<OsMethodsOptions['getPath']>;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(tmpdir(), 'ed-os-methods-'));
  services = { invoke: vi.fn(async () => rendered()) };
  dialog = {
    showSaveDialog: vi.fn(async () => ({ canceled: true })),
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
  };
  getPath = vi.fn((name: string) => {
    if (name === 'downloads') return path.join(dir, 'Downloads');
    if (name === 'documents') return path.join(dir, 'Documents');
    throw new Error(`Failed to get '${name}' path`);
  });
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function methods(overrides: Partial<OsMethodsOptions> = {}) {
  return createOsMethods({
    services,
    dialog: dialog as unknown as OsDialog,
    getPath,
    fs: fsp,
    windowFor: () => parentWindow,
    ...overrides,
  });
}

describe('os methods', () => {
  it('answers every host method of the contract', () => {
    expect(Object.keys(methods()).sort()).toEqual([...hostMethodNames].sort());
  });

  describe('documents.save', () => {
    it('renders, asks where to save (Downloads, the suggested name, PDF only), writes the bytes', async () => {
      const target = path.join(dir, 'chosen.pdf');
      dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
      const result = await methods()['documents.save'](
        { kind: 'invoice', id: INVOICE_ID, language: 'zh-CN' },
        { sender },
      );
      expect(services.invoke).toHaveBeenCalledWith('documents.render', {
        kind: 'invoice',
        id: INVOICE_ID,
        language: 'zh-CN',
      });
      expect(dialog.showSaveDialog).toHaveBeenCalledWith(
        parentWindow,
        expect.objectContaining({
          defaultPath: path.join(dir, 'Downloads', 'Invoice 2026-0001 Acme GmbH.pdf'),
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        }),
      );
      expect(result).toEqual({
        ok: true,
        data: { saved: true, path: target, byteLength: PDF.byteLength },
      });
      expect(fs.readFileSync(target)).toEqual(PDF);
      // Nothing but the file itself is left behind.
      expect(fs.readdirSync(dir)).toEqual(['chosen.pdf']);
    });

    it('falls back to Documents where there is no Downloads folder, and to no parent window', async () => {
      getPath.mockImplementation((name) => {
        if (name === 'documents') return '/home/me/Documents';
        throw new Error('no such folder');
      });
      await methods({ windowFor: () => null })['documents.save'](
        { kind: 'proposal', engagementId: INVOICE_ID },
        { sender },
      );
      expect(dialog.showSaveDialog).toHaveBeenCalledWith(
        expect.objectContaining({
          defaultPath: path.join('/home/me/Documents', 'Invoice 2026-0001 Acme GmbH.pdf'),
        }),
      );
    });

    it('answers saved:false and writes nothing when the user cancels', async () => {
      const result = await methods()['documents.save'](
        { kind: 'invoice', id: INVOICE_ID },
        { sender },
      );
      expect(result).toEqual({ ok: true, data: { saved: false } });
      expect(fs.readdirSync(dir)).toEqual([]);
    });

    it('replaces an existing file only once the new one is complete', async () => {
      const target = path.join(dir, 'existing.pdf');
      fs.writeFileSync(target, 'old');
      dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
      await methods()['documents.save']({ kind: 'invoice', id: INVOICE_ID }, { sender });
      expect(fs.readFileSync(target)).toEqual(PDF);
    });

    it('passes a render error through as the typed result and shows no dialog', async () => {
      const failure = {
        ok: false as const,
        error: {
          code: 'NOT_FOUND' as const,
          reason: 'INVOICE_NOT_FOUND',
          message: 'x',
          issues: [],
        },
      };
      services.invoke.mockResolvedValueOnce(failure);
      const result = await methods()['documents.save'](
        { kind: 'invoice', id: INVOICE_ID },
        { sender },
      );
      expect(result).toEqual(failure);
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    });

    it.each([
      [{ kind: 'invoice' }],
      [{ kind: 'invoice', id: INVOICE_ID, path: '/etc/passwd' }],
      [{ kind: 'spreadsheet', id: INVOICE_ID }],
      [null],
      ['invoice'],
    ])('refuses the malformed input %j before rendering', async (input) => {
      const result = await methods()['documents.save'](input, { sender });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(services.invoke).not.toHaveBeenCalled();
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    });

    it('keeps the suggested name inside the default folder', async () => {
      services.invoke.mockResolvedValueOnce(rendered('../../.bashrc'));
      await methods()['documents.save']({ kind: 'invoice', id: INVOICE_ID }, { sender });
      const { defaultPath } = dialog.showSaveDialog.mock.calls[0]![1] as { defaultPath: string };
      expect(path.dirname(defaultPath)).toBe(path.join(dir, 'Downloads'));
      expect(path.basename(defaultPath)).toMatch(/\.pdf$/);
    });

    it('answers a typed error and leaves no temp file when writing fails', async () => {
      const target = path.join(dir, 'out.pdf');
      dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
      const failingFs: OsFileSystem = {
        writeFile: (file, data, options) => fsp.writeFile(file, data, options),
        rename: async () => {
          throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        },
        rm: (file, options) => fsp.rm(file, options),
      };
      vi.spyOn(console, 'error').mockImplementation(() => {});
      const result = await methods({ fs: failingFs })['documents.save'](
        { kind: 'invoice', id: INVOICE_ID },
        { sender },
      );
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL', reason: 'DOCUMENT_WRITE_FAILED' },
      });
      expect(fs.readdirSync(dir)).toEqual([]);
    });
  });

  describe('documents.exportInvoices.chooseFolder', () => {
    const range = { from: '2026-10-01', to: '2026-10-31' };

    it('asks for a folder (which may be created), then starts the internal export there', async () => {
      const folder = path.join(dir, 'October');
      dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
      services.invoke.mockResolvedValueOnce({ ok: true, data: job(folder) });
      const result = await methods()['documents.exportInvoices.chooseFolder'](range, { sender });
      expect(dialog.showOpenDialog).toHaveBeenCalledWith(
        parentWindow,
        expect.objectContaining({
          properties: expect.arrayContaining(['openDirectory', 'createDirectory']),
        }),
      );
      expect(services.invoke).toHaveBeenCalledWith('documents.exportInvoices.start', {
        range: { ...range, includeCreditNotes: true },
        folder,
      });
      expect(result).toEqual({ ok: true, data: { started: true, job: job(folder) } });
    });

    it('answers started:false and starts nothing when the user cancels', async () => {
      const result = await methods()['documents.exportInvoices.chooseFolder'](range, { sender });
      expect(result).toEqual({ ok: true, data: { started: false } });
      expect(services.invoke).not.toHaveBeenCalled();
    });

    it('refuses a range that ends before it starts, and a folder smuggled in by the page', async () => {
      const backwards = await methods()['documents.exportInvoices.chooseFolder'](
        { from: '2026-10-31', to: '2026-10-01' },
        { sender },
      );
      expect(backwards).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      const smuggled = await methods()['documents.exportInvoices.chooseFolder'](
        { ...range, folder: '/etc' },
        { sender },
      );
      expect(smuggled).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(dialog.showOpenDialog).not.toHaveBeenCalled();
      expect(services.invoke).not.toHaveBeenCalled();
    });

    it('passes the services refusal through', async () => {
      dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [dir] });
      const failure = {
        ok: false as const,
        error: { code: 'CONFLICT' as const, reason: 'EXPORT_RUNNING', message: 'x', issues: [] },
      };
      services.invoke.mockResolvedValueOnce(failure);
      const result = await methods()['documents.exportInvoices.chooseFolder'](range, { sender });
      expect(result).toEqual(failure);
    });
  });
});

describe('safeFileName', () => {
  it.each([
    ['Invoice 2026-0001 Acme GmbH.pdf', 'Invoice 2026-0001 Acme GmbH.pdf'],
    ['发票 2026-0001 上海云杉.pdf', '发票 2026-0001 上海云杉.pdf'],
    ['a/b\\c:d.pdf', 'a b c d.pdf'],
    ['..', 'Document.pdf'],
    ['report', 'report.pdf'],
    ['', 'Document.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });
});

describe('writeAtomically', () => {
  it('never leaves a partial file under the destination name', async () => {
    const target = path.join(dir, 'x.pdf');
    const seen: string[] = [];
    const spy: OsFileSystem = {
      writeFile: async (file, data, options) => {
        seen.push(`write ${path.basename(file)}`);
        expect(path.dirname(file)).toBe(dir);
        expect(file).not.toBe(target);
        await fsp.writeFile(file, data, options);
      },
      rename: async (from, to) => {
        seen.push(`rename → ${path.basename(to)}`);
        await fsp.rename(from, to);
      },
      rm: (file, options) => fsp.rm(file, options),
    };
    await writeAtomically(spy, target, PDF);
    expect(seen).toEqual([
      expect.stringMatching(/^write \.x\.pdf\.[0-9a-f]+\.tmp$/),
      'rename → x.pdf',
    ]);
    expect(fs.readFileSync(target)).toEqual(PDF);
  });
});
