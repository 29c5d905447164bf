/**
 * Bad input, systematically: random and mutated grids through the grade reader and the text
 * layer. Invariants: nothing throws, nothing is caught as a crash, every problem (and every
 * grade's source cell) is a sheet-qualified A1 address inside the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SheetData } from '../../core/app';
import { readGradeTable, readGradeText, SCB9_COLUMNS } from '../../core/table/grades';
import { readTestTable } from '../../core/table/tests';
import { parseGradeCell } from '../../core/table/grade-cell';
import { decodeText, detectDelimiter, parseDelimited } from '../../core/table/text';
import { matchHeader } from '../../core/table/aliases';
import { looksLikePersonnummer, parsePersonnummer } from '../../core/personnummer';
import { parseAddress } from '../../core/table/address';
import { encodeWindows1252, generatePupils, scbGradeFields, scbTestFields } from '../../examples/generator';
import type { CellValue, GradeTable } from '../../core/types';
import { badProblemAddress, cellArb, check, gradeGridArb, headerArb, personnummerArb, sheetNameArb } from './arbitraries';

const CRASH = /^(TypeError|RangeError|ReferenceError|SyntaxError|Error)\b/;

/** Every invariant of one read table; throws with the reason. */
function expectSound(table: GradeTable, data: SheetData): void {
  for (const p of table.problems) {
    const bad = badProblemAddress(p, data);
    if (bad) throw new Error(`${p.code}: ${bad}`);
    if (typeof p.value === 'string' && CRASH.test(p.value)) throw new Error(`reader crashed inside: ${p.value}`);
    if (!p.message || p.message === p.code) throw new Error(`problem ${p.code} has no message text`);
    if (p.severity !== 'error' && p.severity !== 'warning') throw new Error(`severity ${p.severity}`);
    // A rejected grade names the value that is really in that cell.
    if (p.code === 'table.grade.invalid') {
      const a = parseAddress(p.cell)!;
      const found = data.values[a.row - (data.origin?.row ?? 0)]?.[a.col - (data.origin?.col ?? 0)];
      if (!Object.is(found, p.value) && !(found instanceof Date && p.value instanceof Date && +found === +p.value)) throw new Error(`${p.cell}: problem value ${JSON.stringify(p.value)} but the cell holds ${JSON.stringify(found)}`);
    }
  }
  for (const pupil of table.pupils) {
    for (const g of pupil.grades) {
      if (g.cell === undefined) continue;
      const bad = badProblemAddress({ cell: g.cell, value: null, message: 'x', code: 'x', severity: 'error' }, data);
      if (bad) throw new Error(`grade cell of ${g.subject}: ${bad}`);
    }
  }
}

