/**
 * Helpers shared by the table readers: addresses with the origin applied, problems with
 * catalogue messages, row widths, the identity of a row.
 */
import type { SheetData } from '../app';
import type { CellValue, Lang, Problem } from '../types';
import { t } from '../i18n';
import { parsePersonnummer } from '../personnummer';
import { columnLetter, quoteSheet } from './address';
import { cellText } from './header';

/** Address and message helpers bound to one sheet and origin. */
export interface SheetContext {
  sheet: string;
  lang: Lang;
  problems: Problem[];
  /** Sheet-qualified address of a 0-based grid cell (origin applied). */
  addr(r: number, c: number): string;
  /** 1-based sheet row number of a 0-based grid row. */
  rowNumber(r: number): number;
  /** Sheet column letter of a 0-based grid column. */
  letter(c: number): string;
  problem(cell: string, value: unknown, code: string, severity: 'error' | 'warning', params?: Record<string, string | number>): void;
}

/**
 * Builds the address/problem helpers for a sheet (shared by the grade and test readers); the
 * origin shifts every address to where the values sit on the sheet.
 * @example sheetContext({ sheet: 'Betyg', values: [], origin: { row: 2, col: 1 } }, 'sv').addr(0, 0) // 'Betyg!B3'
 */
export function sheetContext(data: SheetData, lang: Lang): SheetContext {
  const r0 = data.origin?.row ?? 0;
  const c0 = data.origin?.col ?? 0;
  const prefix = quoteSheet(data.sheet) + '!';
  const letters: string[] = [];
  const letter = (c: number) => (letters[c] ??= columnLetter(c + c0));
  const problems: Problem[] = [];
  return {
    sheet: data.sheet,
    lang,
    problems,
    addr: (r, c) => prefix + letter(c) + (r + r0 + 1),
    rowNumber: (r) => r + r0 + 1,
    letter,
    problem(cell, value, code, severity, params = {}) {
      const shown = value === null || value === undefined ? '' : cellText(value as CellValue);
      problems.push({ cell, value: value ?? null, code, severity, message: t(lang, code, { value: shown, cell, ...params }) });
    },
  };
}

/**
 * Row width ignoring empty cells beyond `expected` (hosts pad rows to the used range).
 * @example rowWidth(['a', 'b', '', null], 2) // 2
 */
export function rowWidth(row: ReadonlyArray<CellValue>, expected: number): number {
  let w = row.length;
  while (w > expected && cellText(row[w - 1]) === '') w--;
  return w;
}

/** The identity of one row: normalised personnummer or the id cell, with its problems. */
export interface RowIdentity {
  id: string;
  personnummer: string | null;
  gender: 'F' | 'M' | null;
  col: number;
}

/**
 * The id of a row: the personnummer column (normalised; a wrong check digit or date is a
 * warning when `report`), else the id column (a valid personnummer there is normalised too).
 * Null when both cells are empty. [C: Skatteverket; domain §8]
 * @example readIdentity(sheetContext({ sheet: 'B', values: [] }, 'sv'), ['121212-1212'], 0, 0, -1, 2026, true)?.id // '201212121212'
 */
export function readIdentity(
  ctx: SheetContext,
  row: ReadonlyArray<CellValue>,
  r: number,
  pnrCol: number,
  idCol: number,
  referenceYear: number,
  report: boolean,
): RowIdentity | null {
  // The personnummer column first, then the id column; no arrays per row (called for every pupil).
  for (let k = 0; k < 2; k++) {
    const col = k === 0 ? pnrCol : idCol;
    if (col < 0) continue;
    const isPnrCol = k === 0;
    const value = row[col];
    const text = cellText(value);
    if (text === '') continue;
    const p = parsePersonnummer(value, referenceYear);
    if (isPnrCol) {
      if (!p) {
        if (report) ctx.problem(ctx.addr(r, col), value, 'table.pnr.invalid', 'warning');
        return { id: text, personnummer: null, gender: null, col };
      }
      if (report && !p.checksumValid) ctx.problem(ctx.addr(r, col), value, 'table.pnr.checksum', 'warning');
      else if (report && !p.dateValid) ctx.problem(ctx.addr(r, col), value, 'table.pnr.date', 'warning');
      return { id: p.normalized, personnummer: p.normalized, gender: p.gender, col };
    }
    // An id column holds a personnummer only when it is a valid one (an elevnummer may look like one).
    if (p && p.checksumValid && p.dateValid) return { id: p.normalized, personnummer: p.normalized, gender: p.gender, col };
    return { id: text, personnummer: null, gender: null, col };
  }
  return null;
}

/**
 * Text of the cells of the given columns, to tell identical duplicate rows from conflicting ones.
 * @example signature(['x', 'A', 'B'], [1, 2]) // 'A\u0001B\u0001'
 */
