/**
 * Reading the sheets the school owns (Historik, Mål): a header row found by the columns' names in
 * either language, then the rows below it. One place for what those readers share.
 */
import type { CellValue } from '../types';

/**
 * Text of a cell for matching: trimmed, lower case; numbers as written.
 * @example normCell('  Mål ') // 'mål'
 */
export function normCell(v: unknown): string {
  return typeof v === 'string' ? v.trim().toLowerCase() : typeof v === 'number' ? String(v) : '';
}

/**
 * The first of the top 30 rows that names every `required` column, and where each named column is
 * (the first cell of each name wins); null when none does.
 * @example
 * findNamedHeader([['Mål 2026'], ['Indikator', 'Mål']], new Map([['indikator', 'indicator'], ['mål', 'target']]), ['indicator', 'target'])
 * // { row: 1, at: { indicator: 0, target: 1 } }
 */
export function findNamedHeader<C extends string>(values: readonly (readonly CellValue[])[], names: ReadonlyMap<string, C>, required: readonly C[]): { row: number; at: Partial<Record<C, number>> } | null {
  for (let r = 0; r < Math.min(values.length, 30); r++) {
    const found: Partial<Record<C, number>> = {};
    (values[r] ?? []).forEach((v, c) => {
      const col = names.get(normCell(v));
      if (col && found[col] === undefined) found[col] = c;
    });
    if (required.every((c) => found[c] !== undefined)) return { row: r, at: found };
  }
  return null;
}

/**
 * Whether a row has nothing in it (blank text counts as nothing).
 * @example emptyRow(['', null, '  ']) // true
 */
export function emptyRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
}
