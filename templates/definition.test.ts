/**
 * The templates as pure functions: same model, same definition; the model is never
 * mutated; branding (accent, logo, footer) flows into the definition.
 */
import { describe, expect, it } from 'vitest';
import {
  contractModel,
  creditNoteModel,
  invoiceModel,
  LOGO_PNG_BASE64,
  proposalModel,
  reportModel,
  slaReportModel,
} from './fixtures';
import { documentDefinition, type DocumentModel } from './index';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const all = (): DocumentModel[] =>
  (['en', 'zh-CN'] as const).flatMap((lang): DocumentModel[] => [
    { kind: 'invoice', model: invoiceModel(lang) },
    { kind: 'credit-note', model: creditNoteModel(lang) },
    { kind: 'proposal', model: proposalModel(lang) },
    { kind: 'contract', model: contractModel(lang) },
    { kind: 'report', model: reportModel(lang, 10) },
    { kind: 'sla-report', model: slaReportModel(lang) },
  ]);

describe('document definitions', () => {
  it.each(all().map((d) => [d.kind, d.model.ctx.language, d] as const))(
    '%s (%s) is a pure function of a frozen model',
    (_kind, _lang, fixture) => {
      // a copy: fixtures share their seller and client objects between models
      const doc = structuredClone(fixture);
      const before = JSON.stringify(doc);
      deepFreeze(doc);
      const a = documentDefinition(doc);
      const b = documentDefinition(doc);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      expect(JSON.stringify(doc)).toBe(before);
      expect(a.pageSize).toBe('A4');
      expect(a.defaultStyle).toMatchObject({ font: 'NotoSansSC' });
    },
  );

  it('uses the branding: accent colour, logo as a data URL, footer text', () => {
    const model = invoiceModel('en');
    model.ctx = {
      ...model.ctx,
      branding: {
        ...model.ctx.branding,
        accentColor: '#C2410C',
        footerText: 'Registered in Munich · HRB 261843',
      },
    };
    const def = documentDefinition({ kind: 'invoice', model });
    const header = (def.header as (page: number, pages: number, size: unknown) => unknown)(
      1,
      1,
      {},
    );
    const json = JSON.stringify([def.content, header]);
    expect(json).toContain('#C2410C');
    expect(json).not.toContain('#1F6FEB');
    expect(def.images).toEqual({ logo: `data:image/png;base64,${LOGO_PNG_BASE64}` });
    const footer = (def.footer as (page: number, pages: number) => unknown)(2, 3);
    expect(JSON.stringify(footer)).toContain('Registered in Munich · HRB 261843');
    expect(JSON.stringify(footer)).toContain('Page 2 / 3');
  });

  it('falls back to the default accent and no logo when the branding is unusable', () => {
    const model = invoiceModel('zh-CN');
    model.ctx = {
      ...model.ctx,
      branding: {
        accentColor: 'red; drop table',
        footerText: '',
        logo: { mimeType: 'image/svg+xml', base64: 'PHN2Zz4=' },
      },
      seller: { ...model.ctx.seller, logo: null },
    };
    const def = documentDefinition({ kind: 'invoice', model });
    const header = (def.header as (page: number, pages: number, size: unknown) => unknown)(
      1,
      1,
      {},
    );
    expect(JSON.stringify(header)).toContain('#1F6FEB');
    expect(JSON.stringify(header)).not.toContain('"image"');
    expect(def.images).toBeUndefined();
  });

  it('repeats table headers and never splits a row', () => {
    const def = documentDefinition({ kind: 'report', model: reportModel('en', 30) });
    const tables: Array<{ headerRows?: number; dontBreakRows?: boolean; body: unknown[] }> = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const n = node as Record<string, unknown>;
        if (n.table) tables.push(n.table as (typeof tables)[number]);
        for (const key of ['stack', 'columns', 'content']) if (n[key]) walk(n[key]);
      }
    };
    walk(def.content);
    const ranked = tables.find((t) => t.body.length === 31);
    expect(ranked).toMatchObject({ headerRows: 1, dontBreakRows: true });
  });
});
