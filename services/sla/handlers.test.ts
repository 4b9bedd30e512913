import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServices, type TestServices } from '../../test/support/services';
import { testClock } from '../billing/test-helpers';
import type { SlaReport } from '../../core/api';
import { fail, ok, slaApi } from './test-helpers';

let services: TestServices;
let api: ReturnType<typeof slaApi>;

beforeEach(async () => {
  const clock = testClock('2026-04-10T09:00:00.000Z');
  services = await startTestServices({ now: clock.now });
  api = slaApi(services);
});
afterEach(() => services.dispose());

/** ISO end of an incident `ms` milliseconds after `start`. */
const after = (start: string, ms: number) => new Date(Date.parse(start) + ms).toISOString();
const MIN = 60_000;

describe('availability at tier boundaries, February vs March', () => {
  it('the same 21 minutes miss 99.95 % in February (40,320 min) and meet it in March (44,640 min)', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id);
    await api.incident(
      clause.id,
      '2026-02-10T10:00:00.000Z',
      after('2026-02-10T10:00:00.000Z', 21 * MIN),
    );
    await api.incident(
      clause.id,
      '2026-03-10T10:00:00.000Z',
      after('2026-03-10T10:00:00.000Z', 21 * MIN),
    );
    const feb = await api.compliance(clause.id, '2026-02');
    const mar = await api.compliance(clause.id, '2026-03');
    expect(feb.met).toBe(false);
    expect(feb.creditPercent).toBe(10);
    expect(feb.creditMinor).toBe(100_000);
    expect(feb.allowedDowntimeMinutes).toBeCloseTo(20.16, 10);
    expect(mar.met).toBe(true);
    expect(mar.creditPercent).toBe(0);
    expect(mar.creditNote).toBeNull();
    expect(mar.allowedDowntimeMinutes).toBeCloseTo(22.32, 10);
  });

  it('exactly the allowed downtime is met; one millisecond more earns the tier', async () => {
    const { engagement } = await api.setup();
    const exact = await api.clause(engagement.id);
    const over = await api.clause(engagement.id);
    const start = '2026-02-03T00:00:00.000Z';
    await api.incident(exact.id, start, after(start, 20.16 * MIN));
    await api.incident(over.id, start, after(start, 20.16 * MIN + 1));
    const a = await api.compliance(exact.id, '2026-02');
    const b = await api.compliance(over.id, '2026-02');
    expect(a.measured).toBe('99.95');
    expect(a.met).toBe(true);
    expect(a.creditPercent).toBe(0);
    expect(b.met).toBe(false);
    expect(b.creditPercent).toBe(10);
  });

  it('exactly 99 % stays in the 10 % tier; below it earns 30 %', async () => {
    const { engagement } = await api.setup();
    const exact = await api.clause(engagement.id);
    const over = await api.clause(engagement.id);
    const start = '2026-02-03T00:00:00.000Z';
    await api.incident(exact.id, start, after(start, 403.2 * MIN));
    await api.incident(over.id, start, after(start, 403.2 * MIN + 1));
    expect((await api.compliance(exact.id, '2026-02')).creditPercent).toBe(10);
    expect((await api.compliance(over.id, '2026-02')).creditPercent).toBe(30);
  });
});

