/**
 * Reads a grade table from what a host delivers: the SCB åk 9 file (headerless or with its
 * variable names as header), a principal's own wide workbook, or a long list (pupil, subject,
 * grade). Every rejected or doubtful cell becomes a Problem with its address.
 */
import type { SheetData } from '../app';
import type {
  CellValue, ColumnInfo, ColumnMappingOverride, ColumnRole, GradeEntry, GradeScaleId, GradeTable, Lang,
  PupilRecord, SubjectCode, SubjectGrade,
} from '../types';
import { COMPULSORY_16, normalizeLanguage } from '../grades/subjects';
import { looksLikePersonnummer } from '../personnummer';
import { IdRows, pupilRowIdentity, readIdentity, rowWidth, sheetContext, type SheetContext, type RowIdentity } from './context';
import { matchHeader, parseGenderValue, parseYesNo } from './aliases';
import { parseGradeCell } from './grade-cell';
import { dayNumber, isoDate } from '../attendance/lessons';
import { cellText, findHeaderRow, isBlankRow, normalizeHeader } from './header';
import { detectDelimiter, parseDelimited, plainLines } from './text';

/**
 * The 33 columns of SCB's slutbetyg åk 9 file, in file order.
 * [C: SCB datafilsbeskrivning_betyg_ak9_2026.xlsx, Postbeskrivning]
 */
export const SCB9_COLUMNS: readonly string[] = [
  'System', 'Datum', 'Version', 'PersonNr', 'Skolenhetskod', 'Klass', 'Fornamn', 'Efternamn',
  'Bl', 'En', 'Hkk', 'Idh', 'Ma', 'M1 (språk)', 'M1 (betyg)', 'M2 (språk)', 'M2 (betyg)', 'ML (språk)', 'ML (betyg)',
  'Mu', 'Bi', 'Fy', 'Ke', 'Ge', 'Hi', 'Re', 'Sh', 'Sl', 'Sv', 'Sva', 'Tn', 'Tk', 'OVR',
];

/**
 * The 35 columns of SCB's terminsbetyg åk 6 file, in file order (adds No and So; modersmål is
 * Modm_anm/Modmalbe). [C: SCB datafilsbeskrivning_betyg_ak6_2026.xlsx, Postbeskrivning]
 */
export const SCB6_COLUMNS: readonly string[] = [
  'System', 'Datum', 'Version', 'PersonNr', 'Skolenhetskod', 'Klass', 'Fornamn', 'Efternamn',
  'Bl', 'En', 'Hkk', 'Idh', 'Ma', 'M1 (språk)', 'M1 (betyg)', 'M2 (språk)', 'M2 (betyg)', 'Modm_anm', 'Modmalbe',
  'Mu', 'No', 'Bi', 'Fy', 'Ke', 'So', 'Ge', 'Hi', 'Re', 'Sh', 'Sl', 'Sv', 'Sva', 'Tn', 'Tk', 'Ovr',
];

/** Column count of the åk 6 file. */
export const SCB6_COLUMN_COUNT = SCB6_COLUMNS.length;

/** Roles of the åk 6 names that are not aliases of their own. */
const SCB6_ROLES: Readonly<Record<string, ColumnRole>> = { Modm_anm: { role: 'language', subject: 'ML' }, Modmalbe: { role: 'subject', subject: 'ML' } };

/** The åk 6 modersmål headers (`Modm_anm`, `MODMALBE`, any case), or null. */
function scb6Role(header: string): ColumnRole | null {
  const k = header.trim().toLowerCase();
  return k === 'modm_anm' ? { role: 'language', subject: 'ML' } : k === 'modmalbe' ? { role: 'subject', subject: 'ML' } : null;
}

export interface ReadGradeOptions {
  /** Header text (or column letter) → role; overrides detection. */
  mapping?: ColumnMappingOverride;
  /** Grade scale of the table; default A–F. */
  scale?: GradeScaleId;
  /** Year for the century of 10-digit personnummer (core reads no clock). */
  referenceYear: number;
  lang?: Lang;
}

/** Compulsory subjects that warn when empty; Sv/Sva are handled as one place. */
const COMPULSORY = new Set<SubjectCode>(COMPULSORY_16);

/** Looks up an override for a column: exact header, normalised header, then column letter. */
function overrideFor(
  mapping: ColumnMappingOverride | undefined,
  header: string,
  letter: string,
): { found: boolean; role: ColumnRole | null } {
  if (!mapping) return { found: false, role: null };
  if (header && Object.prototype.hasOwnProperty.call(mapping, header)) return { found: true, role: mapping[header] };
  if (header) {
    const norm = normalizeHeader(header);
    for (const k of Object.keys(mapping)) if (normalizeHeader(k) === norm) return { found: true, role: mapping[k] };
  }
  for (const k of Object.keys(mapping)) if (k.trim().toUpperCase() === letter && /^[A-Za-z]{1,3}$/.test(k.trim())) return { found: true, role: mapping[k] };
  return { found: false, role: null };
}

