/**
 * Workbooks at scale (issue 12): a 100 000-pupil .xlsx written by another producer (ExcelJS's
 * streaming writer, shared strings as Excel writes them), through the built CLI as a user runs it:
 * `grades --json` and `report`, whole process, wall time (median of 5) and peak RSS. Beside it,
 * LibreOffice headless recalculating two native formulas per pupil on the same workbook
 * (meritvärde 16 via SUMPRODUCT/LARGE, yrkesprogram eligibility via COUNTIF), once, as the
 * spreadsheet-only way to the same figures. And `report` on the 300-pupil demo workbook.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { median, type BenchFigure } from './types';
import { runCli } from './cli-run';

const root = fileURLToPath(new URL('..', import.meta.url));
const PUPILS = 100_000;
const RUNS = 5;

interface Gen {
  generatePupils(count: number, seed: number): unknown[];
}
interface Book {
  wideGradeRows(pupils: readonly unknown[]): (string | null)[][];
}

/** Column letter of a 1-based column. */
function col(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** The grade rows as a workbook, by ExcelJS's streaming writer; with `formulas`, two formula columns per pupil. */
async function writeWorkbook(file: string, rows: (string | null)[][], formulas: boolean): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Betyg VT2026');
  const first = 6; // subjects start in column F (Personnummer, Förnamn, Efternamn, Klass, Skola)
  const last = first + 16; // 17 subjects F..V
  const range = (r: number) => `${col(first)}${r}:${col(last)}${r}`;
  const pass = (c: string) => `OR(${c}="A",${c}="B",${c}="C",${c}="D",${c}="E")`;
  rows.forEach((r, i) => {
    const values: (string | null | { formula: string })[] = [...r];
    if (formulas) {
      const n = i + 1;
      if (i === 0) values.push('Meritvärde 16', 'Behörig yrkesprogram');
      else {
        const rg = range(n);
        values[r.length] = { formula: `SUMPRODUCT(LARGE((${rg}="A")*20+(${rg}="B")*17.5+(${rg}="C")*15+(${rg}="D")*12.5+(${rg}="E")*10,ROW($1:$16)))` };
        // Sv or Sva, En, Ma passed, and 8 passed subjects in all (SFS 2010:2039, 7 kap. 5 §).
        const passes = ['A', 'B', 'C', 'D', 'E'].map((g) => `COUNTIF(${rg},"${g}")`).join('+');
        values[r.length + 1] = { formula: `AND(OR(${pass(`${col(first)}${n}`)},${pass(`${col(first + 1)}${n}`)}),${pass(`${col(first + 2)}${n}`)},${pass(`${col(first + 3)}${n}`)},${passes}>=8)` };
      }
    }
    ws.addRow(values).commit();
  });
  await wb.commit();
}

/** LibreOffice headless: opens the workbook, recalculates every formula (forced in a private profile) and writes CSV. */
function libreOfficeRecalc(file: string, dir: string): { ms: number; rssMB: number } | null {
  if (spawnSync('sh', ['-c', 'command -v libreoffice']).status !== 0) return null;
  const profile = join(dir, 'lo-profile');
  const user = join(profile, 'user');
  mkdirSync(user, { recursive: true });
  // OOXMLRecalcMode 0 = always recalculate on load (the default for files not from Excel is "never").
  writeFileSync(join(user, 'registrymodifications.xcu'), '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>');
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'maxRSS_KB=%M', 'libreoffice', `-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv', '--outdir', dir, file], { encoding: 'utf8', timeout: 300_000 });
  const ms = performance.now() - t0;
  if (r.status !== 0 || !existsSync(file.replace(/\.xlsx$/, '.csv'))) return null;
  return { ms, rssMB: Number(/maxRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024 };
}

export async function run(): Promise<BenchFigure[]> {
  const gen = (await import(pathToFileURL(join(root, 'examples/generator.ts')).href)) as Gen;
  const book = (await import(pathToFileURL(join(root, 'examples/workbook.ts')).href)) as Book;
  const dir = mkdtempSync(join(tmpdir(), 'skolanalys-xlsx-bench-'));
  const figures: BenchFigure[] = [];
  try {
    const demo = Array.from({ length: RUNS }, () => runCli(['report', join(root, 'examples/skolanalys-demo.xlsx'), '--sheet', 'Betyg VT2026', '--np', 'Nationella prov', '--previous', 'Betyg VT2025', '--attendance', 'Frånvaro', '--out', join(dir, 'demo.xlsx')]));
    figures.push({ name: 'report on the 300-pupil demo workbook: whole CLI run', value: median(demo.map((r) => r.ms)), unit: 'ms', aim: '≤ 600 ms', how: `node bin/skolanalys.mjs report examples/skolanalys-demo.xlsx --np --previous --attendance (sheets) --out …, median of ${RUNS}; steps ${demo[0].phaseLine}` });

    const rows = book.wideGradeRows(gen.generatePupils(PUPILS, 2026));
    const file = join(dir, 'betyg-100k.xlsx');
    await writeWorkbook(file, rows, false);
    const size = (statSync(file).size / 2 ** 20).toFixed(1);
    const how = `node bin/skolanalys.mjs … on a ${size} MiB .xlsx (ExcelJS streaming writer, shared strings, ${rows[0].length} columns, ${PUPILS.toLocaleString('sv-SE')} pupils), median of ${RUNS}`;
    const grades = Array.from({ length: RUNS }, () => runCli(['grades', file, '--json']));
    figures.push(
      { name: 'grades --json: whole CLI run, 100 000-pupil .xlsx', value: median(grades.map((r) => r.ms)), unit: 'ms', aim: '≤ 1500 ms', how: `${how}; steps ${grades[0].phaseLine}` },
      { name: 'grades --json: peak RSS, 100 000-pupil .xlsx', value: median(grades.map((r) => r.rssMB)), unit: 'MB', aim: '≤ 400 MB', how },
    );
    const report = Array.from({ length: RUNS }, () => runCli(['report', file, '--out', join(dir, 'rapport-100k.xlsx')]));
    figures.push(
      { name: 'report: whole CLI run, 100 000-pupil .xlsx', value: median(report.map((r) => r.ms)), unit: 'ms', aim: '≤ 5000 ms', how: `${how}; steps ${report[0].phaseLine}` },
      { name: 'report: peak RSS, 100 000-pupil .xlsx', value: median(report.map((r) => r.rssMB)), unit: 'MB', aim: '≤ 600 MB', how },
    );

    const withFormulas = join(dir, 'betyg-100k-formler.xlsx');
    await writeWorkbook(withFormulas, rows, true);
    const lo = libreOfficeRecalc(withFormulas, dir);
    if (lo) {
      const ours = median(grades.map((r) => r.ms));
      figures.push(
        { name: 'LibreOffice headless: open + recalculate 2 formulas per pupil + save CSV, 100 000 pupils', value: lo.ms, unit: 'ms', how: 'libreoffice --headless --convert-to csv, OOXMLRecalcMode=always in a private profile; one run' },
        { name: 'LibreOffice headless: peak RSS', value: lo.rssMB, unit: 'MB', how: '/usr/bin/time -f %M' },
        { name: 'grades --json is this many times faster than LibreOffice recalculating', value: lo.ms / ours, unit: 'count', aim: '≥ 10', how: 'LibreOffice time / grades --json median' },
      );
    } else console.warn('  LibreOffice not measured (not installed, or it failed)');
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
