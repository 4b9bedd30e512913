import { createHash } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SlaClause } from '../../core/api';
import { startTestServices, type TestServices } from '../../test/support/services';
import { testClock } from '../billing/test-helpers';
import { TIMELINE_REVISION } from './compliance';
import { slaApi } from './test-helpers';

/**
 * Stored SLA periods (`sla_period_results`) outlive the build that computed them, so a
 * change to what a timeline row holds must come with a new TIMELINE_REVISION, which makes
 * every stored row stale. This pins the rows of the SLA demo (monthly, quarterly and
 * measured clauses, exclusions, caps) to the revision: when it fails because the rows
 * changed on purpose, bump TIMELINE_REVISION in compliance.ts and write both new values here.
 */

let services: TestServices;
const clock = testClock();
beforeEach(async () => {
  clock.set('2026-11-21');
  services = await startTestServices({ now: clock.now });
});
afterEach(() => services.dispose());

it('changes TIMELINE_REVISION whenever the demo clauses’ timeline rows change', async () => {
  const api = slaApi(services);
  await api.call('demo.load', { locale: 'en' });
  const clauses = services.database.sqlite
    .prepare('SELECT id, engagement_id AS engagementId FROM sla_clauses ORDER BY label, id')
    .all() as Pick<SlaClause, 'id' | 'engagementId'>[];
  expect(clauses.length).toBeGreaterThan(0);
  const hash = createHash('sha256');
  for (const clause of clauses) {
    const timeline = await api.call<{
      series: { rows: Record<string, unknown>[]; metric: string }[];
    }>('sla.compliance.timeline', { clauseId: clause.id, from: '2025-01', to: '2026-12' });
    // Ids are new on every run; everything else is the computation.
    hash.update(JSON.stringify(timeline.series.map((s) => [s.metric, s.rows])));
  }
  expect({ revision: TIMELINE_REVISION, rows: hash.digest('hex').slice(0, 16) }).toEqual({
    revision: 1,
    rows: 'c0d797e9f5c2ebe9',
  });
});
