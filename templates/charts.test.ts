import { describe, expect, it } from 'vitest';
import {
  approxWidth,
  chartContent,
  cumulativeChart,
  linearScale,
  matrixChart,
  niceTicks,
} from './charts';
import { cumulativeOf, findingsOf, clientZh } from './fixtures';

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(0, 97, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(-43, 118, 5)).toEqual([-50, 0, 50, 100, 150]);
    expect(niceTicks(0, 4_000_000, 4)).toEqual([0, 1_000_000, 2_000_000, 3_000_000, 4_000_000]);
  });
  it('never returns a single tick', () => {
    expect(niceTicks(0, 0)).toEqual([0, 1]);
    expect(niceTicks(5, 5).length).toBeGreaterThan(1);
    expect(niceTicks(Number.NaN, 3)).toEqual([0, 1]);
  });
});

describe('linearScale', () => {
  it('maps the domain onto the range, inverted for y', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(100)).toBe(0);
    expect(y(25)).toBe(150);
    expect(linearScale([3, 3], [0, 10])(3)).toBe(5);
  });
});

describe('charts', () => {
  const findings = findingsOf(clientZh, 10, true);
  const money = (minor: number) => `¥${Math.round(minor / 100)}`;

  it('draws shapes as SVG and every label as document text (no SVG text)', () => {
    const chart = cumulativeChart({
      points: cumulativeOf(findings),
      width: 495,
      height: 190,
      accent: '#1F6FEB',
      money,
      labels: { carrying: '持有', fixing: '修复', band: 'P10 – P90', quarter: '季度' },
    });
    expect(chart.svg.startsWith('<svg')).toBe(true);
    expect(chart.svg).not.toContain('<text');
    expect(chart.svg).toContain('<polygon');
    const texts = chart.labels.map((l) => l.text);
    expect(texts).toEqual(expect.arrayContaining(['持有', '修复', '季度', '0', '3', '18']));
    for (const l of chart.labels) {
      expect(l.x).toBeGreaterThanOrEqual(0);
      expect(l.x).toBeLessThanOrEqual(495);
      expect(l.y).toBeGreaterThan(0);
      expect(l.y).toBeLessThanOrEqual(190);
    }
    const node = chartContent(chart) as unknown as { stack: Array<Record<string, unknown>> };
    expect(node.stack).toHaveLength(chart.labels.length + 1);
    expect(node.stack.at(-1)).toEqual({ svg: chart.svg, width: 495 });
  });

  it('highlights the fix plan in the matrix and numbers its points', () => {
    const selected = new Set(findings.slice(0, 3).map((f) => f.item.id));
    const chart = matrixChart({
      points: findings.map((f) => ({
        id: f.item.id,
        rank: f.rank,
        title: f.item.title,
        fixDays: f.item.fixDays.likely,
        netBenefitMinor: f.item.evaluation.netBenefitMinor,
        impact: f.item.impact,
      })),
      selectedIds: selected,
      width: 495,
      height: 225,
      accent: '#C2410C',
      money,
      number: String,
      labels: { effort: '工作量', value: '净收益', inPlan: '已列入', notInPlan: '其他' },
    });
    expect(chart.svg.match(/fill="#C2410C"/g)?.length).toBe(3 + 1); // 3 points + legend
    const ranks = chart.labels.filter((l) => l.color === '#C2410C').map((l) => l.text);
    expect(ranks.sort()).toEqual(['1', '2', '3']);
  });

  it('estimates CJK text a full em wide and Latin about half', () => {
    expect(approxWidth('季度', 10)).toBe(20);
    expect(approxWidth('ab', 10)).toBeCloseTo(11.2);
  });
});
