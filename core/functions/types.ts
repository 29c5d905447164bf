/**
 * The shape of the one metadata table that declares every custom function once. Excel's
 * functions.json, the Apps Script `@customfunction` stubs and the pane's function catalogue are
 * generated from (or checked against) `FUNCTIONS` in ./catalog.ts.
 */
import type { CellValue } from '../types';

/**
 * Spreadsheet error values, returned (never thrown) like formulajs does. Only `#VALUE!` (a wrong
 * input) and `#N/A` (nothing to compute from): Excel drops the custom message of every other code
 * (`#DIV/0!`, `#NUM!`), and the message is what tells the user which cell to fix.
 * [C: learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.errorcode]
 */
export type ErrorCode = '#VALUE!' | '#N/A';

export interface FunctionError {
  error: ErrorCode;
  /** Swedish (or English) text naming what was wrong, shown in the cell's error tooltip. */
  message: string;
}

export type FunctionResult = number | string | boolean | FunctionError;

/** A range arrives as a 2-D array; a scalar argument as a single value; an omitted one as undefined. */
export type FunctionArg = CellValue | CellValue[][];

export interface FunctionParam {
  /** Parameter name as shown in the formula tooltip (Swedish, no spaces: `betyg`, `ämnen`). */
  name: string;
  /** The same in English (`grades`, `subjects`): Excel's English metadata and English messages. */
  nameEn: string;
  description: { sv: string; en: string };
  /** `matrix` for ranges, `scalar` for single values. */
  dimensionality: 'matrix' | 'scalar';
  type: 'any' | 'number' | 'string' | 'boolean';
  optional?: boolean;
}

export interface FunctionSpec {
  /** Name without namespace: `MERITVARDE` (Excel `SKOLA.MERITVARDE`, Sheets `SKOLA_MERITVARDE`). */
  name: string;
  description: { sv: string; en: string };
  params: FunctionParam[];
  result: { type: 'number' | 'string' | 'boolean' | 'any'; dimensionality: 'scalar' | 'matrix' };
  /** A formula a user can paste, with Swedish separators, and what it returns. */
  example: { formula: string; result: string };
  /** Host-free implementation. `lang` chooses the language of error messages and text results. */
  impl: (args: FunctionArg[], ctx: { lang: 'sv' | 'en'; referenceYear: number }) => FunctionResult | FunctionResult[][];
}
