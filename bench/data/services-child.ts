/**
 * The services process for the memory bench: what services/process.ts does under Electron's
 * `utilityProcess.fork`, with Node's IPC channel as the parent port. One extra message,
 * `bench:memory`, answers `process.memoryUsage()` after a full garbage collection (the
 * process runs with --expose-gc).
 */
import { serve } from '../../services/serve';
import type { FromServices } from '../../services/protocol';

const send = (message: unknown) => process.send!(message);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !process.send) {
  console.error('start with child_process.fork and --expose-gc');
  process.exit(1);
}

process.on('message', (message: { type?: string }) => {
  if (message?.type !== 'bench:memory') return;
  gc();
  gc();
  send({ type: 'bench:memory', usage: process.memoryUsage() });
});

serve(
  {
    on: (_event, listener) => process.on('message', (data) => listener({ data })),
    postMessage: (message: FromServices) => send(message),
  },
  // The app makes a daily backup when it opens the file; the bench measures the documents.
  { dailyBackup: false },
);
