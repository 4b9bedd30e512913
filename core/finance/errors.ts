/**
 * The three spreadsheet error values a finance function can produce. Callers (and the UI)
 * branch on `code`; the message is only a technical hint for logs.
 */
export type FinanceErrorCode = 'NUM' | 'DIV0' | 'VALUE';

const EXCEL_LABEL: Record<FinanceErrorCode, string> = {
  NUM: '#NUM!',
  DIV0: '#DIV/0!',
  VALUE: '#VALUE!',
};

export class FinanceError extends Error {
  readonly code: FinanceErrorCode;

  constructor(code: FinanceErrorCode, detail?: string) {
    super(detail ? `${EXCEL_LABEL[code]} ${detail}` : EXCEL_LABEL[code]);
    this.name = 'FinanceError';
    this.code = code;
  }
}

export function isFinanceError(error: unknown): error is FinanceError {
  return error instanceof FinanceError;
}
