/**
 * The `skolanalys grades --json` contract (README, docs/cli.md). Keep it stable: other tools read it.
 */
import type { EligibilityResult, Figure, ProgramCode, PupilEvaluation, SubjectCode } from '../types';
import { PROGRAM_CODES } from '../types';
import type { CoreSubject, GroupIndicators, SubjectIndicators } from '../stats/indicators';
import type { GradeKind } from './year-group';
import type { SubjectQuality } from './quality';
import type { TestResultFigures } from './tests';
import type { GradeAnalysis } from './analyse';

export interface GradesJsonPupil {
  row: number;
  id: string;
  class: string | null;
  school: string | null;
  gender: 'F' | 'M' | null;
  meritValue16: number;
  meritValue17: number;
  passed: number;
  eligibility: Record<ProgramCode, boolean>;
  /** Only the targets not reached, with the named subjects still to pass. */
  missing: Partial<Record<ProgramCode, SubjectCode[]>>;
  /** How many more passes each unreached target needs. */
  morePassesNeeded: Partial<Record<ProgramCode, number>>;
  /** Unreached targets with groups of which one subject must still pass (PRIV: En or Ma). */
  missingOneOf?: Partial<Record<ProgramCode, SubjectCode[][]>>;
  nearEligible: boolean;
}

/** A pupil of a terminsbetyg file (åk 6–8): no eligibility, missing or meritvärde (slutbetyg only). */
export interface GradesJsonTermPupil {
  row: number;
  id: string;
  class: string | null;
  school: string | null;
  gender: 'F' | 'M' | null;
  passed: number;
  allSubjectsPassed: boolean;
}

/** A group of a slutbetyg file. */
export interface GradesJsonGroup {
  by: GroupIndicators['by'];
  key: string;
  school?: string;
  pupils: number;
  eligibleShare: Record<ProgramCode, Figure>;
  meanMeritValue16: Figure;
  meanMeritValue17: Figure;
  allSubjectsPassedShare: Figure;
  subjectPassShare: Record<CoreSubject, Figure>;
}

/** A group of a terminsbetyg file: the pupils and the pass shares. */
export interface GradesJsonTermGroup {
  by: GroupIndicators['by'];
  key: string;
  school?: string;
  pupils: number;
  allSubjectsPassedShare: Figure;
  subjectPassShare: Record<CoreSubject, Figure>;
}

/** One subject's grade distribution over the whole file (shares suppressed on `graded`). */
export interface GradesJsonSubject {
  subject: SubjectCode;
  /** Pupils with A–F in the subject (the denominator; not suppressed, like a group's pupil count). */
  graded: number;
  shares: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', Figure>;
  passShare: Figure;
  meanPoints: Figure;
  /** Streck / (A–F + streck). */
  streckShare: Figure;
}

/** What both contracts add after the older keys (issue 15). */
interface GradesJsonTail {
  problems: { cell: string; value: unknown; message: string; severity: 'error' | 'warning' }[];
  tests?: { subject: SubjectCode; n: number; lowerShare: Figure; sameShare: Figure; higherShare: Figure }[];
  /** How the test file joined the grade file (with a test file only). */
  testMatch?: { matched: number; unmatched: number; pupilsWithoutTest: number };
  /** 6 for SCB's åk 6 file, the final year (9) for slutbetyg; see docs/decisions.md. */
  yearGroup: number;
  gradeKind: GradeKind;
  subjects: GradesJsonSubject[];
  /** Per subject: counts of valid grades, blanks, streck (`-`/9), codes 2, 3, Y, Z and invalid values. */
  dataQuality: SubjectQuality[];
  /** With a test file: its results per subject (share with at least E; 99, 88, 77, blank apart). */
  testResults?: TestResultFigures[];
}

/** The contract of a slutbetyg file (the final year). */
export interface GradesJson extends GradesJsonTail {
  pupils: GradesJsonPupil[];
  summary: {
    pupils: number;
    eligibleShare: Record<ProgramCode, Figure>;
    meanMeritValue16: Figure;
    meanMeritValue17: Figure;
    /** Over the pupils with an A–F grade or a streck in at least one subject. */
    allSubjectsPassedShare: Figure;
    /** Over the pupils with at least one pass. */
    medianMeritValue17: Figure;
    /** E or better: Sv (Sv or Sva), En, Ma, each over the pupils with A–F or streck in it. */
    subjectPassShare: Record<CoreSubject, Figure>;
    /** Mean grade points per subject over the pupils with A–F in it. */
    meanGradePoints: Partial<Record<SubjectCode, Figure>>;
  };
  groups: GradesJsonGroup[];
  gradeKind: 'slutbetyg';
}

