/**
 * The Historik sheet: one row per period × unit (kommun / school) × group (total, girls, boys) ×
 * indicator, with value, pupils and source. The workbook keeps it; each report replaces the rows of
 * the periods it computed and keeps every other row exactly as it was (a principal may type the
 * figures of 2019–2023 from old reports). Pure: the host hands in the sheet as it is, core returns
 * the merged rows and the plan writes them back.
 */
import type { SheetData } from '../app';
import { t } from '../i18n';
import type { Figure, Lang, ProgramCode, Problem } from '../types';
import { cellAddress } from '../table/address';
import { groupFigures, newGroupAccumulator, type GroupAccumulator } from '../stats/indicators';
import type { SchoolGenderParts } from '../grades/analyse';
import { hiddenParts } from '../stats/suppress-table';
import type { GroupFigures } from './model';
import type { PlanValue } from './plan';
import { parsePeriod, periodKey, periodOrder, type Period } from './period';
import { emptyRow, findNamedHeader, normCell } from './own-sheet';

/** A headline indicator: its key, whether it is a share (0–1), and how to read it from a group. */
export interface HeadlineIndicator {
  key: string;
  share: boolean;
  get: (g: GroupFigures) => Figure;
}

const elig = (p: ProgramCode) => (g: GroupFigures) => g.eligibleShare[p];

/** The Nämndrapport's headline indicators, in its order (also the Historik's and the Mål sheet's). */
export const HEADLINE: readonly HeadlineIndicator[] = [
  { key: 'YRK', share: true, get: elig('YRK') },
  { key: 'EKHUSA', share: true, get: elig('EK') },
  { key: 'NATE', share: true, get: elig('NA') },
  { key: 'ES', share: true, get: elig('ES') },
  { key: 'PRIV', share: true, get: elig('PRIV') },
  { key: 'merit17', share: false, get: (g) => g.meanMeritValue17 },
  { key: 'merit16', share: false, get: (g) => g.meanMeritValue16 },
  { key: 'allPassed', share: true, get: (g) => g.allSubjectsPassedShare },
];

export type HistoryLevel = 'kommun' | 'school';
export type HistoryGroup = 'total' | 'girls' | 'boys';
export const HISTORY_GROUPS: readonly HistoryGroup[] = ['total', 'girls', 'boys'];

/** One figure of one period for one unit and group. */
export interface HistoryEntry {
  period: Period;
  level: HistoryLevel;
  /** School name or code; for the kommun level the label of the whole (`Totalt`). */
  unit: string;
  group: HistoryGroup;
  indicator: string;
  value: Figure;
  pupils: number | null;
  source: string;
}

/** A row of the Historik sheet as merged: the cells to write and, when it could be read, what it says. */
export interface HistoryRow {
  cells: PlanValue[];
  entry: HistoryEntry | null;
  /** Written by Skolanalys now (false: kept as the sheet had it). */
  computed: boolean;
}

/** Figures of one period as the engines computed them, for the Historik. */
export interface PeriodFigures {
  period: Period;
  source: string;
  total: GroupFigures;
  girls: GroupFigures;
  boys: GroupFigures;
  schools: { unit: string; total: GroupFigures; girls: GroupFigures; boys: GroupFigures }[];
}

/** Source cells of the rows the tool writes start with this, in every language: how its own rows are known. */
export const HISTORY_SOURCE_PREFIX = 'Skolanalys · ';

export const HISTORY_COLUMNS = ['period', 'level', 'unit', 'group', 'indicator', 'value', 'pupils', 'source'] as const;
type Column = (typeof HISTORY_COLUMNS)[number];

/**
 * Header texts of the Historik table in the given language.
 * @example historyHeader('sv')[4] // 'Indikator'
 */
export function historyHeader(lang: Lang): string[] {
  return HISTORY_COLUMNS.map((c) => t(lang, `report.history.col.${c}`));
}

function label(lang: Lang, key: string): string {
  return t(lang, key);
}

const norm = normCell;

/** Every way a word may be written in the sheet (sv, en, the key): text → value. */
function lookup<T extends string>(pairs: [T, string][]): Map<string, T> {
  const m = new Map<string, T>();
  for (const [value, key] of pairs) {
    m.set(value.toLowerCase(), value);
    for (const lang of ['sv', 'en'] as const) m.set(t(lang, key).toLowerCase(), value);
  }
  return m;
}

