/** The built CLI run as a process, the way users and the bench run it. */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { ZipArchive } from './xlsx/zipfile';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs build module without types
import { build } from './build.mjs';
import { validateGradesJson, type GradesJson } from '../core/grades';
import { validateAttendanceJson, type AttendanceJson } from '../core/attendance';
import { validateProgressionJson, type ProgressionJson } from '../core/progression';
import { validateSurveyJson, type SurveyJson } from '../core/survey';

const root = fileURLToPath(new URL('..', import.meta.url));

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/skolanalys.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  // The global setup builds too; building here keeps `SKIP_BUILD=1 vitest run cli` honest.
  await build();
});

describe('skolanalys as a process', () => {
  it('an unreadable file: exit 2, one Swedish line naming the file, no stack trace', () => {
    const r = run('grades', 'finns-inte.txt');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('Fel: Filen "finns-inte.txt" finns inte.');
    expect(r.stderr).not.toMatch(/\bat .*\.m?js:\d+/);
    expect(r.stdout).toBe('');
  });

  it('a broken workbook: exit 2 and the file named, in English with --lang en', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skolanalys-cli-'));
    const p = join(dir, 'trasig.xlsx');
    writeFileSync(p, 'not a zip');
    const r = run('report', p, '--out', join(dir, 'ut.xlsx'), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`File "${p}" is not an Excel workbook (.xlsx)`);
  });

  it('a workbook with one damaged part: exit 2, the part named, in Swedish or English; no output file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skolanalys-cli-'));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Betyg').addRow(['Personnummer', 'Svenska']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    // Overwrite the start of the sheet part's compressed bytes: a deflate stream that cannot be unpacked.
    const zip = new ZipArchive(bytes);
    const entry = zip.entry('xl/worksheets/sheet1.xml')!;
    bytes.fill(0xff, entry.dataStart, entry.dataStart + Math.min(16, entry.compressedSize));
    const p = join(dir, 'skadad.xlsx');
    writeFileSync(p, bytes);
    const sv = run('report', p, '--out', join(dir, 'ut.xlsx'));
    expect(sv.code).toBe(2);
    expect(sv.stderr).toContain('Delen "xl/worksheets/sheet1.xml" i arbetsboken');
    expect(sv.stderr).toContain('gick inte att packa upp');
    const en = run('grades', p, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('Part "xl/worksheets/sheet1.xml" of workbook');
    expect(existsSync(join(dir, 'ut.xlsx'))).toBe(false);
  });

  it('--help prints the Swedish usage and exits 0; an unknown command or option exits 2', () => {
    const h = run('--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Användning:');
    expect(h.stdout).toContain('skolanalys report <betygsfil>');
    const u = run('betyg', 'x.txt');
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('Okänt kommando "betyg"');
    const o = run('grades', 'x.txt', '--bogus');
    expect(o.code).toBe(2);
    expect(o.stderr).toContain('Okänd flagga "--bogus" för grades');
    const m = run('report', 'x.txt');
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('--out');
  });

  it('reports peak memory on stderr when SKOLANALYS_REPORT_RSS=1', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/skolanalys.mjs'), '--help'], { cwd: root, encoding: 'utf8', env: { ...process.env, SKOLANALYS_REPORT_RSS: '1' } });
    const kb = Number(/maxRSS_KB=(\d+)/.exec(r.stderr)?.[1]);
    // A Node process uses at least some tens of MB; the figure is in kilobytes.
    expect(kb).toBeGreaterThan(10_000);
  });
});

