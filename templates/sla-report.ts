/**
 * The SLA period report: compliance per clause (target, measured, met/missed, credit and its
 * credit note), incidents per clause in the clause's time zone, credit totals per currency.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { accentOf, dataTable, frame, GREY, heading, keyValues, totalsBlock, txt } from './blocks';
import { DASH, docFormat, fill } from './format';
import { words } from './i18n';
import type { SlaReportModel } from './model';
import { metricName, targetText, valueWithUnit } from './sla-blocks';

const MET_GREEN = '#067647';
const MISSED_RED = '#B42318';

export function slaReportDocument(model: SlaReportModel): TDocumentDefinitions {
  const { ctx, client, engagement } = model;
  const lang = ctx.language;
  const w = words(lang);
  const fmt = docFormat(lang);
  const accent = accentOf(ctx);
  const clauses = new Map(model.incidents.map((e) => [e.clause.id, e.clause]));

  const content: Content[] = [
    { text: txt(client.displayName), fontSize: 15, bold: true },
    { text: txt(engagement.title), color: GREY.muted, margin: [0, 1, 0, 6] },
    keyValues(
      [
        [w.slaReport.period, fmt.period(model.month)],
        ['', fill(w.slaReport.covering, { from: fmt.date(model.from), to: fmt.date(model.to) })],
      ],
      { labelWidth: 60, fontSize: 9 },
    ),
  ];

  content.push(heading(w.slaReport.compliance, accent));
  content.push(
    dataTable(
      [
        { header: w.slaReport.clause, width: '*' },
        { header: w.slaReport.target, width: 72 },
        { header: w.slaReport.measured, width: 54, align: 'right' },
        { header: w.slaReport.result, width: 44 },
        { header: w.slaReport.creditPercent, width: 40, align: 'right' },
        { header: w.slaReport.creditAmount, width: 62, align: 'right' },
        { header: w.slaReport.creditNote, width: 70 },
      ],
      model.rows.map((r) => {
        const clause = clauses.get(r.clauseId);
        const result =
          r.met === null
            ? { text: w.slaReport.noData, color: GREY.muted }
            : r.met
              ? { text: w.slaReport.met, color: MET_GREEN, bold: true }
              : { text: w.slaReport.missed, color: MISSED_RED, bold: true };
        const status =
          r.creditNoteStatus === 'issued'
            ? w.slaReport.statusIssued
            : r.creditNoteStatus === 'proposed'
              ? w.slaReport.statusProposed
              : w.slaReport.statusNone;
        return [
          {
            stack: [
              { text: txt(r.label) || w.metric[r.metric], bold: true },
              {
                text: [
                  clause ? metricName(clause, lang, w) : w.metric[r.metric],
                  `${w.slaReport.clausePeriod}${w.common.colon}${fmt.period(r.period)}`,
                ].join(' · '),
                fontSize: 7,
                color: GREY.muted,
              },
            ],
          },
          targetText(r, fmt, w),
          r.measured === null ? DASH : valueWithUnit(r.measured, r.unit, fmt, w),
          result,
          fmt.percent(r.creditPercent),
          fmt.money(r.creditMinor, r.currency),
          {
            stack: [
              { text: r.creditNoteNumber ? txt(r.creditNoteNumber) : status },
              ...(r.creditNoteNumber ? [{ text: status, fontSize: 7, color: GREY.muted }] : []),
            ],
          },
        ];
      }),
      accent,
      { fontSize: 8 },
    ),
  );

  content.push(heading(w.slaReport.totals, accent));
  const due = model.totals.filter((t) => t.creditMinor !== 0);
  if (due.length === 0) {
    content.push({ text: w.slaReport.noCredits });
  } else {
    content.push(
      totalsBlock(
        due.map((t) => ({
          label: fill(w.common.inCurrency, {
            label: w.slaReport.creditAmount,
            currency: txt(t.currency),
          }),
          value: fmt.money(t.creditMinor, t.currency),
          strong: true,
        })),
        accent,
      ),
    );
  }

  content.push(heading(w.slaReport.incidents, accent));
  for (const { clause, incidents } of model.incidents) {
    content.push({
      stack: [
        heading(txt(clause.label) || metricName(clause, lang, w), GREY.text, 2),
        {
          text: fill(w.slaReport.timesIn, { zone: txt(clause.timeZone) }),
          fontSize: 7.5,
          color: GREY.muted,
          margin: [0, -2, 0, 4],
        },
      ],
    });
    if (incidents.length === 0) {
      content.push({ text: w.slaReport.noIncidents, fontSize: 8.5, color: GREY.muted });
      continue;
    }
    content.push(
      dataTable(
        [
          { header: w.slaReport.start, width: 92 },
          { header: w.slaReport.end, width: 92 },
          { header: w.slaReport.duration, width: 62, align: 'right' },
          { header: w.slaReport.cause, width: '*' },
          { header: w.slaReport.excluded, width: 70 },
        ],
        incidents.map((i) => {
          const minutes = (Date.parse(i.end) - Date.parse(i.start)) / 60_000;
          const kind =
            i.exclusionKind === 'maintenance'
              ? w.slaClause.maintenance
              : i.exclusionKind === 'client-caused'
                ? w.slaClause.clientCaused
                : i.exclusionKind === 'force-majeure'
                  ? w.slaClause.forceMajeure
                  : '';
          return [
            fmt.dateTime(i.start, clause.timeZone),
            fmt.dateTime(i.end, clause.timeZone),
            fmt.duration(minutes),
            {
              stack: [
                { text: txt(i.cause) || DASH },
                ...(i.note ? [{ text: txt(i.note), fontSize: 7, color: GREY.muted }] : []),
              ],
            },
            i.excluded ? `${w.common.yes}${kind ? ` — ${kind}` : ''}` : w.common.no,
          ];
        }),
        accent,
        { fontSize: 8 },
      ),
    );
  }

  return frame({
    ctx,
    w,
    title: w.titles.slaReport,
    subtitle: fmt.period(model.month),
    content,
    docTitle: `${w.titles.slaReport} ${client.displayName} ${model.month}`,
  });
}