/** Maps header texts to columns, applying overrides; later duplicates of a single role are dropped. */
function buildColumns(
  ctx: SheetContext,
  headers: string[],
  headerRow: number | null,
  mapping: ColumnMappingOverride | undefined,
): ColumnInfo[] {
  const columns: ColumnInfo[] = [];
  const seenSingle = new Set<string>();
  const seenSubject = new Set<string>();
  headers.forEach((header, index) => {
    const letter = ctx.letter(index);
    const o = overrideFor(mapping, header, letter);
    let role: ColumnRole | null = o.found ? o.role : header ? (scb6Role(header) ?? matchHeader(header)) : null;
    if (role && role.role === 'subject') {
      const key = role.subject + '|' + (role.language ?? '');
      const multi = role.subject === 'M1' || role.subject === 'M2' || role.subject === 'ML';
      if (seenSubject.has(key) || (!multi && seenSubject.has(role.subject))) {
        if (headerRow !== null) {
          ctx.problem(ctx.addr(headerRow, index), header, 'table.column.duplicate', 'warning', { header, subject: role.subject });
        }
        role = null;
      } else {
        seenSubject.add(key);
        seenSubject.add(role.subject);
      }
    } else if (role && role.role !== 'other') {
      const key = role.role === 'language' ? 'language|' + role.subject : role.role;
      if (seenSingle.has(key)) role = null;
      else seenSingle.add(key);
    }
    columns.push({ index, letter, header, mapping: role });
  });
  return columns;
}

function emptyTable(ctx: SheetContext, layout: GradeTable['layout'], scale: GradeScaleId, headerRow: number | null, columns: ColumnInfo[] = []): GradeTable {
  return {
    sheet: ctx.sheet, layout, scale, headerRow, columns,
    unmapped: columns.filter((c) => c.mapping === null && c.header !== '').map((c) => c.header),
    pupils: [], problems: ctx.problems,
  };
}

/** Index of the first column with a role, or -1. */
function colOf(columns: ColumnInfo[], role: ColumnRole['role']): number {
  const c = columns.find((x) => x.mapping?.role === role);
  return c ? c.index : -1;
}

/** Finds a headerless SCB file: PersonNr in column 4 and an 8-digit Skolenhetskod in column 5. */
function scbHeaderless(grid: SheetData['values']): { width: number } | null {
  let seen = 0;
  for (let r = 0; r < grid.length && seen < 5; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    seen++;
    // A row without the signature (a header, a title) means the file is not headerless SCB.
    if (!looksLikePersonnummer(row[3]) || !/^\d{8}$/.test(cellText(row[4]))) return null;
    // A text row has its exact width: 35 fields is åk 6 even when Tk and Ovr are empty.
    if (row.length === SCB6_COLUMN_COUNT) return { width: SCB6_COLUMN_COUNT };
    const w = rowWidth(row, SCB9_COLUMNS.length);
    if (w === SCB9_COLUMNS.length) return { width: w };
    if (rowWidth(row, SCB6_COLUMN_COUNT) === SCB6_COLUMN_COUNT) return { width: SCB6_COLUMN_COUNT };
  }
  return null;
}

/** The columns of a headerless SCB åk 9 (or åk 6) file: roles from the positions, unless the user overrode a letter. */
function scb9Columns(ctx: SheetContext, mapping: ColumnMappingOverride | undefined, names: readonly string[] = SCB9_COLUMNS): ColumnInfo[] {
  const columns = buildColumns(ctx, names.map(() => ''), null, mapping);
  columns.forEach((c, i) => {
    if (!overrideFor(mapping, '', c.letter).found) c.mapping = SCB6_ROLES[names[i]] ?? matchHeader(names[i]);
  });
  return columns;
}

function sameEntry(a: GradeEntry, b: GradeEntry): boolean {
  if (a.kind === 'grade') return b.kind === 'grade' && a.mark === b.mark;
  if (a.kind === 'code') return b.kind === 'code' && a.code === b.code;
  return a.kind === b.kind;
}

function subjectLabel(subject: SubjectCode, language?: string): string {
  return language ? `${subject} ${language}` : subject;
}

/**
 * Reads a grade table. Detects the layout: SCB åk 9 file without header (33 positional columns,
 * recognised by PersonNr and an 8-digit Skolenhetskod) or with its variable names as header;
 * a wide workbook (title rows allowed above the header, one row per pupil, subject columns);
 * a long list (pupil, subject, grade per row, grouped by pupil). Personnummer are normalised;
 * a wrong check digit or date is a warning (still the id), a row without id an error (skipped,
 * listed). Gender from a gender column, else from the personnummer. Identical duplicate rows
 * merge (warning); conflicting ones are an error naming both rows. Never throws.
 * [C: SCB datafilsbeskrivning betyg åk 9 vt2026; domain §1, §2, §8]
 * @example readGradeTable({ sheet: 'Betyg', values: [['Personnummer', 'Sv', 'Ma'], ['20100101-0006', 'A', 'x']] }, { referenceYear: 2026 }).problems[0].cell // 'Betyg!C2'
 */
export function readGradeTable(data: SheetData, options: ReadGradeOptions): GradeTable {
  const lang = options.lang ?? 'sv';
  const scale = options.scale ?? 'AF';
  const ctx = sheetContext(data, lang);
  const grid = data.values;
  try {
    return readGrades(ctx, grid, options, scale);
  } catch (e) {
    // Never crash on bad input: an unexpected failure is one file-level problem.
    ctx.problem(ctx.addr(0, 0), String(e), 'table.readFailed', 'error', { sheet: data.sheet });
    return emptyTable(ctx, 'wide', scale, null);
  }
}

