import {
  contract,
  type Compliance,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type SlaReportRow,
} from '../../core/api';
import {
  claimDeadline,
  computeCompliance,
  periodKeysBetween,
  resolvePeriod,
  serviceWindowsBetween,
  type ClauseDefinition,
  type ComplianceIncident,
  type ComplianceResult,
  type ResolvedPeriod,
  type ServiceHours,
} from '../../core/sla';
import type { schema } from '../../db';
import { readSnapshot } from '../../db/repositories/sql';
import { creditNoteHandlers } from '../billing/credit-notes';
import { requireClient, requireEngagement } from '../billing/engagements';
import type { ServiceContext } from '../context';
import type { HandlerMap } from '../handler-types';
import {
  conflict,
  incidentsOf,
  invalid,
  requireClauseRow,
  rowToDefinition,
  slaRepo,
  withSla,
} from './common';

type ClauseRow = typeof schema.slaClauses.$inferSelect;
type ComplianceMethod = Extract<
  MethodName,
  'sla.compliance' | 'sla.compliance.timeline' | 'sla.report' | 'sla.proposeCreditNote'
>;

export function sourceRefOf(clauseId: string, period: string): string {
  return `sla:${clauseId}/${period}`;
}

const METRIC_EN: Record<ClauseDefinition['metric'], string> = {
  availability: 'availability',
  'latency-percentile': 'latency',
  mttr: 'mean time to restore',
  'support-response': 'support response',
  rpo: 'RPO',
  rto: 'RTO',
  'error-rate': 'error rate',
  'sync-lag': 'sync lag',
  custom: 'service level',
};
const METRIC_ZH: Record<ClauseDefinition['metric'], string> = {
  availability: '可用性',
  'latency-percentile': '响应时间',
  mttr: '平均恢复时间',
  'support-response': '支持响应',
  rpo: 'RPO',
  rto: 'RTO',
  'error-rate': '错误率',
  'sync-lag': '同步延迟',
  custom: '服务水平',
};
const UNIT_EN = { percent: ' %', ms: ' ms', s: ' s', min: ' min', h: ' h', count: '' };
const UNIT_ZH = { percent: '%', ms: ' 毫秒', s: ' 秒', min: ' 分钟', h: ' 小时', count: ' 次' };

function reasonText(definition: ClauseDefinition, result: ComplianceResult) {
  const en = `SLA service credit, ${METRIC_EN[definition.metric]} ${result.period}: measured ${result.measured ?? '–'}${UNIT_EN[definition.unit]} against a target of ${definition.target}${UNIT_EN[definition.unit]}; credit ${result.creditPercent} % of the period fee.`;
  const zh = `SLA 服务抵扣（${METRIC_ZH[definition.metric]}，${result.period}）：实测 ${result.measured ?? '–'}${UNIT_ZH[definition.unit]}，目标 ${definition.target}${UNIT_ZH[definition.unit]}；抵扣该期服务费的 ${result.creditPercent}%。`;
  return { en, 'zh-CN': zh };
}

interface Evaluated {
  row: ClauseRow;
  definition: ClauseDefinition;
  period: ResolvedPeriod;
  result: ComplianceResult;
}

function evaluate(
  ctx: ServiceContext,
  row: ClauseRow,
  key: string,
  definition = rowToDefinition(row),
): Evaluated {
  const repo = slaRepo(ctx);
  return withSla(() => {
    const period = resolvePeriod(definition, key);
    const from = new Date(period.startMs).toISOString();
    const to = new Date(period.endMs).toISOString();
    const incidents = incidentsOf(repo.incidents(row.id, from, to));
    const measurements = repo.measurements(row.id, period.firstDate, period.lastDate);
    const result = computeCompliance(definition, period, incidents, measurements);
    return { row, definition, period, result };
  });
}