/** The contract of a terminsbetyg file (åk 6–8): no eligibility, missing or meritvärde. */
export interface GradesTermJson extends GradesJsonTail {
  pupils: GradesJsonTermPupil[];
  summary: {
    pupils: number;
    allSubjectsPassedShare: Figure;
    subjectPassShare: Record<CoreSubject, Figure>;
    meanGradePoints: Partial<Record<SubjectCode, Figure>>;
  };
  groups: GradesJsonTermGroup[];
  gradeKind: 'terminsbetyg';
}

/** Rounds to 4 decimals for shares and 2 for points, so the JSON stays readable and stable. */
function r(f: Figure, decimals: number): Figure {
  return typeof f === 'number' ? Math.round(f * 10 ** decimals) / 10 ** decimals : f;
}

function shares(s: Record<ProgramCode, Figure>): Record<ProgramCode, Figure> {
  const out = {} as Record<ProgramCode, Figure>;
  for (const c of PROGRAM_CODES) out[c] = r(s[c], 4);
  return out;
}

function pupilJson(e: PupilEvaluation): GradesJsonPupil {
  const missing: GradesJsonPupil['missing'] = {};
  const more: GradesJsonPupil['morePassesNeeded'] = {};
  let oneOf: GradesJsonPupil['missingOneOf'];
  for (const c of PROGRAM_CODES) {
    const x = e.eligibility[c];
    if (x.eligible) continue;
    missing[c] = [...x.missing];
    more[c] = x.morePassesNeeded;
    if (x.missingOneOf) (oneOf ??= {})[c] = x.missingOneOf.map((g) => [...g]);
  }
  return {
    row: e.pupil.row,
    id: e.pupil.id,
    class: e.pupil.className,
    school: e.pupil.school,
    gender: e.pupil.gender,
    meritValue16: e.meritValue16,
    meritValue17: e.meritValue17,
    passed: e.passed,
    eligibility: Object.fromEntries(PROGRAM_CODES.map((c) => [c, e.eligibility[c].eligible])) as Record<ProgramCode, boolean>,
    missing,
    morePassesNeeded: more,
    ...(oneOf ? { missingOneOf: oneOf } : {}),
    nearEligible: e.nearEligible,
  };
}

function termPupilJson(e: PupilEvaluation): GradesJsonTermPupil {
  const p = e.pupil;
  return { row: p.row, id: p.id, class: p.className, school: p.school, gender: p.gender, passed: e.passed, allSubjectsPassed: e.allSubjectsPassed };
}

function coreShares(s: Record<CoreSubject, Figure> | undefined): Record<CoreSubject, Figure> {
  return { Sv: r(s?.Sv ?? '.', 4), En: r(s?.En ?? '.', 4), Ma: r(s?.Ma ?? '.', 4) };
}

/** A group as the contract has it: slutbetyg with eligibility and meritvärde, terminsbetyg without. */
function groupJson(g: GroupIndicators, final: boolean): GradesJsonGroup | GradesJsonTermGroup {
  const head = { by: g.by, key: g.key, ...(g.parent ? { school: g.parent } : {}), pupils: g.pupils };
  if (!final) return { ...head, allSubjectsPassedShare: r(g.allSubjectsPassedShare, 4), subjectPassShare: coreShares(g.subjectPassShare) };
  return {
    ...head,
    eligibleShare: shares(g.eligibleShare),
    meanMeritValue16: r(g.meanMeritValue16, 2),
    meanMeritValue17: r(g.meanMeritValue17, 2),
    allSubjectsPassedShare: r(g.allSubjectsPassedShare, 4),
    subjectPassShare: coreShares(g.subjectPassShare),
  };
}

function subjectJson(s: SubjectIndicators): GradesJsonSubject {
  const sh = s.shares;
  return {
    subject: s.subject,
    graded: s.graded,
    shares: { A: r(sh.A, 4), B: r(sh.B, 4), C: r(sh.C, 4), D: r(sh.D, 4), E: r(sh.E, 4), F: r(sh.F, 4) },
    passShare: r(s.passShare, 4),
    meanPoints: r(s.meanPoints, 2),
    streckShare: r(s.streckShare, 4),
  };
}

