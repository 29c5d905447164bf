/**
 * Properties of the grades engine and the group statistics on random pupils: meritvärde bounds,
 * monotonicity (a better grade never costs anything), shares in [0, 1], and suppression that a
 * reader cannot undo by subtracting shown parts from a shown total (domain §4, §5, §6).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { analyseGrades, evaluatePupil } from '../../core/grades';
import type { GroupIndicators } from '../../core/stats/indicators';
import { DEFAULT_SETTINGS, PROGRAM_CODES, type GradeEntry, type GradeMark, type GradeTable, type PupilRecord, type Settings } from '../../core/types';
import { check, isShareFigure, pupilArb } from './arbitraries';

const SETTINGS: Settings = DEFAULT_SETTINGS;
const BETTER: Record<string, GradeMark[]> = { F: ['E', 'D', 'C', 'B', 'A'], E: ['D', 'C', 'B', 'A'], D: ['C', 'B', 'A'], C: ['B', 'A'], B: ['A'], A: [] };

/** Every way to raise exactly one grade of a pupil: a better mark, or a pass where there was streck/missing. */
function raises(p: PupilRecord): PupilRecord[] {
  const out: PupilRecord[] = [];
  p.grades.forEach((g, i) => {
    const to: GradeMark[] = g.entry.kind === 'grade' ? BETTER[g.entry.mark] ?? [] : g.entry.kind === 'streck' || g.entry.kind === 'missing' ? ['E', 'A'] : [];
    for (const mark of to) {
      const entry: GradeEntry = { kind: 'grade', mark };
      out.push({ ...p, grades: p.grades.map((x, j) => (j === i ? { ...x, entry } : x)) });
    }
  });
  return out;
}

describe('evaluatePupil on random pupils', () => {
  it('keeps meritvärde 16 in [0, 320] and 17 in [0, 340], 17 ≥ 16, passes in [0, subjects]', () => {
    check(pupilArb, (p) => {
      const e = evaluatePupil(p, SETTINGS);
      // 16 × 20 = 320; 320 + one M2 at 20 = 340 (domain §4).
      if (!(e.meritValue16 >= 0 && e.meritValue16 <= 320)) throw new Error(`meritValue16 ${e.meritValue16}`);
      if (!(e.meritValue17 >= 0 && e.meritValue17 <= 340)) throw new Error(`meritValue17 ${e.meritValue17}`);
      if (e.meritValue17 < e.meritValue16) throw new Error(`17 (${e.meritValue17}) < 16 (${e.meritValue16})`);
      if (e.passed < 0 || e.passed > p.grades.length) throw new Error(`passed ${e.passed} of ${p.grades.length}`);
      for (const c of PROGRAM_CODES) {
        const r = e.eligibility[c];
        if (r.eligible !== (r.missing.length === 0 && r.morePassesNeeded === 0 && !(r.missingOneOf?.length))) {
          throw new Error(`${c}: eligible=${r.eligible} but missing=${r.missing} more=${r.morePassesNeeded} oneOf=${JSON.stringify(r.missingOneOf)}`);
        }
      }
    }, 1000);
  });

  it('raising one grade never removes an eligibility nor lowers meritvärde 16 or 17', () => {
    check(pupilArb, (p) => {
      const before = evaluatePupil(p, SETTINGS);
      for (const q of raises(p)) {
        const after = evaluatePupil(q, SETTINGS);
        const what = () => `${JSON.stringify(p.grades.map((g) => [g.subject, g.entry]))} → ${JSON.stringify(q.grades.map((g) => [g.subject, g.entry]))}`;
        if (after.meritValue16 < before.meritValue16) throw new Error(`meritValue16 ${before.meritValue16} → ${after.meritValue16}: ${what()}`);
        if (after.meritValue17 < before.meritValue17) throw new Error(`meritValue17 ${before.meritValue17} → ${after.meritValue17}: ${what()}`);
        for (const c of PROGRAM_CODES) {
          if (before.eligibility[c].eligible && !after.eligibility[c].eligible) throw new Error(`lost ${c}: ${what()}`);
        }
        if (after.shortOfYrk > before.shortOfYrk) throw new Error(`shortOfYrk ${before.shortOfYrk} → ${after.shortOfYrk}: ${what()}`);
        if (before.allSubjectsPassed && !after.allSubjectsPassed) throw new Error(`lost allSubjectsPassed: ${what()}`);
      }
    }, 400);
  });
});

function table(pupils: PupilRecord[]): GradeTable {
  return { sheet: 'Betyg', layout: 'wide', scale: 'AF', headerRow: 1, columns: [], unmapped: [], pupils: pupils.map((p, i) => ({ ...p, row: i + 2, id: `p${i}` })), problems: [] };
}

const figuresOf = (g: GroupIndicators) => [...PROGRAM_CODES.map((c) => g.eligibleShare[c]), g.allSubjectsPassedShare, g.meanMeritValue16, g.meanMeritValue17];
const hidden = (g: GroupIndicators) => g.eligibleShare.YRK === '..';

