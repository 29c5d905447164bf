/**
 * The only place core/functions touches the grade, table and survey engines. Each method is the
 * named API of its owner (core/table `parseGradeCell`/`matchHeader`, core/grades `gradePoints`,
 * `meritValue16/17`, `evaluateEligibility`, core/survey); until an engine lands, the method holds
 * a small provisional rule from domain/README.md so the functions can be built and tested, and is
 * switched to the engine's call as it lands (the tests then check the engine through them).
 */
import type { CellValue, EligibilityResult, GradeEntry, GradeMark, ProgramCode, SubjectCode, SubjectGrade } from '../types';
import { SUBJECTS } from '../grades/subjects';
import { normalizeHeader } from '../table/header';

export interface GradeEngine {
  /** A grade cell (A–F scale) → entry; null when the value is no grade (e.g. `G`, `X`, 7). */
  parse(value: CellValue): GradeEntry | null;
  /** A header text → subject (with language for M1/M2/ML); null when not a subject. */
  subject(header: CellValue): { subject: SubjectCode; language?: string } | null;
  /** Grade points (A 20 … E 10, F and streck 0) [C: Skolverket]. */
  points(entry: GradeEntry): number;
  merit16(grades: SubjectGrade[]): number;
  merit17(grades: SubjectGrade[]): number;
  eligibility(grades: SubjectGrade[]): Record<ProgramCode, EligibilityResult>;
  /** Likert answer → 0–10 score; null = vet ej (excluded); undefined = not an answer. */
  likert(value: CellValue): number | null | undefined;
}

const POINTS: Record<string, number> = { A: 20, B: 17.5, C: 15, D: 12.5, E: 10, F: 0 };

function parse(value: CellValue): GradeEntry | null {
  if (value === null || value === undefined) return { kind: 'missing' };
  if (typeof value === 'number') {
    // SCB codes: 2 not applicable, 3 not studied, 9 streck [C: SCB datafilsbeskrivning].
    if (value === 2) return { kind: 'notApplicable' };
    if (value === 3) return { kind: 'notStudied' };
    if (value === 9) return { kind: 'streck' };
    return null;
  }
  if (typeof value !== 'string') return null;
  const s = value.trim().toUpperCase();
  if (s === '') return { kind: 'missing' };
  if (s in POINTS) return { kind: 'grade', mark: s as GradeMark };
  if (s === '-' || s === '–' || s === '—' || s === '9') return { kind: 'streck' };
  if (s === '2') return { kind: 'notApplicable' };
  if (s === '3') return { kind: 'notStudied' };
  return null;
}

const BY_NAME = new Map<string, SubjectCode>();
for (const s of SUBJECTS) {
  BY_NAME.set(normalizeHeader(s.code), s.code);
  BY_NAME.set(normalizeHeader(s.sv), s.code);
  BY_NAME.set(normalizeHeader(s.en), s.code);
}

// Header ranges repeat on every row's formula ($C$1:$S$1): remember recent answers.
const SUBJECT_CACHE = new Map<string, { subject: SubjectCode; language?: string } | null>();

function subject(header: CellValue): { subject: SubjectCode; language?: string } | null {
  if (typeof header !== 'string') return null;
  const hit = SUBJECT_CACHE.get(header);
  if (hit !== undefined) return hit;
  const r = subjectUncached(header);
  if (SUBJECT_CACHE.size > 2000) SUBJECT_CACHE.clear();
  SUBJECT_CACHE.set(header, r);
  return r;
}

function subjectUncached(header: string): { subject: SubjectCode; language?: string } | null {
  const h = normalizeHeader(header);
  const direct = BY_NAME.get(h);
  if (direct) return { subject: direct };
  const lang = /^(m1|m2|ml)\s*[-(]?\s*([a-z]{3})\)?$/.exec(h);
  if (lang) return { subject: lang[1].toUpperCase() as SubjectCode, language: lang[2].toUpperCase() };
  return null;
}

function points(entry: GradeEntry): number {
  return entry.kind === 'grade' ? (POINTS[entry.mark] ?? 0) : 0;
}

/** Grades that carry points: A–F and streck (domain §4); codes 2/3 and blanks do not count. */
function scored(grades: SubjectGrade[]): SubjectGrade[] {
  return grades.filter((g) => g.entry.kind === 'grade' || g.entry.kind === 'streck');
}

function best16(pts: number[]): number {
  return [...pts].sort((a, b) => b - a).slice(0, 16).reduce((s, x) => s + x, 0);
}

function merit16(grades: SubjectGrade[]): number {
  return best16(scored(grades).map((g) => points(g.entry)));
}

function merit17(grades: SubjectGrade[]): number {
  const all = scored(grades);
  const m2 = all.filter((g) => g.subject === 'M2').sort((a, b) => points(b.entry) - points(a.entry));
  const extra = m2[0];
  const rest = all.filter((g) => g !== extra);
  return best16(rest.map((g) => points(g.entry))) + (extra ? points(extra.entry) : 0);
}

const isPass = (e: GradeEntry) => e.kind === 'grade' && e.mark !== 'F' && POINTS[e.mark] !== undefined;

function eligibility(grades: SubjectGrade[]): Record<ProgramCode, EligibilityResult> {
  const passed = new Set<string>();
  let otherPassed = 0;
  for (const g of grades) {
    if (!isPass(g.entry)) continue;
    const key = g.subject === 'Sva' ? 'Sv' : g.subject + (g.language ? `:${g.language}` : '');
    if (passed.has(key)) continue;
    passed.add(key);
    if (key !== 'Sv' && key !== 'En' && key !== 'Ma') otherPassed++;
  }
  const core: SubjectCode[] = ['Sv', 'En', 'Ma'];
  const missingCore = core.filter((c) => !passed.has(c));
  const national = (others: number, required: SubjectCode[]): EligibilityResult => {
    const missingRequired = required.filter((r) => !passed.has(r));
    const more = missingCore.length + Math.max(missingRequired.length, others - otherPassed);
    return { eligible: more === 0, missingCore, missingRequired, morePassesNeeded: more, missing: [...missingCore, ...missingRequired] };
  };
  // Introduktionsprogram, programinriktat val: Sv/Sva + (En or Ma) + 4 other, or Sv + En + Ma + 3 other = 6 passes.
  const total = otherPassed + (3 - missingCore.length);
  const privCore: SubjectCode[] = [];
  if (!passed.has('Sv')) privCore.push('Sv');
  const enOrMa = passed.has('En') || passed.has('Ma');
  const privMore = Math.max(privCore.length + (enOrMa ? 0 : 1), 6 - total);
  return {
    YRK: national(5, []),
    ES: national(9, []),
    EK: national(9, ['Ge', 'Hi', 'Re', 'Sh']),
    HU: national(9, ['Ge', 'Hi', 'Re', 'Sh']),
    SA: national(9, ['Ge', 'Hi', 'Re', 'Sh']),
    NA: national(9, ['Bi', 'Fy', 'Ke']),
    TE: national(9, ['Bi', 'Fy', 'Ke']),
    PRIV: { eligible: privMore === 0, missingCore: privCore, missingRequired: [], morePassesNeeded: privMore, missing: privCore },
  };
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

export const gradeEngine: GradeEngine = { parse, subject, points, merit16, merit17, eligibility, likert };
