/**
 * The principal's pupil-level sheets: Elevlista, Åtgärdslista, Närvaro and Progression. They hold
 * personal data and say so in their title row; the Nämndrapport never draws on them.
 */
import { compareSv, svSortKey, t } from '../i18n';
import type { AbsenceLevel, EligibilityResult, Lang, Problem, ProgramCode, PupilEvaluation } from '../types';
import { PROGRAM_CODES } from '../types';
import { COLORS, FMT, SheetBuilder, figureCell } from './layout';
import type { PupilAbsenceView, ReportModel } from './model';
import type { PlanValue, SheetPlan } from './plan';
import { ladderNotes, narvaroLadderSections, pupilStepCells, pupilStepHeader } from './narvaro-ladder';
import { kontrollQuality } from './kontroll-quality';

/**
 * What a pupil must still pass for a target, as short Swedish text: the named subjects, then how
 * many further passes of any subject. Empty when eligible.
 * @example missingText('sv', { eligible: false, missing: ['Ma'], morePassesNeeded: 2, missingCore: ['Ma'], missingRequired: [] }) // 'Ma + 1 ämne till'
 */
export function missingText(lang: Lang, e: EligibilityResult): string {
  if (e.eligible) return '';
  const extra = Math.max(0, e.morePassesNeeded - e.missing.length);
  const named = e.missing.join(', ');
  const more = extra === 0 ? '' : t(lang, extra === 1 ? 'report.missing.moreOne' : 'report.missing.moreMany', { n: extra });
  return named && more ? `${named} + ${more}` : named || more;
}

function levelText(lang: Lang, level: AbsenceLevel): string {
  return t(lang, `report.level.${level}`);
}

/** The sorted list per pupils array: the Elevlista and the Åtgärdslista share one sort. */
const SORTED = new WeakMap<readonly PupilEvaluation[], PupilEvaluation[]>();

/**
 * Pupils in a stable list order: class, last name, first name, id, in Swedish alphabetical order
 * (Åberg before Ängel before Öberg, case ignored). Keys are built once per pupil (not per
 * comparison) and flat, so 100 000 comparisons stay cheap; the collator only settles equal keys.
 */
function sortedByClassAndName(evals: readonly PupilEvaluation[]): PupilEvaluation[] {
  const hit = SORTED.get(evals);
  if (hit) return hit;
  const keyed = evals.map((e) => {
    const fields = [e.pupil.className ?? '', e.pupil.lastName ?? '', e.pupil.firstName ?? '', e.pupil.id].join('\u0000');
    return { e, k: svSortKey(fields), fields };
  });
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : compareSv(a.fields, b.fields)));
  const sorted = keyed.map((x) => x.e);
  SORTED.set(evals, sorted);
  return sorted;
}

function levelHighlights(b: SheetBuilder, lang: Lang, row: number, col: number, rows: number): void {
  if (rows <= 0) return;
  const range = { row, col, rows, cols: 1 };
  b.highlight({ range, when: { equals: levelText(lang, 'problematic') }, fill: COLORS.warn, fontColor: COLORS.warnText });
  b.highlight({ range, when: { equals: levelText(lang, 'high') }, fill: COLORS.severe });
  b.highlight({ range, when: { equals: levelText(lang, 'veryHigh') }, fill: COLORS.bad, fontColor: COLORS.badText });
}

/**
 * Elevlista: one row per pupil with eligibility per programme, what is missing, passes,
 * meritvärde and absence. A filterable table.
 * @example buildElevlista(model).personalData // true
 */
