import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiErrorShape, ApiResult } from '../../core/api/errors';
import { isInternalMethod, isMethodName, type MethodName } from '../../core/api/contract';
import { API_CHANNEL } from '../../core/api/transport';
import type { AppOrigin } from './app-origin';
import type { OsMethods } from './os-methods';

export interface ServicesInvoker {
  invoke(method: MethodName, input: unknown): Promise<ApiResult<unknown>>;
}

export interface ApiIpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** The id of the main window's web contents, or undefined while there is none. */
  mainContentsId: () => number | undefined;
  origin: AppOrigin;
  services: ServicesInvoker;
  /** Host methods main answers itself (dialogs); see os-methods.ts. */
  osMethods?: OsMethods;
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * Only the top frame of the app's own window, showing the app's own origin, may call the
 * API. Anything else — another window, devtools, a subframe, a page that somehow navigated
 * away — is refused before the method name is even looked at.
 */
export function isTrustedSender(
  event: SenderEvent,
  mainContentsId: number | undefined,
  origin: AppOrigin,
): boolean {
  if (mainContentsId === undefined || event.sender.id !== mainContentsId) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return origin.isAppUrl(frame.url);
}

/**
 * The one IPC entry point. It never throws: the renderer always gets an `ApiResult`, so
 * no stack trace or internal detail crosses into the page.
 */
export function registerApiIpc(options: ApiIpcOptions): () => void {
  const { ipcMain, mainContentsId, origin, services, osMethods = {} } = options;
  ipcMain.handle(
    API_CHANNEL,
    async (event, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event, mainContentsId(), origin)) {
        return failure({
          code: 'FORBIDDEN',
          message: 'Calls are accepted only from the Engagement Desk window.',
        });
      }
      if (!isMethodName(method)) {
        return failure({ code: 'UNKNOWN_METHOD', message: `Unknown method: ${describe(method)}` });
      }
      if (isInternalMethod(method)) {
        // It takes a file-system path: only main (after a dialog) and the CLI may call it.
        return failure({
          code: 'FORBIDDEN',
          message: `${method} cannot be called from the window.`,
        });
      }
      try {
        const osMethod = osMethods[method];
        return await (osMethod
          ? osMethod(input, { sender: event.sender })
          : services.invoke(method, input));
      } catch (error) {
        console.error(`Engagement Desk: ${method} failed in main:`, error);
        return failure({ code: 'INTERNAL', message: 'Something went wrong. Please try again.' });
      }
    },
  );
  return () => ipcMain.removeHandler(API_CHANNEL);
}

function failure(error: Omit<ApiErrorShape, 'issues'>): ApiResult<never> {
  return { ok: false, error: { ...error, issues: [] } };
}

/** A short, printable rendering of whatever the page sent as a method name. */
function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : typeof value;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
