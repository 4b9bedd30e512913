/**
 * The shared building blocks of every document: page frame (header with logo, footer with
 * "page x / y" and the branding line, accent colour), headings, party blocks, tables that
 * repeat their header row and never split a row, the totals block, key/value grids,
 * clauses and signature lines. Pure functions returning pdfmake nodes.
 */
import type {
  Content,
  ContentTable,
  CustomTableLayout,
  TableCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
import type { PartySnapshot } from '../core/api';
import { fill, printable } from './format';
import type { Wording } from './i18n';
import type { DocumentContext } from './model';

/** The one font family: Noto Sans SC covers Latin, digits, ¥ € and Chinese. */
export const FONT = 'NotoSansSC';

export const PAGE_MARGINS: [number, number, number, number] = [50, 92, 50, 62];
/** A4 width minus the side margins, in points. */
export const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];

export const GREY = {
  text: '#1F2328',
  muted: '#5F6B7A',
  rule: '#D5DAE1',
  fill: '#F3F5F8',
  faint: '#FAFBFC',
};

/** Text as the client typed it, safe to print (see `printable`). */
export const txt = (value: string | null | undefined): string => printable(value ?? '');

/** `#RRGGBB` or the default blue. */
export function accentOf(ctx: DocumentContext): string {
  return /^#[0-9A-Fa-f]{6}$/.test(ctx.branding.accentColor) ? ctx.branding.accentColor : '#1F6FEB';
}

/** A light tint of the accent (mixed with white), for bands and highlights. */
export function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return `#${[r, g, b].map((c) => c!.toString(16).padStart(2, '0')).join('')}`;
}

/** A column of a `columns` node: fixed or star width around any content. */
export function col(width: number | string, content: Content): Content {
  return { width, stack: [content] } as Content;
}

/**
 * A section heading. Headings carry a `headlineLevel` so `pageBreakBefore` moves one that
 * would sit at the bottom of a page to the next; inside an `unbreakable` block pass
 * `keep: false` (a break inside an unbreakable block makes pdfmake drop the block).
 */
export function heading(
  text: string,
  accent: string,
  level: 1 | 2 = 1,
  options: { keep?: boolean } = {},
): Content {
  const keep = options.keep ?? true;
  return level === 1
    ? {
        text,
        fontSize: 12.5,
        bold: true,
        color: accent,
        margin: [0, 16, 0, 6],
        ...(keep ? { headlineLevel: 1 } : {}),
      }
    : {
        text,
        fontSize: 10,
        bold: true,
        margin: [0, 10, 0, 4],
        ...(keep ? { headlineLevel: 2 } : {}),
      };
}

/** Paragraphs of free text (blank lines separate paragraphs); nothing for empty text. */
export function paragraphs(text: string, options: { fontSize?: number } = {}): Content[] {
  const clean = txt(text).trim();
  if (!clean) return [];
  return clean.split(/\n\s*\n/).map((p) => ({
    text: p,
    margin: [0, 0, 0, 6] as [number, number, number, number],
    ...(options.fontSize ? { fontSize: options.fontSize } : {}),
  }));
}

export function label(text: string): Content {
  return { text, fontSize: 7.5, color: GREY.muted, margin: [0, 0, 0, 1] };
}

/** A party (seller, buyer, client) as printed in a letterhead or contract. */
export function partyBlock(
  title: string,
  party: Pick<PartySnapshot, 'name' | 'legalName' | 'address' | 'taxId' | 'email' | 'phone'>,
  w: Wording,
  extra: Content[] = [],
): Content {
  const lines: Content[] = [label(title)];
  lines.push({ text: txt(party.name), bold: true, fontSize: 10 });
  if (party.legalName && party.legalName !== party.name) lines.push(txt(party.legalName));
  if (party.address) lines.push({ text: txt(party.address) });
  const contact: string[] = [];
  if (party.taxId) contact.push(`${w.party.taxId}${w.common.colon}${txt(party.taxId)}`);
  // An address speaks for itself; without the label it fits the column instead of wrapping.
  if (party.email) contact.push(txt(party.email));
  if (party.phone) contact.push(`${w.party.phone}${w.common.colon}${txt(party.phone)}`);
  for (const line of contact) lines.push({ text: line, fontSize: 8, color: GREY.muted });
  return { stack: [...lines, ...extra] };
}