describe('what counts', () => {
  it('excluded incidents do not count when the clause allows the kind; otherwise they do', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id, {
      exclusions: { maintenance: true, clientCaused: true, forceMajeure: false },
    });
    const s1 = '2026-02-03T00:00:00.000Z';
    const s2 = '2026-02-04T00:00:00.000Z';
    await api.incident(clause.id, s1, after(s1, 60 * MIN), {
      excluded: true,
      exclusionKind: 'client-caused',
    });
    await api.incident(clause.id, s2, after(s2, 10 * MIN), {
      excluded: true,
      exclusionKind: 'force-majeure',
    });
    const result = await api.compliance(clause.id, '2026-02');
    expect(result.downtimeMinutes).toBe(10);
    const [client, force] = result.incidents;
    expect(client!.counts).toBe(false);
    expect(force!.counts).toBe(true);
    expect(force!.exclusionNotAllowed).toBe(true);
  });

  it('overlapping incidents are counted once', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id);
    await api.incident(clause.id, '2026-02-03T10:00:00.000Z', '2026-02-03T10:30:00.000Z');
    await api.incident(clause.id, '2026-02-03T10:20:00.000Z', '2026-02-03T10:45:00.000Z');
    const result = await api.compliance(clause.id, '2026-02');
    expect(result.downtimeMinutes).toBe(45);
    expect(result.incidents.map((i) => i.countedMinutes)).toEqual([30, 25]);
  });

  it('an incident across the month boundary counts only inside the period', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id);
    await api.incident(clause.id, '2026-02-28T23:50:00.000Z', '2026-03-01T00:20:00.000Z');
    expect((await api.compliance(clause.id, '2026-02')).downtimeMinutes).toBe(10);
    expect((await api.compliance(clause.id, '2026-03')).downtimeMinutes).toBe(20);
  });

  it('business hours: a weekend and the daylight-saving change do not count', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id, {
      timeZone: 'Europe/Berlin',
      serviceHours: {
        kind: 'weekly',
        timeZone: 'Europe/Berlin',
        windows: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }],
      },
    });
    // Friday 27 March 16:00 CET → Monday 30 March 10:00 CEST (clocks go forward on the 29th).
    await api.incident(clause.id, '2026-03-27T15:00:00.000Z', '2026-03-30T08:00:00.000Z');
    const result = await api.compliance(clause.id, '2026-03');
    expect(result.downtimeMinutes).toBe(120);
    // 22 weekdays × 8 h in March 2026.
    expect(result.serviceMinutes).toBe(22 * 480);
    expect(result.start).toBe('2026-02-28T23:00:00.000Z');
    expect(result.end).toBe('2026-03-31T22:00:00.000Z');
  });
});

describe('caps', () => {
  it('a per-period cap of 25 % binds a 30 % credit; a per-incident cap shares by downtime', async () => {
    const { engagement } = await api.setup();
    const period = await api.clause(engagement.id, { perPeriodCapPercent: '25' });
    const incident = await api.clause(engagement.id, { perIncidentCapMinor: 100_000 });
    for (const id of [period.id, incident.id]) {
      await api.incident(id, '2026-02-03T00:00:00.000Z', '2026-02-03T06:00:00.000Z');
      await api.incident(id, '2026-02-04T00:00:00.000Z', '2026-02-04T02:00:00.000Z');
    }
    const a = await api.compliance(period.id, '2026-02');
    expect(a.creditPercent).toBe(30);
    expect(a.uncappedCreditMinor).toBe(300_000);
    expect(a.creditMinor).toBe(250_000);
    expect(a.capBoundBy).toBe('per-period');
    const b = await api.compliance(incident.id, '2026-02');
    // 300,000 shared 6:2 → 225,000 and 75,000; the first capped at 100,000.
    expect(b.creditMinor).toBe(175_000);
    expect(b.capBoundBy).toBe('per-incident');
  });
});

