/**
 * The Historik: rows of the computed periods are added or replaced, every other row is kept exactly
 * (a principal's typed 2019 figures survive regeneration after regeneration), sources that claim the
 * same period are a problem, and school parts are suppressed like everywhere.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../types';
import type { CellValue } from '../types';
import type { SheetData } from '../app';
import { buildReport } from './build';
import { testPnr } from './fixtures';
import { mergeHistory, readHistory, trendOf, seriesKey, HISTORY_SOURCE_PREFIX, type PeriodFigures } from './history';
import { latestEarlier } from './history-model';
import type { PlanValue, SheetPlan } from './plan';
import type { GroupFigures } from './model';
import { periodKey } from './period';
import { planSheetValues } from './plan-values';

const NOW = new Date('2026-12-03T12:00:00Z');
const SUBJECTS = ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Ge', 'Hi'];

const pnr = testPnr;

/**
 * `n` pupils of one school; even i are girls (gender digit 100+i even). Pupils i < pass have E in all
 * 8 subjects (eligible for yrkesprogram: Sv, En, Ma + 5; meritvärde 8 × 10 = 80); the others have F in
 * Ma (not eligible; 7 × 10 = 70).
 */
function gradeSheet(sheet: string, rows: { school: string; n: number; pass: number; from?: number }[]): SheetData {
  const values: CellValue[][] = [['Personnummer', 'Förnamn', 'Efternamn', 'Klass', 'Skola', ...SUBJECTS]];
  for (const r of rows) {
    for (let k = 0; k < r.n; k++) {
      const i = (r.from ?? 0) + k;
      values.push([pnr(i), `Elev${i}`, 'Test', '9A', r.school, ...SUBJECTS.map((s) => (s === 'Ma' && k >= r.pass ? 'F' : 'E'))]);
    }
  }
  return { sheet, values };
}

/** The values of a sheet plan as the grid a host would read back (blocks placed at their cells). */
const gridOf = planSheetValues;

const historik = (plan: { sheets: SheetPlan[] }) => plan.sheets.find((s) => s.key === 'historik')!;
const rowsOf = (grid: CellValue[][]) => grid.filter((r) => typeof r[0] === 'string' && /^(VT|HT)\d{4}$/.test(r[0]) || typeof r[0] === 'number');

describe('the Historik of one report', () => {
  // 20 pupils, 15 eligible: YRK 15/20 = 0.75; meritvärde 17 (15 × 80 + 5 × 70) / 20 = 77.5.
  const grades = gradeSheet('Betyg VT2026', [{ school: 'Norrskolan', n: 20, pass: 15 }]);
  const r = buildReport({ grades, sources: ['betyg.xlsx (Betyg VT2026)'] }, ['historik'], DEFAULT_SETTINGS, NOW);
  const grid = gridOf(historik(r.plan));
  const find = (level: string, unit: string, group: string, indicator: string) =>
    rowsOf(grid).find((x) => x[1] === level && x[2] === unit && x[3] === group && x[4] === indicator);

  it('has one row per unit × group × indicator of the period, with value, pupils and source', () => {
    // (kommun + 1 school) × 3 groups × 8 indicators.
    expect(rowsOf(grid)).toHaveLength(2 * 3 * 8);
    expect(find('Kommun', 'Totalt', 'Totalt', 'Andel behöriga till yrkesprogram')).toEqual(['VT2026', 'Kommun', 'Totalt', 'Totalt', 'Andel behöriga till yrkesprogram', 0.75, 20, `${HISTORY_SOURCE_PREFIX}betyg.xlsx (Betyg VT2026)`]);
    expect(find('Skola', 'Norrskolan', 'Totalt', 'Genomsnittligt meritvärde (17 ämnen)')?.[5]).toBe(77.5);
    // Girls: even i of 0–19 → 10 girls; eligible are i < 15 → girls 0,2,…,14 = 8 of 10.
    expect(find('Kommun', 'Totalt', 'Flickor', 'Andel behöriga till yrkesprogram')?.slice(5, 7)).toEqual([0.8, 10]);
    expect(grid[0][0]).toBe('Historik – nyckeltal per period');
    expect(historik(r.plan).personalData).toBe(false);
  });

  it('suppresses a school\'s girls and boys together when one part is small', () => {
    // Södra: 16 pupils, 8 girls and 8 boys: both under 10 → `..`; the school total (16) is shown.
    const two = gradeSheet('Betyg VT2026', [{ school: 'Norrskolan', n: 20, pass: 15 }, { school: 'Södra', n: 16, pass: 16, from: 20 }]);
    const g = gridOf(historik(buildReport({ grades: two }, ['historik'], DEFAULT_SETTINGS, NOW).plan));
    const södra = rowsOf(g).filter((x) => x[2] === 'Södra' && x[4] === 'Andel behöriga till yrkesprogram');
    expect(södra.map((x) => [x[3], x[5], x[6]])).toEqual([['Totalt', 1, 16], ['Flickor', '..', 8], ['Pojkar', '..', 8]]);
  });
});