/** One-character strings by code: most cells of a grade file are one character (a grade or an SCB code). */
const ONE_CHAR: readonly string[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/**
 * Reads a grade file from its text, as `readGradeTable` reads the rows of `parseDelimited(text)`
 * (a test holds the two equal). A headerless SCB åk 9 file without quotes, the form school systems
 * export, is read line by line into one reused row: for 100 000 pupils that skips a grid of
 * 3.3 million cells the reader would read once and drop. Any other text takes the grid path.
 * With `onPupil` each pupil goes there as it is read, none is kept (the table's `pupils` is empty):
 * an earlier file for the Historik is analysed as it is read (`gradeAnalyser`).
 * @example readGradeText(scbGradeFileText(generatePupils(300, 1)), 'betyg', { referenceYear: 2026 }).layout // 'scb9' (examples/generator.ts)
 */
export function readGradeText(text: string, sheet: string, options: ReadGradeOptions, grid?: SheetData, onPupil?: PupilSink): GradeTable {
  const origin = { row: 0, col: 0 };
  const lines = !options.mapping && text.indexOf('"') === -1 ? plainLines(text) : null;
  const d = lines ? detectDelimiter(text) : ';';
  // The layout is decided on the first rows (scbHeaderless looks at five rows with content).
  const head: string[][] = [];
  for (let i = 0, filled = 0; lines && i < lines.length && filled < 5; i++) {
    head.push(lines[i].split(d));
    if (!isBlankRow(head[i])) filled++;
  }
  const scb = lines ? scbHeaderless(head) : null;
  if (!lines || !scb) {
    // Not a plain SCB file: the grid path, on the caller's grid when it has one (split once).
    const table = readGradeTable(grid ?? { sheet, values: parseDelimited(text), origin }, options);
    if (!onPupil) return table;
    for (const p of table.pupils) onPupil(p, table.columns);
    return { ...table, pupils: [] };
  }
  const lang = options.lang ?? 'sv';
  const scale = options.scale ?? 'AF';
  const ctx = sheetContext({ sheet, values: [], origin }, lang);
  const six = scb.width === SCB6_COLUMN_COUNT;
  try {
    const columns = scb9Columns(ctx, undefined, six ? SCB6_COLUMNS : SCB9_COLUMNS);
    const pupils = readWide(ctx, lineRows(lines, d), columns, 0, colOf(columns, 'personnummer'), colOf(columns, 'id'), options, scale, columns.length, onPupil);
    return { sheet, layout: six ? 'scb6' : 'scb9', scale, headerRow: null, columns, unmapped: [], pupils, problems: ctx.problems };
  } catch (e) {
    ctx.problem(ctx.addr(0, 0), String(e), 'table.readFailed', 'error', { sheet });
    return emptyTable(ctx, 'wide', scale, null);
  }
}

/** The lines of a text as rows: `at` fills one reused array, cell by cell as `line.split(d)` would. */
function lineRows(lines: string[], d: string): Rows {
  const row: string[] = [];
  const dc = d.charCodeAt(0);
  return {
    length: lines.length,
    at(r) {
      const line = lines[r];
      const len = line.length;
      let k = 0;
      let s = 0;
      for (;;) {
        // Most cells are empty or one character: look at the next two characters before searching.
        const c0 = s < len ? line.charCodeAt(s) : dc;
        let end: number;
        if (c0 === dc) {
          end = s;
          row[k] = '';
        } else if (s + 1 === len || line.charCodeAt(s + 1) === dc) {
          end = s + 1;
          row[k] = c0 < 128 ? ONE_CHAR[c0] : line[s];
        } else {
          const i = line.indexOf(d, s + 2);
          end = i === -1 ? len : i;
          // School, class, system and date repeat row after row: keep the string the row above had.
          const above = row[k];
          const n = end - s;
          if (!(above !== undefined && above.length === n && line.startsWith(above, s))) row[k] = line.slice(s, end);
        }
        k++;
        if (end >= len) break;
        s = end + 1;
      }
      if (row.length !== k) row.length = k;
      return row;
    },
    rowAt: (r) => lines[r].split(d),
  };
}

/** How a grade sheet is laid out, decided on its first rows (see `decideLayout`). */
interface Layout {
  layout: GradeTable['layout'];
  headerRow: number | null;
  columns: ColumnInfo[];
  pnrCol: number;
  idCol: number;
  /** First row of pupils. */
  start: number;
}

/**
 * The layout of a sheet that is not blank, or the empty table with its problem. Looks only at the
 * first rows: five rows with content for a headerless SCB file, 30 rows for a header row; so a
 * sheet still arriving decides as the whole sheet would once it has that many.
 */
function decideLayout(ctx: SheetContext, grid: SheetData['values'], options: ReadGradeOptions, scale: GradeScaleId): Layout | GradeTable {
  // 1. Headerless SCB file.
  const scb = scbHeaderless(grid);
  let headerRow: number | null = null;
  let columns: ColumnInfo[];
  let layout: GradeTable['layout'];
  if (scb) {
    const six = scb.width === SCB6_COLUMN_COUNT;
    columns = scb9Columns(ctx, options.mapping, six ? SCB6_COLUMNS : SCB9_COLUMNS);
    layout = six ? 'scb6' : 'scb9';
  } else {
    // 2. A header row (title rows may sit above it).
    // Letter keys (`D`) name columns, not header texts: a grade `D` must not make a row look like a header.
    const overrideKeys = new Set(Object.keys(options.mapping ?? {}).filter((k) => !/^[A-Za-z]{1,3}$/.test(k.trim()) || matchHeader(k)).map((k) => normalizeHeader(k)));
    const found = findHeaderRow(grid, (h) => matchHeader(h) !== null || overrideKeys.has(h), { minScore: 2, maxScan: HEADER_SCAN });
    if (!found) {
      const first = grid.findIndex((row) => !isBlankRow(row));
      ctx.problem(ctx.addr(first, 0), null, 'table.noHeader', 'error', { sheet: ctx.sheet });
      return emptyTable(ctx, 'wide', scale, null);
    }
    headerRow = found.row;
    const hdr = grid[headerRow];
    const headers: string[] = [];
    for (let c = 0; c < rowWidth(hdr, 0); c++) headers.push(cellText(hdr[c]));
    columns = buildColumns(ctx, headers, headerRow, options.mapping);
    const lower = new Set(headers.map((h) => normalizeHeader(h)));
    const scbNames = ['system', 'datum', 'version', 'personnr', 'skolenhetskod', 'fornamn'].filter((n) => lower.has(n)).length;
    const hasSubjects = columns.some((c) => c.mapping?.role === 'subject');
    const isLong = !hasSubjects && columns.some((c) => c.mapping?.role === 'subjectName') && columns.some((c) => c.mapping?.role === 'grade');
    if (!hasSubjects && (colOf(columns, 'subjectName') >= 0) !== (colOf(columns, 'grade') >= 0)) {
      ctx.problem(ctx.addr(headerRow, 0), null, 'table.long.noGrade', 'error');
      return emptyTable(ctx, 'long', scale, headerRow + 1, columns);
    }
    if (isLong) layout = 'long';
    else if (scbNames >= 3) layout = columns.some((c) => c.mapping?.role === 'subject' && (c.mapping.subject === 'No' || c.mapping.subject === 'So')) ? 'scb6' : 'scb9';
    else layout = 'wide';
  }
  const pnrCol = colOf(columns, 'personnummer');
  const idCol = colOf(columns, 'id');
  if (pnrCol < 0 && idCol < 0) {
    ctx.problem(ctx.addr(headerRow ?? 0, 0), null, 'table.id.noColumn', 'error', { sheet: ctx.sheet });
    return emptyTable(ctx, layout, scale, headerRow === null ? null : ctx.rowNumber(headerRow), columns);
  }
  return { layout, headerRow, columns, pnrCol, idCol, start: headerRow === null ? 0 : headerRow + 1 };
}

/** Rows a header row is looked for in (findHeaderRow's default). */
const HEADER_SCAN = 30;

/** The table of a sheet read as `l` says, once its pupils are read; `unnamed`: data columns without a header (`(F)`). */
function tableOf(ctx: SheetContext, l: Layout, scale: GradeScaleId, pupils: PupilRecord[], unnamed: string[]): GradeTable {
  return {
    sheet: ctx.sheet,
    layout: l.layout,
    scale,
    headerRow: l.headerRow === null ? null : ctx.rowNumber(l.headerRow),
    columns: l.columns,
    unmapped: [...l.columns.filter((c) => c.mapping === null && c.header !== '').map((c) => c.header), ...(l.headerRow === null ? [] : unnamed)],
    pupils,
    problems: ctx.problems,
  };
}

function readGrades(ctx: SheetContext, grid: SheetData['values'], options: ReadGradeOptions, scale: GradeScaleId): GradeTable {
  if (grid.every((row) => isBlankRow(row))) {
    ctx.problem(ctx.addr(0, 0), null, 'table.empty', 'error', { sheet: ctx.sheet });
    return emptyTable(ctx, 'wide', scale, null);
  }
  const l = decideLayout(ctx, grid, options, scale);
  if (!('start' in l)) return l;
  const hasRows = grid.slice(l.start).some((row) => !isBlankRow(row));
  if (!hasRows) {
    ctx.problem(ctx.addr(l.headerRow ?? 0, 0), null, 'table.noRows', 'error', { sheet: ctx.sheet });
    return emptyTable(ctx, l.layout, scale, l.headerRow === null ? null : ctx.rowNumber(l.headerRow), l.columns);
  }
  const pupils = l.layout === 'long'
    ? readLong(ctx, grid, l.columns, l.start, l.pnrCol, l.idCol, options, scale)
    : readWide(ctx, gridRows(grid), l.columns, l.start, l.pnrCol, l.idCol, options, scale, l.layout === 'scb9' || l.layout === 'scb6' ? l.columns.length : 0);
  return tableOf(ctx, l, scale, pupils, l.headerRow === null ? [] : unnamedDataColumns(ctx, grid, l.headerRow, l.columns));
}

/**
 * Columns with data below an empty header cell: listed as `(F)` so they are not dropped silently.
 */
function unnamedDataColumns(ctx: SheetContext, grid: SheetData['values'], headerRow: number, columns: ColumnInfo[]): string[] {
  let width = 0;
  for (let r = headerRow + 1; r < grid.length; r++) width = Math.max(width, grid[r].length);
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    if (columns[c] && columns[c].header !== '') continue;
    for (let r = headerRow + 1; r < grid.length; r++) {
      if (cellText(grid[r][c]) !== '') {
        out.push(`(${ctx.letter(c)})`);
        break;
      }
    }
  }
  return out;
}

