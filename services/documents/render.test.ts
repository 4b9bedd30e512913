import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale, RenderedDocument } from '../../core/api';
import { docFormat, printable, words } from '../../templates';
import { pdfPageCount, pdfText } from '../../test/support/pdf';
import { startTestServices, type TestServices } from '../../test/support/services';
import { documentsApi, loadDemo, testClock, type Demo } from './test-helpers';

/**
 * Screen = PDF = database: each document is rendered through the dispatcher on the demo
 * workspace, and what a reader gets out of the PDF (pdftotext) must contain the values the
 * services answer for the same record, formatted by the templates' own formatter.
 */

let services: TestServices;
let api: ReturnType<typeof documentsApi>;
let demo: Demo;
beforeAll(async () => {
  services = await startTestServices({ now: testClock().now });
  api = documentsApi(services);
  demo = await loadDemo(services);
});
afterAll(() => services.dispose());

const LANGUAGES: Locale[] = ['en', 'zh-CN'];

/** Without whitespace: table cells wrap, and a wrapped Chinese line has no space to keep. */
const squash = (text: string) => text.replace(/[\s\u00a0\u202f\u2009]+/g, '');

/** Values as the templates print them (`printable`: the glyph substitutions of the font). */
function expectText(text: string, values: readonly string[]) {
  const haystack = squash(text);
  for (const value of values) expect(haystack, value).toContain(squash(printable(value)));
}

function checkPdf(doc: RenderedDocument, language: Locale) {
  const bytes = Buffer.from(doc.base64, 'base64');
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(doc.byteLength).toBe(bytes.byteLength);
  expect(doc.language).toBe(language);
  expect(doc.mimeType).toBe('application/pdf');
  expect(doc.pageCount).toBe(pdfPageCount(bytes));
  expect(doc.fileName).not.toMatch(/[/\\:*?"<>|]/);
  return pdfText(bytes);
}

describe.each(LANGUAGES)('documents.render in %s', (language) => {
  const fmt = docFormat(language);

  it('invoice: number, client, every line and the totals', async () => {
    for (const invoice of [demo.invoices.en, demo.invoices.zh]) {
      const doc = await api.call('documents.render', { kind: 'invoice', id: invoice.id, language });
      const text = checkPdf(doc, language);
      expectText(text, [
        invoice.number!,
        invoice.buyer.name,
        invoice.seller.name,
        ...invoice.lines.map((l) => l.description),
        fmt.money(invoice.totalMinor, invoice.currency),
        fmt.money(invoice.taxMinor, invoice.currency),
        fmt.money(invoice.balanceMinor, invoice.currency),
        fmt.date(invoice.dueDate),
      ]);
    }
  });

  it('a draft invoice is marked as a draft', async () => {
    const draft = await api.call('invoices.createFromLines', {
      clientId: demo.clientIds.en,
      lines: [
        {
          description: 'Workshop 渲染',
          quantity: '2',
          unitPriceMinor: 45_050,
          taxRatePercent: '21',
        },
      ],
    });
    const doc = await api.call('documents.render', { kind: 'invoice', id: draft.id, language });
    const text = checkPdf(doc, language);
    expectText(text, [
      words(language).invoice.draftBanner,
      'Workshop 渲染',
      fmt.money(draft.totalMinor, draft.currency),
    ]);
    await api.call('invoices.deleteDraft', { id: draft.id });
  });

  it('credit note: its number, the invoice it credits, the reason and the amount', async () => {
    const note = demo.creditNote;
    const doc = await api.call('documents.render', { kind: 'credit-note', id: note.id, language });
    const text = checkPdf(doc, language);
    expectText(text, [
      note.number,
      note.invoiceNumber,
      note.buyer.name,
      note.reason,
      fmt.money(note.totalMinor, note.currency),
    ]);
  });

  it('proposal: engagement, findings, schedule and terms', async () => {
    const engagement = demo.engagements.zh;
    const doc = await api.call('documents.render', {
      kind: 'proposal',
      engagementId: engagement.id,
      language,
    });
    const text = checkPdf(doc, language);
    const schedule = await api.call('milestones.get', { engagementId: engagement.id });
    const terms = await api.call('documents.terms.get', { engagementId: engagement.id });
    const items = await Promise.all(
      engagement.debtItemIds.map((id) => api.call('debt.get', { id })),
    );
    expectText(text, [
      engagement.title,
      engagement.clientName,
      ...items.map((i) => i.title),
      ...schedule.milestones.map((m) => m.name),
      ...schedule.milestones.map((m) => fmt.amount(m.amountMinor, schedule.currency)),
      terms.clauses.find((c) => c.key === 'proposalTerms' && c.language === language)!.text,
    ]);
  });

  it('contract: parties, the liability cap in money and the engagement’s own wording', async () => {
    const engagement = demo.engagements.en;
    const own =
      language === 'en'
        ? 'Either party may end this contract on 60 days’ notice.'
        : '任何一方均可提前六十日书面通知解除本合同。';
    await api.call('documents.terms.update', {
      engagementId: engagement.id,
      liabilityCapPercent: '25',
      governingLaw: 'Netherlands, Amsterdam',
      clauses: [{ key: 'termination', language, text: own }],
    });
    const doc = await api.call('documents.render', {
      kind: 'contract',
      engagementId: engagement.id,
      language,
    });
    const text = checkPdf(doc, language);
    expectText(text, [
      engagement.title,
      engagement.clientName,
      own,
      'Netherlands, Amsterdam',
      fmt.money(3_000_000, 'EUR'), // 25 % of €120,000.00
      fmt.money(engagement.contractValueMinor, 'EUR'),
    ]);
    await api.call('documents.terms.update', {
      engagementId: engagement.id,
      liabilityCapPercent: '100',
      clauses: [{ key: 'termination', language, text: null }],
    });
  });

  it('tech-debt report: every open item of the client, ranked', async () => {
    const doc = await api.call('documents.render', {
      kind: 'report',
      clientId: demo.clientIds.en,
      language,
    });
    const text = checkPdf(doc, language);
    const open = await api.call('debt.list', {
      clientId: demo.clientIds.en,
      statuses: ['identified', 'proposed', 'accepted', 'in_progress'],
      limit: 500,
    });
    const fixed = await api.call('debt.list', {
      clientId: demo.clientIds.en,
      statuses: ['fixed', 'wont_fix'],
      limit: 500,
    });
    expectText(text, ['Northwind Freight Logistics', ...open.items.map((i) => i.title)]);
    for (const item of fixed.items) expect(squash(text)).not.toContain(squash(item.title));
  });

  it('SLA report: the clauses of the period, its incidents and the credits', async () => {
    const engagement = demo.engagements.zh;
    const doc = await api.call('documents.render', {
      kind: 'sla-report',
      engagementId: engagement.id,
      month: '2026-10',
      language,
    });
    const text = checkPdf(doc, language);
    const report = await api.call('sla.report', { month: '2026-10' });
    const rows = report.rows.filter((r) => r.engagementId === engagement.id);
    const credit = rows.reduce((n, r) => n + r.creditMinor, 0);
    expect(credit).toBeGreaterThan(0);
    expectText(text, [
      engagement.title,
      ...rows.map((r) => r.label),
      '消息队列磁盘已满',
      fmt.money(credit, 'CNY'),
    ]);
  });

  it('defaults to the client’s document language', async () => {
    const doc = await api.call('documents.render', { kind: 'invoice', id: demo.invoices.zh.id });
    expect(doc.language).toBe('zh-CN');
    expect(doc.fileName).toBe(`发票 ${demo.invoices.zh.number} 华东某零售集团.pdf`);
  });
});