/** `currency`: the engagement's, when the caller has already read it. */
function toCompliance(ctx: ServiceContext, evaluated: Evaluated, currency?: string): Compliance {
  const { row, definition, period, result } = evaluated;
  const repo = slaRepo(ctx);
  const engagementCurrency = currency ?? requireEngagement(ctx, row.engagementId).currency;
  const sourceRef = sourceRefOf(row.id, result.period);
  const existing = repo.slaCreditNote(sourceRef);
  const invoice = repo.invoiceForPeriod(row.engagementId, period.firstDate, period.lastDate);
  const proposal =
    result.creditMinor > 0 || existing
      ? {
          invoiceId: invoice?.id ?? null,
          invoiceNumber: invoice?.number ?? null,
          amountMinor: result.creditMinor,
          currency: engagementCurrency,
          reason: reasonText(definition, result),
          sourceRef,
          existingCreditNoteId: existing?.id ?? null,
          existingCreditNoteNumber: existing?.number ?? null,
          claimBy: claimDeadline(definition, period),
        }
      : null;
  return {
    clauseId: row.id,
    metric: definition.metric,
    target: definition.target,
    unit: definition.unit,
    direction: definition.direction,
    currency: engagementCurrency,
    ...result,
    incidents: result.incidents.map((i) => ({
      id: i.id,
      start: i.start,
      end: i.end,
      cause: i.cause,
      excluded: i.excluded,
      exclusionKind: i.exclusionKind,
      exclusionNotAllowed: i.exclusionNotAllowed,
      countedMinutes: i.countedMinutes,
      counts: i.counts,
    })),
    creditNote: proposal,
  };
}

/**
 * Service windows by hours and range. Reading them takes two zone conversions per service
 * day (~3 ms for three years of business hours); clauses of an engagement usually share
 * their hours and timelines are redrawn, so the last few are kept. Pure, so never stale.
 */
const windowCache = new Map<string, { startMs: number; endMs: number }[]>();

function cachedWindows(startMs: number, endMs: number, hours: ServiceHours) {
  if (hours.kind === '24x7') return [{ startMs, endMs }];
  const key = `${JSON.stringify(hours)}|${startMs}|${endMs}`;
  let windows = windowCache.get(key);
  if (!windows) {
    windows = serviceWindowsBetween(startMs, endMs, hours);
    if (windowCache.size >= 32) windowCache.delete(windowCache.keys().next().value!);
    windowCache.set(key, windows);
  }
  return windows;
}

/** One period of a compliance timeline. */
export interface TimelineRow {
  period: string;
  start: string;
  end: string;
  measured: string | null;
  value: number | null;
  met: boolean | null;
  creditPercent: number;
  creditMinor: number;
  incidentCount: number;
}

/** A timeline row of a period's figures, computed or stored (`value` is `measured` read). */
function timelineRow(p: Omit<TimelineRow, 'value'>): TimelineRow {
  return {
    period: p.period,
    start: p.start,
    end: p.end,
    measured: p.measured,
    value: p.measured === null ? null : Number(p.measured),
    met: p.met,
    creditPercent: p.creditPercent,
    creditMinor: p.creditMinor,
    incidentCount: p.incidentCount,
  };
}

/** A clause's timeline periods and the instants and dates they cover together. */
function timelinePeriods(definition: ClauseDefinition, from: string, to: string) {
  const periods = periodKeysBetween(definition, from, to).map((key) =>
    resolvePeriod(definition, key),
  );
  return {
    periods,
    startMs: Math.min(...periods.map((p) => p.startMs)),
    endMs: Math.max(...periods.map((p) => p.endMs)),
    firstDate: periods[0]!.firstDate,
    lastDate: periods[periods.length - 1]!.lastDate,
  };
}

type Span = ComplianceIncident & { startMs: number; endMs: number };

/**
 * Timeline rows already computed, per connection: clause id → period key → row. A row is a
 * pure function of its clause's rows (the clause, its incidents and its measurements; zones
 * and service hours are code), whatever range asked for it, so it is right as long as none
 * of those has been written. Each clause's rows remember the clause's write count
 * (`slaRepo.clauseWrites`) and are dropped when it moved: an incident recomputes its own
 * clause only, and invoices, payments or any other table recompute nothing. Another
 * connection's commit or a schema change drops them all. Inside a transaction the cache is
 * neither read nor filled, so a rollback cannot leave rows of undone data behind.
 */
