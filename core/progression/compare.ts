/**
 * Progression between two terms or files (domain §9): match pupils, compare grades per subject and
 * per pupil, and the cohort's eligibility and meritvärde over the same pupils.
 */
import type { Figure, GradeEntry, GradeTable, Lang, Problem, ProgramCode, PupilEvaluation, PupilRecord, Settings, SubjectCode } from '../types';
import { PROGRAM_CODES } from '../types';
import { createEvaluator, gradeRank, isGraded, isPass, SUBJECT_ORDER } from '../grades';
import { share, suppress } from '../stats';
import { cellAddress } from '../table/address';
import { t } from '../i18n';

export interface CompareOptions {
  /**
   * What joins the terms: `personnummer` (default; any written form, compared without century so
   * `ååmmdd-nnnk` meets `ååååmmddnnnk`), `id` (the id column as read), or a function of the record.
   */
  idColumn?: 'personnummer' | 'id' | ((pupil: PupilRecord) => string | null);
  lang?: Lang;
}

export interface SubjectChange {
  subject: SubjectCode;
  /** Matched pupils graded A–F in the subject in both terms. */
  compared: number;
  raised: number;
  unchanged: number;
  lowered: number;
  /** F → A–E. */
  failToPass: number;
  /** A–E → F. */
  passToFail: number;
  raisedShare: Figure;
  unchangedShare: Figure;
  loweredShare: Figure;
}

export interface PupilChange {
  id: string;
  className: string | null;
  before: PupilEvaluation;
  after: PupilEvaluation;
  passedChange: number;
  meritValue17Change: number;
  /** Targets the pupil became eligible for, and lost. */
  gained: ProgramCode[];
  lost: ProgramCode[];
  /** Subjects (of those in both terms) with a higher / lower grade. */
  raised: SubjectCode[];
  lowered: SubjectCode[];
}

export interface CohortChange {
  /** Matched pupils: the denominator of the eligibility shares in both terms. */
  pupils: number;
  eligibleShareBefore: Record<ProgramCode, Figure>;
  eligibleShareAfter: Record<ProgramCode, Figure>;
  /** Mean over the matched pupils with at least one pass in that term (Skolverket's rule, §4). */
  meanMeritValue17Before: Figure;
  meanMeritValue17After: Figure;
  withPassBefore: number;
  withPassAfter: number;
}

export interface Progression {
  beforeSheet: string;
  afterSheet: string;
  matched: number;
  /** In the later term only. */
  new: number;
  /** In the earlier term only. */
  left: number;
  newIds: string[];
  leftIds: string[];
  /** Ids left out of the comparison because one file holds different rows for them. */
  conflicts: string[];
  /** Subjects graded in both terms, in report order. */
  subjects: SubjectChange[];
  cohort: CohortChange;
  pupils: PupilChange[];
  problems: Problem[];
}

/**
 * The join key of a pupil. For personnummer the century is dropped (`ååmmddnnnk`, or `ååmmddTFnn`)
 * so that every written form of one number meets; two pupils born 100 years apart do not share a school.
 * @example matchKey({ id: '100130-3799', personnummer: null } as PupilRecord) // '1001303799'
 * @example matchKey({ id: '201001303799', personnummer: '201001303799' } as PupilRecord) // '1001303799'
 */
export function matchKey(pupil: PupilRecord, idColumn: CompareOptions['idColumn'] = 'personnummer'): string | null {
  if (typeof idColumn === 'function') return idColumn(pupil);
  if (idColumn === 'id') return pupil.id.trim() || null;
  // The reader's normalised form (12 characters, digits or TF): no need to clean it (400 000 pupils in a cohort).
  const pnr = pupil.personnummer;
  if (pnr !== null && pnr.length === 12) return pnr.slice(2);
  const raw = (pupil.personnummer ?? pupil.id).replace(/[\s\-+]/g, '').toUpperCase();
  if (!raw) return null;
  if (/^\d{12}$/.test(raw) || /^\d{8}TF\d{2}$/.test(raw)) return raw.slice(2);
  return raw;
}

/** Signature of a record's grades: identical rows give identical signatures. */
function signature(p: PupilRecord): string {
  return p.grades
    .filter((g) => g.entry.kind !== 'missing' && g.entry.kind !== 'notApplicable')
    .map((g) => `${g.subject}/${g.language ?? ''}/${g.entry.kind === 'grade' ? g.entry.mark : g.entry.kind}`)
    .sort()
    .join(',') + `|${p.className ?? ''}`;
}

