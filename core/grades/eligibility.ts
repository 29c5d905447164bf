/**
 * Behörighet: is a pupil eligible for a target, and what is missing (domain §3).
 *
 * [C: Skolverket, "Behörighetskrav till gymnasieskolan"] A subject counts when its grade is A–E.
 * Sv and Sva: whichever the pupil is graded in meets the Swedish requirement; only one counts.
 * "Other subjects" are any other graded subjects, each once; M1, M2, ML (once per language) and Tn
 * count like any other subject [S: municipal guidance "valfria ämnen"; D: we count them].
 * English exemption (dispens): an explicit per-pupil flag, never inferred. A pupil who "saknar godkänt
 * betyg i engelska men uppfyller övriga behörighetskrav" is eligible [C: skollagen 16 kap. 32 §]: the
 * En place is waived (yrkesprogram: Sv/Sva, Ma + 5 other = 7 passes), for national programmes only —
 * not for introduktionsprogram (PRIV) [C: the same §, gymnasieantagningarnas anvisningar].
 */
import type { EligibilityResult, GradeScaleId, ProgramCode, PupilRecord, SubjectCode, SubjectGrade } from '../types';
import { PROGRAM_CODES } from '../types';
import type { RuleSet } from './rulesets';
import { SUBJECT_BIT, scanGrades, scanned } from './scan';

/**
 * The bit of a subject in `PassSummary.mask` (Sv and Sva share one).
 * @example subjectBit('Sva') === subjectBit('Sv') // true
 */
export function subjectBit(subject: SubjectCode): number {
  return SUBJECT_BIT[subject] ?? 0;
}

/** What a pupil has passed, computed once and reused for every target. */
export interface PassSummary {
  /** Distinct passed subjects (Sv/Sva once; M1/M2/ML once per language). */
  count: number;
  /** Bits (`subjectBit`) of the subjects passed. */
  mask: number;
  /** The Swedish subject the pupil is graded in (for naming what is missing). */
  swedish: 'Sv' | 'Sva';
  englishExemption: boolean;
}

/**
 * Summarises which subjects a pupil passed (A–E, or MVG/VG/G on the old scale), each subject once:
 * Sv/Sva one place, M1/M2/ML once per language.
 * @example summarizePasses([{ subject: 'Sva', entry: { kind: 'grade', mark: 'C' } }]).count // 1
 */
export function summarizePasses(grades: readonly SubjectGrade[], scale: GradeScaleId = 'AF', englishExemption = false): PassSummary {
  scanGrades(grades, scale);
  return fromScan(englishExemption);
}

/** The pass summary of the last `scanGrades`. */
function fromScan(englishExemption: boolean): PassSummary {
  const s = scanned;
  return { count: s.passCount, mask: s.passMask, swedish: s.svaGraded && !s.svGraded ? 'Sva' : 'Sv', englishExemption };
}

interface CompiledRequirement {
  total: number;
  subjects: readonly { code: SubjectCode; bit: number; core: boolean }[];
  oneOf: readonly { bit: number; subjects: readonly SubjectCode[] }[];
}

interface CompiledTarget {
  code: ProgramCode;
  exemption: boolean;
  alternatives: readonly CompiledRequirement[];
}

/** A rule set turned into bit masks once, so that each pupil costs a few integer operations. */
export interface CompiledRuleSet {
  rules: RuleSet;
  targets: readonly CompiledTarget[];
  /** Bits of every subject any requirement names: the only ones that change a result. */
  named: number;
  exemptBits: number;
  maxTotal: number;
}

const CORE_SUBJECTS: ReadonlySet<SubjectCode> = new Set(['Sv', 'Sva', 'En', 'Ma']);
const compiledCache = new WeakMap<RuleSet, CompiledRuleSet>();

/**
 * Compiles a rule set to bit masks (cached per rule set object).
 * @example compileRuleSet(ruleSet('gy11')).maxTotal // 12
 */
export function compileRuleSet(rules: RuleSet): CompiledRuleSet {
  const hit = compiledCache.get(rules);
  if (hit) return hit;
  let named = 0;
  let maxTotal = 0;
  const targets = PROGRAM_CODES.map((code): CompiledTarget => {
    const t = rules.targets[code];
    return {
      code,
      exemption: t.exemptionApplies,
      alternatives: t.alternatives.map((alt) => {
        maxTotal = Math.max(maxTotal, alt.totalPasses);
        const subjects = alt.subjects.map((s) => ({ code: s, bit: subjectBit(s), core: CORE_SUBJECTS.has(s) }));
        const oneOf = (alt.oneOf ?? []).map((group) => ({ bit: group.reduce((m, s) => m | subjectBit(s), 0), subjects: group }));
        for (const s of subjects) named |= s.bit;
        for (const g of oneOf) named |= g.bit;
        return { total: alt.totalPasses, subjects, oneOf };
      }),
    };
  });
  const exemptBits = rules.exemptible.reduce((m, s) => m | subjectBit(s), 0);
  const compiled: CompiledRuleSet = { rules, targets, named, exemptBits, maxTotal };
  compiledCache.set(rules, compiled);
  return compiled;
}

const NONE: SubjectCode[] = Object.freeze([]) as unknown as SubjectCode[];
/** The result of every eligible pupil: shared and frozen (results are read-only). */
const ELIGIBLE: EligibilityResult = Object.freeze({ eligible: true, missingCore: NONE, missingRequired: NONE, morePassesNeeded: 0, missing: NONE });

