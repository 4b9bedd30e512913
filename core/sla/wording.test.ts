import { describe, expect, it } from 'vitest';
import { validateClause, type ClauseDefinition, type SlaMetric } from './clause';
import {
  CLAUSE_LIBRARY,
  clauseDraft,
  cloudStyleTiers,
  localizedLabel,
  suggestClauses,
} from './library';
import { businessHours } from './service-hours';
import { clauseWording, clauseWordings } from './wording';

const availability = clauseDraft({
  metric: 'availability',
  target: '99.95',
  unit: 'percent',
  direction: 'at-least',
  creditTiers: cloudStyleTiers('99.95', 'aws'),
  perIncidentCapMinor: 100_000,
  perPeriodCapPercent: '30',
});

describe('clause wording', () => {
  it('availability in English and Chinese', () => {
    expect(clauseWording(availability, 'en', { currency: 'EUR' })).toBe(
      'The Service will be available at least 99.95 % of each calendar month, measured 24×7. ' +
        'Excluded: scheduled maintenance announced in advance, incidents caused by the Customer and force majeure events. ' +
        "If the measured value of a calendar month is below 99.95 %, the Customer receives a service credit of 10 % of that calendar month's fee (below 99 %: 30 %; below 95 %: 100 %). " +
        'Service credits are limited to EUR 1,000.00 per incident and to 30 % of the fee of the calendar month. ' +
        'Credits must be claimed within 30 days after the end of the calendar month.',
    );
    expect(clauseWording(availability, 'zh-CN', { currency: 'CNY' })).toBe(
      '服务在每个自然月内的可用性不低于 99.95%，按 7×24 小时计算。' +
        '以下情况不计入：提前通知的计划内维护、因客户原因造成的事件、不可抗力事件。' +
        '若某自然月的实测值低于 99.95%，客户可获得该自然月服务费 10% 的服务抵扣（低于 99%：30%；低于 95%：100%）。' +
        '服务抵扣上限为：每次事件 CNY 1,000.00；该自然月服务费的 30%。' +
        '客户应在自然月结束后 30 天内提出服务抵扣申请。',
    );
  });

  it('business hours, a rolling window and canonical decimals', () => {
    const clause = clauseDraft({
      metric: 'availability',
      target: '99.900',
      unit: 'percent',
      direction: 'at-least',
      window: { kind: 'rolling-days', days: 30 },
      serviceHours: businessHours('Asia/Shanghai', { days: [1, 2, 3, 4, 5, 6] }),
      exclusions: { maintenance: true, clientCaused: false, forceMajeure: false },
    });
    expect(clauseWording(clause, 'en')).toBe(
      'The Service will be available at least 99.9 % of any rolling 30-day period, measured during service hours (Mon–Sat 09:00–18:00, Asia/Shanghai). Excluded: scheduled maintenance announced in advance.',
    );
    expect(clauseWording(clause, 'zh-CN')).toBe(
      '服务在任意连续 30 天内的可用性不低于 99.9%，在服务时间（周一–周六 09:00–18:00，Asia/Shanghai）内计算。以下情况不计入：提前通知的计划内维护。',
    );
  });

  const perMetric: Record<SlaMetric, { draft: ClauseDefinition; en: string; zh: string }> = {
    availability: {
      draft: availability,
      en: 'available at least 99.95 %',
      zh: '可用性不低于 99.95%',
    },
    'latency-percentile': {
      draft: clauseDraft({
        metric: 'latency-percentile',
        subject: { en: 'the report endpoint', 'zh-CN': '报表接口' },
        target: '800',
        unit: 'ms',
        direction: 'at-most',
        creditTiers: [{ above: '800', creditPercent: 5 }],
      }),
      en: 'The 99th percentile (nearest rank) of the response times of the report endpoint will be at most 800 ms in each calendar month',
      zh: '报表接口响应时间的第 99 百分位数（最近秩法）在每个自然月内不超过 800 毫秒',
    },
    mttr: {
      draft: clauseDraft({ metric: 'mttr', target: '60', unit: 'min', direction: 'at-most' }),
      en: 'The mean time to restore the Service after an incident will be at most 60 minutes',
      zh: '服务在事件发生后的平均恢复时间在每个自然月内不超过 60 分钟',
    },
    'support-response': {
      draft: clauseDraft({
        metric: 'support-response',
        target: '15',
        unit: 'min',
        direction: 'at-most',
        supportPriority: 'P1',
      }),
      en: 'P1 support requests about the Service will receive a first response within at most 15 minutes',
      zh: '关于服务的 P1 级支持请求，首次响应时间不超过 15 分钟',
    },
    rpo: {
      draft: clauseDraft({ metric: 'rpo', target: '15', unit: 'min', direction: 'at-most' }),
      en: 'The recovery point objective of the Service (the most data that may be lost) will be at most 15 minutes.',
      zh: '服务的恢复点目标（最多可能丢失的数据）不超过 15 分钟。',
    },
    rto: {
      draft: clauseDraft({ metric: 'rto', target: '4', unit: 'h', direction: 'at-most' }),
      en: 'will be at most 4 hours.',
      zh: '恢复时间目标（灾难后恢复服务所需时间）不超过 4 小时。',
    },
    'error-rate': {
      draft: clauseDraft({
        metric: 'error-rate',
        target: '0.1',
        unit: 'percent',
        direction: 'at-most',
      }),
      en: 'The share of failed requests to the Service will be at most 0.1 % in each calendar month',
      zh: '服务的失败请求比例在每个自然月内不超过 0.1%',
    },
    'sync-lag': {
      draft: clauseDraft({ metric: 'sync-lag', target: '5', unit: 'min', direction: 'at-most' }),
      en: 'The data synchronisation lag of the Service will be at most 5 minutes',
      zh: '服务的数据同步延迟在每个自然月内不超过 5 分钟',
    },
    custom: {
      draft: clauseDraft({
        metric: 'custom',
        customName: { en: 'Nightly batch completion', 'zh-CN': '夜间批处理完成率' },
        target: '98',
        unit: 'percent',
        direction: 'at-least',
        window: { kind: 'quarter' },
      }),
      en: 'Nightly batch completion will be at least 98 % in each calendar quarter, measured 24×7.',
      zh: '夜间批处理完成率在每个自然季度内不低于 98%，按 7×24 小时计算。',
    },
  };

  it.each(Object.keys(perMetric) as SlaMetric[])('%s in both languages', (metric) => {
    const { draft, en, zh } = perMetric[metric];
    expect(validateClause(draft)).toEqual([]);
    const words = clauseWordings(draft);
    expect(words.en).toContain(en);
    expect(words['zh-CN']).toContain(zh);
    expect(words['zh-CN']).not.toMatch(/[a-z]{4,}/); // no English words leak into Chinese
  });

  it('is pure: the same clause always gives the same words', () => {
    expect(clauseWordings(availability)).toEqual(clauseWordings(structuredClone(availability)));
  });
});

