import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportJob } from '../../core/api';
import { words } from '../../templates';
import { pdfText } from '../../test/support/pdf';
import { startTestServices, type TestServices } from '../../test/support/services';
import { makeTempDir } from '../../test/support/temp';
import { billingApi } from '../billing/test-helpers';
import { SUMMARY_COLUMNS } from './export';
import { documentsApi, loadDemo, testClock, type Demo } from './test-helpers';

let services: TestServices;
let api: ReturnType<typeof documentsApi>;
let billing: ReturnType<typeof billingApi>;
let demo: Demo;
let out: { dir: string; cleanup: () => void };
beforeEach(async () => {
  services = await startTestServices({ now: testClock().now });
  api = documentsApi(services);
  billing = billingApi(services);
  demo = await loadDemo(services);
  out = makeTempDir('engagement-desk-export-');
});
afterEach(() => {
  services.dispose();
  out.cleanup();
});

const RANGE = { from: '2026-10-01', to: '2026-11-30' };

async function finished(jobId: string, timeoutMs = 60_000): Promise<ExportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await api.call('documents.exportInvoices.status', { jobId });
    if (job.state !== 'running') return job;
    if (Date.now() > until) throw new Error(`job still running: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function readSummary(folder: string, name = 'summary.csv') {
  const raw = fs.readFileSync(path.join(folder, name));
  expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = raw.toString('utf8').slice(1);
  const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true });
  expect(parsed.meta.fields).toEqual([...SUMMARY_COLUMNS]);
  return { text, rows: parsed.data };
}

/** Exact sum of decimal strings with two places (the test's amounts are all in cents). */
const cents = (values: string[]) => values.reduce((n, v) => n + Math.round(Number(v) * 100), 0);

async function issuedInvoices(count: number, client: string, issueDate = '2026-11-10') {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const draft = await billing.linesInvoice(client);
    ids.push((await billing.issue(draft.id, issueDate)).id);
  }
  return ids;
}

describe('documents.exportInvoices', () => {
  it('counts what a range would export', async () => {
    expect(await api.call('documents.exportInvoices.count', RANGE)).toEqual({
      invoices: 2,
      creditNotes: 1,
    });
    expect(
      await api.call('documents.exportInvoices.count', { ...RANGE, includeCreditNotes: false }),
    ).toEqual({ invoices: 2, creditNotes: 0 });
    expect(
      await api.call('documents.exportInvoices.count', { from: '2026-11-02', to: '2026-11-30' }),
    ).toEqual({ invoices: 0, creditNotes: 1 });
    const error = await api.refuse('documents.exportInvoices.count', {
      from: '2026-12-01',
      to: '2026-11-01',
    });
    expect(error.issues[0]).toMatchObject({ path: ['to'], code: 'EXPORT_END_BEFORE_START' });
  });

  it('writes one PDF per document in its client’s language and a summary equal to the database', async () => {
    const folder = path.join(out.dir, 'new', 'Q4 导出');
    const started = await api.call('documents.exportInvoices.start', { range: RANGE, folder });
    expect(started).toMatchObject({ state: 'running', done: 0, total: 3, folder, error: null });
    const job = await finished(started.jobId);
    expect(job).toMatchObject({ state: 'done', done: 3, total: 3, summaryFile: 'summary.csv' });
    expect(job.finishedAt).not.toBeNull();

    const files = fs.readdirSync(folder).sort();
    const { en, zh } = demo.invoices;
    const note = demo.creditNote;
    expect(files).toEqual(
      [
        `Invoice ${en.number} – Northwind Freight Logistics.pdf`,
        `Credit note ${note.number} – Northwind Freight Logistics.pdf`,
        `发票 ${zh.number} 华东某零售集团.pdf`,
        'summary.csv',
      ].sort(),
    );
    const zhPdf = fs.readFileSync(path.join(folder, `发票 ${zh.number} 华东某零售集团.pdf`));
    expect(zhPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const zhText = pdfText(zhPdf);
    expect(zhText).toContain(zh.number!);
    expect(zhText).toContain('价税合计'); // Chinese: the client's document language

    const { rows } = readSummary(folder);
    expect(rows.map((r) => r.number)).toEqual([zh.number, en.number, note.number]);
    const byNumber = new Map(rows.map((r) => [r.number, r]));
    expect(byNumber.get(zh.number!)).toEqual({
      number: zh.number,
      type: 'invoice',
      issue_date: zh.issueDate,
      due_date: zh.dueDate,
      client: '华东某零售集团',
      client_tax_id: zh.buyer.taxId,
      currency: 'CNY',
      net: (zh.subtotalMinor / 100).toFixed(2),
      tax: (zh.taxMinor / 100).toFixed(2),
      total: (zh.totalMinor / 100).toFixed(2),
      paid: '0.00',
      balance: (zh.balanceMinor / 100).toFixed(2),
      status: 'issued',
      file_name: `发票 ${zh.number} 华东某零售集团.pdf`,
    });
    expect(byNumber.get(note.number)).toMatchObject({
      type: 'credit_note',
      total: (-note.totalMinor / 100).toFixed(2),
      currency: 'EUR',
    });
    for (const row of rows) expect(files).toContain(row.file_name);
    // Per currency, the summary adds up to what the database holds: invoiced less credited.
    const eur = rows.filter((r) => r.currency === 'EUR');
    expect(cents(eur.map((r) => r.total))).toBe(en.totalMinor - note.totalMinor);
    expect(cents(eur.map((r) => r.net))).toBe(en.subtotalMinor - note.subtotalMinor);
    expect(cents(eur.map((r) => r.paid))).toBe(en.paidMinor);
    expect(cents(eur.map((r) => r.balance))).toBe(
      (await api.call('invoices.get', { id: en.id })).balanceMinor,
    );
  });

  it('keeps void invoices in the sequence, marked void, and neutralises formulas in text cells', async () => {
    const evil = await billing.client({
      displayName: '=HYPERLINK("http://x.test","Acme")',
      taxId: '+49 123',
      defaultCurrency: 'JPY',
    });
    const [kept, voided] = await issuedInvoices(2, evil.id);
    await api.call('invoices.void', { id: voided!, reason: 'Wrong client' });
    const job = await finished(
      (
        await api.call('documents.exportInvoices.start', {
          range: { from: '2026-11-10', to: '2026-11-10' },
          folder: out.dir,
        })
      ).jobId,
    );
    expect(job).toMatchObject({ state: 'done', total: 2 });
    const { text, rows } = readSummary(out.dir);
    expect(rows.map((r) => r.status)).toEqual(['issued', 'void']);
    expect(rows[1]).toMatchObject({ net: '0', tax: '0', total: '0', balance: '0' });
    const keptInvoice = await api.call('invoices.get', { id: kept! });
    expect(rows[0]!.total).toBe(String(keptInvoice.totalMinor)); // JPY has no minor digits
    expect(rows[0]!.client).toBe(`'=HYPERLINK("http://x.test","Acme")`);
    expect(rows[0]!.client_tax_id).toBe(`'+49 123`);
    expect(text).not.toMatch(/(^|,)[=+@]/m);
    const voidPdf = pdfText(fs.readFileSync(path.join(out.dir, rows[1]!.file_name)));
    expect(voidPdf).toContain(words('en').invoice.voidBanner);
    // The file name drops what no OS allows in a name.
    expect(rows[0]!.file_name).not.toMatch(/[/\\:*?"<>|]/);
  });

  it('never overwrites: a second export into the same folder picks new names', async () => {
    const first = await finished(
      (await api.call('documents.exportInvoices.start', { range: RANGE, folder: out.dir })).jobId,
    );
    const before = new Map(
      fs.readdirSync(out.dir).map((f) => [f, fs.readFileSync(path.join(out.dir, f))]),
    );
    const second = await finished(
      (await api.call('documents.exportInvoices.start', { range: RANGE, folder: out.dir })).jobId,
    );
    expect(first.summaryFile).toBe('summary.csv');
    expect(second.summaryFile).toBe('summary (2).csv');
    const after = fs.readdirSync(out.dir);
    expect(after).toHaveLength(8);
    for (const [name, bytes] of before)
      expect(fs.readFileSync(path.join(out.dir, name))).toEqual(bytes);
    const { rows } = readSummary(out.dir, 'summary (2).csv');
    expect(rows.every((r) => / \(2\)\.pdf$/.test(r.file_name))).toBe(true);
    for (const row of rows) expect(after).toContain(row.file_name);
  });

  it('answers other calls while it runs, reports progress, and cancel stops after the current document', async () => {
    await issuedInvoices(12, demo.clientIds.en);
    const started = await api.call('documents.exportInvoices.start', {
      range: RANGE,
      folder: out.dir,
    });
    expect(started.total).toBe(15);
    // One export at a time.
    expect(
      await api.refuse('documents.exportInvoices.start', {
        range: RANGE,
        folder: path.join(out.dir, 'second'),
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'EXPORT_ALREADY_RUNNING',
      details: { jobId: started.jobId },
    });
    expect(fs.existsSync(path.join(out.dir, 'second'))).toBe(false);
    // Answered between two documents, long before the export is done.
    const client = await api.call('clients.get', { id: demo.clientIds.zh });
    expect(client.displayName).toBe('华东某零售集团');
    const meanwhile = await api.call('documents.exportInvoices.status', { jobId: started.jobId });
    expect(meanwhile.state).toBe('running');
    expect(meanwhile.done).toBeLessThan(15);
    let job = meanwhile;
    while (job.done < 2) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      job = await api.call('documents.exportInvoices.status', { jobId: started.jobId });
    }
    const cancelling = await api.call('documents.exportInvoices.cancel', { jobId: started.jobId });
    const done = await finished(started.jobId);
    expect(done.state).toBe('cancelled');
    expect(done.done).toBeGreaterThanOrEqual(cancelling.done);
    expect(done.done).toBeLessThanOrEqual(cancelling.done + 1);
    expect(done.summaryFile).toBeNull();
    expect(fs.readdirSync(out.dir).filter((f) => f.endsWith('.pdf'))).toHaveLength(done.done);
    expect(fs.existsSync(path.join(out.dir, 'summary.csv'))).toBe(false);
    // Cancelling a finished job changes nothing.
    expect(await api.call('documents.exportInvoices.cancel', { jobId: started.jobId })).toEqual(
      done,
    );
  });

  it('refuses an empty range, writing nothing', async () => {
    const folder = path.join(out.dir, 'empty');
    expect(
      await api.refuse('documents.exportInvoices.start', {
        range: { from: '2025-01-01', to: '2025-12-31' },
        folder,
      }),
    ).toMatchObject({ code: 'CONFLICT', reason: 'NOTHING_TO_EXPORT' });
    expect(fs.existsSync(folder)).toBe(false);
  });

  it('refuses a folder it cannot use before it starts', async () => {
    const file = path.join(out.dir, 'a-file.txt');
    fs.writeFileSync(file, 'not a folder');
    expect(
      await api.refuse('documents.exportInvoices.start', { range: RANGE, folder: file }),
    ).toMatchObject({ code: 'CONFLICT', reason: 'EXPORT_FOLDER_NOT_A_DIRECTORY' });
    expect(
      await api.refuse('documents.exportInvoices.start', {
        range: RANGE,
        folder: path.join(file, 'inside'),
      }),
    ).toMatchObject({ code: 'CONFLICT', reason: 'EXPORT_FOLDER_NOT_A_DIRECTORY' });
    expect(
      await api.refuse('documents.exportInvoices.start', { range: RANGE, folder: 'relative/dir' }),
    ).toMatchObject({ code: 'VALIDATION', reason: 'EXPORT_FOLDER_NOT_ABSOLUTE' });
    expect(fs.existsSync('relative')).toBe(false);
  });

  it('a folder that becomes unusable fails the job with a stable reason', async () => {
    const folder = path.join(out.dir, 'gone');
    const started = await api.call('documents.exportInvoices.start', { range: RANGE, folder });
    // Before the first document is written (the job yields first), the folder turns into a file.
    fs.rmSync(folder, { recursive: true });
    fs.writeFileSync(folder, 'in the way');
    const job = await finished(started.jobId);
    expect(job.state).toBe('failed');
    expect(job.error?.reason).toBe('EXPORT_FOLDER_NOT_WRITABLE');
    expect(job.error?.message).toContain('could not be written');
    expect(job.done).toBe(0);
  });

  it('NOT_FOUND for a job that does not exist', async () => {
    const jobId = '0196f3a0-0000-7000-8000-00000000beef';
    for (const method of [
      'documents.exportInvoices.status',
      'documents.exportInvoices.cancel',
    ] as const) {
      expect(await api.refuse(method, { jobId })).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'EXPORT_JOB_NOT_FOUND',
      });
    }
  });
});
