import { describe, expect, it } from 'vitest';
import { cellText, findHeaderRow, isBlankRow, normalizeHeader } from './header';

describe('header detection', () => {
  it('normalises case, diacritics, spaces and punctuation', () => {
    expect(normalizeHeader(' Idrott  och Hälsa ')).toBe('idrott och halsa');
    expect(normalizeHeader('M2 (Språk)')).toBe('m2 (sprak)');
    expect(normalizeHeader('M2(språk)')).toBe('m2 (sprak)');
    expect(normalizeHeader('Hem- och konsumentkunskap')).toBe('hem-och konsumentkunskap');
    expect(normalizeHeader('Elev_ID')).toBe('elev id');
  });
  it('reads cells as trimmed text', () => {
    expect(cellText(' 9A\u00a0')).toBe('9A');
    expect(cellText(12)).toBe('12');
    expect(cellText(null)).toBe('');
    expect(cellText(new Date(Date.UTC(2026, 5, 10)))).toBe('2026-06-10');
    expect(isBlankRow(['', null, '  '])).toBe(true);
  });
  it('reads text exactly as replace-odd-spaces-then-trim would, on its fast path too', () => {
    // The reference is the plain definition; the cases mix the fast path (plain text, Latin letters)
    // with every way out of it (spaces and odd spaces at the ends and inside, tabs, other Unicode).
    const reference = (s: string) => s.replace(/[\u00a0\u2007\u202f]/g, ' ').trim();
    const cases = ['A', 'Åsa Öberg', 'é', ' A', 'A ', 'a\u00a0b', 'a\u2007b', 'a\u202fb', '\u00a0', '\tX', 'X\n', '\u3000Y', 'Y\u2003', '\ufeffZ', '', '  ', 'Ö', 'ab\u00a0'];
    for (const c of cases) expect(cellText(c)).toBe(reference(c));
  });
  it('finds the header below title rows and prefers the best-matching row', () => {
    const known = new Set(['namn', 'sv', 'en', 'ma', 'klass']);
    const grid = [
      ['Slutbetyg åk 9 vårterminen 2026'],
      ['Skola: Norrskolan', 'Sv'], // one match only: a title row, not the header
      [],
      ['Klass', 'Namn', 'SV', 'En', 'Ma'],
      ['9A', 'Anna', 'C', 'B', 'E'],
    ];
    expect(findHeaderRow(grid, (h) => known.has(h))).toEqual({ row: 3, score: 5 });
    expect(findHeaderRow([['x', 'y']], (h) => known.has(h))).toBeNull();
  });
});