const PERSON_ROLES: ReadonlySet<string> = new Set(['firstName', 'lastName', 'name', 'class', 'school', 'gender', 'englishExemption', 'newlyArrived', 'arrivalDate', 'unknownBackground']);

/** Person fields shared by the wide and long readers. */
function readPerson(
  ctx: SheetContext,
  row: ReadonlyArray<CellValue>,
  r: number,
  columns: ColumnInfo[],
  ident: RowIdentity,
): PupilRecord {
  const rec: PupilRecord = {
    row: ctx.rowNumber(r),
    id: ident.id,
    personnummer: ident.personnummer,
    className: null,
    school: null,
    gender: ident.gender,
    grades: [],
  };
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i];
    const m = col.mapping;
    if (!m) continue;
    const v = row[col.index];
    switch (m.role) {
      case 'firstName': { const s = cellText(v); if (s) rec.firstName = s; break; }
      case 'lastName': { const s = cellText(v); if (s) rec.lastName = s; break; }
      case 'name': {
        const s = cellText(v);
        if (!s) break;
        // "Efternamn, Förnamn" is the usual Swedish list form; otherwise keep the whole name.
        const comma = s.indexOf(',');
        if (comma > 0 && rec.firstName === undefined && rec.lastName === undefined) {
          rec.lastName = s.slice(0, comma).trim();
          rec.firstName = s.slice(comma + 1).trim();
        } else if (rec.firstName === undefined) rec.firstName = s;
        break;
      }
      case 'class': rec.className = cellText(v) || null; break;
      case 'school': rec.school = cellText(v) || null; break;
      case 'gender': {
        const g = parseGenderValue(v);
        if (g === undefined) ctx.problem(ctx.addr(r, col.index), v, 'table.gender.invalid', 'warning');
        else if (g !== null) rec.gender = g;
        break;
      }
      case 'englishExemption': {
        const y = parseYesNo(v);
        if (y === undefined) ctx.problem(ctx.addr(r, col.index), v, 'table.exemption.invalid', 'warning');
        else rec.englishExemption = y;
        break;
      }
      case 'newlyArrived':
      case 'unknownBackground': {
        // An unreadable flag is listed and not used: the pupil counts as not flagged.
        const y = parseYesNo(v);
        if (y === undefined) ctx.problem(ctx.addr(r, col.index), v, m.role === 'newlyArrived' ? 'table.newlyArrived.invalid' : 'table.unknownBackground.invalid', 'warning');
        else rec[m.role] = y;
        break;
      }
      case 'arrivalDate': {
        if (cellText(v) === '') break;
        const day = dayNumber(typeof v === 'string' ? v.trim() : v);
        if (day === null) ctx.problem(ctx.addr(r, col.index), v, 'table.arrivalDate.invalid', 'warning');
        else rec.arrivalDate = isoDate(day);
        break;
      }
      default:
        break;
    }
  }
  return rec;
}

