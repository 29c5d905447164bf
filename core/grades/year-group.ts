/**
 * Which year group a grade file is, from the data (docs/decisions.md, "Year group"): the user's
 * override (`--arskurs`), else the SCB file kind, then the class names, then the caller's setting,
 * else the final year.
 */
import type { GradeTable } from '../types';

/** Where the year group came from. */
export type YearGroupSource = 'override' | 'file' | 'class' | 'setting' | 'finalYear';

/** Slutbetyg in the final year; terminsbetyg in åk 6–8 (and in the autumn of the final year, which the file does not say). */
export type GradeKind = 'slutbetyg' | 'terminsbetyg';

export interface YearGroup {
  yearGroup: number;
  source: YearGroupSource;
  gradeKind: GradeKind;
}

/** Leading number of a class name (`6A` → 6, `9 b` → 9, `Klass 7C` → 7), or null. */
function classYear(name: string): number | null {
  const m = /^\D{0,6}?(\d{1,2})(?!\d)/.exec(name.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 10 ? n : null;
}

/**
 * The year group of a grade table: `override` when the user gave one (`--arskurs 6`, Settings.yearGroup),
 * whatever the file says; else 6 for SCB's åk 6 file (35 columns, or No/So headers); otherwise
 * the leading number of the class names when more than half of the pupils with a class share it
 * (åk 7–8 term grades come in the 33-column form too); then the final year for the 33-column
 * slutbetyg file; then `setting`; then `finalYear`. Below the
 * final year the grades are terminsbetyg. [C: SCB datafilsbeskrivningar vt2026; D for the order]
 * Example: classes 6A (12 pupils), 6B (11), 7A (3) → 23 of 26 > half → 6, terminsbetyg.
 * @example yearGroupOf(table, 9).yearGroup // 6 for classes 6A, 6B
 * @example yearGroupOf(table, 9, null, 6).gradeKind // 'terminsbetyg', whatever the classes say
 */
export function yearGroupOf(table: Pick<GradeTable, 'layout' | 'pupils'>, finalYear: number, setting?: number | null, override?: number | null): YearGroup {
  const years = new ClassYears();
  for (const p of table.pupils) years.add(p.className);
  return years.yearGroup(table.layout, finalYear, setting, override);
}

/**
 * The class names of a file's pupils, counted by their year as they pass (a file read pupil by pupil
 * is never held), for `yearGroupOf`'s rule.
 * @example const y = new ClassYears(); y.add('6A'); y.add('6B'); y.yearGroup('wide', 9).yearGroup // 6
 */
export class ClassYears {
  private readonly counts = new Map<number, number>();
  private withClass = 0;
  private last: string | null = null;
  private lastYear: number | null = null;
  // Pupils of a class come together: parse each class name once per run and count the run at its end.
  private run = 0;

  add(className: string | null): void {
    if (!className) return;
    this.withClass++;
    if (className !== this.last) {
      this.flush();
      this.last = className;
      this.lastYear = classYear(className);
    }
    this.run++;
  }

  private flush(): void {
    if (this.lastYear !== null && this.run > 0) this.counts.set(this.lastYear, (this.counts.get(this.lastYear) ?? 0) + this.run);
    this.run = 0;
  }

  /** `yearGroupOf` of the pupils added so far. */
  yearGroup(layout: GradeTable['layout'], finalYear: number, setting?: number | null, override?: number | null): YearGroup {
    const kind = (y: number): GradeKind => (y >= finalYear ? 'slutbetyg' : 'terminsbetyg');
    if (override != null && Number.isInteger(override) && override >= 1 && override <= 10) return { yearGroup: override, source: 'override', gradeKind: kind(override) };
    if (layout === 'scb6') return { yearGroup: 6, source: 'file', gradeKind: 'terminsbetyg' };
    this.flush();
    for (const [y, n] of this.counts) if (n * 2 > this.withClass) return { yearGroup: y, source: 'class', gradeKind: kind(y) };
    // The 33-column file is the slutbetyg file; term grades of åk 7–8 come in the same form, told apart by class.
    if (layout === 'scb9') return { yearGroup: finalYear, source: 'file', gradeKind: 'slutbetyg' };
    if (setting != null && setting >= 1 && setting <= 10) return { yearGroup: setting, source: 'setting', gradeKind: kind(setting) };
    return { yearGroup: finalYear, source: 'finalYear', gradeKind: 'slutbetyg' };
  }
}
