/**
 * The only place core/functions touches the grade, table and survey engines: core/table
 * `parseGradeCell`/`matchHeader`/`parseTestGrade`, core/grades `gradePoints`, `meritValue16/17`,
 * `summarizePasses`/`evaluateTarget` (rule set gy11), `allSubjectsPassed`, core/stats `pupilExtra`
 * (the Sv/En/Ma bits of the group sums), core/survey `surveyAnswer`/`answerPoints`.
 */
import type { CellValue, EligibilityResult, GradeEntry, PupilRecord, ProgramCode, SubjectCode, SubjectGrade, TestResult } from '../types';
import { parseGradeCell } from '../table/grade-cell';
import { parseTestGrade } from '../table/tests';
import { allSubjectsPassed } from '../grades/evaluate';
import { pupilExtra, type CoreSubject } from '../stats/indicators';

export { CORE_SUBJECTS, type CoreSubject } from '../stats/indicators';
import { matchHeader } from '../table/aliases';
import { gradePoints } from '../grades/scale';
import { meritValue16, meritValue17 } from '../grades/merit';
import { evaluateTarget, summarizePasses } from '../grades/eligibility';
import { ruleSet } from '../grades/rulesets';
import { BLANK, DONT_KNOW, surveyAnswer } from '../survey/read';
import { answerPoints } from '../survey/indices';

export interface GradeEngine {
  /** A grade cell (A–F scale) → entry; null when the value is no grade (e.g. `G`, `X`, 7). */
  parse(value: CellValue): GradeEntry | null;
  /** A header text → subject (with language for M1/M2/ML); null when not a subject. */
  subject(header: CellValue): { subject: SubjectCode; language?: string } | null;
  /** Grade points (A 20 … E 10, F and streck 0) [C: Skolverket]. */
  points(entry: GradeEntry): number;
  merit16(grades: SubjectGrade[]): number;
  merit17(grades: SubjectGrade[]): number;
  /** Eligibility for one target, rule set gy11, no English exemption (no flag in a formula). */
  eligibility(grades: SubjectGrade[], target: ProgramCode): EligibilityResult;
  /** Likert answer → 0–10 score; null = vet ej (excluded); undefined = not an answer. */
  likert(value: CellValue): number | null | undefined;
  /**
   * The rules of the group indicators for one pupil (issue 15): `assessed` = an A–F grade or a streck
   * somewhere (the denominator of "alla ämnen"), `allPassed` = godkända betyg i alla ämnen, and per
   * core subject (Sv meaning Sv or Sva) whether it is assessed and passed (A–E).
   */
  pupilFacts(grades: SubjectGrade[]): PupilFacts;
  /** A provbetyg cell (A–F, 99/88/77, blank); null when it is none of these. */
  testGrade(value: CellValue): Pick<TestResult, 'mark' | 'code'> | null;
}

export interface PupilFacts {
  assessed: boolean;
  allPassed: boolean;
  core: Record<CoreSubject, { assessed: boolean; passed: boolean }>;
}

function parse(value: CellValue): GradeEntry | null {
  const r = parseGradeCell(value, 'AF');
  return 'entry' in r ? r.entry : null;
}

// Header ranges repeat on every row's formula ($C$1:$S$1): remember recent answers.
const SUBJECT_CACHE = new Map<string, { subject: SubjectCode; language?: string } | null>();

function subject(header: CellValue): { subject: SubjectCode; language?: string } | null {
  if (typeof header !== 'string') return null;
  const hit = SUBJECT_CACHE.get(header);
  if (hit !== undefined) return hit;
  const role = matchHeader(header);
  const r = role && role.role === 'subject' ? { subject: role.subject, ...(role.language ? { language: role.language } : {}) } : null;
  if (SUBJECT_CACHE.size > 2000) SUBJECT_CACHE.clear();
  SUBJECT_CACHE.set(header, r);
  return r;
}

const GY11 = ruleSet('gy11');

function eligibility(grades: SubjectGrade[], target: ProgramCode): EligibilityResult {
  return evaluateTarget(summarizePasses(grades, 'AF'), target, GY11);
}

/** Answer text → index points: steps 10, 6.67, 3.33, 0; vet ej → null; no answer → undefined. */
function likert(value: CellValue): number | null | undefined {
  const code = surveyAnswer(value);
  if (code === null) return undefined;
  if (code === DONT_KNOW || code === BLANK) return null;
  return answerPoints(code, false);
}

function pupilFacts(grades: SubjectGrade[]): PupilFacts {
  const allPassed = allSubjectsPassed({ grades } as PupilRecord, 'AF');
  // pupilExtra reads the scan allSubjectsPassed just made: the very bits the group sums add up.
  const x = pupilExtra();
  return {
    assessed: (x & 1) !== 0,
    allPassed,
    core: {
      Sv: { assessed: (x & 2) !== 0, passed: (x & 16) !== 0 },
      En: { assessed: (x & 4) !== 0, passed: (x & 32) !== 0 },
      Ma: { assessed: (x & 8) !== 0, passed: (x & 64) !== 0 },
    },
  };
}

export const gradeEngine: GradeEngine = {
  parse,
  subject,
  points: (e) => gradePoints(e, 'AF'),
  merit16: (g) => meritValue16(g, 'AF'),
  merit17: (g) => meritValue17(g, 'AF'),
  eligibility,
  likert,
  pupilFacts,
  testGrade: parseTestGrade,
};