function meetRequirement(s: PassSummary, req: CompiledRequirement, exempt: number, swedish: 'Sv' | 'Sva'): EligibilityResult {
  let passed = s.mask;
  let count = s.count;
  // The waived subject counts as a virtual pass: its place is taken, nothing else is required.
  if (exempt & ~passed) {
    passed |= exempt;
    count++;
  }
  let missingCore: SubjectCode[] = NONE;
  let missingRequired: SubjectCode[] = NONE;
  let named = 0;
  for (const subj of req.subjects) {
    if (passed & subj.bit) continue;
    named++;
    const shown = subj.code === 'Sv' ? swedish : subj.code;
    if (subj.core) (missingCore === NONE ? (missingCore = [shown]) : missingCore.push(shown));
    else missingRequired === NONE ? (missingRequired = [shown]) : missingRequired.push(shown);
  }
  let missingOneOf: SubjectCode[][] | undefined;
  for (const group of req.oneOf) {
    if (passed & group.bit) continue;
    named++;
    (missingOneOf ??= []).push([...group.subjects]);
  }
  // Passing a missing named subject also raises the count, so both gaps close together.
  const morePassesNeeded = Math.max(named, req.total - count, 0);
  if (morePassesNeeded === 0) return ELIGIBLE;
  const missing = missingCore === NONE ? missingRequired : missingRequired === NONE ? missingCore : [...missingCore, ...missingRequired];
  const result: EligibilityResult = { eligible: false, missingCore, missingRequired, morePassesNeeded, missing };
  if (missingOneOf) result.missingOneOf = missingOneOf;
  return result;
}

function targetResult(s: PassSummary, t: CompiledTarget, c: CompiledRuleSet): EligibilityResult {
  const exempt = s.englishExemption && t.exemption ? c.exemptBits : 0;
  let best: EligibilityResult | null = null;
  for (const alt of t.alternatives) {
    const r = meetRequirement(s, alt, exempt, s.swedish);
    if (r.eligible) return r;
    if (!best || r.morePassesNeeded < best.morePassesNeeded) best = r;
  }
  return best!;
}

/**
 * Eligibility of a pupil's pass summary for one target, with what is missing. Of a target's
 * alternatives (PRIV has two) the one needing fewest further passes is reported.
 * Worked example §11.4: Sv, En, Ma, Bi, Ke, Idh, Bl passed (7) → YRK needs 8: one more pass.
 * @example evaluateTarget(summarizePasses(grades), 'YRK', ruleSet('gy11')).morePassesNeeded // 1
 */
export function evaluateTarget(s: PassSummary, target: ProgramCode, rules: RuleSet): EligibilityResult {
  const c = compileRuleSet(rules);
  return targetResult(s, c.targets[PROGRAM_CODES.indexOf(target)], c);
}

/** Results for all targets, keyed on what can change them, shared between pupils with the same key. */
export type EligibilityCache = Map<number, Record<ProgramCode, EligibilityResult>>;

/**
 * Eligibility for every target of the rule set. Pupils whose passes agree on every named subject,
 * the count (up to the largest total) and the flags get the same (read-only) result object; pass a
 * cache shared over a file to evaluate 100 000 pupils without allocating per pupil.
 * @example evaluateAllTargets(summarizePasses(grades), ruleSet('gy11')).NA.missing // ['Fy'] for worked example §11.1
 */
export function evaluateAllTargets(s: PassSummary, rules: RuleSet, cache?: EligibilityCache): Record<ProgramCode, EligibilityResult> {
  return allTargets(s, compileRuleSet(rules), cache);
}

/**
 * `evaluateAllTargets` on a compiled rule set: an evaluator compiles once, not once per pupil.
 * @example allTargets(summarizePasses(grades), compileRuleSet(ruleSet('gy11')), new Map()).YRK.eligible // true
 */
export function allTargets(s: PassSummary, c: CompiledRuleSet, cache?: EligibilityCache): Record<ProgramCode, EligibilityResult> {
  const key = (((s.mask & c.named) * 2 + (s.swedish === 'Sva' ? 1 : 0)) * 2 + (s.englishExemption ? 1 : 0)) * 64 + Math.min(s.count, c.maxTotal, 63);
  const hit = cache?.get(key);
  if (hit) return hit;
  const out = {} as Record<ProgramCode, EligibilityResult>;
  for (const t of c.targets) out[t.code] = targetResult(s, t, c);
  if (cache) cache.set(key, Object.freeze(out) as Record<ProgramCode, EligibilityResult>);
  return out;
}

/**
 * Eligibility of a pupil for one target under a rule set: whether eligible and what is missing
 * (core subjects failed, required subjects failed, how many more passes in total).
 * Worked example §11.1 (Fy F, all else passed incl. M2): NA → not eligible, missing ['Fy'], 1 more pass.
 * @example evaluateEligibility(pupil, 'NA', ruleSet('gy11')).missing // ['Fy']
 */
export function evaluateEligibility(pupil: PupilRecord, target: ProgramCode, rules: RuleSet, scale: GradeScaleId = 'AF'): EligibilityResult {
  return evaluateTarget(summarizePasses(pupil.grades, scale, pupil.englishExemption === true), target, rules);
}
