/**
 * Behörighet: is a pupil eligible for a target, and what is missing (domain §3).
 *
 * [C: Skolverket, "Behörighetskrav till gymnasieskolan"] A subject counts when its grade is A–E.
 * Sv and Sva: whichever the pupil is graded in meets the Swedish requirement; only one counts.
 * "Other subjects" are any other graded subjects, each once; M1, M2, ML (per language) and Tn count
 * like any other subject [S: municipal guidance "valfria ämnen"; D: we count them].
 * English exemption (dispens): an explicit per-pupil flag lifts the En requirement and its place in
 * the total [C: the exemption; D: the total drops by one, see docs/decisions.md].
 */
import type { EligibilityResult, GradeScaleId, ProgramCode, PupilRecord, SubjectCode, SubjectGrade } from '../types';
import { isPass } from './scale';
import type { Requirement, RuleSet } from './rulesets';

/** What a pupil has passed, computed once and reused for every target. */
export interface PassSummary {
  /** Distinct passed subjects (Sv/Sva once; M1/M2/ML once per language). */
  count: number;
  /** Named subjects passed; `Sv` stands for Sv or Sva. */
  passed: Set<SubjectCode>;
  /** The Swedish subject the pupil is graded in (for naming what is missing). */
  swedish: 'Sv' | 'Sva';
  englishExemption: boolean;
}

/**
 * Summarises which subjects a pupil passed.
 * @example summarizePasses([{ subject: 'Sva', entry: { kind: 'grade', mark: 'C' } }]).passed.has('Sv') // true
 */
export function summarizePasses(grades: readonly SubjectGrade[], scale: GradeScaleId = 'AF', englishExemption = false): PassSummary {
  const passed = new Set<SubjectCode>();
  const keys = new Set<string>();
  let swedish: 'Sv' | 'Sva' = 'Sv';
  let svGraded = false;
  for (const g of grades) {
    if (g.subject === 'Sva' && g.entry.kind !== 'notApplicable' && g.entry.kind !== 'missing' && !svGraded) swedish = 'Sva';
    if (g.subject === 'Sv' && g.entry.kind !== 'notApplicable' && g.entry.kind !== 'missing') {
      svGraded = true;
      swedish = 'Sv';
    }
    if (!isPass(g.entry, scale)) continue;
    const subject = g.subject === 'Sva' ? 'Sv' : g.subject;
    passed.add(subject);
    keys.add(g.language ? `${subject}:${g.language}` : subject);
  }
  return { count: keys.size, passed, swedish, englishExemption };
}

function meetRequirement(s: PassSummary, req: Requirement, exemptible: readonly SubjectCode[]): EligibilityResult {
  const missingCore: SubjectCode[] = [];
  const missingRequired: SubjectCode[] = [];
  let total = req.totalPasses;
  for (const subj of req.subjects) {
    if (s.englishExemption && exemptible.includes(subj)) {
      total -= 1;
      continue;
    }
    if (s.passed.has(subj)) continue;
    const shown = subj === 'Sv' ? s.swedish : subj;
    if (subj === 'Sv' || subj === 'En' || subj === 'Ma') missingCore.push(shown);
    else missingRequired.push(shown);
  }
  const missingOneOf: SubjectCode[][] = [];
  for (const group of req.oneOf ?? []) {
    const open = group.filter((g) => !(s.englishExemption && exemptible.includes(g)));
    if (open.length < group.length) continue; // an exempted member satisfies the group
    if (!group.some((g) => s.passed.has(g))) missingOneOf.push([...group]);
  }
  const namedMissing = missingCore.length + missingRequired.length + missingOneOf.length;
  // Passing a missing named subject also raises the count, so both gaps close together.
  const morePassesNeeded = Math.max(namedMissing, total - s.count, 0);
  const result: EligibilityResult = {
    eligible: morePassesNeeded === 0,
    missingCore,
    missingRequired,
    morePassesNeeded,
    missing: [...missingCore, ...missingRequired],
  };
  if (missingOneOf.length) result.missingOneOf = missingOneOf;
  return result;
}

/**
 * Eligibility of a pupil's pass summary for one target, with what is missing. Of a target's
 * alternatives (PRIV has two) the one needing fewest further passes is reported.
 * @example evaluateTarget(summarizePasses(grades), 'NA', ruleSet('gy11')) // { eligible: false, missing: ['Fy'], morePassesNeeded: 1, … } for worked example §11.1
 */
export function evaluateTarget(s: PassSummary, target: ProgramCode, rules: RuleSet): EligibilityResult {
  let best: EligibilityResult | null = null;
  for (const alt of rules.targets[target].alternatives) {
    const r = meetRequirement(s, alt, rules.exemptible);
    if (!best || r.morePassesNeeded < best.morePassesNeeded) best = r;
  }
  return best!;
}

/**
 * Eligibility of a pupil for one target under a rule set.
 * @example evaluateEligibility(pupil, 'YRK', ruleSet('gy11')).eligible // true when Sv/Sva, En, Ma + 5 other are A–E
 */
export function evaluateEligibility(pupil: PupilRecord, target: ProgramCode, rules: RuleSet, scale: GradeScaleId = 'AF'): EligibilityResult {
  return evaluateTarget(summarizePasses(pupil.grades, scale, pupil.englishExemption === true), target, rules);
}
