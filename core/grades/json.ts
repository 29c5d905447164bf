/**
 * The `skolanalys grades --json` contract (README, docs/cli.md). Keep it stable: other tools read it.
 */
import type { Figure, ProgramCode, SubjectCode } from '../types';
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
  problems: { cell: string; value: unknown; message: string; severity: 'error' | 'warning' }[];
}

/** Rounds to 4 decimals for shares and 2 for points, so the JSON stays readable and stable. */
function r(f: Figure, decimals: number): Figure {
  return typeof f === 'number' ? Math.round(f * 10 ** decimals) / 10 ** decimals : f;
}

function shares(s: Record<ProgramCode, Figure>): Record<ProgramCode, Figure> {
  return Object.fromEntries(PROGRAM_CODES.map((c) => [c, r(s[c], 4)])) as Record<ProgramCode, Figure>;
}

/**
 * The CLI contract object for a grades analysis.
 * @example gradesJson(analysis).summary.pupils // 300
 */
export function gradesJson(a: GradeAnalysis): GradesJson {
  const out: GradesJson = {
    pupils: a.pupils.map((e) => {
      const missing: GradesJsonPupil['missing'] = {};
      const more: GradesJsonPupil['morePassesNeeded'] = {};
      for (const c of PROGRAM_CODES) {
        const x = e.eligibility[c];
        if (x.eligible) continue;
        missing[c] = [...x.missing];
        more[c] = x.morePassesNeeded;
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
        nearEligible: e.nearEligible,
      };
    }),
    summary: {
      pupils: a.summary.pupils,
      eligibleShare: shares(a.summary.eligibleShare),
      meanMeritValue16: r(a.summary.meanMeritValue16, 2),
      meanMeritValue17: r(a.summary.meanMeritValue17, 2),
      allSubjectsPassedShare: r(a.summary.allSubjectsPassedShare, 4),
    },
    groups: a.groups.map((g) => ({
      by: g.by,
      key: g.key,
      ...(g.parent ? { school: g.parent } : {}),
      pupils: g.pupils,
      eligibleShare: shares(g.eligibleShare),
      meanMeritValue16: r(g.meanMeritValue16, 2),
      meanMeritValue17: r(g.meanMeritValue17, 2),
      allSubjectsPassedShare: r(g.allSubjectsPassedShare, 4),
    })),
    problems: a.problems.map((p) => ({ cell: p.cell, value: p.value, message: p.message, severity: p.severity })),
  };
  if (a.tests) out.tests = a.tests.map((x) => ({ subject: x.subject, n: x.n, lowerShare: r(x.lowerShare, 4), sameShare: r(x.sameShare, 4), higherShare: r(x.higherShare, 4) }));
  return out;
}

const isFigure = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || v === '..' || v === '.';
const isShare = (v: unknown) => v === '..' || v === '.' || (typeof v === 'number' && v >= 0 && v <= 1);

/**
 * Checks an object against the grades JSON contract; returns the list of violations (empty = valid).
 * @example validateGradesJson({}) // ['pupils: not an array', …]
 */
export function validateGradesJson(obj: unknown): string[] {
  const errs: string[] = [];
  const o = obj as Record<string, unknown>;
  if (!o || typeof o !== 'object') return ['not an object'];
  if (!Array.isArray(o.pupils)) errs.push('pupils: not an array');
  else {
    o.pupils.forEach((p: Record<string, unknown>, i: number) => {
      const at = `pupils[${i}]`;
      if (!Number.isInteger(p.row)) errs.push(`${at}.row`);
      if (typeof p.id !== 'string') errs.push(`${at}.id`);
      if (!(p.class === null || typeof p.class === 'string')) errs.push(`${at}.class`);
      if (!(p.school === null || typeof p.school === 'string')) errs.push(`${at}.school`);
      if (!(p.gender === null || p.gender === 'F' || p.gender === 'M')) errs.push(`${at}.gender`);
      for (const k of ['meritValue16', 'meritValue17'] as const) if (typeof p[k] !== 'number' || (p[k] as number) < 0 || (p[k] as number) > 340) errs.push(`${at}.${k}`);
      if (!Number.isInteger(p.passed)) errs.push(`${at}.passed`);
      const el = p.eligibility as Record<string, unknown> | undefined;
      if (!el || PROGRAM_CODES.some((c) => typeof el[c] !== 'boolean')) errs.push(`${at}.eligibility`);
      const mi = p.missing as Record<string, unknown> | undefined;
      if (!mi || typeof mi !== 'object' || Object.entries(mi).some(([k, v]) => !PROGRAM_CODES.includes(k as ProgramCode) || !Array.isArray(v) || el?.[k] === true)) errs.push(`${at}.missing`);
    });
  }
  const s = o.summary as Record<string, unknown> | undefined;
  if (!s) errs.push('summary: missing');
  else {
    if (!Number.isInteger(s.pupils)) errs.push('summary.pupils');
    const es = s.eligibleShare as Record<string, unknown> | undefined;
    if (!es || PROGRAM_CODES.some((c) => !isShare(es[c]))) errs.push('summary.eligibleShare');
    for (const k of ['meanMeritValue16', 'meanMeritValue17']) if (!isFigure(s[k])) errs.push(`summary.${k}`);
    if (!isShare(s.allSubjectsPassedShare)) errs.push('summary.allSubjectsPassedShare');
  }
  if (!Array.isArray(o.groups)) errs.push('groups: not an array');
  else o.groups.forEach((g: Record<string, unknown>, i: number) => {
    if (!['gender', 'school', 'class', 'all', 'year'].includes(g.by as string)) errs.push(`groups[${i}].by`);
    if (typeof g.key !== 'string') errs.push(`groups[${i}].key`);
    if (!Number.isInteger(g.pupils)) errs.push(`groups[${i}].pupils`);
    const es = g.eligibleShare as Record<string, unknown> | undefined;
    if (!es || PROGRAM_CODES.some((c) => !isShare(es[c]))) errs.push(`groups[${i}].eligibleShare`);
    if (!isFigure(g.meanMeritValue17)) errs.push(`groups[${i}].meanMeritValue17`);
  });
  if (!Array.isArray(o.problems)) errs.push('problems: not an array');
  else o.problems.forEach((p: Record<string, unknown>, i: number) => {
    if (typeof p.cell !== 'string' || !/!/.test(p.cell)) errs.push(`problems[${i}].cell`);
    if (typeof p.message !== 'string' || !p.message) errs.push(`problems[${i}].message`);
  });
  return errs;
}
