// gradeSheetReader reads a sheet while its rows arrive (a workbook part as it is inflated). Its
// table must be exactly readGradeTable's on the whole sheet, whatever the pieces.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { CellValue } from '../types';
import { ak6GradeText, ak7GradeText, generatePupils, longGradeText, mulberry32, scbGradeFileText } from '../../examples/generator';
import { wideGradeRows } from '../../examples/workbook';
import { gradeSheetReader, readGradeSheet, readGradeTable } from './grades';
import { parseDelimited } from './text';

const opts = { referenceYear: 2026, lang: 'sv' as const };

/** The rows handed over `piece` at a time, `advance` after each; then `finish`. */
function streamed(rows: CellValue[][], piece: number, o: Parameters<typeof readGradeTable>[1] = opts) {
  const grid: CellValue[][] = [];
  const reader = gradeSheetReader('Betyg', grid, o);
  for (let at = 0; at < rows.length; at += piece) {
    grid.push(...rows.slice(at, at + piece));
    reader.advance();
  }
  const data = { sheet: 'Betyg', values: grid, origin: { row: 0, col: 0 } };
  return { table: reader.finish(data), data };
}

const whole = (rows: CellValue[][], o: Parameters<typeof readGradeTable>[1] = opts) =>
  readGradeTable({ sheet: 'Betyg', values: rows.map((r) => [...r]), origin: { row: 0, col: 0 } }, o);

/** A seeded mess in a wide workbook's rows: every change is one the reader must list or survive. */
function messyWide(seed: number): CellValue[][] {
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
    if (i > 0 && d < 0.02) out.push([...r]); // identical duplicate
    else if (i > 0 && d < 0.03) out.push(r.map((v, c) => (c === 6 ? (v === 'F' ? 'A' : 'F') : v))); // conflicting duplicate, maybe far apart
    else if (d < 0.05) out.push([]);
  });
  return out;
}

describe('gradeSheetReader: the same table as readGradeTable, read as the rows arrive', () => {
  it('reads a wide workbook in pieces of 1, 7, 100 and 5000 rows, problem for problem', () => {
    let problems = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const rows = messyWide(seed);
      const expected = whole(rows);
      for (const piece of [1, 7, 100, 5000]) expect(streamed(rows, piece).table, `seed ${seed}, piece ${piece}`).toStrictEqual(expected);
      problems += expected.problems.length;
    }
    // The mess must reach the problem paths (duplicates across pieces among them), or this proves little.
    expect(problems).toBeGreaterThan(6 * 15);
  });

  it('reads SCB files (åk 9 headerless, åk 6, åk 7 with a header) in pieces', () => {
    const pupils = generatePupils(200, 5);
    for (const text of [scbGradeFileText(pupils), ak6GradeText(pupils), ak7GradeText(pupils)]) {
      const rows = parseDelimited(text);
      const expected = whole(rows);
      expect(expected.pupils.length).toBeGreaterThan(150);
      for (const piece of [1, 33, 1000]) expect(streamed(rows, piece).table).toStrictEqual(expected);
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
      for (const piece of [1, 10, 1000]) expect(streamed(rows, piece).table, `${name}, piece ${piece}`).toStrictEqual(expected);
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
      expect(streamed(rows, 64).table, f).toStrictEqual(whole(rows));
    }
  });

  it('leaves the table for readGradeSheet: the same sheet and options are not read twice', () => {
    const { table, data } = streamed(messyWide(3), 50);
    expect(readGradeSheet(data, opts)).toBe(table);
    // Other options are another reading.
    expect(readGradeSheet(data, { ...opts, lang: 'en' })).not.toBe(table);
  });
});
