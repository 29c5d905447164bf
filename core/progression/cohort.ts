/**
 * A cohort followed over any number of grade files (issue 15): åk 6 → åk 7 → … → åk 9 VT. Pupils are
 * matched as in `compareTerms` (personnummer without century); per step and from the first file to
 * the last: match rate, per subject the shares raised / unchanged / lowered and the mean change in
 * grade steps; per pupil a trajectory for the resultatdialog. Two files are the simple case of many.
 */
import type { Figure, GradeTable, Lang, Problem, PupilRecord, Settings, SubjectCode } from '../types';
import { createEvaluator, SUBJECT_ORDER, yearGroupOf, type GradeKind } from '../grades';
import { scanned } from '../grades/scan';
import { share, suppress } from '../stats';
import { cellAddress } from '../table/address';
import { t } from '../i18n';
import { matchKey, type CompareOptions } from './compare';

/** One file of the cohort, in time order: a table, or a function that reads it when its turn comes. */
export interface CohortInput {
  /** What the user calls it (file name, `HT 2025`). */
  label: string;
  table?: GradeTable;
  /**
   * Reads the table when needed: the cohort keeps only what it compares (a few bytes per pupil and
   * subject), so with `read` only one whole file is in memory at a time (four files of 100 000 pupils).
   */
  read?: () => GradeTable;
}

/** What a trajectory row needs of a pupil record (the grades themselves are kept as ranks). */
interface Person {
  id: string;
  className: string | null;
  school: string | null;
  firstName?: string;
  lastName?: string;
}

export interface CohortTerm {
  label: string;
  sheet: string;
  pupils: number;
  yearGroup: number;
  gradeKind: GradeKind;
}

/** Per subject between two files, over the pupils with A–F in it both times. */
export interface CohortSubjectChange {
  subject: SubjectCode;
  compared: number;
  raised: number;
  unchanged: number;
  lowered: number;
  raisedShare: Figure;
  unchangedShare: Figure;
  loweredShare: Figure;
  /** Mean of (rank later − rank earlier), F 0 … A 5: +1 is one grade step up. */
  meanStepChange: Figure;
}

export interface CohortStep {
  /** Indexes into `terms`. */
  from: number;
  to: number;
  /** Pupils in both files. */
  matched: number;
  /** In `to` only. */
  new: number;
  /** In `from` only. */
  left: number;
  /** matched / pupils of `from` (null for an empty file). */
  matchRate: number | null;
  subjects: CohortSubjectChange[];
}

/** A cell of the trajectory grid: rank 0 (F) … 5 (A), or one of these. */
export const CELL_NONE = -1;
export const CELL_STRECK = 6;
export const CELL_NOT_STUDIED = 7;

export interface CohortPupil {
  id: string;
  className: string | null;
  /** The school of the pupil's latest file (classes of several schools share names: 9A). */
  school?: string | null;
  firstName?: string;
  lastName?: string;
  /** Per file: passed subjects, or null when the pupil is not in that file. */
  passed: (number | null)[];
  /** Per file: passing grades short of yrkesprogram if these were final grades (0 = enough), or null. */
  shortOfYrk: (number | null)[];
  /** Subjects that went from A–E to F between two consecutive files the pupil is in. */
  dropsToF: SubjectCode[];
  /** The pupil moved away from eligibility: more passes short of yrkesprogram than in the file before. */
  movingAway: boolean;
}

export interface Cohort {
  terms: CohortTerm[];
  /** Distinct pupils in any file. */
  pupils: number;
  /** Pupils in every file. */
  inAll: number;
  /** inAll / pupils of the first file (null for an empty first file). */
  matchRate: number | null;
  steps: CohortStep[];
  /** From the first file to the last, over the pupils in both. */
  overall: CohortSubjectChange[];
  /** Sorted by class, then id. */
  trajectories: CohortPupil[];
  /** `grid[(p * terms + term) * subjects + s]`: a CELL_* or rank, p = index in `trajectories`, s in `subjectOrder`. */
  grid: Int8Array;
  subjectOrder: readonly SubjectCode[];
  problems: Problem[];
}

const S = SUBJECT_ORDER.length;

/** Pooled subject index: M1/M2/ML of any language count as one subject. */
function cellOf(slot: number, levels: number): number {
  if (slot >= 0 && slot < levels) return levels - 1 - slot;
  if (slot === 8) return CELL_STRECK;
  if (slot === 9) return CELL_NOT_STUDIED;
  return CELL_NONE;
}

/** Reads one file: per pupil key → its evaluation facts and the subject cells. */
/** The pupils of all files so far: key → slot u, and the file that last claimed each slot. */
interface Slots {
  byKey: Map<string, number>;
  claimed: number[];
}