describe('grades --json on the demo files', () => {
  // examples/README.md: 300 pupils in year 9; 86 % eligible for vocational programmes (seed 2026);
  // pupil nr 100 (file row 101 in the headerless SCB file) has `G` in Bi, pupil nr 5 a bad check digit.
  const cases: [string, string[], RegExp][] = [
    ['SCB .txt', ['examples/betyg-ak9-vt2026.txt'], /^'?betyg-ak9-vt2026'?!/],
    ['long .csv', ['examples/betyg-ak9-long.csv'], /^'?betyg-ak9-long'?!/],
    ['demo .xlsx', ['examples/skolanalys-demo.xlsx', '--sheet', 'Betyg VT2026'], /^'?Betyg VT2026'?!/],
  ];
  for (const [label, args, sheet] of cases) {
    it(`${label}: valid contract, 300 pupils, problems with addresses`, () => {
      const r = run('grades', ...args, '--json');
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as GradesJson;
      expect(validateGradesJson(json)).toEqual([]);
      expect(json.summary.pupils).toBe(300);
      expect(json.pupils).toHaveLength(300);
      const yrk = json.summary.eligibleShare.YRK as number;
      expect(yrk).toBeGreaterThan(0.84);
      expect(yrk).toBeLessThan(0.88);
      expect(json.problems.length).toBeGreaterThan(0);
      for (const p of json.problems) expect(p.cell).toMatch(sheet);
      expect(json.problems.some((p) => p.value === 'G')).toBe(true);
    });
  }

  it('the SCB file with its national tests: a test comparison per subject', () => {
    const j = run('grades', 'examples/betyg-ak9-vt2026.txt', '--np', 'examples/np-ak9-vt2026.txt', '--json');
    expect(j.code, j.stderr).toBe(0);
    const json = JSON.parse(j.stdout) as GradesJson;
    expect(validateGradesJson(json)).toEqual([]);
    expect(json.tests!.map((x) => x.subject)).toEqual(expect.arrayContaining(['Sv', 'En', 'Ma']));
    // In the workbook, --np may name a sheet of the same workbook.
    const x = run('grades', 'examples/skolanalys-demo.xlsx', '--sheet', 'Betyg VT2026', '--np', 'Nationella prov', '--json');
    expect(x.code, x.stderr).toBe(0);
    expect((JSON.parse(x.stdout) as GradesJson).tests!.length).toBe(json.tests!.length);
  });

  it('the readable summary: pupils, eligibility per programme, merit, problems with addresses', () => {
    const s = run('grades', 'examples/betyg-ak9-vt2026.txt');
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('Elever: 300');
    expect(s.stdout).toContain('Andel behöriga per program:');
    expect(s.stdout).toMatch(/YRK \(yrkesprogram\)\s+8\d,\d %/);
    expect(s.stdout).toMatch(/Genomsnittligt meritvärde \(17 ämnen\): 2\d\d,\d/);
    expect(s.stdout).toMatch(/Felaktiga eller tveksamma celler: \d+/);
    expect(s.stdout).toMatch(/\n {2}'?betyg-ak9-vt2026'?![A-Z]+\d+: /);
    // Without --sheet the demo workbook's grade sheet is found (it starts with a "Läs mig" sheet).
    const x = run('grades', 'examples/skolanalys-demo.xlsx');
    expect(x.code, x.stderr).toBe(0);
    expect(x.stdout).toContain('(Betyg VT2026)');
    expect(x.stdout).toContain('Elever: 300');
  });

  it('attendance: the Vklass export, JSON and summary', () => {
    const j = run('attendance', 'examples/franvaro-vklass-vt2026.csv', '--json');
    expect(j.code, j.stderr).toBe(0);
    const json = JSON.parse(j.stdout) as AttendanceJson;
    expect(validateAttendanceJson(json)).toEqual([]);
    expect(json.pupils).toHaveLength(300);
    const s = run('attendance', 'examples/franvaro-vklass-vt2026.csv');
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('Elever: 300');
    expect(s.stdout).toMatch(/Genomsnittlig frånvaro: \d+,\d %/);
  });

  it('progression åk 8 → åk 9: JSON and summary', () => {
    // examples/README.md: 10 pupils left after åk 8 and 8 åk 9 pupils are new, so 300 − 8 = 292 matched.
    const j = run('progression', 'examples/betyg-ak8-vt2025.csv', 'examples/betyg-ak9-vt2026.txt', '--json');
    expect(j.code, j.stderr).toBe(0);
    const json = JSON.parse(j.stdout) as ProgressionJson;
    expect(validateProgressionJson(json)).toEqual([]);
    expect([json.matched, json.new, json.left]).toEqual([292, 8, 10]);
    const s = run('progression', 'examples/betyg-ak8-vt2025.csv', 'examples/betyg-ak9-vt2026.txt');
    expect(s.stdout).toContain('Elever i båda: 292, nya: 8, har slutat: 10.');
    expect(run('progression', 'examples/betyg-ak8-vt2025.csv').code).toBe(2);
  });

  it('survey with its questions file, and inside the demo workbook by sheet name', () => {
    // elevenkat-2026.csv: 457 lines = header + 456 respondents.
    const j = run('survey', 'examples/elevenkat-2026.csv', '--questions', 'examples/elevenkat-fragor.csv', '--json');
    expect(j.code, j.stderr).toBe(0);
    const json = JSON.parse(j.stdout) as SurveyJson;
    expect(validateSurveyJson(json)).toEqual([]);
    expect(json.respondents).toBe(456);
    expect(json.areas.length).toBeGreaterThan(0);
    const x = run('survey', 'examples/skolanalys-demo.xlsx', '--questions', 'Enkätfrågor');
    expect(x.code, x.stderr).toBe(0);
    expect(x.stdout).toContain('(Elevenkät)');
    expect(x.stdout).toContain('Svarande: 456');
  });
});
