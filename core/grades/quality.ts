/**
 * Data quality per subject (issue 15): what the grade cells of a file held — valid grades, blanks,
 * streck, SCB codes 2, 3, Y and Z, and invalid values — so a principal sees at a glance whether a
 * column is usable before reading any figure from it.
 */
import type { GradeTable, Problem, SubjectCode } from '../types';
import type { SubjectCellCounts } from '../stats/indicators';
import { SUBJECT_ORDER } from './subjects';

/** One subject's row of the data-quality table (codeY/codeZ: SCB's åk 6 codes, see SubjectCellCounts). */
export interface SubjectQuality extends SubjectCellCounts {
  /** Any other value the reader rejected (old-scale marks in an A–F file, `X`, other numbers). */
  invalid: number;
}

/** Reader codes of a rejected grade cell. */
const REJECTED = new Set(['table.grade.invalid', 'table.grade.oldScale', 'table.grade.invalidOld']);

/** Column letters of a problem's cell (`'betyg.txt'!M2` → `M`), or null. */
function letters(cell: string): string | null {
  const m = /!\$?([A-Z]{1,3})\$?\d+$/.exec(cell);
  return m ? m[1] : null;
}

/**
 * The data-quality table: the engine's counts of the cells it read (valid, blank, streck, 2, 3, and
 * SCB's åk 6 codes Y and Z, which the reader accepts as codes), plus the cells the reader rejected,
 * placed on their subject by the problem's column: a rejected `Y`/`Z` (an old-scale table) still as
 * its code, everything else as invalid. Rejected cells of a long list (one grade
 * column for all subjects) cannot be placed and stay only in the problem list. Subjects in report order.
 * Example: Ma column with A, -, '', Z, G → valid 1, streck 1, blank 1, codeZ 1 (counted by the engine), invalid 1 (a problem).
 * @example subjectQuality(table, tally.cellCounts(), problems).find((q) => q.subject === 'Ma')?.codeZ // 1
 */
export function subjectQuality(table: Pick<GradeTable, 'columns'>, counts: readonly SubjectCellCounts[], problems: readonly Problem[]): SubjectQuality[] {
  const rows = new Map<SubjectCode, SubjectQuality>();
  const row = (subject: SubjectCode): SubjectQuality => {
    let r = rows.get(subject);
    if (!r) rows.set(subject, (r = { subject, valid: 0, blank: 0, streck: 0, code2: 0, code3: 0, codeY: 0, codeZ: 0, invalid: 0 }));
    return r;
  };
  for (const c of counts) Object.assign(row(c.subject), c);
  const byLetter = new Map<string, SubjectCode>();
  for (const c of table.columns) if (c.mapping?.role === 'subject') byLetter.set(c.letter, c.mapping.subject);
  for (const p of problems) {
    if (!REJECTED.has(p.code)) continue;
    const l = letters(p.cell);
    const subject = l === null ? undefined : byLetter.get(l);
    if (!subject) continue;
    const v = typeof p.value === 'string' ? p.value.trim().toUpperCase() : '';
    const r = row(subject);
    if (v === 'Y') r.codeY++;
    else if (v === 'Z') r.codeZ++;
    else r.invalid++;
  }
  const order = new Map(SUBJECT_ORDER.map((s, i) => [s, i]));
  return [...rows.values()].sort((a, b) => (order.get(a.subject) ?? 99) - (order.get(b.subject) ?? 99));
}
