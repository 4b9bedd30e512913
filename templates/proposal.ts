/**
 * The proposal: cover, executive summary, findings with the cumulative chart, scope and
 * deliverables, milestone schedule, SLA summary, price, validity, terms and acceptance. Pure.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { EngagementTerms, Locale, MilestoneSchedule } from '../core/api';
import {
  accentOf,
  dataTable,
  frame,
  GREY,
  heading,
  keyValues,
  paragraphs,
  signatures,
  totalsBlock,
  txt,
} from './blocks';
import { cumulativeChartNode, findingsTable, paybackText } from './debt-blocks';
import { DASH, docFormat, fill, type DocFormat } from './format';
import { words, type Wording } from './i18n';
import type { ProposalModel } from './model';
import { slaSummary } from './sla-blocks';

/** The clause text of `key` in the document language, or null when there is none. */
export function termsClause(
  terms: EngagementTerms,
  key: EngagementTerms['clauses'][number]['key'],
  lang: Locale,
): { title: string; text: string } | null {
  const found = terms.clauses.find((c) => c.key === key && c.language === lang);
  return found && found.text.trim() ? { title: found.title, text: found.text } : null;
}

export function scheduleTable(
  schedule: MilestoneSchedule,
  fmt: DocFormat,
  w: Wording,
  accent: string,
): Content {
  const cur = schedule.currency;
  const total = schedule.milestones.reduce((s, m) => s + m.amountMinor, 0);
  const rows: TableCell[][] = schedule.milestones.map((m) => [
    String(m.position + 1),
    {
      stack: [
        { text: txt(m.name), bold: true },
        ...(m.deliverable ? [{ text: txt(m.deliverable), fontSize: 7.5, color: GREY.muted }] : []),
      ],
    },
    { text: txt(m.acceptanceCriteria) || DASH, fontSize: 7.5 },
    fmt.date(m.plannedDate),
    m.percent !== null ? fmt.percent(m.percent) : DASH,
    fmt.amount(m.amountMinor, cur),
  ]);
  return dataTable(
    [
      { header: '#', width: 14, align: 'right' },
      { header: w.milestones.milestone, width: '*' },
      { header: w.milestones.acceptanceCriteria, width: 150 },
      { header: w.milestones.planned, width: 62 },
      { header: w.milestones.share, width: 34, align: 'right' },
      {
        header: fill(w.common.inCurrency, { label: w.milestones.amount, currency: cur }),
        width: 66,
        align: 'right',
      },
    ],
    rows,
    accent,
    {
      fontSize: 8,
      footer: [['', w.milestones.total, '', '', '', fmt.amount(total, cur)]],
    },
  );
}

function generatedSummary(model: ProposalModel, fmt: DocFormat, w: Wording): string {
  const p = model.portfolio;
  if (!p || model.findings.length === 0) {
    return fill(w.proposal.generatedNoFindings, { title: txt(model.engagement.title) });
  }
  const cur = p.currency;
  return fill(w.proposal.generatedSummary, {
    count: model.findings.length,
    pvCarry: fmt.estimate(p.pvCarryMinor, cur),
    fixCost: fmt.estimate(p.fixCostMinor, cur),
    netBenefit: fmt.estimate(p.netBenefitMinor, cur),
    p10: fmt.estimate(p.netBenefitP10Minor, cur),
    p90: fmt.estimate(p.netBenefitP90Minor, cur),
    roi: fmt.fraction(p.roi, 0),
    payback:
      p.paybackQuarters === null
        ? ''
        : fill(w.proposal.generatedPayback, { payback: paybackText(p.paybackQuarters, fmt, w) }),
  });
}

