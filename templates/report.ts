/**
 * The tech-debt ROI report: portfolio summary, totals per currency, the cumulative chart and
 * the priority matrix, every open item ranked (hundreds of rows run over many pages; the
 * header row repeats), and the assumptions and method. Pure.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  accentOf,
  col,
  CONTENT_WIDTH,
  dataTable,
  frame,
  GREY,
  heading,
  keyValues,
  paragraphs,
  txt,
} from './blocks';
import { chartContent, matrixChart } from './charts';
import { cumulativeChartNode, findingsTable, paybackText, rangeText } from './debt-blocks';
import { docFormat, fill } from './format';
import { words } from './i18n';
import type { DebtReportModel } from './model';

export function reportDocument(model: DebtReportModel): TDocumentDefinitions {
  const { ctx, client, portfolio, settings } = model;
  const w = words(ctx.language);
  const fmt = docFormat(ctx.language);
  const accent = accentOf(ctx);
  const selected = new Set(model.selectedIds);
  const totals = model.totals;

  const content: Content[] = [
    { text: txt(client.displayName), fontSize: 15, bold: true },
    ...(client.legalName && client.legalName !== client.displayName
      ? [{ text: txt(client.legalName), color: GREY.muted }]
      : []),
    {
      text: fill(w.common.asOf, { date: fmt.date(ctx.generatedOn) }),
      color: GREY.muted,
      margin: [0, 2, 0, 0],
    },
  ];

  content.push(heading(w.report.summary, accent));
  if (!portfolio || model.findings.length === 0) {
    content.push({ text: w.report.noItems });
  } else {
    const cur = portfolio.currency;
    content.push({
      columns: [
        col(
          '*',
          keyValues(
            [
              [w.report.items, fmt.number(model.findings.length, 0)],
              [w.report.pvCarry, fmt.estimate(portfolio.pvCarryMinor, cur)],
              [w.report.fixCost, fmt.estimate(portfolio.fixCostMinor, cur)],
              [w.report.fixDays, fill(w.report.days, { value: fmt.number(portfolio.fixDays, 1) })],
            ],
            { labelWidth: 150, fontSize: 9 },
          ),
        ),
        col(
          '*',
          keyValues(
            [
              [
                w.report.netBenefit,
                { text: fmt.estimate(portfolio.netBenefitMinor, cur), bold: true, color: accent },
              ],
              [
                w.report.range,
                rangeText(portfolio.netBenefitP10Minor, portfolio.netBenefitP90Minor, cur, fmt),
              ],
              [w.report.roi, fmt.fraction(portfolio.roi, 0)],
              [w.report.payback, paybackText(portfolio.paybackQuarters, fmt, w)],
            ],
            { labelWidth: 130, fontSize: 9 },
          ),
        ),
      ],
      columnGap: 20,
    });
  }

  if (totals.length > 1 || (totals.length === 1 && !portfolio)) {
    content.push(heading(w.report.totalsByCurrency, GREY.text, 2));
    content.push(
      dataTable(
        [
          { header: w.common.currency, width: 50 },
          { header: w.report.items, width: 40, align: 'right' },
          { header: w.findings.pvCarry, width: '*', align: 'right' },
          { header: w.findings.fixCost, width: '*', align: 'right' },
          { header: w.findings.netBenefit, width: '*', align: 'right' },
          { header: w.report.roi, width: 60, align: 'right' },
        ],
        totals.map((t) => [
          txt(t.currency),
          fmt.number(t.items, 0),
          fmt.estimate(t.pvCarryMinor, t.currency),
          fmt.estimate(t.fixCostMinor, t.currency),
          fmt.estimate(t.netBenefitMinor, t.currency),
          fmt.fraction(t.roi, 0),
        ]),
        accent,
        { fontSize: 8 },
      ),
    );
  }

  if (portfolio && model.findings.length > 0) {
    content.push(heading(w.report.charts, accent));
    content.push(cumulativeChartNode(portfolio, fmt, w, accent));
    if (model.matrix.length > 0) {
      content.push({
        stack: [
          { text: w.chart.matrixTitle, bold: true, fontSize: 9, margin: [0, 10, 0, 4] },
          chartContent(
            matrixChart({
              points: model.matrix,
              selectedIds: selected,
              width: CONTENT_WIDTH,
              height: 225,
              accent,
              money: (minor) => fmt.compactMoney(minor, portfolio.currency),
              number: (v) => fmt.number(v, 1),
              labels: {
                effort: w.chart.effort,
                value: w.chart.value,
                inPlan: w.chart.inPlan,
                notInPlan: w.chart.notInPlan,
              },
            }),
          ),
        ],
        unbreakable: true,
      });
    }
  }

  if (model.findings.length > 0) {
    content.push(heading(w.report.ranked, accent));
    content.push({
      text: w.report.rankedIntro,
      fontSize: 8,
      color: GREY.muted,
      margin: [0, 0, 0, 2],
    });
    if (selected.size > 0) {
      content.push({
        text: w.report.selectedNote,
        fontSize: 8,
        color: GREY.muted,
        margin: [0, 0, 0, 6],
      });
    }
    content.push(
      findingsTable(model.findings, fmt, w, accent, { selected, fixDays: true, fontSize: 7.5 }),
    );
  }

  content.push(heading(w.report.method, accent));
  content.push(
    keyValues(
      [
        [w.report.discountRate, fmt.fraction(settings.annualDiscountRate, 2)],
        [w.report.horizon, fill(w.report.horizonValue, { value: settings.horizonQuarters })],
        [
          w.report.rateMode,
          settings.rateMode === 'effective' ? w.report.effective : w.report.nominal,
        ],
        [
          w.report.distribution,
          settings.distribution === 'pert' ? w.report.pert : w.report.triangular,
        ],
      ],
      { labelWidth: 140, fontSize: 9 },
    ),
  );
  content.push({ text: '', margin: [0, 4, 0, 0] });
  content.push(...paragraphs(w.report.methodText, { fontSize: 8.5 }));
  content.push(...paragraphs(w.report.methodRanges, { fontSize: 8.5 }));

  return frame({
    ctx,
    w,
    title: w.titles.report,
    subtitle: fill(w.report.preparedFor, { client: txt(client.displayName) }),
    content,
    docTitle: `${w.titles.report} ${client.displayName}`,
  });
}
