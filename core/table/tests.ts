/**
 * Reads SCB's national-test file for åk 9 (ämnesprov): headerless in the documented order, or
 * with its variable names as header row. One TestRecord per pupil, one TestResult per test.
 */
import type { SheetData } from '../app';
import type { CellValue, GradeMark, Lang, Problem, SubjectCode, TestRecord, TestResult, TestTable } from '../types';
import { looksLikePersonnummer } from '../personnummer';
import { matchHeader } from './aliases';
import { IdRows, pupilRowIdentity, rowWidth, sheetContext, type SheetContext } from './context';
import { cellText, findHeaderRow, isBlankRow, normalizeHeader } from './header';

/**
 * The 32 columns of SCB's ämnesprov åk 9 file, in file order.
 * [C: SCB datafilsbeskrivning_np9_2026.xlsx, Blad1]
 */
export const SCB_TEST9_COLUMNS: readonly string[] = [
  'System', 'Datum', 'Version', 'PersonNr', 'Skolenhetskod',
  'MA_GRUPP', 'MA_A_DELT', 'MA_B_DELT', 'MA_C_DELT', 'MA_D_DELT', 'MA_PROVB',
  'SV_GRUPP', 'SV_KURSPLAN', 'SV_A_PRP', 'SV_B_PRP', 'SV_C_PRP', 'SV_PROVB',
  'EN_GRUPP', 'EN_A_PRP', 'EN_B_PRP', 'EN_C_PRP', 'EN_PROVB',
  'NO_PROV', 'NO_A_DELT', 'NO_B_DELT', 'NO_GRUPP', 'NO_PROVB',
  'SO_PROV', 'SO_A_DELT', 'SO_B_DELT', 'SO_GRUPP', 'SO_PROVB',
];

/**
 * The 29 columns of SCB's ämnesprov åk 6 file, in file order (Sv and En have delprov columns and
 * points; blank provbetyg = taken digitally, reported through Skolverket's provportal).
 * [C: SCB datafilsbeskrivning_np6_2026.xlsx, Blad1]
 */
export const SCB_TEST6_COLUMNS: readonly string[] = [
  'System', 'Datum', 'Version', 'PersonNr', 'Skolenhetskod',
  'MA_GRUPP', 'MA_A_DELT', 'MA_B_DELT', 'MA_C_DELT', 'MA_D_DELT', 'MA_E_DELT', 'MA_PROVB',
  'SV_GRUPP', 'SV_KURSPLAN', 'SV_A_DELT', 'SV_B_DELT', 'SV_C_DELT', 'SV_A_PRP', 'SV_B_PRP', 'SV_C_PRP', 'SV_PROVB',
  'EN_GRUPP', 'EN_A_DELT', 'EN_B_DELT', 'EN_C_DELT', 'EN_A_PRP', 'EN_B_PRP', 'EN_C_PRP', 'EN_PROVB',
];

/**
 * The 35 columns of SCB's ämnesprov åk 3 file: no provbetyg, a result per sub-test (`1` nått
 * kravnivån, `0` ej nått, `99` ej deltagit, `88` försvunnit) and points for some sub-tests.
 * [C: SCB datafilsbeskrivning_np3_2026.xlsx, Blad1]
 */
export const SCB_TEST3_COLUMNS: readonly string[] = [
  'System', 'Datum', 'Version', 'PersonNr', 'Skolenhetskod',
  'MA_GRUPP', 'MA_A_PR', 'MA_B_PR', 'MA_C_PR', 'MA_D_PR', 'MA_E_PR', 'MA_F_PR', 'MA_G_PR', 'MA_G1_PR', 'MA_G2_PR',
  'MA_B_POANG', 'MA_C_POANG', 'MA_D_POANG', 'MA_E_POANG', 'MA_F_POANG', 'MA_G_POANG', 'MA_G1_POANG', 'MA_G2_POANG',
  'SV_GRUPP', 'SV_KURSPLAN', 'SV_A_PR', 'SV_B_PR', 'SV_C_PR', 'SV_D_PR', 'SV_E_PR', 'SV_F_PR', 'SV_G_PR', 'SV_H_PR',
  'SV_B_POANG', 'SV_C_POANG',
];

export interface ReadTestOptions {
  /** Year for the century of 10-digit personnummer (core reads no clock). */
  referenceYear: number;
  lang?: Lang;
}

