import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, PROGRAM_CODES, type EligibilityResult, type ProgramCode, type PupilEvaluation } from '../types';
import { buildNamndrapport } from './namndrapport';
import { buildAtgardslista, buildElevlista, missingText } from './lists';
import type { GroupFigures, ReportModel } from './model';
import type { PlanValue, SheetPlan } from './plan';

function elig(eligible: boolean, missing: string[] = [], more = 0): EligibilityResult {
  return { eligible, missing: missing as never, missingCore: [], missingRequired: [], morePassesNeeded: more };
}

function evaluation(id: string, first: string, last: string, cls: string, yrk: EligibilityResult, near = false, short = 0): PupilEvaluation {
  const eligibility = Object.fromEntries(PROGRAM_CODES.map((c) => [c, c === 'YRK' ? yrk : elig(yrk.eligible)])) as Record<ProgramCode, EligibilityResult>;
  return {
    pupil: { row: 2, id, personnummer: id, firstName: first, lastName: last, className: cls, school: 'Norrskolan', gender: 'F', grades: [] },
    meritValue16: 200, meritValue17: 215, passed: yrk.eligible ? 16 : 7, allSubjectsPassed: yrk.eligible, eligibility, nearEligible: near, shortOfYrk: short,
  };
}

function group(label: string, pupils: number, share: number | '..'): GroupFigures {
  const eligibleShare = Object.fromEntries(PROGRAM_CODES.map((c) => [c, share])) as GroupFigures['eligibleShare'];
  return { label, pupils, eligibleShare, meanMeritValue16: share === '..' ? '..' : 220, meanMeritValue17: share === '..' ? '..' : 231.5, allSubjectsPassedShare: share };
}

function model(): ReportModel {
  return {
    lang: 'sv',
    settings: DEFAULT_SETTINGS,
    madeOn: '2026-06-15',
    period: 'Vårterminen 2026',
    sources: ['betyg.txt'],
    pupils: [
      evaluation('201001012383', 'Åsa', 'Östlund', '9A', elig(true)),
      evaluation('201002022390', 'Björn', 'Jönsson', '9A', elig(false, ['Ma'], 2), true, 2),
    ],
    // Worked example §11.8: 25 pupils, 16 flickor, 9 pojkar → pojkar '..' and flickor '..' too.
    total: group('Totalt', 25, 0.8),
    girls: group('Flickor', 16, '..'),
    boys: group('Pojkar', 9, '..'),
    previous: { label: 'VT 2025', total: group('Totalt', 24, 0.75) },
    schools: [group('Norrskolan', 18, 0.833), group('Lillskolan', 7, '..')],
    subjects: [],
  };
}

function allValues(sheet: SheetPlan): PlanValue[] {
  return sheet.blocks.flatMap((b) => b.values.flat());
}

function findRow(sheet: SheetPlan, label: string): PlanValue[] | undefined {
  for (const b of sheet.blocks) for (const r of b.values) if (r[0] === label) return r;
  return undefined;
}

