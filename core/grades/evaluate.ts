/**
 * Everything the grades engine says about one pupil: meritvärde 16/17, passes, eligibility per
 * target with what is missing, "nära behörighet" and "godkända betyg i alla ämnen".
 */
import type { EligibilityResult, ProgramCode, PupilEvaluation, PupilRecord, Settings } from '../types';
import { PROGRAM_CODES } from '../types';
import { subjectInfo } from './subjects';
import { evaluateTarget, summarizePasses } from './eligibility';
import { meritValue16, meritValue17 } from './merit';
import { ruleSet } from './rulesets';
import { isPass } from './scale';

/**
 * A–E in every subject the pupil is graded in, no F and no streck anywhere, no code 3 in a
 * compulsory subject, and at least one grade (domain §5 [S/D]: Skolverket's exact denominator is
 * unconfirmed; the report states this definition).
 * @example allSubjectsPassed({ grades: [{ subject: 'Ma', entry: { kind: 'streck' } }] } as PupilRecord) // false
 */
export function allSubjectsPassed(pupil: PupilRecord, scale: Settings['scale'] = 'AF'): boolean {
  let graded = 0;
  for (const g of pupil.grades) {
    const e = g.entry;
    if (e.kind === 'grade') {
      if (!isPass(e, scale)) return false;
      graded++;
    } else if (e.kind === 'streck') return false;
    else if (e.kind === 'notStudied' && subjectInfo(g.subject).compulsory) return false;
  }
  return graded > 0;
}

/**
 * Evaluates one pupil under the settings' rule set and scale.
 * "Nära behörighet": not eligible for yrkesprogram but at most 2 passes short [D].
 * @example evaluatePupil(pupil, DEFAULT_SETTINGS).meritValue17 // 245 for worked example §11.1
 */
export function evaluatePupil(pupil: PupilRecord, settings: Settings): PupilEvaluation {
  const rules = ruleSet(settings.ruleSet);
  const summary = summarizePasses(pupil.grades, settings.scale, pupil.englishExemption === true);
  const eligibility = {} as Record<ProgramCode, EligibilityResult>;
  for (const code of PROGRAM_CODES) eligibility[code] = evaluateTarget(summary, code, rules);
  const yrk = eligibility.YRK;
  return {
    pupil,
    meritValue16: meritValue16(pupil.grades, settings.scale),
    meritValue17: meritValue17(pupil.grades, settings.scale),
    passed: summary.count,
    allSubjectsPassed: allSubjectsPassed(pupil, settings.scale),
    eligibility,
    nearEligible: !yrk.eligible && yrk.morePassesNeeded <= 2,
    shortOfYrk: yrk.morePassesNeeded,
  };
}
