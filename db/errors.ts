/** Failures opening or upgrading the data file. The shell shows `message` to the user. */
export type DbErrorCode =
  'SCHEMA_TOO_NEW' | 'MIGRATION_FAILED' | 'FOREIGN_KEY_VIOLATION' | 'NOT_A_DATABASE';

export class DbError extends Error {
  readonly code: DbErrorCode;
  constructor(code: DbErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DbError';
    this.code = code;
  }
}
