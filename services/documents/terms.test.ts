import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLAUSE_TEXT_MAX, type EngagementTerms } from '../../core/api';
import { standardClause } from '../../core/documents/clauses';
import { startTestServices, type TestServices } from '../../test/support/services';
import { billingApi } from '../billing/test-helpers';
import { documentsApi, testClock } from './test-helpers';

let services: TestServices;
let api: ReturnType<typeof documentsApi>;
let billing: ReturnType<typeof billingApi>;
let clock: ReturnType<typeof testClock>;
let engagementId: string;
beforeEach(async () => {
  clock = testClock();
  services = await startTestServices({ now: clock.now });
  api = documentsApi(services);
  billing = billingApi(services);
  const client = await billing.client();
  engagementId = (await billing.engagement(client.id)).id;
});
afterEach(() => services.dispose());

const clause = (terms: EngagementTerms, key: string, language: string) =>
  terms.clauses.find((c) => c.key === key && c.language === language)!;

describe('documents.terms', () => {
  it('starts with the defaults and every clause’s standard text in both languages', async () => {
    const terms = await api.call('documents.terms.get', { engagementId });
    expect(terms).toMatchObject({
      engagementId,
      executiveSummary: '',
      proposalValidUntil: null,
      liabilityCapPercent: '100',
      governingLaw: '',
      updatedAt: null,
    });
    expect(terms.clauses).toHaveLength(16);
    expect(terms.clauses.every((c) => c.standard)).toBe(true);
    expect(clause(terms, 'liability', 'zh-CN')).toEqual({
      ...standardClause('liability', 'zh-CN'),
      standard: true,
    });
  });

  it('saves settings and an engagement’s own wording, and `text: null` reverts it', async () => {
    clock.set('2026-11-22T10:00:00.000Z');
    const saved = await api.call('documents.terms.update', {
      engagementId,
      executiveSummary: '  Three fixes pay back within a year.  ',
      proposalValidUntil: '2026-12-31',
      liabilityCapPercent: '50',
      governingLaw: 'Germany, Munich',
      clauses: [{ key: 'liability', language: 'en', text: 'Liability is capped at 50 %.' }],
    });
    expect(saved).toMatchObject({
      executiveSummary: 'Three fixes pay back within a year.',
      proposalValidUntil: '2026-12-31',
      liabilityCapPercent: '50',
      governingLaw: 'Germany, Munich',
      updatedAt: '2026-11-22T10:00:00.000Z',
    });
    expect(clause(saved, 'liability', 'en')).toMatchObject({
      text: 'Liability is capped at 50 %.',
      standard: false,
      title: 'Limitation of liability',
    });
    expect(clause(saved, 'liability', 'zh-CN').standard).toBe(true);
    expect(await api.call('documents.terms.get', { engagementId })).toEqual(saved);

    // A partial patch keeps the rest.
    const later = await api.call('documents.terms.update', {
      engagementId,
      governingLaw: 'Austria',
    });
    expect(later).toMatchObject({ liabilityCapPercent: '50', proposalValidUntil: '2026-12-31' });
    expect(clause(later, 'liability', 'en').standard).toBe(false);

    const reverted = await api.call('documents.terms.update', {
      engagementId,
      proposalValidUntil: null,
      clauses: [{ key: 'liability', language: 'en', text: null }],
    });
    expect(reverted.proposalValidUntil).toBeNull();
    expect(clause(reverted, 'liability', 'en')).toMatchObject({
      text: standardClause('liability', 'en').text,
      standard: true,
    });
    expect(billing.count('engagement_clauses')).toBe(0);
  });

  it('the standard text itself stays standard', async () => {
    const terms = await api.call('documents.terms.update', {
      engagementId,
      clauses: [
        { key: 'acceptance', language: 'zh-CN', text: standardClause('acceptance', 'zh-CN').text },
      ],
    });
    expect(clause(terms, 'acceptance', 'zh-CN').standard).toBe(true);
    expect(billing.count('engagement_clauses')).toBe(0);
  });

  it('refuses a clause that is too long, a cap above 1,000 % or an unknown clause; nothing is saved', async () => {
    await api.call('documents.terms.update', { engagementId, governingLaw: 'Germany' });
    const before = billing.snapshot();
    const tooLong = await api.refuse('documents.terms.update', {
      engagementId,
      governingLaw: 'France',
      clauses: [
        { key: 'termination', language: 'en', text: 'Fine.' },
        { key: 'liability', language: 'en', text: 'x'.repeat(CLAUSE_TEXT_MAX + 1) },
      ],
    });
    expect(tooLong.code).toBe('VALIDATION');
    expect(tooLong.issues[0]!.path).toEqual(['clauses', 1, 'text']);
    const cap = await api.refuse('documents.terms.update', {
      engagementId,
      liabilityCapPercent: '1000.5',
    });
    expect(cap).toMatchObject({ code: 'VALIDATION' });
    expect(cap.issues[0]!.code).toBe('INVALID_LIABILITY_CAP');
    const key = await api.refuse('documents.terms.update', {
      engagementId,
      clauses: [{ key: 'warranty', language: 'en', text: 'x' }],
    });
    expect(key.code).toBe('VALIDATION');
    const empty = await api.refuse('documents.terms.update', {
      engagementId,
      clauses: [{ key: 'liability', language: 'en', text: '   ' }],
    });
    expect(empty.code).toBe('VALIDATION');
    expect(billing.snapshot()).toBe(before);
  });

  it('NOT_FOUND for an engagement that does not exist', async () => {
    const id = '0196f3a0-0000-7000-8000-00000000dead';
    expect(await api.refuse('documents.terms.get', { engagementId: id })).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ENGAGEMENT_NOT_FOUND',
    });
    const before = billing.snapshot();
    expect(
      await api.refuse('documents.terms.update', { engagementId: id, governingLaw: 'x' }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(billing.snapshot()).toBe(before);
  });

  it('settings and wordings go with their engagement', async () => {
    await api.call('documents.terms.update', {
      engagementId,
      governingLaw: 'Germany',
      clauses: [{ key: 'termination', language: 'zh-CN', text: '提前六十日书面通知。' }],
    });
    expect(billing.count('engagement_document_settings')).toBe(1);
    await api.call('engagements.delete', { id: engagementId });
    expect(billing.count('engagement_document_settings')).toBe(0);
    expect(billing.count('engagement_clauses')).toBe(0);
  });
});
