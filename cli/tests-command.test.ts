/**
 * `skolanalys tests <provfil>` (issue 15): SCB's test files on their own, åk 3 by sub-test, åk 6/9 by
 * provbetyg, through the built CLI; a file without test results is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs build module without types
import { build } from './build.mjs';
import { testResultFigures } from '../core/grades/tests';
import { readTestTable } from '../core/table/tests';
import { parseDelimited, decodeText } from '../core/table/text';

const root = fileURLToPath(new URL('..', import.meta.url));
let dir: string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/skolanalys.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  await build();
  dir = mkdtempSync(join(tmpdir(), 'skolanalys-tests-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tests', () => {
  it('åk 3: the share who took and who passed every sub-test given, 99 apart', () => {
    // Ten pupils, Ma sub-tests A and B: 8 pass both (1, 1), one fails B (1, 0), one missed B (1, 99).
    // took all = 9 of 10 = 0.9 (99 is not taking it); passed all = 8 of 10 = 0.8.
    const rows = ['PersonNr;MA_A_PR;MA_B_PR'];
    for (let i = 0; i < 10; i++) rows.push(`2017010${i}1234;1;${i === 8 ? '0' : i === 9 ? '99' : '1'}`);
    const file = join(dir, 'np3.csv');
    writeFileSync(file, rows.join('\n'));
    const r = run('tests', file, '--json');
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.yearGroup).toBe(3);
    const ma = j.subtests.find((x: { subject: string }) => x.subject === 'Ma');
    expect([ma.pupils, ma.tookAll, ma.passedAll, ma.tookAllShare, ma.passedAllShare]).toEqual([10, 9, 8, 0.9, 0.8]);
  });

  it('åk 6: exactly core\'s figures for the file, and a summary in Swedish without --json', () => {
    const file = join(root, 'examples/np-ak6-vt2023.txt');
    const r = run('tests', file, '--json');
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    const table = readTestTable({ sheet: 'np-ak6-vt2023', values: parseDelimited(decodeText(readFileSync(file)).text) }, { referenceYear: new Date().getFullYear() });
    expect(j.yearGroup).toBe(6);
    expect(j.subjects).toEqual(JSON.parse(JSON.stringify(testResultFigures(table, 10))));
    const text = run('tests', file);
    expect(text.stdout).toContain('Nationella prov åk 6');
  });

  it('refuses a grade file, saying what it looks like', () => {
    const r = run('tests', join(root, 'examples/betyg-ak9-vt2026.txt'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ser ut som betyg');
  });
});
