import { describe, expect, it } from 'vitest';
import { emptyRow, findNamedHeader, normCell } from './own-sheet';

describe('own-sheet helpers', () => {
  it('finds the header under a title row by its names, the first cell of each name winning', () => {
    const names = new Map([['indikator', 'indicator' as const], ['mål', 'target' as const], ['kommentar', 'comment' as const]]);
    const values = [['Mål 2026'], [], [' Indikator', 'Mål', 'Kommentar', 'mål']];
    expect(findNamedHeader(values, names, ['indicator', 'target'])).toEqual({ row: 2, at: { indicator: 0, target: 1, comment: 2 } });
    expect(findNamedHeader([['Indikator']], names, ['indicator', 'target'])).toBeNull();
  });

  it('normalises cells and tells empty rows', () => {
    expect(normCell('  Mål ')).toBe('mål');
    expect(normCell(85)).toBe('85');
    expect(normCell(null)).toBe('');
    expect(emptyRow(['', null, '  '])).toBe(true);
    expect(emptyRow(['', 0])).toBe(false);
    expect(emptyRow(undefined)).toBe(true);
  });
});
