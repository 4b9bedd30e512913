/**
 * The templates layer: view model -> pdfmake document definition -> PDF bytes.
 * Every template is a pure function of its view model; `renderDocument` (./render) is the
 * only part that touches fonts and pdfmake's renderer.
 */
export type * from './model';
export { renderDocument, ensureFonts, setFontFiles, defaultFontFiles } from './render';
export type { RenderedPdf, FontFiles } from './render';
export { documentDefinition } from './document';
export { invoiceDocument } from './invoice';
export { creditNoteDocument } from './credit-note';
export { proposalDocument } from './proposal';
export { contractDocument } from './contract';
export { reportDocument } from './report';
export { slaReportDocument } from './sla-report';
export { wording, words, type Wording } from './i18n';
export { docFormat, pdfMoney, printable, upperAmountApplies, type DocFormat } from './format';
