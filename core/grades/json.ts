/**
 * The `skolanalys grades --json` contract (README, docs/cli.md). Keep it stable: other tools read it.
 */
import type { EligibilityResult, Figure, ProgramCode, PupilEvaluation, SubjectCode } from '../types';
import { PROGRAM_CODES } from '../types';
import type { GroupIndicators } from '../stats/indicators';
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

export interface GradesJsonGroup {
  by: GroupIndicators['by'];
  key: string;
  school?: string;
  pupils: number;
  eligibleShare: Record<ProgramCode, Figure>;
  meanMeritValue16: Figure;
  meanMeritValue17: Figure;
  allSubjectsPassedShare: Figure;
}

export interface GradesJson {
  pupils: GradesJsonPupil[];
  summary: {
    pupils: number;
    eligibleShare: Record<ProgramCode, Figure>;
    meanMeritValue16: Figure;
    meanMeritValue17: Figure;
    allSubjectsPassedShare: Figure;
  };
  groups: GradesJsonGroup[];
  tests?: { subject: SubjectCode; n: number; lowerShare: Figure; sameShare: Figure; higherShare: Figure }[];
  /** How the test file joined the grade file (with a test file only). */
  testMatch?: { matched: number; unmatched: number; pupilsWithoutTest: number };
  problems: { cell: string; value: unknown; message: string; severity: 'error' | 'warning' }[];
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

/** Everything of the contract except the pupils (small: groups, problems, tests). */
function restJson(a: GradeAnalysis, withGroups = true): Omit<GradesJson, 'pupils'> {
  const out: Omit<GradesJson, 'pupils'> = {
    summary: {
      pupils: a.summary.pupils,
      eligibleShare: shares(a.summary.eligibleShare),
      meanMeritValue16: r(a.summary.meanMeritValue16, 2),
      meanMeritValue17: r(a.summary.meanMeritValue17, 2),
      allSubjectsPassedShare: r(a.summary.allSubjectsPassedShare, 4),
    },
    groups: !withGroups ? [] : a.groups.map((g) => ({
      by: g.by,
      key: g.key,
      ...(g.parent ? { school: g.parent } : {}),
      pupils: g.pupils,
      eligibleShare: shares(g.eligibleShare),
      meanMeritValue16: r(g.meanMeritValue16, 2),
      meanMeritValue17: r(g.meanMeritValue17, 2),
      allSubjectsPassedShare: r(g.allSubjectsPassedShare, 4),
    })),
    // `value` is always present (null for an empty cell): JSON drops undefined keys.
    problems: a.problems.map((p) => ({ cell: p.cell, value: p.value === undefined ? null : p.value, message: p.message, severity: p.severity })),
  };
  if (a.testMatch) out.testMatch = { matched: a.testMatch.matched, unmatched: a.testMatch.unmatched, pupilsWithoutTest: a.testMatch.pupilsWithoutTest };
  if (a.tests) out.tests = a.tests.map((x) => ({ subject: x.subject, n: x.n, lowerShare: r(x.lowerShare, 4), sameShare: r(x.sameShare, 4), higherShare: r(x.higherShare, 4) }));
  return out;
}

/**
 * The CLI contract object for a grades analysis.
 * @example gradesJson(analysis).summary.pupils // 300
 */
export function gradesJson(a: GradeAnalysis): GradesJson {
  return { pupils: a.pupils.map(pupilJson), ...restJson(a) };
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
  const { summary, problems, testMatch, tests } = restJson(a, false);
  buf += `],"summary":${JSON.stringify(summary)},"groups":[`;
  for (let i = 0; i < a.groups.length; i++) {
    buf += (i === 0 ? '' : ',') + groupText(a.groups[i]);
    if (buf.length >= chunkChars) {
      yield buf;
      buf = '';
    }
  }
  // The key order of gradesJson: summary, groups, problems, testMatch, tests.
  buf += `],"problems":${JSON.stringify(problems)}`;
  if (testMatch) buf += `,"testMatch":${JSON.stringify(testMatch)}`;
  if (tests) buf += `,"tests":${JSON.stringify(tests)}`;
  yield `${buf}}`;
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
  return `{"by":${quote(g.by)},"key":${quote(g.key)}${g.parent ? `,"school":${quote(g.parent)}` : ''},"pupils":${num(g.pupils)},"eligibleShare":{${shares.slice(1)}},"meanMeritValue16":${figureText(g.meanMeritValue16, 2)},"meanMeritValue17":${figureText(g.meanMeritValue17, 2)},"allSubjectsPassedShare":${figureText(g.allSubjectsPassedShare, 4)}}`;
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
const GROUP_BY = ['all', 'gender', 'school', 'class', 'year'];

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
  if (!Array.isArray(obj.pupils)) errs.push('pupils: not an array');
  else obj.pupils.forEach((p, i) => checkPupil(p, `pupils[${i}]`, errs));
  const s = obj.summary;
  if (!isObject(s)) errs.push('summary: not an object');
  else checkFigures(s, 'summary', errs, ['meanMeritValue16', 'meanMeritValue17', 'allSubjectsPassedShare']);
  if (!Array.isArray(obj.groups)) errs.push('groups: not an array');
  else obj.groups.forEach((g, i) => {
    const at = `groups[${i}]`;
    if (!isObject(g)) return void errs.push(`${at}: not an object`);
    if (!GROUP_BY.includes(g.by as string)) errs.push(`${at}.by`);
    if (typeof g.key !== 'string') errs.push(`${at}.key`);
    checkFigures(g, at, errs, ['meanMeritValue17']);
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
