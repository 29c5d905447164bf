/**
 * Bad input through the whole pipeline: random grids as grades, national tests, attendance and
 * previous-year files into readTestTable, detect() and buildReport(). Invariants: nothing
 * throws; every problem names one of the input sheets and a cell inside it; plans are
 * rectangular with finite values; percent columns hold shares in [0, 1] (or `..`/`.`) and
 * meritvärde columns values in [0, 340].
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { buildReport, detect, REPORT_KINDS, type ReportInputs, type SheetData } from '../../core/app';
import type { PlanValue, ReportPlan } from '../../core/report/plan';
import { planSheetValues } from '../../ui/memory-host';
import { readTestTable } from '../../core/table/tests';
import { DEFAULT_SETTINGS, type CellValue, type Problem } from '../../core/types';
import { badProblemAddress, cellArb, check, gradeGridArb, isShareFigure, wideSheetArb } from './arbitraries';

const NOW = new Date('2026-06-15T10:00:00Z');

/** SCB national-test-like rows: 10/12-digit ids and random test codes, with or without header. */
const testGridArb: fc.Arbitrary<CellValue[][]> = fc.oneof(
  gradeGridArb,
  fc.array(fc.array(fc.oneof(cellArb, fc.constantFrom('99', '88', '77', 'A', 'E', 'F', 'NP', 'SV', 'MA', 'EN')), { maxLength: 30 }), { maxLength: 15 }),
);

/** Vklass-like attendance rows with random minutes, some broken. */
const attendanceGridArb: fc.Arbitrary<CellValue[][]> = fc.oneof(
  gradeGridArb,
  fc.array(fc.tuple(cellArb, cellArb, fc.oneof(fc.integer({ min: -10, max: 50000 }), cellArb), fc.oneof(fc.integer({ min: 0, max: 5000 }), cellArb), cellArb), { maxLength: 20 })
    .map((rows) => [['Personnummer', 'Elev', 'Undv. tid', 'GF min', 'F min'], ...rows.map((r) => [...r])]),
);

function expectProblemsInside(problems: Problem[], inputs: SheetData[]): void {
  for (const p of problems) {
    const reasons = inputs.map((d) => badProblemAddress(p, d));
    if (reasons.every((r) => r !== null)) throw new Error(`${p.code} at ${p.cell}: ${reasons.join(' / ')}`);
  }
}

/** Structural and range invariants of a plan. */
function expectSoundPlan(plan: ReportPlan): void {
  for (const s of plan.sheets) {
    if (s.name.length > 31 || /[[\]:*?/\\]/.test(s.name)) throw new Error(`bad sheet name ${s.name}`);
    for (const b of s.blocks) {
      const w = b.values[0]?.length ?? 0;
      if (b.values.some((r) => r.length !== w)) throw new Error(`${s.key}/${b.id} not rectangular`);
      if (b.columnFormats && b.columnFormats.length !== w) throw new Error(`${s.key}/${b.id}: ${b.columnFormats.length} formats for ${w} columns`);
      b.values.forEach((row, r) => row.forEach((v, c) => {
        if (v === undefined || (typeof v === 'number' && !Number.isFinite(v))) throw new Error(`${s.key}/${b.id} [${r}][${c}] = ${v}`);
        const fmt = b.columnFormats?.[c];
        // A percent column below its header: a share or a suppression mark (or text in a label row).
        if (r > 0 && fmt && fmt.includes('%') && typeof v === 'number' && !isShareFigure(v)) throw new Error(`${s.key}/${b.id} [${r}][${c}] share ${v}`);
        const head = String(b.values[0][c] ?? '');
        if (r > 0 && /meritvärde|merit value/i.test(head) && !/förändring|change/i.test(head) && typeof v === 'number' && !(v >= 0 && v <= 340)) throw new Error(`${s.key}/${b.id} [${r}][${c}] merit ${v}`);
      }));
    }
    // Row-wise headline blocks: the label in column A names the indicator, the header row above names the column.
    let header: PlanValue[] = [];
    planSheetValues(s).forEach((row, r) => {
      const label = String(row[0] ?? '');
      if (/^(indikator|indicator)$/i.test(label)) header = row as PlanValue[];
      row.slice(1).forEach((v, i) => {
        const head = String(header[i + 1] ?? '');
        if (typeof v !== 'number' || /förändring|change/i.test(head)) return;
        if (/^(andel|share)/i.test(label) && !/%/.test(label) && !(v >= 0 && v <= 1) && header.length) throw new Error(`${s.key} row ${r + 1} ${label} / ${head}: ${v}`);
        if (/meritvärde|merit value/i.test(label) && !(v >= 0 && v <= 340)) throw new Error(`${s.key} row ${r + 1} ${label} / ${head}: ${v}`);
      });
    });
  }
}

describe('readTestTable and detect on random grids', () => {
  it('never throw, and every problem points inside the input', () => {
    check(fc.tuple(testGridArb, fc.nat(20)), ([values, row]) => {
      const data: SheetData = { sheet: 'NP 2026', values, origin: { row, col: 0 } };
      expectProblemsInside(readTestTable(data, { referenceYear: 2026 }).problems, [data]);
      const d = detect(data, { now: NOW });
      if (!['grades', 'tests', 'attendance', 'lessons', 'survey', 'unknown'].includes(d.kind)) throw new Error(`kind ${d.kind}`);
      expectProblemsInside(d.problems, [data]);
    }, 200);
  });
});

describe('buildReport on random inputs', () => {
  it('never throws on garbage in any input; problems point inside the inputs; plans are sound', () => {
    const arb = fc.record({
      grades: fc.oneof(gradeGridArb, wideSheetArb({ maxPupils: 25 })),
      tests: fc.option(testGridArb, { nil: undefined }),
      attendance: fc.option(attendanceGridArb, { nil: undefined }),
      previous: fc.option(fc.oneof(gradeGridArb, wideSheetArb({ maxPupils: 25 })), { nil: undefined }),
      lang: fc.constantFrom<'sv' | 'en'>('sv', 'en'),
      threshold: fc.constantFrom(1, 3, 10),
    });
    check(arb, (x) => {
      const inputs: ReportInputs = { grades: { sheet: 'Betyg', values: x.grades } };
      if (x.tests) inputs.tests = { sheet: 'NP', values: x.tests };
      if (x.attendance) inputs.attendance = { sheet: 'Frånvaro', values: x.attendance };
      if (x.previous) inputs.previous = { sheet: 'Åk 8', values: x.previous };
      const r = buildReport(inputs, REPORT_KINDS, { ...DEFAULT_SETTINGS, lang: x.lang, suppressionThreshold: x.threshold }, NOW);
      expectProblemsInside(r.problems, [inputs.grades, inputs.tests, inputs.attendance, inputs.previous].filter((d): d is SheetData => !!d));
      expectSoundPlan(r.plan);
      JSON.stringify(r.plan);
    }, 150);
  });

  it('is deterministic: the same input gives the same plan', () => {
    check(wideSheetArb({ maxPupils: 30 }), (values) => {
      const a = buildReport({ grades: { sheet: 'Betyg', values } }, REPORT_KINDS, DEFAULT_SETTINGS, NOW);
      const b = buildReport({ grades: { sheet: 'Betyg', values: values.map((r) => [...r]) } }, REPORT_KINDS, DEFAULT_SETTINGS, NOW);
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('two plans for one input');
    }, 40);
  });
});