export function buildElevlista(m: ReportModel): SheetPlan {
  const L = (k: string, p: Record<string, string | number> = {}) => t(m.lang, k, p);
  const b = new SheetBuilder('elevlista', L('report.sheet.elevlista'), true);
  b.title(L('report.title.elevlista', { year: m.settings.finalYear }));
  b.line('privacy', [L('report.meta.personalData')], { italic: true, fill: COLORS.personalFill });
  b.blank();
  const yes = L('report.yes');
  const no = L('report.no');
  const header = [L('report.col.class'), L('report.col.school'), L('report.col.lastName'), L('report.col.firstName'), L('report.col.id'), L('report.col.gender'),
    L('report.col.passed'), L('report.col.merit16'), L('report.col.merit17'), ...PROGRAM_CODES,
    L('report.col.missingFor', { program: L('report.program.YRK') }), L('report.col.missingFor', { program: 'NA/TE' }), L('report.col.near')];
  const withAbsence = !!m.absence;
  if (withAbsence) header.push(L('report.col.absence'), L('report.col.invalidAbsence'), L('report.col.level'));
  const pupils = sortedByClassAndName(m.pupils);
  const rows: PlanValue[][] = pupils.map((e) => {
    const p = e.pupil;
    const row: PlanValue[] = [p.className ?? '', p.school ?? '', p.lastName ?? '', p.firstName ?? '', p.id, p.gender ? L(`report.gender.${p.gender}`) : '',
      e.passed, e.meritValue16, e.meritValue17, ...PROGRAM_CODES.map((c: ProgramCode) => (e.eligibility[c].eligible ? yes : no)),
      missingText(m.lang, e.eligibility.YRK), missingText(m.lang, e.eligibility.NA), e.nearEligible ? yes : ''];
    if (withAbsence) {
      const a = m.absence!.byPupil.get(p.id);
      row.push(a?.absenceShare ?? '.', a?.invalidShare ?? '.', a ? levelText(m.lang, a.level) : '.');
    }
    return row;
  });
  const formats: (string | null)[] = header.map(() => null);
  formats[4] = FMT.text;
  formats[6] = FMT.integer;
  formats[7] = FMT.oneDecimal;
  formats[8] = FMT.oneDecimal;
  if (withAbsence) {
    formats[header.length - 3] = FMT.percent;
    formats[header.length - 2] = FMT.percent;
  }
  const start = b.cursor;
  b.table('pupils', header, rows, { formats, tableName: 'Skolanalys_Elevlista' });
  const progCol = 9;
  const body = { row: start + 1, col: progCol, rows: rows.length, cols: PROGRAM_CODES.length };
  if (rows.length) {
    b.highlight({ range: body, when: { equals: no }, fill: COLORS.bad, fontColor: COLORS.badText });
    b.highlight({ range: body, when: { equals: yes }, fill: COLORS.good, fontColor: COLORS.goodText });
    if (withAbsence) levelHighlights(b, m.lang, start + 1, header.length - 1, rows.length);
  }
  const widths = header.map((h, i) => (i === 4 ? 15 : i >= progCol && i < progCol + PROGRAM_CODES.length ? 7 : Math.min(30, Math.max(10, h.length + 2))));
  return b.build({ frozenRows: start + 1, frozenColumns: 4, columnWidths: widths });
}

/** Why a pupil is on the Åtgärdslista (empty when not). */
function actionReasons(m: ReportModel, e: PupilEvaluation, a: PupilAbsenceView | undefined): string[] {
  const reasons: string[] = [];
  if (e.nearEligible) reasons.push(t(m.lang, 'report.reason.near', { n: e.shortOfYrk }));
  // With the närvaroplan the step is the reason (the school's own rule); without it, the level.
  if (a?.step) {
    reasons.push(a.step.reachedOn ? t(m.lang, 'report.reason.step', { index: a.step.index, name: a.step.name, date: a.step.reachedOn }) : t(m.lang, 'report.reason.stepNoDate', { index: a.step.index, name: a.step.name }));
    return reasons;
  }
  if (a?.step === null) return reasons;
  if (a && (a.level === 'high' || a.level === 'veryHigh')) reasons.push(t(m.lang, 'report.reason.absence', { level: levelText(m.lang, a.level).toLowerCase() }));
  if (a && a.longestAbsentStreakDays !== null && a.longestAbsentStreakDays >= m.settings.absence.longAbsenceDays) {
    reasons.push(t(m.lang, 'report.reason.longAbsence', { n: a.longestAbsentStreakDays }));
  }
  return reasons;
}

/**
 * Åtgärdslista: pupils not eligible for yrkesprogram but at most 2 subjects short, and pupils
 * with high absence or a long absence run — with the subjects to work on and their absence.
 * The rektor's list for resultatdialoger and the närvaroteam.
 * @example buildAtgardslista(model).key // 'atgardslista'
 */