/** The documents' table rules: accent under the header, hairlines between rows. */
export function tableLayout(accent: string, options: { zebra?: boolean } = {}): CustomTableLayout {
  return {
    hLineWidth: (i, node) => {
      const headerRows = (node.table.headerRows as number | undefined) ?? 0;
      if (i === 0) return 0;
      if (headerRows && i === headerRows) return 1;
      return i === node.table.body.length ? 0.8 : 0.4;
    },
    vLineWidth: () => 0,
    hLineColor: (i, node) => {
      const headerRows = (node.table.headerRows as number | undefined) ?? 0;
      return headerRows && i === headerRows ? accent : GREY.rule;
    },
    fillColor: (row, node) => {
      const headerRows = (node.table.headerRows as number | undefined) ?? 0;
      if (row < headerRows) return GREY.fill;
      return options.zebra && (row - headerRows) % 2 === 1 ? GREY.faint : null;
    },
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3.5,
    paddingBottom: () => 3.5,
  };
}

export type Align = 'left' | 'right' | 'center';

export interface Column {
  header: string;
  width: number | string;
  align?: Align;
}

/** A data table: header row repeated on every page, rows never split across pages. */
export function dataTable(
  columns: Column[],
  rows: TableCell[][],
  accent: string,
  options: { fontSize?: number; zebra?: boolean; footer?: TableCell[][] } = {},
): ContentTable {
  const fontSize = options.fontSize ?? 8.5;
  const align = (cell: TableCell, i: number): TableCell => {
    const a = columns[i]?.align ?? 'left';
    if (typeof cell === 'string' || typeof cell === 'number')
      return { text: String(cell), alignment: a };
    return { alignment: a, ...(cell as object) } as TableCell;
  };
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      keepWithHeaderRows: 1,
      widths: columns.map((c) => c.width),
      body: [
        columns.map((c) => ({
          text: c.header,
          bold: true,
          fontSize: fontSize - 0.5,
          color: GREY.text,
          alignment: c.align ?? 'left',
        })),
        ...rows.map((row) => row.map(align)),
        ...(options.footer ?? []).map((row) =>
          row.map((cell, i) => {
            const c = align(cell, i) as object;
            return { bold: true, ...c } as TableCell;
          }),
        ),
      ],
    },
    layout: tableLayout(accent, { zebra: options.zebra }),
    fontSize,
  };
}

export interface TotalRow {
  label: string;
  value: string;
  /** The grand total / balance: bold, accent rule above. */
  strong?: boolean;
  muted?: boolean;
  /** A full-width line (e.g. the amount in words) instead of label | value. */
  wide?: boolean;
}

/** Right-aligned totals block. */
export function totalsBlock(rows: TotalRow[], accent: string, width = 270): Content {
  const body: TableCell[][] = rows.map((r) =>
    r.wide
      ? [
          {
            text: [
              { text: `${r.label} `, color: GREY.muted },
              { text: r.value, bold: true },
            ],
            colSpan: 2,
            alignment: 'right',
            fontSize: 8.5,
          },
          '',
        ]
      : [
          {
            text: r.label,
            bold: r.strong ?? false,
            color: r.muted ? GREY.muted : GREY.text,
            fontSize: r.strong ? 10 : 8.5,
          },
          {
            text: r.value,
            alignment: 'right',
            bold: r.strong ?? false,
            color: r.muted ? GREY.muted : GREY.text,
            fontSize: r.strong ? 10 : 8.5,
            noWrap: true,
          },
        ],
  );
  return {
    columns: [
      { width: '*', text: '' },
      {
        // the table's own width excludes its cell paddings (2 columns × 4 + 4)
        width: width - 16,
        table: { widths: ['*', 'auto'], body, dontBreakRows: true },
        layout: {
          hLineWidth: (i) => (i > 0 && i < rows.length && rows[i]?.strong ? 1 : 0),
          hLineColor: () => accent,
          vLineWidth: () => 0,
          paddingLeft: () => 4,
          paddingRight: () => 4,
          paddingTop: () => 2.5,
          paddingBottom: () => 2.5,
        },
      },
    ],
    margin: [0, 6, 0, 0],
    unbreakable: true,
  };
}