describe('bad input: a clear error and nothing saved', () => {
  it('target 101 %, end before start, duplicate tiers, tiers beyond the target, unknown engagement', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id);
    const before = api.snapshot();
    const refusedCreate = (fields: Record<string, unknown>) =>
      fail(services.invoke('sla.clauses.create', fields));
    const refusedUpdate = (changes: Record<string, unknown>) =>
      fail(services.invoke('sla.clauses.update', { id: clause.id, changes }));

    const over = await refusedCreate({
      engagementId: engagement.id,
      metric: 'availability',
      target: '101',
      unit: 'percent',
      direction: 'at-least',
    });
    expect(over.code).toBe('VALIDATION');
    expect(over.issues.map((i) => i.code)).toContain('SLA_PERCENT_OUT_OF_RANGE');

    const dup = await refusedUpdate({
      creditTiers: [
        { below: '99', creditPercent: 10 },
        { below: '99.0', creditPercent: 25 },
      ],
    });
    expect(dup.code).toBe('VALIDATION');
    expect(dup.reason).toBe('SLA_DUPLICATE_TIER');

    const beyond = await refusedUpdate({ creditTiers: [{ below: '99.99', creditPercent: 10 }] });
    expect(beyond.reason).toBe('SLA_TIER_BEYOND_TARGET');

    const notMonotone = await refusedUpdate({
      creditTiers: [
        { below: '99.9', creditPercent: 25 },
        { below: '99', creditPercent: 10 },
      ],
    });
    expect(notMonotone.reason).toBe('SLA_TIER_CREDITS_NOT_MONOTONE');

    const percentOver = await refusedUpdate({ target: '101' });
    expect(percentOver.reason).toBe('SLA_PERCENT_OUT_OF_RANGE');

    const backwards = await fail(
      services.invoke('sla.incidents.create', {
        clauseId: clause.id,
        start: '2026-02-03T10:00:00.000Z',
        end: '2026-02-03T09:00:00.000Z',
      }),
    );
    expect(backwards.code).toBe('VALIDATION');
    expect(backwards.issues.map((i) => i.code)).toContain('SLA_END_BEFORE_START');

    const unknown = await refusedCreate({
      engagementId: '0196f3a0-0000-7000-8000-0000000000ff',
      metric: 'availability',
      target: '99.9',
      unit: 'percent',
      direction: 'at-least',
    });
    expect(unknown.code).toBe('NOT_FOUND');

    const latencyWrongSide = await refusedCreate({
      engagementId: engagement.id,
      metric: 'latency-percentile',
      target: '800',
      unit: 'ms',
      direction: 'at-most',
      creditTiers: [{ below: '800', creditPercent: 5 }],
    });
    expect(latencyWrongSide.issues.map((i) => i.code)).toContain('SLA_TIER_WRONG_SIDE');

    expect(api.snapshot()).toBe(before);
  });

  it('an engagement with clauses cannot be deleted; deleting a clause takes its incidents', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id);
    await api.incident(clause.id, '2026-02-03T10:00:00.000Z', '2026-02-03T10:30:00.000Z');
    const refused = await fail(services.invoke('engagements.delete', { id: engagement.id }));
    expect(refused.reason).toBe('ENGAGEMENT_HAS_DEPENDENTS');
    await ok(services.invoke('sla.clauses.delete', { id: clause.id }));
    expect(api.count('sla_incidents')).toBe(0);
    await ok(services.invoke('engagements.delete', { id: engagement.id }));
  });
});

describe('latency and measurements', () => {
  it('the P99 of daily P99s against an at-most target with above-tiers', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id, {
      metric: 'latency-percentile',
      target: '800',
      unit: 'ms',
      direction: 'at-most',
      creditTiers: [
        { above: '800', creditPercent: 5 },
        { above: '1600', creditPercent: 10 },
      ],
    });
    const csv = [
      'date,p99_ms',
      ...Array.from(
        { length: 28 },
        (_, i) => `2026-02-${String(i + 1).padStart(2, '0')},${i === 5 ? 950 : 600 + i}`,
      ),
    ].join('\n');
    const imported = await ok<{ imported: number }>(
      services.invoke('sla.measurements.importCsv', { clauseId: clause.id, csvText: csv }),
    );
    expect(imported.imported).toBe(28);
    const feb = await api.compliance(clause.id, '2026-02');
    expect(feb.measured).toBe('950');
    expect(feb.met).toBe(false);
    expect(feb.creditPercent).toBe(5);
    const mar = await api.compliance(clause.id, '2026-03');
    expect(mar.measured).toBeNull();
    expect(mar.met).toBeNull();
  });

  it('CSV with bad rows imports nothing unless the user agrees to skip them', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id, {
      metric: 'latency-percentile',
      target: '800',
      unit: 'ms',
      direction: 'at-most',
      creditTiers: [],
    });
    const csv = 'date,value\n2026-02-01,600\n2026-02-31,700\n2026-02-02,abc\n2026-02-01,650\n';
    const before = api.snapshot();
    const refused = await fail(
      services.invoke('sla.measurements.importCsv', { clauseId: clause.id, csvText: csv }),
    );
    expect(refused.reason).toBe('CSV_HAS_INVALID_ROWS');
    expect(api.snapshot()).toBe(before);
    const dry = await ok<{ rows: { row: number; error: string | null }[] }>(
      services.invoke('sla.measurements.importCsv', {
        clauseId: clause.id,
        csvText: csv,
        dryRun: true,
      }),
    );
    expect(dry.rows.map((r) => [r.row, r.error])).toEqual([
      [2, null],
      [3, 'CSV_BAD_DATE'],
      [4, 'CSV_BAD_VALUE'],
      [5, 'CSV_DUPLICATE_DATE'],
    ]);
    const skipped = await ok<{ imported: number; skipped: number }>(
      services.invoke('sla.measurements.importCsv', {
        clauseId: clause.id,
        csvText: csv,
        skipInvalid: true,
      }),
    );
    expect(skipped).toMatchObject({ imported: 1, skipped: 3 });
  });
});

