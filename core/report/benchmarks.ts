/**
 * Jämförelsetal: official figures beside ours (riket, the municipality, liknande kommuner), each with
 * KPI id, year, gender and source. Imported from a saved Kolada API response (JSON, the form of
 * `api.kolada.se/v3/data/kpi/<KPI>/municipality/<ID>/year/<YEARS>` (v2's format) as documented in Kolada's API
 * README, github.com/Hypergene/kolada) and kept in the generated sheet `Jämförelsetal`, which hosts
 * hand back (`ReportInputs.benchmarks`) so an import is not needed every time.
 */
import type { SheetData } from '../app';
import { t } from '../i18n';
import type { Figure, Lang, Problem } from '../types';
import { cellAddress } from '../table/address';
import { COLORS, FMT, SheetBuilder, figureCell } from './layout';
import type { ReportModel } from './model';
import { paragraph } from './history-print';
import type { PlanValue, SheetPlan } from './plan';
import { HEADLINE } from './history';

/**
 * Kolada KPIs with a Skolanalys twin. Ids and titles as public code quotes them from Kolada's KPI
 * metadata (at least five independent repositories agree; Kolada's own API README documents formats,
 * not KPIs, and its metadata was not reachable here; see docs/decisions.md): N15436 "Elever i åk 9
 * som är behöriga till yrkesprogram, kommunala skolor, andel (%)", N15505 "Elever i åk. 9, meritvärde
 * kommunala skolor, genomsnitt (17 ämnen)", N15419 "Elever i år 9 som uppnått kunskapskraven i alla
 * ämnen, kommunala skolor, andel (%)". All three count kommunala skolor, not hemkommun. Shares come in
 * percent.
 */
export const KOLADA_KPIS: Readonly<Record<string, { indicator: string; percent: boolean }>> = {
  N15436: { indicator: 'YRK', percent: true },
  N15505: { indicator: 'merit17', percent: false },
  N15419: { indicator: 'allPassed', percent: true },
};

/** Skolverket's tables have no KPI ids: their rows are kept under `SKV:<indicator>[:<huvudman>]`. */
export const SKOLVERKET_PREFIX = 'SKV:';
export type Huvudman = 'kommunal' | 'enskild';

/** What a benchmark id measures: our indicator, whether it is a share, its source and huvudman. */
export interface BenchmarkMeasure {
  indicator: string;
  percent: boolean;
  source: 'kolada' | 'skolverket';
  /** Skolverket rows of one huvudman only (none: all huvudmän). */
  huvudman?: Huvudman;
}

const SHARES: Readonly<Record<string, boolean>> = { YRK: true, merit17: false, allPassed: true };

/**
 * The id under which a Skolverket figure is kept.
 * @example skolverketKpi('YRK', 'kommunal') // 'SKV:YRK:kommunal'
 */
export function skolverketKpi(indicator: string, huvudman?: Huvudman): string {
  return `${SKOLVERKET_PREFIX}${indicator}${huvudman ? `:${huvudman}` : ''}`;
}

/**
 * The measure behind a benchmark id (a Kolada KPI or a Skolverket id); null for ids we have no twin for.
 * @example benchmarkMeasure('SKV:merit17')?.percent // false
 */
export function benchmarkMeasure(kpi: string): BenchmarkMeasure | null {
  const k = KOLADA_KPIS[kpi];
  if (k) return { ...k, source: 'kolada' };
  const m = /^SKV:(\w+)(?::(kommunal|enskild))?$/.exec(kpi);
  if (!m || !(m[1] in SHARES)) return null;
  return { indicator: m[1], percent: SHARES[m[1]], source: 'skolverket', ...(m[2] ? { huvudman: m[2] as Huvudman } : {}) };
}

/** Kolada's id of the whole country. */
export const RIKET = '0000';

export type BenchmarkUnit = 'riket' | 'kommun' | 'liknande';
export type BenchmarkGender = 'total' | 'girls' | 'boys';

export interface Benchmark {
  kpi: string;
  unit: BenchmarkUnit;
  /** Kolada's municipality (or group) id: `0000` riket, `1280` a kommun, `G…` a group. */
  code: string;
  year: number;
  gender: BenchmarkGender;
  /** As we show it: shares 0–1, points as points; null when Kolada has no value. */
  value: number | null;
  source: string;
}

/**
 * The unit a Kolada code stands for: `0000` riket, `G…` a group (liknande kommuner), else a kommun.
 * @example unitOf('G124025') // 'liknande'
 */
