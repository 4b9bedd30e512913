import type { ClauseCreditTier, ClauseDefinition, LocalizedText, SlaMetric } from './clause';
import { businessHours } from './service-hours';

/**
 * The clause library (ready templates) and the "from pain to metric" suggester: a fixed,
 * deterministic rule table from a stated problem (keywords in English or Chinese, or a
 * category) to measurable clause drafts.
 *
 * Credit tables "in the style of" the public cloud SLAs (thresholds below the target):
 * - AWS-style:   below target 10 %, below 99.0 % 30 %, below 95.0 % 100 %;
 * - Azure-style: below target 10 %, below 99.0 % 25 %, below 95.0 % 100 %;
 * - GCP-style:   below target 10 %, below 99.0 % 25 %, below 95.0 % 50 %.
 */

export interface ClauseTemplateDraft extends ClauseDefinition {
  label: string;
  wordingOverride: { en: string | null; 'zh-CN': string | null };
}

export interface ClauseTemplate {
  id: string;
  group: 'availability' | 'latency' | 'recovery' | 'support' | 'data';
  name: LocalizedText;
  /** The draft's short label in both languages (`draft.label` is the English one). */
  label: LocalizedText;
  description: LocalizedText;
  draft: ClauseTemplateDraft;
}

const EMPTY: LocalizedText = { en: '', 'zh-CN': '' };

/** Chinese of the library's and suggester's English labels ("Availability 99.9 %"…). */
const LABEL_ZH: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Availability (\d+(?:\.\d+)?) %$/, (m) => `可用性 ${m[1]}%`],
  [/^P(\d+) latency$/, (m) => `P${m[1]} 响应时间`],
  [/^MTTR$/, () => '平均恢复时间（MTTR）'],
  [/^(P[1-4]) response$/, (m) => `${m[1]} 级响应时间`],
  [/^RPO$/, () => '恢复点目标（RPO）'],
  [/^RTO$/, () => '恢复时间目标（RTO）'],
  [/^Error rate$/, () => '错误率'],
  [/^Sync lag$/, () => '数据同步延迟'],
];

/** A template label in both languages; an unknown one stays English in both. */
export function localizedLabel(en: string): LocalizedText {
  for (const [pattern, zh] of LABEL_ZH) {
    const match = pattern.exec(en);
    if (match) return { en, 'zh-CN': zh(match) };
  }
  return { en, 'zh-CN': en };
}

type DraftInput = Partial<ClauseTemplateDraft> &
  Pick<ClauseDefinition, 'metric' | 'target' | 'unit' | 'direction'>;

/** A complete draft from the fields that matter; the rest take the usual defaults. */
export function clauseDraft(fields: DraftInput): ClauseTemplateDraft {
  return {
    label: '',
    subject: EMPTY,
    customName: EMPTY,
    window: { kind: 'calendar-month' },
    timeZone: 'UTC',
    serviceHours: { kind: '24x7' },
    percentile: 99,
    percentileMethod: 'nearest-rank',
    supportPriority: null,
    exclusions: { maintenance: true, clientCaused: true, forceMajeure: true },
    creditTiers: [],
    perIncidentCapMinor: null,
    perPeriodCapPercent: null,
    monthlyFeeMinor: 0,
    claimWindowDays: 30,
    wordingOverride: { en: null, 'zh-CN': null },
    ...fields,
  };
}

export const CLOUD_STYLES = {
  aws: { name: 'AWS', deeper: [30, 100] },
  azure: { name: 'Azure', deeper: [25, 100] },
  gcp: { name: 'GCP', deeper: [25, 50] },
} as const;
export type CloudStyle = keyof typeof CLOUD_STYLES;

export function cloudStyleTiers(target: string, style: CloudStyle): ClauseCreditTier[] {
  const [second, third] = CLOUD_STYLES[style].deeper;
  return [
    { below: target, creditPercent: 10 },
    { below: '99', creditPercent: second },
    { below: '95', creditPercent: third },
  ];
}

