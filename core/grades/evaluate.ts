/**
 * Everything the grades engine says about one pupil: meritvärde 16/17, passes, eligibility per
 * target with what is missing, "nära behörighet" and "godkända betyg i alla ämnen".
 */
import type { GradeScaleId, PupilEvaluation, PupilRecord, Settings } from '../types';
import { allTargets, compileRuleSet, type EligibilityCache, type PassSummary } from './eligibility';
import { merit16FromScan, merit17FromScan } from './merit';
import { ruleSet } from './rulesets';
import { scanGrades, scanned } from './scan';

/**
 * "Godkända betyg i alla ämnen": A–E in every subject the pupil is graded in, no F and no streck in
 * any subject, no code 3 in a compulsory subject, and at least one grade. Code 2 and blanks do not
 * fail a pupil (blanks are listed as problems by the reader). [S/D, domain §5: Skolverket's exact
 * denominator is unconfirmed; the report states this definition]
 * @example allSubjectsPassed({ grades: [{ subject: 'Ma', entry: { kind: 'streck' } }] } as PupilRecord) // false
 */
export function allSubjectsPassed(pupil: PupilRecord, scale: GradeScaleId = 'AF'): boolean {
  scanGrades(pupil.grades, scale);
  return !scanned.failed && scanned.graded > 0;
}

/** Eligibility results per rule set, kept between analyses (a panel or a recalculation analyses again). */
const CACHES = new WeakMap<object, EligibilityCache>();

/** The shared cache of a rule set; results are frozen and depend only on their key, so sharing is safe. */
function sharedCache(rules: object): EligibilityCache {
  let cache = CACHES.get(rules);
  // Keys are bounded (named-subject bits × flags × count); the cap is a guard, not expected to bite.
  if (!cache || cache.size > 100_000) CACHES.set(rules, (cache = new Map()));
  return cache;
}

/**
 * An evaluator for many pupils under one rule set and scale. Eligibility results are shared between
 * pupils with the same passes (read-only objects), which keeps 100 000 pupils fast.
 * @example pupils.map(createEvaluator(DEFAULT_SETTINGS))
 */
export function createEvaluator(settings: Pick<Settings, 'ruleSet' | 'scale'>): (pupil: PupilRecord) => PupilEvaluation {
  const rules = ruleSet(settings.ruleSet);
  const compiled = compileRuleSet(rules);
  const scale = settings.scale;
  const cache = sharedCache(rules);
  const summary: PassSummary = { count: 0, mask: 0, swedish: 'Sv', englishExemption: false };
  return (pupil) => {
    scanGrades(pupil.grades, scale); // one pass; everything below reads the scan
    const meritValue16 = merit16FromScan(scale);
    const meritValue17 = merit17FromScan(scale);
    const allPassed = !scanned.failed && scanned.graded > 0;
    const passed = scanned.passCount;
    // A scratch summary, not kept by anything: eligibility results depend only on its fields.
    summary.count = passed;
    summary.mask = scanned.passMask;
    summary.swedish = scanned.svaGraded && !scanned.svGraded ? 'Sva' : 'Sv';
    summary.englishExemption = pupil.englishExemption === true;
    const eligibility = allTargets(summary, compiled, cache);
    const yrk = eligibility.YRK;
    return {
      pupil,
      meritValue16,
      meritValue17,
      passed,
      allSubjectsPassed: allPassed,
      eligibility,
      nearEligible: !yrk.eligible && yrk.morePassesNeeded <= 2,
      shortOfYrk: yrk.morePassesNeeded,
    };
  };
}

/**
 * Evaluates one pupil under the settings' rule set and scale: meritvärde 16/17 (§4), passes,
 * eligibility for every target with what is missing (§3), "nära behörighet" = not eligible for
 * yrkesprogram but at most 2 passes short [D, §3], godkända betyg i alla ämnen (§5).
 * Worked example §11.1: meritvärde 17 = 230 + 15 = 245; NA and TE miss Fy.
 * @example evaluatePupil(pupil, DEFAULT_SETTINGS).meritValue17 // 245
 */
export function evaluatePupil(pupil: PupilRecord, settings: Settings): PupilEvaluation {
  return createEvaluator(settings)(pupil);
}
