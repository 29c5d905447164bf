/**
 * core is pure (design.md): no Node built-ins, no DOM, no host APIs, no clock, no randomness.
 * The same numbers must come out in Excel, Sheets (Apps Script has no `process`) and the CLI.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const coreDir = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/\bprocess\./, 'process (Node only)'],
  [/from ['"]node:|require\(/, 'Node modules'],
  [/\b(window|document|localStorage)\./, 'DOM'],
  [/\b(Excel|Office|SpreadsheetApp|HtmlService|google\.script)\./, 'host APIs'],
  [/\bDate\.now\(|new Date\(\)/, 'the clock (pass dates in)'],
  [/Math\.random\(/, 'randomness'],
];

describe('core purity', () => {
  const files = sources(coreDir);
  it('has source files to check', () => expect(files.length).toBeGreaterThan(30));
  it('uses no Node, DOM, host API, clock or randomness', () => {
    const hits: string[] = [];
    for (const f of files) {
      const lines = readFileSync(f, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
        for (const [re, what] of FORBIDDEN) if (re.test(code)) hits.push(`${f.slice(coreDir.length)}:${i + 1} ${what}: ${line.trim()}`);
      });
    }
    expect(hits).toEqual([]);
  });
});
