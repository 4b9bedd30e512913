/**
 * Charts: the shapes as an SVG string (pdfmake draws `svg` nodes through svg-to-pdfkit) and
 * the text (axis labels, legend) as ordinary pdfmake text placed over it, so labels use the
 * document's font exactly like the body text, Chinese included. (SVG `<text>` would make
 * pdfkit open the 10 MB font file from disk again for every single label.) Pure.
 */
import type { Content } from 'pdfmake/interfaces';
import { GREY, tint } from './blocks';
import type { MatrixPointModel, QuarterPoint } from './model';

export interface ChartLabel {
  x: number;
  /** Baseline, in the chart's coordinates (as SVG text would be placed). */
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
  size: number;
  color: string;
  bold?: boolean;
}

export interface Chart {
  width: number;
  height: number;
  svg: string;
  labels: ChartLabel[];
}

/** Noto Sans SC's ascender: pdfmake puts the baseline this far below a line's top. */
const ASCENT = 1.16;

/** The chart as one pdfmake node: labels (detached, no height) over the SVG shapes. */
export function chartContent(chart: Chart): Content {
  const labels: Content[] = chart.labels.map((l) => {
    const width = Math.ceil(approxWidth(l.text, l.size) + 6);
    const left = l.anchor === 'start' ? l.x : l.anchor === 'middle' ? l.x - width / 2 : l.x - width;
    return {
      relativePosition: { x: left, y: l.y - ASCENT * l.size },
      columns: [
        {
          width,
          text: l.text,
          fontSize: l.size,
          color: l.color,
          bold: l.bold ?? false,
          lineHeight: 1,
          noWrap: true,
          alignment: l.anchor === 'start' ? 'left' : l.anchor === 'middle' ? 'center' : 'right',
        },
      ],
    } as Content;
  });
  return { stack: [...labels, { svg: chart.svg, width: chart.width }] };
}

export type Scale = ((value: number) => number) & { domain: [number, number] };

/** A linear map from [d0, d1] to [r0, r1]; a zero-width domain maps to the range's middle. */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const f = ((v: number) =>
    span === 0 ? (r0 + r1) / 2 : r0 + ((v - d0) / span) * (r1 - r0)) as Scale;
  f.domain = domain;
  return f;
}

/**
 * "Nice" ticks covering [min, max]: steps of 1, 2, 2.5 or 5 × 10^k, about `count` of them.
 * Returns the ticks; the first is ≤ min and the last ≥ max.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    if (min === 0) return [0, 1];
    const pad = Math.abs(min) * 0.1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const start = Math.floor(min / step) * step;
  const end = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) {
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return ticks;
}

type LabelOptions = {
  anchor?: 'start' | 'middle' | 'end';
  size?: number;
  color?: string;
  bold?: boolean;
};

/** Collects a chart's labels. */
function labeller(labels: ChartLabel[]) {
  return (x: number, y: number, content: string, options: LabelOptions = {}) => {
    labels.push({
      x,
      y,
      text: content,
      anchor: options.anchor ?? 'start',
      size: options.size ?? 7,
      color: options.color ?? GREY.muted,
      bold: options.bold,
    });
  };
}

/** Approximate advance of text in Noto Sans SC: CJK is a full em, Latin about 0.55 em. */
export function approxWidth(content: string, size = 7): number {
  let em = 0;
  for (const ch of content) em += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.56;
  return em * size;
}

const points = (pts: Array<[number, number]>) =>
  pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');

export interface CumulativeChartOptions {
  points: QuarterPoint[];
  width: number;
  height: number;
  accent: string;
  /** Axis label for money values (minor units in, label out). */
  money: (minor: number) => string;
  labels: { carrying: string; fixing: string; band: string; quarter: string };
}

