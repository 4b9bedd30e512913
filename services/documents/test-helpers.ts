import type {
  CreditNote,
  Engagement,
  Invoice,
  MethodInput,
  MethodName,
  MethodOutput,
} from '../../core/api';
import type { TestServices } from '../../test/support/services';
import { testClock } from '../billing/test-helpers';
import type { ServiceContext } from '../context';
import { fail, ok } from '../debt/test-helpers';

export { fail, ok, testClock };

/** Typed calls through the real dispatcher. */
export function documentsApi(services: TestServices) {
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) =>
    ok<MethodOutput<M>>(services.invoke(method, input));
  const refuse = <M extends MethodName>(method: M, input: unknown) =>
    fail(services.invoke(method, input));
  return { call, refuse };
}

/** The test services' own handler context with this clock and predictable ids. */
export function contextFor(services: TestServices, now: () => Date): ServiceContext {
  let n = 0;
  return {
    ...services.context,
    now,
    newId: () => `0196f3a0-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  };
}

export interface Demo {
  clientIds: { en: string; zh: string };
  engagements: { en: Engagement; zh: Engagement };
  invoices: { en: Invoice; zh: Invoice };
  creditNote: CreditNote;
}

/** Loads the demo workspace (English locale) and finds its records. */
export async function loadDemo(services: TestServices): Promise<Demo> {
  const { call } = documentsApi(services);
  const loaded = await call('demo.load', { locale: 'en' });
  const [en, zh] = loaded.clientIds as [string, string];
  const engagements = (await call('engagements.list', {})).items;
  const invoices = (await call('invoices.list', {})).items;
  const credit = (await call('creditNotes.list', {})).items[0]!;
  const byClient = <T extends { clientId: string }>(rows: T[], id: string) =>
    rows.find((r) => r.clientId === id)!;
  return {
    clientIds: { en, zh },
    engagements: { en: byClient(engagements, en), zh: byClient(engagements, zh) },
    invoices: {
      en: await call('invoices.get', { id: byClient(invoices, en).id }),
      zh: await call('invoices.get', { id: byClient(invoices, zh).id }),
    },
    creditNote: await call('creditNotes.get', { id: credit.id }),
  };
}
