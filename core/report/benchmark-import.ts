/**
 * Importing benchmark files into the Jämförelsetal sheet: the one path for every host. The CLI's
 * `report --benchmarks` (through buildReport) and the pane's "Importera fil" and "Hämta från Kolada"
 * all read files with `readBenchmarkFiles`, so a format added there works everywhere.
 */
import type { SheetData } from '../app';
import type { Lang, Problem } from '../types';
import { buildJamforelse, mergeBenchmarks, readBenchmarks, type Benchmark } from './benchmarks';
import { readBenchmarkFile, type BenchmarkFile } from './benchmarks-formats';
import type { ReportModel } from './model';
import type { SheetPlan } from './plan';

/** A file the user chose (or Kolada's answer): its text, or the sheets of an .xlsx; `name` is shown as the rows' source. */
export type { BenchmarkFile };

/**
 * The benchmark rows of files, in the order given, with their problems: Kolada's API response (JSON),
 * Kolada's export (CSV/xlsx) and Skolverket's PxWeb CSV, told apart by content (benchmarks-formats.ts).
 * @example readBenchmarkFiles([{ name: 'k.json', text }], 'sv').rows.length
 */
export function readBenchmarkFiles(files: readonly BenchmarkFile[], lang: Lang): { rows: Benchmark[]; problems: Problem[] } {
  const rows: Benchmark[] = [];
  const problems: Problem[] = [];
  for (const f of files) {
    const r = readBenchmarkFile(f, lang);
    problems.push(...r.problems);
    rows.push(...r.rows);
  }
  return { rows, problems };
}

export interface BenchmarkImport {
  /** The Jämförelsetal sheet to write: the workbook's rows with the imported ones merged in; null when there are none. */
  sheet: SheetPlan | null;
  /** The rows the files gave (before merging). */
  imported: Benchmark[];
  problems: Problem[];
}

/**
 * Imports files into the Jämförelsetal sheet without a report: reads the workbook's sheet (`existing`,
 * rows a user typed included), merges the files' rows over it by KPI, code, year and gender, and lays
 * the sheet out as a report would.
 * @example importBenchmarks(undefined, [{ name: 'kolada.json', text }], 'sv').sheet?.key // 'jamforelse'
 */
export function importBenchmarks(existing: SheetData | undefined, files: readonly BenchmarkFile[], lang: Lang): BenchmarkImport {
  const kept = existing ? readBenchmarks(existing, lang) : { rows: [], problems: [] };
  const read = readBenchmarkFiles(files, lang);
  // buildJamforelse reads only the language and the rows of the model.
  const model = { lang, benchmarks: mergeBenchmarks(kept.rows, read.rows) } as Pick<ReportModel, 'lang' | 'benchmarks'> as ReportModel;
  return { sheet: read.rows.length ? buildJamforelse(model) : null, imported: read.rows, problems: [...kept.problems, ...read.problems] };
}
