/**
 * The invoice: every field of `Invoice` as the client should read it. Pure.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { InvoiceLine } from '../core/api';
import {
  accentOf,
  col,
  banner,
  dataTable,
  frame,
  GREY,
  heading,
  keyValues,
  label,
  paragraphs,
  partyBlock,
  totalsBlock,
  txt,
  type Column,
  type TotalRow,
} from './blocks';
import { DASH, docFormat, fill, type DocFormat } from './format';
import { words, type Wording } from './i18n';
import type { InvoiceModel } from './model';

const VOID_RED = '#B42318';
const DRAFT_AMBER = '#B54708';

/** Invoice and credit-note lines: the discount column only when a line has a discount. */
export function linesTable(
  lines: InvoiceLine[],
  currency: string,
  fmt: DocFormat,
  w: Wording,
  accent: string,
): Content {
  const withDiscount = lines.some((l) => l.discount !== null || l.discountMinor !== 0);
  const columns: Column[] = [
    { header: w.lines.position, width: 16, align: 'right' },
    { header: w.lines.description, width: '*' },
    { header: w.lines.quantity, width: 34, align: 'right' },
    { header: w.lines.unit, width: 32 },
    {
      header: fill(w.common.inCurrency, { label: w.lines.unitPrice, currency }),
      width: 64,
      align: 'right',
    },
    ...(withDiscount ? [{ header: w.lines.discount, width: 48, align: 'right' as const }] : []),
    { header: w.lines.taxRate, width: 34, align: 'right' },
    {
      header: fill(w.common.inCurrency, { label: w.lines.amount, currency }),
      width: 70,
      align: 'right',
    },
  ];
  const rows: TableCell[][] = lines.map((l) => [
    String(l.position + 1),
    txt(l.description),
    fmt.number(Number(l.quantity), 6),
    txt(l.unit),
    fmt.amount(l.unitPriceMinor, currency),
    ...(withDiscount
      ? [
          l.discount === null && l.discountMinor === 0
            ? ''
            : l.discount !== null && 'percent' in l.discount
              ? `${fmt.percent(l.discount.percent)}\n${fmt.amount(-l.discountMinor, currency)}`
              : fmt.amount(-l.discountMinor, currency),
        ]
      : []),
    fmt.percent(l.taxRatePercent),
    fmt.amount(l.amountMinor, currency),
  ]);
  return dataTable(columns, rows, accent);
}

export function taxSummaryTable(
  summary: Array<{
    taxRatePercent: string;
    netMinor: number;
    taxMinor: number;
    grossMinor: number;
  }>,
  currency: string,
  fmt: DocFormat,
  w: Wording,
  accent: string,
): Content {
  if (summary.length === 0) return { text: '' };
  return {
    stack: [
      { text: w.tax.summary, bold: true, fontSize: 8.5, margin: [0, 0, 0, 3] },
      dataTable(
        [
          { header: w.tax.rate, width: 'auto', align: 'right' },
          { header: w.tax.net, width: '*', align: 'right' },
          { header: w.tax.tax, width: '*', align: 'right' },
          { header: w.tax.gross, width: '*', align: 'right' },
        ],
        summary.map((s) => [
          fmt.percent(s.taxRatePercent),
          fmt.amount(s.netMinor, currency),
          fmt.amount(s.taxMinor, currency),
          fmt.amount(s.grossMinor, currency),
        ]),
        accent,
        { fontSize: 8 },
      ),
    ],
    unbreakable: true,
  };
}

/** The total in words (人民币…): zh-CN documents in CNY only (see `upperAmountApplies`). */
export function inWordsRow(
  amountMinor: number,
  currency: string,
  fmt: DocFormat,
  w: Wording,
): TotalRow[] {
  const upper = fmt.upper(amountMinor, currency);
  return upper ? [{ label: `${w.totals.inWords}${w.common.colon}`, value: upper, wide: true }] : [];
}