function readTerm(k: number, input: CohortInput, settings: Settings, idColumn: CompareOptions['idColumn'], lang: Lang, problems: Problem[], slots: Slots) {
  const table = input.table ?? input.read?.();
  if (!table) throw new Error(`cohort input ${input.label}: no table`);
  problems.push(...table.problems);
  const evaluate = createEvaluator({ ruleSet: settings.ruleSet, scale: table.scale });
  const levels = table.scale === 'old' ? 4 : 6;
  const n = table.pupils.length;
  const cells = new Int8Array(n * S).fill(CELL_NONE);
  const passed = new Int16Array(n);
  const short = new Int16Array(n);
  // Pupil i of this file → its slot (-1: no id or a duplicate). One map for all files: one lookup per pupil.
  const slotOf = new Int32Array(n).fill(-1);
  let count = 0;
  const records: PupilRecord[] = table.pupils;
  const people: Person[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = records[i];
    const person: Person = { id: p.id, className: p.className, school: p.school };
    if (p.firstName !== undefined) person.firstName = p.firstName;
    if (p.lastName !== undefined) person.lastName = p.lastName;
    people[i] = person;
    const key = matchKey(p, idColumn);
    if (!key) {
      problems.push({ cell: cellAddress(table.sheet, p.row - 1, 0), value: p.id, message: t(lang, 'progression.noId'), code: 'progression.noId', severity: 'error' });
      continue;
    }
    let u = slots.byKey.get(key);
    if (u === undefined) {
      u = slots.claimed.length;
      slots.byKey.set(key, u);
      slots.claimed.push(-1);
    }
    if (slots.claimed[u] === k) {
      // The reader merged identical rows and listed conflicting ones; keep the first.
      problems.push({ cell: cellAddress(table.sheet, p.row - 1, 0), value: p.id, message: t(lang, 'progression.cohort.duplicate', { id: p.id, sheet: table.sheet }), code: 'progression.cohort.duplicate', severity: 'warning' });
      continue;
    }
    slots.claimed[u] = k;
    slotOf[i] = u;
    count++;
    const e = evaluate(p);
    passed[i] = e.passed;
    short[i] = e.shortOfYrk;
    // The evaluator's scan is p's: subject and level per grade, no second pass over the cells.
    const base = i * S;
    for (let g = 0; g < p.grades.length; g++) {
      const si = scanned.subject[g];
      if (si < 0) continue;
      const c = cellOf(scanned.slot[g], levels);
      if (c === CELL_NONE) continue;
      const old = cells[base + si];
      // Pooled languages: the best grade counts; a grade beats streck and code 3.
      if (old === CELL_NONE || (c <= 5 && (old > 5 || c > old))) cells[base + si] = c;
    }
  }
  const year = yearGroupOf(table, settings.finalYear);
  // Nothing of the table is kept beyond this point: people, ranks and counts only.
  return { label: input.label, sheet: table.sheet, cells, passed, short, slotOf, count, records: people, year };
}

type Term = ReturnType<typeof readTerm>;

/** Subject changes between two files over the given pairs of pupil indexes. */
function subjectChanges(a: Term, b: Term, pairs: Int32Array, count: number, threshold: number): CohortSubjectChange[] {
  const raised = new Int32Array(S);
  const same = new Int32Array(S);
  const lowered = new Int32Array(S);
  const steps = new Int32Array(S);
  for (let k = 0; k < count; k++) {
    const ia = pairs[2 * k] * S;
    const ib = pairs[2 * k + 1] * S;
    for (let s = 0; s < S; s++) {
      const ra = a.cells[ia + s];
      const rb = b.cells[ib + s];
      if (ra < 0 || ra > 5 || rb < 0 || rb > 5) continue;
      const d = rb - ra;
      if (d > 0) raised[s]++;
      else if (d < 0) lowered[s]++;
      else same[s]++;
      steps[s] += d;
    }
  }
  const out: CohortSubjectChange[] = [];
  for (let s = 0; s < S; s++) {
    const n = raised[s] + same[s] + lowered[s];
    if (n === 0) continue;
    const f = (x: number) => suppress(share(x, n), n, threshold);
    out.push({
      subject: SUBJECT_ORDER[s], compared: n, raised: raised[s], unchanged: same[s], lowered: lowered[s],
      raisedShare: f(raised[s]), unchangedShare: f(same[s]), loweredShare: f(lowered[s]), meanStepChange: f(steps[s]),
    });
  }
  return out;
}

/** Index pairs (earlier, later) of the pupils in files `a` and `b`, from the slot table `where`. */
function pairsOf(where: Int32Array, T: number, U: number, a: number, b: number): { pairs: Int32Array; count: number } {
  const pairs = new Int32Array(2 * U);
  let count = 0;
  for (let u = 0; u < U; u++) {
    const ia = where[u * T + a];
    const ib = where[u * T + b];
    if (ia < 0 || ib < 0) continue;
    pairs[2 * count] = ia;
    pairs[2 * count + 1] = ib;
    count++;
  }
  return { pairs, count };
}

/**
 * Follows the pupils of several grade files in time order (issue 15, domain §9): match rate per step
 * and over all files, per subject the shares raised / unchanged / lowered and the mean change in
 * grade steps (F 0 … A 5) over the pupils with A–F in the subject both times, per step and from the
 * first file to the last; and per pupil a trajectory (passes and passes short of yrkesprogram per
 * file, subjects dropped to F, moving away from eligibility). Shares are suppressed on their own
 * denominator (< threshold → `..`); counts of pupils matched are shown, as in `compareTerms`.
 * Example: Ma C → B for 6 pupils and C → D for 4: raised 6/10 = 0.6, lowered 0.4, mean steps (6 − 4) / 10 = 0.2.
 * @example followCohort([{ label: 'åk 6', table: t6 }, { label: 'åk 9', table: t9 }], DEFAULT_SETTINGS).steps[0].matched
 */
