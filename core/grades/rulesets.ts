/**
 * Versioned eligibility rule sets (domain §3). `gy11` is in force; a future rule set (the proposed
 * 1–10 scale with eligibility = meritvärde ≥ 4, lagrådsremiss February 2026) is added here as
 * another entry without touching callers.
 *
 * [C: Skolverket, "Behörighetskrav till gymnasieskolan"]
 */
import type { ProgramCode, RuleSetId, SubjectCode } from '../types';

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
  /** Alternatives: the target is reached when any one is met (PRIV has two). */
  alternatives: readonly Requirement[];
}

export interface RuleSet {
  id: RuleSetId;
  /** Swedish name shown in settings. */
  name: string;
  targets: Readonly<Record<ProgramCode, TargetRule>>;
  /** Subjects whose requirement an English exemption (dispens) lifts. [C] */
  exemptible: readonly SubjectCode[];
}

const CORE: readonly SubjectCode[] = ['Sv', 'En', 'Ma'];

const gy11: RuleSet = {
  id: 'gy11',
  name: 'Gy11 (gällande behörighetskrav)',
  exemptible: ['En'],
  targets: {
    // Sv/Sva, En, Ma + 5 other = 8.
    YRK: { code: 'YRK', alternatives: [{ subjects: CORE, totalPasses: 8 }] },
    // Sv/Sva, En, Ma + any 9 other = 12.
    ES: { code: 'ES', alternatives: [{ subjects: CORE, totalPasses: 12 }] },
    // … + 9 other including Ge, Hi, Re, Sh.
    EK: { code: 'EK', alternatives: [{ subjects: [...CORE, 'Ge', 'Hi', 'Re', 'Sh'], totalPasses: 12 }] },
    HU: { code: 'HU', alternatives: [{ subjects: [...CORE, 'Ge', 'Hi', 'Re', 'Sh'], totalPasses: 12 }] },
    SA: { code: 'SA', alternatives: [{ subjects: [...CORE, 'Ge', 'Hi', 'Re', 'Sh'], totalPasses: 12 }] },
    // … + 9 other including Bi, Fy, Ke.
    NA: { code: 'NA', alternatives: [{ subjects: [...CORE, 'Bi', 'Fy', 'Ke'], totalPasses: 12 }] },
    TE: { code: 'TE', alternatives: [{ subjects: [...CORE, 'Bi', 'Fy', 'Ke'], totalPasses: 12 }] },
    // Programinriktat val: Sv/Sva + (En or Ma) + 4 other = 6, or Sv/Sva + En + Ma + 3 other = 6.
    PRIV: {
      code: 'PRIV',
      alternatives: [
        { subjects: ['Sv'], oneOf: [['En', 'Ma']], totalPasses: 6 },
        { subjects: CORE, totalPasses: 6 },
      ],
    },
  },
};

export const RULE_SETS: Readonly<Record<RuleSetId, RuleSet>> = { gy11 };

/**
 * The rule set with an id.
 * @example ruleSet('gy11').targets.YRK.alternatives[0].totalPasses // 8
 */
export function ruleSet(id: RuleSetId): RuleSet {
  return RULE_SETS[id];
}