function availabilityTemplate(target: string, style: CloudStyle): Omit<ClauseTemplate, 'label'> {
  const cloud = CLOUD_STYLES[style].name;
  return {
    id: `availability-${target}-${style}`,
    group: 'availability',
    name: {
      en: `Availability ${target} % (${cloud}-style credits)`,
      'zh-CN': `可用性 ${target}%（${cloud} 式服务抵扣）`,
    },
    description: {
      en: `Monthly availability of at least ${target} %, 24×7; credits of 10 % below the target, ${CLOUD_STYLES[style].deeper[0]} % below 99 %, ${CLOUD_STYLES[style].deeper[1]} % below 95 %.`,
      'zh-CN': `每月可用性不低于 ${target}%，7×24 小时；低于目标抵扣 10%，低于 99% 抵扣 ${CLOUD_STYLES[style].deeper[0]}%，低于 95% 抵扣 ${CLOUD_STYLES[style].deeper[1]}%。`,
    },
    draft: clauseDraft({
      label: `Availability ${target} %`,
      metric: 'availability',
      target,
      unit: 'percent',
      direction: 'at-least',
      creditTiers: cloudStyleTiers(target, style),
      perPeriodCapPercent: '100',
    }),
  };
}

const SUPPORT_TARGETS = [
  { priority: 'P1', target: '15', unit: 'min', business: false },
  { priority: 'P2', target: '1', unit: 'h', business: false },
  { priority: 'P3', target: '4', unit: 'h', business: true },
  { priority: 'P4', target: '16', unit: 'h', business: true },
] as const;

function buildLibrary(): ClauseTemplate[] {
  const templates: Omit<ClauseTemplate, 'label'>[] = [];
  for (const target of ['99.9', '99.95', '99.99']) {
    for (const style of ['aws', 'azure', 'gcp'] as const) {
      templates.push(availabilityTemplate(target, style));
    }
  }
  templates.push({
    id: 'latency-p99-800ms',
    group: 'latency',
    name: { en: 'P99 latency under 800 ms', 'zh-CN': 'P99 响应时间低于 800 毫秒' },
    description: {
      en: 'The 99th percentile of daily response times at most 800 ms per month; 5 % credit above 800 ms, 10 % above 1,600 ms.',
      'zh-CN':
        '每月每日响应时间的第 99 百分位数不超过 800 毫秒；超过 800 毫秒抵扣 5%，超过 1600 毫秒抵扣 10%。',
    },
    draft: clauseDraft({
      label: 'P99 latency',
      metric: 'latency-percentile',
      target: '800',
      unit: 'ms',
      direction: 'at-most',
      creditTiers: [
        { above: '800', creditPercent: 5 },
        { above: '1600', creditPercent: 10 },
      ],
    }),
  });
  templates.push({
    id: 'mttr-60min',
    group: 'recovery',
    name: { en: 'Mean time to restore: 60 minutes', 'zh-CN': '平均恢复时间：60 分钟' },
    description: {
      en: 'Incidents restored within 60 minutes on average each month; 5 % credit above 60, 10 % above 120 minutes.',
      'zh-CN': '每月事件平均恢复时间不超过 60 分钟；超过 60 分钟抵扣 5%，超过 120 分钟抵扣 10%。',
    },
    draft: clauseDraft({
      label: 'MTTR',
      metric: 'mttr',
      target: '60',
      unit: 'min',
      direction: 'at-most',
      creditTiers: [
        { above: '60', creditPercent: 5 },
        { above: '120', creditPercent: 10 },
      ],
    }),
  });
  for (const s of SUPPORT_TARGETS) {
    const unitEn = s.unit === 'min' ? 'minutes' : 'hours';
    const unitZh = s.unit === 'min' ? '分钟' : '小时';
    templates.push({
      id: `support-${s.priority.toLowerCase()}`,
      group: 'support',
      name: {
        en: `${s.priority} first response in ${s.target} ${unitEn}`,
        'zh-CN': `${s.priority} 级首次响应 ${s.target} ${unitZh}`,
      },
      description: {
        en: `${s.priority} requests answered within ${s.target} ${unitEn}${s.business ? ' of business hours' : ', 24×7'}.`,
        'zh-CN': `${s.priority} 级请求在 ${s.target} ${unitZh}内响应${s.business ? '（工作时间）' : '（7×24 小时）'}。`,
      },
      draft: clauseDraft({
        label: `${s.priority} response`,
        metric: 'support-response',
        target: s.target,
        unit: s.unit,
        direction: 'at-most',
        supportPriority: s.priority,
        serviceHours: s.business ? businessHours('UTC') : { kind: '24x7' },
        creditTiers: s.priority === 'P1' ? [{ above: s.target, creditPercent: 5 }] : [],
      }),
    });
  }
  templates.push({
    id: 'rpo-15min',
    group: 'data',
    name: { en: 'RPO: 15 minutes', 'zh-CN': '恢复点目标（RPO）：15 分钟' },
    description: {
      en: 'At most 15 minutes of data lost in a disaster (backups or replication at least every 15 minutes).',
      'zh-CN': '灾难时最多丢失 15 分钟的数据（至少每 15 分钟备份或复制一次）。',
    },
    draft: clauseDraft({
      label: 'RPO',
      metric: 'rpo',
      target: '15',
      unit: 'min',
      direction: 'at-most',
    }),
  });
  templates.push({
    id: 'rto-4h',
    group: 'data',
    name: { en: 'RTO: 4 hours', 'zh-CN': '恢复时间目标（RTO）：4 小时' },
    description: {
      en: 'Service restored within 4 hours after a disaster.',
      'zh-CN': '灾难发生后 4 小时内恢复服务。',
    },
    draft: clauseDraft({
      label: 'RTO',
      metric: 'rto',
      target: '4',
      unit: 'h',
      direction: 'at-most',
    }),
  });
  return templates.map((t) => ({ ...t, label: localizedLabel(t.draft.label) }));
}

