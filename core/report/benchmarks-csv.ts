/**
 * Kolada's table export (CSV or Excel, as saved from kolada.se) read into Benchmark records.
 *
 * Kolada documents its data as four dimensions, "KPI, municipal or organizational unit, year, gender:
 * data" (API README, github.com/Hypergene/kolada); the web export's column headers are not documented
 * where we could read them. So the header row is found by names: a KPI id column (or a KPI title or a
 * title line above the table holding an id such as N15436), a unit column (id or name), and either a
 * year column with a value column (long form) or one column per year (wide form); gender is optional
 * (total when absent). Recognised by content: without a Kolada KPI id anywhere it is not this format.
 */
import type { SheetData } from '../app';
import type { CellValue, Lang, Problem } from '../types';
import { cellAddress } from '../table/address';
import { benchmarkMeasure, type Benchmark } from './benchmarks';
import { cellNumber, cellProblem, cellText, genderOf, unitFrom, yearOf } from './benchmarks-cells';

type Col = 'kpi' | 'title' | 'unitId' | 'unit' | 'year' | 'gender' | 'value';

const HEADERS: [Col, RegExp][] = [
  ['kpi', /^(kpi|kpi[- ]?id|nyckeltals?[- ]?id|id)$/i],
  ['title', /^(nyckeltal|kpi[- ]?(titel|namn)|titel|title)$/i],
  ['unitId', /^(kommun[- ]?id|kommunkod|municipality[- ]?id|region[- ]?id|områdes?[- ]?id)$/i],
  ['unit', /^(kommun|kommun[- ]?namn|municipality|område|region|enhet)$/i],
  ['year', /^(år|period|year|tid)$/i],
  ['gender', /^(kön|gender)$/i],
  ['value', /^(värde|value|utfall)$/i],
];

const KPI_ID = /\b([NU]\d{5})\b/;

/**
 * Reads one sheet (or a CSV's rows) of Kolada's export; null when the rows are not that format (no
 * header with a unit column and values, or no Kolada KPI id anywhere). Rows of KPIs without a twin of
 * ours are skipped; unreadable years and values are warnings with their cell.
 * @example parseKoladaTable({ sheet: 'k.csv', values: [['KPI', 'Kommun', 'År', 'Kön', 'Värde'], ['N15436', '1280', '2025', 'T', '84,5']] }, 'k.csv', 'sv')?.rows[0].value // 0.845
 */
export function parseKoladaTable(data: SheetData, source: string, lang: Lang): { rows: Benchmark[]; problems: Problem[] } | null {
  const values = data.values;
  const origin = data.origin ?? { row: 0, col: 0 };
  const address = (r: number, c: number) => cellAddress(data.sheet, origin.row + r, origin.col + c);
  let header = -1;
  const at: Partial<Record<Col, number>> = {};
  const yearCols: [number, number][] = [];
  for (let r = 0; r < Math.min(values.length, 15) && header < 0; r++) {
    const found: Partial<Record<Col, number>> = {};
    const years: [number, number][] = [];
    (values[r] ?? []).forEach((v, c) => {
      const s = cellText(v);
      const col = HEADERS.find(([, re]) => re.test(s))?.[0];
      if (col && found[col] === undefined) found[col] = c;
      else if (/^(19|20)\d{2}$/.test(s) || (typeof v === 'number' && yearOf(v) !== null)) years.push([c, Number(s)]);
    });
    const hasUnit = found.unitId !== undefined || found.unit !== undefined;
    if (hasUnit && ((found.year !== undefined && found.value !== undefined) || years.length > 0)) {
      header = r;
      Object.assign(at, found);
      if (found.value === undefined) yearCols.push(...years);
    }
  }
  if (header < 0) return null;
  // A KPI id for the whole table from the lines above the header (the export's title), if any.
  let tableKpi: string | null = null;
  for (let r = 0; r < header && !tableKpi; r++) for (const v of values[r] ?? []) tableKpi ??= KPI_ID.exec(cellText(v))?.[1] ?? null;
  const kpiOf = (row: readonly CellValue[]): string | null =>
    KPI_ID.exec(cellText(at.kpi !== undefined ? row[at.kpi] : undefined))?.[1] ?? KPI_ID.exec(cellText(at.title !== undefined ? row[at.title] : undefined))?.[1] ?? tableKpi;
  const dataRows = values.slice(header + 1);
  if (!dataRows.some((row) => row && kpiOf(row))) return null;

  const rows: Benchmark[] = [];
  const problems: Problem[] = [];
  const src = `Kolada (${source})`;
  for (let i = 0; i < dataRows.length; i++) {
    const row = dataRows[i];
    const r = header + 1 + i;
    if (!row || row.every((v) => cellText(v) === '')) continue;
    const kpi = kpiOf(row);
    const measure = kpi ? benchmarkMeasure(kpi) : null;
    if (!kpi || measure?.source !== 'kolada') continue;
    const unitCol = at.unitId !== undefined && cellText(row[at.unitId]) ? at.unitId : at.unit;
    const unit = unitFrom(unitCol === undefined ? undefined : row[unitCol]);
    if (!unit) {
      problems.push(cellProblem(address(r, unitCol ?? 0), null, 'benchmarkUnit', source, lang));
      continue;
    }
    const gender = at.gender === undefined || cellText(row[at.gender]) === '' ? 'total' : genderOf(row[at.gender]);
    if (!gender) continue; // a breakdown we do not keep (e.g. an age group)
    const cells: [number, number | null][] = yearCols.length ? yearCols : [[at.value!, yearOf(row[at.year!])]];
    if (!yearCols.length && cells[0][1] === null) {
      problems.push(cellProblem(address(r, at.year!), row[at.year!] ?? null, 'benchmarkYear', source, lang));
      continue;
    }
    for (const [c, year] of cells) {
      const v = cellNumber(row[c]);
      if (v === undefined) {
        problems.push(cellProblem(address(r, c), row[c] ?? null, 'benchmarkValue', source, lang));
        continue;
      }
      // Kolada gives shares in percent; rounded past float noise (86.4 / 100).
      const value = v === null ? null : measure.percent ? Math.round(v * 1e8) / 1e10 : v;
      rows.push({ kpi, unit: unit.unit, code: unit.code, year: year!, gender, value, source: src });
    }
  }
  return { rows, problems };
}