interface CachedClause {
  writes: number;
  rows: Map<string, TimelineRow>;
  /** The clause's period keys per range asked (`from|to`): no definition to read on a hit. */
  ranges: Map<string, string[]>;
}

/** Ranges remembered per clause (a timeline's few, the dashboard's); past it they restart. */
const MAX_CACHED_RANGES = 16;

interface RowCache {
  base: string;
  clauses: Map<string, CachedClause>;
  size: number;
  /** The write counts the cached clauses were checked against, for those computed now. */
  writes: Map<string, number>;
}

const rowCaches = new WeakMap<ServiceContext['sqlite'], RowCache>();
/** Ten years of 300 clauses; past it the cache starts again. */
const MAX_CACHED_ROWS = 36_000;

function rowCacheOf(ctx: ServiceContext): RowCache | null {
  const writes = slaRepo(ctx).clauseWrites();
  if (writes === null) return null;
  let cache = rowCaches.get(ctx.sqlite);
  if (!cache || cache.base !== writes.base || cache.size > MAX_CACHED_ROWS) {
    cache = { base: writes.base, clauses: new Map(), size: 0, writes: writes.counts };
    rowCaches.set(ctx.sqlite, cache);
  }
  cache.writes = writes.counts;
  for (const [id, clause] of cache.clauses) {
    if (clause.writes === (writes.counts.get(id) ?? 0)) continue;
    cache.clauses.delete(id);
    cache.size -= clause.rows.size;
  }
  return cache;
}

/**
 * Names the code and zone data that computed a timeline row, for the stored periods
 * (`sla_period_results`, read by a later session or build): rows of another engine are never
 * served. Bump TIMELINE_REVISION whenever `computeCompliance` or the row mapping below can
 * give another row for the same clause rows; timeline-revision.test.ts fails until you do.
 * A new Node/Electron with other zone data changes the engine by itself.
 */
export const TIMELINE_REVISION = 1;
export const TIMELINE_ENGINE = `timeline ${TIMELINE_REVISION}; tz ${process.versions.tz ?? '-'}; icu ${process.versions.icu ?? '-'}`;

type Clause = ReturnType<typeof timelinePeriods> & {
  row: ClauseRow;
  definition: ClauseDefinition;
};

/**
 * Keeps a clause's computed rows for the range `from|to` (copies: callers may change what
 * they get).
 */
function remember(
  cache: RowCache | null,
  clauseId: string,
  range: string,
  timeline: readonly TimelineRow[],
) {
  if (!cache) return;
  let cached = cache.clauses.get(clauseId);
  if (!cached) {
    cached = { writes: cache.writes.get(clauseId) ?? 0, rows: new Map(), ranges: new Map() };
    cache.clauses.set(clauseId, cached);
  }
  for (const row of timeline) {
    if (!cached.rows.has(row.period)) cache.size++;
    cached.rows.set(row.period, { ...row });
  }
  if (cached.ranges.size >= MAX_CACHED_RANGES) cached.ranges.clear();
  cached.ranges.set(
    range,
    timeline.map((row) => row.period),
  );
}

/**
 * The clauses whose every period is stored go to `out` (and the memory cache); the others
 * are returned. A stored row is right whatever connection or session wrote it: the
 * triggers of migration 0006 delete a clause's rows with every write to its rows.
 */
function fromStore(
  ctx: ServiceContext,
  clauses: readonly Clause[],
  out: Map<string, TimelineRow[]>,
  cache: RowCache | null,
  range: string,
): Clause[] {
  const stored = new Map<string, Map<string, TimelineRow>>();
  const periods = slaRepo(ctx).storedPeriods(
    clauses.map((c) => c.row.id),
    TIMELINE_ENGINE,
  );
  for (const p of periods) {
    let rows = stored.get(p.clauseId);
    if (!rows) stored.set(p.clauseId, (rows = new Map()));
    rows.set(p.period, timelineRow(p));
  }
  return clauses.filter((clause) => {
    const rows = stored.get(clause.row.id);
    if (!rows || !clause.periods.every((p) => rows.has(p.key))) return true;
    const timeline = clause.periods.map((p) => rows.get(p.key)!);
    out.set(clause.row.id, timeline);
    remember(cache, clause.row.id, range, timeline);
    return false;
  });
}