export function proposalDocument(model: ProposalModel): TDocumentDefinitions {
  const { ctx, client, engagement, schedule, terms } = model;
  const lang = ctx.language;
  const w = words(lang);
  const fmt = docFormat(lang);
  const accent = accentOf(ctx);
  const cur = engagement.currency;

  const cover: Content = {
    stack: [
      { text: w.titles.proposal, fontSize: 11, color: GREY.muted, margin: [0, 90, 0, 6] },
      { text: txt(engagement.title), fontSize: 24, bold: true, color: accent, lineHeight: 1.15 },
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: 80, y2: 0, lineWidth: 2, lineColor: accent }],
        margin: [0, 14, 0, 24],
      },
      keyValues(
        [
          [
            w.proposal.preparedFor,
            {
              stack: [
                { text: txt(client.displayName), bold: true, fontSize: 11 },
                ...(client.legalName && client.legalName !== client.displayName
                  ? [{ text: txt(client.legalName) }]
                  : []),
                ...(client.contactPerson ? [{ text: txt(client.contactPerson) }] : []),
              ],
            },
          ],
          [
            w.proposal.preparedBy,
            {
              stack: [
                { text: txt(ctx.seller.name), bold: true, fontSize: 11 },
                ...(ctx.seller.legalName && ctx.seller.legalName !== ctx.seller.name
                  ? [{ text: txt(ctx.seller.legalName) }]
                  : []),
                ...(ctx.seller.email ? [{ text: txt(ctx.seller.email) }] : []),
              ],
            },
          ],
          [w.proposal.date, fmt.date(model.issueDate)],
          [w.proposal.validUntil, fmt.date(model.validUntil)],
        ],
        { labelWidth: 90, fontSize: 10 },
      ),
    ],
    pageBreak: 'after',
  };

  const content: Content[] = [cover];
  content.push(heading(w.proposal.executiveSummary, accent));
  content.push(
    ...paragraphs(
      terms.executiveSummary.trim() ? terms.executiveSummary : generatedSummary(model, fmt, w),
    ),
  );

  if (model.findings.length > 0) {
    content.push(heading(w.proposal.findings, accent));
    content.push({
      text: w.proposal.findingsIntro,
      fontSize: 8,
      color: GREY.muted,
      margin: [0, 0, 0, 6],
    });
    content.push(findingsTable(model.findings, fmt, w, accent));
    if (model.portfolio) {
      const p = model.portfolio;
      content.push(
        totalsBlock(
          [
            { label: w.report.pvCarry, value: fmt.estimate(p.pvCarryMinor, p.currency) },
            { label: w.report.fixCost, value: fmt.estimate(p.fixCostMinor, p.currency) },
            {
              label: w.report.netBenefit,
              value: fmt.estimate(p.netBenefitMinor, p.currency),
              strong: true,
            },
          ],
          accent,
        ),
      );
      content.push(cumulativeChartNode(p, fmt, w, accent));
    }
  }

  if (engagement.scope.trim()) {
    content.push(heading(w.proposal.scope, accent), ...paragraphs(engagement.scope));
  }
  if (engagement.deliverables.trim()) {
    content.push(heading(w.proposal.deliverables, accent), ...paragraphs(engagement.deliverables));
  }
  if (schedule.milestones.length > 0) {
    content.push(heading(w.proposal.schedule, accent), scheduleTable(schedule, fmt, w, accent));
  }
  if (model.slaClauses.length > 0) {
    content.push(
      heading(w.proposal.sla, accent),
      ...slaSummary(model.slaClauses, lang, fmt, w, accent),
    );
  }

  const rate = Number(engagement.taxRatePercent);
  content.push(heading(w.proposal.price, accent));
  content.push(
    totalsBlock(
      [
        {
          label: w.proposal.contractValue,
          value: fmt.money(engagement.contractValueMinor, cur),
          strong: true,
        },
      ],
      accent,
    ),
  );
  content.push({
    text:
      rate > 0
        ? fill(w.proposal.taxNote, { rate: fmt.percent(engagement.taxRatePercent) })
        : w.proposal.taxNoteZero,
    fontSize: 8,
    color: GREY.muted,
    alignment: 'right',
    margin: [0, 2, 0, 0],
  });
  content.push({
    text: fill(w.proposal.validity, { date: fmt.date(model.validUntil) }),
    margin: [0, 8, 0, 0],
  });

  const proposalTerms = termsClause(terms, 'proposalTerms', lang);
  if (proposalTerms) {
    content.push(
      heading(w.proposal.terms, accent),
      ...paragraphs(proposalTerms.text, { fontSize: 8.5 }),
    );
  }

  content.push({
    stack: [
      heading(w.proposal.acceptance, accent, 1, { keep: false }),
      { text: w.proposal.acceptanceText, margin: [0, 0, 0, 4] },
      signatures(
        [
          { title: w.common.client, name: client.legalName || client.displayName },
          { title: w.common.consultant, name: ctx.seller.name },
        ],
        w,
      ),
    ],
    unbreakable: true,
  });

  return frame({
    ctx,
    w,
    title: w.titles.proposal,
    subtitle: txt(client.displayName),
    content,
    docTitle: `${w.titles.proposal} ${engagement.title}`,
  });
}