const key = (h: string) => normalizeHeader(h).replace(/[^a-z0-9]/g, '');
const KNOWN = new Set([...SCB_TEST9_COLUMNS, ...SCB_TEST6_COLUMNS].map(key));

const NO_SUBJECTS: Readonly<Record<string, SubjectCode>> = { BI: 'Bi', FY: 'Fy', KE: 'Ke' };
const SO_SUBJECTS: Readonly<Record<string, SubjectCode>> = { GE: 'Ge', HI: 'Hi', RE: 'Re', SH: 'Sh' };
const MARKS: ReadonlySet<string> = new Set(['A', 'B', 'C', 'D', 'E', 'F']);

/** Column indexes of the fields the reader uses (-1 when absent). */
interface TestColumns {
  pnr: number; id: number; school: number; ma: number; sv: number; kursplan: number; en: number;
  no: number; noProv: number; so: number; soProv: number;
}

function locate(headers: string[]): TestColumns {
  const idx = (name: string) => headers.findIndex((h) => key(h) === key(name));
  const byRole = (role: 'personnummer' | 'id' | 'school') => headers.findIndex((h) => matchHeader(h)?.role === role);
  return {
    pnr: idx('PersonNr') >= 0 ? idx('PersonNr') : byRole('personnummer'),
    id: byRole('id'),
    school: idx('Skolenhetskod') >= 0 ? idx('Skolenhetskod') : byRole('school'),
    ma: idx('MA_PROVB'), sv: idx('SV_PROVB'), kursplan: idx('SV_KURSPLAN'), en: idx('EN_PROVB'),
    no: idx('NO_PROVB'), noProv: idx('NO_PROV'), so: idx('SO_PROVB'), soProv: idx('SO_PROV'),
  };
}

/**
 * A provbetyg cell: A–F, a code 99/88/77, blank, or null when invalid (a problem). SKOLA.PROVGODKANT
 * reads its cell with it too.
 * @example parseTestGrade(' c ') // { mark: 'C' }
 * @example parseTestGrade(99) // { mark: null, code: '99' }
 */
export function parseTestGrade(value: CellValue): { mark: GradeMark | null; code?: TestResult['code'] } | null {
  if (typeof value === 'boolean' || value instanceof Date) return null;
  const s = cellText(value).toUpperCase();
  if (s === '') return { mark: null, code: 'blank' };
  if (MARKS.has(s)) return { mark: s as GradeMark };
  if (s === '99' || s === '88' || s === '77') return { mark: null, code: s };
  return null;
}

function readResults(ctx: SheetContext, row: ReadonlyArray<CellValue>, r: number, cols: TestColumns): TestResult[] {
  const results: TestResult[] = [];
  const add = (col: number, label: string, subject: SubjectCode | null, field?: { name: string; col: number; expected: string }) => {
    if (col < 0) return;
    const v = row[col];
    const cell = ctx.addr(r, col);
    const g = parseTestGrade(v);
    if (!g) {
      ctx.problem(cell, v ?? null, 'table.test.invalid', 'error', { subject: label });
      return;
    }
    if (!subject) {
      // NO/SO: blank test grade and blank NO_PROV/SO_PROV = taken digitally, reported through
      // Skolverket's portal; the file holds nothing to compare (SCB datafilsbeskrivning np9 2026).
      if (g.code === 'blank') return;
      const fieldValue = field && field.col >= 0 ? cellText(row[field.col]) : '';
      ctx.problem(cell, v, 'table.test.noProv', 'error', { subject: label, field: field?.name ?? '', fieldValue, expected: field?.expected ?? '' });
      return;
    }
    const res: TestResult = { subject, mark: g.mark, cell };
    if (g.code) res.code = g.code;
    results.push(res);
  };
  add(cols.ma, 'MA', 'Ma');
  let sv: SubjectCode = 'Sv';
  if (cols.kursplan >= 0) {
    const k = cellText(row[cols.kursplan]);
    if (k === '2') sv = 'Sva';
    else if (k !== '1' && k !== '99' && k !== '' && cols.sv >= 0) {
      ctx.problem(ctx.addr(r, cols.kursplan), row[cols.kursplan], 'table.test.kursplan', 'warning');
    }
  }
  add(cols.sv, 'SV', sv);
  add(cols.en, 'EN', 'En');
  const noKey = cols.noProv >= 0 ? cellText(row[cols.noProv]).toUpperCase() : '';
  add(cols.no, 'NO', NO_SUBJECTS[noKey] ?? null, { name: 'NO_PROV', col: cols.noProv, expected: 'BI/FY/KE' });
  const soKey = cols.soProv >= 0 ? cellText(row[cols.soProv]).toUpperCase() : '';
  add(cols.so, 'SO', SO_SUBJECTS[soKey] ?? null, { name: 'SO_PROV', col: cols.soProv, expected: 'GE/HI/RE/SH' });
  return results;
}

