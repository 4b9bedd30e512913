import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE_NAME } from '../db';
import { ServicesProcess, type MemoryUsage } from './data/services-process';
import { copyWorkspace } from './data/workspace';
import { percentile, type BenchCase, type MeasureCase, type Measurement } from './harness';
import { benchWorkspace } from './workspace.bench';

/**
 * Memory of the services process while it renders invoice PDFs: the services run in their
 * own process as in the app (bench/data/services-child.ts speaks services/protocol.ts), on a
 * copy of the large workspace, and render 100 different issued invoices through
 * `documents.render`. Heap and RSS are read after a full GC once 10 and once 100 PDFs are
 * done; growth between the two beyond the allowance is a leak and fails the measurement.
 */

const PDFS = 100;
const WARMUP = 5;
/**
 * Allowed growth of the JS heap and of buffers outside it from 10 to 100 PDFs, after GC
 * (fonts and caches are loaded by the 10th). RSS is reported, not judged: it also grows as
 * SQLite's page cache (up to 64 MiB, db/open.ts) fills with the invoices read.
 */
const HEAP_ALLOWANCE_MB = 5;
const EXTERNAL_ALLOWANCE_MB = 5;

const MB = 1024 * 1024;
const round = (n: number) => Math.round(n * 10) / 10;

export const benches: BenchCase[] = [];

export const measures: MeasureCase[] = [
  {
    name: 'memory/services process, 100 invoice PDFs',
    group: 'memory',
    measure: async () => {
      const workspace = await benchWorkspace();
      const dataDir = copyWorkspace(workspace, 'memory');
      // 100 + warm-up different issued invoices, spread over the 3 years.
      const db = new Database(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
      const ids = (
        db
          .prepare(
            `SELECT id FROM invoices WHERE status <> 'draft' ORDER BY (rowid * 7919) % 50021 LIMIT ?`,
          )
          .all(PDFS + WARMUP) as { id: string }[]
      ).map((r) => r.id);
      db.close();
      const services = new ServicesProcess();
      try {
        await services.start(dataDir);
        const render = async (id: string) => {
          const result = await services.invoke('documents.render', { kind: 'invoice', id });
          if (!result.ok) throw new Error(`documents.render: ${JSON.stringify(result.error)}`);
          return result.data as { byteLength: number };
        };
        const before = await services.memory();
        for (const id of ids.slice(0, WARMUP)) await render(id);
        const times: number[] = [];
        let at10: MemoryUsage | undefined;
        for (const [i, id] of ids.slice(WARMUP).entries()) {
          const started = performance.now();
          await render(id);
          times.push(performance.now() - started);
          if (i + 1 === 10) at10 = await services.memory();
        }
        const at100 = await services.memory();
        const sorted = [...times].sort((a, b) => a - b);
        const heapGrowth = (at100.heapUsed - at10!.heapUsed) / MB;
        const rssGrowth = (at100.rss - at10!.rss) / MB;
        const externalGrowth = (at100.external - at10!.external) / MB;
        const figures: Measurement[] = [
          { name: 'rss before any PDF', value: round(before.rss / MB), unit: 'MB' },
          { name: 'rss after 10 PDFs', value: round(at10!.rss / MB), unit: 'MB' },
          { name: 'rss after 100 PDFs', value: round(at100.rss / MB), unit: 'MB' },
          { name: 'heap after 10 PDFs', value: round(at10!.heapUsed / MB), unit: 'MB' },
          { name: 'heap after 100 PDFs', value: round(at100.heapUsed / MB), unit: 'MB' },
          { name: 'heap growth 10 → 100 PDFs', value: round(heapGrowth), unit: 'MB' },
          { name: 'rss growth 10 → 100 PDFs', value: round(rssGrowth), unit: 'MB' },
          { name: 'external growth 10 → 100 PDFs', value: round(externalGrowth), unit: 'MB' },
          {
            name: 'invoice PDF through the process, median',
            value: round(percentile(sorted, 0.5)),
            unit: 'ms',
          },
          {
            name: 'invoice PDF through the process, p95',
            value: round(percentile(sorted, 0.95)),
            unit: 'ms',
          },
        ].map(
          (f) =>
            ({ ...f, name: `memory/services process, 100 invoice PDFs: ${f.name}` }) as Measurement,
        );
        if (heapGrowth > HEAP_ALLOWANCE_MB || externalGrowth > EXTERNAL_ALLOWANCE_MB) {
          throw new Error(
            `leak: from 10 to 100 PDFs the heap grew ${round(heapGrowth)} MB (allowed ${HEAP_ALLOWANCE_MB}) and external memory ${round(externalGrowth)} MB (allowed ${EXTERNAL_ALLOWANCE_MB})`,
          );
        }
        return figures;
      } finally {
        services.stop();
      }
    },
  },
];
