/**
 * `npm run bench [-- filter…]`: runs every `bench/*.bench.ts` case whose group, name or file
 * matches one of the filters (all when none), prints a table, and merges the figures into
 * bench/results.json (timings), bench/measurements.json (sizes, memory, ratios) and
 * bench/results.md. Cases not run keep their previous figures; figures of cases that no
 * longer exist are dropped.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  formatMarkdown,
  formatMeasurements,
  formatTable,
  matchesFilter,
  runCase,
  type BenchCase,
  type BenchResults,
  type MeasureCase,
  type Measurements,
} from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const resultsJson = join(here, 'results.json');
const resultsMd = join(here, 'results.md');
const measurementsJson = join(here, 'measurements.json');

interface Discovered {
  file: string;
  cases: BenchCase[];
  measures: MeasureCase[];
}

async function discover(): Promise<Discovered[]> {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const found: Discovered[] = [];
  const names = new Set<string>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as {
      benches?: unknown;
      measures?: unknown;
    };
    if (!Array.isArray(mod.benches)) {
      throw new Error(`${file} must export "benches: BenchCase[]"`);
    }
    if (mod.measures !== undefined && !Array.isArray(mod.measures)) {
      throw new Error(`${file}: "measures" must be a MeasureCase[]`);
    }
    const cases = mod.benches as BenchCase[];
    const measures = (mod.measures ?? []) as MeasureCase[];
    for (const c of [...cases, ...measures]) {
      const run = 'fn' in c ? c.fn : (c as MeasureCase).measure;
      if (typeof c.name !== 'string' || typeof c.group !== 'string' || typeof run !== 'function') {
        throw new Error(`${file}: every bench needs a name, a group and fn (or measure)`);
      }
      if (names.has(c.name)) throw new Error(`benchmark name "${c.name}" is used twice`);
      names.add(c.name);
    }
    found.push({ file, cases, measures });
  }
  return found;
}

function readJson<T extends object>(file: string): T {
  if (!existsSync(file)) return {} as T;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return {} as T; // a broken file is rewritten from this run
  }
}

/** Keeps only the figures whose name `known` accepts (stale names of removed cases go). */
function keep<T>(record: Record<string, T>, known: (name: string) => boolean): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => known(name)));
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const discovered = await discover();
  const selected = discovered.flatMap(({ file, cases }) =>
    cases.filter((c) => matchesFilter(c, file, filters)),
  );
  const selectedMeasures = discovered.flatMap(({ file, measures }) =>
    measures.filter((m) => matchesFilter(m, file, filters)),
  );
  if (selected.length === 0 && selectedMeasures.length === 0) {
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

  const measured: Measurements = {};
  for (const m of selectedMeasures) {
    process.stdout.write(`• ${m.name} … `);
    try {
      const figures = await m.measure();
      for (const f of figures) measured[f.name] = { value: f.value, unit: f.unit };
      console.log(
        figures.map((f) => `${f.name.replace(`${m.name}: `, '')} ${f.value} ${f.unit}`).join('; '),
      );
    } catch (error) {
      failed++;
      console.log('FAILED');
      console.error(error);
    }
  }

  if (Object.keys(fresh).length > 0) console.log(`\n${formatTable(fresh)}`);
  if (Object.keys(measured).length > 0) console.log(`\n${formatMeasurements(measured)}`);
  console.log('');
  const benchNames = new Set(discovered.flatMap((d) => d.cases.map((c) => c.name)));
  const measureNames = discovered.flatMap((d) => d.measures.map((m) => m.name));
  const merged = {
    ...keep(readJson<BenchResults>(resultsJson), (name) => benchNames.has(name)),
    ...fresh,
  };
  // A measure case writes figures named "<case name>: <figure>"; one that ran replaces all
  // of its previous figures.
  const ran = selectedMeasures.map((m) => `${m.name}: `);
  const mergedMeasurements = {
    ...keep(
      readJson<Measurements>(measurementsJson),
      (name) =>
        measureNames.some((m) => name.startsWith(`${m}: `)) &&
        !ran.some((prefix) => name.startsWith(prefix)),
    ),
    ...measured,
  };
  writeFileSync(resultsJson, `${JSON.stringify(merged, null, 2)}\n`);
  writeFileSync(measurementsJson, `${JSON.stringify(mergedMeasurements, null, 2)}\n`);
  writeFileSync(
    resultsMd,
    formatMarkdown(
      merged,
      {
        date: new Date().toISOString().slice(0, 10),
        node: process.versions.node,
        platform: `${platform()} ${release()}`,
        cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
      },
      mergedMeasurements,
    ),
  );
  console.log(`Wrote ${resultsJson}, ${measurementsJson} and ${resultsMd}.`);
  return failed > 0 ? 1 : 0;
}

// Exits explicitly: a bench may leave a browser or a child process running, and the exit
// handlers (temp folders, browsers) run either way.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
