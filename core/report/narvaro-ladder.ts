/**
 * The närvaroplan's parts of the report sheets (issue 16): on the Närvaro sheet the bands per group and
 * per month (line chart), the rapporteringsgrad per class and month with uncertain classes flagged,
 * absence against results, and per pupil the step; on the Åtgärdslista the step, action and deadline;
 * on the Nämndrapport the pupils per step and the pupils to report to the huvudman per month.
 */
import { formatPercent, t } from '../i18n';
import { subjectInfo } from '../grades/subjects';
import { COLORS, FMT, SheetBuilder, figureCell } from './layout';
import type { LadderView, PupilAbsenceView, ReportModel } from './model';
import type { PlanValue } from './plan';

/** Chart data sits right of the printed tables (as on the Nämndrapport). */
const CHART_DATA_COL = 20;

type Lx = (k: string, p?: Record<string, string | number>) => string;

/**
 * A line saying where the rules come from and what the steps are computed from.
 * @example ladderNotes(builder, view, L) // 'Regler från Skolanalys standardplan (…). Stegen är räknade från lektionsraderna, …'
 */
export function ladderNotes(b: SheetBuilder, v: LadderView, L: Lx): void {
  b.line('ladder-source', [`${L(`report.ladder.source.${v.from}`)} ${L(`report.ladder.basis.${v.basis}`)}`], { italic: true, fontColor: '#595959' });
}

/**
 * The Närvaro sheet's närvaroplan sections: bands per group, bands per month with a line chart,
 * rapporteringsgrad per class and month, absence against results. Every figure arrives suppressed.
 * @example narvaroLadderSections(builder, model, model.absence!.ladder!) // blocks 'bands', 'bands-monthly', 'reporting', 'results'
 */
export function narvaroLadderSections(b: SheetBuilder, m: ReportModel, v: LadderView): void {
  const L: Lx = (k, p = {}) => t(m.lang, k, p);
  const th = formatPercent(m.lang, v.plan.reportingThreshold, 0);
  const yes = L('report.yes');

  b.heading('h-bands', L('report.section.bands'));
  const bandHeader = [L('report.col.group'), L('report.col.pupils'),
    ...v.bandLabels.total.map((x) => L('report.col.totalPrefix', { band: x })), ...v.bandLabels.invalid.map((x) => L('report.col.invalidPrefix', { band: x })),
    L('report.col.reportingRate'), L('report.col.uncertain')];
  const bandRows: PlanValue[][] = v.bandGroups.map((g) => [g.by === 'class' && g.parent ? `${g.label} (${g.parent})` : g.label, g.pupils,
    ...g.total.map(figureCell), ...g.invalid.map(figureCell), g.reportingRate ?? '.', g.uncertain ? yes : '']);
  const bandStart = b.cursor;
  b.table('bands', bandHeader, bandRows, { formats: bandHeader.map((_, i) => (i === 0 ? null : i === 1 ? FMT.integer : i === bandHeader.length - 1 ? null : FMT.percent)), boldFirstColumn: true });
  if (bandRows.length) b.highlight({ range: { row: bandStart + 1, col: bandHeader.length - 1, rows: bandRows.length, cols: 1 }, when: { equals: yes }, fill: COLORS.warn, fontColor: COLORS.warnText });
  b.blank();

  if (v.months.length) {
    b.heading('h-bands-monthly', L('report.section.bandsMonthly'));
    const monthStart = b.cursor;
    const header = [L('report.col.month'), L('report.col.pupils'), ...v.bandLabels.total, L('report.col.reportingRate')];
    b.table('bands-monthly', header, v.months.map((x) => [x.month, x.pupils, ...x.total.map(figureCell), x.reportingRate ?? '.']),
      { formats: header.map((_, i) => (i === 0 ? FMT.text : i === 1 ? FMT.integer : FMT.percent)), boldFirstColumn: true });
    b.blank();
    // The chart reads a copy where suppressed figures are blank (a `..` would be drawn as 0).
    const data = b.sideTable('chart-bands-data', monthStart, CHART_DATA_COL, [L('report.col.month'), ...v.bandLabels.total],
      v.months.map((x) => [x.month, ...x.total.map((f) => (typeof f === 'number' ? f : null))]), [FMT.text, ...v.bandLabels.total.map(() => FMT.percent)]);
    b.chart('chart-bands-monthly', 'line', L('report.chart.bandsMonthly'), data, { percentAxis: true });
  }

  if (v.reporting.byClass.length) {
    b.heading('h-reporting', L('report.section.reporting'));
    const months = [...new Set(v.reporting.byClassMonth.map((r) => r.month!))].sort();
    const monthly = new Map(v.reporting.byClassMonth.map((r) => [`${r.school ?? ''}\u0000${r.className}\u0000${r.month}`, r.rate]));
    const header = [L('report.col.class'), L('report.col.school'), ...months, L('report.col.wholePeriod'), L('report.col.uncertain')];
    const rows: PlanValue[][] = v.reporting.byClass.map((c) => [c.className, c.school ?? '',
      ...months.map((mo) => monthly.get(`${c.school ?? ''}\u0000${c.className}\u0000${mo}`) ?? '.'), c.rate ?? '.', c.uncertain ? L('report.uncertain', { p: formatPercent(m.lang, c.rate ?? 0, 1) }) : '']);
    const start = b.cursor;
    b.table('reporting', header, rows, { formats: header.map((_, i) => (i < 2 || i === header.length - 1 ? null : FMT.percent)), boldFirstColumn: true });
    if (rows.length) b.highlight({ range: { row: start + 1, col: 2, rows: rows.length, cols: months.length + 1 }, when: { lessThan: v.plan.reportingThreshold }, fill: COLORS.bad, fontColor: COLORS.badText });
    b.line('reporting-def', [L('report.def.reporting', { p: th })], { italic: true, fontColor: '#595959' });
    b.blank();
  }

  if (v.results) {
    b.heading('h-results', L('report.section.results'));
    const r = v.results;
    b.table('results', [L('report.col.band'), L('report.col.pupils'), L('report.col.eligibleYrk'), L('report.col.meanMerit17'), L('report.col.allPassedShare')],
      r.bands.map((x) => [v.bandLabels.total[x.band], x.pupils, figureCell(x.eligibleShare), figureCell(x.meanMeritValue17), figureCell(x.allSubjectsPassedShare)]),
      { formats: [null, FMT.integer, FMT.percent, FMT.oneDecimal, FMT.percent], boldFirstColumn: true });
    b.blank();
    if (r.subjects.length) {
      b.heading('h-results-subjects', L('report.section.resultsSubjects'));
      b.table('results-subjects', [L('report.col.subject'), ...v.bandLabels.total],
        r.subjects.map((s) => [m.lang === 'sv' ? subjectInfo(s.subject).sv : subjectInfo(s.subject).en, ...s.meanPoints.map(figureCell)]),
        { formats: [null, ...v.bandLabels.total.map(() => FMT.oneDecimal)], boldFirstColumn: true });
      b.blank();
    }
  }
}

