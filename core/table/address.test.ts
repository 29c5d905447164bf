import { describe, expect, it } from 'vitest';
import { cellAddress, columnIndex, columnLetter, parseAddress, quoteSheet } from './address';

describe('A1 addresses', () => {
  it('converts column indices both ways, across the Z/AA and ZZ/AAA boundaries', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(701)).toBe('ZZ'); // 26 + 26*26 - 1
    expect(columnLetter(702)).toBe('AAA');
    for (const i of [0, 5, 25, 26, 51, 700, 702, 16383]) expect(columnIndex(columnLetter(i))).toBe(i);
  });
  it('quotes sheet names with spaces or punctuation', () => {
    expect(quoteSheet('Betyg')).toBe('Betyg');
    expect(quoteSheet('Åk9')).toBe('Åk9');
    expect(quoteSheet('Vt 2026')).toBe("'Vt 2026'");
    expect(quoteSheet("Elev's")).toBe("'Elev''s'");
    expect(quoteSheet('AB12')).toBe("'AB12'"); // would read as a cell reference
    expect(quoteSheet('R1C1')).toBe("'R1C1'");
  });
  it('builds and parses sheet-qualified addresses', () => {
    expect(cellAddress('Betyg', 11, 5)).toBe('Betyg!F12');
    expect(parseAddress('Betyg!F12')).toEqual({ sheet: 'Betyg', row: 11, col: 5 });
    expect(parseAddress("'Vt 2026'!$B$3")).toEqual({ sheet: 'Vt 2026', row: 2, col: 1 });
    expect(parseAddress('C7')).toEqual({ sheet: null, row: 6, col: 2 });
    expect(parseAddress('not an address')).toBeNull();
  });
});
