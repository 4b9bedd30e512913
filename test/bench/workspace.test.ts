import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace, type Workspace } from '../../bench/data/workspace';
import { DATABASE_FILE_NAME } from '../../db';
import { startTestServices, type TestServices } from '../support/services';
import { makeTempDir } from '../support/temp';

/**
 * The benchmark workspace generator at 1% scale: the file it writes must be one the app
 * itself could have written (every CHECK, foreign key and money rule), or the benchmarks
 * would measure data the app never sees.
 */

let temp: ReturnType<typeof makeTempDir>;
let workspace: Workspace;
let sqlite: Database.Database;

beforeAll(async () => {
  temp = makeTempDir('engagement-desk-workspace-test-');
  workspace = await generateWorkspace(temp.dir, { seed: 7, scale: 0.01, today: '2026-11-21' });
  sqlite = new Database(workspace.file, { readonly: true });
}, 60_000);

afterAll(() => {
  sqlite?.close();
  temp?.cleanup();
});

const all = <T>(sql: string) => sqlite.prepare(sql).all() as T[];
const one = <T>(sql: string) => sqlite.prepare(sql).get() as T;

describe('bench workspace generator (scale 0.01)', () => {
  it('writes the counts it reports, scaled from the large workspace', () => {
    const count = (table: string) => one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n;
    expect(workspace.counts).toMatchObject({
      clients: 10,
      engagements: 100,
      debtItems: 1_000,
      invoices: 500,
    });
    expect(count('clients')).toBe(10);
    expect(count('engagements')).toBe(100);
    expect(count('debt_items')).toBe(1_000);
    expect(count('invoices')).toBe(500);
    expect(count('invoice_lines')).toBe(workspace.counts.invoiceLines);
    expect(count('payments')).toBe(workspace.counts.payments);
    expect(count('credit_notes')).toBe(workspace.counts.creditNotes);
    expect(count('sla_clauses')).toBe(workspace.counts.slaClauses);
    expect(count('sla_incidents')).toBe(workspace.counts.slaIncidents);
    expect(workspace.counts.payments).toBeGreaterThan(100);
    expect(workspace.counts.slaIncidents).toBeGreaterThan(0);
  });

  it('passes integrity_check and foreign_key_check', () => {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('has invoice totals equal to the sum of their lines, and credit notes likewise', () => {
    const mismatched = all(
      `SELECT i.id FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
        GROUP BY i.id
       HAVING i.subtotal_minor <> sum(l.net_minor) OR i.tax_minor <> sum(l.tax_minor)
           OR i.total_minor <> sum(l.gross_minor)`,
    );
    expect(mismatched).toEqual([]);
    expect(
      one<{ n: number }>(
        'SELECT count(*) AS n FROM invoices WHERE id NOT IN (SELECT invoice_id FROM invoice_lines)',
      ).n,
    ).toBe(0);
    const credits = all(
      `SELECT c.id FROM credit_notes c JOIN credit_note_lines l ON l.credit_note_id = c.id
        GROUP BY c.id HAVING c.total_minor <> sum(l.gross_minor)`,
    );
    expect(credits).toEqual([]);
  });

  it('never lets payments and credits exceed what is due, and keeps stored sums exact', () => {
    const wrong = all(
      `SELECT i.id FROM invoices i
         LEFT JOIN (SELECT invoice_id, sum(amount_minor) AS paid FROM payments GROUP BY invoice_id) p
           ON p.invoice_id = i.id
         LEFT JOIN (SELECT invoice_id, sum(total_minor) AS credited FROM credit_notes GROUP BY invoice_id) c
           ON c.invoice_id = i.id
        WHERE coalesce(p.paid, 0) <> i.paid_minor
           OR coalesce(c.credited, 0) <> i.credited_minor
           OR i.paid_minor + i.credited_minor > i.total_minor
           OR i.balance_minor < 0`,
    );
    expect(wrong).toEqual([]);
    // The status settle() would give.
    const status = all(
      `SELECT id FROM invoices WHERE status NOT IN ('draft', 'void') AND status <> CASE
         WHEN balance_minor <= 0 THEN 'paid' WHEN paid_minor > 0 THEN 'partly_paid' ELSE 'issued' END`,
    );
    expect(status).toEqual([]);
    const payments = all(
      `SELECT p.id FROM payments p JOIN invoices i ON i.id = p.invoice_id
        WHERE p.currency <> i.currency OR p.date < i.issue_date OR p.date > '2026-11-21'`,
    );
    expect(payments).toEqual([]);
  });

  it('numbers issued invoices and credit notes gap-free per year, ready for the next one', () => {
    for (const [table, prefix, series] of [
      ['invoices', 'INV', 'invoice'],
      ['credit_notes', 'CN', 'credit_note'],
    ] as const) {
      const rows = all<{ number: string; issueDate: string }>(
        `SELECT number, issue_date AS issueDate FROM ${table} WHERE number IS NOT NULL`,
      );
      const byYear = new Map<string, number[]>();
      for (const row of rows) {
        const match = new RegExp(`^${prefix}-(\\d{4})-(\\d{4,})$`).exec(row.number);
        expect(match, row.number).not.toBeNull();
        expect(match![1]).toBe(row.issueDate.slice(0, 4));
        byYear.set(match![1]!, [...(byYear.get(match![1]!) ?? []), Number(match![2])]);
      }
      expect(byYear.size).toBeGreaterThanOrEqual(3);
      for (const [year, seqs] of byYear) {
        const sorted = seqs.sort((a, b) => a - b);
        expect(sorted).toEqual(sorted.map((_, i) => i + 1));
        const next = one<{ next: number }>(
          `SELECT next_value AS next FROM number_series WHERE series = '${series}' AND period = '${year}'`,
        );
        expect(next.next).toBe(sorted.length + 1);
      }
    }
    // Drafts have no number; issue order follows the numbers within a year.
    const outOfOrder = all(
      `SELECT a.id FROM invoices a JOIN invoices b
          ON substr(a.number, 5, 4) = substr(b.number, 5, 4) AND a.number < b.number
         AND length(a.number) = length(b.number) AND a.issue_date > b.issue_date`,
    );
    expect(outOfOrder).toEqual([]);
  });

  it('spreads the history over the 3 years up to today, in both languages', () => {
    const span = one<{ first: string; last: string }>(
      `SELECT min(issue_date) AS first, max(issue_date) AS last FROM invoices`,
    );
    expect(span.first < '2024-01-31').toBe(true);
    expect(span.last > '2026-10-01' && span.last <= '2026-11-21').toBe(true);
    const languages = all<{ documentLanguage: string }>(
      'SELECT DISTINCT document_language AS documentLanguage FROM clients ORDER BY 1',
    );
    expect(languages.map((l) => l.documentLanguage)).toEqual(['en', 'zh-CN']);
  });

  it('is read by the real services: lists, an invoice and a credit note validate', async () => {
    const copy = makeTempDir('engagement-desk-workspace-copy-');
    fs.copyFileSync(workspace.file, path.join(copy.dir, DATABASE_FILE_NAME));
    let services: TestServices | undefined;
    try {
      services = await startTestServices({ dir: copy.dir, now: () => workspace.now });
      const call = async (method: string, input: unknown) => {
        const result = await services!.invoke(method, input);
        if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
        return result.data as { items: { id: string }[]; total: number };
      };
      expect((await call('clients.list', { archived: 'all' })).total).toBe(10);
      const invoices = await call('invoices.list', { limit: 500 });
      expect(invoices.total).toBe(500);
      for (const { id } of invoices.items.slice(0, 50)) await call('invoices.get', { id });
      const credits = await call('creditNotes.list', {});
      expect(credits.total).toBe(workspace.counts.creditNotes);
      if (credits.items[0]) await call('creditNotes.get', { id: credits.items[0].id });
      expect((await call('debt.list', { limit: 10 })).total).toBe(1_000);
      expect((await call('engagements.list', {})).total).toBe(100);
    } finally {
      services?.close();
      copy.cleanup();
    }
  });

  it('is the same workspace for the same seed', async () => {
    const again = makeTempDir('engagement-desk-workspace-again-');
    try {
      const second = await generateWorkspace(again.dir, {
        seed: 7,
        scale: 0.01,
        today: '2026-11-21',
      });
      const other = new Database(second.file, { readonly: true });
      const digest = (db: Database.Database) =>
        db.prepare('SELECT id, number, total_minor, balance_minor FROM invoices ORDER BY id').all();
      try {
        expect(digest(other)).toEqual(digest(sqlite));
      } finally {
        other.close();
      }
    } finally {
      again.cleanup();
    }
  }, 60_000);
});
