/**
 * SLA clauses as the proposal (summary table) and the contract (annex) print them. The
 * commitment sentence is the clause's own `wording` in the document language: the override
 * where the consultant wrote one, else the text generated from the fields (core/sla/wording).
 */
import type { Content } from 'pdfmake/interfaces';
import type { Locale, SlaClause } from '../core/api';
import { dataTable, GREY, heading, keyValues, paragraphs, txt } from './blocks';
import { DASH, fill, type DocFormat } from './format';
import type { Wording } from './i18n';

type Tier = SlaClause['creditTiers'][number];

export function valueWithUnit(
  value: string | number,
  unit: SlaClause['unit'],
  fmt: DocFormat,
  w: Wording,
): string {
  const n = typeof value === 'number' ? value : Number(value);
  const text = Number.isFinite(n) ? fmt.number(n, 4) : txt(String(value));
  return fill(w.unit[unit], { value: text });
}

export function metricName(
  c: Pick<SlaClause, 'metric' | 'customName'>,
  lang: Locale,
  w: Wording,
): string {
  if (c.metric === 'custom' && c.customName[lang].trim()) return txt(c.customName[lang]);
  return w.metric[c.metric];
}

export function targetText(
  c: Pick<SlaClause, 'target' | 'unit' | 'direction'>,
  fmt: DocFormat,
  w: Wording,
): string {
  const value = valueWithUnit(c.target, c.unit, fmt, w);
  return fill(c.direction === 'at-least' ? w.slaClause.atLeast : w.slaClause.atMost, { value });
}

export function tierText(tier: Tier, unit: SlaClause['unit'], fmt: DocFormat, w: Wording): string {
  const below = 'below' in tier;
  return fill(below ? w.slaClause.tierBelow : w.slaClause.tierAbove, {
    threshold: valueWithUnit(below ? tier.below : tier.above, unit, fmt, w),
    credit: fmt.percent(tier.creditPercent),
  });
}

export function capsText(c: SlaClause, fmt: DocFormat, w: Wording): string {
  const caps: string[] = [];
  if (c.perIncidentCapMinor !== null) {
    caps.push(
      fill(w.slaClause.capPerIncident, { amount: fmt.money(c.perIncidentCapMinor, c.currency) }),
    );
  }
  if (c.perPeriodCapPercent !== null) {
    caps.push(fill(w.slaClause.capPerPeriod, { percent: fmt.percent(c.perPeriodCapPercent) }));
  }
  return caps.length ? caps.join('\n') : w.slaClause.noCaps;
}

export function windowText(c: SlaClause, w: Wording): string {
  if (c.window.kind === 'calendar-month') return w.slaClause.calendarMonth;
  if (c.window.kind === 'quarter') return w.slaClause.quarter;
  return fill(w.slaClause.rollingDays, { days: c.window.days });
}

export function serviceHoursText(c: SlaClause, w: Wording): string {
  const h = c.serviceHours;
  if (h.kind === '24x7') return w.slaClause.hours24x7;
  if (h.kind === '24x5') return `${w.slaClause.hours24x5}, ${txt(h.timeZone)}`;
  const day = (d: number) => w.weekday[`d${d}` as keyof Wording['weekday']];
  const windows = h.windows.map((win) => {
    const days = [...win.days].sort((a, b) => a - b);
    const contiguous = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
    const dayText =
      days.length > 2 && contiguous
        ? `${day(days[0]!)} – ${day(days[days.length - 1]!)}`
        : days.map(day).join(', ');
    return `${dayText} ${win.from} – ${win.to}`;
  });
  return `${windows.join('; ')} (${txt(h.timeZone)})`;
}

export function exclusionsList(c: SlaClause, w: Wording): string[] {
  const out: string[] = [];
  if (c.exclusions.maintenance) out.push(w.slaClause.maintenance);
  if (c.exclusions.clientCaused) out.push(w.slaClause.clientCaused);
  if (c.exclusions.forceMajeure) out.push(w.slaClause.forceMajeure);
  return out;
}

/** The wording the documents print for a clause in a language. */
export function clauseWording(c: SlaClause, lang: Locale): string {
  return c.wordingOverride[lang] ?? c.wording[lang] ?? c.generatedWording[lang];
}

/** Proposal: one table row per clause, then each clause's commitment sentence. */
export function slaSummary(
  clauses: SlaClause[],
  lang: Locale,
  fmt: DocFormat,
  w: Wording,
  accent: string,
): Content[] {
  if (clauses.length === 0) return [];
  const table = dataTable(
    [
      { header: w.slaClause.clause, width: '*' },
      { header: w.slaClause.target, width: 90 },
      { header: w.slaClause.credits, width: 150 },
      { header: w.slaClause.caps, width: 100 },
    ],
    clauses.map((c) => [
      {
        stack: [
          { text: txt(c.label) || metricName(c, lang, w), bold: true },
          { text: metricName(c, lang, w), fontSize: 7.5, color: GREY.muted },
        ],
      },
      targetText(c, fmt, w),
      c.creditTiers.length
        ? c.creditTiers.map((t) => tierText(t, c.unit, fmt, w)).join('\n')
        : w.slaClause.noCredits,
      capsText(c, fmt, w),
    ]),
    accent,
    { fontSize: 8 },
  );
  const sentences: Content[] = clauses.map((c) => ({
    stack: [
      { text: txt(c.label) || metricName(c, lang, w), bold: true, fontSize: 8.5 },
      ...paragraphs(clauseWording(c, lang), { fontSize: 8.5 }),
    ],
    margin: [0, 6, 0, 0],
  }));
  return [table, ...sentences];
}

/** Contract annex: every clause in full. */
export function slaAnnexClause(
  c: SlaClause,
  index: number,
  lang: Locale,
  fmt: DocFormat,
  w: Wording,
): Content {
  const exclusions = exclusionsList(c, w);
  return {
    stack: [
      heading(`A.${index + 1} ${txt(c.label) || metricName(c, lang, w)}`, GREY.text, 2),
      ...paragraphs(clauseWording(c, lang)),
      keyValues(
        [
          [w.slaClause.clause, metricName(c, lang, w)],
          [w.slaClause.target, targetText(c, fmt, w)],
          [w.slaClause.window, windowText(c, w)],
          [w.slaClause.timeZone, txt(c.timeZone)],
          [w.slaClause.serviceHours, serviceHoursText(c, w)],
          [
            w.slaClause.credits,
            c.creditTiers.length
              ? c.creditTiers.map((t) => tierText(t, c.unit, fmt, w)).join('\n')
              : w.slaClause.noCredits,
          ],
          [w.slaClause.caps, capsText(c, fmt, w)],
          [w.slaClause.monthlyFee, fmt.money(c.monthlyFeeMinor, c.currency)],
          [w.slaClause.claimWindow, fill(w.slaClause.claimDays, { days: c.claimWindowDays })],
          [
            w.slaClause.exclusions,
            exclusions.length ? exclusions.join(w.common.listSeparator) : DASH,
          ],
        ],
        { labelWidth: 110, fontSize: 8.5 },
      ),
    ],
    margin: [0, 0, 0, 6],
  };
}