const LANGUAGE_CACHE = new Map<string, string | null>();

/** Reads the language cell of an M1/M2/ML column pair; bad codes are a warning. */
function readLanguage(ctx: SheetContext, row: ReadonlyArray<CellValue>, r: number, col: number): string | undefined {
  const v = row[col];
  if (typeof v === 'string') {
    const hit = LANGUAGE_CACHE.get(v);
    if (hit !== undefined) return hit ?? undefined;
  }
  const s = cellText(v);
  let result: string | null;
  if (s === '' || s === '2') result = null;
  else if (!/^[A-Za-z]{3}$/.test(s)) {
    ctx.problem(ctx.addr(r, col), v, 'table.language.invalid', 'warning');
    return undefined;
  } else result = normalizeLanguage(s);
  if (typeof v === 'string' && v.length <= 6 && LANGUAGE_CACHE.size < 1000) LANGUAGE_CACHE.set(v, result);
  return result ?? undefined;
}

interface SubjectColumn {
  index: number;
  subject: SubjectCode;
  language?: string;
  langCol: number;
  prefix: string;
  /** Shared frozen grades of this column by entry (and language): 2.5 million objects become a few hundred. */
  interned: Map<string | undefined, Map<GradeEntry, SubjectGrade>>;
  /** The grade of a one-character cell (index = char code, 0 = empty) once read; language-free columns only. */
  byChar: (SubjectGrade | undefined)[];
  /** The same per language cell text, for a column with a language cell. */
  byLanguage: Map<string, (SubjectGrade | undefined)[]>;
}

/** The grade of a column for an entry: one frozen object shared by every pupil with the same result. */
function internedGrade(sc: SubjectColumn, language: string | undefined, entry: GradeEntry): SubjectGrade {
  let byEntry = sc.interned.get(language);
  if (byEntry === undefined) sc.interned.set(language, (byEntry = new Map()));
  let g = byEntry.get(entry);
  if (g === undefined) {
    g = Object.freeze(language ? { subject: sc.subject, language, entry } : { subject: sc.subject, entry });
    // Entries parsed from numbers or long text are fresh objects: do not let those grow the map.
    if (byEntry.size < 64) byEntry.set(entry, g);
  }
  return g;
}

const ROW_GRADES: SubjectGrade[] = [];

