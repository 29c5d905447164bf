/** The demo cohort (issue 15): åk 3 and åk 6 tests, åk 6 and åk 7 grades for the same pupils as åk 8 and åk 9. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/types';
import { analyseGrades } from '../core/grades';
import { subtest3Figures, testResultFigures } from '../core/grades/tests';
import { followCohort } from '../core/progression';
import { readGradeText } from '../core/table/grades';
import { readTest3Table, readTestTable } from '../core/table/tests';
import { parseDelimited } from '../core/table/text';
import { DEMO_PUPILS, DEMO_SEED, ak6GradeText, ak7GradeText, ak8GradeText, generatePupils, np3Text, np6Text, scbGradeFileText } from './generator';

const pupils = generatePupils(DEMO_PUPILS, DEMO_SEED);
const opts = { referenceYear: 2026 };

describe('demo cohort', () => {
  it('the åk 6 file is SCB\'s 35-column file, year group 6, with Z codes counted in the data quality', () => {
    const a = analyseGrades(readGradeText(ak6GradeText(pupils), 'betyg-ak6', opts), DEFAULT_SETTINGS);
    expect([a.yearGroup, a.gradeKind]).toEqual([6, 'terminsbetyg']);
    expect(a.dataQuality.find((q) => q.subject === 'Hkk')!.codeZ).toBeGreaterThan(0);
  });

  it('four files follow the same pupils, with pupils coming and going', () => {
    const files = [['åk 6', ak6GradeText(pupils)], ['åk 7', ak7GradeText(pupils)], ['åk 8', ak8GradeText(pupils, DEMO_SEED)], ['åk 9', scbGradeFileText(pupils)]];
    const c = followCohort(files.map(([label, text]) => ({ label, table: readGradeText(text, label, opts) })), DEFAULT_SETTINGS);
    expect(c.terms.map((x) => x.yearGroup)).toEqual([6, 7, 8, 9]);
    expect(c.inAll).toBeGreaterThan(200);
    expect(c.steps[1].new).toBeGreaterThan(0); // came after åk 7
    expect(c.steps[2].left).toBeGreaterThan(0); // left after åk 8
  });

  it('the åk 6 and åk 3 test files read without problems beyond the planted check digit', () => {
    const t6 = readTestTable({ sheet: 'np6', values: parseDelimited(np6Text(pupils)) }, opts);
    expect(t6.yearGroup).toBe(6);
    expect(t6.problems.map((p) => p.code)).toEqual(['table.pnr.checksum']); // the planted wrong check digit
    expect(testResultFigures(t6, 10).map((x) => x.subject)).toEqual(['Sv', 'Sva', 'En', 'Ma']);
    const t3 = readTest3Table({ sheet: 'np3', values: parseDelimited(np3Text(pupils)) }, opts);
    expect(subtest3Figures(t3, 10).map((x) => [x.subject, x.subtests.length])).toEqual([['Ma', 7], ['Sv', 8]]);
  });
});
