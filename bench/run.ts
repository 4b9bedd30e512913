/**
 * `npm run bench [-- filter…]`: runs every `bench/*.bench.ts` case whose group, name or file
 * matches one of the filters (all when none), prints a table, and merges the figures into
 * bench/results.json and bench/results.md (cases not run keep their previous figures).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  formatMarkdown,
  formatTable,
  matchesFilter,
  runCase,
  type BenchCase,
  type BenchResults,
} from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const resultsJson = join(here, 'results.json');
const resultsMd = join(here, 'results.md');

async function discover(): Promise<{ file: string; cases: BenchCase[] }[]> {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const found: { file: string; cases: BenchCase[] }[] = [];
  const names = new Set<string>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { benches?: unknown };
    if (!Array.isArray(mod.benches)) {
      throw new Error(`${file} must export "benches: BenchCase[]"`);
    }
    const cases = mod.benches as BenchCase[];
    for (const c of cases) {
      if (typeof c.name !== 'string' || typeof c.group !== 'string' || typeof c.fn !== 'function') {
        throw new Error(`${file}: every bench needs a name, a group and fn`);
      }
      if (names.has(c.name)) throw new Error(`benchmark name "${c.name}" is used twice`);
      names.add(c.name);
    }
    found.push({ file, cases });
  }
  return found;
}

function readResults(): BenchResults {
  if (!existsSync(resultsJson)) return {};
  try {
    return JSON.parse(readFileSync(resultsJson, 'utf8')) as BenchResults;
  } catch {
    return {}; // a broken file is rewritten from this run
  }
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const selected = (await discover()).flatMap(({ file, cases }) =>
    cases.filter((c) => matchesFilter(c, file, filters)),
  );
  if (selected.length === 0) {
    console.error(`No benchmark matches ${filters.map((f) => `"${f}"`).join(', ')}.`);
    return 1;
  }

  const fresh: BenchResults = {};
  let failed = 0;
  for (const c of selected) {
    process.stdout.write(`• ${c.name} … `);
    try {
      const r = await runCase(c);
      fresh[c.name] = r;
      console.log(`median ${r.median_ms} ms`);
    } catch (error) {
      failed++;
      console.log('FAILED');
      console.error(error);
    }
  }

  console.log(`\n${formatTable(fresh)}\n`);
  const merged = { ...readResults(), ...fresh };
  writeFileSync(resultsJson, `${JSON.stringify(merged, null, 2)}\n`);
  writeFileSync(
    resultsMd,
    formatMarkdown(merged, {
      date: new Date().toISOString().slice(0, 10),
      node: process.versions.node,
      platform: `${platform()} ${release()}`,
      cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    }),
  );
  console.log(`Wrote ${resultsJson} and ${resultsMd}.`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