describe('merging with the Historik the workbook has', () => {
  const user2019: CellValue[] = ['VT2019', 'Kommun', 'Totalt', 'Totalt', 'Andel behöriga till yrkesprogram', 0.812, 240, 'Kvalitetsrapport 2019, s. 4'];
  const user2020: CellValue[] = [2020, 'Kommun', 'Totalt', 'Totalt', 'YRK', '83,5 %', null, 'Kvalitetsrapport 2020'];
  const userNote: CellValue[] = ['VT2026', 'Skola', 'Gamla skolan', 'Totalt', 'Genomsnittligt meritvärde (17 ämnen)', 201.5, 30, 'Nedlagd 2026, siffra från rektor'];

  it('keeps the user\'s rows through three regenerations, exactly, and replaces only its own', () => {
    const grades = gradeSheet('Betyg VT2026', [{ school: 'Norrskolan', n: 20, pass: 15 }]);
    let grid = gridOf(historik(buildReport({ grades }, ['historik'], DEFAULT_SETTINGS, NOW).plan));
    grid.push(user2019, user2020, userNote);
    const first = rowsOf(grid).length;
    for (let run = 1; run <= 3; run++) {
      // Each run: the school's figures changed (one more pupil passes each time).
      const g = gradeSheet('Betyg VT2026', [{ school: 'Norrskolan', n: 20, pass: 15 + run }]);
      const r = buildReport({ grades: g, history: { sheet: 'Historik', values: grid } }, ['historik'], DEFAULT_SETTINGS, NOW);
      expect(r.problems.filter((p) => p.code?.startsWith('report.history'))).toEqual([]);
      grid = gridOf(historik(r.plan));
      const rows = rowsOf(grid);
      expect(rows).toHaveLength(first);
      expect(rows).toContainEqual(user2019);
      expect(rows).toContainEqual(user2020);
      expect(rows).toContainEqual(userNote);
      // The computed row now says (15 + run) / 20.
      const yrk = rows.filter((x) => x[0] === 'VT2026' && x[1] === 'Kommun' && x[3] === 'Totalt' && x[4] === 'Andel behöriga till yrkesprogram');
      expect(yrk.map((x) => x[5])).toEqual([(15 + run) / 20]);
    }
    // Time order: 2019, 2020, then VT2026 (computed rows first, the user's VT2026 row after them).
    const rows = rowsOf(grid);
    expect(rows[0]).toEqual(user2019);
    expect(rows[1]).toEqual(user2020);
    expect(rows[rows.length - 1]).toEqual(userNote);
  });

  it('reads typed values the way a principal writes them, and names unreadable rows by cell', () => {
    const read = readHistory({ sheet: 'Historik', values: [['x'], ['Period', 'Nivå', 'Enhet', 'Grupp', 'Indikator', 'Värde', 'Elever', 'Källa'], user2020, ['VT2018', 'Kommun', 'Totalt', 'Totalt', 'Trivsel', 7.1, null, 'enkät']] }, 'sv');
    expect(read.rows[0].entry).toMatchObject({ period: { term: 'VT', year: 2020 }, indicator: 'YRK', value: 0.835 });
    expect(read.rows[1].entry).toBeNull();
    expect(read.problems).toEqual([expect.objectContaining({ cell: 'Historik!E4', value: 'Trivsel', severity: 'warning' })]);
    // Kept anyway: a row the tool cannot read is still the user's.
    const merged = mergeHistory(read.rows, [], 'sv');
    expect(merged.map((m) => m.cells[0])).toEqual([2020, 'VT2018']);
  });

  it('replaces a user\'s row for the same unit, group and indicator of a computed period', () => {
    const g: GroupFigures = { label: 'Totalt', pupils: 20, eligibleShare: { YRK: 0.75, ES: 0.7, EK: 0.7, HU: 0.7, SA: 0.7, NA: 0.6, TE: 0.6, PRIV: 0.8 }, meanMeritValue16: 70, meanMeritValue17: 77.5, allSubjectsPassedShare: 0.75 };
    const p: PeriodFigures = { period: { term: 'VT', year: 2026 }, source: 'b.txt', total: g, girls: g, boys: g, schools: [] };
    const typed = readHistory({ sheet: 'H', values: [['Period', 'Nivå', 'Enhet', 'Grupp', 'Indikator', 'Värde', 'Elever', 'Källa'], ['VT2026', 'Kommun', 'Totalt', 'Totalt', 'YRK', 0.5, 1, 'gissning']] }, 'sv');
    const merged = mergeHistory(typed.rows, [p], 'sv');
    expect(merged).toHaveLength(24);
    expect(merged.every((m) => m.computed)).toBe(true);
  });
});