/**
 * Header cells a pupil row gains with the närvaroplan (Närvaro sheet).
 * @example pupilStepHeader(L)[0] // 'Steg i närvaroplanen'
 */
export function pupilStepHeader(L: Lx): string[] {
  return [L('report.col.stepName'), L('report.col.reachedOn'), L('report.col.previousStep'), L('report.col.bandTotal'), L('report.col.bandInvalid'), L('report.col.uncertain')];
}

/**
 * The step text of a pupil: `2 Kartlägga`, or `Inget steg`; `.` without a närvaroplan.
 * @example stepText(L, { step: { index: 2, name: 'Kartlägga' } } as PupilAbsenceView) // '2 Kartlägga'
 */
export function stepText(L: Lx, a: PupilAbsenceView | undefined): string {
  if (!a || a.step === undefined) return '.';
  return a.step ? `${a.step.index} ${a.step.name}` : L('report.stepNone');
}

/**
 * A pupil's närvaroplan cells (Närvaro sheet), matching `pupilStepHeader`.
 * @example pupilStepCells(L, view, pupil) // ['3 Utreda', '2026-02-09', 2, '15–30 %', 'under 1 %', '']
 */
export function pupilStepCells(L: Lx, v: LadderView, a: PupilAbsenceView): PlanValue[] {
  const band = (i: number | null | undefined, labels: string[]) => (i === null || i === undefined ? '.' : labels[i]);
  return [stepText(L, a), a.step?.reachedOn ?? (a.step ? '.' : ''), a.previousStep ?? '.', band(a.bands?.total, v.bandLabels.total), band(a.bands?.invalid, v.bandLabels.invalid), a.uncertain ? L('report.yes') : ''];
}

/**
 * The Nämndrapport's närvaroplan section: pupils per step and pupils to report to the huvudman by
 * month. Counts arrive suppressed (`..` under the threshold); no names, no personnummer.
 * @example namndrapportLadder(builder, model, model.absence!.ladder!) // blocks 'ladder' and 'huvudman'
 */
export function namndrapportLadder(b: SheetBuilder, m: ReportModel, v: LadderView): void {
  const L: Lx = (k, p = {}) => t(m.lang, k, p);
  b.heading('h-ladder', L('report.section.ladder'));
  b.table('ladder', [L('report.col.step'), L('report.col.stepName'), L('report.col.pupils')],
    v.steps.map((s) => [s.index, s.name, figureCell(s.pupils)]), { formats: [FMT.integer, null, FMT.integer] });
  b.blank();
  if (v.toHuvudman.length) {
    b.heading('h-huvudman', L('report.section.huvudman'));
    b.table('huvudman', [L('report.col.month'), L('report.col.toReport')],
      v.toHuvudman.map((x) => [x.month ?? L('report.col.wholePeriod'), figureCell(x.pupils)]), { formats: [FMT.text, FMT.integer] });
    b.blank();
  }
  ladderNotes(b, v, L);
  b.blank();
}
