/**
 * The Nämndrapport's group splits (issue 15): Sv vs Sva pupils, and all pupils vs without newly
 * arrived pupils and pupils of unknown background, as Skolverket reports them. Kept out of
 * namndrapport.ts (its print layout changes on its own); the rows come from the grades engine,
 * already suppressed, so this only lays them out.
 */
import { t } from '../i18n';
import type { GradeAnalysis } from '../grades/analyse';
import { FMT, figureCell, type SheetBuilder } from './layout';
import type { GroupSplitRow, ReportModel } from './model';

/**
 * The split rows of an analysis: `svenska` (Sv, Sva) then `nyanland` (med, utan), in the engine's order.
 * @example groupSplitRows(analysis).map((r) => r.key) // ['Sv', 'Sva', 'med-nyanlanda', 'utan-nyanlanda']
 */
export function groupSplitRows(a: Pick<GradeAnalysis, 'groups'>): GroupSplitRow[] {
  const rows: GroupSplitRow[] = [];
  for (const by of ['svenska', 'nyanland'] as const) {
    for (const g of a.groups) {
      if (g.by !== by) continue;
      rows.push({
        by, key: g.key, label: g.label, pupils: g.pupils,
        eligibleYrk: g.eligibleShare.YRK, meanMeritValue17: g.meanMeritValue17, allSubjectsPassedShare: g.allSubjectsPassedShare,
        subjectPassShare: { Sv: g.subjectPassShare?.Sv ?? '.', En: g.subjectPassShare?.En ?? '.', Ma: g.subjectPassShare?.Ma ?? '.' },
      });
    }
  }
  return rows;
}

/**
 * Adds the "Grupper" section to a Nämndrapport being built: one table of at most eight columns (the
 * printed width), a row per group, and a note on how the groups are made. Nothing without splits.
 * @example namndrapportGroups(builder, model) // heading 'h-groups' and table 'groups' when model.groupSplits has rows
 */
export function namndrapportGroups(b: SheetBuilder, m: ReportModel): void {
  const rows = m.groupSplits ?? [];
  if (!rows.length) return;
  const L = (key: string, params: Record<string, string | number> = {}) => t(m.lang, key, params);
  b.heading('h-groups', L('report.section.groups'));
  b.table('groups',
    [L('report.col.group'), L('report.col.pupils'), L('report.ind.YRK'), L('report.ind.merit17'), L('report.ind.allPassed'), L('report.col.passSv'), L('report.col.passEn'), L('report.col.passMa')],
    rows.map((r) => [r.label, r.pupils, figureCell(r.eligibleYrk), figureCell(r.meanMeritValue17), figureCell(r.allSubjectsPassedShare),
      figureCell(r.subjectPassShare.Sv), figureCell(r.subjectPassShare.En), figureCell(r.subjectPassShare.Ma)]),
    { formats: [null, FMT.integer, FMT.percent, FMT.oneDecimal, FMT.percent, FMT.percent, FMT.percent, FMT.percent], boldFirstColumn: true, wrapFirstColumn: true });
  const notes = [L('report.groups.note.svenska')];
  if (rows.some((r) => r.by === 'nyanland')) {
    notes.push(L('report.groups.note.nyanland'));
    if (m.arrivalCutoff) notes.push(L('report.groups.note.arrival', { date: m.arrivalCutoff }));
    notes.push(L('report.groups.note.suppressed', { n: m.settings.suppressionThreshold }));
  }
  notes.forEach((n, i) => b.line(`groups-note-${i + 1}`, [n], { italic: true, fontColor: '#595959' }));
  b.blank();
}
