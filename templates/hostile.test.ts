/**
 * Hostile content in every free-text field: a 10,000-character description, a 200-character
 * word, emoji, Arabic and Hebrew, markup and template syntax, control characters. Documents
 * must render, print markup literally, keep every word inside the page, and stay a sane
 * length.
 */
import { describe, expect, it } from 'vitest';
import type { Locale } from '../core/api';
import {
  contractModel,
  creditNoteModel,
  invoiceModel,
  proposalModel,
  reportModel,
  slaReportModel,
} from './fixtures';
import { printable } from './format';
import { renderDocument, type DocumentModel } from './index';
import { pdfLayoutText, pdfRawText, pdfWordBoxes, squash } from './testing';

const LONG_WORD = 'Supercalifragilistic'.repeat(10); // 200 characters, no break opportunity
const MARKUP = '<script>alert(1)</script> {{x}} ${y} <b>bold</b> &amp; %s';
const HOSTILE = `${MARKUP} ${LONG_WORD} émoji 😀👍🏽🇨🇳 مرحبا بالعالم שלום עולם \u0000\u0001\u0007\u001B[31m\u202E\uFEFF end`;
const TEN_K =
  `${'Lorem ipsum dolor sit amet, 华东零售 consectetur adipiscing elit. '.repeat(160)}`.slice(
    0,
    10_000,
  );

/** Replaces every string field of an object tree (except ids, codes, dates) with `value`. */
function poison<T>(value: T, text: string, keep: ReadonlySet<string>): T {
  if (Array.isArray(value)) return value.map((v) => poison(v, text, keep)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = keep.has(k) ? v : typeof v === 'string' ? text : poison(v, text, keep);
    }
    return out as T;
  }
  return value;
}

/** Fields with a format the schema enforces (ids, dates, codes, enums, decimals, colours). */
const STRUCTURED = new Set([
  'id',
  'clientId',
  'engagementId',
  'invoiceId',
  'clauseId',
  'milestoneId',
  'currency',
  'issueDate',
  'dueDate',
  'supplyDate',
  'date',
  'plannedDate',
  'startDate',
  'endDate',
  'createdAt',
  'updatedAt',
  'issuedAt',
  'start',
  'end',
  'status',
  'displayStatus',
  'kind',
  'taxMode',
  'method',
  'source',
  'quantity',
  'taxRatePercent',
  'percent',
  'language',
  'generatedOn',
  'accentColor',
  'logo',
  'mimeType',
  'base64',
  'metric',
  'unit',
  'direction',
  'target',
  'below',
  'above',
  'timeZone',
  'window',
  'serviceHours',
  'percentileMethod',
  'supportPriority',
  'perPeriodCapPercent',
  'liabilityCapPercent',
  'impact',
  'category',
  'key',
  'period',
  'month',
  'from',
  'to',
  'measured',
  'creditNoteStatus',
  'exclusionKind',
  'type',
  'stage',
  'basis',
  'documentLanguage',
  'defaultCurrency',
  'proposalValidUntil',
  'validUntil',
  'claimBy',
  'selectedIds',
  'debtItemIds',
  'rateMode',
  'distribution',
]);

function hostile(doc: DocumentModel, text: string): DocumentModel {
  return { kind: doc.kind, model: poison(doc.model, text, STRUCTURED) } as DocumentModel;
}

const docs = (lang: Locale): DocumentModel[] => [
  { kind: 'invoice', model: invoiceModel(lang) },
  { kind: 'credit-note', model: creditNoteModel(lang) },
  { kind: 'proposal', model: proposalModel(lang) },
  { kind: 'contract', model: contractModel(lang) },
  { kind: 'report', model: reportModel(lang, 12) },
  { kind: 'sla-report', model: slaReportModel(lang) },
];

describe('printable', () => {
  it('drops control characters and bidi overrides, keeps line feeds', () => {
    expect(printable('a\u0000b\u0007c\nd\u202Ee\uFEFFf\u001B')).toBe('abc\ndef');
    expect(printable('tab\there\r\nnext')).toBe('tab here\nnext');
  });
  it('turns emoji into □ and drops their modifiers and joiners', () => {
    expect(printable('ok 👍🏽 👨‍👩‍👧 ✅')).toBe('ok □ □□□ □');
  });
  it('prints markup and placeholders literally', () => {
    expect(printable(MARKUP)).toBe(MARKUP);
  });
  it('straightens curly quotes next to Latin text only', () => {
    expect(printable('the client’s “plan”')).toBe('the client\'s "plan"');
    expect(printable('项目“门店系统”')).toBe('项目“门店系统”');
  });
});

describe.each(['en', 'zh-CN'] as const)('hostile content in %s', (lang) => {
  it.each(docs(lang).map((d) => [d.kind, d] as const))(
    '%s renders, prints markup literally and keeps words on the page',
    async (_kind, doc) => {
      const pdf = await renderDocument(hostile(doc, HOSTILE));
      expect(pdf.pageCount).toBeGreaterThan(0);
      const raw = squash(pdfRawText(pdf.bytes));
      expect(raw).toContain(squash('<script>alert(1)</script>'));
      expect(raw).toContain('{{x}}');
      expect(raw).toContain(squash(MARKUP));
      // the long word is printed in full (wrapped in pieces), never cut off
      expect(raw).toContain(LONG_WORD);
      const layout = pdfLayoutText(pdf.bytes);
      // eslint-disable-next-line no-control-regex
      expect(layout).not.toMatch(/[\u0000-\u0008\u000E-\u001F]/);
      for (const box of pdfWordBoxes(pdf.bytes)) {
        expect(box.xMax, `"${box.word}" on page ${box.page}`).toBeLessThanOrEqual(
          box.pageWidth - 49.5, // the 50 pt right margin
        );
        expect(box.xMin).toBeGreaterThanOrEqual(49.5);
      }
    },
  );

  it('a 10,000-character description wraps onto a few pages', async () => {
    const model = invoiceModel(lang);
    model.invoice.lines[0]!.description = TEN_K;
    model.invoice.notes = TEN_K;
    const pdf = await renderDocument({ kind: 'invoice', model });
    expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    expect(pdf.pageCount).toBeLessThanOrEqual(12);
    expect(squash(pdfRawText(pdf.bytes))).toContain(squash(TEN_K.slice(0, 400)));
  });

  it('a logo that is not an image is left out instead of failing the document', async () => {
    const model = invoiceModel(lang);
    model.ctx.branding.logo = { mimeType: 'image/png', base64: 'AAAAAAAA' };
    model.invoice.seller = { ...model.invoice.seller, logo: null };
    const pdf = await renderDocument({ kind: 'invoice', model });
    expect(squash(pdfRawText(pdf.bytes))).toContain(model.invoice.number!);
  });
});