export function buildAtgardslista(m: ReportModel): SheetPlan {
  const L = (k: string, p: Record<string, string | number> = {}) => t(m.lang, k, p);
  const b = new SheetBuilder('atgardslista', L('report.sheet.atgardslista'), true);
  b.title(L('report.title.atgardslista'));
  b.line('privacy', [L('report.meta.personalData')], { italic: true, fill: COLORS.personalFill });
  b.blank();
  const header = [L('report.col.class'), L('report.col.lastName'), L('report.col.firstName'), L('report.col.id'), L('report.col.reason'),
    L('report.col.workOn'), L('report.col.subjectsShort'), L('report.col.merit17'), L('report.col.absence'), L('report.col.invalidAbsence'), L('report.col.level'), L('report.col.streak')];
  const ladder = m.absence?.ladder;
  if (ladder) header.push(L('report.col.stepName'), L('report.col.reachedOn'), L('report.col.action'), L('report.col.dueOn'), L('report.col.previousStep'));
  const rows: PlanValue[][] = [];
  for (const e of sortedByClassAndName(m.pupils)) {
    const a = m.absence?.byPupil.get(e.pupil.id);
    const reasons = actionReasons(m, e, a);
    if (!reasons.length) continue;
    const p = e.pupil;
    const row: PlanValue[] = [p.className ?? '', p.lastName ?? '', p.firstName ?? '', p.id, reasons.join('; '),
      e.eligibility.YRK.eligible ? '' : missingText(m.lang, e.eligibility.YRK), e.shortOfYrk, e.meritValue17,
      a?.absenceShare ?? '.', a?.invalidShare ?? '.', a ? levelText(m.lang, a.level) : '.', a?.longestAbsentStreakDays ?? '.'];
    if (ladder) row.push(a?.step ? `${a.step.index} ${a.step.name}` : '', a?.step?.reachedOn ?? '', a?.step?.action ?? '', a?.step?.dueOn ?? '', a?.previousStep ?? '.');
    rows.push(row);
  }
  // Pupils of the attendance export who are not in the grade file (other year groups) and reached a
  // step: the närvaroteam acts on them too. Their name is the export's, in the last-name column.
  if (ladder && m.absence) {
    const graded = new Set(m.pupils.map((e) => e.pupil.id));
    const extra = [...m.absence.byPupil.values()].filter((a) => a.step && !graded.has(a.id))
      .map((a) => ({ a, k: svSortKey(`${a.className ?? ''}\u0000${a.name ?? ''}\u0000${a.id}`) }))
      .sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0));
    for (const { a } of extra) {
      const s = a.step!;
      rows.push([a.className ?? '', a.name ?? '', '', a.id,
        s.reachedOn ? L('report.reason.step', { index: s.index, name: s.name, date: s.reachedOn }) : L('report.reason.stepNoDate', { index: s.index, name: s.name }),
        '', '.', '.', a.absenceShare ?? '.', a.invalidShare ?? '.', levelText(m.lang, a.level), a.longestAbsentStreakDays ?? '.',
        `${s.index} ${s.name}`, s.reachedOn ?? '', s.action, s.dueOn ?? '', a.previousStep ?? '.']);
    }
  }
  const start = b.cursor;
  const formats: (string | null)[] = [null, null, null, FMT.text, null, null, FMT.integer, FMT.oneDecimal, FMT.percent, FMT.percent, null, FMT.integer];
  if (ladder) formats.push(null, FMT.text, null, FMT.text, FMT.integer);
  b.table('actions', header, rows, { formats, tableName: 'Skolanalys_Atgardslista' });
  levelHighlights(b, m.lang, start + 1, 10, rows.length);
  return b.build({ frozenRows: start + 1, frozenColumns: 3, columnWidths: [8, 16, 14, 15, 44, 30, 12, 12, 10, 12, 13, 14, ...(ladder ? [22, 11, 50, 11, 12] : [])] });
}

/**
 * Närvaro detail sheet: group figures (suppressed) and one row per pupil of the attendance export.
 * @example buildNarvaro(model)?.key // 'narvaro'
 */
