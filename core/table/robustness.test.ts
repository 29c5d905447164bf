import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../types';
import { readGradeTable } from './grades';
import { readTestTable } from './tests';
import { parseDelimited } from './text';

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom('A', 'b', '-', '9', '2', '3', 'G', 'X', '', ' ', 'Personnummer', 'Sv', 'Ma', 'Ämne', 'Betyg', 'Kön', 'F', 'M2 (språk)', 'SPA', '12345678', '20100101-0014', '201001010022', '"', ';'),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 300 }),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.date({ noInvalidDate: true }),
);
const grid = fc.array(fc.array(cell, { maxLength: 36 }), { maxLength: 12 });
const ADDRESS = /^(?:[\p{L}_][\p{L}\p{N}_]*|'(?:[^']|'')+')![A-Z]{1,3}\d+$/u;

describe('readers never throw and every problem has an address', () => {
  it('readGradeTable over random grids', () => {
    fc.assert(
      fc.property(grid, fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 30 }), (values, row, col) => {
        const t = readGradeTable({ sheet: 'Blad 1', values, origin: { row, col } }, { referenceYear: 2026 });
        for (const p of t.problems) {
          expect(p.cell).toMatch(ADDRESS);
          expect(p.message).not.toMatch(/\{\w+\}/); // every placeholder filled
        }
        // Every pupil row lies inside the grid as placed on the sheet.
        for (const p of t.pupils) expect(p.row).toBeGreaterThan(row);
      }),
      { numRuns: 300 },
    );
  });

  it('readTestTable over random grids', () => {
    fc.assert(
      fc.property(grid, (values) => {
        const t = readTestTable({ sheet: 'NP', values }, { referenceYear: 2026 });
        for (const p of t.problems) expect(p.cell).toMatch(ADDRESS);
      }),
      { numRuns: 300 },
    );
  });

  it('parseDelimited round-trips quoted fields', () => {
    const field = fc.string({ maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(';')).join('\r\n');
        expect(parseDelimited(text, ';')).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});

describe('columns that would otherwise be lost', () => {
  it('data under an empty header is listed as unmapped by its letter', () => {
    const t = readGradeTable({ sheet: 'B', values: [['Pnr', 'Sv', '', 'Ma'], ['20100101-0014', 'A', 'anteckning', 'B']] }, { referenceYear: 2026 });
    expect(t.unmapped).toEqual(['(C)']);
  });

  it('a letter key in the mapping does not make a row of grade D look like a header', () => {
    const values = [
      ['Personnummer', 'Sv', 'En', 'Ma'],
      ['20100101-0014', 'D', 'D', 'D'],
      ['20100101-0022', 'D', 'D', 'D'],
    ];
    const t = readGradeTable({ sheet: 'B', values }, { referenceYear: 2026, mapping: { D: { role: 'subject', subject: 'Ma' } } });
    expect(t.headerRow).toBe(1);
    expect(t.pupils).toHaveLength(2);
  });
});
