import { minorDigits } from '../money/currency';
import {
  canonicalDecimal,
  normalizeClauseTiers,
  tierThreshold,
  type ClauseDefinition,
  type MeasurementWindow,
  type SlaUnit,
} from './clause';
import type { ServiceHours } from './service-hours';

/**
 * The clause text contracts and PDFs print, generated from the structured clause, in
 * English and Simplified Chinese. Pure: the same clause always gives the same words.
 * Sentences: the commitment (metric, target, window, service hours), the exclusions, the
 * credit tiers, the caps and the claim window — each only when it applies.
 */

export type WordingLocale = 'en' | 'zh-CN';

export interface WordingOptions {
  /** The engagement currency, for caps (`EUR 1,000.00`). */
  currency?: string;
}

const UNIT_EN: Record<SlaUnit, string> = {
  percent: ' %',
  ms: ' ms',
  s: ' seconds',
  min: ' minutes',
  h: ' hours',
  count: '',
};
const UNIT_ZH: Record<SlaUnit, string> = {
  percent: '%',
  ms: ' 毫秒',
  s: ' 秒',
  min: ' 分钟',
  h: ' 小时',
  count: ' 次',
};

const DAY_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

function quantity(value: string, unit: SlaUnit, locale: WordingLocale): string {
  const text = canonicalDecimal(value);
  return `${text}${locale === 'en' ? UNIT_EN[unit] : UNIT_ZH[unit]}`;
}

function windowText(window: MeasurementWindow, locale: WordingLocale): string {
  if (locale === 'en') {
    if (window.kind === 'calendar-month') return 'each calendar month';
    if (window.kind === 'quarter') return 'each calendar quarter';
    return `any rolling ${window.days}-day period`;
  }
  if (window.kind === 'calendar-month') return '每个自然月内';
  if (window.kind === 'quarter') return '每个自然季度内';
  return `任意连续 ${window.days} 天内`;
}

function periodNoun(window: MeasurementWindow, locale: WordingLocale): string {
  if (locale === 'en') {
    if (window.kind === 'calendar-month') return 'calendar month';
    if (window.kind === 'quarter') return 'calendar quarter';
    return 'measurement period';
  }
  if (window.kind === 'calendar-month') return '自然月';
  if (window.kind === 'quarter') return '自然季度';
  return '计量周期';
}

/** Consecutive weekdays as ranges: [1,2,3,4,5] → "Mon–Fri". */
function dayRanges(days: readonly number[], names: readonly string[], joiner: string): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j += 1;
    parts.push(j > i ? `${names[sorted[i]!]}–${names[sorted[j]!]}` : names[sorted[i]!]!);
    i = j + 1;
  }
  return parts.join(joiner);
}

function hoursText(hours: ServiceHours, locale: WordingLocale): string {
  if (hours.kind === '24x7') return locale === 'en' ? 'measured 24×7' : '按 7×24 小时计算';
  if (hours.kind === '24x5') {
    return locale === 'en'
      ? `measured 24×5 (Mon–Fri, ${hours.timeZone})`
      : `按 5×24 小时（周一至周五，${hours.timeZone}）计算`;
  }
  const windows = hours.windows
    .map((w) =>
      locale === 'en'
        ? `${dayRanges(w.days, DAY_EN, ', ')} ${w.from}–${w.to}`
        : `${dayRanges(w.days, DAY_ZH, '、')} ${w.from}–${w.to}`,
    )
    .join(locale === 'en' ? '; ' : '；');
  return locale === 'en'
    ? `measured during service hours (${windows}, ${hours.timeZone})`
    : `在服务时间（${windows}，${hours.timeZone}）内计算`;
}

function subjectOf(clause: ClauseDefinition, locale: WordingLocale, fallback: string): string {
  const subject = clause.subject[locale].trim() || clause.subject.en.trim();
  return subject || fallback;
}

