/**
 * Stable codes for everything a consultant can get wrong when pricing a debt item. The UI
 * translates them; the English message is only a fallback for logs.
 */
export type TechDebtErrorCode =
  'INVALID_INPUT' | 'INVALID_OPTIONS' | 'INVALID_BUDGET' | 'CURRENCY_MISMATCH' | 'DUPLICATE_ID';

/** One field-level problem: where it is and which code names it (see `DebtItemIssueCode`). */
export interface TechDebtIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

export class TechDebtError extends Error {
  readonly code: TechDebtErrorCode;
  readonly issues: TechDebtIssue[];

  constructor(code: TechDebtErrorCode, message: string, issues: TechDebtIssue[] = []) {
    super(message);
    this.name = 'TechDebtError';
    this.code = code;
    this.issues = issues;
  }
}
