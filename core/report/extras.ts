/**
 * Adapters from the attendance, progression and survey engines to the report model: they run an
 * engine and translate its output to the figures the sheets show, nothing more.
 */
import type { Detection, SheetData } from '../app';
import type { GradeAnalysis } from '../grades/analyse';
import type { Figure, GradeTable, Problem, Settings } from '../types';
import {
  absenceAgainstResults, attendanceGroups, bandGroups, bandIndex, bandLabels, defaultAttendancePlan, dueDay, evaluateLadder, isoDate, monthlyBands,
  readAttendance, readPlanSheet, reportingRates, type AttendanceGroup, type AttendanceTable, type LadderEvaluation, type PlanRead,
} from '../attendance';
import { monthIndex } from '../attendance/lessons';
import { compareTerms, matchKey } from '../progression';
import { areaResults, readSurvey } from '../survey';
import { compareSv } from '../i18n';
import { suppress } from '../stats';
import type { AbsenceGroupFigures, LadderView, PupilAbsenceView, ReportModel } from './model';

/** An attendance sheet (totals or lesson rows) as a Detection, or null when it is none. */
export function detectAttendance(data: SheetData, referenceYear: number, settings: Settings): Detection | null {
  const table = readAttendance(data, { referenceYear, settings, lang: settings.lang });
  if (table.pupils.length === 0 || table.headerRow === null) return null;
  return {
    sheet: data.sheet, kind: table.source === 'lessons' ? 'lessons' : 'attendance', headerRow: table.headerRow, layout: table.source,
    pupils: table.pupils.length, subjects: [], columns: [], unmapped: [], problems: table.problems,
  };
}

/** Sum of two level shares, keeping `..`/`.` when either is not a number. */
function plus(a: Figure, b: Figure): Figure {
  return typeof a === 'number' && typeof b === 'number' ? a + b : typeof a === 'number' ? b : a;
}

function absenceFigures(g: AttendanceGroup): AbsenceGroupFigures {
  return {
    label: g.label,
    pupils: g.pupils,
    meanAbsence: g.meanAbsenceShare,
    meanInvalid: g.meanInvalidShare,
    shareProblematic: g.atLeastProblematicShare,
    shareHigh: plus(g.levelShares.high, g.levelShares.veryHigh),
    shareVeryHigh: g.levelShares.veryHigh,
  };
}

/**
 * Reads the attendance sheet and gives the report its absence figures. School, class and gender
 * come from the grade file when the export lacks them (Vklass totals carry no school).
 */
export function attendanceModel(data: SheetData, analysis: GradeAnalysis, settings: Settings, referenceYear: number, planData?: SheetData): { absence: ReportModel['absence']; problems: Problem[] } {
  const table = readAttendance(data, { referenceYear, settings, lang: settings.lang });
  const planRead: PlanRead = planData ? readPlanSheet(planData, settings.lang) : { plan: defaultAttendancePlan(settings.lang), from: 'default', problems: [] };
  const ladder = evaluateLadder(table, planRead.plan, settings.lang);
  const graded = new Map(analysis.pupils.map((e) => [e.pupil.personnummer ?? e.pupil.id, e.pupil]));
  const enriched: AttendanceTable = {
    ...table,
    pupils: table.pupils.map((p) => {
      const g = graded.get(p.personnummer ?? p.id);
      return g ? { ...p, id: g.id, school: p.school ?? g.school, className: p.className ?? g.className, gender: p.gender ?? g.gender } : p;
    }),
  };
  const groups = attendanceGroups(enriched, settings);
  const shown = [
    ...groups.filter((g) => g.by === 'all' || g.by === 'gender'),
    ...groups.filter((g) => g.by === 'school'),
  ].map(absenceFigures);
  const view = ladderView(enriched, ladder, planRead, analysis, settings);
  const uncertainClass = new Set(view.reporting.byClass.filter((c) => c.uncertain).map((c) => `${c.school ?? ''}\u0000${c.className}`));
  const day = (d: number | null) => (d === null ? null : isoDate(d));
  const plan = planRead.plan;
  const byPupil = new Map<string, PupilAbsenceView>();
  enriched.pupils.forEach((p, i) => {
    const e = ladder.pupils[i];
    byPupil.set(p.id, {
      id: p.id, name: p.name, className: p.className, scheduledMinutes: p.scheduledMinutes,
      absenceShare: p.absenceShare, validShare: p.validShare, invalidShare: p.invalidShare, level: p.level, invalidFlag: p.invalidFlag,
      longestAbsentStreakDays: p.longestAbsentStreakDays, absentDays: p.absentDays, reportingRate: p.reportingRate,
      bands: { total: bandIndex(p.absenceShare, plan.bands.total), invalid: bandIndex(p.invalidShare, plan.bands.invalid) },
      step: e.step ? { index: e.step.index, name: e.step.name, action: e.step.action, reachedOn: day(e.reachedDay), dueOn: day(dueDay(e.reachedDay, e.step)) } : null,
      previousStep: e.previousIndex,
      uncertain: uncertainClass.has(`${p.school ?? ''}\u0000${p.className ?? ''}`),
    });
  });
  return { absence: { byPupil, groups: shown, ladder: view }, problems: [...planRead.problems, ...ladder.problems, ...table.problems] };
}

