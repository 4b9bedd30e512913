/**
 * Entry of the services utility process (Electron `utilityProcess.fork`). SQLite and PDF
 * work run here so the window never waits on them.
 */
import { serve } from './serve';

const parentPort = (process as unknown as { parentPort?: Parameters<typeof serve>[0] }).parentPort;
if (!parentPort) {
  console.error('services/process must be started by Electron utilityProcess.fork');
  process.exit(1);
}
serve(parentPort);
