import { describe, expect, it } from 'vitest';
import { documentFileName, safeFileName } from './file-name';

describe('file names', () => {
  it('follow the kind, number and client in each language', () => {
    expect(documentFileName('invoice', 'en', ['2026-0001', 'Acme GmbH'])).toBe(
      'Invoice 2026-0001 – Acme GmbH.pdf',
    );
    expect(documentFileName('invoice', 'zh-CN', ['2026-0001', '华东零售'])).toBe(
      '发票 2026-0001 华东零售.pdf',
    );
    expect(documentFileName('credit-note', 'en', [null, 'Acme'])).toBe(
      'Credit note draft – Acme.pdf',
    );
  });

  it('are safe on every OS', () => {
    const name = documentFileName('invoice', 'en', ['INV/2026\\01', ' A:B*C?"D"<E>|F. ']);
    expect(name).toBe('Invoice INV 2026 01 – A B C D E F.pdf');
    expect(name).not.toMatch(/[/\\:*?"<>|]/);
    expect(safeFileName('  ..report.. ', 'csv')).toBe('report.csv');
    expect(safeFileName('a\u0000b\nc', 'pdf')).toBe('a b c.pdf');
    expect(safeFileName('CON', 'pdf')).toBe('_CON.pdf');
    expect(safeFileName('///', 'pdf')).toBe('_.pdf');
    const long = safeFileName('发'.repeat(400), 'pdf');
    expect(Array.from(long)).toHaveLength(154);
    expect(safeFileName('😀'.repeat(200), 'pdf')).toBe(`${'😀'.repeat(150)}.pdf`);
  });
});
