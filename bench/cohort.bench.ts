/**
 * Issue 15 at scale, through the built CLI as a user runs it: `grades --json` on an SCB åk 6 file of
 * 100 000 pupils (aim: as fast as åk 9, ≤ 1.5 s) and `cohort --json` over four files of 100 000
 * pupils each (åk 6, 7, 8, 9 of the same cohort, pupils coming and going: aim ≤ 5 s, ≤ 800 MB).
 * Whole-run wall time and peak RSS, median of 3 runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, type BenchFigure } from './types';
import { runCli } from './cli-run';

const root = fileURLToPath(new URL('..', import.meta.url));
const PUPILS = 100_000;
const RUNS = 3;

interface Generator {
  generatePupils(count: number, seed: number): unknown[];
  scbGradeFileText(pupils: unknown[]): string;
  ak6GradeText(pupils: unknown[]): string;
  ak7GradeText(pupils: unknown[]): string;
  ak8GradeText(pupils: unknown[], seed: number): string;
}

export async function run(): Promise<BenchFigure[]> {
  const { build } = (await import(pathToFileURL(join(root, 'cli/build.mjs')).href)) as { build: () => Promise<void> };
  await build();
  const gen = (await import(pathToFileURL(join(root, 'examples/generator.ts')).href)) as Generator;
  const dir = mkdtempSync(join(tmpdir(), 'skolanalys-cohort-bench-'));
  try {
    const pupils = gen.generatePupils(PUPILS, 2026);
    const files = [
      ['ak6.txt', gen.ak6GradeText(pupils)],
      ['ak7.txt', gen.ak7GradeText(pupils)],
      ['ak8.csv', gen.ak8GradeText(pupils, 2026)],
      ['ak9.txt', gen.scbGradeFileText(pupils)],
    ].map(([name, text]) => {
      const f = join(dir, name);
      writeFileSync(f, text, 'utf8');
      return f;
    });
    const six = Array.from({ length: RUNS }, () => runCli(['grades', files[0], '--json']));
    const cohort = Array.from({ length: RUNS }, () => runCli(['cohort', ...files, '--json']));
    const how = (what: string, runs: { phaseLine: string }[]) => `node bin/skolanalys.mjs ${what}, median of ${RUNS} runs; steps of the first: ${runs[0].phaseLine}`;
    return [
      { name: 'grades --json: whole CLI run, åk 6 file, 100 000 pupils', value: median(six.map((r) => r.ms)), unit: 'ms', aim: '≤ 1500 ms', how: how('grades ak6.txt --json (SCB 35 columns)', six) },
      { name: 'grades --json: peak RSS, åk 6 file, 100 000 pupils', value: median(six.map((r) => r.rssMB)), unit: 'MB', how: how('grades ak6.txt --json', six) },
      { name: 'cohort --json: whole CLI run, 4 files × ≈ 100 000 pupils', value: median(cohort.map((r) => r.ms)), unit: 'ms', aim: '≤ 5000 ms', how: how('cohort ak6.txt ak7.txt ak8.csv ak9.txt --json', cohort) },
      { name: 'cohort --json: peak RSS, 4 files × ≈ 100 000 pupils', value: median(cohort.map((r) => r.rssMB)), unit: 'MB', aim: '≤ 800 MB', how: how('cohort … --json', cohort) },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
