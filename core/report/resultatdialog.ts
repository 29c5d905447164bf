/**
 * Resultatdialog sheets (issue 15): one sheet per class of a cohort followed over several grade
 * files, each term's grades side by side per subject, with passes per term, the subjects that went
 * from a pass to F (red) and the pupils moving away from eligibility. The seeds ask for early action
 * "under hela skoltiden" through regular resultatdialoger; this is the teacher's and principal's
 * paper for them. Holds names and personnummer: marked as personal data.
 */
import type { Lang } from '../types';
import type { PlanValue, SheetPlan } from './plan';
import { t } from '../i18n';
import { CELL_NOT_STUDIED, CELL_STRECK, type Cohort, type CohortPupil } from '../progression/cohort';
import { COLORS, FMT, SheetBuilder } from './layout';

const MARKS = ['F', 'E', 'D', 'C', 'B', 'A'];

/** A grid cell as the grade catalogue writes it: A–F, `-` for streck, `3`, or empty. */
function markOf(c: number): PlanValue {
  if (c >= 0 && c <= 5) return MARKS[c];
  if (c === CELL_STRECK) return '-';
  if (c === CELL_NOT_STUDIED) return '3';
  return '';
}

/** A sheet name of at most 31 characters without the characters Excel refuses. */
function sheetName(base: string): string {
  return base.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
}

/**
 * A sheet key part hosts can store as a marker: the xlsx writer's defined names keep only letters,
 * digits and `_`, so every other character is written `_<hex>_` (injective: `9A` stays, `Väst` is `V_e4_st`).
 * @example markerPart('Västerskolan\u00009A') // 'V_e4_sterskolan_0_9A'
 */
export function markerPart(s: string): string {
  return s.replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}

/** What to put on the Resultatdialog sheets. */
export interface ResultatdialogOptions {
  /** Only the pupils of the last file (a report on this term's grades), not those who left before it. */
  currentOnly?: boolean;
}

/**
 * One Resultatdialog sheet per class (the class of the pupil's latest file; pupils without a class
 * together; with pupils of several schools, per school and class, since 9A is a class of each),
 * classes in sort order. Columns: name, personnummer, then per subject one column per
 * file (`Ma åk 6`, `Ma åk 7`, …) for the subjects graded in the class, then passes per file, passes
 * short of yrkesprogram in the latest file, subjects dropped to F and "längre från behörighet".
 * F cells are red; the flags are words, not only colour.
 * @example buildResultatdialog(followCohort(inputs, settings), 'sv').map((s) => s.name) // ['Resultatdialog 9A', 'Resultatdialog 9B']
 */
export function buildResultatdialog(c: Cohort, lang: Lang, options: ResultatdialogOptions = {}): SheetPlan[] {
  const L = (k: string, p: Record<string, string | number> = {}) => t(lang, `progression.resultatdialog.${k}`, p);
  const T = c.terms.length;
  const S = c.subjectOrder.length;
  const shown = (p: CohortPupil) => !options.currentOnly || p.passed[T - 1] !== null;
  const schools = new Set(c.trajectories.filter(shown).map((p) => p.school ?? ''));
  const bySchool = schools.size > 1;
  const byClass = new Map<string, number[]>();
  c.trajectories.forEach((p, i) => {
    if (!shown(p)) return;
    const k = bySchool ? `${p.school ?? ''}\u0000${p.className ?? ''}` : p.className ?? '';
    let list = byClass.get(k);
    if (!list) byClass.set(k, (list = []));
    list.push(i);
  });
  const sheets: SheetPlan[] = [];
  for (const [key, idx] of [...byClass].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const [school, cls] = bySchool ? key.split('\u0000') : ['', key];
    const label = [school, cls || L('noClass')].filter(Boolean).join(' ');
    // Subjects with any cell in the class, in report order.
    const subjects: number[] = [];
    for (let s = 0; s < S; s++) {
      if (idx.some((p) => { for (let k = 0; k < T; k++) if (c.grid[(p * T + k) * S + s] >= 0) return true; return false; })) subjects.push(s);
    }
    const header = [L('col.name'), L('col.id')];
    for (const s of subjects) for (const term of c.terms) header.push(`${c.subjectOrder[s]} ${term.label}`);
    for (const term of c.terms) header.push(L('col.passed', { term: term.label }));
    header.push(L('col.short', { term: c.terms[T - 1].label }), L('col.drops'), L('col.away'));
    const rows: PlanValue[][] = idx.map((p) => {
      const x: CohortPupil = c.trajectories[p];
      const row: PlanValue[] = [[x.lastName, x.firstName].filter(Boolean).join(', '), x.id];
      for (const s of subjects) for (let k = 0; k < T; k++) row.push(markOf(c.grid[(p * T + k) * S + s]));
      for (let k = 0; k < T; k++) row.push(x.passed[k] ?? '.');
      row.push(x.shortOfYrk[T - 1] ?? '.', x.dropsToF.join(', '), x.movingAway ? L('yes') : '');
      return row;
    });
    // The key is the sheet's marker (found again on the next run): marker-safe, one per school and class.
    const b = new SheetBuilder(`resultatdialog_${markerPart(bySchool ? `${school}\u0000${cls}` : cls)}`, sheetName(L('sheet', { class: label })), true);
    b.title(L('title', { class: label }));
    b.line('intro', [L('intro')], { italic: true, fill: COLORS.personalFill });
    b.blank();
    const start = b.cursor;
    const gradeCols = subjects.length * T;
    b.table('pupils', header, rows, { formats: header.map((_, i) => (i === 1 ? FMT.text : null)) });
    if (rows.length && gradeCols) {
      b.highlight({ range: { row: start + 1, col: 2, rows: rows.length, cols: gradeCols }, when: { equals: 'F' }, fill: COLORS.bad, fontColor: COLORS.badText });
      b.highlight({ range: { row: start + 1, col: header.length - 1, rows: rows.length, cols: 1 }, when: { equals: L('yes') }, fill: COLORS.warn, fontColor: COLORS.warnText });
    }
    sheets.push(b.build({ frozenRows: start + 1, frozenColumns: 2, columnWidths: [22, 14, ...header.slice(2).map(() => 9)] }));
  }
  return sheets;
}
