/**
 * What issue 15 adds to the report model from the grades analysis: the term the grades belong to (for
 * arrival dates), the data-quality table for the Datakontroll and the group-split rows for the
 * Nämndrapport. Kept apart from build.ts so that file only calls it.
 */
import type { ReportInputs } from '../app';
import type { GradeAnalysis } from '../grades/analyse';
import { arrivalCutoff, backgroundColumns, type Term } from '../grades/background';
import type { GradeTable } from '../types';
import type { ReportModel } from './model';
import { groupSplitRows } from './namnd-groups';
import { findPeriod } from './period';

/**
 * The term of the report's grades (`--period`, the sheet's or file's name, SCB's Datum) when the table
 * has arrival dates to read with it; else null, without looking (SCB's Datum would split a text export).
 * @example gradesTerm({ grades: { sheet: 'Betyg VT2026', values: [] } }, tableWithAnkomstdatum) // { term: 'VT', year: 2026 }
 */
export function gradesTerm(inputs: Pick<ReportInputs, 'grades' | 'period' | 'gradesFile'>, table: Pick<GradeTable, 'columns'>): Term | null {
  if (!backgroundColumns(table).dates) return null;
  const grades = inputs.grades;
  // The grid only if neither the option nor a name says the term.
  const p = findPeriod({ option: inputs.period, sheet: grades.sheet, file: inputs.gradesFile, get values() { return grades.values; } });
  return p ? { term: p.term, year: p.year } : null;
}

/**
 * The model fields of issue 15: `dataQuality`, `groupSplits` and, with arrival dates and a term, `arrivalCutoff`.
 * @example gradesExtras(analysis, table, { term: 'VT', year: 2026 }).arrivalCutoff // '2022-01-01' with an Ankomstdatum column
 */
export function gradesExtras(a: GradeAnalysis, table: Pick<GradeTable, 'columns'>, term: Term | null): Pick<ReportModel, 'dataQuality' | 'groupSplits' | 'arrivalCutoff'> {
  const out: Pick<ReportModel, 'dataQuality' | 'groupSplits' | 'arrivalCutoff'> = { dataQuality: a.dataQuality, groupSplits: groupSplitRows(a) };
  if (term && backgroundColumns(table).dates) out.arrivalCutoff = arrivalCutoff(term);
  return out;
}
