/**
 * The `skolanalys cohort --json` contract (docs/cli.md): a cohort over any number of grade files.
 */
import type { Figure } from '../types';
import type { Cohort, CohortSubjectChange } from './cohort';

export interface CohortJson {
  terms: { label: string; sheet: string; pupils: number; yearGroup: number; gradeKind: string }[];
  pupils: number;
  inAll: number;
  matchRate: number | null;
  steps: { from: number; to: number; matched: number; new: number; left: number; matchRate: number | null; subjects: CohortSubjectChange[] }[];
  overall: CohortSubjectChange[];
  /** Per pupil, arrays by file (null when not in that file). */
  trajectories: { id: string; class: string | null; passed: (number | null)[]; shortOfYrk: (number | null)[]; dropsToF: string[]; movingAway: boolean }[];
  problems: { cell: string; value: unknown; message: string; severity: 'error' | 'warning' }[];
}

function r(f: Figure | number | null, d: number): Figure | null {
  return typeof f === 'number' ? Math.round(f * 10 ** d) / 10 ** d : f;
}

function subjects(list: CohortSubjectChange[]): CohortSubjectChange[] {
  return list.map((s) => ({ ...s, raisedShare: r(s.raisedShare, 4)!, unchangedShare: r(s.unchangedShare, 4)!, loweredShare: r(s.loweredShare, 4)!, meanStepChange: r(s.meanStepChange, 3)! }));
}

/**
 * The contract object of a cohort: shares rounded to 4 decimals, mean steps to 3; names left out
 * (the JSON goes to other tools: the id is enough to join).
 * @example cohortJson(followCohort(inputs, DEFAULT_SETTINGS)).steps[0].matchRate // 0.97
 */
export function cohortJson(c: Cohort): CohortJson {
  return {
    terms: c.terms.map((x) => ({ ...x })),
    pupils: c.pupils,
    inAll: c.inAll,
    matchRate: r(c.matchRate, 4) as number | null,
    steps: c.steps.map((s) => ({ ...s, matchRate: r(s.matchRate, 4) as number | null, subjects: subjects(s.subjects) })),
    overall: subjects(c.overall),
    trajectories: c.trajectories.map((p) => ({ id: p.id, class: p.className, passed: p.passed, shortOfYrk: p.shortOfYrk, dropsToF: p.dropsToF, movingAway: p.movingAway })),
    problems: c.problems.map((p) => ({ cell: p.cell, value: p.value === undefined ? null : p.value, message: p.message, severity: p.severity })),
  };
}

/**
 * Checks an object against the cohort contract; returns the violations (empty = valid).
 * @example validateCohortJson({})[0] // 'terms'
 */
export function validateCohortJson(o: unknown): string[] {
  const errs: string[] = [];
  if (typeof o !== 'object' || o === null) return ['not an object'];
  const j = o as Record<string, unknown>;
  if (!Array.isArray(j.terms)) errs.push('terms');
  if (!Number.isInteger(j.pupils)) errs.push('pupils');
  if (!Number.isInteger(j.inAll)) errs.push('inAll');
  if (!(j.matchRate === null || (typeof j.matchRate === 'number' && j.matchRate >= 0 && j.matchRate <= 1))) errs.push('matchRate');
  if (!Array.isArray(j.steps) || !Array.isArray(j.terms) || j.steps.length !== Math.max(0, j.terms.length - 1)) errs.push('steps');
  if (!Array.isArray(j.overall)) errs.push('overall');
  if (!Array.isArray(j.trajectories)) errs.push('trajectories');
  else if (Array.isArray(j.terms)) {
    const n = j.terms.length;
    (j.trajectories as Record<string, unknown>[]).forEach((p, i) => {
      if (typeof p?.id !== 'string' || !Array.isArray(p.passed) || p.passed.length !== n || !Array.isArray(p.shortOfYrk) || typeof p.movingAway !== 'boolean') errs.push(`trajectories[${i}]`);
    });
  }
  if (!Array.isArray(j.problems)) errs.push('problems');
  return errs;
}
