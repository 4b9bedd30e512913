/** Rows per CSV batch the worker imports in one transaction. */
export const BATCH_ROWS = 25;
export const CRASH_CLIENT = 'Crash test client';
