import { Bench } from 'tinybench';

/**
 * One benchmark. Files named `bench/*.bench.ts` export `benches: BenchCase[]`; `bench/run.ts`
 * finds them, so adding a benchmark never means editing the runner.
 */
export interface BenchCase {
  /** Unique across all files; the key in bench/results.json. */
  name: string;
  /** Area it measures ('core', 'db', 'pdf', 'renderer'…); the name filter also matches it. */
  group: string;
  /** Runs once before warm-up, outside the timings: build data here, not at import time. */
  setup?: () => Promise<void> | void;
  /** The measured work. Return something derived from the result so it cannot be optimised away. */
  fn: () => unknown | Promise<unknown>;
  /** Timed runs (default 10). */
  iterations?: number;
  /** Untimed runs before them, to let the JIT settle (default 2). */
  warmup?: number;
  /**
   * `fn` resolves to the duration it measured itself, in ms (a span between performance
   * marks in a browser page), which is recorded instead of the call's wall-clock time.
   */
  selfTimed?: boolean;
}

/**
 * A figure that is not a duration (bundle size, memory): files export `measures:
 * MeasureCase[]` beside `benches`. Measurements go to bench/measurements.json, so
 * bench/results.json keeps exactly one shape.
 */
export interface MeasureCase {
  name: string;
  group: string;
  /** Does the work once and returns its figures; throws when a budget it checks is missed. */
  measure: () => Promise<Measurement[]> | Measurement[];
}

export interface Measurement {
  /** Unique across all measurements; the key in bench/measurements.json. */
  name: string;
  value: number;
  unit: 'ms' | 'KB' | 'MB' | '×' | 'files';
}

/** The shape of bench/measurements.json. */
export type Measurements = Record<string, { value: number; unit: Measurement['unit'] }>;

export interface BenchResult {
  median_ms: number;
  p95_ms: number;
  runs: number;
}

/** The shape of bench/results.json. */
export type BenchResults = Record<string, BenchResult>;

export const DEFAULT_ITERATIONS = 10;
export const DEFAULT_WARMUP = 2;

/** Linear interpolation between order statistics (Excel's PERCENTILE.INC). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Runs one case with tinybench: setup, warm-up, then a fixed number of timed runs. */
export async function runCase(c: BenchCase): Promise<BenchResult> {
  await c.setup?.();
  const iterations = c.iterations ?? DEFAULT_ITERATIONS;
  const warmup = c.warmup ?? DEFAULT_WARMUP;
  if (c.selfTimed) {
    for (let i = 0; i < warmup; i++) await c.fn();
    const measured: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const ms = await c.fn();
      if (typeof ms !== 'number' || !Number.isFinite(ms)) {
        throw new Error(`benchmark "${c.name}" is self-timed but returned ${String(ms)}`);
      }
      measured.push(ms);
    }
    return summarise(measured);
  }
  // time: 0 makes the iteration counts exact instead of "at least, for one second".
  const bench = new Bench({
    iterations,
    time: 0,
    warmup: warmup > 0,
    warmupIterations: warmup,
    warmupTime: 0,
    retainSamples: true,
    throws: true,
  });
  bench.add(c.name, c.fn);
  const [task] = await bench.run();
  const result = task!.result;
  if (result.state !== 'completed') {
    throw new Error(`benchmark "${c.name}" ended in state ${result.state}`);
  }
  return summarise([...(result.latency.samples ?? [])]);
}

function summarise(values: number[]): BenchResult {
  const samples = [...values].sort((a, b) => a - b);
  return {
    median_ms: round(percentile(samples, 0.5)),
    p95_ms: round(percentile(samples, 0.95)),
    runs: samples.length,
  };
}

/** True when no filter is given or any filter occurs in the group, name or file name. */
export function matchesFilter(
  c: { name: string; group: string },
  file: string,
  filters: readonly string[],
): boolean {
  if (filters.length === 0) return true;
  const haystack = `${c.group} ${c.name} ${file}`.toLowerCase();
  return filters.some((f) => haystack.includes(f.toLowerCase()));
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

const ms = (value: number) => value.toFixed(value < 10 ? 3 : 1);

/** Fixed-width console table. */
export function formatTable(results: BenchResults): string {
  const rows = Object.entries(results).map(([name, r]) => [
    name,
    ms(r.median_ms),
    ms(r.p95_ms),
    String(r.runs),
  ]);
  const header = ['benchmark', 'median ms', 'p95 ms', 'runs'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Fixed-width console table of measurements. */
export function formatMeasurements(measurements: Measurements): string {
  const rows = Object.entries(measurements).map(([name, m]) => [
    name,
    formatValue(m.value),
    m.unit,
  ]);
  const header = ['measurement', 'value', 'unit'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const formatValue = (value: number) =>
  Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) < 10 ? 2 : 1);

export interface RunInfo {
  date: string;
  node: string;
  platform: string;
  cpu: string;
}

/** bench/results.md: every result on record, newest figures merged over older ones. */
export function formatMarkdown(
  results: BenchResults,
  info: RunInfo,
  measurements: Measurements = {},
): string {
  const names = Object.keys(results).sort();
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${info.date} (Node ${info.node}, ${info.platform}, ${info.cpu}).`,
    'Medians and 95th percentiles of the timed runs, after warm-up. Do not edit by hand.',
    '',
    '| Benchmark | Median (ms) | p95 (ms) | Runs |',
    '| --- | ---: | ---: | ---: |',
    ...names.map((name) => {
      const r = results[name]!;
      return `| ${name} | ${ms(r.median_ms)} | ${ms(r.p95_ms)} | ${r.runs} |`;
    }),
    '',
    '| Measurement | Value | Unit |',
    '| --- | ---: | --- |',
    ...Object.keys(measurements)
      .sort()
      .map((name) => {
        const m = measurements[name]!;
        return `| ${name} | ${formatValue(m.value)} | ${m.unit} |`;
      }),
    '',
  ];
  return lines.join('\n');
}