export const CLAUSE_LIBRARY: readonly ClauseTemplate[] = buildLibrary();

export type PainCategory =
  'slow' | 'outage' | 'recovery' | 'support' | 'data-loss' | 'errors' | 'sync';

export interface PainRule {
  id: string;
  category: PainCategory;
  /** English keywords match at a word start ("fail" matches "failing"); Chinese anywhere. */
  keywords: readonly string[];
  rationale: LocalizedText;
  drafts: (text: string) => ClauseTemplateDraft[];
}

const mentionsReports = (text: string) => /\breport|报表|报告/i.test(text);

/** The rule table, in the order suggestions are listed. */
export const PAIN_RULES: readonly PainRule[] = [
  {
    id: 'slow-to-p99',
    category: 'slow',
    keywords: [
      'slow',
      'latency',
      'timeout',
      'timing out',
      'sluggish',
      'takes ages',
      '慢',
      '卡顿',
      '超时',
      '响应时间',
    ],
    rationale: {
      en: 'Slowness is felt at the tail, so commit to the 99th percentile of response times, measured daily.',
      'zh-CN': '慢主要体现在长尾请求上，因此承诺每日测量的响应时间第 99 百分位数。',
    },
    drafts: (text) => [
      clauseDraft({
        label: 'P99 latency',
        metric: 'latency-percentile',
        subject: mentionsReports(text)
          ? { en: 'the report endpoint', 'zh-CN': '报表接口' }
          : { en: 'the key user-facing endpoints', 'zh-CN': '关键用户接口' },
        target: '800',
        unit: 'ms',
        direction: 'at-most',
        creditTiers: [
          { above: '800', creditPercent: 5 },
          { above: '1600', creditPercent: 10 },
        ],
      }),
    ],
  },
  {
    id: 'outage-to-availability',
    category: 'outage',
    keywords: [
      'down',
      'outage',
      'unavailable',
      'crash',
      'offline',
      'unreachable',
      '宕机',
      '不可用',
      '挂了',
      '中断',
      '崩溃',
      '停机',
    ],
    rationale: {
      en: 'Outages are measured as availability: 99.9 % a month allows about 43 minutes of downtime.',
      'zh-CN': '停机用可用性衡量：每月 99.9% 约允许 43 分钟停机。',
    },
    drafts: () => [
      clauseDraft({
        label: 'Availability 99.9 %',
        metric: 'availability',
        target: '99.9',
        unit: 'percent',
        direction: 'at-least',
        creditTiers: cloudStyleTiers('99.9', 'aws'),
        perPeriodCapPercent: '100',
      }),
    ],
  },
  {
    id: 'recovery-to-mttr',
    category: 'recovery',
    keywords: [
      'recover',
      'restore',
      'long incident',
      'mttr',
      'hours to fix',
      'takes long to fix',
      '恢复慢',
      '修复慢',
      '恢复时间',
      '故障时间长',
    ],
    rationale: {
      en: 'Slow recovery is measured as mean time to restore per month.',
      'zh-CN': '恢复慢用每月平均恢复时间（MTTR）衡量。',
    },
    drafts: () => [
      clauseDraft({
        label: 'MTTR',
        metric: 'mttr',
        target: '60',
        unit: 'min',
        direction: 'at-most',
        creditTiers: [{ above: '60', creditPercent: 5 }],
      }),
    ],
  },
  {
    id: 'support-to-response',
    category: 'support',
    keywords: [
      'support',
      'ticket',
      'no response',
      'no answer',
      'unanswered',
      'respond',
      'helpdesk',
      '响应慢',
      '工单',
      '没人回复',
      '无人响应',
      '客服',
      '支持',
    ],
    rationale: {
      en: 'Unanswered requests are measured as first-response time by priority; P1 within 15 minutes.',
      'zh-CN': '请求无人响应用按优先级的首次响应时间衡量；P1 级 15 分钟内响应。',
    },
    drafts: () => [
      clauseDraft({
        label: 'P1 response',
        metric: 'support-response',
        target: '15',
        unit: 'min',
        direction: 'at-most',
        supportPriority: 'P1',
        creditTiers: [{ above: '15', creditPercent: 5 }],
      }),
    ],
  },
  {
    id: 'data-loss-to-rpo-rto',
    category: 'data-loss',
    keywords: [
      'data loss',
      'lost data',
      'backup',
      'disaster',
      'restore from',
      '数据丢失',
      '丢数据',
      '备份',
      '灾难',
      '容灾',
    ],
    rationale: {
      en: 'Data loss is bounded by a recovery point objective, downtime after a disaster by a recovery time objective.',
      'zh-CN': '数据丢失由恢复点目标（RPO）约束，灾后停机时间由恢复时间目标（RTO）约束。',
    },
    drafts: () => [
      clauseDraft({ label: 'RPO', metric: 'rpo', target: '15', unit: 'min', direction: 'at-most' }),
      clauseDraft({ label: 'RTO', metric: 'rto', target: '4', unit: 'h', direction: 'at-most' }),
    ],
  },
  {
    id: 'errors-to-error-rate',
    category: 'errors',
    keywords: [
      'error',
      'fail',
      '500',
      'exception',
      'broken',
      'bug',
      '报错',
      '错误',
      '失败',
      '异常',
    ],
    rationale: {
      en: 'Errors users see are measured as the share of failed requests; at most 0.1 %.',
      'zh-CN': '用户遇到的错误用失败请求比例衡量；不超过 0.1%。',
    },
    drafts: () => [
      clauseDraft({
        label: 'Error rate',
        metric: 'error-rate',
        target: '0.1',
        unit: 'percent',
        direction: 'at-most',
        creditTiers: [{ above: '0.1', creditPercent: 5 }],
      }),
    ],
  },
  {
    id: 'sync-to-lag',
    category: 'sync',
    keywords: [
      'sync',
      'stale',
      'out of date',
      'replication',
      'lag',
      'inconsistent',
      '同步',
      '数据不一致',
      '数据延迟',
      '不同步',
    ],
    rationale: {
      en: 'Stale data is measured as synchronisation lag; at most 5 minutes.',
      'zh-CN': '数据不及时用同步延迟衡量；不超过 5 分钟。',
    },
    drafts: () => [
      clauseDraft({
        label: 'Sync lag',
        metric: 'sync-lag',
        target: '5',
        unit: 'min',
        direction: 'at-most',
        creditTiers: [{ above: '5', creditPercent: 5 }],
      }),
    ],
  },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The keywords of a rule that occur in the text. */
export function matchKeywords(rule: PainRule, text: string): string[] {
  const lower = text.toLocaleLowerCase();
  return rule.keywords.filter((keyword) =>
    /^[\x20-\x7e]+$/.test(keyword)
      ? new RegExp(`(^|[^a-z0-9])${escapeRegExp(keyword)}`).test(lower)
      : lower.includes(keyword),
  );
}

export interface PainSuggestion {
  ruleId: string;
  category: PainCategory;
  matched: string[];
  rationale: LocalizedText;
  /** The draft's short label in both languages (`draft.label` is the English one). */
  label: LocalizedText;
  draft: ClauseTemplateDraft;
}

/**
 * Clause drafts for a stated problem: every rule whose keywords occur in the text, plus the
 * rule of the chosen category, in rule-table order. Deterministic.
 */
export function suggestClauses(text: string, category?: PainCategory): PainSuggestion[] {
  const out: PainSuggestion[] = [];
  for (const rule of PAIN_RULES) {
    const matched = text ? matchKeywords(rule, text) : [];
    if (matched.length === 0 && rule.category !== category) continue;
    for (const draft of rule.drafts(text)) {
      out.push({
        ruleId: rule.id,
        category: rule.category,
        matched,
        rationale: rule.rationale,
        label: localizedLabel(draft.label),
        draft,
      });
    }
  }
  return out;
}

export function templatesFor(metric?: SlaMetric): ClauseTemplate[] {
  return CLAUSE_LIBRARY.filter((t) => metric === undefined || t.draft.metric === metric);
}
