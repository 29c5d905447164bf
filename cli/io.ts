/**
 * Reads input files into SheetData for core: text exports (.txt/.csv, any of the encodings and
 * delimiters core/table/text understands) and workbooks (.xlsx/.xlsm, read from the package
 * as written: values of the sheets asked for, nothing else parsed).
 * Errors are CliErrors with a Swedish/English message naming the file; never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { basename, extname } from 'node:path';
import { CREATE_ONCE_KINDS, type ReportKind, type SheetData } from '../core/app';
import type { CellValue } from '../core/types';
import { decodeText, parseDelimited } from '../core/table/text';
import { gradeSheetReader, type ReadGradeOptions } from '../core/table/grades';
import { XlsxPackage, type SheetEntry } from './xlsx/package';
import { ZipError } from './xlsx/zipfile';

/** A user-facing failure: an i18n key of the cli area, its parameters and the exit code. */
export class CliError extends Error {
  constructor(readonly key: string, readonly params: Record<string, string | number> = {}, readonly exitCode = 2) {
    super(key);
  }
}

export interface ReadOptions {
  /** Only this sheet of a workbook (error when it does not exist). */
  sheet?: string;
  /** Leave out the sheets an earlier `report` generated (found by marker). Default true. */
  skipGenerated?: boolean;
  /**
   * The one sheet of a workbook is a grade sheet to be read with these options: its pupils are
   * read while the part is inflated, and `readGradeSheet(sheet, grades)` finds them read.
   */
  grades?: ReadGradeOptions;
}

export interface InputFile {
  path: string;
  kind: 'text' | 'xlsx';
  sheets: SheetData[];
  /** The workbook package as read, for `report` to add sheets to (xlsx only). */
  pkg?: XlsxPackage;
  /** Text encoding found (text files only). */
  encoding?: string;
  /** The decoded text (text files only). */
  text?: string;
}

/** File name without directory and extension: the sheet name of a text file. */
export function baseName(path: string): string {
  return basename(path, extname(path));
}

async function bytesOf(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('cli.error.fileMissing', { file: path });
    if (code === 'EISDIR') throw new CliError('cli.error.isDirectory', { file: path });
    throw new CliError('cli.error.fileUnreadable', { file: path, reason: code ?? String(e) });
  }
}

/**
 * core's decodeText, with Node's own UTF-8 check and decoder for the common case (a quarter of the
 * time for a 100 000-pupil export); the same text (a test holds them equal), else core decides.
 */
export function decodeBytes(bytes: Buffer): { text: string; encoding: string } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const at = bom ? 3 : 0;
  // A second BOM is left to core (its decoder drops one more).
  const again = bytes.length >= at + 3 && bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf;
  if (!again && isUtf8(bytes.subarray(at))) return { text: bytes.toString('utf8', at), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  return decodeText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** Reads `path` (.txt, .csv, .tsv, .xlsx) into sheets. */
export async function readInput(path: string, options: ReadOptions = {}): Promise<InputFile> {
  const ext = extname(path).toLowerCase();
  const bytes = await bytesOf(path);
  if (ext === '.xlsx' || ext === '.xlsm') return readXlsx(path, bytes, options);
  if (ext === '.txt' || ext === '.csv' || ext === '.tsv' || ext === '.skv' || ext === '') {
    // A workbook with a text extension is still a workbook (zip magic `PK`).
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(path, bytes, options);
    const { text, encoding } = decodeBytes(bytes);
    // The rows are split when first asked for: `grades` reads the text line by line instead.
    let rows: string[][] | undefined;
    const sheet: SheetData = { sheet: baseName(path), get values() { return (rows ??= parseDelimited(text)); }, origin: { row: 0, col: 0 }, text };
    return { path, kind: 'text', encoding, text, sheets: [sheet] };
  }
  if (ext === '.xls' || ext === '.ods') throw new CliError('cli.error.saveAsXlsx', { file: path });
  throw new CliError('cli.error.unsupportedType', { file: path });
}

async function readXlsx(path: string, bytes: Buffer, options: ReadOptions): Promise<InputFile> {
  let pkg: XlsxPackage;
  try {
    pkg = XlsxPackage.open(bytes);
  } catch (e) {
    if (e instanceof ZipError) throw new CliError(e.key, { file: path, ...e.params });
    throw new CliError('cli.error.notXlsx', { file: path, reason: e instanceof Error ? e.message : String(e) });
  }
  // Sheets an earlier report made are skipped, but for the create-once ones, which are the school's input.
  const generated = new Set<string>();
  if (options.skipGenerated !== false) for (const [key, name] of pkg.markers()) if (!CREATE_ONCE_KINDS.includes(key as ReportKind) && key !== 'historik' && key !== 'jamforelse') generated.add(name);
  let sheets: SheetEntry[];
  if (options.sheet !== undefined) {
    const ws = pkg.sheet(options.sheet);
    if (!ws || !ws.isWorksheet) throw new CliError('cli.error.sheetMissing', { sheet: options.sheet, file: path, sheets: pkg.worksheets.map((w) => w.name).join(', ') });
    sheets = [ws];
  } else {
    sheets = pkg.worksheets.filter((w) => !generated.has(w.name));
  }
  if (!sheets.length) throw new CliError('cli.error.noSheets', { file: path });
  // The one sheet to be read (asked for, or the only one) is read while it is inflated.
  let first: CellValue[][] | undefined;
  // A grade sheet is read row by row as it is inflated, without a grid; its values are read again only if asked for.
  const grades = sheets.length === 1 && options.grades ? gradeSheetReader(sheets[0].name, options.grades) : undefined;
  if (sheets.length === 1) {
    try {
      first = await pkg.loadValues(sheets[0], grades && ((r, cells) => grades.row(r, cells)));
    } catch (e) {
      if (e instanceof ZipError) throw new CliError(e.key, { file: path, ...e.params });
      throw e;
    }
  }
  const data = sheets.map((ws, i) => sheetData(pkg, ws, path, i === 0 && !grades ? first : undefined));
  grades?.finish(data[0]);
  return { path, kind: 'xlsx', pkg, sheets: data };
}

/** A sheet of a package as SheetData; its values are read on first use (only the sheets asked for are parsed). */
export function sheetData(pkg: XlsxPackage, ws: SheetEntry, path: string, loaded?: CellValue[][]): SheetData {
  let rows: CellValue[][] | undefined = loaded;
  return {
    sheet: ws.name,
    origin: { row: 0, col: 0 },
    get values() {
      if (!rows) {
        try {
          rows = pkg.values(ws);
        } catch (e) {
          if (e instanceof ZipError) throw new CliError(e.key, { file: path, ...e.params });
          throw e;
        }
      }
      return rows;
    },
  };
}