/** Everything of the contract except the pupils (small: groups, problems, tests). */
function restJson(a: GradeAnalysis, withGroups = true): Omit<GradesJson | GradesTermJson, 'pupils'> {
  const final = a.gradeKind === 'slutbetyg';
  const s = a.summary;
  const meanGradePoints: GradesJson['summary']['meanGradePoints'] = {};
  for (const [k, v] of Object.entries(a.meanGradePoints)) meanGradePoints[k as SubjectCode] = r(v, 2);
  const tail = { allSubjectsPassedShare: r(s.allSubjectsPassedShare, 4) };
  const out = {
    summary: final
      ? {
        pupils: s.pupils,
        eligibleShare: shares(s.eligibleShare),
        meanMeritValue16: r(s.meanMeritValue16, 2),
        meanMeritValue17: r(s.meanMeritValue17, 2),
        ...tail,
        medianMeritValue17: r(s.medianMeritValue17 ?? '.', 2),
        subjectPassShare: coreShares(s.subjectPassShare),
        meanGradePoints,
      }
      : { pupils: s.pupils, ...tail, subjectPassShare: coreShares(s.subjectPassShare), meanGradePoints },
    groups: !withGroups ? [] : a.groups.map((g) => groupJson(g, final)),
    // `value` is always present (null for an empty cell): JSON drops undefined keys.
    problems: a.problems.map((p) => ({ cell: p.cell, value: p.value === undefined ? null : p.value, message: p.message, severity: p.severity })),
    yearGroup: a.yearGroup,
    gradeKind: a.gradeKind,
    subjects: a.subjects.map(subjectJson),
    dataQuality: a.dataQuality,
  } as Omit<GradesJson | GradesTermJson, 'pupils'>;
  if (a.testMatch) out.testMatch = { matched: a.testMatch.matched, unmatched: a.testMatch.unmatched, pupilsWithoutTest: a.testMatch.pupilsWithoutTest };
  if (a.tests) out.tests = a.tests.map((x) => ({ subject: x.subject, n: x.n, lowerShare: r(x.lowerShare, 4), sameShare: r(x.sameShare, 4), higherShare: r(x.higherShare, 4) }));
  if (a.testResults) out.testResults = a.testResults.map((x) => ({ ...x, passShare: r(x.passShare, 4) }));
  return out;
}

/**
 * The CLI contract object for a grades analysis.
 * @example gradesJson(analysis).summary.pupils // 300
 */
export function gradesJson(a: GradeAnalysis): GradesJson | GradesTermJson {
  const { summary, groups, problems, testMatch, tests, yearGroup, gradeKind, subjects, dataQuality, testResults } = restJson(a);
  // The key order of gradesJsonChunks: the additions of issue 15 come after the older keys.
  return {
    pupils: a.gradeKind === 'slutbetyg' ? a.pupils.map(pupilJson) : a.pupils.map(termPupilJson),
    summary, groups, problems,
    ...(testMatch ? { testMatch } : {}),
    ...(tests ? { tests } : {}),
    yearGroup, gradeKind, subjects, dataQuality,
    ...(testResults ? { testResults } : {}),
  } as GradesJson | GradesTermJson;
}

/**
 * The contract as JSON text, exactly `JSON.stringify(gradesJson(a))` (a test holds it to that).
 * @example JSON.parse(gradesJsonText(analysis)).summary.pupils // 300
 */
export function gradesJsonText(a: GradeAnalysis): string {
  return [...gradesJsonChunks(a)].join('');
}

/**
 * The contract as JSON text in pieces of about `chunkChars` characters, to write as they come:
 * for 100 000 pupils the object graph of `gradesJson` and its stringify cost more than the
 * analysis, and one 33 MB string costs memory. Pupils with the same eligibility result (a shared
 * object) share its text. The pieces joined are `gradesJsonText(a)`.
 * @example for (const piece of gradesJsonChunks(analysis)) process.stdout.write(piece)
 */
