/**
 * One entry for every document kind: the view model in, the pdfmake document definition out.
 * Pure (no fonts, no I/O): services and tests can inspect a definition without rendering it.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { contractDocument } from './contract';
import { creditNoteDocument } from './credit-note';
import { invoiceDocument } from './invoice';
import type { DocumentModel } from './model';
import { proposalDocument } from './proposal';
import { reportDocument } from './report';
import { slaReportDocument } from './sla-report';

export function documentDefinition(doc: DocumentModel): TDocumentDefinitions {
  switch (doc.kind) {
    case 'invoice':
      return invoiceDocument(doc.model);
    case 'credit-note':
      return creditNoteDocument(doc.model);
    case 'proposal':
      return proposalDocument(doc.model);
    case 'contract':
      return contractDocument(doc.model);
    case 'report':
      return reportDocument(doc.model);
    case 'sla-report':
      return slaReportDocument(doc.model);
  }
}

/** The same document without any logo (used when a stored logo cannot be decoded). */
export function withoutLogo(doc: DocumentModel): DocumentModel {
  const ctx = doc.model.ctx;
  return {
    ...doc,
    model: {
      ...doc.model,
      ctx: {
        ...ctx,
        branding: { ...ctx.branding, logo: null },
        seller: { ...ctx.seller, logo: null },
      },
    },
  } as DocumentModel;
}
