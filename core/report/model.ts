/**
 * The report model: every figure the report sheets show, already computed and suppressed by the
 * engines (grades, stats, attendance, progression, survey). Sheet builders only lay it out, so
 * they can be tested with a hand-made model and stay free of rules.
 */
import type { AbsenceLevel, Figure, Lang, PupilEvaluation, ProgramCode, Settings, SubjectCode } from '../types';
import type { AbsenceResults, AttendancePlan, BandGroup, MonthBands, ReportingRate } from '../attendance';
import type { HistoryModel } from './history-model';
import type { Target } from './targets';
import type { Benchmark } from './benchmarks';
import type { SubjectQuality } from '../grades/quality';
import type { CoreSubject } from '../stats/indicators';

/** The §5 indicators for one group, suppressed per cell. */
export interface GroupFigures {
  label: string;
  pupils: number;
  eligibleShare: Record<ProgramCode, Figure>;
  meanMeritValue16: Figure;
  meanMeritValue17: Figure;
  allSubjectsPassedShare: Figure;
}

/**
 * A row of the Nämndrapport's group splits (issue 15): Sv vs Sva pupils, all pupils vs without newly
 * arrived and unknown background; figures as the grades engine suppressed them.
 */
export interface GroupSplitRow {
  by: 'svenska' | 'nyanland';
  key: string;
  label: string;
  pupils: number;
  eligibleYrk: Figure;
  meanMeritValue17: Figure;
  allSubjectsPassedShare: Figure;
  /** E or better in Sv (Sv or Sva), En, Ma. */
  subjectPassShare: Record<CoreSubject, Figure>;
}

export type DistributionKey = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

export interface SubjectFigures {
  subject: SubjectCode;
  /** Pupils with A–F in the subject. */
  graded: number;
  /** Share of the graded pupils with each mark (suppressed when graded < threshold). */
  shares: Record<DistributionKey, Figure>;
  /** Counts; suppressed when the subject's pupils (graded, streck and code 3) are under the threshold. */
  streck: Figure;
  notStudied: Figure;
  passShare: Figure;
  meanPoints: Figure;
  meanPointsGirls: Figure;
  meanPointsBoys: Figure;
}

export interface TestFigures {
  subject: SubjectCode;
  n: number;
  lower: Figure;
  same: Figure;
  higher: Figure;
}

/** One pupil's absence as the lists show it. */
export interface PupilAbsenceView {
  id: string;
  /** Name and class as the attendance export has them (used when the pupil is not in the grade file). */
  name?: string;
  className?: string | null;
  scheduledMinutes: number;
  absenceShare: number | null;
  validShare: number | null;
  invalidShare: number | null;
  level: AbsenceLevel;
  invalidFlag: boolean;
  longestAbsentStreakDays: number | null;
  absentDays: number | null;
  reportingRate: number | null;
  /** Närvaroplan (issue 16): band indices, the highest step reached and when; absent in hand-made models. */
  bands?: { total: number | null; invalid: number | null };
  step?: { index: number; name: string; action: string; reachedOn: string | null; dueOn: string | null } | null;
  /** Step at the end of the previous period (0 = none), null when unknown. */
  previousStep?: number | null;
  /** The pupil's class is under the rapporteringsgrad threshold: the figures are uncertain. */
  uncertain?: boolean;
}

/** The närvaroplan's figures for the report, already suppressed where they are counts. */
export interface LadderView {
  plan: AttendancePlan;
  from: 'sheet' | 'default';
  basis: 'lessons' | 'totals';
  bandLabels: { total: string[]; invalid: string[] };
  /** Pupils with attendance data (the denominator of the counts). */
  pupils: number;
  /** Pupils whose highest step is this step, suppressed on `pupils`. */
  steps: { index: number; name: string; pupils: Figure }[];
  /** Pupils reaching a huvudman-reporting step, by the month reached (month null: from totals, no month). */
  toHuvudman: { month: string | null; pupils: Figure }[];
  bandGroups: BandGroup[];
  months: MonthBands[];
  reporting: { byClass: ReportingRate[]; byClassMonth: ReportingRate[] };
  results?: AbsenceResults;
}

export interface AbsenceGroupFigures {
  label: string;
  pupils: number;
  meanAbsence: Figure;
  meanInvalid: Figure;
  shareProblematic: Figure;
  shareHigh: Figure;
  shareVeryHigh: Figure;
}

export interface ProgressionView {
  label: string;
  matched: number;
  new: number;
  left: number;
  eligibleYrkBefore: Figure;
  eligibleYrkAfter: Figure;
  meanMerit17Before: Figure;
  meanMerit17After: Figure;
  subjects: {
    subject: SubjectCode;
    compared: number;
    raised: Figure;
    unchanged: Figure;
    lowered: Figure;
    /** Counts, suppressed like the shares when fewer than the threshold grades were compared. */
    failToPass: Figure;
    passToFail: Figure;
  }[];
  pupils: {
    id: string;
    firstName?: string;
    lastName?: string;
    className: string | null;
    status: 'matched' | 'new' | 'left';
    passedBefore: number | null;
    passedAfter: number | null;
    meritBefore: number | null;
    meritAfter: number | null;
    yrkBefore: boolean | null;
    yrkAfter: boolean | null;
  }[];
}

export interface SurveyAreaView {
  area: string;
  respondents: number;
  index: Figure;
  positiveShare: Figure;
}

export interface ReportModel {
  lang: Lang;
  settings: Settings;
  /** Date the report was made (YYYY-MM-DD). */
  madeOn: string;
  period: string;
  sources: string[];
  pupils: PupilEvaluation[];
  total: GroupFigures;
  girls: GroupFigures;
  boys: GroupFigures;
  previous?: { label: string; total: GroupFigures };
  reference?: { label: string; source: string; values: Record<string, number> };
  schools: GroupFigures[];
  subjects: SubjectFigures[];
  tests?: TestFigures[];
  absence?: {
    byPupil: Map<string, PupilAbsenceView>;
    groups: AbsenceGroupFigures[];
    ladder?: LadderView;
  };
  progression?: ProgressionView;
  survey?: SurveyAreaView[];
  /** The Historik merged with the periods computed now (issue 14): the trend reads it. */
  history?: HistoryModel;
  /** The school's targets from its Mål sheet; [] when the workbook has none yet (issue 14). */
  targets?: Target[];
  /** Official figures (Kolada) kept in the Jämförelsetal sheet. */
  benchmarks?: Benchmark[];
  /** Per subject what the grade cells held (valid, blank, streck, 2, 3, Y, Z, invalid): the Datakontroll's table. */
  dataQuality?: SubjectQuality[];
  /** Sv/Sva and med/utan nyanlända rows for the Nämndrapport, when the data allows the split. */
  groupSplits?: GroupSplitRow[];
  /** The first arrival date that counts as newly arrived (`åååå-mm-dd`), when arrival dates were read. */
  arrivalCutoff?: string;
}