export function* gradesJsonChunks(a: GradeAnalysis, chunkChars = 1 << 20): Generator<string> {
  if (a.gradeKind !== 'slutbetyg') return yield* termChunks(a, chunkChars);
  const tails = new Map<Record<ProgramCode, EligibilityResult>, { near: boolean; text: string }>();
  const quoted = new Map<string, string>();
  // Class and school repeat for every pupil of a group: quote each once.
  const q = (s: string | null): string => {
    if (s === null) return 'null';
    let hit = quoted.get(s);
    if (hit === undefined && quoted.size < 100_000) quoted.set(s, (hit = JSON.stringify(s)));
    return hit ?? JSON.stringify(s);
  };
  let buf = '{"pupils":[';
  let lastClass: string | null | undefined;
  let lastSchool: string | null | undefined;
  const middles: (string | undefined)[] = [undefined, undefined, undefined];
  for (let i = 0; i < a.pupils.length; i++) {
    const e = a.pupils[i];
    const p = e.pupil;
    // Everything from "eligibility" on depends on the eligibility result and nearEligible alone.
    const hit = tails.get(e.eligibility);
    let tail = hit && hit.near === e.nearEligible ? hit.text : undefined;
    if (tail === undefined) {
      tail = eligibilityText(e);
      if (!hit) tails.set(e.eligibility, { near: e.nearEligible, text: tail });
    }
    // Neighbours share class and school: keep that piece per gender while they do (genders alternate).
    if (p.className !== lastClass || p.school !== lastSchool) {
      lastClass = p.className;
      lastSchool = p.school;
      middles[0] = middles[1] = middles[2] = undefined;
    }
    const gi = p.gender === 'F' ? 0 : p.gender === 'M' ? 1 : p.gender === null ? 2 : -1;
    let middle = gi >= 0 ? middles[gi] : undefined;
    if (middle === undefined) {
      middle = `,"class":${q(p.className)},"school":${q(p.school)},"gender":${p.gender === null ? 'null' : JSON.stringify(p.gender)},"meritValue16":`;
      if (gi >= 0) middles[gi] = middle;
    }
    buf += `${i === 0 ? '' : ','}{"row":${num(p.row)},"id":${quote(p.id)}${middle}${points(e.meritValue16)},"meritValue17":${points(e.meritValue17)},"passed":${num(e.passed)}${tail}`;
    if (buf.length >= chunkChars) {
      yield buf;
      buf = '';
    }
  }
  yield* restChunks(a, buf, chunkChars, groupText);
}

/** The contract after the pupils: summary, groups, problems, testMatch, tests, then issue 15's keys. */
function* restChunks(a: GradeAnalysis, buf: string, chunkChars: number, group: (g: GroupIndicators) => string): Generator<string> {
  const { summary, problems, testMatch, tests, yearGroup, gradeKind, subjects, dataQuality, testResults } = restJson(a, false);
  buf += `],"summary":${JSON.stringify(summary)},"groups":[`;
  for (let i = 0; i < a.groups.length; i++) {
    buf += (i === 0 ? '' : ',') + group(a.groups[i]);
    if (buf.length >= chunkChars) {
      yield buf;
      buf = '';
    }
  }
  buf += `],"problems":${JSON.stringify(problems)}`;
  if (testMatch) buf += `,"testMatch":${JSON.stringify(testMatch)}`;
  if (tests) buf += `,"tests":${JSON.stringify(tests)}`;
  buf += `,"yearGroup":${yearGroup},"gradeKind":${JSON.stringify(gradeKind)},"subjects":${JSON.stringify(subjects)},"dataQuality":${JSON.stringify(dataQuality)}`;
  if (testResults) buf += `,"testResults":${JSON.stringify(testResults)}`;
  yield `${buf}}`;
}

/** The pupils of a terminsbetyg file (few fields: plain stringify per pupil is fast enough), then the rest. */
function* termChunks(a: GradeAnalysis, chunkChars: number): Generator<string> {
  let buf = '{"pupils":[';
  for (let i = 0; i < a.pupils.length; i++) {
    buf += (i === 0 ? '' : ',') + JSON.stringify(termPupilJson(a.pupils[i]));
    if (buf.length >= chunkChars) {
      yield buf;
      buf = '';
    }
  }
  yield* restChunks(a, buf, chunkChars, (g) => JSON.stringify(groupJson(g, false)));
}

/** From `,"eligibility":` to the end of a pupil's object, as JSON.stringify(pupilJson(e)) ends. */
function eligibilityText(e: PupilEvaluation): string {
  let el = '';
  let missing = '';
  let more = '';
  let oneOf = '';
  for (const c of PROGRAM_CODES) {
    const x = e.eligibility[c];
    el += `,"${c}":${x.eligible}`;
    if (x.eligible) continue;
    missing += `,"${c}":${JSON.stringify(x.missing)}`;
    more += `,"${c}":${num(x.morePassesNeeded)}`;
    if (x.missingOneOf) oneOf += `,"${c}":${JSON.stringify(x.missingOneOf)}`;
  }
  return `,"eligibility":{${el.slice(1)}},"missing":{${missing.slice(1)}},"morePassesNeeded":{${more.slice(1)}}${oneOf ? `,"missingOneOf":{${oneOf.slice(1)}}` : ''},"nearEligible":${e.nearEligible}}`;
}