/** Label/value pairs in a compact two-column grid (no rules). */
export function keyValues(
  pairs: Array<[string, string | Content]>,
  options: { labelWidth?: number | string; fontSize?: number } = {},
): Content {
  const body = pairs.map(([k, v]) => [
    { text: k, color: GREY.muted, fontSize: (options.fontSize ?? 8.5) - 0.5 },
    typeof v === 'string' ? { text: v } : v,
  ]) as TableCell[][];
  if (body.length === 0) return { text: '' };
  return {
    table: { widths: [options.labelWidth ?? 'auto', '*'], body, dontBreakRows: true },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (i) => (i === 0 ? 0 : 8),
      paddingRight: () => 0,
      paddingTop: () => 1.5,
      paddingBottom: () => 1.5,
    },
    fontSize: options.fontSize ?? 8.5,
  };
}

/** A highlighted notice line (draft / void / paid banners). */
export function banner(lines: string[], color: string): Content {
  return {
    table: {
      widths: ['*'],
      body: [[{ stack: lines.map((l, i) => ({ text: l, bold: i === 0 })), color }]],
    },
    layout: {
      hLineWidth: () => 1,
      vLineWidth: () => 1,
      hLineColor: () => color,
      vLineColor: () => color,
      fillColor: () => tint(color, 0.92),
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 5,
      paddingBottom: () => 5,
    },
    margin: [0, 0, 0, 10],
  };
}

/** A clause: its title as a subheading and its text as paragraphs. */
export function clause(title: string, text: string): Content {
  const body = paragraphs(text);
  return { stack: [heading(title, GREY.text, 2), ...body] };
}

/**
 * Signature lines, one column per party. For the consultant pass `seller.name`: in a seller
 * snapshot that is the business (its `legalName` holds the person behind it).
 */
export function signatures(parties: Array<{ title: string; name: string }>, w: Wording): Content {
  const line = (caption: string): Content => ({
    stack: [
      {
        canvas: [
          { type: 'line', x1: 0, y1: 0, x2: 200, y2: 0, lineWidth: 0.6, lineColor: GREY.muted },
        ],
        margin: [0, 22, 0, 2],
      },
      { text: caption, fontSize: 7.5, color: GREY.muted },
    ],
  });
  return {
    columns: parties.map((p) => ({
      width: '*',
      stack: [
        { text: p.title, fontSize: 8, color: GREY.muted },
        { text: txt(p.name), bold: true, margin: [0, 1, 0, 0] },
        line(w.contract.signature),
        line(w.contract.name),
        line(w.contract.position),
        line(w.contract.signDate),
      ],
    })),
    columnGap: 40,
    unbreakable: true,
    margin: [0, 8, 0, 0],
  };
}

/**
 * A run of 30+ characters with no break opportunity (a pasted hash, a 200-character "word").
 * CJK text breaks between characters anyway, so it never counts.
 */
const LONG_RUN = /[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]{30,}/g;