/** Cumulative discounted carrying vs fixing per quarter, with their P10–P90 bands. */
export function cumulativeChart(o: CumulativeChartOptions): Chart {
  const margin = { left: 58, right: 12, top: 22, bottom: 26 };
  const w = o.width;
  const h = o.height;
  const pts = o.points;
  const parts: string[] = [];
  const labels: ChartLabel[] = [];
  const text = labeller(labels);
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
  );
  if (pts.length === 0) {
    parts.push('</svg>');
    return { width: w, height: h, svg: parts.join(''), labels };
  }
  const values = pts.flatMap((p) => [
    p.carryP10,
    p.carryP90,
    p.carryLikely,
    p.fixP10,
    p.fixP90,
    p.fixLikely,
  ]);
  const yTicks = niceTicks(Math.min(0, ...values), Math.max(...values), 5);
  const xMin = pts[0]!.quarter;
  const xMax = pts[pts.length - 1]!.quarter;
  const x = linearScale([xMin, xMax], [margin.left, w - margin.right]);
  const y = linearScale([yTicks[0]!, yTicks[yTicks.length - 1]!], [h - margin.bottom, margin.top]);

  // grid and y axis labels
  for (const t of yTicks) {
    parts.push(
      `<line x1="${margin.left}" y1="${y(t).toFixed(1)}" x2="${w - margin.right}" y2="${y(t).toFixed(1)}" stroke="${GREY.rule}" stroke-width="${t === 0 ? 0.8 : 0.4}"/>`,
    );
    text(margin.left - 5, y(t) + 2.5, o.money(t), { anchor: 'end' });
  }
  // x ticks: about 8 labels
  const every = Math.max(1, Math.ceil((xMax - xMin + 1) / 8));
  for (const p of pts) {
    if ((p.quarter - xMin) % every !== 0) continue;
    text(x(p.quarter), h - margin.bottom + 11, String(p.quarter), { anchor: 'middle' });
  }
  text((margin.left + w - margin.right) / 2, h - 3, o.labels.quarter, { anchor: 'middle' });

  const band = (lo: (p: QuarterPoint) => number, hi: (p: QuarterPoint) => number) =>
    points([
      ...pts.map((p) => [x(p.quarter), y(hi(p))] as [number, number]),
      ...[...pts].reverse().map((p) => [x(p.quarter), y(lo(p))] as [number, number]),
    ]);
  const carryFill = tint(o.accent, 0.78);
  const fixFill = '#D9DDE3';
  parts.push(
    `<polygon points="${band(
      (p) => p.fixP10,
      (p) => p.fixP90,
    )}" fill="${fixFill}" fill-opacity="0.7" stroke="none"/>`,
  );
  parts.push(
    `<polygon points="${band(
      (p) => p.carryP10,
      (p) => p.carryP90,
    )}" fill="${carryFill}" fill-opacity="0.7" stroke="none"/>`,
  );
  parts.push(
    `<polyline points="${points(pts.map((p) => [x(p.quarter), y(p.fixLikely)]))}" fill="none" stroke="${GREY.muted}" stroke-width="1.4" stroke-dasharray="4,2"/>`,
  );
  parts.push(
    `<polyline points="${points(pts.map((p) => [x(p.quarter), y(p.carryLikely)]))}" fill="none" stroke="${o.accent}" stroke-width="1.6"/>`,
  );
  // legend
  let lx = margin.left;
  const ly = 9;
  const legend = (swatch: string, label: string) => {
    parts.push(swatch.replace(/\{x\}/g, lx.toFixed(1)));
    text(lx + 16, ly + 3, label, { color: GREY.text });
    lx += 26 + approxWidth(label);
  };
  legend(
    `<line x1="{x}" y1="${ly}" x2="${lx + 12}" y2="${ly}" stroke="${o.accent}" stroke-width="1.6"/>`,
    o.labels.carrying,
  );
  legend(
    `<line x1="{x}" y1="${ly}" x2="${lx + 12}" y2="${ly}" stroke="${GREY.muted}" stroke-width="1.4" stroke-dasharray="4,2"/>`,
    o.labels.fixing,
  );
  legend(
    `<rect x="{x}" y="${ly - 4}" width="12" height="8" fill="${carryFill}" stroke="none"/>`,
    o.labels.band,
  );
  parts.push('</svg>');
  return { width: w, height: h, svg: parts.join(''), labels };
}

