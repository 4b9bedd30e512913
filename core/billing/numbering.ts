import { BillingError } from './errors';
import { parseCalendarDate } from './dates';

/**
 * Document numbers from a pattern: literal text plus tokens
 *   {YYYY} 2024   {YY} 24   {MM} 03   {DD} 07   {SEQ} 7   {SEQ:4} 0007
 * e.g. `INV-{YYYY}-{SEQ:4}` -> INV-2024-0007, `CN-{YY}{MM}-{SEQ}` -> CN-2403-7.
 * {SEQ:n} pads to at least n digits and never truncates, so numbers stay unique past 9999.
 */
export type NumberPatternErrorCode =
  | 'EMPTY_PATTERN'
  | 'TOO_LONG'
  | 'INVALID_CHARACTER'
  | 'UNBALANCED_BRACE'
  | 'UNKNOWN_TOKEN'
  | 'INVALID_PADDING'
  | 'MISSING_SEQ'
  | 'DUPLICATE_SEQ';

type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'date'; token: 'YYYY' | 'YY' | 'MM' | 'DD' }
  | { kind: 'seq'; pad: number };

const MAX_PATTERN_LENGTH = 64;
const MAX_PAD = 12;

type Parsed =
  { ok: true; segments: Segment[] } | { ok: false; code: NumberPatternErrorCode; token?: string };

function parsePattern(pattern: string): Parsed {
  if (pattern.trim() === '') return { ok: false, code: 'EMPTY_PATTERN' };
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, code: 'TOO_LONG' };
  // Control characters would end up invisible in PDFs and file names.
  if ([...pattern].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
    return { ok: false, code: 'INVALID_CHARACTER' };
  }

  const segments: Segment[] = [];
  let seqCount = 0;
  let rest = pattern;
  while (rest !== '') {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (close !== -1 && (open === -1 || close < open))
      return { ok: false, code: 'UNBALANCED_BRACE' };
    if (open === -1) {
      segments.push({ kind: 'text', text: rest });
      break;
    }
    if (open > 0) segments.push({ kind: 'text', text: rest.slice(0, open) });
    const end = rest.indexOf('}', open);
    if (end === -1) return { ok: false, code: 'UNBALANCED_BRACE' };
    const token = rest.slice(open + 1, end);
    if (token.includes('{')) return { ok: false, code: 'UNBALANCED_BRACE' };
    rest = rest.slice(end + 1);

    if (token === 'YYYY' || token === 'YY' || token === 'MM' || token === 'DD') {
      segments.push({ kind: 'date', token });
    } else if (token === 'SEQ' || token.startsWith('SEQ:')) {
      const padText = token === 'SEQ' ? '1' : token.slice(4);
      const pad = /^\d{1,2}$/.test(padText) ? Number(padText) : NaN;
      if (!(pad >= 1 && pad <= MAX_PAD)) return { ok: false, code: 'INVALID_PADDING', token };
      segments.push({ kind: 'seq', pad });
      seqCount += 1;
    } else {
      return { ok: false, code: 'UNKNOWN_TOKEN', token };
    }
  }
  if (seqCount === 0) return { ok: false, code: 'MISSING_SEQ' };
  if (seqCount > 1) return { ok: false, code: 'DUPLICATE_SEQ' };
  return { ok: true, segments };
}

/** null when the pattern is usable, otherwise why not (for the settings form). */
export function validateNumberPattern(pattern: string): NumberPatternErrorCode | null {
  const parsed = parsePattern(pattern);
  return parsed.ok ? null : parsed.code;
}

function segmentsOf(pattern: string): Segment[] {
  const parsed = parsePattern(pattern);
  if (!parsed.ok) {
    throw new BillingError('INVALID_PATTERN', {
      reason: parsed.code,
      ...(parsed.token ? { token: parsed.token } : {}),
    });
  }
  return parsed.segments;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The number for sequence `seq` (1, 2, …) of a document dated `date` (`YYYY-MM-DD`). */
export function formatDocumentNumber(
  pattern: string,
  input: { date: string; seq: number },
): string {
  const segments = segmentsOf(pattern);
  const { year, month, day } = parseCalendarDate(input.date);
  if (!Number.isSafeInteger(input.seq) || input.seq < 1) {
    throw new BillingError('INVALID_SEQUENCE', { value: String(input.seq) });
  }
  return segments
    .map((s) => {
      if (s.kind === 'text') return s.text;
      if (s.kind === 'seq') return pad(input.seq, s.pad);
      switch (s.token) {
        case 'YYYY':
          return pad(year, 4);
        case 'YY':
          return pad(year % 100, 2);
        case 'MM':
          return pad(month, 2);
        case 'DD':
          return pad(day, 2);
      }
    })
    .join('');
}

/**
 * Which gap-free series a document belongs to. A pattern that prints the year restarts at 1
 * each year (`"2024"`, `"2025"`) and stays unique because the year is in the number; a
 * pattern without the year never restarts (key `""`), or INV-0001 would repeat. {MM}/{DD}
 * alone are decoration and do not restart the series.
 */
export function numberingPeriodKey(pattern: string, date: string): string {
  const segments = segmentsOf(pattern);
  const { year } = parseCalendarDate(date);
  const yearly = segments.some(
    (s) => s.kind === 'date' && (s.token === 'YYYY' || s.token === 'YY'),
  );
  return yearly ? pad(year, 4) : '';
}
