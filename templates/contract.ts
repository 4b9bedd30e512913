/**
 * The services agreement: parties, particulars (value, term, liability cap, governing law),
 * scope and deliverables, acceptance, payment schedule, the standard clauses (printed as
 * resolved in `terms.clauses` for the document language), signatures and the SLA annex. Pure.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ClauseKey } from '../core/api';
import {
  accentOf,
  col,
  frame,
  GREY,
  heading,
  keyValues,
  paragraphs,
  partyBlock,
  signatures,
  txt,
} from './blocks';
import { DASH, docFormat, fill } from './format';
import { words } from './i18n';
import type { ContractModel } from './model';
import { scheduleTable, termsClause } from './proposal';
import { slaAnnexClause } from './sla-blocks';

export function contractDocument(model: ContractModel): TDocumentDefinitions {
  const { ctx, client, engagement, schedule, terms } = model;
  const lang = ctx.language;
  const w = words(lang);
  const fmt = docFormat(lang);
  const accent = accentOf(ctx);
  const cur = engagement.currency;
  let n = 0;
  const section = (title: string, keep = true) =>
    heading(fill(w.contract.section, { n: ++n, title }), accent, 1, { keep });
  const clauseText = (key: ClauseKey) => termsClause(terms, key, lang);

  const content: Content[] = [
    { text: txt(engagement.title), fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
    {
      text: fill(w.contract.intro, {
        date: fmt.date(model.issueDate),
        title: txt(engagement.title),
      }),
      color: GREY.muted,
      margin: [0, 0, 0, 4],
    },
  ];

  content.push(section(w.contract.parties));
  content.push({
    columns: [
      col(
        '*',
        partyBlock(
          w.contract.clientParty,
          {
            name: client.displayName,
            legalName: client.legalName,
            address: client.address,
            taxId: client.taxId,
            email: client.email,
            phone: client.phone,
          },
          w,
          client.contactPerson
            ? [
                {
                  text: `${w.party.contact}${w.common.colon}${txt(client.contactPerson)}`,
                  fontSize: 8,
                  color: GREY.muted,
                },
              ]
            : [],
        ),
      ),
      col('*', partyBlock(w.contract.consultantParty, ctx.seller, w)),
    ],
    columnGap: 24,
  });

  const days = engagement.paymentTermsDays ?? client.paymentTermsDays;
  content.push(section(w.contract.particulars));
  content.push(
    keyValues(
      [
        [w.contract.contractValue, fmt.money(engagement.contractValueMinor, cur)],
        [
          w.contract.term,
          engagement.startDate || engagement.endDate
            ? fill(w.contract.termRange, {
                from: fmt.date(engagement.startDate),
                to: fmt.date(engagement.endDate),
              })
            : DASH,
        ],
        [
          w.invoice.paymentTerms,
          days === 0 ? w.invoice.dueOnReceipt : fill(w.invoice.netDays, { days }),
        ],
        [
          w.contract.liabilityCap,
          fill(w.contract.liabilityCapValue, {
            amount: fmt.money(model.liabilityCapMinor, cur),
            percent: fmt.percent(terms.liabilityCapPercent),
          }),
        ],
        [w.contract.governingLaw, txt(terms.governingLaw) || DASH],
      ],
      { labelWidth: 140, fontSize: 9 },
    ),
  );

  content.push(section(w.contract.scope));
  content.push(...paragraphs(engagement.scope));
  if (engagement.deliverables.trim()) {
    content.push(
      heading(w.contract.deliverables, GREY.text, 2),
      ...paragraphs(engagement.deliverables),
    );
  }

  const acceptance = clauseText('acceptance');
  content.push(section(acceptance?.title || w.contract.acceptance));
  if (acceptance) content.push(...paragraphs(acceptance.text));

  content.push(section(w.contract.payment));
  if (schedule.milestones.length > 0) content.push(scheduleTable(schedule, fmt, w, accent));
  content.push({
    text: fill(w.contract.paymentTerms, { days }),
    margin: [0, 6, 0, 0],
  });

  const standard: Array<[ClauseKey, string]> = [
    ['liability', w.contract.liability],
    ['confidentiality', w.contract.confidentiality],
    ['intellectualProperty', w.contract.intellectualProperty],
    ['termination', w.contract.termination],
    ['governingLaw', w.contract.governingLawClause],
  ];
  for (const [key, fallback] of standard) {
    const c = clauseText(key);
    content.push(section(c?.title || fallback));
    if (key === 'liability') {
      content.push({
        text: [
          { text: `${w.contract.liabilityCap}${w.common.colon}`, bold: true },
          fill(w.contract.liabilityCapValue, {
            amount: fmt.money(model.liabilityCapMinor, cur),
            percent: fmt.percent(terms.liabilityCapPercent),
          }),
        ],
        margin: [0, 0, 0, 6],
      });
    }
    if (key === 'governingLaw' && terms.governingLaw.trim()) {
      content.push({
        text: [
          { text: `${w.contract.governingLaw}${w.common.colon}`, bold: true },
          txt(terms.governingLaw),
        ],
        margin: [0, 0, 0, 6],
      });
    }
    if (c) content.push(...paragraphs(c.text));
  }

  content.push({
    stack: [
      section(w.contract.signatures, false),
      signatures(
        [
          {
            title: fill(w.contract.signedFor, { party: w.contract.clientParty }),
            name: client.legalName || client.displayName,
          },
          {
            title: fill(w.contract.signedFor, { party: w.contract.consultantParty }),
            name: ctx.seller.name,
          },
        ],
        w,
      ),
    ],
    unbreakable: true,
  });

  if (model.slaClauses.length > 0) {
    content.push({
      ...(heading(w.contract.slaAnnex, accent) as object),
      pageBreak: 'before',
    } as Content);
    content.push({ text: w.contract.slaAnnexIntro, margin: [0, 0, 0, 4] });
    model.slaClauses.forEach((c, i) => content.push(slaAnnexClause(c, i, lang, fmt, w)));
    const exclusions = clauseText('slaExclusions');
    content.push(heading(exclusions?.title || w.contract.slaExclusions, GREY.text, 2));
    if (exclusions) content.push(...paragraphs(exclusions.text));
  }

  return frame({
    ctx,
    w,
    title: w.titles.contract,
    subtitle: txt(client.displayName),
    content,
    docTitle: `${w.titles.contract} ${engagement.title}`,
  });
}
