/**
 * Registers every function of the one table (core/functions/catalog.ts) with Excel's custom
 * functions runtime: `CustomFunctions.associate(id, fn)` per entry, no webpack plugin. Results
 * that are FunctionError values become `CustomFunctions.Error`s carrying the Swedish message
 * (`#VALUE!` or `#N/A`: Excel drops the message of every other code).
 */
import { FUNCTIONS } from '../core/functions/catalog';
import { isFunctionError } from '../core/functions/args';
import type { ErrorCode, FunctionArg, FunctionResult, FunctionSpec } from '../core/functions/types';
import type { Lang } from '../core/types';

/** The parts of the `CustomFunctions` global used here (a test passes a fake). */
export interface CustomFunctionsApi {
  associate(id: string, fn: (...args: any[]) => unknown): void;
  Error: new (code: any, message?: string) => unknown;
  ErrorCode: Record<string, string>;
}

// Only the two codes whose custom message Excel shows (core returns no others, see ErrorCode).
const CODE: Record<ErrorCode, string> = {
  '#VALUE!': 'invalidValue',
  '#N/A': 'notAvailable',
};

/** Excel sends '' for an empty cell of a range and null for an omitted argument. */
function normalizeArg(a: unknown): FunctionArg {
  if (a === null || a === undefined) return undefined;
  return a as FunctionArg;
}

function toExcel(cf: CustomFunctionsApi, r: FunctionResult): unknown {
  if (isFunctionError(r)) return new cf.Error(cf.ErrorCode[CODE[r.error]] ?? r.error, r.message);
  return r;
}

/** The function Excel calls for one table entry. */
export function excelFunction(cf: CustomFunctionsApi, spec: FunctionSpec, ctx: () => { lang: Lang; referenceYear: number }) {
  return (...args: unknown[]): unknown => {
    try {
      const r = spec.impl(args.slice(0, spec.params.length).map(normalizeArg), ctx());
      return Array.isArray(r) ? r.map((row) => row.map((v) => toExcel(cf, v))) : toExcel(cf, r);
    } catch (e) {
      // Never a crash in a cell: an unexpected failure shows as #VALUE! with its text.
      return new cf.Error(cf.ErrorCode.invalidValue, e instanceof Error ? e.message : String(e));
    }
  };
}

/** Excel's UI language → ours (Swedish unless Excel runs in English). */
export function officeLang(): Lang {
  const l = typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
  return l && l.toLowerCase().startsWith('en') ? 'en' : 'sv';
}

/** Associates every function; returns the ids registered. */
export function registerFunctions(cf: CustomFunctionsApi | undefined = (globalThis as { CustomFunctions?: CustomFunctionsApi }).CustomFunctions): string[] {
  if (!cf) return [];
  // Hosts may read the clock; core may not, so the year is passed in per call.
  const ctx = () => ({ lang: officeLang(), referenceYear: new Date().getFullYear() });
  for (const spec of FUNCTIONS) cf.associate(spec.name, excelFunction(cf, spec, ctx));
  return FUNCTIONS.map((f) => f.name);
}
