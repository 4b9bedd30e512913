import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../test/support/temp';
import { runMigrations } from '../migrate';
import { applyPragmas } from '../open';
import { createDebtRepository, DEFAULT_DEBT_SETTINGS, type DebtItemData } from './debt';

let sqlite: Database.Database;
const CLIENT = '0196f3a0-0000-7000-8000-000000000001';
const NOW = '2026-11-21T09:00:00.000Z';

beforeEach(async () => {
  sqlite = new Database(':memory:');
  applyPragmas(sqlite);
  await runMigrations(sqlite, { migrationsFolder: MIGRATIONS_FOLDER, backup: async () => '' });
  sqlite
    .prepare(
      `INSERT INTO clients (id, display_name, default_currency, created_at, updated_at) VALUES (?, 'Acme', 'EUR', ?, ?)`,
    )
    .run(CLIENT, NOW, NOW);
});
afterEach(() => sqlite.close());

const data = (over: Partial<DebtItemData> = {}): DebtItemData => ({
  clientId: CLIENT,
  currency: 'EUR',
  title: 'Item',
  description: '',
  category: 'code',
  impact: 'medium',
  affectedSystem: '',
  status: 'identified',
  quarterlyCostMinor: { low: 100_000, likely: 200_000, high: 400_000 },
  costEstimate: null,
  growthPerQuarter: 0,
  fixDays: { low: 1, likely: 2, high: 3 },
  dayRateMinor: 50_000,
  residualFraction: 0,
  lagQuarters: 0,
  tags: [],
  evidence: '',
  ...over,
});

const id = (n: number) => `0196f3a0-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('debt repository', () => {
  it('refuses non-integer money, unordered ranges and unknown clients at the database', () => {
    const insert = (sql: string) => () => sqlite.exec(sql);
    const base = (cost: string, client = CLIENT) =>
      `INSERT INTO debt_items (id, client_id, currency, title, category, impact, status,
        quarterly_cost_low_minor, quarterly_cost_likely_minor, quarterly_cost_high_minor,
        fix_days_low, fix_days_likely, fix_days_high, day_rate_minor, created_at, updated_at)
       VALUES ('${id(9)}', '${client}', 'EUR', 'x', 'code', 'low', 'identified', ${cost}, 1, 1, 1, 1, '${NOW}', '${NOW}')`;
    expect(insert(base('1.5, 2, 3'))).toThrow(/CHECK/);
    expect(insert(base('3, 2, 1'))).toThrow(/CHECK/);
    expect(insert(base('1, 2, 3', id(77)))).toThrow(/FOREIGN KEY/);
    expect(insert(base('1, 2, 3'))).not.toThrow();
  });

  it('stores the evaluation and keeps it current on update and on new settings', () => {
    const repo = createDebtRepository(sqlite);
    const item = repo.insert(id(1), data(), DEFAULT_DEBT_SETTINGS, NOW);
    expect(item.evaluation.fixCostMinor).toBe(100_000);
    expect(item.evaluation.cd3).toBe(100_000); // saving 200,000 / 2 days
    const updated = repo.update(
      id(1),
      { fixDays: { low: 4, likely: 4, high: 4 } },
      DEFAULT_DEBT_SETTINGS,
      NOW,
    )!;
    expect(updated.evaluation.cd3).toBe(50_000);
    const before = updated.evaluation.pvCarryMinor;
    expect(repo.saveSettings(CLIENT, { ...DEFAULT_DEBT_SETTINGS, horizonQuarters: 4 })).toBe(1);
    expect(repo.get(id(1))!.evaluation.pvCarryMinor).toBeLessThan(before);
    expect(repo.settings(CLIENT).horizonQuarters).toBe(4);
  });

  it('lists, counts and totals in SQL; ties break by id', () => {
    const repo = createDebtRepository(sqlite);
    for (let n = 1; n <= 30; n++)
      repo.insert(
        id(n),
        data({
          title: `Item ${n}`,
          quarterlyCostMinor: { low: n * 1000, likely: n * 1000, high: n * 1000 },
          status: n % 2 ? 'identified' : 'accepted',
        }),
        DEFAULT_DEBT_SETTINGS,
        NOW,
      );
    const query = {
      search: '',
      statuses: [],
      categories: [],
      tags: [],
      sort: { field: 'cd3' as const, direction: 'desc' as const },
      offset: 0,
      limit: 10,
    };
    const page = repo.list(query);
    expect(page.total).toBe(30);
    expect(page.items.map((i) => i.title)).toEqual(
      Array.from({ length: 10 }, (_, k) => `Item ${30 - k}`),
    );
    const all = repo.listAll(query);
    const sum = all.reduce((s, i) => s + i.evaluation.netBenefitMinor, 0);
    expect(page.totals[0]!.netBenefitMinor).toBeCloseTo(sum, 6);
    expect(repo.list({ ...query, statuses: ['accepted'] }).total).toBe(15);
    expect(repo.countExisting([id(1), id(2), id(99)])).toBe(2);
  });
});
