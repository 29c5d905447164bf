/**
 * A CSV saved from Skolverket's statistikdatabas (PxWeb) read into Benchmark records.
 *
 * The layout is PxWeb's own CSV writer (PCAxis.Paxiom CsvFileSerializer, used by PxWeb and its API
 * for "csv", "csv2"…, with `,`, `;`, tab or space): an optional quoted title line and a blank line,
 * then a header of the quoted stub variable names followed by one quoted label per heading value
 * combination (several heading variables joined by a space, e.g. "2025 flickor"), or by the content
 * name when every variable is in the stub; then one row per stub combination, stub values quoted,
 * numbers with the table's decimal sign and PX data symbols (`..`, `.`, `-`) for missing values.
 * Variables are recognised by name (region, kön, år, huvudman, tabellinnehåll) or by their values;
 * the indicator by its text (behöriga till yrkesprogram, meritvärde, alla ämnen) in the content, the
 * header or the title. Skolverket's table names and variable texts are not documented to us: see
 * docs/decisions.md.
 */
import type { SheetData } from '../app';
import type { CellValue, Lang, Problem } from '../types';
import { cellAddress } from '../table/address';
import { benchmarkMeasure, skolverketKpi, type Benchmark, type BenchmarkGender, type Huvudman } from './benchmarks';
import { cellNumber, cellProblem, cellText, genderOf, huvudmanOf, indicatorOf, unitFrom, yearOf } from './benchmarks-cells';

type Role = 'region' | 'gender' | 'year' | 'huvudman' | 'content' | 'other';

const ROLE_NAMES: [Role, RegExp][] = [
  ['region', /region|kommun|område|län|geografi|municipality|riket/i],
  ['gender', /^(kön|sex|gender)$/i],
  ['year', /^(år|läsår|period|tid|year|läsår\/termin)$/i],
  ['huvudman', /huvudman|regi\b/i],
  ['content', /tabellinnehåll|innehåll|mått|uppgift|variabel|indikator|contents|statistik/i],
];
const TOTAL = /^(samtliga|totalt?|alla|total|all)\b/i;

/**
 * Reads the rows of a PxWeb CSV (or the same table saved as .xlsx); null when they are not that
 * layout (no header with stub variables followed by numeric columns).
 * @example parsePxWeb({ sheet: 'px.csv', values: [['region', 'kön', '2025'], ['1280 Malmö', 'totalt', '85,1']] }, 'px.csv', 'sv', ['Andel behöriga till yrkesprogram'])?.rows[0].kpi // 'SKV:YRK'
 */
