import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreditNote, Invoice } from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { billingApi, fail, ok, testClock } from './test-helpers';

const run = promisify(execFile);
let services: TestServices;
let api: ReturnType<typeof billingApi>;
const clock = testClock();
beforeEach(async () => {
  clock.set('2026-11-21');
  services = await startTestServices({ now: clock.now });
  api = billingApi(services);
});
afterEach(() => services.dispose());

const seq = (number: string) => Number(number.slice(-4));

function expectGapFree(numbers: string[], prefix = 'INV-2026-') {
  const sorted = numbers.map((n) => (expect(n.startsWith(prefix)).toBe(true), seq(n)));
  sorted.sort((a, b) => a - b);
  expect(sorted).toEqual(sorted.map((_, i) => i + 1));
}

describe('gap-free numbering', () => {
  it('drafts have no number; numbers restart each year with the pattern’s year', async () => {
    const client = await api.client();
    const draft = await api.linesInvoice(client.id);
    expect(draft.number).toBeNull();
    expect((await api.issue(draft.id, '2026-12-31')).number).toBe('INV-2026-0001');
    expect((await api.issue((await api.linesInvoice(client.id)).id, '2027-01-01')).number).toBe(
      'INV-2027-0001',
    );
    expect((await api.issue((await api.linesInvoice(client.id)).id, '2026-12-31')).number).toBe(
      'INV-2026-0002',
    );
  });

  it('a failure after the number was taken rolls the number back (no gap)', async () => {
    const client = await api.client();
    const first = await api.issue((await api.linesInvoice(client.id)).id);
    const draft = await api.linesInvoice(client.id);
    // Fail inside the issue's transaction, after number_series was incremented.
    services.database.sqlite.exec(
      `CREATE TEMP TRIGGER fail_issue BEFORE UPDATE OF status ON invoices
       WHEN NEW.status = 'issued' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    );
    const before = api.snapshot();
    const error = await fail(services.invoke('invoices.issue', { id: draft.id }));
    expect(error.code).toBe('INTERNAL');
    expect(api.snapshot()).toBe(before);
    expect((await api.get(draft.id)).number).toBeNull();
    services.database.sqlite.exec('DROP TRIGGER fail_issue');
    const second = await api.issue(draft.id);
    expect([first.number, second.number]).toEqual(['INV-2026-0001', 'INV-2026-0002']);

    // Same for credit notes: a failure after numbering leaves the series untouched.
    services.database.sqlite.exec(
      `CREATE TEMP TRIGGER fail_credit AFTER INSERT ON credit_note_lines
       BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    );
    const credit = { invoiceId: second.id, reason: 'x', credit: { amountMinor: 10 } };
    expect((await fail(services.invoke('creditNotes.create', credit))).code).toBe('INTERNAL');
    services.database.sqlite.exec('DROP TRIGGER fail_credit');
    expect((await api.call<CreditNote>('creditNotes.create', credit)).number).toBe('CN-2026-0001');
  });

  it('property: any mix of successful and failing issues leaves 1..n with no gap', async () => {
    const client = await api.client();
    const numbers: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), async (plan) => {
        for (const failing of plan) {
          const draft = await api.linesInvoice(client.id);
          if (failing) {
            services.database.sqlite.exec(
              `CREATE TEMP TRIGGER f BEFORE UPDATE OF status ON invoices
               BEGIN SELECT RAISE(ABORT, 'x'); END`,
            );
            await fail(services.invoke('invoices.issue', { id: draft.id }));
            services.database.sqlite.exec('DROP TRIGGER f');
          } else {
            numbers.push((await api.issue(draft.id)).number!);
          }
        }
        expectGapFree(numbers);
      }),
      { numRuns: 15, seed: 6 },
    );
  });

  it('two services instances on one data folder never share a number', async () => {
    const other = await startTestServices({ dir: services.dir, now: clock.now });
    try {
      const client = await api.client();
      const drafts = await Promise.all(
        Array.from({ length: 20 }, () => api.linesInvoice(client.id)),
      );
      const issued = await Promise.all(
        drafts.map((d, i) =>
          ok<Invoice>((i % 2 ? other : services).invoke('invoices.issue', { id: d.id })),
        ),
      );
      const numbers = issued.map((i) => i.number!);
      expect(new Set(numbers).size).toBe(20);
      expectGapFree(numbers);
    } finally {
      other.close();
    }
  });

  it('two processes issuing at once on one file: unique and gap-free', async () => {
    const client = await api.client();
    const script = path.resolve(__dirname, '../../test/support/issue-invoices.ts');
    const spawn = () =>
      run(process.execPath, ['--import', 'tsx', script, services.dir, client.id, '25'], {
        cwd: path.resolve(__dirname, '../..'),
      });
    const results = await Promise.all([spawn(), spawn()]);
    const numbers = results.flatMap((r) => JSON.parse(r.stdout) as string[]);
    expect(numbers).toHaveLength(50);
    expect(new Set(numbers).size).toBe(50);
    expectGapFree(numbers);
  }, 60_000);
});