export const unitOf = (code: string): BenchmarkUnit => (code === RIKET ? 'riket' : /^G\d/i.test(code) ? 'liknande' : 'kommun');

/**
 * How a measure is named on the sheets: our indicator's name, and for Skolverket's figures the source
 * and huvudman (Kolada's ids say theirs in the KPI column).
 * @example measureLabel('SKV:YRK:kommunal', 'sv') // 'Andel behöriga till yrkesprogram (Skolverket, kommunal huvudman)'
 */
export function measureLabel(kpi: string, lang: Lang): string {
  const m = benchmarkMeasure(kpi);
  if (!m) return kpi;
  const name = t(lang, `report.ind.${m.indicator}`);
  if (m.source === 'kolada') return name;
  const parts = [t(lang, 'report.benchmarks.skolverket'), ...(m.huvudman ? [t(lang, `report.benchmarks.huvudman.${m.huvudman}`)] : [])];
  return `${name} (${parts.join(', ')})`;
}
const GENDER: Record<string, BenchmarkGender> = { T: 'total', K: 'girls', M: 'boys' };

/**
 * Reads a saved Kolada data response: `{ "values": [ { "kpi", "municipality", "period", "values":
 * [ { "gender": "T|K|M", "value", "count", "status" } ] } ] }` (a bare array of those records is taken
 * too). KPIs without a Skolanalys twin are skipped; shares are turned from percent into fractions.
 * @example parseKoladaJson('{"values":[{"kpi":"N15436","municipality":"0000","period":"2025","values":[{"gender":"T","value":84.2}]}]}', 'k.json', 'sv').rows[0].value // 0.842
 */
export function parseKoladaJson(text: string, source: string, lang: Lang): { rows: Benchmark[]; problems: Problem[] } {
  const bad = (): { rows: Benchmark[]; problems: Problem[] } => ({ rows: [], problems: [{ cell: source, value: null, code: 'report.benchmarkFormat', severity: 'error', message: t(lang, 'report.problem.benchmarkFormat', { source }) }] });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return bad();
  }
  const records = Array.isArray(data) ? data : (data as { values?: unknown })?.values;
  if (!Array.isArray(records)) return bad();
  const rows: Benchmark[] = [];
  for (const r of records as Record<string, unknown>[]) {
    const kpi = typeof r?.kpi === 'string' ? r.kpi : '';
    const twin = KOLADA_KPIS[kpi];
    const year = Number(r?.period);
    if (!twin || !Number.isInteger(year) || typeof r.municipality !== 'string' || !Array.isArray(r.values)) continue;
    for (const v of r.values as Record<string, unknown>[]) {
      const gender = GENDER[String(v?.gender ?? '').toUpperCase()];
      if (!gender) continue;
      // Percent to a fraction, rounded past float noise (86.4 / 100 is 0.8640000000000001).
      const value = typeof v.value === 'number' && Number.isFinite(v.value) ? (twin.percent ? Math.round(v.value * 1e8) / 1e10 : v.value) : null;
      rows.push({ kpi, unit: unitOf(r.municipality), code: r.municipality, year, gender, value, source: `Kolada (${source})` });
    }
  }
  return { rows, problems: [] };
}

const COLUMNS = ['kpi', 'indicator', 'unit', 'code', 'year', 'gender', 'value', 'source'] as const;
type Column = (typeof COLUMNS)[number];

const key = (b: Benchmark) => `${b.kpi}|${b.code}|${b.year}|${b.gender}`;

/**
 * Reads the Jämförelsetal sheet as the tool wrote it (header by its KPI and År cells, sv or en).
 * Rows that cannot be read are warnings with their cell.
 * @example readBenchmarks({ sheet: 'Jämförelsetal', values: [['KPI', 'Nyckeltal', 'Enhet', 'Kod', 'År', 'Kön', 'Värde', 'Källa'], ['N15436', '', 'Riket', '0000', 2025, 'Totalt', 0.842, 'Kolada']] }, 'sv').rows[0].year // 2025
 */
