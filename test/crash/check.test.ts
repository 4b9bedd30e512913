import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServices, type TestServices } from '../support/services';
import { checkDatabase, emptyAcks, recordAck } from './check';

let services: TestServices | undefined;
afterEach(() => services?.dispose());

async function seeded() {
  services = await startTestServices();
  const client = await services.invoke('clients.create', {
    displayName: 'crash-t1-0',
    defaultCurrency: 'EUR',
  });
  if (!client.ok) throw new Error('seed failed');
  const clientId = (client.data as { id: string }).id;
  const rows = Array.from({ length: 3 }, (_, i) => `crash-t1-1#${i},code,medium,1000,2,900`);
  const imported = await services.invoke('debt.csv.import', {
    clientId,
    csvText: ['title,category,impact,quarterlyCostLikely,fixDaysLikely,dayRate', ...rows].join(
      '\n',
    ),
    mapping: {
      title: 'title',
      category: 'category',
      impact: 'impact',
      quarterlyCostLikely: 'quarterlyCostLikely',
      fixDaysLikely: 'fixDaysLikely',
      dayRate: 'dayRate',
    },
  });
  if (!imported.ok) throw new Error(JSON.stringify(imported.error));
  const file = services.database.file;
  return { file, clientId, sqlite: services.database.sqlite };
}

describe('crash checker', () => {
  it('passes a file that holds every acknowledged write whole', async () => {
    const { file } = await seeded();
    const acks = emptyAcks();
    recordAck(acks, 'ACK client crash-t1-0');
    recordAck(acks, 'ACK batch crash-t1-1 3');
    expect(checkDatabase(file, acks, 3)).toEqual({ lost: [], partial: [], corrupt: [] });
  });

  it('reports an acknowledged write that is missing as lost', async () => {
    const { file } = await seeded();
    const acks = emptyAcks();
    recordAck(acks, 'ACK client crash-t1-99');
    recordAck(acks, 'ACK batch crash-t1-98 3');
    expect(checkDatabase(file, acks, 3).lost).toEqual(['client crash-t1-99', 'batch crash-t1-98']);
  });

  it('reports a batch found only in part, and a numbering gap, as partial', async () => {
    const { file, sqlite } = await seeded();
    sqlite.prepare("DELETE FROM debt_items WHERE title = 'crash-t1-1#2'").run();
    sqlite.prepare("INSERT INTO number_series VALUES ('invoice', '2026', 3)").run();
    const result = checkDatabase(file, emptyAcks(), 3);
    expect(result.partial).toEqual([
      'batch crash-t1-1: 2/3 rows',
      'invoice series 2026: counter 2, 0 numbered',
    ]);
  });

  it('reports a damaged file as corrupt', async () => {
    const { file } = await seeded();
    services!.close();
    const bytes = fs.readFileSync(file);
    // Scribble over every page after the header page: the b-trees no longer parse.
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = (bytes[i]! + 101) & 0xff;
    const damaged = path.join(path.dirname(file), 'damaged.sqlite');
    fs.writeFileSync(damaged, bytes);
    expect(checkDatabase(damaged, emptyAcks(), 3).corrupt.length).toBeGreaterThan(0);
  });
});
