/**
 * The credit note: the invoice it credits (number, date), the reason, the lines and totals,
 * 大写 in zh-CN for CNY. Pure.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  accentOf,
  col,
  frame,
  GREY,
  keyValues,
  label,
  paragraphs,
  partyBlock,
  totalsBlock,
  txt,
} from './blocks';
import { docFormat, fill } from './format';
import { words } from './i18n';
import { inWordsRow, linesTable, taxSummaryTable } from './invoice';
import type { CreditNoteModel } from './model';

export function creditNoteDocument(model: CreditNoteModel): TDocumentDefinitions {
  const { ctx, creditNote: cn, invoice } = model;
  const w = words(ctx.language);
  const fmt = docFormat(ctx.language);
  const accent = accentOf(ctx);
  const cur = cn.currency;
  const money = (minor: number) => fmt.money(minor, cur);
  const number = txt(cn.number);
  const invoiceNumber = txt(invoice.number ?? cn.invoiceNumber);

  const meta: Array<[string, string]> = [
    [w.creditNote.number, number],
    [w.creditNote.issueDate, fmt.date(cn.issueDate)],
    [
      w.creditNote.credits,
      fill(w.creditNote.invoiceOf, { number: invoiceNumber, date: fmt.date(invoice.issueDate) }),
    ],
    [w.creditNote.invoiceTotal, fmt.money(invoice.totalMinor, invoice.currency)],
  ];

  const content: Content[] = [
    {
      columns: [
        col('*', partyBlock(w.party.seller, cn.seller, w)),
        col('*', partyBlock(w.party.buyer, cn.buyer, w)),
        col(190, keyValues(meta)),
      ],
      columnGap: 14,
      margin: [0, 0, 0, 12],
    },
    {
      stack: [
        label(w.creditNote.reason),
        ...paragraphs(cn.reason),
        ...(cn.source === 'sla' && cn.sourceRef
          ? [
              {
                text: fill(w.creditNote.slaSource, { ref: txt(cn.sourceRef) }),
                fontSize: 8,
                color: GREY.muted,
              },
            ]
          : []),
      ],
      margin: [0, 0, 0, 10],
    },
    linesTable(cn.lines, cur, fmt, w, accent),
    {
      text: cn.taxMode === 'inclusive' ? w.invoice.taxInclusive : w.invoice.taxExclusive,
      fontSize: 7.5,
      color: GREY.muted,
      margin: [0, 3, 0, 6],
    },
  ];

  // Per-rate summary from the lines (the credit note's own figures; nothing is recomputed).
  const byRate = new Map<string, { net: number; tax: number; gross: number }>();
  for (const l of cn.lines) {
    const s = byRate.get(l.taxRatePercent) ?? { net: 0, tax: 0, gross: 0 };
    s.net += l.netMinor;
    s.tax += l.taxMinor;
    s.gross += l.grossMinor;
    byRate.set(l.taxRatePercent, s);
  }
  const summary = [...byRate].map(([rate, s]) => ({
    taxRatePercent: rate,
    netMinor: s.net,
    taxMinor: s.tax,
    grossMinor: s.gross,
  }));

  content.push({
    columns: [
      col('*', taxSummaryTable(summary, cur, fmt, w, accent)),
      col(
        250,
        totalsBlock(
          [
            { label: w.totals.subtotal, value: money(cn.subtotalMinor) },
            { label: w.totals.tax, value: money(cn.taxMinor) },
            { label: w.creditNote.totalCredited, value: money(cn.totalMinor), strong: true },
            ...inWordsRow(cn.totalMinor, cur, fmt, w),
          ],
          accent,
          250,
        ),
      ),
    ],
    columnGap: 20,
    unbreakable: true,
  });
  content.push({
    text: w.creditNote.notice,
    fontSize: 8,
    color: GREY.muted,
    margin: [0, 14, 0, 0],
  });

  return frame({
    ctx,
    w,
    title: w.titles.creditNote,
    subtitle: number,
    content,
    docTitle: `${w.titles.creditNote} ${number}`,
  });
}
