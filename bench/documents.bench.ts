import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { formatMoney } from '../core/money';
import { invoiceModel, reportModel } from '../templates/fixtures';
import { defaultFontFiles, ensureFonts, renderDocument } from '../templates/index';
import type { DebtReportModel, InvoiceModel } from '../templates/model';
import { benchDataDir } from './data/services';
import { percentile, type BenchCase, type MeasureCase } from './harness';

/**
 * PDF rendering with pdfmake and Noto Sans SC (fonts loaded once, outside the timings), and
 * for comparison the approach many invoicing apps take: an HTML invoice printed by headless
 * Chromium (`--print-to-pdf`, one process per document, the same font via @font-face).
 * The harness records each case's figures on its own, so this file also keeps its own samples
 * for the Chromium / pdfmake ratio (a measurement, taken once both have run).
 */

const run = promisify(execFile);
const CHROMIUM = '/usr/bin/chromium';
/** About 50 A4 pages of ranked items (checked in setup). */
const REPORT_ITEMS = 680;

const samples = new Map<string, number[]>();
function timed<T>(name: string, fn: () => Promise<T>): () => Promise<T> {
  return async () => {
    const start = performance.now();
    const result = await fn();
    const list = samples.get(name) ?? [];
    list.push(performance.now() - start);
    samples.set(name, list);
    return result;
  };
}

/** Median of the timed runs (the first `warmup` samples are the harness's warm-up runs). */
const median = (values: number[], warmup: number) =>
  percentile(
    values.slice(warmup).sort((a, b) => a - b),
    0.5,
  );

