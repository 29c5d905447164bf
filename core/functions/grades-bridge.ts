/**
 * The only place core/functions touches the grade, table and survey engines: core/table
 * `parseGradeCell`/`matchHeader`, core/grades `gradePoints`, `meritValue16/17`,
 * `summarizePasses`/`evaluateTarget` (rule set gy11). The Likert mapping stays here until
 * core/survey exports one.
 */
import type { CellValue, EligibilityResult, GradeEntry, ProgramCode, SubjectCode, SubjectGrade } from '../types';
import { normalizeHeader } from '../table/header';
import { parseGradeCell } from '../table/grade-cell';
import { matchHeader } from '../table/aliases';
import { gradePoints } from '../grades/scale';
import { meritValue16, meritValue17 } from '../grades/merit';
import { evaluateTarget, summarizePasses } from '../grades/eligibility';
import { ruleSet } from '../grades/rulesets';

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

const LIKERT: Record<string, number | null> = {
  'stammer helt och hallet': 10,
  'stammer ganska bra': 20 / 3,
  'stammer ganska daligt': 10 / 3,
  'stammer inte alls': 0,
  'vet ej': null,
  '4': 10,
  '3': 20 / 3,
  '2': 10 / 3,
  '1': 0,
};

function likert(value: CellValue): number | null | undefined {
  if (value === null || value === undefined || value instanceof Date || typeof value === 'boolean') return undefined;
  const key = normalizeHeader(String(value));
  return key in LIKERT ? LIKERT[key] : undefined;
}

export const gradeEngine: GradeEngine = {
  parse,
  subject,
  points: (e) => gradePoints(e, 'AF'),
  merit16: (g) => meritValue16(g, 'AF'),
  merit17: (g) => meritValue17(g, 'AF'),
  eligibility,
  likert,
};