const LEVELS = lookup<HistoryLevel>([['kommun', 'report.history.level.kommun'], ['school', 'report.history.level.school']]);
const GROUPS = lookup<HistoryGroup>([['total', 'common.total'], ['girls', 'common.girls'], ['boys', 'common.boys']]);
const INDICATORS = lookup<string>(HEADLINE.map((i) => [i.key, `report.ind.${i.key}`] as [string, string]));

/** A value cell as a figure: numbers, `..`/`.`, or text such as `86,5 %` / `231,4`. */
function figureOf(v: unknown, share: boolean): Figure | null {
  let n: number | null = null;
  if (typeof v === 'number' && Number.isFinite(v)) n = v;
  else if (typeof v === 'string') {
    const s = v.trim();
    if (s === '..' || s === '.') return s;
    const m = /^(-?\d+(?:[.,]\d+)?)\s*(%?)$/.exec(s.replace(/\s(?=\d)/g, ''));
    if (!m) return null;
    n = Number(m[1].replace(',', '.'));
    if (m[2] === '%') return n / 100;
  }
  if (n === null) return null;
  // A share typed as a percentage (86 for 86 %): no headline share is above 1.
  return share && n > 1 ? n / 100 : n;
}

export interface ReadHistory {
  rows: { cells: PlanValue[]; entry: HistoryEntry | null }[];
  problems: Problem[];
}

function cellValue(v: unknown): PlanValue {
  if (v === undefined || v === '') return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v as PlanValue;
}

/**
 * Reads a Historik sheet as it is now: the header row (found by its `Period` and `Indikator`
 * cells, in sv or en), then every non-blank row below it. Rows that cannot be read are kept as they
 * are (`entry` null) and named in a warning with their cell.
 * @example readHistory({ sheet: 'Historik', values: [['Period', 'Nivå', 'Enhet', 'Grupp', 'Indikator', 'Värde', 'Elever', 'Källa'], ['VT2019', 'Kommun', 'Totalt', 'Totalt', 'YRK', 0.81, 240, 'Kvalitetsrapport 2019']] }, 'sv').rows[0].entry?.value // 0.81
 */
export function readHistory(data: SheetData, lang: Lang): ReadHistory {
  const problems: Problem[] = [];
  const values = data.values;
  const origin = data.origin ?? { row: 0, col: 0 };
  const names = new Map<string, Column>();
  for (const c of HISTORY_COLUMNS) for (const l of ['sv', 'en'] as const) names.set(t(l, `report.history.col.${c}`).toLowerCase(), c);
  const header = findNamedHeader(values, names, ['period', 'indicator', 'value']);
  const headerRow = header?.row ?? -1;
  const at: Partial<Record<Column, number>> = header?.at ?? {};
  const rows: ReadHistory['rows'] = [];
  if (headerRow < 0) {
    if (values.some((row) => row.some((v) => v !== null && v !== undefined && v !== ''))) {
      problems.push({ cell: cellAddress(data.sheet, origin.row, origin.col), value: null, code: 'report.historyNoHeader', severity: 'warning', message: t(lang, 'report.problem.historyNoHeader', { sheet: data.sheet }) });
    }
    return { rows, problems };
  }
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (emptyRow(row)) continue;
    const cells: PlanValue[] = HISTORY_COLUMNS.map((c) => (at[c] === undefined ? null : cellValue(row[at[c]!])));
    const get = (c: Column) => (at[c] === undefined ? undefined : row[at[c]!]);
    const period = parsePeriod(get('period') as string | number | null);
    const indicator = INDICATORS.get(norm(get('indicator')));
    const share = HEADLINE.find((i) => i.key === indicator)?.share ?? false;
    const value = figureOf(get('value'), share);
    const level = LEVELS.get(norm(get('level'))) ?? 'kommun';
    const group = GROUPS.get(norm(get('group'))) ?? 'total';
    const pupilsCell = get('pupils');
    if (!period || !indicator || value === null) {
      const bad = !period ? 'period' : !indicator ? 'indicator' : 'value';
      problems.push({
        cell: cellAddress(data.sheet, origin.row + r, origin.col + at[bad]!), value: cellValue(get(bad)), code: 'report.historyRow', severity: 'warning',
        message: t(lang, `report.problem.history.${bad}`, { sheet: data.sheet }),
      });
      rows.push({ cells, entry: null });
      continue;
    }
    const unitCell = get('unit');
    rows.push({
      cells,
      entry: {
        period, level, group, indicator, value,
        unit: unitCell === null || unitCell === undefined || unitCell === '' ? label(lang, 'common.total') : String(unitCell).trim(),
        pupils: typeof pupilsCell === 'number' ? pupilsCell : null,
        source: get('source') === undefined || get('source') === null ? '' : String(get('source')),
      },
    });
  }
  return { rows, problems };
}