/** A figure rounded as the contract rounds it, as JSON. */
function figureText(f: Figure, decimals: number): string {
  const v = r(f, decimals);
  return typeof v === 'number' ? num(v) : `"${v}"`;
}

/** One group as JSON.stringify writes its contract object (5 000 of them for 100 000 pupils). */
function groupText(g: GroupIndicators): string {
  let shares = '';
  for (const c of PROGRAM_CODES) shares += `,"${c}":${figureText(g.eligibleShare[c], 4)}`;
  const c = g.subjectPassShare;
  return `{"by":${quote(g.by)},"key":${quote(g.key)}${g.parent ? `,"school":${quote(g.parent)}` : ''},"pupils":${num(g.pupils)},"eligibleShare":{${shares.slice(1)}},"meanMeritValue16":${figureText(g.meanMeritValue16, 2)},"meanMeritValue17":${figureText(g.meanMeritValue17, 2)},"allSubjectsPassedShare":${figureText(g.allSubjectsPassedShare, 4)},"subjectPassShare":{"Sv":${figureText(c?.Sv ?? '.', 4)},"En":${figureText(c?.En ?? '.', 4)},"Ma":${figureText(c?.Ma ?? '.', 4)}}}`;
}

/** A number as JSON.stringify writes it. */
function num(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

/** Meritvärden are multiples of 2.5 up to 340: their texts once, not 200 000 number conversions. */
const POINT_TEXTS: string[] = Array.from({ length: 681 }, (_, i) => String(i / 2));
function points(n: number): string {
  const i = n * 2;
  return i >= 0 && i <= 680 && Number.isInteger(i) ? POINT_TEXTS[i] : num(n);
}

/** A string as JSON.stringify writes it; ids are plain characters, so most need no escaping. */
function quote(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c >= 0xd800) return JSON.stringify(s);
  }
  return `"${s}"`;
}

const isFigure = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || v === '..' || v === '.';
const isShare = (v: unknown) => v === '..' || v === '.' || (typeof v === 'number' && v >= 0 && v <= 1);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const GROUP_BY = ['all', 'gender', 'school', 'class', 'year', 'svenska', 'nyanland'];

function checkPupil(p: unknown, at: string, errs: string[]): void {
  if (!isObject(p)) return void errs.push(`${at}: not an object`);
  if (!Number.isInteger(p.row)) errs.push(`${at}.row`);
  if (typeof p.id !== 'string') errs.push(`${at}.id`);
  if (!(p.class === null || typeof p.class === 'string')) errs.push(`${at}.class`);
  if (!(p.school === null || typeof p.school === 'string')) errs.push(`${at}.school`);
  if (!(p.gender === null || p.gender === 'F' || p.gender === 'M')) errs.push(`${at}.gender`);
  for (const k of ['meritValue16', 'meritValue17']) {
    const v = p[k];
    if (typeof v !== 'number' || !(v >= 0 && v <= 340)) errs.push(`${at}.${k}`);
  }
  if (!Number.isInteger(p.passed) || (p.passed as number) < 0) errs.push(`${at}.passed`);
  const el = p.eligibility;
  if (!isObject(el) || PROGRAM_CODES.some((c) => typeof el[c] !== 'boolean')) errs.push(`${at}.eligibility`);
  const mi = p.missing;
  if (!isObject(mi)) return void errs.push(`${at}.missing`);
  for (const [k, v] of Object.entries(mi)) {
    if (!PROGRAM_CODES.includes(k as ProgramCode)) errs.push(`${at}.missing.${k}: no such target`);
    else if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) errs.push(`${at}.missing.${k}: not a list of subjects`);
    else if (isObject(el) && el[k] !== false) errs.push(`${at}.missing.${k}: target is reached`);
  }
  if (isObject(el)) for (const c of PROGRAM_CODES) if (el[c] === false && !(c in mi)) errs.push(`${at}.missing.${c}: unreached target not listed`);
}

