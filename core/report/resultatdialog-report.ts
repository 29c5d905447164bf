/**
 * The report's Resultatdialog sheets (issue 15): when earlier grade files are given (`--previous`),
 * the same pupils are followed from the earliest of them to this term's file and each class gets its
 * sheet of grades side by side (`buildResultatdialog`). Only earlier files of the same pupils take
 * part: another year's cohort (given for the Historik) has nobody to follow.
 */
import type { ReportInputs, SheetData } from '../app';
import type { GradeTable, Settings } from '../types';
import { followCohort } from '../progression/cohort';
import { findPeriod, headValues, periodKey, periodOrder, type FoundPeriod } from './period';
import { buildResultatdialog } from './resultatdialog';
import type { SheetPlan } from './plan';

/**
 * An earlier file shares the cohort when at least half of its pupils are in this term's file.
 * @example sameCohort(vt2025Table, new Set(vt2026Table.pupils.map((p) => p.id))) // true for the same class a year on
 */
export function sameCohort(earlier: GradeTable, ids: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const p of earlier.pupils) if (ids.has(p.id)) shared++;
  return earlier.pupils.length > 0 && shared * 2 >= earlier.pupils.length;
}

/** A file's period, from `--period` (this term's file only), its names or SCB's Datum. */
function periodOf(data: SheetData, file?: string, option?: string): FoundPeriod | null {
  return findPeriod({ option, sheet: data.sheet, file, values: headValues(data) });
}

/**
 * The Resultatdialog sheets of a report: the earlier grade files (`inputs.earlier`, else
 * `inputs.previous`) before this term that share its pupils, in time order, then this term's file;
 * one sheet per class of this term's pupils. Empty without such an earlier file. `readEarlier` gives
 * null for a file already known to be another cohort. Columns are labelled
 * by period (`Ma VT2025`) when the files say theirs, else by sheet name.
 * @example resultatdialogSheets(inputs, table, (d) => readGradeTable(d, opts), settings).map((s) => s.key) // ['resultatdialog_9A', 'resultatdialog_9B']
 */
export function resultatdialogSheets(inputs: ReportInputs, current: GradeTable, readEarlier: (d: SheetData) => GradeTable | null, settings: Settings): SheetPlan[] {
  const list = inputs.earlier ?? (inputs.previous ? [{ grades: inputs.previous }] : []);
  if (!list.length) return [];
  const now = periodOf(inputs.grades, inputs.gradesFile, inputs.period);
  const ids = new Set(current.pupils.map((p) => p.id));
  const files: { label: string; table: GradeTable; order: number; at: number }[] = [];
  list.forEach((e, at) => {
    if (e.grades === inputs.grades) return;
    const p = periodOf(e.grades, e.file);
    // A file of this term or later is no earlier term (a Historik source of another year's cohort).
    if (now && p && periodOrder(p) >= periodOrder(now)) return;
    // null: read already and found to be another cohort (its table was not kept).
    const table = readEarlier(e.grades);
    if (!table || !sameCohort(table, ids)) return;
    files.push({ label: p ? periodKey(p) : e.grades.sheet, table, order: p ? periodOrder(p) : Number.NEGATIVE_INFINITY, at });
  });
  if (!files.length) return [];
  // Time order; files without a period first, in the order given.
  files.sort((a, b) => a.order - b.order || a.at - b.at);
  const inputsInOrder = [...files.map((f) => ({ label: f.label, table: f.table })), { label: now ? periodKey(now) : inputs.grades.sheet, table: current }];
  const cohort = followCohort(inputsInOrder, settings, { lang: settings.lang });
  return buildResultatdialog(cohort, settings.lang, { currentOnly: true });
}