interface Indexed {
  byKey: Map<string, PupilRecord>;
  conflicts: Set<string>;
}

function index(table: GradeTable, idColumn: CompareOptions['idColumn'], lang: Lang, problems: Problem[]): Indexed {
  const byKey = new Map<string, PupilRecord>();
  const conflicts = new Set<string>();
  for (const p of table.pupils) {
    const key = matchKey(p, idColumn);
    const cell = cellAddress(table.sheet, p.row - 1, 0);
    if (!key) {
      problems.push({ cell, value: p.id, message: t(lang, 'progression.noId'), code: 'progression.noId', severity: 'error' });
      continue;
    }
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, p);
      continue;
    }
    if (signature(first) === signature(p)) {
      problems.push({ cell, value: p.id, message: t(lang, 'progression.duplicateMerged', { row: first.row }), code: 'progression.duplicateMerged', severity: 'warning' });
    } else {
      conflicts.add(key);
      problems.push({ cell, value: p.id, message: t(lang, 'progression.duplicateConflict', { row: first.row }), code: 'progression.duplicateConflict', severity: 'error' });
    }
  }
  return { byKey, conflicts };
}

/** The subject's best A–F (or old-scale) entry of a pupil; M1/M2/ML pooled over languages. */
function bestEntry(p: PupilRecord, subject: SubjectCode, scale: GradeTable['scale']): GradeEntry | null {
  let best: GradeEntry | null = null;
  let rank = -1;
  for (const g of p.grades) {
    if (g.subject !== subject) continue;
    const r = gradeRank(g.entry, scale);
    if (r !== null && r > rank) {
      rank = r;
      best = g.entry;
    }
  }
  return best;
}

function gradedSubjects(table: GradeTable): Set<SubjectCode> {
  const s = new Set<SubjectCode>();
  for (const p of table.pupils) for (const g of p.grades) if (isGraded(g.entry, table.scale)) s.add(g.subject);
  return s;
}

function eligibleShares(evals: readonly PupilEvaluation[], threshold: number): Record<ProgramCode, Figure> {
  const out = {} as Record<ProgramCode, Figure>;
  for (const c of PROGRAM_CODES) out[c] = suppress(share(evals.filter((e) => e.eligibility[c].eligible).length, evals.length), evals.length, threshold);
  return out;
}

function meanMerit(evals: readonly PupilEvaluation[], threshold: number): { mean: Figure; n: number } {
  const withPass = evals.filter((e) => e.passed > 0);
  const sum = withPass.reduce((s, e) => s + e.meritValue17, 0);
  return { mean: suppress(withPass.length ? sum / withPass.length : null, withPass.length, threshold), n: withPass.length };
}

/**
 * Compares two grade tables of the same pupils at two times (domain §9). Pupils are matched by
 * normalised personnummer (or the chosen id); duplicates with identical rows merge (a warning),
 * conflicting duplicates are an error and the pupil is left out. Per subject present in both files:
 * raised / unchanged / lowered by rank (F 0 … A 5), F → pass and pass → F. Per pupil: change in
 * passes, meritvärde 17 and eligibility. Cohort figures use the matched pupils only in both terms,
 * so a change of cohort is not read as progress. [S: a municipal progression design; C: Skolverket
 * for eligibility and meritvärde]
 * Worked: 3 matched pupils with Ma F→E, C→C, B→D → raised 1, unchanged 1, lowered 1, failToPass 1.
 * @example compareTerms(ak8, ak9, DEFAULT_SETTINGS).subjects.find((s) => s.subject === 'Ma') // { raised: 1, unchanged: 1, lowered: 1, failToPass: 1, … }
 */
