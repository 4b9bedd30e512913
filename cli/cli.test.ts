import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../test/support/pdf';
import { makeTempDir } from '../test/support/temp';
import { defaultDataDir } from './data-dir';

/** The CLI run for real, as `npm run cli` runs it, on a temp data folder. */

const ROOT = path.resolve(__dirname, '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ENGAGEMENT_DESK_DATA_DIR: '', ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let temp: { dir: string; cleanup: () => void };
let data: string;
let out: string;
let demoOutput: string;
beforeAll(() => {
  temp = makeTempDir('engagement-desk-cli-');
  data = path.join(temp.dir, 'data');
  out = path.join(temp.dir, 'out');
  const demo = cli(['demo', '--data-dir', data]);
  expect(demo.stderr).toBe('');
  expect(demo.code).toBe(0);
  demoOutput = demo.stdout;
}, 60_000);
afterAll(() => temp.cleanup());

const squash = (text: string) => text.replace(/\s+/g, '');
const exportInvoices = (from: string, to: string, folder: string) =>
  cli(['export-invoices', '--from', from, '--to', to, '--out', folder, '--data-dir', data]);

function engagementId(title: string): string {
  const line = demoOutput.split('\n').find((l) => l.includes(`  ${title} (`))!;
  return /engagement ([0-9a-f-]{36})/.exec(line)![1]!;
}

/** The number the demo printed for a client's invoice or credit note. */
function numberOf(kind: 'invoice' | 'credit note', client: string): string {
  const line = demoOutput.split('\n').find((l) => l.trim().startsWith(kind) && l.endsWith(client))!;
  return line.trim().slice(kind.length).trim().split(/\s+/)[0]!;
}

function expectPdf(file: string, contains: string[]) {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = squash(pdfText(bytes));
  for (const value of contains) expect(text, value).toContain(squash(value));
}

describe('cli', () => {
  it('--help explains the commands and exit codes', () => {
    const run = cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: npm run cli -- <command> [options]');
    for (const word of [
      'demo',
      'export <kind> <reference>',
      'export-invoices',
      '--data-dir',
      'Exit codes',
    ])
      expect(run.stdout).toContain(word);
  });

  it('demo loads the workspace once and lists what it made', () => {
    expect(demoOutput).toContain('Loaded the demo workspace into');
    expect(demoOutput).toMatch(/invoice\s+INV-\d{4}-0001/);
    expect(fs.existsSync(path.join(data, 'engagement-desk.sqlite'))).toBe(true);
    const again = cli(['demo', '--data-dir', data]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(
      'error: The demo workspace is already loaded. (DEMO_ALREADY_LOADED)',
    );
  });

  it('exports every kind of document', () => {
    const invoice = numberOf('invoice', 'Northwind Freight Logistics');
    const note = numberOf('credit note', 'Northwind Freight Logistics');
    const month = new Date().toISOString().slice(0, 7);
    const cases: { args: string[]; file: string; contains: string[] }[] = [
      {
        args: ['invoice', invoice],
        file: 'invoice.pdf',
        contains: [invoice, 'Northwind Freight Logistics'],
      },
      {
        args: ['credit-note', note, '--lang', 'zh-CN'],
        file: 'cn.pdf',
        contains: [note, '贷项通知单'],
      },
      {
        args: ['proposal', 'Dispatch platform modernisation'],
        file: 'proposal.pdf',
        contains: ['Dispatch platform modernisation'],
      },
      {
        args: ['contract', engagementId('会员与订单系统架构升级')],
        file: 'contract.pdf',
        contains: ['会员与订单系统架构升级', '责任限制'],
      },
      {
        args: ['report', '华东某零售集团', '--lang', 'en'],
        file: 'report.pdf',
        contains: ['华东某零售集团', 'Technical debt ROI report'],
      },
      {
        args: ['sla-report', 'Dispatch platform modernisation', '--month', month],
        file: 'sla.pdf',
        contains: ['Availability 99.95 %'],
      },
    ];
    for (const c of cases) {
      const file = path.join(out, 'single', c.file);
      const run = cli(['export', ...c.args, '--out', file, '--data-dir', data]);
      expect(run.stderr, c.file).toBe('');
      expect(run.code, c.file).toBe(0);
      expect(run.stdout).toContain(`Wrote ${file}`);
      expectPdf(file, c.contains);
    }
    // An existing file is not replaced without --force.
    const file = path.join(out, 'single', 'invoice.pdf');
    const refused = cli(['export', 'invoice', invoice, '--out', file, '--data-dir', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(`error: ${file} exists; use --force to replace it.`);
    const forced = cli([
      'export',
      'invoice',
      invoice,
      '--out',
      file,
      '--force',
      '--data-dir',
      data,
    ]);
    expect(forced.code).toBe(0);
  }, 180_000);

  it('export-invoices writes the PDFs and summary.csv, printing progress', () => {
    const folder = path.join(out, 'period');
    const run = exportInvoices('2000-01-01', '2100-12-31', folder);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exporting 2 invoice(s) and 1 credit note(s)');
    expect(run.stdout).toContain('3/3');
    expect(run.stdout).toContain(`Done: 3 document(s) and ${path.join(folder, 'summary.csv')}`);
    const files = fs.readdirSync(folder);
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
    const csv = fs.readFileSync(path.join(folder, 'summary.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFnumber,type,issue_date')).toBe(true);
    expect(csv).toContain('华东某零售集团');
    for (const f of files.filter((name) => name.endsWith('.pdf'))) expect(csv).toContain(f);
    const number = numberOf('invoice', '华东某零售集团');
    expectPdf(path.join(folder, `发票 ${number} 华东某零售集团.pdf`), [number, '价税合计']);
  });

  it('export-invoices of an empty range writes nothing and succeeds', () => {
    const folder = path.join(out, 'empty');
    const run = exportInvoices('1999-01-01', '1999-12-31', folder);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(
      'Nothing was issued from 1999-01-01 to 1999-12-31; nothing was written.',
    );
    expect(fs.existsSync(folder)).toBe(false);
  });

  it.each([
    [[], 2, 'error: no command given (see --help)'],
    [['frobnicate'], 2, 'error: unknown command "frobnicate" (see --help)'],
    [['export', 'invoice', 'X', '--colour'], 2, 'error: unknown option --colour (see --help)'],
    [['export', 'invoice', 'X'], 2, 'error: export needs --out (see --help)'],
    [
      ['export', 'memo', 'X', '--out', 'x.pdf'],
      2,
      'error: Unknown document kind "memo": invoice, credit-note, proposal, contract, report, sla-report (see --help)',
    ],
    [
      ['export', 'sla-report', 'X', '--out', 'x.pdf'],
      2,
      'error: export sla-report needs --month (see --help)',
    ],
    [
      ['export', 'invoice', 'X', '--out', 'x.pdf', '--lang', 'fr'],
      2,
      'error: --lang must be en or zh-CN, not "fr" (see --help)',
    ],
    [['demo', '--month', '2026-01'], 2, 'error: demo does not take --month (see --help)'],
    [
      ['export-invoices', '--from', '2026-01-01', '--out', 'x'],
      2,
      'error: export-invoices needs --to (see --help)',
    ],
    [
      ['export', 'invoice', 'INV-1999-0042', '--out', 'x.pdf'],
      1,
      'error: No invoice has the number or id "INV-1999-0042".',
    ],
    [
      ['export', 'proposal', 'No such engagement', '--out', 'x.pdf'],
      1,
      'error: No engagement has the id or title "No such engagement".',
    ],
    [
      ['export', 'invoice', '0196f3a0-0000-7000-8000-00000000abcd', '--out', 'x.pdf'],
      1,
      'error: Invoice 0196f3a0-0000-7000-8000-00000000abcd does not exist. (INVOICE_NOT_FOUND)',
    ],
    [
      [
        'export',
        'sla-report',
        'Dispatch platform modernisation',
        '--month',
        '2026-13',
        '--out',
        'x.pdf',
      ],
      1,
      'error: month: A month like 2026-02 (invalid_format)',
    ],
    [
      ['export-invoices', '--from', '2026-02-01', '--to', '2026-01-01', '--out', 'x'],
      1,
      'error: to: The end date is before the start date (EXPORT_END_BEFORE_START)',
    ],
  ])('%j → exit %i', (args, code, message) => {
    const run = cli([...args, '--data-dir', data]);
    expect(run.stderr.trim()).toBe(message);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
  });

  it('refuses an unwritable --out and a data folder without data (exit 1)', () => {
    const blocker = path.join(out, 'blocker');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(blocker, 'a file');
    const write = cli([
      'export',
      'invoice',
      numberOf('invoice', 'Northwind Freight Logistics'),
      '--out',
      path.join(blocker, 'x.pdf'),
      '--data-dir',
      data,
    ]);
    expect(write.code).toBe(1);
    expect(write.stderr.trim()).toMatch(/^error: Cannot write .*x\.pdf \(E[A-Z]+\)\.$/);
    const folder = cli([
      'export-invoices',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--out',
      blocker,
      '--data-dir',
      data,
    ]);
    expect(folder.code).toBe(1);
    expect(folder.stderr.trim()).toBe(
      `error: ${blocker} is a file, not a folder. (EXPORT_FOLDER_NOT_A_DIRECTORY)`,
    );
    const empty = path.join(temp.dir, 'empty');
    const none = cli(['export', 'report', 'Acme', '--out', 'x.pdf', '--data-dir', empty]);
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe(
      `error: no Engagement Desk data in ${empty} (use --data-dir, or run "demo" first)`,
    );
    expect(fs.existsSync(empty)).toBe(false);
  });

  it('workspace-export, then workspace-import into a new folder: the same data, then all identical', () => {
    const file = path.join(out, 'workspace', 'demo.json');
    const exported = cli(['workspace-export', '--out', file, '--data-dir', data]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^Wrote .*demo\.json \(\d+ rows\)\n$/);
    const dataOf = (f: string) =>
      JSON.stringify((JSON.parse(fs.readFileSync(f, 'utf8')) as { data: unknown }).data);

    const copy = path.join(temp.dir, 'copy');
    const dry = cli(['workspace-import', file, '--dry-run', '--data-dir', copy]);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toMatch(/^Dry run, nothing changed: \d+ added, 0 updated, 0 unchanged/m);
    const imported = cli(['workspace-import', file, '--data-dir', copy]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^ {2}clients +2 +2 +0 +0$/m);
    expect(imported.stdout).toMatch(
      /^Imported: \d+ added, 0 updated, 0 unchanged \(policy keep-mine\)\.$/m,
    );
    const again = path.join(out, 'workspace', 'copy.json');
    expect(cli(['workspace-export', '--out', again, '--data-dir', copy]).code).toBe(0);
    expect(dataOf(again)).toBe(dataOf(file));
    // An existing file is not replaced without --force.
    const refused = cli(['workspace-export', '--out', again, '--data-dir', copy]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(`error: ${again} exists; use --force to replace it.`);

    const twice = cli(['workspace-import', file, '--policy', 'take-theirs', '--data-dir', copy]);
    expect(twice.stdout).toMatch(
      /^Imported: 0 added, 0 updated, \d+ unchanged \(policy take-theirs\)\.$/m,
    );

    const bad = cli(['workspace-import', file, '--policy', 'merge', '--data-dir', copy]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe(
      'error: --policy must be keep-mine or take-theirs, not "merge" (see --help)',
    );
    const notJson = path.join(out, 'workspace', 'not.json');
    fs.writeFileSync(notJson, 'hello');
    const broken = cli(['workspace-import', notJson, '--data-dir', copy]);
    expect(broken.code).toBe(1);
    expect(broken.stderr.trim()).toMatch(/\(IMPORT_NOT_JSON\)$/);
  }, 180_000);

  it('finds the data folder through ENGAGEMENT_DESK_DATA_DIR', () => {
    const file = path.join(out, 'env', 'invoice.pdf');
    const number = numberOf('invoice', '华东某零售集团');
    const run = cli(['export', 'invoice', number, '--out', file], {
      ENGAGEMENT_DESK_DATA_DIR: data,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expectPdf(file, [number, '华东某零售集团']);
  });
});

describe('default data folder', () => {
  it('is Electron’s userData for "Engagement Desk" on each OS, unless the variable is set', () => {
    expect(defaultDataDir({}, 'linux', '/home/ada')).toBe('/home/ada/.config/Engagement Desk');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ada')).toBe(
      '/xdg/Engagement Desk',
    );
    expect(defaultDataDir({}, 'darwin', '/Users/ada')).toBe(
      '/Users/ada/Library/Application Support/Engagement Desk',
    );
    expect(
      defaultDataDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada'),
    ).toBe('C:\\Users\\ada\\AppData\\Roaming\\Engagement Desk');
    expect(defaultDataDir({ ENGAGEMENT_DESK_DATA_DIR: '/srv/desk' }, 'linux', '/home/ada')).toBe(
      '/srv/desk',
    );
  });
});