let invoice: InvoiceModel;
let report: DebtReportModel;
let htmlFile = '';
let pdfFile = '';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The same invoice as HTML: parties, lines, tax summary and totals. */
function invoiceHtml(model: InvoiceModel): string {
  const inv = model.invoice;
  const m = (minor: number) => formatMoney({ amountMinor: minor, currency: inv.currency }, 'en');
  const font = pathToFileURL(defaultFontFiles().regular).href;
  const bold = pathToFileURL(defaultFontFiles().bold).href;
  const party = (title: string, p: typeof inv.buyer) =>
    `<div class="party"><small>${title}</small><b>${escape(p.name)}</b><br>${escape(
      p.legalName,
    )}<br>${escape(p.address).replace(/\n/g, '<br>')}<br><small>Tax ID ${escape(p.taxId)}</small></div>`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@font-face { font-family: Noto; src: url("${font}"); }
@font-face { font-family: Noto; font-weight: bold; src: url("${bold}"); }
@page { size: A4; margin: 30mm 18mm 22mm 18mm; }
body { font: 9pt/1.3 Noto, sans-serif; color: #1f2328; }
h1 { color: #1f6feb; text-align: right; font-size: 16pt; margin: 0; }
.parties { display: flex; gap: 14pt; margin: 12pt 0; } .party { flex: 1; }
small { display: block; color: #5f6b7a; font-size: 7.5pt; }
table { width: 100%; border-collapse: collapse; } th { background: #f3f5f8; text-align: left; }
td, th { padding: 3.5pt 4pt; border-bottom: 0.4pt solid #d5dae1; } .r { text-align: right; }
thead { display: table-header-group; } tr { break-inside: avoid; }
.totals { width: 250pt; margin-left: auto; margin-top: 8pt; }
</style></head><body>
<h1>Invoice</h1><div class="r">${escape(inv.number ?? '')}</div>
<div class="parties">${party('From', inv.seller)}${party('Bill to', inv.buyer)}
<div class="party"><small>Issue date</small>${inv.issueDate}<small>Due date</small>${inv.dueDate}</div></div>
<table><thead><tr><th>#</th><th>Description</th><th class="r">Qty</th><th>Unit</th><th class="r">Unit price</th><th class="r">Tax</th><th class="r">Amount</th></tr></thead><tbody>
${inv.lines
  .map(
    (l) =>
      `<tr><td>${l.position}</td><td>${escape(l.description)}</td><td class="r">${l.quantity}</td><td>${escape(
        l.unit,
      )}</td><td class="r">${m(l.unitPriceMinor)}</td><td class="r">${l.taxRatePercent}%</td><td class="r">${m(
        l.amountMinor,
      )}</td></tr>`,
  )
  .join('\n')}
</tbody></table>
<table class="totals"><tr><td>Subtotal</td><td class="r">${m(inv.subtotalMinor)}</td></tr>
<tr><td>Tax</td><td class="r">${m(inv.taxMinor)}</td></tr>
<tr><th>Total</th><th class="r">${m(inv.totalMinor)}</th></tr></table>
<p><small>Bank details</small>${escape(inv.seller.bankDetails).replace(/\n/g, '<br>')}</p>
</body></html>`;
}

/** A one-page invoice: no payments or credit notes listed. */
function onePageInvoice(): InvoiceModel {
  return invoiceModel('en', { payments: [], credits: [], depositMinor: 0 });
}

export const benches: BenchCase[] = [
  {
    name: 'pdf: one-page invoice',
    group: 'pdf',
    setup: async () => {
      ensureFonts();
      invoice = onePageInvoice();
      const first = await renderDocument({ kind: 'invoice', model: invoice });
      if (first.pageCount !== 1) throw new Error(`expected 1 page, got ${first.pageCount}`);
    },
    fn: timed('invoice', async () => {
      const pdf = await renderDocument({ kind: 'invoice', model: invoice });
      return pdf.bytes.length;
    }),
    iterations: 30,
    warmup: 5,
  },
  {
    name: 'pdf: 50-page debt report',
    group: 'pdf',
    setup: async () => {
      ensureFonts();
      report = reportModel('en', REPORT_ITEMS);
      const pdf = await renderDocument({ kind: 'report', model: report });
      const reportPages = pdf.pageCount;
      if (reportPages < 45 || reportPages > 60) {
        throw new Error(`the report should be about 50 pages, it has ${reportPages}`);
      }
      console.log(
        `(${REPORT_ITEMS} ranked items: ${reportPages} pages, ${pdf.bytes.length} bytes)`,
      );
    },
    fn: timed('report', async () => {
      const pdf = await renderDocument({ kind: 'report', model: report });
      return pdf.pageCount;
    }),
    iterations: 8,
    warmup: 1,
  },
  {
    name: 'pdf: chromium --print-to-pdf equivalent HTML invoice',
    group: 'pdf',
    setup: () => {
      const dir = benchDataDir('pdf');
      htmlFile = path.join(dir, 'invoice.html');
      pdfFile = path.join(dir, 'invoice.pdf');
      fs.writeFileSync(htmlFile, invoiceHtml(onePageInvoice()));
    },
    fn: timed('chromium', async () => {
      await run(CHROMIUM, [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-pdf-header-footer',
        `--user-data-dir=${path.join(path.dirname(htmlFile), 'profile')}`,
        `--print-to-pdf=${pdfFile}`,
        pathToFileURL(htmlFile).href,
      ]);
      return fs.statSync(pdfFile).size;
    }),
    iterations: 8,
    warmup: 1,
  },
];

/** The ratio, once both invoice benches above have run (measures run after the benches). */
export const measures: MeasureCase[] = [
  {
    name: 'pdf/chromium print vs pdfmake',
    group: 'pdf',
    measure: () => {
      const pdfmake = samples.get('invoice');
      const chromium = samples.get('chromium');
      if (!pdfmake?.length || !chromium?.length) return [];
      const ratio = median(chromium, 1) / median(pdfmake, 5);
      return [
        {
          name: 'pdf/chromium print vs pdfmake: one-page invoice, ratio of medians',
          value: Math.round(ratio * 10) / 10,
          unit: '×',
        },
      ];
    },
  },
];
