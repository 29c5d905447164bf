// gradeSheetReader reads a sheet row by row as it arrives (a workbook part as it is inflated), with
// no grid. Its table must be exactly readGradeTable's on the whole sheet.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { CellValue } from '../types';
import { ak6GradeText, ak7GradeText, generatePupils, longGradeText, mulberry32, scbGradeFileText } from '../../examples/generator';
import { wideGradeRows } from '../../examples/workbook';
import { gradeSheetReader, readGradeSheet, readGradeTable } from './grades';
import { parseDelimited } from './text';

const opts = { referenceYear: 2026, lang: 'sv' as const };

/**
 * The rows handed over one by one in one reused array, as the workbook scanner hands them (a reader
 * that kept a row would see it overwritten); with `skipBlank`, rows without content are not given at
 * all (the scanner leaves out `<row/>`). Then `finish` with the whole sheet.
 */
function streamed(rows: CellValue[][], skipBlank: boolean, o: Parameters<typeof readGradeTable>[1] = opts) {
  const reader = gradeSheetReader('Betyg', o);
  const reused: CellValue[] = [];
  rows.forEach((row, r) => {
    if (skipBlank && row.every((v) => v === null || v === '')) return;
    reused.length = 0;
    reused.push(...row);
    reader.row(r, reused);
    reused.fill('overwritten');
  });
  const values = rows.map((r) => [...r]);
  // Whether the reader had to read the whole sheet after all (it then asks for its values).
  let whole = false;
  const data = { sheet: 'Betyg', get values() { whole = true; return values; }, origin: { row: 0, col: 0 } };
  const table = reader.finish(data);
  return { table, data, whole };
}

const whole = (rows: CellValue[][], o: Parameters<typeof readGradeTable>[1] = opts) =>
  readGradeTable({ sheet: 'Betyg', values: rows.map((r) => [...r]), origin: { row: 0, col: 0 } }, o);

/** A seeded mess in a wide workbook's rows: every change is one the reader must list or survive. */
function messyWide(seed: number, duplicates = true): CellValue[][] {
  const rnd = mulberry32(seed);
  const rows: CellValue[][] = wideGradeRows(generatePupils(300, seed));
  const out: CellValue[][] = [];
  rows.forEach((row, i) => {
    const r = [...row];
    const x = rnd();
    if (i > 0) {
      if (x < 0.04) r[5 + Math.floor(rnd() * 17)] = ['X', 'G', ' B ', '4', '-', 'AB', 3, true][Math.floor(rnd() * 8)];
      else if (x < 0.06) r[0] = String(r[0]).slice(0, -1) + '0';
      else if (x < 0.07) r[0] = null;
      else if (x < 0.08) r.push('utanför');
    }
    out.push(r);
    const d = rnd();
    if (i > 0 && duplicates && d < 0.02) out.push([...r]); // identical duplicate
    else if (i > 0 && duplicates && d < 0.03) out.push(r.map((v, c) => (c === 6 ? (v === 'F' ? 'A' : 'F') : v))); // conflicting duplicate, maybe far apart
    else if (d < 0.05) out.push([]);
  });
  return out;
}