/**
 * The närvaroplan's figures for the report: pupils per step and pupils to report to the huvudman per
 * month (counts suppressed on the pupils with attendance data, of the whole file or of the month),
 * bands per group and month, rapporteringsgrad, and absence against results.
 * Worked: 9 pupils with attendance, 3 at step 1 → `..` (a count of 9 pupils' results).
 * @example ladderView(table, evaluateLadder(table, plan), { plan, from: 'default', problems: [] }, analysis, DEFAULT_SETTINGS).steps[0].pupils // '..'
 */
export function ladderView(table: AttendanceTable, ladder: LadderEvaluation, read: PlanRead, analysis: GradeAnalysis | null, settings: Settings): LadderView {
  const th = settings.suppressionThreshold;
  const plan = read.plan;
  const withData = table.pupils.filter((p) => p.absenceShare !== null).length;
  const counts = new Map<number, number>();
  ladder.pupils.forEach((e, i) => {
    if (e.step && table.pupils[i].absenceShare !== null) counts.set(e.step.index, (counts.get(e.step.index) ?? 0) + 1);
  });
  const months = monthlyBands(table, plan, th);
  // The first huvudman-reporting step each pupil reached, and when.
  const report = plan.steps.map((s) => s.reportToHuvudman);
  const firstReport = plan.steps.findIndex((s) => s.reportToHuvudman);
  const toHuvudman: LadderView['toHuvudman'] = [];
  if (firstReport >= 0) {
    if (ladder.basis === 'lessons') {
      const perMonth = new Map<string, number>();
      for (const e of ladder.pupils) {
        let d = NaN;
        e.reached.forEach((r, k) => {
          if (report[k] && !Number.isNaN(r) && (Number.isNaN(d) || r < d)) d = r;
        });
        if (Number.isNaN(d)) continue;
        const mi = monthIndex(d);
        const key = `${Math.floor(mi / 12)}-${String((mi % 12) + 1).padStart(2, '0')}`;
        perMonth.set(key, (perMonth.get(key) ?? 0) + 1);
      }
      for (const m of months) toHuvudman.push({ month: m.month, pupils: suppress(perMonth.get(m.month) ?? 0, m.pupils, th) });
    } else {
      // From totals there is no month: the pupils whose step is a reporting step or above it.
      const at = ladder.pupils.filter((e) => e.step && e.step.index >= plan.steps[firstReport].index).length;
      toHuvudman.push({ month: null, pupils: suppress(at, withData, th) });
    }
  }
  return {
    plan, from: read.from, basis: ladder.basis,
    bandLabels: { total: bandLabels(plan.bands.total, settings.lang), invalid: bandLabels(plan.bands.invalid, settings.lang) },
    pupils: withData,
    steps: plan.steps.map((s) => ({ index: s.index, name: s.name, pupils: suppress(counts.get(s.index) ?? 0, withData, th) })),
    toHuvudman,
    bandGroups: bandGroups(table, plan, settings),
    months,
    reporting: reportingRates(table, plan.reportingThreshold),
    ...(analysis ? { results: absenceAgainstResults(analysis.pupils, table.pupils, plan, th, analysis.scale) } : {}),
  };
}

