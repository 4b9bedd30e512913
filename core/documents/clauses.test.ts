import { describe, expect, it } from 'vitest';
import { ClauseKey, Locale } from '../api';
import { CLAUSE_KEYS, standardClause } from './clauses';

describe('standard clauses', () => {
  it('has a title and a text for every clause in both languages', () => {
    expect([...CLAUSE_KEYS].sort()).toEqual([...ClauseKey.options].sort());
    for (const key of ClauseKey.options) {
      for (const language of Locale.options) {
        const c = standardClause(key, language);
        expect(c).toMatchObject({ key, language });
        expect(c.title.length).toBeGreaterThan(1);
        expect(c.text.length).toBeGreaterThan(100);
        expect(c.text).toBe(c.text.trim());
      }
    }
  });

  it('the Chinese texts are Chinese, with Chinese punctuation', () => {
    for (const key of ClauseKey.options) {
      const zh = standardClause(key, 'zh-CN').text;
      const han = zh.match(/\p{Script=Han}/gu)?.length ?? 0;
      expect(han / zh.length).toBeGreaterThan(0.6);
      expect(zh).toMatch(/。$/);
      expect(zh).not.toMatch(/[a-z]{4,}/i);
    }
  });

  it.each([
    ['acceptance', ['ten (10) business days', 'deemed accepted'], ['十（10）个工作日', '视为']],
    [
      'liability',
      ['percentage of the total contract value', 'gross negligence'],
      ['合同总价款', '重大过失'],
    ],
    ['confidentiality', ['three (3) years'], ['三（3）年']],
    ['intellectualProperty', ['full payment', 'pre-existing know-how'], ['付清', '既有专有技术']],
    ['termination', ['thirty (30) days', 'pro-rata'], ['三十（30）日', '完成比例']],
    ['governingLaw', ['contract particulars'], ['合同要项']],
    [
      'slaExclusions',
      ['planned maintenance', 'force majeure', 'caused by the Client'],
      ['计划内维护', '不可抗力', '因客户'],
    ],
    ['proposalTerms', ['valid until', 'milestone schedule'], ['有效期', '里程碑付款计划']],
  ] as const)('%s says what a careful consultant’s terms say', (key, en, zh) => {
    for (const phrase of en) expect(standardClause(key, 'en').text).toContain(phrase);
    for (const phrase of zh) expect(standardClause(key, 'zh-CN').text).toContain(phrase);
  });
});
