import type { ApiResult } from './errors';
import type { MethodName } from './contract';

/**
 * The single function the preload exposes as `window.api.invoke`. The same shape is bound
 * by Playwright in the e2e suite, so only the transport differs from the app.
 */
export type InvokeFn = (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>;

/** The IPC channel main listens on. */
export const API_CHANNEL = 'engagement-desk:api';