/** A survey answer sheet as a Detection, or null when it is none. */
export function detectSurvey(data: SheetData, settings: Settings): Detection | null {
  const table = readSurvey(data, { lang: settings.lang });
  if (table.respondents.length === 0 || table.items.length === 0) return null;
  return {
    sheet: data.sheet, kind: 'survey', headerRow: table.headerRow, layout: table.layout,
    pupils: table.respondents.length, subjects: [], columns: [], unmapped: [], problems: table.problems,
  };
}


/**
 * Progression between the earlier and the later grade table, over the same pupils (domain §9),
 * as the report shows it.
 */
export function progressionModel(before: GradeTable, after: GradeTable, settings: Settings, label: string): { progression: ReportModel['progression']; problems: Problem[] } {
  const p = compareTerms(before, after, settings, { lang: settings.lang });
  const afterById = new Map(after.pupils.map((x) => [matchKey(x) ?? x.id, x]));
  const beforeById = new Map(before.pupils.map((x) => [matchKey(x) ?? x.id, x]));
  const pupils: NonNullable<ReportModel['progression']>['pupils'] = [];
  for (const c of p.pupils) {
    const rec = c.after.pupil;
    pupils.push({
      id: rec.id, firstName: rec.firstName, lastName: rec.lastName, className: rec.className, status: 'matched',
      passedBefore: c.before.passed, passedAfter: c.after.passed, meritBefore: c.before.meritValue17, meritAfter: c.after.meritValue17,
      yrkBefore: c.before.eligibility.YRK.eligible, yrkAfter: c.after.eligibility.YRK.eligible,
    });
  }
  for (const id of p.newIds) {
    const rec = afterById.get(id);
    if (rec) pupils.push({ id: rec.id, firstName: rec.firstName, lastName: rec.lastName, className: rec.className, status: 'new', passedBefore: null, passedAfter: null, meritBefore: null, meritAfter: null, yrkBefore: null, yrkAfter: null });
  }
  for (const id of p.leftIds) {
    const rec = beforeById.get(id);
    if (rec) pupils.push({ id: rec.id, firstName: rec.firstName, lastName: rec.lastName, className: rec.className, status: 'left', passedBefore: null, passedAfter: null, meritBefore: null, meritAfter: null, yrkBefore: null, yrkAfter: null });
  }
  const sortKey = (x: (typeof pupils)[number]) => `${x.className ?? ''}\u0000${x.lastName ?? ''}\u0000${x.firstName ?? ''}\u0000${x.id}`;
  pupils.sort((a, b) => compareSv(sortKey(a), sortKey(b)));
  return {
    problems: p.problems,
    progression: {
      label,
      matched: p.matched,
      new: p.new,
      left: p.left,
      eligibleYrkBefore: p.cohort.eligibleShareBefore.YRK,
      eligibleYrkAfter: p.cohort.eligibleShareAfter.YRK,
      meanMerit17Before: p.cohort.meanMeritValue17Before,
      meanMerit17After: p.cohort.meanMeritValue17After,
      subjects: p.subjects.map((x) => ({
        subject: x.subject, compared: x.compared, raised: x.raisedShare, unchanged: x.unchangedShare, lowered: x.loweredShare,
        failToPass: suppress(x.failToPass, x.compared, settings.suppressionThreshold), passToFail: suppress(x.passToFail, x.compared, settings.suppressionThreshold),
      })),
      pupils,
    },
  };
}

/** Area indices 0–10 and positive shares for all respondents (domain §10), suppressed under the threshold. */
export function surveyModel(data: SheetData, settings: Settings, questions?: SheetData): { areas: ReportModel['survey']; problems: Problem[] } {
  const table = readSurvey(data, { lang: settings.lang, ...(questions ? { questions } : {}) });
  const areas = areaResults(table, table.respondents, settings.suppressionThreshold);
  return { areas: areas.map((a) => ({ area: a.area, respondents: a.respondents, index: a.index, positiveShare: a.positiveShare })), problems: table.problems };
}
