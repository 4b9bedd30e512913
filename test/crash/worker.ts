/**
 * The process the crash test kills: opens the data folder through the real services and
 * writes as fast as it can, through the same dispatcher the app uses. After each write
 * commits it prints one acknowledgement line (synchronously, so a line on stdout means the
 * commit returned). Lines:
 *   READY
 *   ACK client <name>
 *   ACK batch <key> <rows>          a CSV import of <rows> debt items in one transaction
 *   ACK issued <invoiceId> <number> an invoice issued (gap-free numbering)
 *
 * Usage: node --import tsx test/crash/worker.ts <dataDir> <tag>
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServices } from '../../services/host';
import { BATCH_ROWS, CRASH_CLIENT } from './constants';

const [dataDir, tag] = process.argv.slice(2);
if (!dataDir || !tag) {
  console.error('usage: worker.ts <dataDir> <tag>');
  process.exit(2);
}

const here = path.dirname(fileURLToPath(import.meta.url));

function say(line: string): void {
  fs.writeSync(1, `${line}\n`);
}

async function main(): Promise<void> {
  const services = await startServices({
    dataDir,
    migrationsFolder: path.resolve(here, '../../db/migrations'),
    appVersion: '0.0.0-crash',
    logError: (method, error) => console.error(`[worker] ${method}`, error),
  });

  async function call<T>(method: string, input: unknown): Promise<T> {
    const result = await services.invoke(method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.data as T;
  }

  // One client owns the batches and invoices; earlier trials may have created it.
  const existing = await call<{ items: Array<{ id: string; displayName: string }> }>(
    'clients.list',
    { search: CRASH_CLIENT, archived: 'all', limit: 10 },
  );
  const owner =
    existing.items.find((c) => c.displayName === CRASH_CLIENT) ??
    (await call<{ id: string }>('clients.create', {
      displayName: CRASH_CLIENT,
      defaultCurrency: 'EUR',
    }));

  say('READY');

  const csvHeader = 'title,category,impact,quarterlyCostLikely,fixDaysLikely,dayRate';
  const mapping = {
    title: 'title',
    category: 'category',
    impact: 'impact',
    quarterlyCostLikely: 'quarterlyCostLikely',
    fixDaysLikely: 'fixDaysLikely',
    dayRate: 'dayRate',
  } as const;

  for (let n = 0; ; n++) {
    const op = n % 3;
    if (op === 0) {
      const name = `crash-${tag}-${n}`;
      await call('clients.create', { displayName: name, defaultCurrency: 'EUR' });
      say(`ACK client ${name}`);
    } else if (op === 1) {
      const key = `crash-${tag}-${n}`;
      const rows = Array.from(
        { length: BATCH_ROWS },
        (_, i) => `${key}#${i},code,medium,${1000 + i},${1 + (i % 9)},900`,
      );
      await call('debt.csv.import', {
        clientId: owner.id,
        csvText: [csvHeader, ...rows].join('\n'),
        mapping,
      });
      say(`ACK batch ${key} ${BATCH_ROWS}`);
    } else {
      const draft = await call<{ id: string }>('invoices.createFromLines', {
        clientId: owner.id,
        lines: [
          {
            description: `crash ${tag} ${n}`,
            quantity: '1.5',
            unitPriceMinor: 123_45,
            taxRatePercent: '19',
          },
        ],
      });
      const issued = await call<{ id: string; number: string }>('invoices.issue', { id: draft.id });
      say(`ACK issued ${issued.id} ${issued.number}`);
    }
  }
}

void main();