describe('gradeSheetReader: the same table as readGradeTable, read as the rows arrive', () => {
  it('reads a messy wide workbook row by row, problem for problem, without the whole sheet', () => {
    let problems = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const rows = messyWide(seed, false);
      const expected = whole(rows);
      for (const skip of [false, true]) {
        const s = streamed(rows, skip);
        expect(s.table, `seed ${seed}, skip ${skip}`).toStrictEqual(expected);
        expect(s.whole, 'read row by row').toBe(false);
      }
      problems += expected.problems.length;
    }
    // The mess must reach the problem paths, or this proves little.
    expect(problems).toBeGreaterThan(6 * 10);
  });

  it('reads the sheet whole when a duplicate\'s first row is no longer kept, with the same table', () => {
    for (let seed = 1; seed <= 3; seed++) {
      const rows = messyWide(seed);
      const expected = whole(rows);
      expect(expected.problems.some((p) => p.code === 'table.duplicate.conflict' || p.code === 'table.duplicate.merged')).toBe(true);
      const s = streamed(rows, true);
      expect(s.table).toStrictEqual(expected);
      expect(s.whole).toBe(true);
    }
    // A duplicate among the first rows (kept for the layout) is still read row by row.
    const rows: CellValue[][] = wideGradeRows(generatePupils(80, 6));
    rows.splice(5, 0, [...rows[3]]);
    const s = streamed(rows, false);
    expect(s.table).toStrictEqual(whole(rows));
    expect(s.whole).toBe(false);
    expect(s.table.problems.map((p) => p.code)).toContain('table.duplicate.merged');
  });

  it('lists data under an empty header as the whole-sheet reader does', () => {
    const rows: CellValue[][] = wideGradeRows(generatePupils(60, 4));
    rows[0] = [...rows[0], '', 'Anteckning'];
    rows[0][3] = ''; // an existing column loses its header
    rows[40] = [...rows[40], 'x']; // data under the empty header past the last named column
    const expected = whole(rows);
    expect(expected.unmapped.filter((u) => u.startsWith('('))).toHaveLength(2);
    for (const skip of [false, true]) {
      const s = streamed(rows, skip);
      expect(s.table).toStrictEqual(expected);
      expect(s.whole).toBe(false);
    }
  });

  it('reads SCB files (åk 9 headerless, åk 6, åk 7 with a header) in pieces', () => {
    const pupils = generatePupils(200, 5);
    for (const text of [scbGradeFileText(pupils), ak6GradeText(pupils), ak7GradeText(pupils)]) {
      const rows = parseDelimited(text);
      const expected = whole(rows);
      expect(expected.pupils.length).toBeGreaterThan(150);
      for (const skip of [false, true]) {
        const s = streamed(rows, skip);
        expect(s.table).toStrictEqual(expected);
        expect(s.whole).toBe(false);
      }
    }
  });

  it('gives what readGradeTable gives where the whole sheet decides: long list, title rows, blank sheet, no pupils, few rows', () => {
    const header = ['Personnummer', 'Sv', 'En', 'Ma'];
    const cases: Record<string, CellValue[][]> = {
      long: parseDelimited(longGradeText(generatePupils(40, 2))),
      titles: [['Betyg VT2026'], [], ['Skola: Norrskolan'], ...messyWide(9)],
      blank: Array.from({ length: 50 }, () => []),
      headerOnly: [header, ...Array.from({ length: 40 }, () => [])],
      few: [header, ['20100101-0006', 'A', 'B', 'C'], ['20100101-0014', 'F', 'E', 'E']],
      late: [...Array.from({ length: 35 }, () => []), header, ['20100101-0006', 'A', 'B', 'C']],
      noIds: [['Förnamn', 'Sv', 'En'], ...Array.from({ length: 40 }, (_, i) => [`Elev ${i}`, 'A', 'B'])],
    };
    for (const [name, rows] of Object.entries(cases)) {
      const expected = whole(rows);
      for (const skip of [false, true]) expect(streamed(rows, skip).table, `${name}, skip ${skip}`).toStrictEqual(expected);
    }
    // The cases reach the whole-sheet paths they are named for.
    expect(whole(cases.long).layout).toBe('long');
    expect(whole(cases.blank).problems.map((p) => p.code)).toEqual(['table.empty']);
    expect(whole(cases.headerOnly).problems.map((p) => p.code)).toEqual(['table.noRows']);
    expect(whole(cases.late).problems.map((p) => p.code)).toEqual(['table.noHeader']);
    expect(whole(cases.noIds).problems.map((p) => p.code)).toEqual(['table.id.noColumn']);
  });

  it('reads the bundled examples as the grid path does', () => {
    for (const f of ['betyg-ak9-vt2026.txt', 'betyg-ak6-vt2023.txt', 'betyg-ak7-vt2024.txt', 'betyg-ak8-vt2025.csv', 'betyg-ak9-long.csv']) {
      const rows = parseDelimited(readFileSync(new URL(`../../examples/${f}`, import.meta.url), 'utf8'));
      expect(streamed(rows, true).table, f).toStrictEqual(whole(rows));
    }
  });

  it('reads the sheet whole when rows come out of order (a malformed part), with the grid\'s table', () => {
    const rows: CellValue[][] = wideGradeRows(generatePupils(60, 7));
    const reader = gradeSheetReader('Betyg', opts);
    // Row 40 comes again after row 50, another pupil: the grid keeps the later one, so the first is gone.
    const other = wideGradeRows(generatePupils(1, 99))[1];
    const again = rows[40].map((v, c) => (c === 0 ? other[0] : c === 6 ? 'F' : v));
    rows.forEach((cells, r) => {
      reader.row(r, cells);
      if (r === 50) reader.row(40, again);
    });
    const grid = rows.map((r) => [...r]);
    grid[40] = again;
    const table = reader.finish({ sheet: 'Betyg', values: grid, origin: { row: 0, col: 0 } });
    expect(table).toStrictEqual(whole(grid));
    // 60 pupils, the one first at row 41 replaced by another.
    expect(table.pupils).toHaveLength(60);
    expect(table.pupils.some((p) => p.id === String(other[0]).replace('-', ''))).toBe(true);
  });

  it('leaves the table for readGradeSheet: the same sheet and options are not read twice', () => {
    const { table, data } = streamed(messyWide(3), false);
    expect(readGradeSheet(data, opts)).toBe(table);
    // Other options are another reading.
    expect(readGradeSheet(data, { ...opts, lang: 'en' })).not.toBe(table);
  });
});