export function parsePxWeb(data: SheetData, source: string, lang: Lang, extraTitle: string[] = []): { rows: Benchmark[]; problems: Problem[] } | null {
  const values = data.values;
  const origin = data.origin ?? { row: 0, col: 0 };
  const address = (r: number, c: number) => cellAddress(data.sheet, origin.row + r, origin.col + c);
  const filled = (row: readonly CellValue[] | undefined) => (row ?? []).filter((v) => cellText(v) !== '').length;
  // The title line(s): rows of at most one cell before the header.
  const titles = [...extraTitle];
  let header = 0;
  for (; header < values.length && filled(values[header]) <= 1; header++) {
    const text = cellText((values[header] ?? []).find((v) => cellText(v) !== ''));
    if (text) titles.push(text);
  }
  if (header >= values.length) return null;
  const head = values[header].map(cellText);
  const body: [number, readonly CellValue[]][] = [];
  for (let r = header + 1; r < values.length; r++) if (filled(values[r]) > 0) body.push([r, values[r]]);
  if (!body.length) return null;

  // Value columns: the columns at the end labelled with a year, an indicator or a gender, or holding
  // only numbers; a stub variable named as such (år) ends them. A labelled column keeps a garbled
  // cell, so it is reported rather than the column taken for a stub.
  // A heading label with a year or an indicator ("2025 kommunal huvudman") is a value column, whatever else it says.
  const named = (c: number): Role | undefined =>
    yearOf(head[c]) !== null || indicatorOf(head[c] ?? '') ? undefined : ROLE_NAMES.find(([, re]) => re.test(head[c] ?? ''))?.[0];
  let first = head.length;
  const labelled = (c: number) => yearOf(head[c]) !== null || !!indicatorOf(head[c] ?? '') || !!genderOf(head[c]);
  while (first > 0 && !named(first - 1) && (labelled(first - 1) || body.every(([, row]) => cellNumber(row[first - 1]) !== undefined))) first--;
  if (first === 0 || first === head.length) return null;

  const roles: Role[] = [];
  for (let c = 0; c < first; c++) {
    const vals = body.map(([, row]) => row[c]);
    roles.push(named(c)
      ?? (vals.every((v) => genderOf(v)) ? 'gender'
        : vals.every((v) => /^(\d{4}|G\d+)\b|riket/i.test(cellText(v))) ? 'region'
          : vals.every((v) => /^\s*(19|20)\d{2}(\s*\/\s*\d{2,4})?\s*$/.test(cellText(v))) ? 'year'
            : vals.some((v) => indicatorOf(cellText(v))) ? 'content' : 'other'));
  }
  const stub = (role: Role, row: readonly CellValue[]) => {
    const c = roles.lastIndexOf(role); // double column (code, name): the name is last
    return c < 0 ? undefined : role === 'region' ? row[roles.indexOf(role)] : row[c];
  };
  const title = titles.join(' ');

  const rows: Benchmark[] = [];
  const problems: Problem[] = [];
  const src = `Skolverket (${source})`;
  for (const [r, row] of body) {
    // Other breakdowns (bakgrund, skolform …): only their totals compare with ours.
    if (roles.some((role, c) => role === 'other' && !TOTAL.test(cellText(row[c])))) continue;
    for (let c = first; c < head.length; c++) {
      const label = head[c] ?? '';
      const indicator = indicatorOf(cellText(stub('content', row))) ?? indicatorOf(label) ?? indicatorOf(title);
      if (!indicator) continue;
      const hmText = roles.includes('huvudman') ? cellText(stub('huvudman', row)) : '';
      const hm: Huvudman | null | undefined = roles.includes('huvudman') ? huvudmanOf(hmText) : (huvudmanOf(label) ?? huvudmanOf(title) ?? null);
      if (hm === undefined) continue;
      const gender: BenchmarkGender | null = roles.includes('gender') ? genderOf(stub('gender', row)) : label.split(/\s+/).map((w) => genderOf(w)).find((g) => g) ?? 'total';
      if (!gender) continue;
      const year = roles.includes('year') ? yearOf(stub('year', row)) : (yearOf(label) ?? yearOf(title));
      if (year === null) {
        problems.push(cellProblem(address(r, roles.includes('year') ? roles.indexOf('year') : c), roles.includes('year') ? stub('year', row) ?? null : label, 'benchmarkYear', source, lang));
        continue;
      }
      const unit = roles.includes('region') ? unitFrom(stub('region', row)) : /\briket\b/i.test(title) ? unitFrom('Riket') : null;
      if (!unit) {
        problems.push(cellProblem(address(r, Math.max(0, roles.indexOf('region'))), null, 'benchmarkUnit', source, lang));
        continue;
      }
      const v = cellNumber(row[c]);
      if (v === undefined) {
        problems.push(cellProblem(address(r, c), row[c] ?? null, 'benchmarkValue', source, lang));
        continue;
      }
      const kpi = skolverketKpi(indicator, hm ?? undefined);
      // Skolverket's shares are percent, as Kolada's; rounded past float noise.
      const value = v === null ? null : benchmarkMeasure(kpi)!.percent ? Math.round(v * 1e8) / 1e10 : v;
      rows.push({ kpi, unit: unit.unit, code: unit.code, year, gender, value, source: src });
    }
  }
  return { rows, problems };
}