describe('library and suggestions', () => {
  it('every template is a valid clause with wording in both languages', () => {
    expect(CLAUSE_LIBRARY.filter((t) => t.group === 'availability')).toHaveLength(9);
    for (const template of CLAUSE_LIBRARY) {
      expect(validateClause(template.draft), template.id).toEqual([]);
      expect(clauseWording(template.draft, 'en').length).toBeGreaterThan(20);
      expect(clauseWording(template.draft, 'zh-CN').length).toBeGreaterThan(10);
    }
  });

  it('maps pains to metrics deterministically, in English and Chinese', () => {
    expect(suggestClauses('Our monthly reports are slow').map((s) => s.ruleId)).toEqual([
      'slow-to-p99',
    ]);
    expect(suggestClauses('Nobody answers our support tickets').map((s) => s.ruleId)).toEqual([
      'support-to-response',
    ]);
    expect(suggestClauses('数据丢失').map((s) => s.draft.metric)).toEqual(['rpo', 'rto']);
    expect(suggestClauses('slowdown').map((s) => s.ruleId)).toEqual(['slow-to-p99']);
    expect(suggestClauses('', 'sync')[0]!.draft.metric).toBe('sync-lag');
    for (const s of suggestClauses('slow outage recover support backup error sync')) {
      expect(validateClause(s.draft), s.ruleId).toEqual([]);
    }
  });

  it('every template and suggestion has its label in Chinese too', () => {
    const cjk = /[\u4e00-\u9fff]/;
    const suggestions = suggestClauses('slow outage recover support backup error sync');
    expect(suggestions.length).toBeGreaterThanOrEqual(8);
    for (const item of [...CLAUSE_LIBRARY, ...suggestions]) {
      expect(item.label.en).toBe(item.draft.label);
      expect(item.label['zh-CN'], item.draft.label).toMatch(cjk);
    }
    expect(CLAUSE_LIBRARY.find((t) => t.id === 'availability-99.95-aws')!.label).toEqual({
      en: 'Availability 99.95 %',
      'zh-CN': '可用性 99.95%',
    });
    expect(localizedLabel('P1 response')['zh-CN']).toBe('P1 级响应时间');
    // A label the table does not know stays as it is in both languages.
    expect(localizedLabel('Checkout uptime')).toEqual({
      en: 'Checkout uptime',
      'zh-CN': 'Checkout uptime',
    });
  });
});
