/**
 * The report plan for the demo data: its numbers are the engines' numbers, small groups are
 * masked, and the Nämndrapport holds no personal data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readInput } from '../../cli/io';
import type { SheetData } from '../app';
import { DEFAULT_SETTINGS } from '../types';
import { looksLikePersonnummer } from '../personnummer';
import { readGradeTable } from '../table/grades';
import { analyseGrades } from '../grades/analyse';
import { buildReport } from './build';
import { attendanceGroups, readAttendance } from '../attendance';
import { compareTerms } from '../progression';
import type { PlanValue, ReportPlan, SheetPlan } from './plan';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const NOW = new Date('2026-06-20T12:00:00Z');

let sheets: Map<string, SheetData>;
let plan: ReportPlan;

function sheet(name: string): SheetData {
  const s = sheets.get(name);
  if (!s) throw new Error(`demo workbook has no sheet ${name}`);
  return s;
}

function planSheet(key: string): SheetPlan {
  const s = plan.sheets.find((x) => x.key === key);
  if (!s) throw new Error(`plan has no ${key}`);
  return s;
}

function rowOf(s: SheetPlan, label: string): PlanValue[] | undefined {
  for (const b of s.blocks) for (const r of b.values) if (r[0] === label) return r;
  return undefined;
}

beforeAll(async () => {
  const file = await readInput(`${examples}skolanalys-demo.xlsx`);
  sheets = new Map(file.sheets.map((s) => [s.sheet, s]));
  plan = buildReport(
    { grades: sheet('Betyg VT2026'), tests: sheet('Nationella prov'), previous: sheet('Betyg VT2025'), attendance: sheet('Frånvaro'), survey: sheet('Elevenkät'), surveyQuestions: sheet('Enkätfrågor') },
    ['namndrapport', 'elevlista', 'atgardslista', 'narvaro', 'progression'],
    DEFAULT_SETTINGS,
    NOW,
  ).plan;
});

describe('report plan for the demo workbook', () => {
  it('shows the same headline figures as the grades engine', () => {
    const analysis = analyseGrades(readGradeTable(sheet('Betyg VT2026'), { referenceYear: 2026 }), DEFAULT_SETTINGS);
    const nr = planSheet('namndrapport');
    const yrk = rowOf(nr, 'Andel behöriga till yrkesprogram')!;
    expect(yrk[1]).toBe(analysis.summary.eligibleShare.YRK);
    const merit = rowOf(nr, 'Genomsnittligt meritvärde (17 ämnen)')!;
    expect(merit[1]).toBe(analysis.summary.meanMeritValue17);
    expect(rowOf(nr, 'Antal elever')![1]).toBe(analysis.pupils.length);
    // Flickor/Pojkar columns are the gender groups of the same analysis.
    const girls = analysis.groups.find((g) => g.by === 'gender' && g.key === 'F')!;
    expect(yrk[2]).toBe(girls.eligibleShare.YRK);
  });

  it('masks the class of 7 (and the school total stays visible)', () => {
    // Västerskolan 9D has 7 pupils (examples/README.md): below 10 → '..'.
    const analysis = analyseGrades(readGradeTable(sheet('Betyg VT2026'), { referenceYear: 2026 }), DEFAULT_SETTINGS);
    const small = analysis.groups.find((g) => g.by === 'class' && g.pupils === 7)!;
    expect(small).toBeDefined();
    expect(small.eligibleShare.YRK).toBe('..');
    expect(small.meanMeritValue17).toBe('..');
    const schools = planSheet('namndrapport').blocks.find((b) => b.id === 'schools')!;
    for (const r of schools.values.slice(1)) expect(typeof r[2]).toBe('number'); // every school ≥ 10 pupils
  });

  it('puts no personnummer and no pupil name on the Nämndrapport', () => {
    const names = new Set<string>();
    for (const p of readGradeTable(sheet('Betyg VT2026'), { referenceYear: 2026 }).pupils) {
      if (p.firstName) names.add(p.firstName);
      if (p.lastName) names.add(p.lastName);
    }
    expect(names.size).toBeGreaterThan(50);
    const nr = planSheet('namndrapport');
    const cells = nr.blocks.flatMap((b) => b.values.flat()).filter((v): v is string | number => v !== null && typeof v !== 'boolean');
    for (const c of cells) {
      expect(looksLikePersonnummer(c), `personnummer-like cell ${c}`).toBe(false);
      if (typeof c === 'string') for (const w of c.split(/[\s,;:()]+/)) expect(names.has(w), `name ${w} in "${c}"`).toBe(false);
    }
    expect(nr.personalData).toBe(false);
  });

  it('marks every pupil-level sheet as personal data in its title row', () => {
    for (const key of ['elevlista', 'atgardslista']) {
      const s = planSheet(key);
      expect(s.personalData).toBe(true);
      expect(String(s.blocks[0].values[0][0])).toContain('Innehåller personuppgifter');
    }
  });

  it('lists every pupil on the Elevlista and only near-eligible or high-absence pupils on the Åtgärdslista', () => {
    const analysis = analyseGrades(readGradeTable(sheet('Betyg VT2026'), { referenceYear: 2026 }), DEFAULT_SETTINGS);
    const list = planSheet('elevlista').blocks.find((b) => b.table)!;
    expect(list.values.length - 1).toBe(analysis.pupils.length);
    const actions = planSheet('atgardslista').blocks.find((b) => b.table)!;
    const near = analysis.pupils.filter((e) => e.nearEligible).length;
    expect(actions.values.length - 1).toBeGreaterThanOrEqual(near);
  });

  it('carries the attendance, progression and survey figures of their engines', () => {
    const nr = planSheet('namndrapport');
    const att = attendanceGroups(readAttendance(sheet('Frånvaro'), { referenceYear: 2026 }), DEFAULT_SETTINGS);
    const absence = nr.blocks.find((b) => b.id === 'absence')!;
    // Row 1 is Totalt: the mean absence share of the engine's whole-file group.
    expect(absence.values[1][0]).toBe('Totalt');
    expect(absence.values[1][2]).toBe(att.find((g) => g.by === 'all')!.meanAbsenceShare);
    const progression = compareTerms(readGradeTable(sheet('Betyg VT2025'), { referenceYear: 2026 }), readGradeTable(sheet('Betyg VT2026'), { referenceYear: 2026 }), DEFAULT_SETTINGS);
    const cohort = nr.blocks.find((b) => b.id.startsWith('progression-cohort-') && b.values[0][0] === 'Andel behöriga till yrkesprogram')!;
    expect(cohort.values[0].slice(1, 3)).toEqual([progression.cohort.eligibleShareBefore.YRK, progression.cohort.eligibleShareAfter.YRK]);
    const survey = nr.blocks.find((b) => b.id === 'survey')!;
    expect(survey.values.length).toBeGreaterThan(1);
    for (const r of survey.values.slice(1)) expect(typeof r[2] === 'number' ? r[2] >= 0 && r[2] <= 10 : r[2] === '..').toBe(true);
  });

  it('is deterministic for the same inputs and date', () => {
    const again = buildReport(
      { grades: sheet('Betyg VT2026'), tests: sheet('Nationella prov'), previous: sheet('Betyg VT2025'), attendance: sheet('Frånvaro'), survey: sheet('Elevenkät'), surveyQuestions: sheet('Enkätfrågor') },
      ['namndrapport', 'elevlista', 'atgardslista', 'narvaro', 'progression'], DEFAULT_SETTINGS, NOW).plan;
    expect(JSON.stringify(again)).toBe(JSON.stringify(plan));
  });
});
