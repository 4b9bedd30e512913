import type { DocumentKind, Locale } from '../../core/api';

const KIND_NAMES: Record<DocumentKind, Record<Locale, string>> = {
  invoice: { en: 'Invoice', 'zh-CN': '发票' },
  'credit-note': { en: 'Credit note', 'zh-CN': '贷项通知单' },
  proposal: { en: 'Proposal', 'zh-CN': '项目建议书' },
  contract: { en: 'Contract', 'zh-CN': '合同' },
  report: { en: 'Tech-debt report', 'zh-CN': '技术债报告' },
  'sla-report': { en: 'SLA report', 'zh-CN': '服务水平报告' },
};

/** What no file name may contain on Windows, macOS or Linux: / \ : * ? " < > | and controls. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f]+/g;
/** Device names Windows refuses as a file's base name, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_BASE_LENGTH = 150;

/**
 * A file name safe on every OS: forbidden characters become a space, runs of spaces one,
 * no leading or trailing spaces or dots (Windows drops trailing dots), at most 150
 * characters before the extension (cut at a character, never inside a surrogate pair),
 * never a reserved device name, never empty.
 */
export function safeFileName(base: string, extension: string): string {
  let name = base.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ');
  name = name.replace(/^[\s.]+|[\s.]+$/g, '');
  const chars = Array.from(name);
  if (chars.length > MAX_BASE_LENGTH)
    name = chars
      .slice(0, MAX_BASE_LENGTH)
      .join('')
      .replace(/[\s.]+$/g, '');
  if (name === '' || RESERVED.test(name)) name = `_${name}`;
  return `${name}.${extension}`;
}

/**
 * `Invoice 2026-0001 – Acme GmbH.pdf` in English, `发票 2026-0001 华东零售.pdf` in Chinese:
 * the kind and the first part (a number, a title), then the rest after a dash (English) or a
 * space (Chinese). A draft's missing number reads "draft" / "草稿".
 */
export function documentFileName(
  kind: DocumentKind,
  language: Locale,
  parts: readonly (string | null)[],
): string {
  const zh = language === 'zh-CN';
  const [first, ...rest] = parts.map((p) => (p ?? (zh ? '草稿' : 'draft')).trim()).filter(Boolean);
  const head = [KIND_NAMES[kind][language], first].filter(Boolean).join(' ');
  const base = rest.length ? [head, ...rest].join(zh ? ' ' : ' – ') : head;
  return safeFileName(base, 'pdf');
}