export function readBenchmarks(data: SheetData, lang: Lang): { rows: Benchmark[]; problems: Problem[] } {
  const names = new Map<string, Column>();
  for (const c of COLUMNS) for (const l of ['sv', 'en'] as const) names.set(t(l, `report.benchmarks.col.${c}`).toLowerCase(), c);
  const genders = new Map<string, BenchmarkGender>();
  for (const l of ['sv', 'en'] as const) for (const [k, g] of [['common.total', 'total'], ['common.girls', 'girls'], ['common.boys', 'boys']] as const) genders.set(t(l, k).toLowerCase(), g);
  const units = new Map<string, BenchmarkUnit>();
  for (const l of ['sv', 'en'] as const) for (const u of ['riket', 'kommun', 'liknande'] as const) units.set(t(l, `report.benchmarks.unit.${u}`).toLowerCase(), u);
  const rows: Benchmark[] = [];
  const problems: Problem[] = [];
  const values = data.values;
  const origin = data.origin ?? { row: 0, col: 0 };
  let header = -1;
  const at: Partial<Record<Column, number>> = {};
  for (let r = 0; r < Math.min(values.length, 30) && header < 0; r++) {
    const found: Partial<Record<Column, number>> = {};
    values[r].forEach((v, c) => {
      const col = typeof v === 'string' ? names.get(v.trim().toLowerCase()) : undefined;
      if (col && found[col] === undefined) found[col] = c;
    });
    if (found.kpi !== undefined && found.year !== undefined && found.value !== undefined && found.code !== undefined) {
      header = r;
      Object.assign(at, found);
    }
  }
  if (header < 0) return { rows, problems };
  for (let r = header + 1; r < values.length; r++) {
    const row = values[r];
    if (!row || row.every((v) => v === null || v === undefined || v === '')) continue;
    const get = (c: Column) => (at[c] === undefined ? undefined : row[at[c]!]);
    const kpi = String(get('kpi') ?? '').trim();
    const year = Number(get('year'));
    const code = String(get('code') ?? '').trim();
    const v = get('value');
    const gender = genders.get(String(get('gender') ?? '').trim().toLowerCase()) ?? 'total';
    if (!benchmarkMeasure(kpi) || !Number.isInteger(year) || !code || !(typeof v === 'number' || v === null || v === undefined || v === '' || v === '.')) {
      problems.push({ cell: cellAddress(data.sheet, origin.row + r, origin.col), value: kpi || null, code: 'report.benchmarkRow', severity: 'warning', message: t(lang, 'report.problem.benchmarkRow', { sheet: data.sheet }) });
      continue;
    }
    // The Enhet column as written wins: imported names ("Malmö", "Liknande kommuner …") are no Kolada codes.
    const unit = units.get(String(get('unit') ?? '').trim().toLowerCase()) ?? unitOf(code);
    rows.push({ kpi, unit, code, year, gender, value: typeof v === 'number' ? v : null, source: String(get('source') ?? '') });
  }
  return { rows, problems };
}

/**
 * Rows kept in the sheet: the sheet's rows, with imported rows replacing those of the same KPI, unit
 * code, year and gender; sorted by KPI, unit, code, year, gender.
 * @example mergeBenchmarks(sheetRows, imported).length
 */
export function mergeBenchmarks(existing: readonly Benchmark[], imported: readonly Benchmark[]): Benchmark[] {
  const byKey = new Map(existing.map((b) => [key(b), b]));
  for (const b of imported) byKey.set(key(b), b);
  const unitOrder: Record<BenchmarkUnit, number> = { kommun: 0, riket: 1, liknande: 2 };
  const genderOrder: Record<BenchmarkGender, number> = { total: 0, girls: 1, boys: 2 };
  return [...byKey.values()].sort((a, b) => a.kpi.localeCompare(b.kpi) || unitOrder[a.unit] - unitOrder[b.unit] || a.code.localeCompare(b.code) || a.year - b.year || genderOrder[a.gender] - genderOrder[b.gender]);
}

/**
 * The Jämförelsetal sheet (`jamforelse`, generated; no personal data); null when there are no rows.
 * @example buildJamforelse(model)?.name // 'Jämförelsetal'
 */