function ordinal(n: number): string {
  const text = canonicalDecimal(String(n));
  if (!/^\d+$/.test(text)) return `${text}th`;
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${text}th`;
  return `${text}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** A sentence starts with a capital, whatever case the clause's subject was typed in. */
function commitmentEn(clause: ClauseDefinition): string {
  const text = commitmentSentenceEn(clause);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function commitmentSentenceEn(clause: ClauseDefinition): string {
  const target = quantity(clause.target, clause.unit, 'en');
  const bound = clause.direction === 'at-least' ? 'at least' : 'at most';
  const period = windowText(clause.window, 'en');
  const hours = hoursText(clause.serviceHours, 'en');
  switch (clause.metric) {
    case 'availability':
      return `${subjectOf(clause, 'en', 'The Service')} will be available ${bound} ${target} of ${period}, ${hours}.`;
    case 'latency-percentile': {
      const method = clause.percentileMethod === 'linear' ? 'linear interpolation' : 'nearest rank';
      return `The ${ordinal(clause.percentile)} percentile (${method}) of the response times of ${subjectOf(clause, 'en', 'the Service')} will be ${bound} ${target} in ${period}, ${hours}.`;
    }
    case 'mttr':
      return `The mean time to restore ${subjectOf(clause, 'en', 'the Service')} after an incident will be ${bound} ${target} in ${period}, ${hours}.`;
    case 'support-response':
      return `${clause.supportPriority ?? 'P1'} support requests about ${subjectOf(clause, 'en', 'the Service')} will receive a first response within ${bound} ${target}, in ${period}, ${hours}.`;
    case 'rpo':
      return `The recovery point objective of ${subjectOf(clause, 'en', 'the Service')} (the most data that may be lost) will be ${bound} ${target}.`;
    case 'rto':
      return `The recovery time objective of ${subjectOf(clause, 'en', 'the Service')} (the time to restore it after a disaster) will be ${bound} ${target}.`;
    case 'error-rate':
      return `The share of failed requests to ${subjectOf(clause, 'en', 'the Service')} will be ${bound} ${target} in ${period}, ${hours}.`;
    case 'sync-lag':
      return `The data synchronisation lag of ${subjectOf(clause, 'en', 'the Service')} will be ${bound} ${target} in ${period}, ${hours}.`;
    case 'custom':
      return `${clause.customName.en.trim()}${clause.subject.en.trim() ? ` of ${clause.subject.en.trim()}` : ''} will be ${bound} ${target} in ${period}, ${hours}.`;
  }
}

function commitmentZh(clause: ClauseDefinition): string {
  const target = quantity(clause.target, clause.unit, 'zh-CN');
  const bound = clause.direction === 'at-least' ? '不低于' : '不超过';
  const period = windowText(clause.window, 'zh-CN');
  const hours = hoursText(clause.serviceHours, 'zh-CN');
  switch (clause.metric) {
    case 'availability':
      return `${subjectOf(clause, 'zh-CN', '服务')}在${period}的可用性${bound} ${target}，${hours}。`;
    case 'latency-percentile': {
      const method = clause.percentileMethod === 'linear' ? '线性插值法' : '最近秩法';
      return `${subjectOf(clause, 'zh-CN', '服务')}响应时间的第 ${canonicalDecimal(String(clause.percentile))} 百分位数（${method}）在${period}${bound} ${target}，${hours}。`;
    }
    case 'mttr':
      return `${subjectOf(clause, 'zh-CN', '服务')}在事件发生后的平均恢复时间在${period}${bound} ${target}，${hours}。`;
    case 'support-response':
      return `关于${subjectOf(clause, 'zh-CN', '服务')}的 ${clause.supportPriority ?? 'P1'} 级支持请求，首次响应时间${bound} ${target}（${period}，${hours}）。`;
    case 'rpo':
      return `${subjectOf(clause, 'zh-CN', '服务')}的恢复点目标（最多可能丢失的数据）${bound} ${target}。`;
    case 'rto':
      return `${subjectOf(clause, 'zh-CN', '服务')}的恢复时间目标（灾难后恢复服务所需时间）${bound} ${target}。`;
    case 'error-rate':
      return `${subjectOf(clause, 'zh-CN', '服务')}的失败请求比例在${period}${bound} ${target}，${hours}。`;
    case 'sync-lag':
      return `${subjectOf(clause, 'zh-CN', '服务')}的数据同步延迟在${period}${bound} ${target}，${hours}。`;
    case 'custom': {
      const name = clause.customName['zh-CN'].trim() || clause.customName.en.trim();
      const subject = clause.subject['zh-CN'].trim() || clause.subject.en.trim();
      return `${subject ? `${subject}的` : ''}${name}在${period}${bound} ${target}，${hours}。`;
    }
  }
}

function exclusionsText(clause: ClauseDefinition, locale: WordingLocale): string {
  const { maintenance, clientCaused, forceMajeure } = clause.exclusions;
  const en = [
    maintenance ? 'scheduled maintenance announced in advance' : null,
    clientCaused ? 'incidents caused by the Customer' : null,
    forceMajeure ? 'force majeure events' : null,
  ].filter((x): x is string => x !== null);
  const zh = [
    maintenance ? '提前通知的计划内维护' : null,
    clientCaused ? '因客户原因造成的事件' : null,
    forceMajeure ? '不可抗力事件' : null,
  ].filter((x): x is string => x !== null);
  if (en.length === 0) return '';
  if (locale === 'en') {
    const list = en.length === 1 ? en[0]! : `${en.slice(0, -1).join(', ')} and ${en.at(-1)!}`;
    return `Excluded: ${list}.`;
  }
  return `以下情况不计入：${zh.join('、')}。`;
}

function creditsText(clause: ClauseDefinition, locale: WordingLocale): string {
  if (clause.creditTiers.length === 0) return '';
  const tiers = normalizeClauseTiers(clause.direction, clause.creditTiers);
  const noun = periodNoun(clause.window, locale);
  const rows = tiers.map((tier) => ({
    threshold: quantity(tierThreshold(tier), clause.unit, locale),
    credit: canonicalDecimal(String(tier.creditPercent)),
  }));
  const [first, ...deeper] = rows;
  if (locale === 'en') {
    const side = clause.direction === 'at-least' ? 'below' : 'above';
    const more = deeper.map((r) => `${side} ${r.threshold}: ${r.credit} %`).join('; ');
    return `If the measured value of a ${noun} is ${side} ${first!.threshold}, the Customer receives a service credit of ${first!.credit} % of that ${noun}'s fee${more ? ` (${more})` : ''}.`;
  }
  const side = clause.direction === 'at-least' ? '低于' : '高于';
  const more = deeper.map((r) => `${side} ${r.threshold}：${r.credit}%`).join('；');
  return `若某${noun}的实测值${side} ${first!.threshold}，客户可获得该${noun}服务费 ${first!.credit}% 的服务抵扣${more ? `（${more}）` : ''}。`;
}

function money(amountMinor: number, currency: string | undefined): string {
  const digits = currency ? minorDigits(currency) : 2;
  const whole = Math.floor(amountMinor / 10 ** digits);
  const fraction = amountMinor - whole * 10 ** digits;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = digits > 0 ? `${grouped}.${String(fraction).padStart(digits, '0')}` : grouped;
  return `${currency ? `${currency} ` : ''}${text}`;
}

function capsText(
  clause: ClauseDefinition,
  locale: WordingLocale,
  options: WordingOptions,
): string {
  const noun = periodNoun(clause.window, locale);
  const parts: string[] = [];
  if (clause.perIncidentCapMinor !== null) {
    const amount = money(clause.perIncidentCapMinor, options.currency);
    parts.push(locale === 'en' ? `${amount} per incident` : `每次事件 ${amount}`);
  }
  if (clause.perPeriodCapPercent !== null) {
    const percent = canonicalDecimal(clause.perPeriodCapPercent);
    parts.push(
      locale === 'en' ? `${percent} % of the fee of the ${noun}` : `该${noun}服务费的 ${percent}%`,
    );
  }
  if (parts.length === 0) return '';
  return locale === 'en'
    ? `Service credits are limited to ${parts.join(' and to ')}.`
    : `服务抵扣上限为：${parts.join('；')}。`;
}

function claimText(clause: ClauseDefinition, locale: WordingLocale): string {
  if (clause.creditTiers.length === 0) return '';
  const noun = periodNoun(clause.window, locale);
  return locale === 'en'
    ? `Credits must be claimed within ${clause.claimWindowDays} days after the end of the ${noun}.`
    : `客户应在${noun}结束后 ${clause.claimWindowDays} 天内提出服务抵扣申请。`;
}

/** The clause text in one language. */
export function clauseWording(
  clause: ClauseDefinition,
  locale: WordingLocale,
  options: WordingOptions = {},
): string {
  const sentences = [
    locale === 'en' ? commitmentEn(clause) : commitmentZh(clause),
    exclusionsText(clause, locale),
    creditsText(clause, locale),
    capsText(clause, locale, options),
    claimText(clause, locale),
  ].filter((s) => s !== '');
  return sentences.join(locale === 'en' ? ' ' : '');
}

/** Both languages at once. */
export function clauseWordings(
  clause: ClauseDefinition,
  options: WordingOptions = {},
): Record<WordingLocale, string> {
  return {
    en: clauseWording(clause, 'en', options),
    'zh-CN': clauseWording(clause, 'zh-CN', options),
  };
}
