/**
 * Newly arrived pupils and pupils of unknown background (issue 15). Skolverket publishes results
 * both for all pupils and "exklusive nyinvandrade och elever med okänd bakgrund"; this decides, per
 * pupil, which side of that line the pupil falls on (docs/decisions.md, "Nyanlända").
 */
import type { GradeTable, PupilRecord } from '../types';

/** A school term (the same shape as report/period.ts's Period, kept here so grades need not import report). */
export interface Term {
  term: 'VT' | 'HT';
  year: number;
}

/** Years of arrival a pupil counts as newly arrived [C: Skolverket, "Vad innebär nyinvandrad?"; skollagen 3 kap. 12 a §]. */
export const NEWLY_ARRIVED_YEARS = 4;

/**
 * The first arrival date (`åååå-mm-dd`) that makes a pupil newly arrived for grades of `term`: the
 * term's start four years back. A term starts 1 January (VT) or 1 July (HT) [D: the calendar halves;
 * the exact first school day differs between huvudmän].
 * Example: VT2026 starts 2026-01-01 → arrival on or after 2022-01-01 is newly arrived; a pupil who came
 * 2021-08-20 has had four years of schooling here (skollagen's line) and is not.
 * @example arrivalCutoff({ term: 'VT', year: 2026 }) // '2022-01-01'
 * @example arrivalCutoff({ term: 'HT', year: 2025 }) // '2021-07-01'
 */
export function arrivalCutoff(term: Term): string {
  return `${term.year - NEWLY_ARRIVED_YEARS}-${term.term === 'VT' ? '01' : '07'}-01`;
}

/** Which background columns a table has: a split is made only when there is at least one. */
export interface BackgroundColumns {
  /** A "nyanländ" yes/no column. */
  flag: boolean;
  /** An arrival-date column (needs the term to be read). */
  dates: boolean;
  /** An "okänd bakgrund" column. */
  unknown: boolean;
}

/**
 * The background columns of a table, from its mapped columns.
 * @example backgroundColumns(table).dates // true with an "Ankomstdatum" column
 */
export function backgroundColumns(table: Pick<GradeTable, 'columns'>): BackgroundColumns {
  const out: BackgroundColumns = { flag: false, dates: false, unknown: false };
  for (const c of table.columns) {
    const r = c.mapping?.role;
    if (r === 'newlyArrived') out.flag = true;
    else if (r === 'arrivalDate') out.dates = true;
    else if (r === 'unknownBackground') out.unknown = true;
  }
  return out;
}

/**
 * True when the pupil is left out of the "utan nyanlända" figures: flagged newly arrived, flagged of
 * unknown background, or arrived on or after `cutoff` (`arrivalCutoff`; null = dates not used).
 * ISO dates compare as text.
 * @example isExcludedBackground({ arrivalDate: '2023-03-01' } as PupilRecord, '2022-01-01') // true
 * @example isExcludedBackground({ arrivalDate: '2021-08-20' } as PupilRecord, '2022-01-01') // false
 */
export function isExcludedBackground(p: PupilRecord, cutoff: string | null): boolean {
  if (p.newlyArrived === true || p.unknownBackground === true) return true;
  return cutoff !== null && p.arrivalDate !== undefined && p.arrivalDate >= cutoff;
}
