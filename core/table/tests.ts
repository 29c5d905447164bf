/**
 * Reads SCB's national-test file for åk 9 (ämnesprov): headerless in the documented order, or
 * with its variable names as header row. One TestRecord per pupil, one TestResult per test.
 */
import type { SheetData } from '../app';
import type { CellValue, GradeMark, Lang, SubjectCode, TestRecord, TestResult, TestTable } from '../types';
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

export interface ReadTestOptions {
  /** Year for the century of 10-digit personnummer (core reads no clock). */
  referenceYear: number;
  lang?: Lang;
}

const key = (h: string) => normalizeHeader(h).replace(/[^a-z0-9]/g, '');
const KNOWN = new Set(SCB_TEST9_COLUMNS.map(key));

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

/** A provbetyg cell: A–F, a code 99/88/77, blank, or null when invalid (a problem). */
function parseTestGrade(value: CellValue): { mark: GradeMark | null; code?: TestResult['code'] } | null {
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
  if (looksLikePersonnummer(firstRow[3]) && /^\d{8}$/.test(cellText(firstRow[4]))) {
    cols = locate([...SCB_TEST9_COLUMNS]);
    expectedWidth = SCB_TEST9_COLUMNS.length;
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
  return { sheet: data.sheet, headerRow: headerRow === null ? null : ctx.rowNumber(headerRow), records, problems: ctx.problems };
}