describe('Nämndrapport plan', () => {
  it('shows suppressed groups as .. and the change in procentenheter', () => {
    const s = buildNamndrapport(model());
    expect(s.personalData).toBe(false);
    const yrk = findRow(s, 'Andel behöriga till yrkesprogram');
    // Totalt 0.8, Flickor .., Pojkar .., previous 0.75, change (0.80 − 0.75) × 100 = 5.0 pp.
    expect(yrk).toEqual(['Andel behöriga till yrkesprogram', 0.8, '..', '..', 0.75, 5]);
    const merit = findRow(s, 'Genomsnittligt meritvärde (17 ämnen)');
    // 231.5 − 231.5 = 0 points.
    expect(merit?.slice(0, 6)).toEqual(['Genomsnittligt meritvärde (17 ämnen)', 231.5, '..', '..', 231.5, 0]);
    expect(findRow(s, 'Lillskolan')).toEqual(['Lillskolan', 7, '..', '..', '..', '..']);
  });

  it('contains no personnummer and no pupil name', () => {
    const text = allValues(buildNamndrapport(model())).map(String).join('\n');
    for (const forbidden of ['201001012383', '201002022390', 'Åsa', 'Östlund', 'Björn', 'Jönsson']) expect(text).not.toContain(forbidden);
  });

  it('formats shares as percent and the change column as signed points', () => {
    const s = buildNamndrapport(model());
    const yrkBlock = s.blocks.find((b) => b.values.some((r) => r[0] === 'Andel behöriga till yrkesprogram'))!;
    expect(yrkBlock.columnFormats?.[1]).toBe('0.0%');
    expect(yrkBlock.columnFormats?.[5]).toBe('+0.0;-0.0;0.0');
    const meritBlock = s.blocks.find((b) => b.values.some((r) => r[0] === 'Genomsnittligt meritvärde (17 ämnen)'))!;
    expect(meritBlock.columnFormats?.[1]).toBe('0.0');
  });

  it('has an eligibility chart over its own data and the symbols explained', () => {
    const s = buildNamndrapport(model());
    expect(s.charts?.map((c) => c.id)).toContain('chart-eligibility');
    const text = allValues(s).map(String).join('\n');
    expect(text).toContain('färre än 10 elever');
    expect(text).toContain('Uppgift saknas');
  });

  it('builds blocks whose rows all have the same length', () => {
    for (const b of buildNamndrapport(model()).blocks) {
      const w = b.values[0].length;
      for (const r of b.values) expect(r.length).toBe(w);
      if (b.columnFormats) expect(b.columnFormats.length).toBe(w);
    }
  });
});

describe('pupil lists', () => {
  it('describes what is missing', () => {
    expect(missingText('sv', elig(true))).toBe('');
    // Ma named; 2 passes needed of which Ma is one → 1 more of any subject.
    expect(missingText('sv', elig(false, ['Ma'], 2))).toBe('Ma + 1 ämne till');
    expect(missingText('sv', elig(false, [], 3))).toBe('3 ämnen till');
    expect(missingText('sv', elig(false, ['Fy'], 1))).toBe('Fy');
  });

  it('marks the Elevlista as personal data and lists every pupil', () => {
    const s = buildElevlista(model());
    expect(s.personalData).toBe(true);
    expect(String(s.blocks[0].values[0][0])).toContain('Innehåller personuppgifter');
    const table = s.blocks.find((b) => b.table)!;
    expect(table.values.length).toBe(3); // header + 2 pupils
    expect(s.frozenRows).toBe(table.row + 1);
  });

  it('lists pupils by class, then last and first name in Swedish order (Å, Ä, Ö after Z; case ignored)', () => {
    const m = model();
    m.pupils = [
      evaluation('201003032381', 'Eva', 'Öberg', '9A', elig(true)),
      evaluation('201004042389', 'Ali', 'Ängel', '9A', elig(true)),
      evaluation('201005052387', 'Bo', 'Åberg', '9A', elig(true)),
      evaluation('201006062385', 'Cia', 'von Essen', '9A', elig(true)),
      evaluation('201007072383', 'Dan', 'Zetterlund', '9A', elig(true)),
      evaluation('201008082381', 'Ann', 'Berg', '9B', elig(true)),
    ];
    const table = buildElevlista(m).blocks.find((b) => b.table)!;
    // Code-point order gave Zetterlund, von Essen, Ängel, Åberg, Öberg ('v' after 'Z', 'Ä' before 'Å').
    expect(table.values.slice(1).map((r) => r[2])).toEqual(['von Essen', 'Zetterlund', 'Åberg', 'Ängel', 'Öberg', 'Berg']);
  });

  it('puts only pupils near eligibility (or with high absence) on the Åtgärdslista', () => {
    const s = buildAtgardslista(model());
    const table = s.blocks.find((b) => b.table)!;
    expect(table.values.length).toBe(2);
    expect(table.values[1].slice(0, 3)).toEqual(['9A', 'Jönsson', 'Björn']);
    expect(table.values[1][5]).toBe('Ma + 1 ämne till');
  });
});