function checkTermPupil(p: unknown, at: string, errs: string[]): void {
  if (!isObject(p)) return void errs.push(`${at}: not an object`);
  if (!Number.isInteger(p.row)) errs.push(`${at}.row`);
  if (typeof p.id !== 'string') errs.push(`${at}.id`);
  if (!Number.isInteger(p.passed) || (p.passed as number) < 0) errs.push(`${at}.passed`);
  if (typeof p.allSubjectsPassed !== 'boolean') errs.push(`${at}.allSubjectsPassed`);
  if ('eligibility' in p || 'missing' in p) errs.push(`${at}: eligibility belongs to slutbetyg only`);
}

function checkTermFigures(g: Record<string, unknown>, at: string, errs: string[]): void {
  if (!Number.isInteger(g.pupils) || (g.pupils as number) < 0) errs.push(`${at}.pupils`);
  if (!isShare(g.allSubjectsPassedShare)) errs.push(`${at}.allSubjectsPassedShare`);
}

function checkFigures(g: Record<string, unknown>, at: string, errs: string[], keys: readonly string[]): void {
  if (!Number.isInteger(g.pupils) || (g.pupils as number) < 0) errs.push(`${at}.pupils`);
  const es = g.eligibleShare;
  if (!isObject(es) || PROGRAM_CODES.some((c) => !isShare(es[c]))) errs.push(`${at}.eligibleShare`);
  for (const k of keys) if (!(k.endsWith('Share') ? isShare(g[k]) : isFigure(g[k]))) errs.push(`${at}.${k}`);
}

/**
 * Checks an object against the grades JSON contract (`gradesJson`, docs/cli.md); returns the list of
 * violations, empty when valid. Extra keys are allowed; the contract's keys and value types are not
 * negotiable: a suppressed figure is the string `..`, no data is `.`.
 * @example validateGradesJson({ pupils: [], summary: {}, groups: [], problems: [] })[0] // 'summary.pupils'
 */
export function validateGradesJson(obj: unknown): string[] {
  const errs: string[] = [];
  if (!isObject(obj)) return ['not an object'];
  // Terminsbetyg (åk 6–8, issue 15): no eligibility, missing or meritvärde; the pass shares instead.
  const term = obj.gradeKind === 'terminsbetyg';
  if ('yearGroup' in obj && !(Number.isInteger(obj.yearGroup) && (obj.yearGroup as number) >= 1 && (obj.yearGroup as number) <= 10)) errs.push('yearGroup');
  if ('gradeKind' in obj && obj.gradeKind !== 'slutbetyg' && !term) errs.push('gradeKind');
  if (!Array.isArray(obj.pupils)) errs.push('pupils: not an array');
  else obj.pupils.forEach((p, i) => (term ? checkTermPupil(p, `pupils[${i}]`, errs) : checkPupil(p, `pupils[${i}]`, errs)));
  const s = obj.summary;
  if (!isObject(s)) errs.push('summary: not an object');
  else if (term) checkTermFigures(s, 'summary', errs);
  else checkFigures(s, 'summary', errs, ['meanMeritValue16', 'meanMeritValue17', 'allSubjectsPassedShare']);
  if (isObject(s) && 'subjectPassShare' in s) {
    const c = s.subjectPassShare;
    if (!isObject(c) || !['Sv', 'En', 'Ma'].every((k) => isShare(c[k]))) errs.push('summary.subjectPassShare');
  }
  if (isObject(s) && 'meanGradePoints' in s) {
    const m = s.meanGradePoints;
    if (!isObject(m) || Object.values(m).some((v) => !isFigure(v))) errs.push('summary.meanGradePoints');
  }
  if (!Array.isArray(obj.groups)) errs.push('groups: not an array');
  else obj.groups.forEach((g, i) => {
    const at = `groups[${i}]`;
    if (!isObject(g)) return void errs.push(`${at}: not an object`);
    if (!GROUP_BY.includes(g.by as string)) errs.push(`${at}.by`);
    if (typeof g.key !== 'string') errs.push(`${at}.key`);
    if (term) checkTermFigures(g, at, errs);
    else checkFigures(g, at, errs, ['meanMeritValue17']);
  });
  if (!Array.isArray(obj.problems)) errs.push('problems: not an array');
  else obj.problems.forEach((p, i) => {
    const at = `problems[${i}]`;
    if (!isObject(p)) return void errs.push(`${at}: not an object`);
    if (typeof p.cell !== 'string' || !p.cell.includes('!')) errs.push(`${at}.cell`);
    if (!('value' in p)) errs.push(`${at}.value`);
    if (typeof p.message !== 'string' || !p.message) errs.push(`${at}.message`);
  });
  return errs;
}