export interface MatrixChartOptions {
  points: MatrixPointModel[];
  selectedIds: ReadonlySet<string>;
  width: number;
  height: number;
  accent: string;
  money: (minor: number) => string;
  number: (value: number) => string;
  labels: { effort: string; value: string; inPlan: string; notInPlan: string };
}

/** Effort (fix days) against net benefit; items of the fix plan filled in the accent. */
export function matrixChart(o: MatrixChartOptions): Chart {
  const margin = { left: 58, right: 14, top: 30, bottom: 28 };
  const w = o.width;
  const h = o.height;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
  ];
  const labels: ChartLabel[] = [];
  const text = labeller(labels);
  const pts = o.points.filter(
    (p) => Number.isFinite(p.fixDays) && Number.isFinite(p.netBenefitMinor),
  );
  const xTicks = niceTicks(0, Math.max(1, ...pts.map((p) => p.fixDays)), 6);
  const yTicks = niceTicks(
    Math.min(0, ...pts.map((p) => p.netBenefitMinor)),
    Math.max(1, ...pts.map((p) => p.netBenefitMinor)),
    5,
  );
  const x = linearScale([xTicks[0]!, xTicks[xTicks.length - 1]!], [margin.left, w - margin.right]);
  const y = linearScale([yTicks[0]!, yTicks[yTicks.length - 1]!], [h - margin.bottom, margin.top]);
  for (const t of yTicks) {
    parts.push(
      `<line x1="${margin.left}" y1="${y(t).toFixed(1)}" x2="${w - margin.right}" y2="${y(t).toFixed(1)}" stroke="${GREY.rule}" stroke-width="${t === 0 ? 0.9 : 0.4}"/>`,
    );
    text(margin.left - 5, y(t) + 2.5, o.money(t), { anchor: 'end' });
  }
  for (const t of xTicks) {
    parts.push(
      `<line x1="${x(t).toFixed(1)}" y1="${margin.top}" x2="${x(t).toFixed(1)}" y2="${h - margin.bottom}" stroke="${GREY.rule}" stroke-width="0.3"/>`,
    );
    text(x(t), h - margin.bottom + 11, o.number(t), { anchor: 'middle' });
  }
  text((margin.left + w - margin.right) / 2, h - 3, o.labels.effort, { anchor: 'middle' });
  text(margin.left - 5, margin.top - 10, o.labels.value, { anchor: 'end', color: GREY.text });
  // others first so the plan's points sit on top
  const sorted = [...pts].sort(
    (a, b) => Number(o.selectedIds.has(a.id)) - Number(o.selectedIds.has(b.id)),
  );
  for (const p of sorted) {
    const inPlan = o.selectedIds.has(p.id);
    const cx = x(p.fixDays).toFixed(1);
    const cy = y(p.netBenefitMinor).toFixed(1);
    parts.push(
      inPlan
        ? `<circle cx="${cx}" cy="${cy}" r="3.4" fill="${o.accent}" stroke="#FFFFFF" stroke-width="0.6"/>`
        : `<circle cx="${cx}" cy="${cy}" r="2.8" fill="#FFFFFF" stroke="${GREY.muted}" stroke-width="0.7"/>`,
    );
    if (inPlan && p.rank <= 30) {
      text(Number(cx) + 4.5, Number(cy) - 3, String(p.rank), { size: 6, color: o.accent });
    }
  }
  // legend
  const ly = 9;
  parts.push(
    `<circle cx="${margin.left + 4}" cy="${ly}" r="3.4" fill="${o.accent}" stroke="none"/>`,
  );
  text(margin.left + 12, ly + 2.5, o.labels.inPlan, { color: GREY.text });
  const lx = margin.left + 26 + approxWidth(o.labels.inPlan);
  parts.push(
    `<circle cx="${lx}" cy="${ly}" r="2.8" fill="#FFFFFF" stroke="${GREY.muted}" stroke-width="0.7"/>`,
  );
  text(lx + 8, ly + 2.5, o.labels.notInPlan, { color: GREY.text });
  parts.push('</svg>');
  return { width: w, height: h, svg: parts.join(''), labels };
}