/**
 * Each clause's periods computed from its rows: the incidents and measurements of all the
 * clauses are read in one query each (any wider than a clause's own periods are left out by
 * the per-period filters below), then each period goes through `computeCompliance`.
 */
function compute(ctx: ServiceContext, clauses: readonly Clause[]): Map<string, TimelineRow[]> {
  const repo = slaRepo(ctx);
  const ids = clauses.map((c) => c.row.id);
  const startMs = Math.min(...clauses.map((c) => c.startMs));
  const endMs = Math.max(...clauses.map((c) => c.endMs));
  const firstDate = clauses.map((c) => c.firstDate).reduce((a, b) => (b < a ? b : a));
  const lastDate = clauses.map((c) => c.lastDate).reduce((a, b) => (b > a ? b : a));
  const incidents = new Map<string, Span[]>(ids.map((id) => [id, []]));
  for (const i of repo.incidentSpans(
    ids,
    new Date(startMs).toISOString(),
    new Date(endMs).toISOString(),
  )) {
    incidents.get(i.clauseId)!.push({
      id: i.id,
      start: i.start,
      end: i.end,
      excluded: i.excluded,
      cause: '',
      exclusionKind: i.exclusionKind as ComplianceIncident['exclusionKind'],
      // Stored as normalised UTC ISO text, so the native parse is exact.
      startMs: Date.parse(i.start),
      endMs: Date.parse(i.end),
    });
  }
  const measurements = new Map<string, { date: string; value: number }[]>(
    ids.map((id) => [id, []]),
  );
  for (const m of repo.clausesMeasurements(ids, firstDate, lastDate)) {
    measurements.get(m.clauseId)!.push(m);
  }
  const timelines = new Map<string, TimelineRow[]>();
  for (const clause of clauses) {
    const { definition, periods } = clause;
    const spans = incidents.get(clause.row.id)!;
    const values = measurements.get(clause.row.id)!;
    // The service windows of the whole timeline, read from the zone once.
    const windows = cachedWindows(clause.startMs, clause.endMs, definition.serviceHours);
    const timeline = periods.map((period): TimelineRow => {
      // Pre-filtered with the parsed instants: each period sees only its own records.
      const own = spans.filter((i) => i.endMs > period.startMs && i.startMs < period.endMs);
      const days = values.filter((m) => m.date >= period.firstDate && m.date <= period.lastDate);
      const r = computeCompliance(definition, period, own, days, windows);
      return timelineRow({ ...r, incidentCount: r.incidents.filter((i) => i.counts).length });
    });
    timelines.set(clause.row.id, timeline);
  }
  return timelines;
}

/** Connections whose other engines' stored rows have been removed (once each). */
const pruned = new WeakSet<ServiceContext['sqlite']>();

/** Removes the stored rows of other engines, once per connection. */
function pruneOtherEngines(ctx: ServiceContext): void {
  if (pruned.has(ctx.sqlite)) return;
  pruned.add(ctx.sqlite);
  slaRepo(ctx).dropPeriodsOfOtherEngines(TIMELINE_ENGINE);
}

/**
 * Timeline rows of each clause between the months `from` and `to`, from the first place
 * that has all of a clause's periods: this connection's memory (`RowCache`), then the
 * stored periods (`sla_period_results`, kept from earlier sessions), else computed with
 * `computeCompliance` and stored for next time. The timeline handler and the practice
 * dashboard both use it.
 */
