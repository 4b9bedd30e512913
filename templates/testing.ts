/**
 * Test support: read a PDF back as a reader would, with poppler's pdftotext. (Node only; used
 * by the templates' tests and the benchmark, never by the app.)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Runs a poppler tool on the PDF written to a temp file, which is removed afterwards. */
function poppler(tool: string, options: string[], bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-desk-templates-'));
  try {
    const file = path.join(dir, 'document.pdf');
    fs.writeFileSync(file, bytes);
    return execFileSync(tool, [...options, file, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdftotext -layout`: the page as laid out (columns side by side). */
export function pdfLayoutText(bytes: Uint8Array): string {
  return poppler('pdftotext', ['-layout'], bytes);
}

/** `pdftotext -raw`: text in drawing order, so a wrapped cell's lines stay together. */
export function pdfRawText(bytes: Uint8Array): string {
  return poppler('pdftotext', ['-raw'], bytes);
}

/** Text without any whitespace: wrapping never splits a needle. */
export const squash = (text: string): string => text.replace(/\s+/g, '');

export interface WordBox {
  page: number;
  pageWidth: number;
  xMin: number;
  xMax: number;
  word: string;
}

/** Every word with its horizontal extent (`pdftotext -bbox`), to prove nothing overflows. */
export function pdfWordBoxes(bytes: Uint8Array): WordBox[] {
  const html = poppler('pdftotext', ['-bbox'], bytes);
  const words: WordBox[] = [];
  let page = 0;
  let pageWidth = 0;
  for (const line of html.split('\n')) {
    const p = /<page width="([\d.]+)"/.exec(line);
    if (p) {
      page++;
      pageWidth = Number(p[1]);
      continue;
    }
    const m = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/.exec(
      line,
    );
    if (m) words.push({ page, pageWidth, xMin: Number(m[1]), xMax: Number(m[2]), word: m[3]! });
  }
  return words;
}

/** Number of pages according to poppler (`pdfinfo`): the shared test support's. */
export { pdfPageCount } from '../test/support/pdf';
