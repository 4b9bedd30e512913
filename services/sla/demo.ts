import { contract, type MethodName, type MethodOutput, type ParsedInput } from '../../core/api';
import { cloudStyleTiers } from '../../core/sla';
import { createRandom } from '../../core/techdebt/random';
import type { ServiceContext } from '../context';
import { slaHandlers } from './handlers';

type SlaMethod = keyof typeof slaHandlers & MethodName;

/** Runs an SLA method inside the caller's transaction, input parsed like the dispatcher. */
function call<M extends SlaMethod>(
  ctx: ServiceContext,
  method: M,
  input: unknown,
): MethodOutput<M> {
  const parsed = contract[method].input.parse(input) as ParsedInput<M>;
  const handler = slaHandlers[method] as (i: ParsedInput<M>, c: ServiceContext) => unknown;
  return handler(parsed, ctx) as MethodOutput<M>;
}

const DAY = 86_400_000;

interface DemoSla {
  engagementId: string;
  language: 'en' | 'zh-CN';
  timeZone: string;
  monthlyFeeMinor: number;
  subject: { en: string; 'zh-CN': string };
  seed: number;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function loadOne(ctx: ServiceContext, demo: DemoSla): number {
  const today = Date.parse(`${ctx.now().toISOString().slice(0, 10)}T00:00:00.000Z`);
  const zh = demo.language === 'zh-CN';
  const availability = call(ctx, 'sla.clauses.create', {
    engagementId: demo.engagementId,
    label: zh ? '可用性 99.95%' : 'Availability 99.95 %',
    metric: 'availability',
    subject: demo.subject,
    target: '99.95',
    unit: 'percent',
    direction: 'at-least',
    timeZone: demo.timeZone,
    creditTiers: cloudStyleTiers('99.95', 'aws'),
    perPeriodCapPercent: '100',
    monthlyFeeMinor: demo.monthlyFeeMinor,
  });
  const latency = call(ctx, 'sla.clauses.create', {
    engagementId: demo.engagementId,
    label: zh ? 'P99 响应时间' : 'P99 latency',
    metric: 'latency-percentile',
    subject: demo.subject,
    target: '800',
    unit: 'ms',
    direction: 'at-most',
    timeZone: demo.timeZone,
    creditTiers: [
      { above: '800', creditPercent: 5 },
      { above: '1600', creditPercent: 10 },
    ],
    monthlyFeeMinor: demo.monthlyFeeMinor,
  });
  call(ctx, 'sla.clauses.create', {
    engagementId: demo.engagementId,
    label: zh ? 'P1 响应' : 'P1 response',
    metric: 'support-response',
    target: '15',
    unit: 'min',
    direction: 'at-most',
    supportPriority: 'P1',
    timeZone: demo.timeZone,
    creditTiers: [{ above: '15', creditPercent: 5 }],
    monthlyFeeMinor: demo.monthlyFeeMinor,
  });

  // Incidents over the last three months: two short ones, a planned maintenance (excluded)
  // and, 40 days ago, a 38-minute outage that misses 99.95 % for its month.
  const incidents = [
    {
      daysAgo: 80,
      hour: 9,
      minutes: 7,
      en: 'Certificate expired on the load balancer',
      zh: '负载均衡证书过期',
    },
    {
      daysAgo: 62,
      hour: 2,
      minutes: 120,
      en: 'Database upgrade (announced)',
      zh: '数据库升级（已提前通知）',
      excluded: true,
    },
    { daysAgo: 40, hour: 14, minutes: 38, en: 'Message queue disk full', zh: '消息队列磁盘已满' },
    { daysAgo: 12, hour: 11, minutes: 4, en: 'Bad deploy rolled back', zh: '错误发布已回滚' },
  ];
  for (const i of incidents) {
    const start = today - i.daysAgo * DAY + i.hour * 3_600_000;
    call(ctx, 'sla.incidents.create', {
      clauseId: availability.id,
      start: new Date(start).toISOString(),
      end: new Date(start + i.minutes * 60_000).toISOString(),
      cause: zh ? i.zh : i.en,
      excluded: i.excluded === true,
      exclusionKind: i.excluded ? 'maintenance' : null,
    });
  }

  // Daily P99s for the last 90 days: 480–760 ms, with a slow week 30–24 days ago.
  const random = createRandom(demo.seed);
  for (let daysAgo = 90; daysAgo >= 1; daysAgo -= 1) {
    const slow = daysAgo <= 30 && daysAgo >= 24;
    const value = Math.round((slow ? 820 : 480) + random.nextOpen01() * (slow ? 300 : 280));
    call(ctx, 'sla.measurements.upsert', {
      clauseId: latency.id,
      date: isoDay(today - daysAgo * DAY),
      value,
    });
  }
  return 3;
}

/** SLA part of the demo workspace: three clauses per demo engagement with their history. */
export function loadSlaDemo(ctx: ServiceContext, engagements: { en: string; zh: string }): number {
  return (
    loadOne(ctx, {
      engagementId: engagements.en,
      language: 'en',
      timeZone: 'Europe/Amsterdam',
      monthlyFeeMinor: 800_000,
      subject: { en: 'the dispatch API', 'zh-CN': '调度接口' },
      seed: 505,
    }) +
    loadOne(ctx, {
      engagementId: engagements.zh,
      language: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      monthlyFeeMinor: 5_000_000,
      subject: { en: 'the order service', 'zh-CN': '订单服务' },
      seed: 606,
    })
  );
}