describe('readGradeTable on random grids', () => {
  it('never throws, and every problem points at a cell of the input (mutated headers, title rows, blanks, duplicates)', () => {
    check(fc.tuple(gradeGridArb, sheetNameArb, fc.constantFrom('sv', 'en') as fc.Arbitrary<'sv' | 'en'>), ([values, sheet, lang]) => {
      const data: SheetData = { sheet, values };
      const table = readGradeTable(data, { referenceYear: 2026, lang });
      expectSound(table, data);
    }, 300);
  });

  it('keeps addresses right for a selection that does not start at A1', () => {
    check(fc.tuple(gradeGridArb, fc.nat(40), fc.nat(30)), ([values, row, col]) => {
      const data: SheetData = { sheet: 'Vt 2026', values, origin: { row, col } };
      expectSound(readGradeTable(data, { referenceYear: 2026 }), data);
    }, 150);
  });

  it('survives the old scale, and mappings that name missing or odd columns', () => {
    check(fc.tuple(gradeGridArb, fc.constantFrom<'AF' | 'old'>('AF', 'old'), headerArb), ([values, scale, h]) => {
      const data: SheetData = { sheet: 'Betyg', values };
      const mapping = { [h]: { role: 'subject' as const, subject: 'Ma' as const }, ZZ: { role: 'personnummer' as const }, Klass: null };
      expectSound(readGradeTable(data, { referenceYear: 2026, scale, mapping }), data);
    }, 150);
  });

  it('reads an empty file and a header-only file as an error problem at A1, not a crash', () => {
    for (const values of [[], [[]], [[null, '', '  ']], [['Personnummer', 'Sv', 'En', 'Ma']]]) {
      const data: SheetData = { sheet: 'Betyg', values };
      const table = readGradeTable(data, { referenceYear: 2026 });
      expectSound(table, data);
      expect(table.pupils).toHaveLength(0);
      // An empty or header-only sheet must say so: a problem, never silent success.
      expect(table.problems.length, JSON.stringify(values)).toBeGreaterThan(0);
    }
  });

  it('rejects every non-grade in a grade column with a problem at that cell', () => {
    // A clean header; every pupil row has a valid personnummer and a random cell under Ma.
    check(fc.tuple(fc.array(fc.tuple(personnummerArb, cellArb), { minLength: 1, maxLength: 12 })), ([rows]) => {
      const values = [['Personnummer', 'Sv', 'En', 'Ma'], ...rows.map(([p, c]) => [p, 'C', 'C', c])];
      const data: SheetData = { sheet: 'Betyg', values };
      const table = readGradeTable(data, { referenceYear: 2026 });
      expectSound(table, data);
      rows.forEach(([, c], i) => {
        const parsed = parseGradeCell(c, 'AF');
        const cell = `Betyg!D${i + 2}`;
        if ('error' in parsed) {
          // Nothing silently dropped: the rejected cell is listed with its own address.
          if (!table.problems.some((p) => p.cell === cell)) throw new Error(`${JSON.stringify(c)} at ${cell} rejected without a problem`);
        }
      });
    }, 200);
  });
});

describe('cell helpers on random input', () => {
  it('parseGradeCell, matchHeader, parsePersonnummer and looksLikePersonnummer never throw', () => {
    check(fc.tuple(cellArb, fc.constantFrom<'AF' | 'old'>('AF', 'old')), ([v, scale]) => {
      const g = parseGradeCell(v, scale);
      if (!('entry' in g) && !('error' in g)) throw new Error('neither entry nor error');
      matchHeader(typeof v === 'string' ? v : String(v));
      parsePersonnummer(v, 2026);
      looksLikePersonnummer(v);
    }, 500);
  });

  it('every generated personnummer form is read back to the same 12 digits', () => {
    check(personnummerArb, (p) => {
      const parsed = parsePersonnummer(p, 2026);
      if (!parsed) throw new Error(`${p} not read`);
      if (!/^\d{12}$/.test(parsed.normalized)) throw new Error(`${p} → ${parsed.normalized}`);
      if (!parsed.checksumValid) throw new Error(`${p}: valid check digit rejected`);
      if (!looksLikePersonnummer(p)) throw new Error(`${p} not recognised by looksLikePersonnummer`);
    }, 300);
  });
});

describe('text layer on random bytes', () => {
  it('decodeText never throws, and Windows-1252 text with å, ä, ö comes back unchanged', () => {
    check(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const { text } = decodeText(bytes);
      if (typeof text !== 'string') throw new Error('no text');
    }, 300);
    const swedish = fc.array(fc.constantFrom('å', 'ä', 'ö', 'Å', 'Ä', 'Ö', 'é', 'a', 'b', ';', ' ', '1', '\r\n', '"'), { minLength: 1, maxLength: 80 }).map((xs) => `Förnamn;Ämne\r\n${xs.join('')}`);
    check(swedish, (text) => {
      const got = decodeText(encodeWindows1252(text));
      if (got.encoding !== 'windows-1252') throw new Error(`read as ${got.encoding}`);
      if (got.text !== text) throw new Error(`${JSON.stringify(text)} → ${JSON.stringify(got.text)}`);
    }, 200);
  });

  it('parseDelimited round-trips RFC 4180 quoting for any field text', () => {
    const field = fc.string({ maxLength: 8, unit: fc.constantFrom('a', 'ö', ';', '"', '\n', '\r\n', ' ', '1', ',') });
    check(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
      // Rows of equal width; every field quoted, quotes doubled.
      const w = Math.max(...rows.map((r) => r.length));
      const grid = rows.map((r) => [...r, ...Array(w - r.length).fill('x')]);
      const text = grid.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(';')).join('\r\n');
      const back = parseDelimited(text, ';');
      expect(back.slice(0, grid.length)).toEqual(grid);
      detectDelimiter(text);
    }, 200);
  });

  it('random text through decode → parse → readGradeTable stays sound', () => {
    check(fc.string({ maxLength: 300, unit: fc.constantFrom('A', 'F', ';', ',', '\t', '\n', '"', '1', '2', '0', '-', ' ', 'Sv', 'Ma', 'Personnummer') }), (text) => {
      const values = parseDelimited(decodeText(new TextEncoder().encode(text)).text);
      const data: SheetData = { sheet: 'betyg.txt', values };
      expectSound(readGradeTable(data, { referenceYear: 2026 }), data);
    }, 200);
  });
});