/** The grades of one wide row; kept small so the engine optimises the hot loop. */
function readRowGrades(
  ctx: SheetContext,
  row: ReadonlyArray<CellValue>,
  r: number,
  rowNum: number,
  rec: PupilRecord,
  subjectCols: SubjectColumn[],
  scale: GradeScaleId,
  hasSv: boolean,
  hasSva: boolean,
): void {
  // The row's address is made only for a problem: most rows have none (100 000 number texts saved).
  let svMissingPrefix: string | null = null;
  let svGraded = false;
  // Collected in a scratch list and copied once at its exact length: growing each pupil's list by
  // push made (and dropped) a larger one, 100 000 times.
  const grades = ROW_GRADES;
  grades.length = 0;
  for (let i = 0; i < subjectCols.length; i++) {
    const sc = subjectCols[i];
    const v = row[sc.index];
    // Most cells are one character (or empty): one array lookup finds the shared grade. A column
    // with a language cell (M1, M2, ML) has such an array per language already read without a
    // problem. Anything else, and every error, takes the full path.
    let chars: (SubjectGrade | undefined)[] | undefined = sc.byChar;
    if (sc.langCol >= 0) {
      const lv = row[sc.langCol];
      chars = undefined;
      if (typeof lv === 'string' && LANGUAGE_CACHE.has(lv)) {
        chars = sc.byLanguage.get(lv);
        if (chars === undefined) sc.byLanguage.set(lv, (chars = new Array<SubjectGrade | undefined>(128).fill(undefined)));
      }
    }
    let code = -1;
    if (chars !== undefined) {
      // An empty workbook cell (null) is an empty text: the same shared grade.
      if (v === null || v === undefined) code = 0;
      else if (typeof v === 'string' && v.length <= 1) code = v.length === 0 ? 0 : v.charCodeAt(0) || -1;
    }
    let g = code >= 0 && code < 128 ? chars![code] : undefined;
    if (g === undefined) {
      const res = parseGradeCell(v, scale);
      const language = sc.language ?? (sc.langCol >= 0 ? readLanguage(ctx, row, r, sc.langCol) : undefined);
      const entry = (res as { entry?: GradeEntry }).entry;
      if (entry === undefined) {
        ctx.problem(sc.prefix + rowNum, v, (res as { error: string }).error, 'error', { subject: subjectLabel(sc.subject, language) });
        if (sc.subject === 'Sv' || sc.subject === 'Sva') svGraded = true;
        continue;
      }
      g = internedGrade(sc, language, entry);
      if (code >= 0 && code < 128) chars![code] = g;
    }
    // No per-grade address in the wide hot path: 2.5 million strings for 100 000 pupils cost 40 %
    // of the read. Every problem still carries its address; a grade's cell is its row and column.
    // Grades are shared read-only objects (as entries are): pupils never own or change them.
    grades.push(g);
    const kind = g.entry.kind;
    if (sc.subject === 'Sv' || sc.subject === 'Sva') {
      if (kind === 'missing') svMissingPrefix ??= sc.prefix;
      else svGraded = true;
    } else if (kind === 'missing' && COMPULSORY.has(sc.subject)) {
      ctx.problem(sc.prefix + rowNum, v ?? null, 'table.grade.empty', 'warning', { subject: sc.subject, id: rec.id });
    }
  }
  rec.grades = grades.slice();
  // Sv and Sva share one place: warn only when neither holds anything.
  if ((hasSv || hasSva) && !svGraded && svMissingPrefix !== null) {
    ctx.problem(svMissingPrefix + rowNum, null, 'table.grade.empty', 'warning', { subject: hasSv && hasSva ? 'Sv/Sva' : hasSv ? 'Sv' : 'Sva', id: rec.id });
  }
}

/**
 * Rows as the wide reader takes them, in order: `at(r)` may hand out one reused array (valid until
 * the next call; a text file is read line by line, never as a grid), `rowAt(r)` a row to keep.
 */
interface Rows {
  length: number;
  at(r: number): ReadonlyArray<CellValue>;
  rowAt(r: number): ReadonlyArray<CellValue>;
}

function gridRows(grid: SheetData['values']): Rows {
  const rowAt = (r: number) => grid[r];
  return { length: grid.length, at: rowAt, rowAt };
}

function readWide(
  ctx: SheetContext,
  rows: Rows,
  columns: ColumnInfo[],
  start: number,
  pnrCol: number,
  idCol: number,
  options: ReadGradeOptions,
  scale: GradeScaleId,
  expectedWidth: number,
  onPupil?: PupilSink,
): PupilRecord[] {
  const reader = wideReader(ctx, columns, pnrCol, idCol, options, scale, expectedWidth, rows.rowAt, rows.length - start, onPupil);
  reader.take(rows, start, rows.length);
  return reader.pupils;
}

/**
 * The wide reader as a loop that can be resumed: `take` reads rows `from`..`to` (exclusive) into
 * `pupils`, so rows may be read as they arrive. `rowAt` must give any earlier row again.
 */
