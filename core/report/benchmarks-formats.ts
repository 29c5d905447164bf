/**
 * Which reader a benchmark file needs, for every file a user can download today: Kolada's API response (JSON),
 * Kolada's table export (CSV or Excel) and a CSV from Skolverket's statistikdatabas (PxWeb). The
 * format is told from the content, never from the file name; hosts hand over the text of a text file
 * or the sheets of a workbook they read themselves. Pure: no file or network access.
 */
import type { SheetData } from '../app';
import { t } from '../i18n';
import type { Lang, Problem } from '../types';
import { detectDelimiter, parseDelimited } from '../table/text';
import { parseKoladaJson, type Benchmark } from './benchmarks';
import { parseKoladaTable } from './benchmarks-csv';
import { parsePxWeb } from './benchmarks-pxweb';

/** A downloaded benchmark file as the host read it: its text (JSON, CSV) or its sheets (xlsx). */
export interface BenchmarkFile {
  name: string;
  text?: string;
  sheets?: SheetData[];
}

export type BenchmarkFormat = 'kolada-json' | 'kolada-table' | 'pxweb';

const FORMAT_NAMES: Record<BenchmarkFormat, string> = { 'kolada-json': 'Kolada API (JSON)', 'kolada-table': 'Kolada export', pxweb: 'Skolverket PxWeb' };

/**
 * The rows of a delimited text. PxWeb puts a one-cell title and a blank line first, which would make
 * the shared delimiter guess fall back to `;`: the guess is made on the lines after them.
 * @example textRows('"Titel"\n\n"region","2025"\n"1280 Malmö",84.5')[2] // ['region', '2025']
 */
export function textRows(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r?\n/);
  let skip = 0;
  while (skip < lines.length && (/^\s*$/.test(lines[skip]) || /^\s*"[^"]*"\s*$/.test(lines[skip]))) skip++;
  return parseDelimited(body, detectDelimiter(lines.slice(skip).join('\n')));
}

/**
 * Reads a benchmark file of any of the three formats into Benchmark records (shares as fractions,
 * each with KPI id, unit code, year, gender and source). A file of no known format is one error
 * naming it; a known format without any of our indicators is one warning; unreadable rows are
 * warnings with their cell (`'kolada.csv'!E7`).
 * @example readBenchmarkFile({ name: 'k.csv', text: 'KPI;Kommun;År;Kön;Värde\nN15436;0000;2025;T;85,7' }, 'sv').rows[0] // { kpi: 'N15436', unit: 'riket', code: '0000', year: 2025, gender: 'total', value: 0.857, source: 'Kolada (k.csv)' }
 */
export function readBenchmarkFile(file: BenchmarkFile, lang: Lang): { rows: Benchmark[]; problems: Problem[]; format: BenchmarkFormat | null } {
  const text = file.text?.replace(/^\uFEFF/, '');
  const rows: Benchmark[] = [];
  const problems: Problem[] = [];
  let format: BenchmarkFormat | null = null;
  if (text !== undefined && /^\s*[[{]/.test(text)) {
    const got = parseKoladaJson(text, file.name, lang);
    rows.push(...got.rows);
    problems.push(...got.problems);
    if (!got.problems.length) format = 'kolada-json';
  }
  const json = text !== undefined && /^\s*[[{]/.test(text);
  const sheets: SheetData[] = file.sheets ?? (text !== undefined && !json ? [{ sheet: file.name, values: textRows(text), origin: { row: 0, col: 0 } }] : []);
  for (const sheet of sheets) {
    const kolada = parseKoladaTable(sheet, file.name, lang);
    const got = kolada ?? parsePxWeb(sheet, file.name, lang);
    if (!got) continue;
    format ??= kolada ? 'kolada-table' : 'pxweb';
    rows.push(...got.rows);
    problems.push(...got.problems);
  }
  if (!format && !json) {
    problems.push({ cell: file.name, value: null, code: 'report.benchmarkFormat', severity: 'error', message: t(lang, 'report.problem.benchmarkFormat', { source: file.name }) });
  } else if (format && !rows.length && !problems.length) {
    problems.push({ cell: file.name, value: null, code: 'report.benchmarkNone', severity: 'warning', message: t(lang, 'report.problem.benchmarkNone', { source: file.name, format: FORMAT_NAMES[format] }) });
  }
  return { rows, problems, format };
}