export function buildNarvaro(m: ReportModel): SheetPlan | null {
  if (!m.absence) return null;
  const L = (k: string, p: Record<string, string | number> = {}) => t(m.lang, k, p);
  const b = new SheetBuilder('narvaro', L('report.sheet.narvaro'), true);
  b.title(L('report.title.narvaro'));
  b.line('privacy', [L('report.meta.personalData')], { italic: true, fill: COLORS.personalFill });
  const ladder = m.absence.ladder;
  if (ladder) ladderNotes(b, ladder, L);
  b.blank();
  b.table('groups', [L('report.col.group'), L('report.col.pupils'), L('report.col.meanAbsence'), L('report.col.meanInvalid'),
    L('report.level.problematic'), L('report.level.high'), L('report.level.veryHigh')],
  m.absence.groups.map((g) => [g.label, g.pupils, figureCell(g.meanAbsence), figureCell(g.meanInvalid), figureCell(g.shareProblematic), figureCell(g.shareHigh), figureCell(g.shareVeryHigh)]),
  { formats: [null, FMT.integer, FMT.percent, FMT.percent, FMT.percent, FMT.percent, FMT.percent], boldFirstColumn: true });
  b.blank();
  if (ladder) narvaroLadderSections(b, m, ladder);
  const byId = new Map(m.pupils.map((e) => [e.pupil.id, e.pupil]));
  const views = [...m.absence.byPupil.values()];
  const rows: PlanValue[][] = views.map((a) => {
    const p = byId.get(a.id);
    const name = p ? `${p.lastName ?? ''}${p.lastName && p.firstName ? ', ' : ''}${p.firstName ?? ''}` : (a.name ?? '');
    const row: PlanValue[] = [p?.className ?? a.className ?? '', name, a.id, Math.round((a.scheduledMinutes / 60) * 10) / 10, a.absenceShare ?? '.', a.validShare ?? '.', a.invalidShare ?? '.',
      levelText(m.lang, a.level), a.absentDays ?? '.', a.longestAbsentStreakDays ?? '.', a.reportingRate ?? '.'];
    if (ladder) row.push(...pupilStepCells(L, ladder, a));
    return row;
  });
  const keys = new Map(rows.map((r) => [r, `${r[0]}\u0000${r[1]}\u0000${r[2]}`]));
  rows.sort((x, y) => (keys.get(x)! < keys.get(y)! ? -1 : keys.get(x)! > keys.get(y)! ? 1 : 0));
  if (ladder) b.heading('h-pupils', L('report.section.pupilSteps'));
  const start = b.cursor;
  const header = [L('report.col.class'), L('report.col.lastName'), L('report.col.id'), L('report.col.scheduled'), L('report.col.absence'), L('report.col.valid'),
    L('report.col.invalidAbsence'), L('report.col.level'), L('report.col.absentDays'), L('report.col.streak'), L('report.col.reportingRate')];
  const formats: (string | null)[] = [null, null, FMT.text, FMT.oneDecimal, FMT.percent, FMT.percent, FMT.percent, null, FMT.integer, FMT.integer, FMT.percent];
  if (ladder) {
    header.push(...pupilStepHeader(L));
    formats.push(null, FMT.text, FMT.integer, null, null, null);
  }
  b.table('pupils', header, rows, { formats, tableName: 'Skolanalys_Narvaro' });
  levelHighlights(b, m.lang, start + 1, 7, rows.length);
  // The närvaroteam prints it: landscape, one page wide, without the chart data further right.
  const print = { orientation: 'landscape' as const, fitToWidth: true, area: { row: 0, col: 0, rows: b.cursor, cols: header.length } };
  // With the närvaroplan's sections above it the pupil table starts far down: freezing that many rows
  // would leave no room to scroll, so only the short sheet freezes its header.
  return b.build({ ...(ladder ? {} : { frozenRows: start + 1 }), columnWidths: [26, 26, 15, 12, 10, 10, 12, 13, 11, 14, 13, ...(ladder ? [26, 11, 12, 12, 12, 8] : [])], print });
}

/**
 * Progression detail sheet: cohort over the same pupils, per subject, per pupil.
 * @example buildProgressionSheet(model)?.key // 'progression'
 */