export function compareTerms(before: GradeTable, after: GradeTable, settings: Settings, options: CompareOptions = {}): Progression {
  const lang = options.lang ?? settings.lang;
  const threshold = settings.suppressionThreshold;
  const problems: Problem[] = [];
  const b = index(before, options.idColumn, lang, problems);
  const a = index(after, options.idColumn, lang, problems);
  const conflicts = new Set([...b.conflicts, ...a.conflicts]);
  const comparable = before.scale === after.scale;
  if (!comparable) {
    problems.push({ cell: cellAddress(after.sheet, (after.headerRow ?? 1) - 1, 0), value: after.scale, message: t(lang, 'progression.scaleMismatch'), code: 'progression.scaleMismatch', severity: 'error' });
  }
  const inBoth = gradedSubjects(before);
  const afterSubjects = gradedSubjects(after);
  const subjects = comparable ? SUBJECT_ORDER.filter((s) => inBoth.has(s) && afterSubjects.has(s)) : [];
  const evalBefore = createEvaluator({ ...settings, scale: before.scale });
  const evalAfter = createEvaluator({ ...settings, scale: after.scale });

  type Acc = { compared: number; raised: number; unchanged: number; lowered: number; failToPass: number; passToFail: number };
  const acc = new Map<SubjectCode, Acc>(subjects.map((s) => [s, { compared: 0, raised: 0, unchanged: 0, lowered: 0, failToPass: 0, passToFail: 0 }]));
  const pupils: PupilChange[] = [];
  const newIds: string[] = [];
  const leftIds: string[] = [];
  const displayId = (x: PupilRecord | undefined, y: PupilRecord | undefined) => x?.personnummer ?? y?.personnummer ?? x?.id ?? y!.id;
  for (const [key, pa] of a.byKey) {
    if (conflicts.has(key)) continue;
    const pb = b.byKey.get(key);
    if (!pb) {
      newIds.push(displayId(pa, undefined));
      continue;
    }
    const eb = evalBefore(pb);
    const ea = evalAfter(pa);
    const raised: SubjectCode[] = [];
    const lowered: SubjectCode[] = [];
    for (const s of subjects) {
      const gb = bestEntry(pb, s, before.scale);
      const ga = bestEntry(pa, s, after.scale);
      if (!gb || !ga) continue;
      const x = acc.get(s)!;
      const rb = gradeRank(gb, before.scale)!;
      const ra = gradeRank(ga, after.scale)!;
      x.compared++;
      if (ra > rb) {
        x.raised++;
        raised.push(s);
      } else if (ra < rb) {
        x.lowered++;
        lowered.push(s);
      } else x.unchanged++;
      const passB = isPass(gb, before.scale);
      const passA = isPass(ga, after.scale);
      if (!passB && passA) x.failToPass++;
      if (passB && !passA) x.passToFail++;
    }
    pupils.push({
      id: displayId(pa, pb),
      className: pa.className,
      before: eb,
      after: ea,
      passedChange: ea.passed - eb.passed,
      meritValue17Change: ea.meritValue17 - eb.meritValue17,
      gained: PROGRAM_CODES.filter((c) => !eb.eligibility[c].eligible && ea.eligibility[c].eligible),
      lost: PROGRAM_CODES.filter((c) => eb.eligibility[c].eligible && !ea.eligibility[c].eligible),
      raised,
      lowered,
    });
  }
  for (const [key, pb] of b.byKey) if (!conflicts.has(key) && !a.byKey.has(key)) leftIds.push(displayId(pb, undefined));

  const befores = pupils.map((p) => p.before);
  const afters = pupils.map((p) => p.after);
  const mb = meanMerit(befores, threshold);
  const ma = meanMerit(afters, threshold);
  return {
    beforeSheet: before.sheet,
    afterSheet: after.sheet,
    matched: pupils.length,
    new: newIds.length,
    left: leftIds.length,
    newIds,
    leftIds,
    conflicts: [...conflicts],
    subjects: subjects.map((s) => {
      const x = acc.get(s)!;
      return {
        subject: s, ...x,
        raisedShare: suppress(share(x.raised, x.compared), x.compared, threshold),
        unchangedShare: suppress(share(x.unchanged, x.compared), x.compared, threshold),
        loweredShare: suppress(share(x.lowered, x.compared), x.compared, threshold),
      };
    }).filter((s) => s.compared > 0),
    cohort: {
      pupils: pupils.length,
      eligibleShareBefore: eligibleShares(befores, threshold),
      eligibleShareAfter: eligibleShares(afters, threshold),
      meanMeritValue17Before: mb.mean,
      meanMeritValue17After: ma.mean,
      withPassBefore: mb.n,
      withPassAfter: ma.n,
    },
    pupils,
    problems: [...before.problems, ...after.problems, ...problems],
  };
}