/**
 * Reads the national-test file åk 9. Headerless files are recognised by PersonNr in column 4
 * and an 8-digit Skolenhetskod in column 5 and read positionally (32 columns; a row with
 * another count is a problem); files with the variable names as header are read by name.
 * MA/SV/EN/NO/SO_PROVB → a TestResult each: SV_KURSPLAN 2 → Sva, else Sv; the NO and SO tests
 * count for the subject in NO_PROV (BI/FY/KE) and SO_PROV (GE/HI/RE/SH). Codes 99/88/77 and
 * blank are kept as `code` with mark null. Never throws.
 * [C: SCB datafilsbeskrivning_np9_2026; domain §5 provbetyg vs slutbetyg]
 * @example readTestTable({ sheet: 'NP', values: [['PersonNr', 'MA_PROVB'], ['201212121212', 'c']] }, { referenceYear: 2026 }).records[0].results // [{ subject: 'Ma', mark: 'C', cell: 'NP!B2' }]
 */
export function readTestTable(data: SheetData, options: ReadTestOptions): TestTable {
  const ctx = sheetContext(data, options.lang ?? 'sv');
  const grid = data.values;
  const empty = (headerRow: number | null): TestTable => ({ sheet: data.sheet, headerRow, records: [], problems: ctx.problems });
  if (grid.every((row) => isBlankRow(row))) {
    ctx.problem(ctx.addr(0, 0), null, 'table.empty', 'error', { sheet: data.sheet });
    return empty(null);
  }
  const first = grid.findIndex((row) => !isBlankRow(row));
  let headerRow: number | null = null;
  let cols: TestColumns;
  let expectedWidth = 0;
  const firstRow = grid[first];
  let yearGroup: 6 | 9 | undefined;
  if (looksLikePersonnummer(firstRow[3]) && /^\d{8}$/.test(cellText(firstRow[4]))) {
    // Headerless: the row width says which year's file it is (åk 6: 29 columns, åk 9: 32).
    const six = isTest6(grid, first);
    const names = six ? SCB_TEST6_COLUMNS : SCB_TEST9_COLUMNS;
    yearGroup = six ? 6 : 9;
    cols = locate([...names]);
    expectedWidth = names.length;
  } else {
    const found = findHeaderRow(grid, (h) => KNOWN.has(h.replace(/[^a-z0-9]/g, '')), { minScore: 2 });
    if (!found) {
      ctx.problem(ctx.addr(first, 0), null, 'table.test.noColumns', 'error', { sheet: data.sheet });
      return empty(null);
    }
    headerRow = found.row;
    const hdr = grid[headerRow];
    const headers: string[] = [];
    for (let c = 0; c < rowWidth(hdr, 0); c++) headers.push(cellText(hdr[c]));
    cols = locate(headers);
    // Sub-test columns that only one year's file has: MA_E_DELT / SV_A_DELT (åk 6), NO_PROVB (åk 9).
    const has = (n: string) => headers.some((h) => key(h) === key(n));
    yearGroup = has('MA_E_DELT') || has('SV_A_DELT') ? 6 : has('NO_PROVB') || has('SO_PROVB') ? 9 : undefined;
    const scbNames = ['System', 'Datum', 'Version'].filter((n) => headers.some((h) => key(h) === key(n))).length;
    if (scbNames >= 2) expectedWidth = headers.length;
    if ([cols.ma, cols.sv, cols.en, cols.no, cols.so].every((c) => c < 0)) {
      ctx.problem(ctx.addr(headerRow, 0), null, 'table.test.noColumns', 'error', { sheet: data.sheet });
      return empty(ctx.rowNumber(headerRow));
    }
    if (cols.pnr < 0 && cols.id < 0) {
      ctx.problem(ctx.addr(headerRow, 0), null, 'table.id.noColumn', 'error', { sheet: data.sheet });
      return empty(ctx.rowNumber(headerRow));
    }
  }

  const records: TestRecord[] = [];
  const byId = new IdRows(grid.length);
  const used = Object.values(cols).filter((c) => c >= 0 && c !== cols.pnr && c !== cols.id);
  const start = headerRow === null ? 0 : headerRow + 1;
  for (let r = start; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    const ident = pupilRowIdentity(ctx, row, r, { expectedWidth, pnrCol: cols.pnr, idCol: cols.id, referenceYear: options.referenceYear, seen: byId, sigCols: used, rowAt: (i) => grid[i] });
    if (!ident) continue;
    const rec: TestRecord = {
      row: ctx.rowNumber(r),
      id: ident.id,
      personnummer: ident.personnummer,
      school: cols.school >= 0 ? cellText(row[cols.school]) || null : null,
      results: readResults(ctx, row, r, cols),
    };
    records.push(rec);
  }
  if (records.length === 0 && ctx.problems.length === 0) {
    ctx.problem(ctx.addr(headerRow ?? 0, 0), null, 'table.noRows', 'error', { sheet: data.sheet });
  }
  return { sheet: data.sheet, headerRow: headerRow === null ? null : ctx.rowNumber(headerRow), records, problems: ctx.problems, ...(yearGroup ? { yearGroup } : {}) };
}