export function buildProgressionSheet(m: ReportModel): SheetPlan | null {
  const p = m.progression;
  if (!p) return null;
  const L = (k: string, q: Record<string, string | number> = {}) => t(m.lang, k, q);
  const b = new SheetBuilder('progression', L('report.sheet.progression'), true);
  b.title(L('report.title.progression'));
  b.line('privacy', [L('report.meta.personalData')], { italic: true, fill: COLORS.personalFill });
  b.line('label', [p.label]);
  b.blank();
  b.table('counts', [L('report.col.status'), L('report.col.count')], [
    [L('report.status.matched'), p.matched], [L('report.status.new'), p.new], [L('report.status.left'), p.left]], { formats: [null, FMT.integer] });
  b.blank();
  b.table('cohort', [L('report.col.indicator'), L('report.col.before'), L('report.col.after')], [
    [L('report.ind.YRK'), figureCell(p.eligibleYrkBefore), figureCell(p.eligibleYrkAfter)],
    [L('report.ind.merit17'), figureCell(p.meanMerit17Before), figureCell(p.meanMerit17After)],
  ], { rowFormats: [FMT.percent, FMT.oneDecimal], boldFirstColumn: true });
  b.blank();
  b.table('subjects', [L('report.col.subject'), L('report.col.matchedGrades'), L('report.col.raised'), L('report.col.unchanged'), L('report.col.lowered'), L('report.col.failToPass'), L('report.col.passToFail')],
    p.subjects.map((s) => [s.subject, s.compared, figureCell(s.raised), figureCell(s.unchanged), figureCell(s.lowered), figureCell(s.failToPass), figureCell(s.passToFail)]),
    { formats: [null, FMT.integer, FMT.percent, FMT.percent, FMT.percent, FMT.integer, FMT.integer] });
  b.blank();
  const yes = L('report.yes');
  const no = L('report.no');
  const yn = (v: boolean | null) => (v === null ? '.' : v ? yes : no);
  const start = b.cursor;
  b.table('pupils', [L('report.col.class'), L('report.col.lastName'), L('report.col.firstName'), L('report.col.id'), L('report.col.status'),
    L('report.col.passedBefore'), L('report.col.passedAfter'), L('report.col.meritBefore'), L('report.col.meritAfter'), L('report.col.yrkBefore'), L('report.col.yrkAfter')],
  p.pupils.map((x) => [x.className ?? '', x.lastName ?? '', x.firstName ?? '', x.id, L(`report.status.${x.status}`),
    x.passedBefore ?? '.', x.passedAfter ?? '.', x.meritBefore ?? '.', x.meritAfter ?? '.', yn(x.yrkBefore), yn(x.yrkAfter)]),
  { formats: [null, null, null, FMT.text, null, FMT.integer, FMT.integer, FMT.oneDecimal, FMT.oneDecimal, null, null], tableName: 'Skolanalys_Progression' });
  return b.build({ frozenRows: start + 1, columnWidths: [8, 16, 14, 15, 10, 12, 12, 14, 14, 14, 14] });
}

/**
 * Datakontroll: per subject what the grade cells held (`kontrollQuality`), then every input problem
 * with its address, the value found and what was expected, so nothing is silently dropped. The values may be personnummer, so the sheet says it holds
 * personal data.
 * @example buildProblemSheet(model, problems)?.key // 'kontroll'
 */
export function buildProblemSheet(m: ReportModel, problems: readonly Problem[]): SheetPlan | null {
  if (!problems.length) return null;
  const L = (k: string, p: Record<string, string | number> = {}) => t(m.lang, k, p);
  const b = new SheetBuilder('kontroll', L('report.sheet.kontroll'), true);
  b.title(L('report.title.kontroll'));
  b.line('intro', [L('report.kontroll.intro', { n: problems.length })], { italic: true, fill: COLORS.personalFill });
  b.blank();
  // Per subject what the cells held (issue 15), above the list: the overview before the details.
  const withQuality = !!m.dataQuality?.length;
  kontrollQuality(b, m.dataQuality, m.lang);
  if (withQuality) b.heading('h-problems', L('report.kontroll.problems'));
  const start = b.cursor;
  b.table('problems', [L('report.col.cell'), L('report.col.value'), L('report.col.severity'), L('report.col.message')],
    problems.map((p) => [p.cell, p.value === null || p.value === undefined ? '' : String(p.value), L(`report.severity.${p.severity}`), p.message]),
    { formats: [FMT.text, FMT.text, null, null], tableName: 'Skolanalys_Datakontroll' });
  if (problems.length) {
    b.highlight({ range: { row: start + 1, col: 2, rows: problems.length, cols: 1 }, when: { equals: L('report.severity.error') }, fill: COLORS.bad, fontColor: COLORS.badText });
  }
  // With the quality table above, freezing down to the list's header would leave no room to scroll.
  return b.build({ ...(withQuality ? {} : { frozenRows: start + 1 }), columnWidths: [26, 18, 10, 110, 9, 9, 9, 9, 9] });
}
