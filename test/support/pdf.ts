import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The text of a PDF as a reader gets it (poppler's pdftotext), whitespace runs as one space.
 * `-raw` keeps the content-stream order, so a table cell's wrapped lines stay together (and a
 * line broken after a hyphen keeps its hyphen).
 */
export function pdfText(pdf: Uint8Array | string): string {
  const bytes = typeof pdf === 'string' ? Buffer.from(pdf, 'base64') : pdf;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-desk-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync('/usr/bin/pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return normaliseText(text);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Whitespace (also non-breaking and narrow spaces from Intl) as one plain space. */
export function normaliseText(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
}

/** The number of pages poppler counts (pdfinfo). */
export function pdfPageCount(pdf: Uint8Array | string): number {
  const bytes = typeof pdf === 'string' ? Buffer.from(pdf, 'base64') : pdf;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-desk-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    fs.writeFileSync(file, bytes);
    const info = execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
