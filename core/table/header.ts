/**
 * Generic header-row detection shared by every reader (grades, tests, attendance, survey).
 * Real workbooks put title rows, dates and blank rows above the header; the header is the row
 * near the top where the most cells match known column names.
 */
import type { CellValue, Grid } from '../types';

/**
 * Text of a cell for matching and parsing: trimmed, non-breaking spaces folded; numbers as
 * written without exponent; empty for null/undefined.
 * @example cellText('  9A\u00a0') // '9A'
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return plainText(value) ? value : value.replace(/[\u00a0\u2007\u202f]/g, ' ').trim();
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.toISOString().slice(0, 10);
}

/** A character `trim` never removes: printable ASCII or a Latin letter (å, é, ø, …). */
const keeps = (c: number) => (c > 32 && c < 127) || (c >= 0xc0 && c <= 0x24f);

/** True when cellText would return `s` unchanged: most cells; the check skips a regex and a trim. */
function plainText(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (!keeps(s.charCodeAt(0)) || !keeps(s.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xa0 || c === 0x2007 || c === 0x202f) return false;
  }
  return true;
}

/**
 * Normalised header for matching: lower case, diacritics folded (å→a, ä→a, ö→o), punctuation
 * and runs of spaces collapsed to one space.
 * @example normalizeHeader(' Idrott & Hälsa ') // 'idrott & halsa'
 * @example normalizeHeader('M2 (Språk)') // 'm2 (sprak)'
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/\s*([(),.:;-])\s*/g, '$1')
    .replace(/\(\s*/g, ' (')
    .trim();
}

/** True when every cell of a row is empty. */
export function isBlankRow(row: ReadonlyArray<CellValue> | undefined): boolean {
  return !row || row.every((v) => cellText(v) === '');
}

export interface HeaderMatch {
  /** 0-based row index of the header in the grid. */
  row: number;
  /** How many cells of that row the matcher recognised. */
  score: number;
}

/**
 * Finds the header row: the row within the first `maxScan` rows whose cells the matcher
 * recognises most often (ties go to the upper row). Returns null when no row reaches `minScore`.
 * @example findHeaderRow([['Betyg vt 2026'], [], ['Namn', 'Sv', 'En']], (h) => ['sv', 'en'].includes(h)) // { row: 2, score: 2 }
 */
export function findHeaderRow(
  grid: Grid,
  isKnown: (normalizedHeader: string) => boolean,
  options: { maxScan?: number; minScore?: number } = {},
): HeaderMatch | null {
  const maxScan = Math.min(grid.length, options.maxScan ?? 30);
  const minScore = options.minScore ?? 2;
  let best: HeaderMatch | null = null;
  for (let r = 0; r < maxScan; r++) {
    const row = grid[r];
    if (!row) continue;
    let score = 0;
    for (const cell of row) {
      const h = normalizeHeader(cellText(cell));
      if (h && isKnown(h)) score++;
    }
    if (score >= minScore && (!best || score > best.score)) best = { row: r, score };
  }
  return best;
}