describe('earlier files', () => {
  const scb = (datum: string, seedRow: number) => {
    const g = gradeSheet('x', [{ school: 'Norrskolan', n: 20, pass: 10 + seedRow }]);
    // Headerless SCB-like rows are not needed: a Datum column in a header file is read as well.
    const values = g.values.map((row, i) => [...row, i === 0 ? 'Datum' : datum]);
    return values;
  };

  it('gives each file its period from its data and names a problem when two claim the same one', () => {
    const main = { sheet: 'betyg', values: scb('2026-06-12', 5) };
    const a = { sheet: 'betyg2025', values: scb('2025-06-10', 3) };
    const b = { sheet: 'betyg-kopia', values: scb('2025-06-11', 1) };
    const r = buildReport({ grades: main, earlier: [{ grades: a, file: 'a.txt' }, { grades: b, file: 'b.txt' }] }, ['historik', 'namndrapport'], DEFAULT_SETTINGS, NOW);
    const conflict = r.problems.filter((p) => p.code === 'report.periodConflict');
    expect(conflict).toHaveLength(1);
    expect(conflict[0].message).toContain('VT2025');
    expect(conflict[0].message).toContain('a.txt');
    expect(conflict[0].severity).toBe('error');
    const rows = rowsOf(gridOf(historik(r.plan)));
    expect([...new Set(rows.map((x) => x[0]))]).toEqual(['VT2025', 'VT2026']);
    // a.txt (13 of 20 eligible) is the one kept for VT2025.
    expect(rows.find((x) => x[0] === 'VT2025' && x[1] === 'Kommun' && x[3] === 'Totalt' && x[4] === 'Andel behöriga till yrkesprogram')?.[5]).toBe(13 / 20);
  });

  it('takes the latest earlier period before this one as the previous term', () => {
    const f = (s: string) => ({ grades: { sheet: s, values: [] as CellValue[][] } });
    const list = [f('Betyg VT2023'), f('Betyg VT2025'), f('Betyg VT2024'), f('Betyg VT2027')];
    expect(latestEarlier(list, { sheet: { sheet: 'Betyg VT2026', values: [] } })?.grades.sheet).toBe('Betyg VT2025');
  });

  it('makes a trend of the last five periods, missing ones `.`', () => {
    const rows = mergeHistory(readHistory({ sheet: 'H', values: [['Period', 'Nivå', 'Enhet', 'Grupp', 'Indikator', 'Värde'],
      ...[2019, 2020, 2021, 2022, 2024, 2025].map((y) => [`VT${y}`, 'Kommun', 'Totalt', 'Totalt', 'YRK', (y - 1900) / 200] as PlanValue[])] }, 'sv').rows, [], 'sv');
    const tr = trendOf(rows, { term: 'VT', year: 2025 }, 5);
    expect(tr.periods.map(periodKey)).toEqual(['VT2020', 'VT2021', 'VT2022', 'VT2024', 'VT2025']);
    expect(tr.values.get(seriesKey('kommun', 'Totalt', 'total', 'YRK'))).toEqual([0.6, 0.605, 0.61, 0.62, 0.625]);
    expect(tr.values.get(seriesKey('kommun', 'Totalt', 'girls', 'YRK'))).toBeUndefined();
  });

  it('reads the kommun level as one series whatever its unit says, in either language', () => {
    const rows = mergeHistory(readHistory({ sheet: 'H', values: [['Period', 'Level', 'Unit', 'Group', 'Indicator', 'Value'],
      ['VT2024', 'Kommun', 'Totalt', 'Totalt', 'YRK', 0.8], ['VT2025', 'Municipality', 'Lessebo', 'Total', 'YRK', 0.82]] }, 'en').rows, [], 'en');
    expect(trendOf(rows, null, 5).values.get(seriesKey('kommun', 'Total', 'total', 'YRK'))).toEqual([0.8, 0.82]);
  });
});

describe('school rows by gender', () => {
  it('come from the analysis\'s sums exactly as from the school\'s pupils one by one', async () => {
    const { generatePupils, scbGradeFileText } = await import('../../examples/generator');
    const { readGradeText } = await import('../table/grades');
    const { analyseGrades } = await import('../grades/analyse');
    const { groupFigures, groupIndicators } = await import('../stats/indicators');
    const table = readGradeText(scbGradeFileText(generatePupils(3000, 21)), 'betyg', { referenceYear: 2026 });
    // A few pupils of unknown gender (as a wide list without personnummer has them).
    for (const p of table.pupils.slice(0, 40)) p.gender = null;
    const a = analyseGrades(table, DEFAULT_SETTINGS);
    expect(a.schoolGenders.size).toBeGreaterThan(1);
    let compared = 0;
    for (const [school, parts] of a.schoolGenders) {
      const evals = a.pupils.filter((e) => (e.pupil.school ?? '') === school);
      (['F', 'M', null] as const).forEach((g, k) => {
        const group = { by: 'gender' as const, key: String(g), label: String(g) };
        // Threshold 1: nothing hidden, so every sum shows.
        expect(groupFigures(parts[k], group, 1), `${school} ${g}`).toEqual(groupIndicators(evals.filter((e) => e.pupil.gender === g), group, 1));
        compared += parts[k].n;
      });
    }
    expect(compared).toBe(3000);
  });
});