function wideReader(
  ctx: SheetContext,
  columns: ColumnInfo[],
  pnrCol: number,
  idCol: number,
  options: ReadGradeOptions,
  scale: GradeScaleId,
  expectedWidth: number,
  rowAt: (r: number) => ReadonlyArray<CellValue>,
  expectedRows: number,
  onPupil?: PupilSink,
): { pupils: PupilRecord[]; take(rows: Pick<Rows, 'at'>, from: number, to: number): number } {
  const subjectCols: SubjectColumn[] = [];
  for (const c of columns) {
    if (c.mapping?.role !== 'subject') continue;
    const { subject, language } = c.mapping;
    let langCol = -1;
    if (!language && (subject === 'M1' || subject === 'M2' || subject === 'ML')) {
      langCol = columns.find((x) => x.mapping?.role === 'language' && x.mapping.subject === subject)?.index ?? -1;
    }
    subjectCols.push({ index: c.index, subject, language, langCol, prefix: ctx.addr(0, c.index).replace(/\d+$/, ''), interned: new Map(), byChar: new Array<SubjectGrade | undefined>(128).fill(undefined), byLanguage: new Map() });
  }
  const hasSv = subjectCols.some((s) => s.subject === 'Sv');
  const hasSva = subjectCols.some((s) => s.subject === 'Sva');
  // The id cells are equal by construction (maybe written differently); compare the rest.
  const sigCols = columns
    .filter((c) => c.mapping && c.mapping.role !== 'other' && c.index !== pnrCol && c.index !== idCol)
    .map((c) => c.index);
  const byId = new IdRows(expectedRows);
  const pupils: PupilRecord[] = [];
  const personCols = columns.filter((c) => c.mapping && PERSON_ROLES.has(c.mapping.role));
  const check = { expectedWidth, pnrCol, idCol, referenceYear: options.referenceYear, seen: byId, sigCols, rowAt };
  return {
    pupils,
    /** Returns how many of the rows had content. */
    take(rows, from, to) {
      let filled = 0;
      for (let r = from; r < to; r++) {
        const row = rows.at(r);
        if (isBlankRow(row)) continue;
        filled++;
        const ident = pupilRowIdentity(ctx, row, r, check);
        if (!ident) continue;
        const rec = readPerson(ctx, row, r, personCols, ident);
        readRowGrades(ctx, row, r, ctx.rowNumber(r), rec, subjectCols, scale, hasSv, hasSva);
        if (onPupil) onPupil(rec, columns);
        else pupils.push(rec);
      }
      return filled;
    },
  };
}

function readLong(
  ctx: SheetContext,
  grid: SheetData['values'],
  columns: ColumnInfo[],
  start: number,
  pnrCol: number,
  idCol: number,
  options: ReadGradeOptions,
  scale: GradeScaleId,
): PupilRecord[] {
  const subjCol = colOf(columns, 'subjectName');
  const gradeCol = colOf(columns, 'grade');
  const byId = new Map<string, { rec: PupilRecord; seen: Map<string, { entry: GradeEntry; row: number; value: CellValue }> }>();
  const pupils: PupilRecord[] = [];
  for (let r = start; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    const ident = readIdentity(ctx, row, r, pnrCol, idCol, options.referenceYear, false);
    if (!ident) {
      const col = pnrCol >= 0 ? pnrCol : idCol;
      ctx.problem(ctx.addr(r, col), row[col] ?? null, 'table.id.missing', 'error', { row: ctx.rowNumber(r) });
      continue;
    }
    let pupil = byId.get(ident.id);
    if (!pupil) {
      // Identity problems once per pupil, at the pupil's first row.
      readIdentity(ctx, row, r, pnrCol, idCol, options.referenceYear, true);
      pupil = { rec: readPerson(ctx, row, r, columns, ident), seen: new Map() };
      byId.set(ident.id, pupil);
      pupils.push(pupil.rec);
    }
    const sv = row[subjCol];
    const role = matchHeader(cellText(sv));
    if (!role || role.role !== 'subject') {
      ctx.problem(ctx.addr(r, subjCol), sv ?? null, 'table.long.subject', 'error');
      continue;
    }
    const v = row[gradeCol];
    const cell = ctx.addr(r, gradeCol);
    const res = parseGradeCell(v, scale);
    if ('error' in res) {
      ctx.problem(cell, v, res.error, 'error', { subject: subjectLabel(role.subject, role.language) });
      continue;
    }
    const key = role.subject + '|' + (role.language ?? '');
    const before = pupil.seen.get(key);
    if (before) {
      const same = sameEntry(before.entry, res.entry);
      ctx.problem(cell, v, same ? 'table.long.merged' : 'table.long.conflict', same ? 'warning' : 'error', {
        id: pupil.rec.id, subject: subjectLabel(role.subject, role.language), first: cellText(before.value), firstRow: before.row, row: ctx.rowNumber(r),
      });
      continue;
    }
    pupil.seen.set(key, { entry: res.entry, row: ctx.rowNumber(r), value: v });
    const g: SubjectGrade = { subject: role.subject, entry: res.entry, cell };
    if (role.language) g.language = role.language;
    pupil.rec.grades.push(g);
    if (res.entry.kind === 'missing' && (COMPULSORY.has(role.subject) || role.subject === 'Sva')) {
      ctx.problem(cell, v ?? null, 'table.grade.empty', 'warning', { subject: role.subject, id: pupil.rec.id });
    }
  }
  return pupils;
}

/** Takes each pupil as it is read, with the sheet's columns (see `readGradeText`). */
export type PupilSink = (pupil: PupilRecord, columns: readonly ColumnInfo[]) => void;

/** The last grade table read from each sheet, with the options it was read with. */
const readTables = new WeakMap<SheetData, { key: string; table: GradeTable }>();

/**
 * `readGradeTable` for a sheet a report reads more than once (its checks, then the report itself):
 * the same SheetData with the same options is read once. A text export (`data.text`) is read line
 * by line (`readGradeText`), so a 100 000-pupil earlier file is never split into a grid.
 * The table returned is shared: callers do not change it (no reader or engine does). With
 * `remember` false the table is read (or found) but not kept for later calls.
 * @example readGradeSheet(sheet, { referenceYear: 2026 }) === readGradeSheet(sheet, { referenceYear: 2026 }) // true
 */