export function clauseTimelines(
  ctx: ServiceContext,
  rows: readonly ClauseRow[],
  from: string,
  to: string,
): Map<string, TimelineRow[]> {
  const out = new Map<string, TimelineRow[]>();
  if (rows.length === 0) return out;
  const cache = rowCacheOf(ctx);
  const range = `${from}|${to}`;
  return withSla(() => {
    const clauses = rows
      .filter((row) => {
        const cached = cache?.clauses.get(row.id);
        const keys = cached?.ranges.get(range);
        if (!cached || !keys || !keys.every((key) => cached.rows.has(key))) return true;
        // Copies: callers may change what they get.
        out.set(
          row.id,
          keys.map((key) => ({ ...cached.rows.get(key)! })),
        );
        return false;
      })
      .map((row): Clause => {
        const definition = rowToDefinition(row);
        return { row, definition, ...timelinePeriods(definition, from, to) };
      });
    if (clauses.length === 0) return out;
    const fill = (storeComputed: boolean) => {
      const missing = fromStore(ctx, clauses, out, cache, range);
      if (missing.length === 0) return out;
      const computed = compute(ctx, missing);
      for (const [id, timeline] of computed) {
        out.set(id, timeline);
        remember(cache, id, range, timeline);
      }
      if (storeComputed) {
        const periods = [...computed].flatMap(([clauseId, timeline]) =>
          timeline.map((r) => ({ clauseId, ...r })),
        );
        slaRepo(ctx).storePeriods(periods, TIMELINE_ENGINE);
      }
      return out;
    };
    // Inside a caller's transaction (no memory cache then) the stored rows are still right
    // (the triggers run in it too), but nothing is stored: it may roll back. Otherwise the
    // reads and the store share one snapshot, so what is stored was computed from the rows
    // as they still are (storePeriods gives up when another connection wrote meanwhile).
    if (ctx.sqlite.inTransaction) return fill(false);
    pruneOtherEngines(ctx);
    return readSnapshot(ctx.sqlite, () => fill(true));
  });
}

/** The clause's period key for a month: the month itself, or its quarter. */
export function periodOfMonth(definition: ClauseDefinition, month: string): string {
  if (definition.window.kind !== 'quarter') return month;
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/**
 * The period report's row of each clause for the period containing `month` (a quarter
 * clause: its quarter), with the period it covers. `sla.report` runs it over every clause;
 * the SLA report PDF over one engagement's (services/documents), so both print the same.
 */
export function reportRows(
  ctx: ServiceContext,
  clauses: readonly ClauseRow[],
  month: string,
): { row: SlaReportRow; period: ResolvedPeriod }[] {
  const repo = slaRepo(ctx);
  return clauses.map((clause) => {
    const definition = rowToDefinition(clause);
    const evaluated = evaluate(ctx, clause, periodOfMonth(definition, month), definition);
    const context = repo.context(clause);
    const c = toCompliance(ctx, evaluated, context.currency);
    const issued = c.creditNote?.existingCreditNoteNumber ?? null;
    const row: SlaReportRow = {
      clauseId: clause.id,
      engagementId: clause.engagementId,
      engagementTitle: context.engagementTitle,
      clientId: context.clientId,
      clientName: context.clientName,
      label: clause.label,
      metric: c.metric,
      target: c.target,
      unit: c.unit,
      direction: c.direction,
      period: c.period,
      measured: c.measured,
      met: c.met,
      creditPercent: c.creditPercent,
      creditMinor: c.creditMinor,
      currency: c.currency,
      creditNoteStatus: issued ? 'issued' : c.creditMinor > 0 ? 'proposed' : 'none',
      creditNoteNumber: issued,
    };
    return { row, period: evaluated.period };
  });
}

/** Credits (after caps) summed per currency, currencies in alphabetical order. */
export function creditTotals(
  rows: readonly Pick<SlaReportRow, 'currency' | 'creditMinor'>[],
): { currency: string; creditMinor: number }[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.creditMinor);
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, creditMinor]) => ({ currency, creditMinor }));
}

function callBilling<M extends 'creditNotes.create'>(
  ctx: ServiceContext,
  method: M,
  input: unknown,
) {
  const parsed = contract[method].input.parse(input) as ParsedInput<M>;
  return creditNoteHandlers[method](parsed, ctx) as MethodOutput<M>;
}

