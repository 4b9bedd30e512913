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

/** A file system whose rename fails: the new file never takes the chosen name. */
const failingRenameFs: OsFileSystem = {
  writeFile: (file, data, options) => fsp.writeFile(file, data, options),
  rename: async () => {
    throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
  },
  rm: (file, options) => fsp.rm(file, options),
};

/**
 * The save dialog was opened on the window, in Downloads with `suggested` and one `filter`;
 * the chosen `target` holds exactly `content` and nothing else is left in the folder.
 */
function expectSavedAs(
  result: ApiResult<unknown>,
  target: string,
  suggested: string,
  filter: { name: string; extensions: string[] },
  content: Buffer,
) {
  expect(dialog.showSaveDialog).toHaveBeenCalledWith(
    parentWindow,
    expect.objectContaining({
      defaultPath: path.join(dir, 'Downloads', suggested),
      filters: [filter],
    }),
  );
  expect(result).toEqual({
    ok: true,
    data: { saved: true, path: target, byteLength: content.byteLength },
  });
  expect(fs.readFileSync(target)).toEqual(content);
  // Nothing but the file itself is left behind.
  expect(fs.readdirSync(dir)).toEqual([path.basename(target)]);
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
      expectSavedAs(
        result,
        target,
        'Invoice 2026-0001 Acme GmbH.pdf',
        { name: 'PDF', extensions: ['pdf'] },
        PDF,
      );
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
      vi.spyOn(console, 'error').mockImplementation(() => {});
      const result = await methods({ fs: failingRenameFs })['documents.save'](
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

  describe('charts.save', () => {
    const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>Pipeline 管道</text></svg>';
    const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

    it('asks where to save (Downloads, the suggested name + extension, one filter), writes the bytes', async () => {
      const target = path.join(dir, 'chosen.svg');
      dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
      const result = await methods()['charts.save'](
        { name: 'Pipeline by stage', format: 'svg', base64: Buffer.from(SVG).toString('base64') },
        { sender },
      );
      expectSavedAs(
        result,
        target,
        'Pipeline by stage.svg',
        { name: 'SVG image', extensions: ['svg'] },
        Buffer.from(SVG),
      );
      // Nothing to render: the services are not involved.
      expect(services.invoke).not.toHaveBeenCalled();
    });

    it('decodes a PNG byte for byte, with a PNG-only filter', async () => {
      const target = path.join(dir, 'chart.png');
      dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
      await methods()['charts.save'](
        { name: '现金流入', format: 'png', base64: PNG.toString('base64') },
        { sender },
      );
      expect(dialog.showSaveDialog).toHaveBeenCalledWith(
        parentWindow,
        expect.objectContaining({
          defaultPath: path.join(dir, 'Downloads', '现金流入.png'),
          filters: [{ name: 'PNG image', extensions: ['png'] }],
        }),
      );
      expect(fs.readFileSync(target)).toEqual(PNG);
    });

    it('answers saved:false and writes nothing when the user cancels', async () => {
      const result = await methods()['charts.save'](
        { name: 'Aging', format: 'png', base64: PNG.toString('base64') },
        { sender },
      );
      expect(result).toEqual({ ok: true, data: { saved: false } });
      expect(fs.readdirSync(dir)).toEqual([]);
    });

    it('keeps the suggested name inside the default folder', async () => {
      await methods()['charts.save'](
        { name: '../../.bashrc', format: 'svg', base64: Buffer.from(SVG).toString('base64') },
        { sender },
      );
      const { defaultPath } = dialog.showSaveDialog.mock.calls[0]![1] as { defaultPath: string };
      expect(path.dirname(defaultPath)).toBe(path.join(dir, 'Downloads'));
      expect(path.basename(defaultPath)).toMatch(/\.svg$/);
      expect(path.basename(defaultPath)).not.toContain('/');
    });

    it.each([
      [{ name: 'x', format: 'pdf', base64: 'AAAA' }],
      [{ name: '', format: 'png', base64: 'AAAA' }],
      [{ name: 'x', format: 'png', base64: 'not base64!' }],
      [{ name: 'x', format: 'png', base64: 'AAAA', path: '/etc/passwd' }],
      [null],
    ])('refuses the malformed input %j before any dialog', async (input) => {
      const result = await methods()['charts.save'](input, { sender });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    });

    it('answers a typed error and leaves no temp file when writing fails', async () => {
      dialog.showSaveDialog.mockResolvedValueOnce({
        canceled: false,
        filePath: path.join(dir, 'out.png'),
      });
      vi.spyOn(console, 'error').mockImplementation(() => {});
      const result = await methods({ fs: failingRenameFs })['charts.save'](
        { name: 'Aging', format: 'png', base64: PNG.toString('base64') },
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

describe('safeFileName for charts', () => {
  it.each([
    ['Pipeline by stage', 'svg', 'Pipeline by stage.svg'],
    ['Cash-in.PNG', 'png', 'Cash-in.PNG'],
    ['营收 2026', 'png', '营收 2026.png'],
    ['..', 'svg', 'Chart.svg'],
    ['a/b', 'png', 'a b.png'],
  ])('%j as %s → %j', (input, extension, expected) => {
    expect(safeFileName(input, extension, 'Chart')).toBe(expected);
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

describe('workspace file methods', () => {
  const DIGEST = 'b'.repeat(64);
  const previewData = { digest: DIGEST, tables: [], conflicts: [], conflictsTotal: 0 };
  const okResult = (data: unknown) => ({ ok: true as const, data });

  it('workspace.export: the services give the text, the save dialog the place; written whole', async () => {
    const json =
      '{"format":"engagement-desk-workspace","data":{"clients":[{"display_name":"上海"}]}}';
    services.invoke.mockResolvedValueOnce(
      okResult({ fileName: 'engagement-desk-2026-11-21.json', json, rows: 1 }),
    );
    const target = path.join(dir, 'ws.json');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const result = await methods()['workspace.export']({}, { sender });
    expect(services.invoke).toHaveBeenCalledWith('workspace.exportJson', {});
    expectSavedAs(
      result,
      target,
      'engagement-desk-2026-11-21.json',
      { name: 'JSON', extensions: ['json'] },
      Buffer.from(json),
    );
  });

  it('workspace.export: cancelling writes nothing; a path from the page is refused', async () => {
    services.invoke.mockResolvedValueOnce(okResult({ fileName: 'x.json', json: '{}', rows: 0 }));
    expect(await methods()['workspace.export']({}, { sender })).toEqual({
      ok: true,
      data: { saved: false },
    });
    expect(fs.readdirSync(dir)).toEqual([]);
    const smuggled = await methods()['workspace.export']({ path: '/etc/passwd' }, { sender });
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('workspace.exportCsv: writes every CSV into a new sub-folder of the chosen one, never over another', async () => {
    const csv = {
      folderName: 'engagement-desk-csv-2026-11-21',
      files: [
        { name: 'clients.csv', text: '\uFEFFid\r\n', rows: 0 },
        { name: 'invoices.csv', text: '\uFEFFid\r\n', rows: 0 },
      ],
    };
    services.invoke.mockResolvedValue(okResult(csv));
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [dir] });
    const first = await methods()['workspace.exportCsv']({}, { sender });
    const second = await methods()['workspace.exportCsv']({}, { sender });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      parentWindow,
      expect.objectContaining({ properties: expect.arrayContaining(['openDirectory']) }),
    );
    const folder = path.join(dir, csv.folderName);
    expect(first).toEqual({ ok: true, data: { saved: true, folder, files: 2 } });
    expect(second).toEqual({ ok: true, data: { saved: true, folder: `${folder}-2`, files: 2 } });
    expect(fs.readdirSync(folder).sort()).toEqual(['clients.csv', 'invoices.csv']);
    expect(fs.readFileSync(path.join(`${folder}-2`, 'clients.csv'), 'utf8')).toBe('\uFEFFid\r\n');
  });

  it('workspace.exportCsv: cancelling asks the services for nothing', async () => {
    expect(await methods()['workspace.exportCsv']({}, { sender })).toEqual({
      ok: true,
      data: { saved: false },
    });
    expect(services.invoke).not.toHaveBeenCalled();
  });

  it('workspace.import.choose: opens a JSON file, previews its text (BOM dropped), remembers it for apply', async () => {
    const file = path.join(dir, 'from-laptop.json');
    fs.writeFileSync(file, '\uFEFF{"format":"engagement-desk-workspace"}');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    services.invoke.mockResolvedValueOnce(okResult(previewData));
    const os = methods();
    const chosen = await os['workspace.import.choose']({}, { sender });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      parentWindow,
      expect.objectContaining({
        properties: ['openFile'],
        filters: [{ name: 'JSON', extensions: ['json'] }],
      }),
    );
    expect(services.invoke).toHaveBeenCalledWith('workspace.import.preview', {
      text: '{"format":"engagement-desk-workspace"}',
    });
    expect(chosen).toEqual({
      ok: true,
      data: {
        chosen: true,
        fileName: 'from-laptop.json',
        byteLength: fs.statSync(file).size,
        preview: previewData,
      },
    });

    // Apply reads the same file again and lets the services check it is unchanged.
    services.invoke.mockResolvedValueOnce(okResult({ inserted: 3 }));
    const applied = await os['workspace.import.applyChosen'](
      { digest: DIGEST, policy: 'take-theirs' },
      { sender },
    );
    expect(services.invoke).toHaveBeenLastCalledWith('workspace.import.apply', {
      text: '{"format":"engagement-desk-workspace"}',
      policy: 'take-theirs',
      expectedDigest: DIGEST,
    });
    expect(applied).toEqual(okResult({ inserted: 3 }));
    // Once applied, the choice is spent: a second apply needs a new choice.
    const again = await os['workspace.import.applyChosen']({ digest: DIGEST }, { sender });
    expect(again).toMatchObject({ ok: false, error: { reason: 'IMPORT_NOT_CHOSEN' } });
  });

  it('workspace.import.choose: refuses a file over 200 MB before reading it', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/big.json'] });
    const readFile = vi.fn();
    const result = await methods({
      files: { stat: async () => ({ size: 200 * 1024 * 1024 + 1 }), readFile, mkdir: vi.fn() },
    })['workspace.import.choose']({}, { sender });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        reason: 'IMPORT_FILE_TOO_LARGE',
        details: { byteLength: 200 * 1024 * 1024 + 1, limit: 200 * 1024 * 1024 },
      },
    });
    expect(readFile).not.toHaveBeenCalled();
    expect(services.invoke).not.toHaveBeenCalled();
  });

  it('workspace.import.choose: a cancelled dialog, an unreadable file and a refused preview', async () => {
    expect(await methods()['workspace.import.choose']({}, { sender })).toEqual({
      ok: true,
      data: { chosen: false },
    });
    dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: [path.join(dir, 'missing.json')],
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await methods()['workspace.import.choose']({}, { sender })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', reason: 'IMPORT_READ_FAILED' },
    });
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, 'not json');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const refusal = {
      ok: false as const,
      error: { code: 'VALIDATION' as const, reason: 'IMPORT_NOT_JSON', message: 'x', issues: [] },
    };
    services.invoke.mockResolvedValueOnce(refusal);
    const os = methods();
    expect(await os['workspace.import.choose']({}, { sender })).toEqual(refusal);
    // Nothing was remembered: apply has nothing to apply.
    expect(await os['workspace.import.applyChosen']({ digest: DIGEST }, { sender })).toMatchObject({
      ok: false,
      error: { reason: 'IMPORT_NOT_CHOSEN' },
    });
  });

  it('workspace.import.applyChosen: never takes a path or a text from the page', async () => {
    for (const input of [
      { digest: DIGEST, file: '/etc/passwd' },
      { digest: DIGEST, text: '{}' },
      { digest: 'x' },
      { digest: DIGEST, policy: 'merge-somehow' },
    ]) {
      const result = await methods()['workspace.import.applyChosen'](input, { sender });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(services.invoke).not.toHaveBeenCalled();
  });
});
