/**
 * Adapters from the attendance, progression and survey engines to the report model: they run an
 * engine and translate its output to the figures the sheets show, nothing more.
 */
import type { Detection, SheetData } from '../app';
import type { GradeAnalysis } from '../grades/analyse';
import type { Figure, GradeTable, Problem, Settings } from '../types';
import { attendanceGroups, readAttendance, type AttendanceGroup, type AttendanceTable } from '../attendance';
import { compareTerms, matchKey } from '../progression';
import { areaResults, readSurvey } from '../survey';
import { compareSv } from '../i18n';
import { suppress } from '../stats';
import type { AbsenceGroupFigures, PupilAbsenceView, ReportModel } from './model';

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
export function attendanceModel(data: SheetData, analysis: GradeAnalysis, settings: Settings, referenceYear: number): { absence: ReportModel['absence']; problems: Problem[] } {
  const table = readAttendance(data, { referenceYear, settings, lang: settings.lang });
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
  const byPupil = new Map<string, PupilAbsenceView>();
  for (const p of enriched.pupils) {
    byPupil.set(p.id, {
      id: p.id, name: p.name, className: p.className, scheduledMinutes: p.scheduledMinutes,
      absenceShare: p.absenceShare, validShare: p.validShare, invalidShare: p.invalidShare, level: p.level, invalidFlag: p.invalidFlag,
      longestAbsentStreakDays: p.longestAbsentStreakDays, absentDays: p.absentDays, reportingRate: p.reportingRate,
    });
  }
  return { absence: { byPupil, groups: shown }, problems: table.problems };
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