export const complianceHandlers: HandlerMap<ComplianceMethod> = {
  'sla.compliance': (input, ctx) =>
    toCompliance(ctx, evaluate(ctx, requireClauseRow(ctx, input.clauseId), input.period)),

  'sla.compliance.timeline': (input, ctx) => {
    const rows = input.clauseId
      ? [requireClauseRow(ctx, input.clauseId)]
      : (requireEngagement(ctx, input.engagementId!),
        slaRepo(ctx).clausesOfEngagement(input.engagementId!));
    const [fy, fm] = input.from.split('-').map(Number) as [number, number];
    const [ty, tm] = input.to.split('-').map(Number) as [number, number];
    if ((ty - fy) * 12 + (tm - fm) + 1 > 120) {
      throw invalid('SLA_TIMELINE_TOO_LONG', 'A timeline covers at most 120 months.');
    }
    const currencies = new Map<string, string>();
    const currencyOf = (engagementId: string) => {
      let currency = currencies.get(engagementId);
      if (currency === undefined) {
        currency = requireEngagement(ctx, engagementId).currency;
        currencies.set(engagementId, currency);
      }
      return currency;
    };
    const timelines = clauseTimelines(ctx, rows, input.from, input.to);
    return {
      series: rows.map((row) => {
        const definition = rowToDefinition(row);
        return {
          clauseId: row.id,
          label: row.label,
          metric: definition.metric,
          target: definition.target,
          unit: definition.unit,
          direction: definition.direction,
          currency: currencyOf(row.engagementId),
          rows: timelines.get(row.id)!,
        };
      }),
    };
  },

  'sla.report': (input, ctx) => {
    const rows = reportRows(ctx, slaRepo(ctx).allClauses(), input.month).map((r) => r.row);
    rows.sort(
      (a, b) =>
        a.clientName.localeCompare(b.clientName) ||
        a.engagementTitle.localeCompare(b.engagementTitle) ||
        a.label.localeCompare(b.label),
    );
    return { month: input.month, rows, totals: creditTotals(rows) };
  },

  'sla.proposeCreditNote': (input, ctx) => {
    const row = requireClauseRow(ctx, input.clauseId);
    const compliance = toCompliance(ctx, evaluate(ctx, row, input.period));
    const proposal = compliance.creditNote;
    if (proposal?.existingCreditNoteId) {
      throw conflict(
        'SLA_CREDIT_ALREADY_ISSUED',
        `Credit note ${proposal.existingCreditNoteNumber} already credits this clause for ${input.period}.`,
        {
          creditNoteId: proposal.existingCreditNoteId,
          number: proposal.existingCreditNoteNumber ?? '',
        },
      );
    }
    if (!proposal || proposal.amountMinor <= 0) {
      throw conflict('SLA_NO_CREDIT_DUE', `No service credit is due for ${input.period}.`, {
        period: input.period,
      });
    }
    const invoiceId = input.invoiceId ?? proposal.invoiceId;
    if (!invoiceId) {
      throw conflict(
        'SLA_NO_INVOICE_FOR_PERIOD',
        `The engagement has no issued invoice for ${input.period}; choose the invoice to credit.`,
        { period: input.period },
      );
    }
    if (input.invoiceId) {
      const owner = ctx.sqlite
        .prepare('SELECT engagement_id AS engagementId FROM invoices WHERE id = ?')
        .get(input.invoiceId) as { engagementId: string | null } | undefined;
      if (owner && owner.engagementId !== row.engagementId) {
        throw invalid(
          'SLA_INVOICE_OF_OTHER_ENGAGEMENT',
          'The invoice belongs to another engagement.',
        );
      }
    }
    const engagement = requireEngagement(ctx, row.engagementId);
    const language =
      requireClient(ctx, engagement.clientId).documentLanguage === 'zh-CN' ? 'zh-CN' : 'en';
    const note = callBilling(ctx, 'creditNotes.create', {
      invoiceId,
      reason: proposal.reason[language].slice(0, 500),
      ...(input.issueDate ? { issueDate: input.issueDate } : {}),
      credit: { amountMinor: proposal.amountMinor },
      source: 'sla',
      sourceRef: proposal.sourceRef,
    });
    return {
      creditNoteId: note.id,
      creditNoteNumber: note.number,
      invoiceId: note.invoiceId,
      amountMinor: note.totalMinor,
      sourceRef: proposal.sourceRef,
    };
  },
};