/**
 * Whether a headerless test file is åk 6 (29 columns) rather than åk 9 (32): a text row has its exact
 * width; a sheet pads rows, so there the provbetyg column decides (MA_PROVB is column 12 in åk 6 and
 * 11 in åk 9: a letter A–F there, in any of the first rows, tells which). Åk 9 when nothing tells.
 */
function isTest6(grid: SheetData['values'], first: number): boolean {
  const letter = (v: CellValue) => /^[A-F]$/i.test(cellText(v));
  for (let r = first, seen = 0; r < grid.length && seen < 20; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    seen++;
    if (row.length === SCB_TEST6_COLUMNS.length) return true;
    if (row.length === SCB_TEST9_COLUMNS.length) return false;
    if (letter(row[11])) return true;
    if (letter(row[10])) return false;
  }
  return false;
}

/** One åk 3 sub-test cell: a result (0 not reached, 1 reached), a code, or blank. */
export type SubtestValue = 0 | 1 | '99' | '88' | 'blank';

/** One pupil of the åk 3 test file: per subject the sub-tests in file order. */
export interface Test3Record {
  row: number;
  id: string;
  personnummer: string | null;
  school: string | null;
  /** `Sva` when SV_KURSPLAN is 2. */
  swedish: 'Sv' | 'Sva';
  ma: SubtestValue[];
  sv: SubtestValue[];
}

export interface Test3Table {
  sheet: string;
  headerRow: number | null;
  /** Sub-test names in file order (`A` … `G2`, `A` … `H`). */
  maSubtests: string[];
  svSubtests: string[];
  records: Test3Record[];
  problems: Problem[];
}

/** An åk 3 sub-test cell; null when invalid (a problem). */
function parseSubtest(v: CellValue): SubtestValue | null {
  if (typeof v === 'boolean' || v instanceof Date) return null;
  const s = cellText(v);
  if (s === '') return 'blank';
  if (s === '0') return 0;
  if (s === '1') return 1;
  if (s === '99' || s === '88') return s;
  return null;
}

/**
 * Whether a sheet is SCB's ämnesprov åk 3 file: its 35 columns without a header (a personnummer's row
 * with an 8-digit Skolenhetskod in column 5), or its sub-test names (`MA_A_PR`, `SV_A_PR`) as header.
 * @example isTest3Sheet([['PersonNr', 'MA_A_PR', 'MA_B_PR']]) // true
 */
export function isTest3Sheet(values: SheetData['values']): boolean {
  const first = values.find((row) => !isBlankRow(row));
  if (!first) return false;
  const names = first.map((v) => cellText(v).toUpperCase());
  if (names.includes('MA_A_PR') || names.includes('SV_A_PR')) return true;
  return /^\d{8}$/.test(names[4] ?? '') && names.length === SCB_TEST3_COLUMNS.length;
}