describe('SCB files with damaged fields', () => {
  const pupils = generatePupils(24, 77);
  const damaged = (rows: string[][]) => fc.tuple(
    fc.array(fc.tuple(fc.nat(rows.length - 1), fc.nat(40), cellArb), { maxLength: 30 }),
    fc.array(fc.tuple(fc.nat(rows.length - 1), fc.integer({ min: -3, max: 3 })), { maxLength: 4 }),
    fc.boolean(),
  ).map(([edits, widths, header]) => {
    const grid: CellValue[][] = rows.map((r) => [...r]);
    for (const [r, c, v] of edits) grid[r][c % (grid[r].length + 1)] = v;
    // Rows that lost or gained fields (a stray `;`).
    for (const [r, d] of widths) grid[r] = d < 0 ? grid[r].slice(0, d) : [...grid[r], ...Array(d).fill('')];
    return header ? [SCB9_COLUMNS.slice(), ...grid] : grid;
  });

  it('slutbetyg åk 9 rows with random cells, lost and extra fields: sound, never a crash', () => {
    check(damaged(pupils.map(scbGradeFields)), (values) => {
      const data: SheetData = { sheet: 'betyg.txt', values };
      expectSound(readGradeTable(data, { referenceYear: 2026 }), data);
    }, 200);
  });

  it('the same damaged rows as text: the line-by-line reader gives exactly the grid reader\'s table', () => {
    const cellText = (v: CellValue) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v));
    let lineByLine = 0;
    check(fc.tuple(damaged(pupils.map(scbGradeFields)), fc.constantFrom('\r\n', '\n')), ([values, eol]) => {
      const text = values.map((r) => r.map(cellText).join(';')).join(eol) + eol;
      const viaGrid = readGradeTable({ sheet: 'betyg', values: parseDelimited(text), origin: { row: 0, col: 0 } }, { referenceYear: 2026 });
      expect(readGradeText(text, 'betyg', { referenceYear: 2026 })).toStrictEqual(viaGrid);
      // Headerless SCB without quotes is the text the line-by-line path takes.
      if (viaGrid.layout === 'scb9' && viaGrid.headerRow === null && !text.includes('"')) lineByLine++;
    }, 200);
    expect(lineByLine).toBeGreaterThan(50);
  });

  it('national-test rows with random cells: every problem inside the input', () => {
    check(damaged(pupils.map(scbTestFields)), (values) => {
      const data: SheetData = { sheet: 'np.txt', values };
      const tt = readTestTable(data, { referenceYear: 2026 });
      for (const p of tt.problems) {
        const bad = badProblemAddress(p, data);
        if (bad) throw new Error(`${p.code}: ${bad}`);
        if (typeof p.value === 'string' && CRASH.test(p.value)) throw new Error(`reader crashed inside: ${p.value}`);
      }
      for (const rec of tt.records) for (const r of rec.results) if (r.mark !== null && !'ABCDEF'.includes(r.mark)) throw new Error(`test mark ${r.mark}`);
    }, 200);
  });
});
