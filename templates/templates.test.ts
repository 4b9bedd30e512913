/**
 * "Screen = PDF = database" at template level: every document, in both languages, rendered
 * from a realistic view model and read back with pdftotext. Expected strings are formatted
 * here straight from core/money and literal dates, not through the templates' own helpers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../core/api';
import { chineseUpperAmount, formatMoney } from '../core/money';
import {
  contractModel,
  creditNoteModel,
  invoiceModel,
  proposalModel,
  reportModel,
  slaReportModel,
} from './fixtures';
import { renderDocument, type DocumentModel } from './index';
import { fontsShared } from './render';
import {
  pdfLayoutText,
  pdfPageCount,
  pdfRawText,
  pdfWordBoxes,
  squash,
  type WordBox,
} from './testing';

interface Read {
  layout: string;
  raw: string;
  pages: number;
  pageCount: number;
  /** Left- and rightmost extent of any word on any page. */
  minX: number;
  maxX: number;
}

async function read(doc: DocumentModel): Promise<Read> {
  const pdf = await renderDocument(doc);
  expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  return {
    layout: pdfLayoutText(pdf.bytes),
    raw: squash(pdfRawText(pdf.bytes)),
    pages: pdfPageCount(pdf.bytes),
    pageCount: pdf.pageCount,
    ...extent(pdfWordBoxes(pdf.bytes)),
  };
}

function extent(boxes: WordBox[]): { minX: number; maxX: number } {
  return {
    minX: Math.min(...boxes.map((b) => b.xMin)),
    maxX: Math.max(...boxes.map((b) => b.xMax)),
  };
}

/** A4 with 50 pt side margins: nothing may print outside [50, 545.28]. */
function expectInsideMargins(r: Read) {
  expect(r.minX).toBeGreaterThanOrEqual(49.5);
  expect(r.maxX).toBeLessThanOrEqual(545.8);
}

const money = (minor: number, currency: string, lang: Locale) =>
  formatMoney({ amountMinor: minor, currency }, lang);
const cell = (minor: number, currency: string, lang: Locale) =>
  formatMoney({ amountMinor: minor, currency }, lang, { withCurrency: false });