export function followCohort(inputs: readonly CohortInput[], settings: Settings, options: CompareOptions = {}): Cohort {
  const lang = options.lang ?? settings.lang;
  const threshold = settings.suppressionThreshold;
  const problems: Problem[] = [];
  const slots: Slots = { byKey: new Map(), claimed: [] };
  const terms = inputs.map((input, k) => readTerm(k, input, settings, options.idColumn, lang, problems, slots));
  const T = terms.length;

  // Every pupil of any file, with where they are in each file: row u of `where` (T slots, -1 = absent).
  const U = slots.claimed.length;
  const where = new Int32Array(U * T).fill(-1);
  for (let k = 0; k < T; k++) {
    const so = terms[k].slotOf;
    for (let i = 0; i < so.length; i++) if (so[i] >= 0) where[so[i] * T + k] = i;
  }

  const steps: CohortStep[] = [];
  for (let k = 0; k + 1 < T; k++) {
    const a = terms[k];
    const b = terms[k + 1];
    const { pairs, count } = pairsOf(where, T, U, k, k + 1);
    steps.push({
      from: k, to: k + 1, matched: count, new: b.count - count, left: a.count - count,
      matchRate: a.count ? count / a.count : null,
      subjects: subjectChanges(a, b, pairs, count, threshold),
    });
  }
  let overall: CohortSubjectChange[] = [];
  if (T >= 2) {
    const { pairs, count } = pairsOf(where, T, U, 0, T - 1);
    overall = subjectChanges(terms[0], terms[T - 1], pairs, count, threshold);
  }

  let inAll = 0;
  const lastTerm = new Int32Array(U);
  const sortKeys: string[] = new Array(U);
  for (let u = 0; u < U; u++) {
    let all = true;
    let last = -1;
    for (let k = 0; k < T; k++) {
      if (where[u * T + k] < 0) all = false;
      else last = k;
    }
    if (all) inAll++;
    lastTerm[u] = last;
    const rec = terms[last].records[where[u * T + last]];
    // Class, then id: one string per pupil compared with < (no comparator work per comparison).
    sortKeys[u] = `${rec.className ?? ''}\u0000${rec.id}`;
  }
  const order = Array.from({ length: U }, (_, u) => u);
  order.sort((x, y) => (sortKeys[x] < sortKeys[y] ? -1 : sortKeys[x] > sortKeys[y] ? 1 : 0));

  const grid = new Int8Array(U * T * S).fill(CELL_NONE);
  const trajectories: CohortPupil[] = new Array(U);
  for (let p = 0; p < U; p++) {
    const u = order[p];
    const w0 = u * T;
    const rec = terms[lastTerm[u]].records[where[w0 + lastTerm[u]]];
    const passed: (number | null)[] = new Array(T).fill(null);
    const shortOfYrk: (number | null)[] = new Array(T).fill(null);
    let dropsMask = 0;
    let movingAway = false;
    let prev = -1;
    for (let k = 0; k < T; k++) {
      const i = where[w0 + k];
      if (i < 0) continue;
      const term = terms[k];
      passed[k] = term.passed[i];
      shortOfYrk[k] = term.short[i];
      // A plain copy: 400 000 subarray views would be garbage.
      const to = (p * T + k) * S;
      for (let s = 0; s < S; s++) grid[to + s] = term.cells[i * S + s];
      if (prev >= 0) {
        const pi = where[w0 + prev];
        const pt = terms[prev];
        if (term.short[i] > pt.short[pi]) movingAway = true;
        for (let s = 0; s < S; s++) if (pt.cells[pi * S + s] >= 1 && pt.cells[pi * S + s] <= 5 && term.cells[i * S + s] === 0) dropsMask |= 1 << s;
      }
      prev = k;
    }
    const dropsToF: SubjectCode[] = [];
    for (let s = 0; s < S; s++) if (dropsMask & (1 << s)) dropsToF.push(SUBJECT_ORDER[s]);
    trajectories[p] = {
      id: rec.id, className: rec.className, school: rec.school,
      ...(rec.firstName !== undefined ? { firstName: rec.firstName } : {}),
      ...(rec.lastName !== undefined ? { lastName: rec.lastName } : {}),
      passed, shortOfYrk, dropsToF, movingAway,
    };
  }

  return {
    terms: terms.map((x) => ({ label: x.label, sheet: x.sheet, pupils: x.count, yearGroup: x.year.yearGroup, gradeKind: x.year.gradeKind })),
    pupils: U,
    inAll,
    matchRate: T && terms[0].count ? inAll / terms[0].count : null,
    steps,
    overall,
    trajectories,
    grid,
    subjectOrder: SUBJECT_ORDER,
    problems,
  };
}
