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
 * Kolada KPIs with a Skolanalys twin. Ids and titles as seen in public code quoting Kolada's titles
 * (not yet checked against Kolada's own KPI metadata, which this machine cannot reach): N15436 "Elever
 * i åk 9 som är behöriga till yrkesprogram, kommunala skolor, andel (%)", N15505 "Elever i åk. 9,
 * meritvärde kommunala skolor, genomsnitt (17 ämnen)", N15419 "Elever i år 9 som uppnått
 * kunskapskraven i alla ämnen, kommunala skolor, andel (%)". Shares come in percent.
 */
export const KOLADA_KPIS: Readonly<Record<string, { indicator: string; percent: boolean }>> = {
  N15436: { indicator: 'YRK', percent: true },
  N15505: { indicator: 'merit17', percent: false },
  N15419: { indicator: 'allPassed', percent: true },
};

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

const unitOf = (code: string): BenchmarkUnit => (code === RIKET ? 'riket' : /^G/i.test(code) ? 'liknande' : 'kommun');
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
    if (!KOLADA_KPIS[kpi] || !Number.isInteger(year) || !code || !(typeof v === 'number' || v === null || v === undefined || v === '' || v === '.')) {
      problems.push({ cell: cellAddress(data.sheet, origin.row + r, origin.col), value: kpi || null, code: 'report.benchmarkRow', severity: 'warning', message: t(lang, 'report.problem.benchmarkRow', { sheet: data.sheet }) });
      continue;
    }
    rows.push({ kpi, unit: unitOf(code), code, year, gender, value: typeof v === 'number' ? v : null, source: String(get('source') ?? '') });
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
    rows.map((x): PlanValue[] => [x.kpi, L(`report.ind.${KOLADA_KPIS[x.kpi].indicator}`), L(`report.benchmarks.unit.${x.unit}`), x.code, x.year, gender(x.gender), x.value ?? '.', x.source]),
    { rowFormats: rows.map((x) => (KOLADA_KPIS[x.kpi].percent ? FMT.percent : FMT.oneDecimal)), formats: [FMT.text, FMT.text, FMT.text, FMT.text, FMT.integer, FMT.text, null, FMT.text] });
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
  for (const [kpi, twin] of Object.entries(KOLADA_KPIS)) {
    const ind = HEADLINE.find((i) => i.key === twin.indicator)!;
    const k = latest(rows, kpi, 'kommun', upTo);
    const r = latest(rows, kpi, 'riket', upTo);
    const g = latest(rows, kpi, 'liknande', upTo);
    if (!k && !r && !g) continue;
    const ours: Figure = ind.get(m.total);
    body.push([L(`report.ind.${twin.indicator}`), figureCell(ours), cell(k), year(k), cell(r), year(r), cell(g), year(g)]);
    kpis.push(`${L(`report.ind.${twin.indicator}`)}: ${kpi}`);
    formats.push(twin.percent ? FMT.percent : FMT.oneDecimal);
  }
  if (!body.length) return;
  b.heading('h-benchmarks', L('report.section.benchmarks'));
  b.table('benchmarks', [L('report.col.indicator'), L('report.benchmarks.col.ours', { period: m.period || '' }), L('report.benchmarks.unit.kommun'), L('report.benchmarks.col.year'),
    L('report.benchmarks.unit.riket'), L('report.benchmarks.col.year'), L('report.benchmarks.unit.liknande'), L('report.benchmarks.col.year')],
  body, { rowFormats: formats, boldFirstColumn: true, wrapFirstColumn: true, formats: [null, null, null, FMT.text, null, FMT.text, null, FMT.text] });
  paragraph(b, 'benchmarks-note', `${L('report.benchmarks.note')} ${L('report.benchmarks.col.kpi')}: ${kpis.join('; ')}.`, { italic: true, fontColor: '#595959' });
  b.blank();
}