/** Debt estimates print in whole units, like the register on screen. */
const whole = (minor: number, currency: string, lang: Locale) =>
  new Intl.NumberFormat(lang, {
    style: 'currency',
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(Math.sign(minor) * Math.round(Math.abs(minor) / 100) || 0);

/** Needles in the layout text (single-line values). */
function expectLayout(r: Read, needles: string[]) {
  for (const needle of needles) expect(r.layout, needle).toContain(needle);
}
/** Needles that may wrap inside a table cell: compared without whitespace, in drawing order. */
function expectRaw(r: Read, needles: string[]) {
  for (const needle of needles) expect(r.raw, needle).toContain(squash(needle));
}

describe.each(['en', 'zh-CN'] as const)('documents in %s', (lang) => {
  const zh = lang === 'zh-CN';

  describe('invoice', () => {
    const model = invoiceModel(lang);
    const inv = model.invoice;
    let r: Read;
    beforeAll(async () => {
      r = await read({ kind: 'invoice', model });
    });

    it('prints the number, parties, dates and terms', () => {
      expectLayout(r, [
        inv.number!,
        inv.buyer.name,
        inv.seller.name,
        inv.buyer.taxId,
        inv.seller.taxId,
        zh ? '2026年11月2日' : 'Nov 2, 2026',
        zh ? '2026年12月2日' : 'Dec 2, 2026',
        zh ? '2026年10月31日' : 'Oct 31, 2026',
        zh ? '30 天内付款' : 'Net 30 days',
      ]);
      expectRaw(r, [inv.engagementTitle!, model.milestoneName!, inv.buyer.email]);
    });

    it('prints every line with its figures', () => {
      expectRaw(
        r,
        inv.lines.map((l) => l.description),
      );
      for (const l of inv.lines) {
        expectLayout(r, [
          cell(l.amountMinor, inv.currency, lang),
          cell(l.unitPriceMinor, inv.currency, lang),
        ]);
      }
      expectLayout(r, [cell(-inv.lines[1]!.discountMinor, inv.currency, lang)]);
    });

    it('prints the tax summary and the totals exactly as the model holds them', () => {
      for (const t of inv.taxSummary) {
        expectLayout(r, [
          cell(t.netMinor, inv.currency, lang),
          cell(t.taxMinor, inv.currency, lang),
        ]);
      }
      expectLayout(r, [
        money(inv.subtotalMinor, inv.currency, lang),
        money(inv.taxMinor, inv.currency, lang),
        money(inv.totalMinor, inv.currency, lang),
        money(-inv.depositMinor, inv.currency, lang),
        money(-inv.paidMinor, inv.currency, lang),
        money(inv.balanceMinor, inv.currency, lang),
        money(inv.previouslyInvoicedMinor, inv.currency, lang),
      ]);
    });

    it('prints payments, bank details, instructions and notes', () => {
      expectRaw(r, [
        inv.payments[0]!.reference,
        ...inv.seller.bankDetails.split('\n'),
        inv.paymentInstructions,
        inv.notes,
      ]);
      if (!zh) expectRaw(r, [inv.creditNotes[0]!.number, inv.creditNotes[0]!.reason]);
    });

    it(zh ? 'prints the total in Chinese upper case (CNY)' : 'prints no 大写 for EUR', () => {
      const upper = chineseUpperAmount(inv.totalMinor, 'CNY');
      if (zh) {
        expect(inv.currency).toBe('CNY');
        expectRaw(r, [`人民币${upper}`]);
      } else {
        expect(r.raw).not.toContain('人民币');
        expect(r.raw).not.toContain('大写');
      }
    });

    it('keeps everything inside the page margins', () => expectInsideMargins(r));

    it('numbers its pages "x / y"', () => {
      expect(r.pageCount).toBe(r.pages);
      expectRaw(r, [zh ? `第 1 页 / 共 ${r.pages} 页` : `Page 1 / ${r.pages}`]);
      expectRaw(r, [model.ctx.branding.footerText]);
    });
  });

  it('marks a draft and a void invoice, and never prints 大写 for USD', async () => {
    const draft = await read({
      kind: 'invoice',
      model: invoiceModel(lang, { status: 'draft', number: null }),
    });
    expectRaw(draft, [zh ? '草稿' : 'DRAFT']);
    expectRaw(draft, [zh ? '非正式发票' : 'not a valid invoice']);

    const voided = await read({
      kind: 'invoice',
      model: invoiceModel(lang, { status: 'void', voidReason: 'Issued to the wrong legal entity' }),
    });
    expectRaw(voided, [zh ? '已作废' : 'Void', 'Issued to the wrong legal entity']);

    const usd = invoiceModel(lang, { currency: 'USD' });
    const inUsd = await read({ kind: 'invoice', model: usd });
    expectLayout(inUsd, [money(usd.invoice.totalMinor, 'USD', lang)]);
    expect(inUsd.raw).not.toContain('人民币');
  });

  it('credit note: the invoice it credits, reason, lines, totals', async () => {
    const model = creditNoteModel(lang);
    const cn = model.creditNote;
    const r = await read({ kind: 'credit-note', model });
    expectInsideMargins(r);
    expectRaw(r, [zh ? '2026年11月2日' : 'Nov 2, 2026']);
    expectLayout(r, [
      cn.number,
      model.invoice.number!,
      zh ? '2026年11月15日' : 'Nov 15, 2026',
      money(cn.totalMinor, cn.currency, lang),
      money(cn.subtotalMinor, cn.currency, lang),
      money(model.invoice.totalMinor, model.invoice.currency, lang),
      cn.buyer.name,
    ]);
    expectRaw(r, [cn.reason, cn.lines[0]!.description]);
    if (zh) expectRaw(r, [`人民币${chineseUpperAmount(cn.totalMinor, 'CNY')}`, cn.sourceRef!]);
  });

  it('proposal: cover, summary, findings, chart, schedule, SLA, price, terms, acceptance', async () => {
    const model = proposalModel(lang);
    const r = await read({ kind: 'proposal', model });
    expectInsideMargins(r);
    const cur = model.engagement.currency;
    expectRaw(r, [
      model.engagement.title,
      model.client.displayName,
      model.ctx.seller.name,
      zh ? '2026年12月21日' : 'Dec 21, 2026',
      ...model.findings.map((f) => f.item.title),
      ...model.findings.map((f) => whole(f.item.evaluation.netBenefitMinor, cur, lang)),
      whole(model.portfolio!.netBenefitMinor, cur, lang),
      ...model.schedule.milestones.map((m) => m.name),
      ...model.schedule.milestones.map((m) => cell(m.amountMinor, cur, lang)),
      money(model.engagement.contractValueMinor, cur, lang),
      ...model.slaClauses.map((c) => c.label),
      // the clause's generated wording in the document language (first sentence)
      ...model.slaClauses.map((c) => c.wording[lang].split(zh ? '。' : '. ')[0]!),
      model.terms.clauses
        .find((c) => c.key === 'proposalTerms' && c.language === lang)!
        .text.split('\n')[0]!
        .slice(0, 40),
      // chart labels are SVG text: extracted as text only if the CJK font drew them
      zh ? '季度' : 'Quarter',
      zh ? '持有' : 'Carrying',
    ]);
    expect(r.pages).toBeGreaterThanOrEqual(3);
  });

  it('contract: parties, particulars, clauses, payment schedule, SLA annex, signatures', async () => {
    const model = contractModel(lang);
    const r = await read({ kind: 'contract', model });
    expectInsideMargins(r);
    const cur = model.engagement.currency;
    const clauseText = (key: string) =>
      model.terms.clauses.find((c) => c.key === key && c.language === lang)!.text;
    expectRaw(r, [
      model.client.legalName,
      model.ctx.seller.legalName,
      money(model.liabilityCapMinor, cur, lang),
      model.terms.governingLaw,
      money(model.engagement.contractValueMinor, cur, lang),
      ...model.schedule.milestones.map((m) => m.name),
      ...[
        'acceptance',
        'liability',
        'confidentiality',
        'intellectualProperty',
        'termination',
        'governingLaw',
        'slaExclusions',
      ].map((key) => clauseText(key).slice(0, 30)),
      ...model.slaClauses.map((c) => c.label),
      model.slaClauses[1]!.timeZone,
      zh ? '签字（盖章）' : 'Signature',
    ]);
  });

  it('report: summary, every ranked item, charts and method', async () => {
    const model = reportModel(lang, 60);
    const r = await read({ kind: 'report', model });
    expectInsideMargins(r);
    const p = model.portfolio!;
    const cur = p.currency;
    expectRaw(r, [
      model.client.displayName,
      whole(p.pvCarryMinor, cur, lang),
      whole(p.fixCostMinor, cur, lang),
      whole(p.netBenefitMinor, cur, lang),
      ...model.findings.map((f) => f.item.title),
      ...model.findings.map((f) => whole(f.item.evaluation.pvCarryMinor, cur, lang)),
      zh ? '工作量（修复天数）' : 'Effort (fix days)',
      '8%',
      zh ? '蒙特卡洛' : 'Monte-Carlo',
    ]);
    // the header row repeats on every page of the ranked table
    const headerRepeats = r.raw.split(zh ? '排名事项' : '#Item').length - 1;
    expect(r.pages).toBeGreaterThanOrEqual(4);
    expect(headerRepeats).toBeGreaterThanOrEqual(r.pages - 2);
  });

  it('sla report: compliance per clause, incidents in the clause zone, credit totals', async () => {
    const model = slaReportModel(lang);
    const r = await read({ kind: 'sla-report', model });
    expectInsideMargins(r);
    const row = model.rows[0]!;
    expectRaw(r, [
      model.client.displayName,
      row.label,
      model.rows[1]!.label,
      money(row.creditMinor, row.currency, lang),
      row.creditNoteNumber!,
      zh ? '未达标' : 'Missed',
      zh ? '达标' : 'Met',
      model.incidents[0]!.incidents[0]!.cause,
      // 01:12Z is 09:12 in Shanghai (zh fixture) and 03:12 in Berlin (en fixture, CEST)
      zh ? '09:12' : '03:12',
      zh ? '3 小时 28 分' : '3 h 28 min',
      zh ? '2026年10月' : 'October 2026',
    ]);
  });
});

describe('fonts', () => {
  it('are parsed once and shared; each document still embeds only its own glyphs', async () => {
    expect(fontsShared()).toBe(true);
    const en = { kind: 'invoice', model: invoiceModel('en') } as const;
    const before = await renderDocument(en);
    // a Chinese document in between must not leave its glyphs in the next one's subset
    await renderDocument({ kind: 'report', model: reportModel('zh-CN', 40) });
    const after = await renderDocument(en);
    expect(after.bytes.length).toBe(before.bytes.length);
    expect(pdfLayoutText(after.bytes)).toBe(pdfLayoutText(before.bytes));
  });
});