/** The figures of a period's unit and group as Historik entries, one per headline indicator. */
function entriesOf(p: PeriodFigures, level: HistoryLevel, unit: string, group: HistoryGroup, g: GroupFigures): HistoryEntry[] {
  return HEADLINE.map((ind) => ({ period: p.period, level, unit, group, indicator: ind.key, value: ind.get(g), pupils: g.pupils, source: HISTORY_SOURCE_PREFIX + p.source }));
}

/**
 * Every Historik entry of one computed period: the whole (kommun) and each school, total, girls and boys.
 * @example periodEntries(figures, 'sv').length // 8 indicators × 3 groups × (1 + schools)
 */
export function periodEntries(p: PeriodFigures, lang: Lang): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  const whole = label(lang, 'common.total');
  for (const g of HISTORY_GROUPS) out.push(...entriesOf(p, 'kommun', whole, g, p[g]));
  for (const s of p.schools) for (const g of HISTORY_GROUPS) out.push(...entriesOf(p, 'school', s.unit, g, s[g]));
  return out;
}

/**
 * The row of an entry as written to the sheet: the period as `VT2026`, words in the sheet's language.
 * @example entryCells(entry, 'sv').slice(0, 2) // ['VT2026', 'Kommun']
 */
export function entryCells(e: HistoryEntry, lang: Lang): PlanValue[] {
  return [
    periodKey(e.period),
    label(lang, `report.history.level.${e.level}`),
    e.unit,
    label(lang, e.group === 'total' ? 'common.total' : e.group === 'girls' ? 'common.girls' : 'common.boys'),
    label(lang, `report.ind.${e.indicator}`),
    e.value,
    e.pupils,
    e.source,
  ];
}

const identity = (e: HistoryEntry) => `${periodKey(e.period)}|${seriesKey(e.level, e.unit, e.group, e.indicator)}`;

/**
 * Merges the Historik as it is with the periods this report computed. Rows of other periods are
 * kept exactly (cells as they were, in their order); in a computed period the rows the tool wrote
 * before (source `Skolanalys · …`) and rows for the same unit, group and indicator are replaced by
 * the new figures, and the user's other rows of that period stay. Rows come out in time order
 * (stable: rows that name no period keep their place at the end).
 * @example mergeHistory([], [figuresVT2026], 'sv').length // 24 × (1 + schools)
 */
export function mergeHistory(existing: ReadHistory['rows'], computed: readonly PeriodFigures[], lang: Lang): HistoryRow[] {
  const fresh = computed.flatMap((p) => periodEntries(p, lang));
  const periods = new Set(computed.map((p) => periodKey(p.period)));
  const replaced = new Set(fresh.map(identity));
  const kept: HistoryRow[] = existing
    .filter((r) => !(r.entry && periods.has(periodKey(r.entry.period)) && (r.entry.source.startsWith(HISTORY_SOURCE_PREFIX) || replaced.has(identity(r.entry)))))
    .map((r) => ({ cells: r.cells, entry: r.entry, computed: false }));
  const rows: HistoryRow[] = [...fresh.map((e) => ({ cells: entryCells(e, lang), entry: e, computed: true })), ...kept];
  const order = (r: HistoryRow) => (r.entry ? periodOrder(r.entry.period) : Number.POSITIVE_INFINITY);
  // Array.prototype.sort is stable: within a period, computed rows first, then the user's in their order.
  return rows.sort((a, b) => order(a) - order(b));
}