export function signature(row: ReadonlyArray<CellValue>, cols: number[]): string {
  let s = '';
  for (const c of cols) s += cellText(row[c]) + '\u0001';
  return s;
}



/**
 * Grid rows by pupil id, for the duplicate check. A 12-digit id (a normalised personnummer) is
 * kept under its number in an open-addressing table of typed arrays; any other id in a Map.
 * For 100 000 pupils a Map of fresh id strings cost more than the rest of the row checks.
 * @example const seen = new IdRows(); seen.claim('201212121212', 4); seen.claim('201212121212', 9) // 4
 */
export class IdRows {
  private keys: Float64Array; // 0 = free slot (the id 000000000000 goes to the Map)
  private rows: Int32Array;
  private count = 0;
  private readonly other = new Map<string, number>();

  /** `expected`: about how many ids will be claimed (the rows of the sheet), so the table need not grow. */
  constructor(expected = 0) {
    let size = 1024;
    while (size < expected * 2 && size < 1 << 21) size *= 2; // beyond 1 million ids it grows as it goes
    this.keys = new Float64Array(size);
    this.rows = new Int32Array(size);
  }

  /** The row of `id` when it was claimed before; else records `row` for it and returns undefined. */
  claim(id: string, row: number): number | undefined {
    const n = digits12(id);
    if (n <= 0) {
      const prev = this.other.get(id);
      if (prev === undefined) this.other.set(id, row);
      return prev;
    }
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = slotOf(n, mask);
    for (let k = this.keys[i]; k !== 0; k = this.keys[i]) {
      if (k === n) return this.rows[i];
      i = (i + 1) & mask;
    }
    this.keys[i] = n;
    this.rows[i] = row;
    this.count++;
    return undefined;
  }

  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.rows = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === 0) continue;
      let i = slotOf(keys[j], mask);
      while (this.keys[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = keys[j];
      this.rows[i] = rows[j];
    }
  }
}

/** The number of a 12-digit id, or -1 for any other text. */
function digits12(id: string): number {
  if (id.length !== 12) return -1;
  let n = 0;
  for (let i = 0; i < 12; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Table slot of a number below 10^12: both 32-bit halves mixed (Fibonacci hashing). */
function slotOf(n: number, mask: number): number {
  const lo = n >>> 0;
  const hi = (n - lo) / 4294967296;
  return (Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> 7) & mask;
}

/**
 * The checks every one-row-per-pupil reader makes before reading a row: the SCB column count (when
 * `expectedWidth` > 0), an identity, and duplicates — identical rows merge with a warning,
 * conflicting rows are an error naming both rows; the first row is kept. `seen` holds each id read
 * so far to its grid row and is updated here (a plain number per pupil: no object for 100 000 rows).
 * `rowAt` gives an earlier row again (to compare a duplicate with the first); `row` is grid row `r`.
 * Returns the identity to read the row under, or null when the row is skipped (its problem listed).
 * @example pupilRowIdentity(ctx, grid[3], 3, { expectedWidth: 0, pnrCol: 0, idCol: -1, referenceYear: 2026, seen, sigCols: [1, 2], rowAt: (r) => grid[r] })?.id // '201212121212'
 */
export function pupilRowIdentity(
  ctx: SheetContext,
  row: ReadonlyArray<CellValue>,
  r: number,
  o: {
    expectedWidth: number; pnrCol: number; idCol: number; referenceYear: number; seen: IdRows; sigCols: number[];
    rowAt: (r: number) => ReadonlyArray<CellValue>;
  },
): RowIdentity | null {
  if (o.expectedWidth > 0) {
    const w = rowWidth(row, o.expectedWidth);
    if (w !== o.expectedWidth) {
      ctx.problem(ctx.addr(r, 0), row[0] ?? null, 'table.scb.columns', 'error', { row: ctx.rowNumber(r), found: w, expected: o.expectedWidth });
      return null;
    }
  }
  const ident = readIdentity(ctx, row, r, o.pnrCol, o.idCol, o.referenceYear, true);
  if (!ident) {
    const col = o.pnrCol >= 0 ? o.pnrCol : o.idCol;
    ctx.problem(ctx.addr(r, col), row[col] ?? null, 'table.id.missing', 'error', { row: ctx.rowNumber(r) });
    return null;
  }
  const prev = o.seen.claim(ident.id, r);
  if (prev !== undefined) {
    const same = signature(o.rowAt(prev), o.sigCols) === signature(row, o.sigCols);
    ctx.problem(ctx.addr(r, ident.col), row[ident.col], same ? 'table.duplicate.merged' : 'table.duplicate.conflict', same ? 'warning' : 'error', {
      id: ident.id, first: ctx.rowNumber(prev), row: ctx.rowNumber(r),
    });
    return null;
  }
  return ident;
}
