import { DbError } from '../db';
import { startServices, type Services } from './host';
import type { FromServices, PortLike, ToServices } from './protocol';

/**
 * Runs the services behind a message port: the first message configures and opens the data
 * file; later ones are contract calls answered in order of completion. A failure to open
 * is reported once as `fatal` with a user-readable message (never a stack trace).
 */
export function serve(port: PortLike, options: { dailyBackup?: boolean } = {}): void {
  let services: Promise<Services> | null = null;

  port.on('message', ({ data }) => {
    const message = data as ToServices;
    if (message?.type === 'start' && !services) {
      services = startServices({ ...message, dailyBackup: options.dailyBackup ?? true });
      services.then(
        (s) =>
          post({
            type: 'ready',
            schemaVersion: s.database.schemaVersion,
            databaseFile: s.database.file,
          }),
        (error: unknown) =>
          post({
            type: 'fatal',
            code: error instanceof DbError ? error.code : 'START_FAILED',
            message: error instanceof Error ? error.message : String(error),
          }),
      );
      return;
    }
    if (message?.type === 'invoke' && services) {
      services
        .then((s) => s.invoke(message.method, message.input))
        .then(
          (result) => post({ type: 'result', id: message.id, result }),
          () =>
            post({
              type: 'result',
              id: message.id,
              result: {
                ok: false,
                error: { code: 'UNAVAILABLE', message: 'The data file is not open.', issues: [] },
              },
            }),
        );
    }
  });

  function post(message: FromServices): void {
    port.postMessage(message);
  }
}