export function buildJamforelse(m: ReportModel): SheetPlan | null {
  const rows = m.benchmarks ?? [];
  if (!rows.length) return null;
  const L = (k: string) => t(m.lang, k);
  const b = new SheetBuilder('jamforelse', L('report.sheet.jamforelse'), false);
  b.title(L('report.title.jamforelse'));
  b.line('intro', [L('report.benchmarks.intro')], { italic: true, fontColor: '#595959' });
  b.blank();
  const start = b.cursor;
  const gender = (g: BenchmarkGender) => L(g === 'total' ? 'common.total' : g === 'girls' ? 'common.girls' : 'common.boys');
  b.table('benchmarks', COLUMNS.map((c) => L(`report.benchmarks.col.${c}`)),
    rows.map((x): PlanValue[] => [x.kpi, measureLabel(x.kpi, m.lang), L(`report.benchmarks.unit.${x.unit}`), x.code, x.year, gender(x.gender), x.value ?? '.', x.source]),
    { rowFormats: rows.map((x) => (benchmarkMeasure(x.kpi)!.percent ? FMT.percent : FMT.oneDecimal)), formats: [FMT.text, FMT.text, FMT.text, FMT.text, FMT.integer, FMT.text, null, FMT.text] });
  return b.build({ columnWidths: [10, 48, 20, 10, 8, 10, 10, 40], frozenRows: start + 1, tabColor: COLORS.title });
}

/** The latest total of a KPI for a unit, at or before `upTo` (a year); null when there is none. */
function latest(rows: readonly Benchmark[], kpi: string, unit: BenchmarkUnit, upTo: number | null): Benchmark | null {
  let best: Benchmark | null = null;
  for (const r of rows) {
    if (r.kpi !== kpi || r.unit !== unit || r.gender !== 'total' || r.value === null) continue;
    if (upTo !== null && r.year > upTo) continue;
    if (!best || r.year > best.year) best = r;
  }
  return best;
}

/**
 * The comparison block of the Nämndrapport: for each indicator with a Kolada twin, our figure and
 * the municipality's, riket's and liknande kommuners official figures, each with its year, and a note
 * on where the definitions differ.
 * @example namndrapportBenchmarks(b, model) // adds the block when the model has benchmarks
 */
export function namndrapportBenchmarks(b: SheetBuilder, m: ReportModel): void {
  const rows = m.benchmarks ?? [];
  if (!rows.length) return;
  const L = (k: string, p: Record<string, string | number> = {}) => t(m.lang, k, p);
  const upTo = m.history?.current ? m.history.current.year : null;
  const cell = (x: Benchmark | null): PlanValue => (x ? x.value : '.');
  const year = (x: Benchmark | null) => (x ? String(x.year) : '');
  const body: PlanValue[][] = [];
  const formats: (string | null)[] = [];
  const kpis: string[] = [];
  // Kolada's KPIs first, then Skolverket's figures by indicator and huvudman (all, kommunal, enskild).
  const order = Object.keys(SHARES);
  const skv = [...new Set(rows.map((x) => x.kpi).filter((k) => benchmarkMeasure(k)?.source === 'skolverket'))]
    .sort((a, b) => order.indexOf(benchmarkMeasure(a)!.indicator) - order.indexOf(benchmarkMeasure(b)!.indicator) || a.length - b.length || a.localeCompare(b));
  for (const kpi of [...Object.keys(KOLADA_KPIS), ...skv]) {
    const twin = benchmarkMeasure(kpi)!;
    const ind = HEADLINE.find((i) => i.key === twin.indicator)!;
    const k = latest(rows, kpi, 'kommun', upTo);
    const r = latest(rows, kpi, 'riket', upTo);
    const g = latest(rows, kpi, 'liknande', upTo);
    if (!k && !r && !g) continue;
    const ours: Figure = ind.get(m.total);
    body.push([measureLabel(kpi, m.lang), figureCell(ours), cell(k), year(k), cell(r), year(r), cell(g), year(g)]);
    if (twin.source === 'kolada') kpis.push(`${L(`report.ind.${twin.indicator}`)}: ${kpi}`);
    formats.push(twin.percent ? FMT.percent : FMT.oneDecimal);
  }
  if (!body.length) return;
  b.heading('h-benchmarks', L('report.section.benchmarks'));
  b.table('benchmarks', [L('report.col.indicator'), L('report.benchmarks.col.ours', { period: m.period || '' }), L('report.benchmarks.unit.kommun'), L('report.benchmarks.col.year'),
    L('report.benchmarks.unit.riket'), L('report.benchmarks.col.year'), L('report.benchmarks.unit.liknande'), L('report.benchmarks.col.year')],
  body, { rowFormats: formats, boldFirstColumn: true, wrapFirstColumn: true, formats: [null, null, null, FMT.text, null, FMT.text, null, FMT.text] });
  paragraph(b, 'benchmarks-note', kpis.length ? `${L('report.benchmarks.note')} ${L('report.benchmarks.col.kpi')}: ${kpis.join('; ')}.` : L('report.benchmarks.note'), { italic: true, fontColor: '#595959' });
  b.blank();
}
