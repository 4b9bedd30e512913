import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngagementsListOutput, SlaClause } from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { testClock } from '../billing/test-helpers';
import { slaApi } from './test-helpers';

let services: TestServices;
let api: ReturnType<typeof slaApi>;
beforeEach(async () => {
  services = await startTestServices({ now: testClock().now });
  api = slaApi(services);
});
afterEach(() => services.dispose());

describe('demo workspace: SLA', () => {
  it('gives each demo engagement availability, P99 and P1 clauses with three months of history', async () => {
    const loaded = await api.call<{ slaClauses: number }>('demo.load', { locale: 'zh-CN' });
    expect(loaded.slaClauses).toBe(6);
    const engagements = await api.call<EngagementsListOutput>('engagements.list', {});
    for (const engagement of engagements.items) {
      const clauses = await api.call<SlaClause[]>('sla.clauses.list', {
        engagementId: engagement.id,
      });
      expect(clauses.map((c) => c.metric)).toEqual([
        'availability',
        'latency-percentile',
        'support-response',
      ]);
      expect(clauses[0]!.incidentCount).toBe(4);
      expect(clauses[1]!.measurementCount).toBe(90);
      expect(clauses[0]!.wording['zh-CN']).toContain('99.95%');
      const timeline = await api.call<{
        series: { rows: { period: string; met: boolean | null; creditMinor: number }[] }[];
      }>('sla.compliance.timeline', {
        engagementId: engagement.id,
        from: '2026-08',
        to: '2026-11',
      });
      const [availability, latency] = timeline.series;
      // The 38-minute outage 40 days before 2026-11-21 (12 October) misses 99.95 %.
      expect(availability!.rows.find((r) => r.period === '2026-10')!.met).toBe(false);
      // The slow week (22–28 October) misses 800 ms.
      expect(latency!.rows.find((r) => r.period === '2026-10')!.met).toBe(false);
      expect(latency!.rows.find((r) => r.period === '2026-09')!.met).toBe(true);
    }
  });
});