/**
 * Reads SCB's ämnesprov åk 3 file: headerless in the documented 35-column order (PersonNr in
 * column 4, an 8-digit Skolenhetskod in column 5) or with the variable names as header row.
 * Per pupil and subject, the sub-test results MA_A_PR … MA_G2_PR and SV_A_PR … SV_H_PR: `1` nått
 * kravnivån, `0` ej nått, `99` ej deltagit, `88` provresultat försvunnet, blank. SV_KURSPLAN 2 → Sva.
 * Anything else is a problem with its cell. Never throws. [C: SCB datafilsbeskrivning_np3_2026]
 * @example readTest3Table({ sheet: 'NP3', values: [['PersonNr', 'MA_A_PR', 'MA_B_PR'], ['201712121212', '1', '99']] }, { referenceYear: 2026 }).records[0].ma // [1, '99']
 */
export function readTest3Table(data: SheetData, options: ReadTestOptions): Test3Table {
  const ctx = sheetContext(data, options.lang ?? 'sv');
  const grid = data.values;
  const first = grid.findIndex((row) => !isBlankRow(row));
  const out: Test3Table = { sheet: data.sheet, headerRow: null, maSubtests: [], svSubtests: [], records: [], problems: ctx.problems };
  if (first < 0) {
    ctx.problem(ctx.addr(0, 0), null, 'table.empty', 'error', { sheet: data.sheet });
    return out;
  }
  let headers: string[];
  let start = first;
  let expectedWidth = 0;
  if (looksLikePersonnummer(grid[first][3]) && /^\d{8}$/.test(cellText(grid[first][4]))) {
    headers = [...SCB_TEST3_COLUMNS];
    expectedWidth = headers.length;
  } else {
    headers = [];
    const hdr = grid[first];
    for (let c = 0; c < rowWidth(hdr, 0); c++) headers.push(cellText(hdr[c]));
    out.headerRow = ctx.rowNumber(first);
    start = first + 1;
  }
  const sub = (prefix: 'MA' | 'SV') => headers
    .map((h, i) => ({ m: new RegExp(`^${prefix}_([A-Z][0-9]?)_PR$`).exec(h.trim().toUpperCase()), i }))
    .filter((x) => x.m)
    .map((x) => ({ name: x.m![1], col: x.i }));
  const ma = sub('MA');
  const sv = sub('SV');
  out.maSubtests = ma.map((x) => x.name);
  out.svSubtests = sv.map((x) => x.name);
  const idx = (n: string) => headers.findIndex((h) => key(h) === key(n));
  const pnrCol = idx('PersonNr') >= 0 ? idx('PersonNr') : headers.findIndex((h) => matchHeader(h)?.role === 'personnummer');
  const idCol = headers.findIndex((h) => matchHeader(h)?.role === 'id');
  const schoolCol = idx('Skolenhetskod');
  const kursplanCol = idx('SV_KURSPLAN');
  if (!ma.length && !sv.length) {
    ctx.problem(ctx.addr(first, 0), null, 'table.test3.noColumns', 'error', { sheet: data.sheet });
    return out;
  }
  if (pnrCol < 0 && idCol < 0) {
    ctx.problem(ctx.addr(first, 0), null, 'table.id.noColumn', 'error', { sheet: data.sheet });
    return out;
  }
  const byId = new IdRows(grid.length);
  const used = [...ma, ...sv].map((x) => x.col);
  for (let r = start; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    const ident = pupilRowIdentity(ctx, row, r, { expectedWidth, pnrCol, idCol, referenceYear: options.referenceYear, seen: byId, sigCols: used, rowAt: (i) => grid[i] });
    if (!ident) continue;
    const read = (list: { name: string; col: number }[], label: string): SubtestValue[] => list.map(({ name, col }) => {
      const v = parseSubtest(row[col]);
      if (v === null) {
        ctx.problem(ctx.addr(r, col), row[col] ?? null, 'table.test3.invalid', 'error', { subject: label, subtest: name });
        return 'blank';
      }
      return v;
    });
    out.records.push({
      row: ctx.rowNumber(r),
      id: ident.id,
      personnummer: ident.personnummer,
      school: schoolCol >= 0 ? cellText(row[schoolCol]) || null : null,
      swedish: kursplanCol >= 0 && cellText(row[kursplanCol]) === '2' ? 'Sva' : 'Sv',
      ma: read(ma, 'MA'),
      sv: read(sv, 'SV'),
    });
  }
  return out;
}
