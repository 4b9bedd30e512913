/**
 * Tech-debt figures as the proposal and the report print them: the findings table and the
 * cumulative chart. Estimates are floats of minor units; they print in whole currency units,
 * like the debt register on screen.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { CONTENT_WIDTH, dataTable, GREY, txt, type Column } from './blocks';
import { chartContent, cumulativeChart } from './charts';
import { fill, type DocFormat } from './format';
import type { Wording } from './i18n';
import type { Finding, PortfolioFigures } from './model';

export function paybackText(quarters: number | null, fmt: DocFormat, w: Wording): string {
  if (quarters === null || !Number.isFinite(quarters)) return w.payback.never;
  if (quarters === 0) return w.payback.immediate;
  return fill(quarters === 1 ? w.payback.quarter : w.payback.quarters, {
    value: fmt.number(quarters, 1),
  });
}

/** Payback in a table cell whose header says "(quarters)": the number only. */
export function paybackCell(quarters: number | null, fmt: DocFormat, w: Wording): string {
  if (quarters === null || !Number.isFinite(quarters)) return w.payback.never;
  return fmt.number(quarters, 1);
}

export function rangeText(p10: number, p90: number, currency: string, fmt: DocFormat): string {
  return `${fmt.estimate(p10, currency)} – ${fmt.estimate(p90, currency)}`;
}

export function findingsTable(
  findings: Finding[],
  fmt: DocFormat,
  w: Wording,
  accent: string,
  options: { selected?: ReadonlySet<string>; fixDays?: boolean; fontSize?: number } = {},
): Content {
  const withDays = options.fixDays ?? false;
  const columns: Column[] = [
    { header: w.findings.rank, width: 20, align: 'right' },
    { header: w.findings.item, width: '*' },
    { header: w.findings.pvCarry, width: 62, align: 'right' },
    { header: w.findings.fixCost, width: 56, align: 'right' },
    { header: w.findings.netBenefitRange, width: 92, align: 'right' },
    ...(withDays ? [{ header: w.findings.fixDays, width: 38, align: 'right' as const }] : []),
    // Wide enough for "回收期（季度）" on one line at the proposal's header size.
    { header: w.findings.payback, width: 64, align: 'right' },
  ];
  const rows: TableCell[][] = findings.map((f) => {
    const e = f.item.evaluation;
    const cur = f.item.currency;
    const inPlan = options.selected?.has(f.item.id) ?? false;
    return [
      inPlan ? { text: `● ${f.rank}`, color: accent, bold: true } : String(f.rank),
      {
        stack: [
          { text: txt(f.item.title), bold: inPlan },
          {
            text: [w.impact[f.item.impact], txt(f.item.affectedSystem)].filter(Boolean).join(' · '),
            fontSize: 7,
            color: GREY.muted,
          },
        ],
      },
      fmt.estimate(e.pvCarryMinor, cur),
      fmt.estimate(e.fixCostMinor, cur),
      {
        stack: [
          {
            text: fmt.estimate(e.netBenefitMinor, cur),
            color: e.netBenefitMinor < 0 ? '#B42318' : GREY.text,
          },
          {
            text: rangeText(f.netBenefitP10Minor, f.netBenefitP90Minor, cur, fmt),
            fontSize: 6.5,
            color: GREY.muted,
          },
        ],
      },
      ...(withDays ? [fmt.number(f.item.fixDays.likely, 1)] : []),
      paybackCell(e.paybackQuarters, fmt, w),
    ];
  });
  return dataTable(columns, rows, accent, { fontSize: options.fontSize ?? 8, zebra: true });
}

export function cumulativeChartNode(
  portfolio: PortfolioFigures,
  fmt: DocFormat,
  w: Wording,
  accent: string,
): Content {
  if (portfolio.cumulative.length === 0) return { text: '' };
  return {
    stack: [
      { text: w.chart.cumulativeTitle, bold: true, fontSize: 9, margin: [0, 8, 0, 4] },
      chartContent(
        cumulativeChart({
          points: portfolio.cumulative,
          width: CONTENT_WIDTH,
          height: 190,
          accent,
          money: (minor) => fmt.compactMoney(minor, portfolio.currency),
          labels: {
            carrying: w.chart.carrying,
            fixing: w.chart.fixing,
            band: w.chart.band,
            quarter: w.chart.quarter,
          },
        }),
      ),
    ],
    unbreakable: true,
  };
}