function splitLongRuns(text: string): string | Content[] {
  LONG_RUN.lastIndex = 0;
  if (!LONG_RUN.test(text)) return text;
  LONG_RUN.lastIndex = 0;
  const parts: Content[] = [];
  let last = 0;
  for (const m of text.matchAll(LONG_RUN)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push({ text: m[0], wordBreak: 'break-all' } as Content);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/**
 * pdfmake sizes table and column widths by their longest word, so one unbreakable 200-character
 * word would push a column (and the page) beyond the margin. Every such run is marked
 * `wordBreak: 'break-all'`, which lets it wrap anywhere; ordinary words are left alone.
 * Pure: returns a new tree.
 */
export function breakLongWords<T>(node: T): T {
  if (typeof node === 'string') {
    const split = splitLongRuns(node);
    return (typeof split === 'string' ? node : { text: split }) as T;
  }
  if (Array.isArray(node)) return node.map((n) => breakLongWords(n)) as T;
  if (!node || typeof node !== 'object') return node;
  const src = node as Record<string, unknown>;
  if ('svg' in src || 'canvas' in src || 'image' in src) return node;
  const out: Record<string, unknown> = { ...src };
  if (typeof src.text === 'string') {
    const split = splitLongRuns(src.text);
    if (typeof split !== 'string') out.text = split;
  } else if (Array.isArray(src.text)) {
    out.text = src.text
      .map((t) => (typeof t === 'string' ? splitLongRuns(t) : breakLongWords(t)))
      .flat();
  }
  for (const key of ['stack', 'columns', 'ul', 'ol']) {
    if (Array.isArray(src[key])) out[key] = breakLongWords(src[key]);
  }
  const table = src.table as { body?: unknown[][] } | undefined;
  if (table && Array.isArray(table.body)) {
    out.table = {
      ...table,
      body: table.body.map((row) => row.map((cell) => breakLongWords(cell))),
    };
  }
  return out as T;
}

export interface FrameOptions {
  ctx: DocumentContext;
  w: Wording;
  /** Big title at the top right (Invoice, Proposal…). */
  title: string;
  /** Under the title: the document number or the client. */
  subtitle?: string;
  content: Content[];
  /** DRAFT / VOID across every page, in the colour of its banner. */
  watermark?: { text: string; color: string };
  /** PDF metadata title. */
  docTitle: string;
}

/** The page frame: A4, header with logo and title, footer with branding and page x / y. */
export function frame(o: FrameOptions): TDocumentDefinitions {
  const accent = accentOf(o.ctx);
  const logo = o.ctx.branding.logo ?? o.ctx.seller.logo;
  const logoOk =
    logo !== null &&
    (logo.mimeType === 'image/png' || logo.mimeType === 'image/jpeg') &&
    /^[A-Za-z0-9+/]+={0,2}$/.test(logo.base64) &&
    logo.base64.length % 4 === 0;
  const sellerName = txt(o.ctx.seller.name || o.ctx.seller.legalName);
  const footerText = txt(o.ctx.branding.footerText);
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    info: {
      title: txt(o.docTitle),
      author: sellerName,
      creator: 'Engagement Desk',
      producer: 'Engagement Desk',
    },
    language: o.ctx.language,
    ...(logoOk ? { images: { logo: `data:${logo.mimeType};base64,${logo.base64}` } } : {}),
    ...(o.watermark
      ? {
          watermark: {
            text: o.watermark.text,
            color: o.watermark.color,
            opacity: 0.08,
            bold: true,
            font: FONT,
            fontSize: 110,
          },
        }
      : {}),
    header: (): Content =>
      breakLongWords({
        margin: [PAGE_MARGINS[0], 30, PAGE_MARGINS[2], 0],
        stack: [
          {
            columns: [
              logoOk
                ? col('auto', { image: 'logo', fit: [150, 38] })
                : col('*', { text: sellerName, bold: true, fontSize: 12, color: accent }),
              col('*', {
                stack: [
                  { text: o.title, fontSize: 16, bold: true, color: accent, alignment: 'right' },
                  ...(o.subtitle
                    ? [
                        {
                          text: o.subtitle,
                          fontSize: 8.5,
                          color: GREY.muted,
                          alignment: 'right' as const,
                        },
                      ]
                    : []),
                ],
              }),
            ],
            columnGap: 16,
          },
          {
            canvas: [
              {
                type: 'line',
                x1: 0,
                y1: 0,
                x2: CONTENT_WIDTH,
                y2: 0,
                lineWidth: 1.2,
                lineColor: accent,
              },
            ],
            margin: [0, 8, 0, 0],
          },
        ],
      }),
    footer: (currentPage: number, pageCount: number): Content =>
      breakLongWords({
        margin: [PAGE_MARGINS[0], 18, PAGE_MARGINS[2], 0],
        stack: [
          {
            canvas: [
              {
                type: 'line',
                x1: 0,
                y1: 0,
                x2: CONTENT_WIDTH,
                y2: 0,
                lineWidth: 0.5,
                lineColor: GREY.rule,
              },
            ],
            margin: [0, 0, 0, 5],
          },
          {
            columns: [
              col('*', { text: footerText, fontSize: 7, color: GREY.muted }),
              col('auto', {
                text: fill(o.w.common.page, { page: currentPage, pages: pageCount }),
                fontSize: 7,
                color: GREY.muted,
                alignment: 'right',
                noWrap: true,
              }),
            ],
            columnGap: 12,
          },
        ],
      }),
    content: breakLongWords(o.content),
    defaultStyle: { font: FONT, fontSize: 9, lineHeight: 1.2, color: GREY.text },
    pageBreakBefore: (node) =>
      (node.headlineLevel === 1 || node.headlineLevel === 2) &&
      node.startPosition.verticalRatio > 0.86,
  };
}
