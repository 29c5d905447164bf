/**
 * The term a grade file belongs to, found in the data: never from today's date (a report made in
 * December of "Betyg VT2026" is still about the spring term 2026). Periods are written `VT2026` /
 * `HT2025` in sheets and JSON, and `Vårterminen 2026` on the Nämndrapport.
 */
import type { SheetData } from '../app';
import type { Grid, Lang } from '../types';
import { t } from '../i18n';
import { parseDelimited } from '../table/text';

/** A school term: spring (VT) or autumn (HT) of a calendar year. */
export interface Period {
  term: 'VT' | 'HT';
  year: number;
}

/** Where a period was found, strongest first. */
export type PeriodSource = 'option' | 'sheet' | 'file' | 'datum';

export interface FoundPeriod extends Period {
  from: PeriodSource;
  /** The text it was read from (`Betyg VT2025`, `2026-06-12`). */
  text: string;
}

// "VT2025", "vt 25", "HT-2024", "Vårterminen 2026", "våren 2026", "Höstterminen 2024", "hösten 24".
const TERM = /(?<![\p{L}\d])(vt|ht|vårterminen|höstterminen|våren|hösten|vår|höst|spring term|autumn term|spring|autumn|fall)[\s_\-.]*((?:19|20)\d{2}|\d{2})(?!\d)/iu;

/**
 * Reads a term from a text such as a sheet name, a file name or a typed period. A bare 4-digit
 * year (`2019`, as a principal types the year of a slutbetyg) is that year's spring term.
 * @example parsePeriod('Betyg VT2025') // { term: 'VT', year: 2025 }
 * @example parsePeriod('betyg-ak9-ht24.txt') // { term: 'HT', year: 2024 }
 * @example parsePeriod('Vårterminen 2026') // { term: 'VT', year: 2026 }
 * @example parsePeriod('2019') // { term: 'VT', year: 2019 }
 */
export function parsePeriod(text: string | number | null | undefined, bareYear = true): Period | null {
  if (text === null || text === undefined) return null;
  const s = String(text).trim();
  if (bareYear && /^(19|20)\d{2}$/.test(s)) return { term: 'VT', year: Number(s) };
  const m = TERM.exec(s);
  if (!m) return null;
  const word = m[1].toLowerCase();
  const term = word === 'vt' || word.startsWith('vår') || word.startsWith('spring') ? 'VT' : 'HT';
  const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  return { term, year };
}

/**
 * The term of an export date (SCB's `Datum`, `åååå-mm-dd`). Spring grades are set in June and sent to
 * SCB over the summer, so February–August is the spring term; September–December the autumn term;
 * January belongs to the autumn term before it (autumn grades are set in December and exported after
 * the holidays).
 * @example periodOfDate('2026-06-12') // { term: 'VT', year: 2026 }
 * @example periodOfDate('2025-01-08') // { term: 'HT', year: 2024 }
 */
export function periodOfDate(text: string): Period | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) return null;
  if (month === 1) return { term: 'HT', year: year - 1 };
  return { term: month <= 8 ? 'VT' : 'HT', year };
}

/** How many data rows are looked at for a `Datum`: the first rows decide; a whole file is not scanned. */
const DATUM_ROWS = 20;

/**
 * SCB's `Datum` from the first rows of a grid: column 2 of a headerless SCB file (`System;Datum;…`),
 * or the column headed `Datum`. The date most rows carry wins (one odd row does not move the period).
 * @example datumOf([['Edlevo', '2026-06-12', '25.2.1', '201007251422', '12345678']]) // '2026-06-12'
 */
export function datumOf(values: Grid): string | null {
  let col = 1;
  let start = 0;
  const first = values[0] ?? [];
  const header = first.findIndex((v) => typeof v === 'string' && v.trim().toLowerCase() === 'datum');
  if (header >= 0) {
    col = header;
    start = 1;
  }
  const counts = new Map<string, number>();
  for (let r = start; r < Math.min(values.length, start + DATUM_ROWS); r++) {
    const v = values[r]?.[col];
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.trim() : '';
    if (periodOfDate(s)) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [s, n] of counts) if (best === null || n > counts.get(best)!) best = s;
  return best;
}

/**
 * The rows `datumOf` looks at: a text export's first lines split alone (a 100 000-row file is not
 * split whole to find its date), else the sheet's grid.
 * @example headValues({ sheet: 'betyg', values: [], text: 'Edlevo;2026-06-12\nEdlevo;2026-06-12\n' }) // [['Edlevo', '2026-06-12'], ['Edlevo', '2026-06-12']]
 */
export function headValues(data: SheetData): Grid {
  const text = data.text;
  if (text === undefined) return data.values;
  let end = 0;
  for (let i = 0; i <= DATUM_ROWS && end >= 0; i++) end = text.indexOf('\n', end + 1);
  return parseDelimited(end < 0 ? text : text.slice(0, end));
}

export interface PeriodHints {
  /** `--period` or a period the user chose: overrides everything. */
  option?: string;
  /** The sheet's name (for a text file: the file's name without extension). */
  sheet?: string;
  /** The file's name. */
  file?: string;
  /** The grid, for SCB's `Datum`. */
  values?: Grid;
}

/**
 * The period of a grade file, first that gives one: the option, a term in the sheet's name, a term
 * in the file's name, SCB's `Datum` in the data. A name the user gave ("Betyg VT2025") wins over the
 * export date: a file of 2024 exported again in 2026 keeps its term. Null when nothing says.
 * @example findPeriod({ sheet: 'Betyg VT2025', values: [] }) // { term: 'VT', year: 2025, from: 'sheet', text: 'Betyg VT2025' }
 * @example findPeriod({ sheet: 'betyg', values: [['Edlevo', '2026-06-12']] })?.from // 'datum'
 */
export function findPeriod(hints: PeriodHints): FoundPeriod | null {
  if (hints.option) {
    const p = parsePeriod(hints.option);
    if (p) return { ...p, from: 'option', text: hints.option };
  }
  for (const from of ['sheet', 'file'] as const) {
    const text = hints[from];
    const p = text ? parsePeriod(text, false) : null;
    if (p) return { ...p, from, text: text! };
  }
  if (hints.values) {
    const d = datumOf(hints.values);
    const p = d ? periodOfDate(d) : null;
    if (p) return { ...p, from: 'datum', text: d! };
  }
  return null;
}

/**
 * The short form used in sheets and JSON.
 * @example periodKey({ term: 'VT', year: 2026 }) // 'VT2026'
 */
export function periodKey(p: Period): string {
  return `${p.term}${p.year}`;
}

/**
 * A number that sorts periods in time order (HT 2025 before VT 2026).
 * @example periodOrder({ term: 'HT', year: 2025 }) < periodOrder({ term: 'VT', year: 2026 }) // true
 */
export function periodOrder(p: Period): number {
  return p.year * 2 + (p.term === 'HT' ? 1 : 0);
}

/**
 * The label on the Nämndrapport, `Vårterminen 2026` (sv) / `Spring term 2026` (en).
 * @example periodLabel({ term: 'HT', year: 2025 }, 'sv') // 'Höstterminen 2025'
 */
export function periodLabel(p: Period, lang: Lang): string {
  return t(lang, p.term === 'VT' ? 'report.period.spring' : 'report.period.autumn', { year: p.year });
}
