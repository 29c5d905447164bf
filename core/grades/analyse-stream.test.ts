// gradeAnalyser without keeping pupils (an earlier file for the Historik, analysed as it is read)
// must give analyseGrades's analysis exactly, but for the pupils it does not keep.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type CellValue, type GradeTable } from '../types';
import { ak6GradeText, ak7GradeText, generatePupils, scbGradeFileText } from '../../examples/generator';
import { wideGradeRows } from '../../examples/workbook';
import { readGradeTable, readGradeText } from '../table/grades';
import { parseDelimited } from '../table/text';
import { analyseGrades, gradeAnalyser } from './analyse';

const opts = { referenceYear: 2026 };
const settings = { ...DEFAULT_SETTINGS, suppressionThreshold: 5 };

/** The analysis with the pupils handed over one by one and none kept. */
function streamed(table: GradeTable) {
  const a = gradeAnalyser(table, settings, {}, false);
  for (const p of table.pupils) a.add(p);
  return a.finish(table);
}

const sheet = (values: CellValue[][]) => readGradeTable({ sheet: 'Betyg', values, origin: { row: 0, col: 0 } }, opts);

describe('gradeAnalyser, pupils not kept', () => {
  it('gives analyseGrades\'s figures, groups, subjects, year group and problems', () => {
    const pupils = generatePupils(600, 8);
    const wide: CellValue[][] = wideGradeRows(pupils);
    // A newly-arrived column (the nyanland split), a few marks of another scale, Y/Z codes read as slutbetyg.
    wide[0].push('Nyanländ');
    wide.forEach((r, i) => i > 0 && r.push(i % 7 === 0 ? 'Ja' : 'Nej'));
    wide[5][6] = 'Y';
    wide[9][7] = 'Z';
    const tables = [sheet(wide), readGradeText(scbGradeFileText(pupils), 'b9', opts), readGradeText(ak6GradeText(pupils), 'b6', opts), readGradeText(ak7GradeText(pupils), 'b7', opts)];
    let problems = 0;
    for (const t of tables) {
      const whole = analyseGrades(t, settings);
      expect(streamed(t), t.sheet).toStrictEqual({ ...whole, pupils: [] });
      problems += whole.problems.length;
    }
    // The cases reach the paths that look at the pupils at the end: Y/Z problems, the year group by class, nyanland groups.
    const w = analyseGrades(tables[0], settings);
    expect(w.problems.filter((p) => p.code === 'grades.codeNotInFile').map((p) => p.cell)).toEqual(expect.arrayContaining(['Betyg!G6', 'Betyg!H10']));
    expect(w.groups.some((g) => g.by === 'nyanland')).toBe(true);
    expect(analyseGrades(tables[3], settings).yearGroupSource).toBe('class');
    expect(problems).toBeGreaterThan(2);
  });

  it('is what readGradeText hands to it pupil by pupil, keeping none in the table', () => {
    const text = scbGradeFileText(generatePupils(400, 3));
    let a: ReturnType<typeof gradeAnalyser> | undefined;
    const table = readGradeText(text, 'betyg', opts, undefined, (p, columns) => (a ??= gradeAnalyser({ sheet: 'betyg', scale: 'AF', columns: [...columns] }, settings, {}, false)).add(p));
    expect(table.pupils).toEqual([]);
    const whole = readGradeText(text, 'betyg', opts);
    expect(a!.finish(table)).toStrictEqual({ ...analyseGrades(whole, settings), pupils: [] });
    // A text that is not a plain SCB file (a header, quotes) goes by the grid and is handed over the same.
    const quoted = `Personnummer;Klass;Sv;En;Ma\r\n"20100101-0006";9A;A;B;C\r\n20100102-0013;9A;F;E;E\r\n`;
    const seen: string[] = [];
    const t2 = readGradeText(quoted, 'q', opts, undefined, (p) => seen.push(p.id));
    expect(seen).toEqual(readGradeTable({ sheet: 'q', values: parseDelimited(quoted), origin: { row: 0, col: 0 } }, opts).pupils.map((p) => p.id));
    expect(t2.pupils).toEqual([]);
  });

  it('refuses a test file without the pupils (they are what the tests are matched to)', () => {
    const t = readGradeText(scbGradeFileText(generatePupils(20, 1)), 'b', opts);
    const a = gradeAnalyser(t, settings, {}, false);
    for (const p of t.pupils) a.add(p);
    expect(() => a.finish(t, { sheet: 'np', headerRow: 1, layout: 'scb-np', records: [], problems: [] } as never)).toThrow(/test file/);
  });
});
