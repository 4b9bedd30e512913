import type { Compliance, MethodInput, SlaClause, SlaIncident } from '../../core/api';
import type { TestServices } from '../../test/support/services';
import { billingApi } from '../billing/test-helpers';

export { fail, ok } from '../debt/test-helpers';

export const AWS_9995: Partial<MethodInput<'sla.clauses.create'>> = {
  metric: 'availability',
  target: '99.95',
  unit: 'percent',
  direction: 'at-least',
  creditTiers: [
    { below: '99.95', creditPercent: 10 },
    { below: '99', creditPercent: 30 },
    { below: '95', creditPercent: 100 },
  ],
  monthlyFeeMinor: 1_000_000,
};

export function slaApi(services: TestServices) {
  const billing = billingApi(services);
  const clause = (engagementId: string, fields: Partial<MethodInput<'sla.clauses.create'>> = {}) =>
    billing.call<SlaClause>('sla.clauses.create', {
      engagementId,
      ...AWS_9995,
      ...fields,
    });
  const incident = (
    clauseId: string,
    start: string,
    end: string,
    fields: Record<string, unknown> = {},
  ) => billing.call<SlaIncident>('sla.incidents.create', { clauseId, start, end, ...fields });
  const compliance = (clauseId: string, period: string) =>
    billing.call<Compliance>('sla.compliance', { clauseId, period });
  const setup = async (clientFields: Record<string, unknown> = {}) => {
    const client = await billing.client(clientFields);
    const engagement = await billing.engagement(client.id);
    return { client, engagement };
  };
  return { ...billing, clause, incident, compliance, setup };
}
