import type { RenderedDocument } from '../../core/api';
import { renderDocument } from '../../templates';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { HandlerMap } from '../handler-types';
import { exportHandlers } from './export';
import { buildDocument, type BuiltDocument } from './models';
import { termsHandlers } from './terms';

/**
 * Lays the view model out as a PDF (templates/) and answers it as base64. A layout failure
 * is a bug: INTERNAL (logged by the dispatcher) with the reason RENDER_FAILED.
 */
export async function renderBuilt(built: BuiltDocument): Promise<RenderedDocument> {
  let pdf: Awaited<ReturnType<typeof renderDocument>>;
  try {
    pdf = await renderDocument(built.doc);
  } catch (error) {
    throw new ServiceError('INTERNAL', `${built.fileName} could not be rendered.`, {
      reason: 'RENDER_FAILED',
      cause: error,
    });
  }
  const bytes = Buffer.from(pdf.bytes.buffer, pdf.bytes.byteOffset, pdf.bytes.byteLength);
  return {
    kind: built.doc.kind,
    language: built.language,
    fileName: built.fileName,
    mimeType: 'application/pdf',
    base64: bytes.toString('base64'),
    byteLength: bytes.byteLength,
    pageCount: pdf.pageCount,
  };
}

export const documentHandlers: HandlerMap<
  | 'documents.render'
  | 'documents.terms.get'
  | 'documents.terms.update'
  | 'documents.exportInvoices.count'
  | 'documents.exportInvoices.start'
  | 'documents.exportInvoices.status'
  | 'documents.exportInvoices.cancel'
> = {
  'documents.render': async (input, ctx: ServiceContext) =>
    renderBuilt(await buildDocument(ctx, input)),
  ...termsHandlers,
  ...exportHandlers,
};