/** Girls and boys of one school, with complementary suppression over girls, boys and unknown gender. */
function schoolGender(parts: SchoolGenderParts | undefined, threshold: number, lang: Lang, hideAll: boolean): { girls: GroupFigures; boys: GroupFigures } {
  const [f, m, u] = parts ?? [newGroupAccumulator(), newGroupAccumulator(), newGroupAccumulator()];
  // Unknown gender is never shown: it counts as hidden, so one small visible part hides the other too.
  const hidden = hiddenParts([f.n, m.n, u.n], threshold, [true, true, false]);
  const fig = (acc: GroupAccumulator, key: 'F' | 'M', hide: boolean): GroupFigures => {
    const g = groupFigures(acc, { by: 'gender', key, label: t(lang, key === 'F' ? 'common.girls' : 'common.boys') }, threshold, hide);
    return { label: g.label, pupils: g.pupils, eligibleShare: g.eligibleShare, meanMeritValue16: g.meanMeritValue16, meanMeritValue17: g.meanMeritValue17, allSubjectsPassedShare: g.allSubjectsPassedShare };
  };
  return { girls: fig(f, 'F', hideAll || hidden[0]), boys: fig(m, 'M', hideAll || hidden[1]) };
}

/**
 * The figures of one analysed grade file for the Historik: the whole, girls, boys, and per school the
 * same three (a school's girls and boys suppressed with their complements, as everywhere), the
 * school's parts from the analysis's sums (`GradeAnalysis.schoolGenders`).
 * @example periodFigures({ term: 'VT', year: 2026 }, 'betyg.txt', whole, schools, analysis.schoolGenders, 10, 'sv').schools[0].unit // 'Norrskolan'
 */
export function periodFigures(
  period: Period, source: string, whole: { total: GroupFigures; girls: GroupFigures; boys: GroupFigures },
  schools: readonly GroupFigures[], schoolGenders: ReadonlyMap<string, SchoolGenderParts>, threshold: number, lang: Lang,
): PeriodFigures {
  return {
    period, source, ...whole,
    // A school hidden as a whole (complementary suppression of schools) hides its parts too.
    // (Shares are suppressed on the pupil count, so `..` with enough pupils means the school is hidden.)
    schools: schools.map((s) => ({ unit: s.label, total: s, ...schoolGender(schoolGenders.get(s.label), threshold, lang, s.pupils < threshold || s.eligibleShare.YRK === '..') })),
  };
}

/** A series of an indicator over periods, for the trend: the last `n` periods that have it. */
export interface TrendSeries {
  periods: Period[];
  /** By `level|unit|group|indicator`, the figure of each period in `periods` (`.` when missing). */
  values: Map<string, Figure[]>;
}

/**
 * Key of a series in `TrendSeries.values`: school names match whatever their case; the kommun level is
 * one series whatever its unit cell says.
 * @example seriesKey('school', 'Norrskolan', 'girls', 'YRK') // 'school|norrskolan|girls|YRK'
 */
export function seriesKey(level: HistoryLevel, unit: string, group: HistoryGroup, indicator: string): string {
  // The kommun level is one whole whatever its unit cell says (Totalt, Total, the kommun's name).
  return `${level}|${level === 'kommun' ? '*' : unit.trim().toLowerCase()}|${group}|${indicator}`;
}

/**
 * The last `n` periods of the merged Historik up to and including `upTo`, and every series in them.
 * The first row of a period × unit × group × indicator wins (the computed rows come first).
 * @example trendOf(rows, { term: 'VT', year: 2026 }, 5).periods.map(periodKey) // ['VT2022', …, 'VT2026']
 */
export function trendOf(rows: readonly HistoryRow[], upTo: Period | null, n = 5): TrendSeries {
  const limit = upTo ? periodOrder(upTo) : Number.POSITIVE_INFINITY;
  const byOrder = new Map<number, Period>();
  for (const r of rows) if (r.entry && periodOrder(r.entry.period) <= limit) byOrder.set(periodOrder(r.entry.period), r.entry.period);
  const periods = [...byOrder.entries()].sort((a, b) => a[0] - b[0]).slice(-n).map(([, p]) => p);
  const index = new Map(periods.map((p, i) => [periodOrder(p), i]));
  const values = new Map<string, Figure[]>();
  for (const r of rows) {
    const e = r.entry;
    const i = e ? index.get(periodOrder(e.period)) : undefined;
    if (!e || i === undefined) continue;
    const k = seriesKey(e.level, e.unit, e.group, e.indicator);
    let v = values.get(k);
    if (!v) values.set(k, (v = periods.map((): Figure => '.')));
    if (v[i] === '.') v[i] = e.value;
  }
  return { periods, values };
}
