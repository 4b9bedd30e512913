import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DebtItem, DebtListOutput } from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { suggestMapping } from './csv';
import { debtApi, fail, ok } from './test-helpers';

let services: TestServices;
let api: ReturnType<typeof debtApi>;
beforeEach(async () => {
  services = await startTestServices({ now: () => new Date('2026-11-21T09:00:00.000Z') });
  api = debtApi(services);
});
afterEach(() => services.dispose());

interface Preview {
  columns: string[];
  mapping: Record<string, string>;
  rows: { row: number; ok: boolean; title: string; errors: { field: string; code: string }[] }[];
  validRows: number;
  invalidRows: number;
}
interface Exported {
  fileName: string;
  csvText: string;
  rows: number;
}

const items = async (clientId: string) =>
  (await ok<DebtListOutput>(services.invoke('debt.list', { clientId, limit: 500 }))).items;

const CSV_WITH_BAD_ROW = [
  'Title,Category,Impact,Quarterly cost,Fix days,Tags',
  'Slow reports,data,medium,"1,250.50",4,perf; reports',
  'Broken row,code,high,-100,2,',
  'Old runtime,security,critical,9000,12,security',
].join('\n');

describe('CSV import', () => {
  it('suggests a mapping from English and Chinese headers', () => {
    expect(
      suggestMapping(['Title', '描述', '类别', '影响程度', '季度成本', '修复天数', '标签', '???']),
    ).toEqual({
      Title: 'title',
      描述: 'description',
      类别: 'category',
      影响程度: 'impact',
      季度成本: 'quarterlyCostLikely',
      修复天数: 'fixDaysLikely',
      标签: 'tags',
    });
    expect(suggestMapping(['标题', 'Quarterly cost low', 'Quarterly Cost (Likely)'])).toEqual({
      标题: 'title',
      'Quarterly cost low': 'quarterlyCostLow',
      'Quarterly Cost (Likely)': 'quarterlyCostLikely',
    });
  });

  it('previews per-row errors with field and code', async () => {
    const client = await api.client();
    const preview = await ok<Preview>(
      services.invoke('debt.csv.preview', { clientId: client.id, csvText: CSV_WITH_BAD_ROW }),
    );
    expect(preview.mapping).toMatchObject({
      Title: 'title',
      'Quarterly cost': 'quarterlyCostLikely',
    });
    expect(preview).toMatchObject({ validRows: 2, invalidRows: 1 });
    expect(preview.rows[1]).toMatchObject({ row: 3, ok: false, title: 'Broken row' });
    expect(preview.rows[1]!.errors[0]).toMatchObject({ field: 'quarterlyCostLikely' });
    expect(api.count()).toBe(0);
  });

  it('refuses invalid rows without consent, imports the rest with it', async () => {
    const client = await api.client();
    const { mapping } = await ok<Preview>(
      services.invoke('debt.csv.preview', { clientId: client.id, csvText: CSV_WITH_BAD_ROW }),
    );
    const refused = await fail(
      services.invoke('debt.csv.import', {
        clientId: client.id,
        csvText: CSV_WITH_BAD_ROW,
        mapping,
      }),
    );
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      reason: 'CSV_HAS_INVALID_ROWS',
      details: { invalidRows: 1, firstRow: 3 },
    });
    expect(api.count()).toBe(0);
    expect(
      await ok(
        services.invoke('debt.csv.import', {
          clientId: client.id,
          csvText: CSV_WITH_BAD_ROW,
          mapping,
          skipInvalid: true,
        }),
      ),
    ).toEqual({ imported: 2, skipped: 1 });
    const slow = (await items(client.id)).find((i) => i.title === 'Slow reports')!;
    expect(slow).toMatchObject({
      quarterlyCostMinor: { low: 125_050, likely: 125_050, high: 125_050 },
      fixDays: { low: 4, likely: 4, high: 4 },
      tags: ['perf', 'reports'],
      dayRateMinor: 100_000,
      currency: 'EUR',
    });
  });

  it('imports nothing when a later row fails in the database', async () => {
    const client = await api.client();
    services.database.sqlite.exec(
      `CREATE TEMP TRIGGER refuse_boom BEFORE INSERT ON debt_items WHEN NEW.title = 'Old runtime'
       BEGIN SELECT RAISE(ABORT, 'boom'); END`,
    );
    const result = await fail(
      services.invoke('debt.csv.import', {
        clientId: client.id,
        csvText: CSV_WITH_BAD_ROW,
        mapping: suggestMapping(CSV_WITH_BAD_ROW.split('\n')[0]!.split(',')),
        skipInvalid: true,
      }),
    );
    expect(result.code).toBe('INTERNAL');
    expect(api.count()).toBe(0);
  });

  it('refuses an unknown client and two columns mapped to one field', async () => {
    const client = await api.client();
    const unknown = await fail(
      services.invoke('debt.csv.preview', {
        clientId: '0196f3a0-0000-7000-8000-0000000000ff',
        csvText: 'Title\nA',
      }),
    );
    expect(unknown.reason).toBe('CLIENT_NOT_FOUND');
    const dup = await fail(
      services.invoke('debt.csv.import', {
        clientId: client.id,
        csvText: 'A,B\nx,y',
        mapping: { A: 'title', B: 'title' },
      }),
    );
    expect(dup.reason).toBe('CSV_DUPLICATE_FIELD');
  });

  it('reads Chinese headers and values', async () => {
    const client = await api.client({ defaultCurrency: 'CNY' });
    const csvText =
      '\uFEFF标题,类别,影响程度,状态,季度成本,修复天数,增长率\n报表查询缓慢,数据,高,进行中,"80000",12,2%\n';
    expect(
      await ok(
        services.invoke('debt.csv.import', {
          clientId: client.id,
          csvText,
          mapping: suggestMapping([
            '标题',
            '类别',
            '影响程度',
            '状态',
            '季度成本',
            '修复天数',
            '增长率',
          ]),
        }),
      ),
    ).toEqual({ imported: 1, skipped: 0 });
    expect((await items(client.id))[0]).toMatchObject({
      title: '报表查询缓慢',
      category: 'data',
      impact: 'high',
      status: 'in_progress',
      quarterlyCostMinor: { likely: 8_000_000 },
      growthPerQuarter: 0.02,
      currency: 'CNY',
    });
  });
});