/** Hidden parts of a shown whole must hold 0 or ≥ threshold pupils; `unknown` parts are never shown. */
function expectComplement(what: string, parts: GroupIndicators[], unknown: number, threshold: number): void {
  // With no part shown there is nothing to subtract: the hidden parts are the (shown or derived) whole.
  if (!parts.some((g) => g.pupils > 0 && !hidden(g))) return;
  const hiddenSum = parts.filter((g) => g.pupils > 0 && hidden(g)).reduce((s, g) => s + g.pupils, 0) + unknown;
  if (hiddenSum > 0 && hiddenSum < threshold) {
    throw new Error(`${what}: hidden parts hold ${hiddenSum} < ${threshold} pupils (${parts.map((g) => `${g.key}=${g.pupils}${hidden(g) ? ' hidden' : ''}`).join(', ')}, unknown=${unknown}), so total − shown parts reveals them`);
  }
}

describe('analyseGrades suppression on random groups', () => {
  const groupArb = fc.tuple(fc.array(pupilArb, { maxLength: 60 }), fc.constantFrom(3, 5, 10));

  it('shows no figure for a group under the threshold, and shares stay in [0, 1]', () => {
    check(groupArb, ([pupils, threshold]) => {
      const a = analyseGrades(table(pupils), { ...SETTINGS, suppressionThreshold: threshold });
      for (const g of [a.summary, ...a.groups]) {
        for (const c of PROGRAM_CODES) if (!isShareFigure(g.eligibleShare[c])) throw new Error(`${g.by}/${g.key} ${c} share ${g.eligibleShare[c]}`);
        if (!isShareFigure(g.allSubjectsPassedShare)) throw new Error(`${g.key} allSubjectsPassedShare ${g.allSubjectsPassedShare}`);
        for (const m of [g.meanMeritValue16, g.meanMeritValue17]) if (typeof m === 'number' && !(m >= 0 && m <= 340)) throw new Error(`${g.key} merit mean ${m}`);
        if (g.pupils < threshold && figuresOf(g).some((f) => typeof f === 'number')) throw new Error(`${g.by}/${g.key} with ${g.pupils} < ${threshold} pupils shows ${JSON.stringify(figuresOf(g))}`);
        if (g.withPass < threshold && [g.meanMeritValue16, g.meanMeritValue17].some((f) => typeof f === 'number')) throw new Error(`${g.key}: merit mean over ${g.withPass} < ${threshold} pupils shown`);
      }
      for (const s of a.subjects) {
        for (const f of [...Object.values(s.shares), s.passShare]) if (!isShareFigure(f)) throw new Error(`${s.subject} share ${f}`);
        if (s.graded < threshold && [...Object.values(s.shares), s.passShare, s.meanPoints].some((f) => typeof f === 'number')) throw new Error(`${s.subject}: ${s.graded} graded < ${threshold} but figures shown`);
      }
    }, 300);
  });

  it('complementary suppression holds for every split: gender, schools, classes within each school', () => {
    check(groupArb, ([pupils, threshold]) => {
      const a = analyseGrades(table(pupils), { ...SETTINGS, suppressionThreshold: threshold });
      const n = pupils.length;
      if (n === 0 || hidden(a.summary)) {
        // A hidden total: every part is under it, so every part with pupils must be hidden too.
        for (const g of a.groups) if (g.pupils > 0 && g.by !== 'class' && !hidden(g) && n < threshold) throw new Error(`${g.key} shown under a hidden total`);
        return;
      }
      const gender = a.groups.filter((g) => g.by === 'gender');
      expectComplement('gender', gender, pupils.filter((p) => p.gender === null).length, threshold);
      const schools = a.groups.filter((g) => g.by === 'school');
      expectComplement('schools', schools, pupils.filter((p) => p.school === null).length, threshold);
      // Classes are parts of their school (shown or not, its size is total − shown schools when hidden).
      const schoolKeys = new Set(pupils.map((p) => p.school ?? ''));
      for (const s of schoolKeys) {
        const inSchool = pupils.filter((p) => (p.school ?? '') === s);
        const classes = a.groups.filter((g) => g.by === 'class' && (g.parent ?? '') === s);
        const schoolGroup = schools.find((g) => g.key === s);
        if (schoolGroup && hidden(schoolGroup)) {
          for (const c of classes) if (!hidden(c)) throw new Error(`class ${c.key} shown in hidden school ${s}`);
          continue;
        }
        expectComplement(`classes of ${s || '(no school)'}`, classes, inSchool.filter((p) => p.className === null).length, threshold);
      }
      // Subject means by gender beside a shown subject mean.
      for (const sub of a.subjects) {
        if (typeof sub.meanPoints !== 'number') continue;
        let nF = 0, nM = 0;
        for (const p of pupils) for (const g of p.grades) {
          if (g.subject !== sub.subject || g.entry.kind !== 'grade' || !'ABCDEF'.includes(g.entry.mark)) continue;
          if (p.gender === 'F') nF++; else if (p.gender === 'M') nM++;
        }
        const unknown = sub.graded - nF - nM;
        const hid = (nF > 0 && sub.meanPointsGirls === '..' ? nF : 0) + (nM > 0 && sub.meanPointsBoys === '..' ? nM : 0) + unknown;
        if (hid > 0 && hid < threshold) throw new Error(`${sub.subject}: girls ${nF} (${sub.meanPointsGirls}), boys ${nM} (${sub.meanPointsBoys}), unknown ${unknown}: hidden ${hid} < ${threshold}`);
      }
    }, 400);
  });
});
