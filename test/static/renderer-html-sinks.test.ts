import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * User data (client names, notes, line descriptions…) reaches the screen only as React
 * text, which the DOM never parses as markup. This keeps it so: no renderer source uses an
 * HTML or code sink, where a `<img onerror>` in a client name would run. The project has no
 * eslint-plugin-react (so no `react/no-danger`); this scan stands in for it.
 */

const ROOT = path.resolve(__dirname, '../..');
const RENDERER = path.join(ROOT, 'renderer/src');

/** Each sink with why it is dangerous; matched in code with comments stripped. */
const SINKS: { pattern: RegExp; why: string }[] = [
  { pattern: /dangerouslySetInnerHTML/, why: 'React inserts the string as HTML' },
  { pattern: /\.(innerHTML|outerHTML)\s*(\+?=)/, why: 'assigning HTML parses it' },
  { pattern: /\.insertAdjacentHTML\s*\(/, why: 'parses HTML' },
  { pattern: /\bdocument\.write(ln)?\s*\(/, why: 'parses HTML' },
  { pattern: /\.createContextualFragment\s*\(/, why: 'parses HTML' },
  { pattern: /\bsrcDoc\s*=|\bsrcdoc\b/, why: 'an iframe document from a string' },
  { pattern: /\bnew Function\s*\(|\beval\s*\(/, why: 'runs a string as code' },
  { pattern: /\bset(Timeout|Interval)\s*\(\s*['"`]/, why: 'runs a string as code' },
  { pattern: /href=\{(?!['"`]#)/, why: 'a link target from data can be javascript:' },
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Comments blanked out (a comment may name a sink to say it is not used). */
function codeOf(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function findSinks(files: { name: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { name, text } of files) {
    codeOf(text)
      .split('\n')
      .forEach((line, index) => {
        for (const { pattern, why } of SINKS) {
          if (pattern.test(line)) found.push(`${name}:${index + 1}: ${line.trim()} (${why})`);
        }
      });
  }
  return found;
}

describe('the renderer never turns data into markup or code', () => {
  it('uses no HTML or code sink in renderer/src', () => {
    const files = sourceFiles(RENDERER).map((file) => ({
      name: path.relative(ROOT, file),
      text: fs.readFileSync(file, 'utf8'),
    }));
    expect(files.length).toBeGreaterThan(50);
    expect(findSinks(files)).toEqual([]);
  });

  it('would notice each sink (the scan itself is checked)', () => {
    const samples = [
      '<div dangerouslySetInnerHTML={{ __html: client.notes }} />',
      'node.innerHTML = client.displayName;',
      'node.outerHTML += name;',
      "el.insertAdjacentHTML('beforeend', name);",
      'document.write(name);',
      'range.createContextualFragment(name);',
      '<iframe srcDoc={html} />',
      'const f = new Function(code);',
      'eval(code);',
      "setTimeout('run()', 10);",
      '<a href={client.website}>site</a>',
    ];
    const found = findSinks(samples.map((text, i) => ({ name: `sample${i}`, text })));
    expect(found).toHaveLength(samples.length);
    // Harmless look-alikes stay quiet: text content, comments, in-page anchors.
    expect(
      findSinks([
        {
          name: 'ok',
          text: [
            'node.textContent = name;',
            '// never innerHTML = here',
            '/* dangerouslySetInnerHTML is banned */',
            "<a href={'#main-content'}>Skip</a>",
            'const url = "https://example.test";',
          ].join('\n'),
        },
      ]),
    ).toEqual([]);
  });
});
