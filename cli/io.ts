/**
 * Reads input files into SheetData for core: text exports (.txt/.csv, any of the encodings and
 * delimiters core/table/text understands) and workbooks (.xlsx, every sheet or one by name).
 * Errors are CliErrors with a Swedish/English message naming the file; never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import type { SheetData } from '../core/app';
import type { CellValue } from '../core/types';
import { decodeText, parseDelimited } from '../core/table/text';
import { loadWorkbook } from './xlsx/workbook';
import { findMarkedSheets } from './xlsx/apply';

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
}

export interface InputFile {
  path: string;
  kind: 'text' | 'xlsx';
  sheets: SheetData[];
  /** The workbook as read, for `report` to add sheets to (xlsx only). */
  workbook?: ExcelJS.Workbook;
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

/** Reads `path` (.txt, .csv, .tsv, .xlsx) into sheets. */
export async function readInput(path: string, options: ReadOptions = {}): Promise<InputFile> {
  const ext = extname(path).toLowerCase();
  const bytes = await bytesOf(path);
  if (ext === '.xlsx' || ext === '.xlsm') return readXlsx(path, bytes, options);
  if (ext === '.txt' || ext === '.csv' || ext === '.tsv' || ext === '.skv' || ext === '') {
    // A workbook with a text extension is still a workbook (zip magic `PK`).
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(path, bytes, options);
    const { text, encoding } = decodeText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // The rows are split when first asked for: `grades` reads the text line by line instead.
    let rows: string[][] | undefined;
    const sheet: SheetData = { sheet: baseName(path), get values() { return (rows ??= parseDelimited(text)); }, origin: { row: 0, col: 0 } };
    return { path, kind: 'text', encoding, text, sheets: [sheet] };
  }
  if (ext === '.xls' || ext === '.ods') throw new CliError('cli.error.saveAsXlsx', { file: path });
  throw new CliError('cli.error.unsupportedType', { file: path });
}

async function readXlsx(path: string, bytes: Buffer, options: ReadOptions): Promise<InputFile> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // JSZip's own wording ("end of central directory", a URL) means nothing to a user.
    throw new CliError(/zip|central directory/i.test(message) ? 'cli.error.notZip' : 'cli.error.notXlsx', { file: path, reason: message });
  }
  const generated = options.skipGenerated === false ? new Set<string>() : new Set(findMarkedSheets(wb).values());
  let sheets = wb.worksheets;
  if (options.sheet !== undefined) {
    const ws = wb.worksheets.find((w) => w.name === options.sheet) ?? wb.worksheets.find((w) => w.name.toLowerCase() === options.sheet!.toLowerCase());
    if (!ws) throw new CliError('cli.error.sheetMissing', { sheet: options.sheet, file: path, sheets: wb.worksheets.map((w) => w.name).join(', ') });
    sheets = [ws];
  } else {
    sheets = sheets.filter((w) => !generated.has(w.name));
  }
  if (!sheets.length) throw new CliError('cli.error.noSheets', { file: path });
  return { path, kind: 'xlsx', workbook: wb, sheets: sheets.map((ws) => ({ sheet: ws.name, values: worksheetValues(ws), origin: { row: 0, col: 0 } })) };
}

/** A worksheet's values from A1 to its last used cell, as core's CellValue. */
export function worksheetValues(ws: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      out[col - 1] = cellValue(cell.value);
    });
    for (let i = 0; i < out.length; i++) if (!(i in out)) out[i] = null;
    rows[rowNumber - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return rows;
}

/**
 * ExcelJS cell value → CellValue: a formula gives its result, rich text and hyperlinks their
 * text, an error its text (`#N/A`), dates stay Date.
 */
export function cellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if ('richText' in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('error' in o) return String(o.error);
    if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? cellValue(o.result as ExcelJS.CellValue) : null;
    if ('hyperlink' in o) return cellValue(o.text as ExcelJS.CellValue);
    if ('text' in o) return cellValue(o.text as ExcelJS.CellValue);
  }
  return String(v);
}