describe('CSV export', () => {
  it('round-trips: export, then import into another client, gives the same items', async () => {
    const source = await api.client({ displayName: 'Acme Logistics GmbH' });
    await api.item(source.id, {
      title: '=HYPERLINK("http://evil")',
      description: 'Line one\nline "two", with comma',
      affectedSystem: '@system',
      status: 'accepted',
      growthPerQuarter: -0.01,
      residualFraction: 0.15,
      lagQuarters: 2,
      tags: ['ci', '发布'],
      evidence: '+1 from ops',
      dayRateMinor: 123_456,
      costEstimate: {
        method: 'incidents',
        incidentsPerQuarter: 6,
        hoursEach: 2.5,
        people: 3,
        hourlyCostMinor: 9_000,
        spreadLow: 0.7,
        spreadHigh: 1.5,
      },
    });
    await api.item(source.id, {
      title: '报表查询缓慢',
      category: 'data',
      impact: 'critical',
      quarterlyCostMinor: { low: 1, likely: 99, high: 12_345_678_901 },
      fixDays: { low: 0.25, likely: 0.5, high: 1.75 },
    });
    const exported = await ok<Exported>(
      services.invoke('debt.csv.export', { clientId: source.id }),
    );
    expect(exported.fileName).toBe('tech-debt-acme-logistics-gmbh-2026-11-21.csv');
    expect(exported.rows).toBe(2);
    expect(exported.csvText.startsWith('\uFEFFTitle,Description,Category')).toBe(true);

    // Formula injection guard on text cells.
    const parsed = Papa.parse<string[]>(exported.csvText.slice(1), { skipEmptyLines: true }).data;
    const row = parsed.find((r) => r[0]!.includes('HYPERLINK'))!;
    expect(row[0]).toBe(`'=HYPERLINK("http://evil")`);
    expect(row[4]).toBe(`'@system`);
    expect(row[17]).toBe(`'+1 from ops`);

    const target = await api.client({ displayName: 'Target' });
    const preview = await ok<Preview>(
      services.invoke('debt.csv.preview', { clientId: target.id, csvText: exported.csvText }),
    );
    expect(preview.invalidRows).toBe(0);
    expect(Object.keys(preview.mapping)).not.toContain('Client');
    await ok(
      services.invoke('debt.csv.import', {
        clientId: target.id,
        csvText: exported.csvText,
        mapping: preview.mapping,
      }),
    );
    const strip = (i: DebtItem) => {
      const { id: _id, clientId: _c, clientName: _n, ...rest } = i;
      return rest;
    };
    expect((await items(target.id)).map(strip)).toEqual((await items(source.id)).map(strip));
  });

  it('exports across all clients with a filter', async () => {
    const a = await api.client({ displayName: 'A' });
    const b = await api.client({ displayName: '华东某零售集团', defaultCurrency: 'CNY' });
    await api.item(a.id, { status: 'accepted' });
    await api.item(b.id, { status: 'accepted' });
    await api.item(b.id, { status: 'fixed' });
    const all = await ok<Exported>(services.invoke('debt.csv.export', { statuses: ['accepted'] }));
    expect(all.fileName).toBe('tech-debt-all-clients-2026-11-21.csv');
    expect(all.rows).toBe(2);
    const zh = await ok<Exported>(services.invoke('debt.csv.export', { clientId: b.id }));
    expect(zh.fileName).toBe('tech-debt-华东某零售集团-2026-11-21.csv');
    expect(zh.rows).toBe(2);
  });
});