export function readGradeSheet(data: SheetData, options: ReadGradeOptions, remember = true): GradeTable {
  const key = JSON.stringify(options);
  const hit = readTables.get(data);
  if (hit && hit.key === key) return hit.table;
  const table = data.text !== undefined && !options.mapping ? readGradeText(data.text, data.sheet, options, data) : readGradeTable(data, options);
  // A sheet read once (an earlier year for the Historik) is not kept: its table is dropped after its figures.
  if (remember) readTables.set(data, { key, table });
  return table;
}

/**
 * The table `readGradeSheet(data, options)` has already read and kept, if any.
 * @example cachedGradeSheet(sheet, opts) === undefined // before the sheet is read
 */
export function cachedGradeSheet(data: SheetData, options: ReadGradeOptions): GradeTable | undefined {
  const hit = readTables.get(data);
  return hit && hit.key === JSON.stringify(options) ? hit.table : undefined;
}

/** Reads a grade sheet row by row as it arrives: see `gradeSheetReader`. */
export interface GradeSheetReader {
  /**
   * Row `r` (0-based, rising; rows not given are empty) with its cells. The array may be reused for
   * the next row: what is kept is copied.
   */
  row(r: number, cells: ReadonlyArray<CellValue>): void;
  /** The table of the whole sheet, once every row has been given; kept for `readGradeSheet(data, options)`. */
  finish(data: SheetData): GradeTable;
}

/** A duplicate whose first row was not kept: the sheet is read whole at `finish`. */
class NeedsWholeSheet extends Error {}

/**
 * `readGradeSheet` for a sheet whose rows arrive one by one (a workbook's sheet as it is inflated),
 * without a grid: the first rows decide the layout (as `decideLayout` does on the whole sheet), then
 * each row is read as it comes and dropped. `finish` gives the table `readGradeSheet` gives on the
 * whole sheet (a test holds them equal on every fixture); what needs the whole sheet (a blank sheet,
 * a long list, no pupils, a duplicate of a row not kept, a failure) is read from `data.values` there.
 * @example const r = gradeSheetReader('Betyg', opts); rows.forEach((cells, i) => r.row(i, cells)); r.finish({ sheet: 'Betyg', values: rows })
 */
export function gradeSheetReader(sheet: string, options: ReadGradeOptions): GradeSheetReader {
  const scale = options.scale ?? 'AF';
  /** The first rows, copied: the layout is decided on them, and a duplicate's first row may be among them. */
  const head: CellValue[][] = [];
  const ctx = sheetContext({ sheet, values: head, origin: { row: 0, col: 0 } }, options.lang ?? 'sv');
  let state: 'waiting' | 'reading' | 'whole' = options.mapping ? 'whole' : 'waiting';
  let layout: Layout | null = null;
  let reader: ReturnType<typeof wideReader> | null = null;
  let filled = 0;
  let headFilled = 0;
  let lastRow = -1;
  // Columns with data under an empty header (unnamedDataColumns), found as the rows pass.
  let width = 0;
  const unnamed = new Set<number>();
  const one = { row: [] as ReadonlyArray<CellValue>, at: (_r: number) => one.row };
  const rowAt = (r: number): ReadonlyArray<CellValue> => {
    if (r < head.length) return head[r];
    throw new NeedsWholeSheet();
  };
  const read = (r: number, cells: ReadonlyArray<CellValue>): void => {
    const l = layout!;
    if (l.headerRow !== null && r > l.headerRow) {
      if (cells.length > width) width = cells.length;
      for (let c = 0; c < cells.length; c++) {
        if ((c < l.columns.length && l.columns[c].header !== '') || unnamed.has(c)) continue;
        if (cellText(cells[c]) !== '') unnamed.add(c);
      }
    }
    if (r < l.start) return;
    one.row = cells;
    filled += reader!.take(one, r, r + 1);
  };
  const decide = (): void => {
    const l = decideLayout(ctx, head, options, scale);
    if (!('start' in l) || l.layout === 'long') {
      state = 'whole';
      return;
    }
    layout = l;
    const scb = l.layout === 'scb9' || l.layout === 'scb6';
    reader = wideReader(ctx, l.columns, l.pnrCol, l.idCol, options, scale, scb ? l.columns.length : 0, rowAt, 1 << 16);
    state = 'reading';
    for (let r = 0; r < head.length; r++) read(r, head[r]);
  };
  return {
    row(r, cells) {
      if (state === 'whole') return;
      // Rows out of order (not valid OOXML; the grid keeps the last of a row given twice): read whole.
      if (r <= lastRow) {
        state = 'whole';
        return;
      }
      lastRow = r;
      try {
        if (state === 'waiting') {
          while (head.length < r) head.push([]);
          head[r] = cells.slice();
          if (!isBlankRow(cells)) headFilled++;
          // Five rows with content (SCB) among at least the rows a header is looked for in.
          if (head.length >= HEADER_SCAN && headFilled >= 5) decide();
          return;
        }
        read(r, cells);
      } catch {
        // Read again whole at the end, where readGradeTable turns a failure into its problem.
        state = 'whole';
      }
    },
    finish(data) {
      let table: GradeTable | null = null;
      try {
        if (state === 'waiting') decide();
        if (state === 'reading' && filled > 0) {
          const names: string[] = [];
          for (let c = 0; c < width; c++) if (unnamed.has(c)) names.push(`(${ctx.letter(c)})`);
          table = tableOf(ctx, layout!, scale, reader!.pupils, names);
        }
      } catch {
        table = null;
      }
      table ??= readGradeTable(data, options);
      readTables.set(data, { key: JSON.stringify(options), table });
      return table;
    },
  };
}