export function invoiceDocument(model: InvoiceModel): TDocumentDefinitions {
  const { ctx, invoice: inv } = model;
  const w = words(ctx.language);
  const fmt = docFormat(ctx.language);
  const accent = accentOf(ctx);
  const cur = inv.currency;
  const money = (minor: number) => fmt.money(minor, cur);
  const number = inv.number ? txt(inv.number) : w.invoice.draftNumber;

  const content: Content[] = [];
  if (inv.status === 'draft') content.push(banner([w.invoice.draftBanner], DRAFT_AMBER));
  if (inv.status === 'void') {
    content.push(
      banner(
        [
          w.invoice.voidBanner,
          ...(inv.voidReason ? [fill(w.invoice.voidReason, { reason: txt(inv.voidReason) })] : []),
        ],
        VOID_RED,
      ),
    );
  }

  const meta: Array<[string, string]> = [
    [w.invoice.number, number],
    [w.invoice.issueDate, fmt.date(inv.issueDate)],
  ];
  if (inv.supplyDate) meta.push([w.invoice.supplyDate, fmt.date(inv.supplyDate)]);
  meta.push([w.invoice.dueDate, fmt.date(inv.dueDate)]);
  meta.push([
    w.invoice.paymentTerms,
    inv.paymentTermsDays === 0
      ? w.invoice.dueOnReceipt
      : fill(w.invoice.netDays, { days: inv.paymentTermsDays }),
  ]);
  if (inv.engagementTitle) meta.push([w.invoice.engagement, txt(inv.engagementTitle)]);
  if (inv.kind === 'milestone' || model.milestoneName) {
    meta.push([w.invoice.milestone, txt(model.milestoneName ?? '') || w.invoice.milestoneInvoice]);
  }
  if (inv.engagementId && inv.previouslyInvoicedMinor !== 0) {
    meta.push([w.totals.previouslyInvoiced, money(inv.previouslyInvoicedMinor)]);
  }

  content.push({
    columns: [
      col('*', partyBlock(w.party.seller, inv.seller, w)),
      col('*', partyBlock(w.party.buyer, inv.buyer, w)),
      col(190, keyValues(meta, { fontSize: 8.5 })),
    ],
    columnGap: 14,
    margin: [0, 0, 0, 14],
  });

  content.push(linesTable(inv.lines, cur, fmt, w, accent));
  content.push({
    text: inv.taxMode === 'inclusive' ? w.invoice.taxInclusive : w.invoice.taxExclusive,
    fontSize: 7.5,
    color: GREY.muted,
    margin: [0, 3, 0, 6],
  });

  const totals: TotalRow[] = [
    { label: w.totals.subtotal, value: money(inv.subtotalMinor) },
    { label: w.totals.tax, value: money(inv.taxMinor) },
    { label: w.totals.total, value: money(inv.totalMinor), strong: true },
    ...inWordsRow(inv.totalMinor, cur, fmt, w),
  ];
  // A void invoice is not payable: no deposit, payments or balance under its total.
  const live = inv.status !== 'void';
  const settled =
    live && (inv.depositMinor !== 0 || inv.creditedMinor !== 0 || inv.paidMinor !== 0);
  if (live && inv.depositMinor !== 0) {
    totals.push({ label: w.totals.deposit, value: money(-inv.depositMinor) });
    totals.push({ label: w.totals.amountDue, value: money(inv.amountDueMinor) });
  }
  if (live && inv.creditedMinor !== 0) {
    totals.push({ label: w.totals.credited, value: money(-inv.creditedMinor) });
  }
  if (live && inv.paidMinor !== 0) {
    totals.push({ label: w.totals.paid, value: money(-inv.paidMinor) });
  }
  if (settled) {
    totals.push({
      label: inv.balanceMinor < 0 ? w.totals.refundDue : w.totals.balanceDue,
      // a credit balance is shown as a positive amount under "in your favour"
      value: money(Math.abs(inv.balanceMinor)),
      strong: true,
    });
  }

  content.push({
    columns: [
      col('*', taxSummaryTable(inv.taxSummary, cur, fmt, w, accent)),
      col(250, totalsBlock(totals, accent, 250)),
    ],
    columnGap: 20,
    unbreakable: true,
  });

  if (inv.lateInterestMinor > 0 && inv.status !== 'void' && inv.status !== 'draft') {
    content.push({
      text: fill(w.invoice.lateInterest, {
        date: fmt.date(ctx.generatedOn),
        amount: money(inv.lateInterestMinor),
      }),
      fontSize: 8,
      color: GREY.muted,
      alignment: 'right',
      margin: [0, 4, 0, 0],
    });
  }

  // Payments and credit notes end with the same amount column.
  const amountColumn: Column = {
    header: fill(w.common.inCurrency, { label: w.common.amount, currency: cur }),
    width: 80,
    align: 'right',
  };
  if (inv.payments.length > 0) {
    content.push(heading(w.payments.title, accent, 2));
    content.push(
      dataTable(
        [
          { header: w.common.date, width: 90 },
          { header: w.payments.method, width: 90 },
          { header: w.common.reference, width: '*' },
          amountColumn,
        ],
        inv.payments.map((p) => [
          fmt.date(p.date),
          w.payments[p.method],
          txt([p.reference, p.note].filter(Boolean).join(' — ')) || DASH,
          fmt.amount(p.amountMinor, cur),
        ]),
        accent,
        { fontSize: 8 },
      ),
    );
  }

  if (inv.creditNotes.length > 0) {
    content.push(heading(w.creditNotes.title, accent, 2));
    content.push(
      dataTable(
        [
          { header: w.creditNotes.number, width: 100 },
          { header: w.common.date, width: 90 },
          { header: w.creditNote.reason, width: '*' },
          amountColumn,
        ],
        inv.creditNotes.map((c) => [
          txt(c.number),
          fmt.date(c.issueDate),
          txt(c.reason),
          fmt.amount(c.totalMinor, cur),
        ]),
        accent,
        { fontSize: 8 },
      ),
    );
  }

  const payBlocks: Content[] = [];
  if (inv.seller.bankDetails.trim()) {
    payBlocks.push(
      col('*', {
        stack: [label(w.bank.details), { text: txt(inv.seller.bankDetails), fontSize: 8.5 }],
      }),
    );
  }
  if (inv.paymentInstructions.trim()) {
    payBlocks.push(
      col('*', {
        stack: [label(w.bank.instructions), { text: txt(inv.paymentInstructions), fontSize: 8.5 }],
      }),
    );
  }
  if (payBlocks.length > 0 && inv.status !== 'void') {
    content.push({ columns: payBlocks, columnGap: 20, margin: [0, 16, 0, 0], unbreakable: true });
  }

  // The client's reason for not accepting, then the invoice's notes: each only when written.
  for (const [title, text] of [
    [w.invoice.unaccepted, inv.unacceptedReason ?? ''],
    [w.common.notes, inv.notes],
  ] as const) {
    if (!text.trim()) continue;
    content.push({
      stack: [label(title), ...paragraphs(text, { fontSize: 8.5 })],
      margin: [0, 12, 0, 0],
    });
  }

  return frame({
    ctx,
    w,
    title: w.titles.invoice,
    subtitle: number,
    content,
    docTitle: `${w.titles.invoice} ${number}`,
    watermark:
      inv.status === 'draft'
        ? { text: w.invoice.watermarkDraft, color: DRAFT_AMBER }
        : inv.status === 'void'
          ? { text: w.invoice.watermarkVoid, color: VOID_RED }
          : undefined,
  });
}
