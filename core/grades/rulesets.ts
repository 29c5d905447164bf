/**
 * Versioned eligibility rule sets (domain §3). `gy11` is in force; a future rule set (the proposed
 * 1–10 scale with eligibility = meritvärde ≥ 4, lagrådsremiss February 2026) is added here as
 * another entry without touching callers: they pass `settings.ruleSet` and read the targets from here.
 * The final year of grundskolan (9 now, 10 from HT 2028) is `Settings.finalYear`, never a constant.
 *
 * [C: Skolverket, "Behörighetskrav till gymnasieskolan"; skollagen 16 kap. 29–32 §§]
 */
import type { GradeScaleId, ProgramCode, RuleSetId, SubjectCode } from '../types';

/** One way of reaching a target: named subjects, groups of which one must pass, total passes. */
export interface Requirement {
  /** Each must be passed; `Sv` means Sv or Sva (whichever the pupil is graded in). */
  subjects: readonly SubjectCode[];
  /** At least one subject of each group must be passed (PRIV: En or Ma). */
  oneOf?: readonly (readonly SubjectCode[])[];
  /** Passing grades in total, the named subjects included. */
  totalPasses: number;
}

export interface TargetRule {
  code: ProgramCode;
  /** Swedish name of the target (settings, reports). */
  name: string;
  /** Alternatives: the target is reached when any one is met (PRIV has two). */
  alternatives: readonly Requirement[];
  /** Whether an English exemption (dispens) applies: national programmes only [C: skollagen 16 kap. 32 §]. */
  exemptionApplies: boolean;
}

export interface RuleSet {
  id: RuleSetId;
  /** Swedish name shown in settings. */
  name: string;
  /** The grade scales this rule set is defined for. */
  scales: readonly GradeScaleId[];
  targets: Readonly<Record<ProgramCode, TargetRule>>;
  /** The subject an English exemption (dispens) waives. [C: skollagen 16 kap. 32 §] */
  exemptible: readonly SubjectCode[];
}

const CORE: readonly SubjectCode[] = ['Sv', 'En', 'Ma'];
const SO: readonly SubjectCode[] = ['Ge', 'Hi', 'Re', 'Sh'];
const NO: readonly SubjectCode[] = ['Bi', 'Fy', 'Ke'];

const gy11: RuleSet = {
  id: 'gy11',
  name: 'Gy11 (gällande behörighetskrav)',
  scales: ['AF', 'old'],
  exemptible: ['En'],
  targets: {
    // Sv/Sva, En, Ma + 5 other = 8.
    YRK: { code: 'YRK', name: 'Yrkesprogram', exemptionApplies: true, alternatives: [{ subjects: CORE, totalPasses: 8 }] },
    // Sv/Sva, En, Ma + any 9 other = 12.
    ES: { code: 'ES', name: 'Estetiska programmet', exemptionApplies: true, alternatives: [{ subjects: CORE, totalPasses: 12 }] },
    // … + 9 other including Ge, Hi, Re, Sh.
    EK: { code: 'EK', name: 'Ekonomiprogrammet', exemptionApplies: true, alternatives: [{ subjects: [...CORE, ...SO], totalPasses: 12 }] },
    HU: { code: 'HU', name: 'Humanistiska programmet', exemptionApplies: true, alternatives: [{ subjects: [...CORE, ...SO], totalPasses: 12 }] },
    SA: { code: 'SA', name: 'Samhällsvetenskapsprogrammet', exemptionApplies: true, alternatives: [{ subjects: [...CORE, ...SO], totalPasses: 12 }] },
    // … + 9 other including Bi, Fy, Ke.
    NA: { code: 'NA', name: 'Naturvetenskapsprogrammet', exemptionApplies: true, alternatives: [{ subjects: [...CORE, ...NO], totalPasses: 12 }] },
    TE: { code: 'TE', name: 'Teknikprogrammet', exemptionApplies: true, alternatives: [{ subjects: [...CORE, ...NO], totalPasses: 12 }] },
    // Programinriktat val: Sv/Sva + (En or Ma) + 4 other = 6, or Sv/Sva + En + Ma + 3 other = 6.
    // No English dispens for introduktionsprogram.
    PRIV: {
      code: 'PRIV',
      name: 'Introduktionsprogram, programinriktat val',
      exemptionApplies: false,
      alternatives: [
        { subjects: ['Sv'], oneOf: [['En', 'Ma']], totalPasses: 6 },
        { subjects: CORE, totalPasses: 6 },
      ],
    },
  },
};

/** All rule sets by id. Add a new version here; callers select it with `settings.ruleSet`. */
export const RULE_SETS: Readonly<Record<RuleSetId, RuleSet>> = { gy11 };

/**
 * The rule set with an id.
 * @example ruleSet('gy11').targets.YRK.alternatives[0].totalPasses // 8
 */
export function ruleSet(id: RuleSetId): RuleSet {
  return RULE_SETS[id];
}
