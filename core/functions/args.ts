/**
 * Argument helpers for custom functions: ranges arrive as 2-D arrays, scalars as one value,
 * omitted arguments as undefined (Excel may send null or ''). Errors are returned as values.
 */
import type { CellValue, Lang } from '../types';
import { t } from '../i18n';
import type { ErrorCode, FunctionArg, FunctionError, FunctionResult } from './types';

/**
 * True for a `FunctionError` value.
 * @example isFunctionError({ error: '#N/A', message: 'tom' }) // true
 */
export function isFunctionError(x: unknown): x is FunctionError {
  return typeof x === 'object' && x !== null && !(x instanceof Date) && 'error' in x && 'message' in x;
}

/**
 * A spreadsheet error value with a message from the functions catalogue (formulajs-style).
 * @example fnError('#N/A', 'sv', 'functions.empty', { arg: 'betyg' }) // { error: '#N/A', message: 'betyg är tomt' }
 */
export function fnError(code: ErrorCode, lang: Lang, key: string, params: Record<string, string | number> = {}): FunctionError {
  return { error: code, message: t(lang, key, params) };
}

/**
 * True for an empty cell: null, undefined or text of only spaces.
 * @example isBlank('  ') // true
 */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * A range argument as rows; a scalar becomes a 1×1 range; omitted or blank scalar → null.
 * @example toRows('A') // [['A']]
 */
export function toRows(arg: FunctionArg | undefined): CellValue[][] | null {
  if (arg === undefined || arg === null) return null;
  if (Array.isArray(arg)) return arg.length === 0 ? null : (arg as CellValue[][]);
  if (isBlank(arg)) return null;
  return [[arg as CellValue]];
}

/**
 * The value of a scalar argument: a single value, or the only cell of a 1×1 range; a larger
 * range is an error naming the argument.
 * @example scalarArg([['B']], 'betyg', 'sv') // 'B'
 */
export function scalarArg(arg: FunctionArg | undefined, name: string, lang: Lang): CellValue | FunctionError {
  if (!Array.isArray(arg)) return arg as CellValue;
  if (arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1) return arg[0][0];
  return fnError('#VALUE!', lang, 'functions.notSingleCell', { arg: name });
}

/**
 * Human position of a cell in an argument range (1-based), for error messages: a single row
 * names the column, a single column the row, otherwise both.
 * @example where('sv', 'betyg', 0, 2, 1, 17) // 'betyg, kolumn 3'
 */
export function where(lang: Lang, arg: string, r: number, c: number, rows: number, cols: number): string {
  if (rows === 1 && cols === 1) return arg;
  if (rows === 1) return t(lang, 'functions.where.column', { arg, col: c + 1 });
  if (cols === 1) return t(lang, 'functions.where.row', { arg, row: r + 1 });
  return t(lang, 'functions.where.cell', { arg, row: r + 1, col: c + 1 });
}

/**
 * Text of a value for messages.
 * @example show(null) // ''
 */
export function show(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * A number from a cell: numbers as they are, text with a decimal comma or point (`0,12`);
 * anything else is null.
 * @example toNumber('0,12') // 0.12
 */
export function toNumber(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    const s = v.trim().replace(/\s/g, '').replace(',', '.');
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
    return Number(s);
  }
  return null;
}

/**
 * True when a whole function result is one error value.
 * @example resultIsError({ error: '#N/A', message: 'tom' }) // true
 */
export function resultIsError(r: FunctionResult | FunctionResult[][]): r is FunctionError {
  return !Array.isArray(r) && isFunctionError(r);
}