describe('credit notes', () => {
  it('proposeCreditNote creates a linked SLA credit note and refuses a duplicate', async () => {
    const { client, engagement } = await api.setup();
    const draft = await api.linesInvoice(client.id, {
      engagementId: engagement.id,
      supplyDate: '2026-02-15',
    });
    const invoice = await api.issue(draft.id, '2026-03-01');
    const clause = await api.clause(engagement.id);
    await api.incident(clause.id, '2026-02-10T10:00:00.000Z', '2026-02-10T11:00:00.000Z');
    const compliance = await api.compliance(clause.id, '2026-02');
    expect(compliance.creditNote).toMatchObject({
      invoiceId: invoice.id,
      amountMinor: 100_000,
      existingCreditNoteId: null,
      claimBy: '2026-03-30',
    });
    expect(compliance.creditNote!.reason['zh-CN']).toContain('可用性');

    const created = await ok<{ creditNoteId: string; amountMinor: number; sourceRef: string }>(
      services.invoke('sla.proposeCreditNote', {
        clauseId: clause.id,
        period: '2026-02',
        issueDate: '2026-03-05',
      }),
    );
    expect(created.amountMinor).toBe(100_000);
    expect(created.sourceRef).toBe(`sla:${clause.id}/2026-02`);
    const note = await ok<{
      source: string;
      sourceRef: string;
      invoiceId: string;
      totalMinor: number;
    }>(services.invoke('creditNotes.get', { id: created.creditNoteId }));
    expect(note).toMatchObject({
      source: 'sla',
      sourceRef: created.sourceRef,
      invoiceId: invoice.id,
      totalMinor: 100_000,
    });

    const before = api.snapshot();
    const again = await fail(
      services.invoke('sla.proposeCreditNote', { clauseId: clause.id, period: '2026-02' }),
    );
    expect(again.code).toBe('CONFLICT');
    expect(again.reason).toBe('SLA_CREDIT_ALREADY_ISSUED');
    expect(api.snapshot()).toBe(before);
    expect((await api.compliance(clause.id, '2026-02')).creditNote!.existingCreditNoteId).toBe(
      created.creditNoteId,
    );
  });

  it('refuses when nothing is due or no invoice covers the period', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id);
    const none = await fail(
      services.invoke('sla.proposeCreditNote', { clauseId: clause.id, period: '2026-02' }),
    );
    expect(none.reason).toBe('SLA_NO_CREDIT_DUE');
    await api.incident(clause.id, '2026-02-10T10:00:00.000Z', '2026-02-10T11:00:00.000Z');
    const noInvoice = await fail(
      services.invoke('sla.proposeCreditNote', { clauseId: clause.id, period: '2026-02' }),
    );
    expect(noInvoice.reason).toBe('SLA_NO_INVOICE_FOR_PERIOD');
  });
});

