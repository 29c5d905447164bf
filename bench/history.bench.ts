/**
 * Years at scale (issue 14): `trend --json` over five 100 000-pupil SCB files, and `report` with
 * four of them as `--previous`, through the built CLI as a user runs it. Whole-run wall time and
 * peak RSS (median of 3), with the CLI's own time per step.
 */
import { mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, type BenchFigure } from './types';
import { runCli } from './cli-run';
import { luhnCheckDigit } from '../core/personnummer';

const root = fileURLToPath(new URL('..', import.meta.url));
const PUPILS = 100_000;
const RUNS = 3;
const YEARS = [2022, 2023, 2024, 2025, 2026];

interface Generator {
  generatePupils(count: number, seed: number): unknown[];
  scbGradeFileText(pupils: unknown[]): string;
  EXPORT_DATE: string;
}

/** A personnummer born in `year` with the generated MMDDNNN, and its check digit. */
function bornIn(year: number, mmddnnn: string): string {
  return `${year}${mmddnnn}${luhnCheckDigit(`${String(year).slice(2)}${mmddnnn}`)}`;
}

export async function run(): Promise<BenchFigure[]> {
  const { build } = (await import(pathToFileURL(join(root, 'cli/build.mjs')).href)) as { build: () => Promise<void> };
  await build();
  const gen = (await import(pathToFileURL(join(root, 'examples/generator.ts')).href)) as Generator;
  const dir = mkdtempSync(join(tmpdir(), 'skolanalys-bench-history-'));
  try {
    // Each year another cohort (born 16 years before, so no pupil is in two files), exported in
    // June: the period comes from SCB's Datum column.
    const files = YEARS.map((y, i) => {
      const file = join(dir, `betyg-${y}.txt`);
      const text = gen.scbGradeFileText(gen.generatePupils(PUPILS, 3000 + i))
        .split(`;${gen.EXPORT_DATE};`).join(`;${y}-06-10;`)
        .replace(/;2010(\d{7})\d;/g, (_, rest: string) => `;${bornIn(y - 16, rest)};`);
      writeFileSync(file, text, 'utf8');
      return file;
    });
    const size = (statSync(files[0]).size / 2 ** 20).toFixed(1);
    const trend = Array.from({ length: RUNS }, () => runCli(['trend', ...files, '--json']));
    const trendHow = `node bin/skolanalys.mjs trend <5 files> --json, each a ${size} MiB SCB file of 100 000 pupils, median of ${RUNS}; steps of the first: ${trend[0].phaseLine}`;
    const out = join(dir, 'rapport.xlsx');
    const previous = files.slice(0, 4).flatMap((f) => ['--previous', f]);
    const report = Array.from({ length: RUNS }, () => runCli(['report', files[4], ...previous, '--out', out]));
    const reportHow = `node bin/skolanalys.mjs report betyg-2026.txt --previous ×4 --out …, 5 × 100 000 pupils, median of ${RUNS}; steps of the first: ${report[0].phaseLine}`;
    return [
      { name: 'trend --json: whole CLI run, 5 files × 100 000 pupils', value: median(trend.map((r) => r.ms)), unit: 'ms', aim: '≤ 5000 ms', how: trendHow },
      { name: 'trend --json: peak RSS, 5 files × 100 000 pupils', value: median(trend.map((r) => r.rssMB)), unit: 'MB', aim: '≤ 600 MB', how: trendHow },
      { name: 'report with four --previous: whole CLI run, 5 × 100 000 pupils', value: median(report.map((r) => r.ms)), unit: 'ms', aim: '≤ 8000 ms', how: reportHow },
      { name: 'report with four --previous: peak RSS', value: median(report.map((r) => r.rssMB)), unit: 'MB', how: reportHow },
      { name: 'report with four --previous: size of the written workbook', value: statSync(out).size / 1024, unit: 'KiB', how: reportHow },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
