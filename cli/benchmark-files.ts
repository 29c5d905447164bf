/**
 * Reads the files given to `report --benchmarks` for core: a workbook (.xlsx/.xlsm, or any file that
 * is a zip) through the CLI's own reader, as sheets; anything else (.json, .csv, .txt, .tsv) as text,
 * decoded as the grade files are (UTF-8 with or without BOM, else Windows-1252, so a
 * PxWeb CSV saved in Windows-1252 reads). Which format it is, core decides from the content.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { SheetData } from '../core/app';
import { decodeText } from '../core/table/text';
import { CliError, readInput, sheetData } from './io';
import { XlsxPackage } from './xlsx/package';

export interface BenchmarkInput {
  name: string;
  text?: string;
  sheets?: SheetData[];
}

/** One `--benchmarks` file as core's `benchmarkFiles` takes it; missing or unreadable files are CliErrors naming them. */
export async function readBenchmarkInput(path: string): Promise<BenchmarkInput> {
  const name = basename(path);
  const ext = extname(path).toLowerCase();
  // Workbooks (and .xls/.ods, which readInput refuses with its own message) go through the package reader.
  if (['.xlsx', '.xlsm', '.xls', '.ods'].includes(ext)) return { name, sheets: (await readInput(path, { skipGenerated: false })).sheets };
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('cli.error.fileMissing', { file: path });
    if (code === 'EISDIR') throw new CliError('cli.error.isDirectory', { file: path });
    throw new CliError('cli.error.fileUnreadable', { file: path, reason: code ?? String(e) });
  }
  // A workbook saved under another name is still a workbook (zip magic `PK`).
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let pkg: XlsxPackage;
    try {
      pkg = XlsxPackage.open(bytes);
    } catch (e) {
      throw new CliError('cli.error.notXlsx', { file: path, reason: e instanceof Error ? e.message : String(e) });
    }
    return { name, sheets: pkg.worksheets.map((ws) => sheetData(pkg, ws, path)) };
  }
  return { name, text: decodeText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)).text };
}
