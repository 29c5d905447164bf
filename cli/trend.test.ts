/**
 * `skolanalys trend <file>... --json` (issue 14): periods in time order, each with the figures that
 * `grades --json` computes for that file alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs build module without types
import { build } from './build.mjs';
import { encodeWindows1252, generatePupils, scbGradeFileText, EXPORT_DATE } from '../examples/generator';

const root = fileURLToPath(new URL('..', import.meta.url));
let dir: string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/skolanalys.mjs'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An SCB åk 9 file of 240 pupils exported on `datum`; the name says no term (the period is the Datum's). */
function scbFile(name: string, datum: string, seed: number): string {
  const path = join(dir, name);
  writeFileSync(path, encodeWindows1252(scbGradeFileText(generatePupils(240, seed)).split(`;${EXPORT_DATE};`).join(`;${datum};`)));
  return path;
}

beforeAll(async () => {
  await build();
  dir = mkdtempSync(join(tmpdir(), 'skolanalys-trend-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('trend --json', () => {
  it('a 5-year trend from 5 SCB files equals 5 single-file grades --json runs, in time order', () => {
    const years = [2022, 2023, 2024, 2025, 2026];
    const files = years.map((y, i) => scbFile(`betyg-${String.fromCharCode(101 - i)}.txt`, `${y}-06-1${i}`, 40 + i));
    // Given out of order: 2024, 2026, 2022, 2025, 2023.
    const order = [2, 4, 0, 3, 1];
    const r = run('trend', ...order.map((i) => files[i]), '--json');
    expect(r.code, r.stderr).toBe(0);
    const trend = JSON.parse(r.stdout) as { periods: Record<string, unknown>[] };
    expect(trend.periods.map((p) => p.period)).toEqual(['VT2022', 'VT2023', 'VT2024', 'VT2025', 'VT2026']);
    years.forEach((y, i) => {
      const g = run('grades', files[i], '--json');
      expect(g.code, g.stderr).toBe(0);
      const single = JSON.parse(g.stdout);
      const { period, source, gradeKind, problems, groups, ...summary } = trend.periods[i];
      expect(period).toBe(`VT${y}`);
      expect(source).toBe(`betyg-${String.fromCharCode(101 - i)}.txt`);
      expect(gradeKind).toBe(single.gradeKind);
      expect(problems).toBe(single.problems.length);
      expect(summary).toEqual(single.summary);
      expect(groups).toEqual(single.groups);
      expect(summary.pupils).toBe(240);
    });
  }, 120_000);

  it('refuses two files of one period and a file whose period nothing names', () => {
    const a = scbFile('a.txt', '2025-06-10', 1);
    const b = scbFile('b.txt', '2025-06-11', 2);
    const same = run('trend', a, b, '--json');
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('samma period VT2025');
    const none = join(dir, 'utan-datum.txt');
    writeFileSync(none, encodeWindows1252(scbGradeFileText(generatePupils(20, 3)).split(`;${EXPORT_DATE};`).join(';;')));
    const r = run('trend', a, none);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('utan-datum.txt');
  });
});