describe('timeline, library, suggestions, exposure', () => {
  it('timeline rows per month for a clause and for all clauses of an engagement', async () => {
    const { engagement } = await api.setup();
    const a = await api.clause(engagement.id);
    await api.clause(engagement.id, { window: { kind: 'quarter' } });
    await api.incident(a.id, '2026-02-10T10:00:00.000Z', '2026-02-10T11:00:00.000Z');
    const one = await ok<{
      series: { rows: { period: string; met: boolean; creditMinor: number }[] }[];
    }>(
      services.invoke('sla.compliance.timeline', {
        clauseId: a.id,
        from: '2026-01',
        to: '2026-03',
      }),
    );
    expect(one.series[0]!.rows.map((r) => [r.period, r.met, r.creditMinor])).toEqual([
      ['2026-01', true, 0],
      ['2026-02', false, 100_000],
      ['2026-03', true, 0],
    ]);
    const all = await ok<{ series: { rows: { period: string }[] }[] }>(
      services.invoke('sla.compliance.timeline', {
        engagementId: engagement.id,
        from: '2026-01',
        to: '2026-06',
      }),
    );
    expect(all.series).toHaveLength(2);
    expect(all.series[1]!.rows.map((r) => r.period)).toEqual(['2026-Q1', '2026-Q2']);
  });

  it('library templates and suggestions are valid clauses', async () => {
    const { engagement } = await api.setup();
    const library = await ok<{ id: string; draft: Record<string, unknown> }[]>(
      services.invoke('sla.library', {}),
    );
    expect(library.length).toBeGreaterThanOrEqual(15);
    for (const t of library) {
      await ok(services.invoke('sla.clauses.create', { ...t.draft, engagementId: engagement.id }));
    }
    const suggested = await ok<{
      suggestions: { ruleId: string; draft: Record<string, unknown> }[];
    }>(services.invoke('sla.suggest', { text: '报表很慢，而且经常宕机' }));
    expect(suggested.suggestions.map((s) => s.ruleId)).toEqual([
      'slow-to-p99',
      'outage-to-availability',
    ]);
    expect(suggested.suggestions[0]!.draft.subject).toEqual({
      en: 'the report endpoint',
      'zh-CN': '报表接口',
    });
  });

  it('exposure is deterministic for a seed and grows with the assumed downtime', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id);
    const run = (low: number, likely: number, high: number, seed = 3) =>
      ok<{
        expectedAnnualCreditMinor: number;
        p10Minor: number;
        p90Minor: number;
        annualFeeMinor: number;
      }>(
        services.invoke('sla.exposure', {
          clauseId: clause.id,
          model: { kind: 'pert', low, likely, high },
          samples: 2_000,
          seed,
        }),
      );
    const first = await run(5, 20, 90);
    expect(await run(5, 20, 90)).toEqual(first);
    expect(first.annualFeeMinor).toBe(12_000_000);
    let previous = await run(0, 0, 0);
    expect(previous.expectedAnnualCreditMinor).toBe(0);
    for (const shift of [5, 10, 20, 40, 80, 400]) {
      const next = await run(shift, 20 + shift, 90 + shift);
      expect(next.expectedAnnualCreditMinor).toBeGreaterThanOrEqual(
        previous.expectedAnnualCreditMinor,
      );
      expect(next.p90Minor).toBeGreaterThanOrEqual(previous.p90Minor);
      previous = next;
    }
    expect(previous.expectedAnnualCreditMinor).toBeGreaterThan(0);
    const historical = await ok<{ historicalPeriods: string[] }>(
      services.invoke('sla.exposure', {
        clauseId: clause.id,
        model: { kind: 'historical', periods: 12 },
      }),
    );
    expect(historical.historicalPeriods).toHaveLength(12);
    expect(historical.historicalPeriods.at(-1)).toBe('2026-03');
  });
});

describe('clause wording and periods', () => {
  it('generates wording in both languages; an override wins, per language', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id);
    expect(clause.wording.en).toContain('available at least 99.95 % of each calendar month');
    expect(clause.wording['zh-CN']).toContain('服务在每个自然月内的可用性不低于 99.95%');
    expect(clause.creditTiers[0]).toEqual({ below: '99.95', creditPercent: 10 });
    const updated = await api.call<typeof clause>('sla.clauses.update', {
      id: clause.id,
      changes: { wordingOverride: { en: null, 'zh-CN': '服务可用性不低于 99.95%。' } },
    });
    expect(updated.wording['zh-CN']).toBe('服务可用性不低于 99.95%。');
    expect(updated.wording.en).toBe(updated.generatedWording.en);
  });

  it('a period key of the wrong kind is refused with a reason', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id);
    const error = await fail(
      services.invoke('sla.compliance', { clauseId: clause.id, period: '2026-Q1' }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.reason).toBe('SLA_PERIOD_MISMATCH');
  });
});

