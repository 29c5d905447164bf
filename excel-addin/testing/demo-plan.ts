/**
 * The demo report plan from `buildReport` over the synthetic SCB grade file of examples/ with any
 * number of pupils: what the pane applies in Excel for a school of that size.
 */
import { buildReport, REPORT_KINDS } from '../../core/app';
import type { ReportPlan } from '../../core/report/plan';
import { DEFAULT_SETTINGS } from '../../core/types';
import { parseDelimited } from '../../core/table/text';
import { DEMO_SEED, generatePupils, scbGradeFileText } from '../../examples/generator';

export function demoPlan(pupils: number): ReportPlan {
  const values = parseDelimited(scbGradeFileText(generatePupils(pupils, DEMO_SEED)));
  const r = buildReport({ grades: { sheet: 'Betyg', values }, period: 'Vårterminen 2026', sources: ['betyg.txt'] }, REPORT_KINDS, DEFAULT_SETTINGS, new Date('2026-06-15T12:00:00Z'));
  return r.plan;
}
