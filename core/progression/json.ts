/**
 * The progression JSON contract of the CLI: matched/new/left, per subject, cohort over the same
 * pupils, per pupil, problems. Shares are fractions 0–1; `..` suppressed, `.` no data.
 */
import type { Figure, ProgramCode } from '../types';
import { PROGRAM_CODES } from '../types';
import type { Progression } from './compare';

export interface ProgressionJson {
  matched: number;
  new: number;
  left: number;
  subjects: { subject: string; raised: number; unchanged: number; lowered: number; failToPass: number; passToFail: number }[];
  cohort: {
    eligibleShareBefore: Record<ProgramCode, Figure>;
    eligibleShareAfter: Record<ProgramCode, Figure>;
    meanMeritValue17Before: Figure;
    meanMeritValue17After: Figure;
  };
  pupils: {
    id: string;
    class: string | null;
    passedBefore: number;
    passedAfter: number;
    meritValue17Before: number;
    meritValue17After: number;
    eligibleBefore: ProgramCode[];
    eligibleAfter: ProgramCode[];
  }[];
  problems: { cell: string; value: unknown; message: string; code: string; severity: 'error' | 'warning' }[];
}

const rf = (x: Figure, d: number): Figure => (typeof x === 'number' ? Math.round(x * 10 ** d) / 10 ** d : x);
const shares = (s: Record<ProgramCode, Figure>) => Object.fromEntries(PROGRAM_CODES.map((c) => [c, rf(s[c], 6)])) as Record<ProgramCode, Figure>;

/**
 * The CLI's progression JSON.
 * @example progressionJson(compareTerms(ak8, ak9, DEFAULT_SETTINGS)).matched // 292
 */
export function progressionJson(p: Progression): ProgressionJson {
  return {
    matched: p.matched,
    new: p.new,
    left: p.left,
    subjects: p.subjects.map((s) => ({ subject: s.subject, raised: s.raised, unchanged: s.unchanged, lowered: s.lowered, failToPass: s.failToPass, passToFail: s.passToFail })),
    cohort: {
      eligibleShareBefore: shares(p.cohort.eligibleShareBefore),
      eligibleShareAfter: shares(p.cohort.eligibleShareAfter),
      meanMeritValue17Before: rf(p.cohort.meanMeritValue17Before, 2),
      meanMeritValue17After: rf(p.cohort.meanMeritValue17After, 2),
    },
    pupils: p.pupils.map((x) => ({
      id: x.id,
      class: x.className,
      passedBefore: x.before.passed,
      passedAfter: x.after.passed,
      meritValue17Before: x.before.meritValue17,
      meritValue17After: x.after.meritValue17,
      eligibleBefore: PROGRAM_CODES.filter((c) => x.before.eligibility[c].eligible),
      eligibleAfter: PROGRAM_CODES.filter((c) => x.after.eligibility[c].eligible),
    })),
    problems: p.problems.map((q) => ({ cell: q.cell, value: q.value ?? null, message: q.message, code: q.code, severity: q.severity })),
  };
}

const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isShare = (v: unknown) => v === '..' || v === '.' || (typeof v === 'number' && v >= 0 && v <= 1);
const isMerit = (v: unknown) => v === '..' || v === '.' || (typeof v === 'number' && v >= 0 && v <= 340);

/**
 * Checks an object against the progression JSON contract; returns the violations (empty = valid).
 * @example validateProgressionJson({}) // ['matched', 'new', 'left', 'subjects: not an array', …]
 */
export function validateProgressionJson(obj: unknown): string[] {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return ['not an object'];
  const o = obj as Record<string, unknown>;
  const errs: string[] = [];
  for (const k of ['matched', 'new', 'left']) if (!isCount(o[k])) errs.push(k);
  if (!Array.isArray(o.subjects)) errs.push('subjects: not an array');
  else o.subjects.forEach((s: Record<string, unknown>, i: number) => {
    if (!s || typeof s.subject !== 'string') return void errs.push(`subjects[${i}].subject`);
    for (const k of ['raised', 'unchanged', 'lowered', 'failToPass', 'passToFail']) if (!isCount(s[k])) errs.push(`subjects[${i}].${k}`);
    if (isCount(s.failToPass) && isCount(s.raised) && (s.failToPass as number) > (s.raised as number)) errs.push(`subjects[${i}].failToPass > raised`);
    if (isCount(s.passToFail) && isCount(s.lowered) && (s.passToFail as number) > (s.lowered as number)) errs.push(`subjects[${i}].passToFail > lowered`);
  });
  const c = o.cohort as Record<string, unknown> | undefined;
  if (!c || typeof c !== 'object') errs.push('cohort: missing');
  else {
    for (const k of ['eligibleShareBefore', 'eligibleShareAfter']) {
      const s = c[k] as Record<string, unknown> | undefined;
      if (!s || typeof s !== 'object' || PROGRAM_CODES.some((p) => !isShare(s[p]))) errs.push(`cohort.${k}`);
    }
    for (const k of ['meanMeritValue17Before', 'meanMeritValue17After']) if (!isMerit(c[k])) errs.push(`cohort.${k}`);
  }
  if (!Array.isArray(o.pupils)) errs.push('pupils: not an array');
  else {
    if (isCount(o.matched) && o.pupils.length !== o.matched) errs.push('pupils.length ≠ matched');
    o.pupils.forEach((p: Record<string, unknown>, i: number) => {
      if (!p || typeof p.id !== 'string') return void errs.push(`pupils[${i}].id`);
      if (!(p.class === null || typeof p.class === 'string')) errs.push(`pupils[${i}].class`);
      for (const k of ['passedBefore', 'passedAfter']) if (!isCount(p[k])) errs.push(`pupils[${i}].${k}`);
      for (const k of ['meritValue17Before', 'meritValue17After']) if (typeof p[k] !== 'number' || !isMerit(p[k])) errs.push(`pupils[${i}].${k}`);
      for (const k of ['eligibleBefore', 'eligibleAfter']) if (!Array.isArray(p[k]) || (p[k] as unknown[]).some((x) => !PROGRAM_CODES.includes(x as ProgramCode))) errs.push(`pupils[${i}].${k}`);
    });
  }
  if (!Array.isArray(o.problems)) errs.push('problems: not an array');
  else o.problems.forEach((p: Record<string, unknown>, i: number) => {
    if (!p || typeof p.cell !== 'string' || !p.cell.includes('!')) errs.push(`problems[${i}].cell`);
    if (!p || typeof p.message !== 'string' || !p.message) errs.push(`problems[${i}].message`);
  });
  return errs;
}
