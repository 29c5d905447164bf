/**
 * Core only, no I/O: a 100 000-pupil SCB grade file (generated, Windows-1252 bytes in memory)
 * decoded, parsed and read into records (through a grid, as hosts deliver cells, and line by line
 * from the text, as the CLI reads a text file), then analysed (evaluation of every pupil, all group
 * indicators with suppression, subject table), then the whole report plan built. Median of 5 runs
 * after one warm-up.
 */
import { DEFAULT_SETTINGS } from '../core/types';
import { decodeText, parseDelimited } from '../core/table/text';
import { readGradeTable, readGradeText } from '../core/table/grades';
import { analyseGrades } from '../core/grades/analyse';
import { buildReport } from '../core/app';
import { encodeWindows1252, generatePupils, scbGradeFileText } from '../examples/generator';
import { median, type BenchFigure } from './types';

const PUPILS = 100_000;
const RUNS = 5;

export async function run(): Promise<BenchFigure[]> {
  const bytes = encodeWindows1252(scbGradeFileText(generatePupils(PUPILS, 1)));
  const read: number[] = [];
  const analyse: number[] = [];
  let firstAnalyse = NaN;
  const report: number[] = [];
  const lines: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const grid = parseDelimited(decodeText(bytes).text, ';');
    const table = readGradeTable({ sheet: 'betyg', values: grid }, { referenceYear: 2026 });
    const t1 = performance.now();
    analyseGrades(table, DEFAULT_SETTINGS);
    const t2 = performance.now();
    buildReport({ grades: { sheet: 'betyg', values: grid } }, ['namndrapport', 'elevlista', 'atgardslista'], DEFAULT_SETTINGS, new Date('2026-06-20'));
    const t3 = performance.now();
    if (i === 0) {
      firstAnalyse = t2 - t1; // cold: code not yet optimised, eligibility cache empty
      continue; // warm-up
    }
    read.push(t1 - t0);
    analyse.push(t2 - t1);
    report.push(t3 - t2);
  }
  // Its own loop, so its garbage does not land in the analyse figures above.
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    readGradeText(decodeText(bytes).text, 'betyg', { referenceYear: 2026 });
    if (i > 0) lines.push(performance.now() - t0);
  }
  const how = `${PUPILS} pupils, median of ${RUNS} after a warm-up, in-process`;
  return [
    { name: 'grades: decode + parse + read 100 000-pupil SCB file (core)', value: median(read), unit: 'ms', how },
    { name: 'grades: decode + read line by line, no grid (core readGradeText, the CLI\'s path for text)', value: median(lines), unit: 'ms', how },
    { name: 'grades: analyse 100 000 pupils (core compute)', value: median(analyse), unit: 'ms', aim: '≤ 200 ms', how },
    { name: 'grades: analyse 100 000 pupils, first run in the process (cold)', value: firstAnalyse, unit: 'ms', how: `${PUPILS} pupils, the warm-up run above` },
    { name: 'report: buildReport Nämndrapport + Elevlista + Åtgärdslista, 100 000 pupils (core, from grid)', value: median(report), unit: 'ms', how },
  ];
}
