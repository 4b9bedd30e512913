/**
 * Child process for the numbering race test: opens the services on a data folder and issues
 * `count` invoices of the given client as fast as it can, printing the numbers as JSON.
 * Usage: node --import tsx test/support/issue-invoices.ts <dataDir> <clientId> <count>
 */
import path from 'node:path';
import { startServices } from '../../services/host';

async function main(): Promise<void> {
  const [dataDir, clientId, countText] = process.argv.slice(2);
  const services = await startServices({
    dataDir: dataDir!,
    migrationsFolder: path.resolve(process.cwd(), 'db/migrations'),
    appVersion: '0.0.0-test',
    logError: (method, error) => console.error(method, error),
  });
  const numbers: string[] = [];
  for (let i = 0; i < Number(countText); i++) {
    const draft = await services.invoke('invoices.createFromLines', {
      clientId,
      lines: [{ description: 'Work', quantity: '1', unitPriceMinor: 100, taxRatePercent: '0' }],
    });
    if (!draft.ok) throw new Error(JSON.stringify(draft.error));
    const issued = await services.invoke('invoices.issue', {
      id: (draft.data as { id: string }).id,
      issueDate: '2026-11-21',
    });
    if (!issued.ok) throw new Error(JSON.stringify(issued.error));
    numbers.push((issued.data as { number: string }).number);
  }
  services.close();
  process.stdout.write(JSON.stringify(numbers));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