describe('exposure of an at-most clause', () => {
  it('a latency clause with an assumed P99 around the target pays credits some months', async () => {
    const { engagement } = await api.setup();
    const clause = await api.clause(engagement.id, {
      metric: 'latency-percentile',
      target: '800',
      unit: 'ms',
      direction: 'at-most',
      creditTiers: [
        { above: '800', creditPercent: 5 },
        { above: '1600', creditPercent: 10 },
      ],
    });
    const run = (high: number) =>
      ok<{ probabilityOfCredit: number; expectedAnnualCreditMinor: number; tiers: unknown[] }>(
        services.invoke('sla.exposure', {
          clauseId: clause.id,
          model: { kind: 'triangular', low: 500, likely: 700, high },
          seed: 11,
        }),
      );
    const calm = await run(790);
    expect(calm.expectedAnnualCreditMinor).toBe(0);
    const rough = await run(2000);
    expect(rough.probabilityOfCredit).toBeGreaterThan(0.5);
    expect(rough.expectedAnnualCreditMinor).toBeGreaterThan(0);
    expect(rough.tiers).toHaveLength(3);
  });
});

describe('period report', () => {
  it('lists every clause for the month with credit, credit note status and totals per currency', async () => {
    const empty = await ok<SlaReport>(services.invoke('sla.report', { month: '2026-02' }));
    expect(empty).toEqual({ month: '2026-02', rows: [], totals: [] });

    const { client, engagement } = await api.setup();
    const draft = await api.linesInvoice(client.id, {
      engagementId: engagement.id,
      supplyDate: '2026-02-15',
    });
    await api.issue(draft.id, '2026-03-01');
    const issued = await api.clause(engagement.id, { label: 'API availability' });
    const proposed = await api.clause(engagement.id, { label: 'Portal availability' });
    await api.clause(engagement.id, { label: 'Batch availability' });
    await api.incident(issued.id, '2026-02-10T10:00:00.000Z', '2026-02-10T11:00:00.000Z');
    await api.incident(proposed.id, '2026-02-10T10:00:00.000Z', '2026-02-10T11:00:00.000Z');
    const note = await ok<{ creditNoteNumber: string }>(
      services.invoke('sla.proposeCreditNote', { clauseId: issued.id, period: '2026-02' }),
    );
    const usd = await api.engagement(client.id, { title: 'US rollout', currency: 'USD' });
    const quarterly = await api.clause(usd.id, {
      label: 'US availability',
      window: { kind: 'quarter' },
      perPeriodCapPercent: '5',
    });
    await api.incident(quarterly.id, '2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z');

    const report = await ok<SlaReport>(services.invoke('sla.report', { month: '2026-02' }));
    const byLabel = Object.fromEntries(report.rows.map((r) => [r.label, r]));
    expect(byLabel['API availability']).toMatchObject({
      period: '2026-02',
      met: false,
      creditPercent: 10,
      creditMinor: 100_000,
      currency: 'EUR',
      creditNoteStatus: 'issued',
      creditNoteNumber: note.creditNoteNumber,
      clientName: 'Acme',
      engagementId: engagement.id,
    });
    expect(byLabel['Portal availability']).toMatchObject({
      creditNoteStatus: 'proposed',
      creditNoteNumber: null,
      creditMinor: 100_000,
    });
    expect(byLabel['Batch availability']).toMatchObject({
      met: true,
      creditMinor: 0,
      creditNoteStatus: 'none',
    });
    // A quarter clause is judged for the quarter containing the month; the cap applies.
    expect(byLabel['US availability']).toMatchObject({
      period: '2026-Q1',
      met: false,
      currency: 'USD',
      creditMinor: 150_000,
    });
    expect(report.totals).toEqual([
      { currency: 'EUR', creditMinor: 200_000 },
      { currency: 'USD', creditMinor: 150_000 },
    ]);
    const bad = await fail(services.invoke('sla.report', { month: '2026-13' }));
    expect(bad.code).toBe('VALIDATION');
  });
});
