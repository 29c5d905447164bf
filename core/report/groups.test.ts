/**
 * Issue 15 on the report: the Nämndrapport's group rows (Sv/Sva, med/utan nyanlända), the Datakontroll's
 * data-quality table and the Resultatdialog sheets from earlier files. Hand-worked numbers.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../app';
import type { CellValue } from '../types';
import { DEFAULT_SETTINGS } from '../types';
import type { SheetPlan } from './plan';

const NOW = new Date('2026-06-15T12:00:00Z');
const block = (s: SheetPlan | undefined, id: string) => s?.blocks.find((b) => b.id === id);

// 24 pupils, columns A Elev-ID, B Klass, C Nyanländ, D Sv, E Sva, F En, G Ma.
// 14 Sv pupils (Sva 2): 11 E/E/E, 2 E/E/F in Ma, 1 E/E/Y in Ma (row 15).
// 10 Sva pupils (Sv 2), all "Nyanländ: ja": 6 E/E/E, 4 F in Sva.
function gradeRows(): CellValue[][] {
  const rows: CellValue[][] = [['Elev-ID', 'Klass', 'Nyanländ', 'Sv', 'Sva', 'En', 'Ma']];
  for (let i = 0; i < 14; i++) rows.push([`s${i}`, '9A', '', 'E', '2', 'E', i < 11 ? 'E' : i < 13 ? 'F' : 'Y']);
  for (let i = 0; i < 10; i++) rows.push([`a${i}`, '9A', 'ja', '2', i < 6 ? 'E' : 'F', 'E', 'E']);
  return rows;
}

describe('Nämndrapport: group rows (issue 15)', () => {
  const r = buildReport({ grades: { sheet: 'Betyg VT2026', values: gradeRows() } }, ['namndrapport', 'kontroll'], DEFAULT_SETTINGS, NOW);
  const nr = r.plan.sheets.find((s) => s.key === 'namndrapport');

  it('Sv, Sva, med and utan nyanlända, figures as hand-worked', () => {
    const groups = block(nr, 'groups')!.values;
    expect(groups[0]).toEqual(['Grupp', 'Elever', expect.any(String), expect.any(String), expect.any(String), 'Minst E i Sv/Sva', 'Minst E i En', 'Minst E i Ma']);
    const byLabel = Object.fromEntries(groups.slice(1).map((row) => [row[0], row.slice(1)]));
    // Sv: 14 pupils; all passed (11 + the Y pupil, graded only in what passed) 12/14; Sv 14/14; En 14/14;
    // Ma 11 E over 13 assessed (Y is no result) = 11/13. YRK needs 8 passes: 0/14.
    const sv = byLabel['Elever i svenska'];
    expect(sv.slice(0, 2)).toEqual([14, 0]);
    expect(sv[3]).toBeCloseTo(12 / 14, 12);
    expect(sv.slice(4, 6)).toEqual([1, 1]);
    expect(sv[6]).toBeCloseTo(11 / 13, 12);
    // Sva: 10 pupils; all passed 6/10; Swedish (Sva) 6/10; En 10/10; Ma 10/10.
    expect(byLabel['Elever i svenska som andraspråk']).toEqual([10, 0, expect.any(Number), 0.6, 0.6, 1, 1]);
    // Med: all 24; all passed (12 + 6)/24 = 0.75; Swedish (14 + 6)/24; Ma (11 + 10)/23.
    const med = byLabel['Alla elever (med nyanlända och okänd bakgrund)'];
    expect([med[0], med[3], med[4]]).toEqual([24, 0.75, 20 / 24]);
    expect(med[6]).toBeCloseTo(21 / 23, 12);
    // Utan: 24 − the 10 newly arrived = 14, the Sv pupils here; 10 excluded ≥ 10, so shown.
    const utan = byLabel['Utan nyanlända och elever med okänd bakgrund'];
    expect(utan[0]).toBe(14);
    expect(utan[3]).toBeCloseTo(12 / 14, 12);
    expect(block(nr, 'h-groups')).toBeDefined();
  });

  it('suppression: 8 newly arrived give utan away, so it is ..', () => {
    // Drop two Sva pupils: 22 in all, Sva 8 (< 10) and Sv 14. Sva is '..' on its own; Sv would give it
    // away beside the total, so Sv is '..' too; utan (14) beside med (22) would give away 8: '..'.
    const r2 = buildReport({ grades: { sheet: 'Betyg VT2026', values: gradeRows().slice(0, 23) } }, ['namndrapport'], DEFAULT_SETTINGS, NOW);
    const rows = block(r2.plan.sheets[0], 'groups')!.values.slice(1);
    for (const row of rows) {
      const shown = row[0] === 'Alla elever (med nyanlända och okänd bakgrund)';
      expect([row[0], row.slice(2).every((v) => v === '..')]).toEqual([row[0], !shown]);
    }
  });
});

describe('Datakontroll: data quality per subject (issue 15)', () => {
  const r = buildReport({ grades: { sheet: 'Betyg VT2026', values: gradeRows() } }, ['kontroll'], DEFAULT_SETTINGS, NOW);
  const k = r.plan.sheets.find((s) => s.key === 'kontroll');

  it('counts per subject above the problem list; the Y of a slutbetyg file is also a problem', () => {
    const q = block(k, 'quality')!.values;
    expect(q[0]).toEqual(['Ämne', 'Betyg A–F', 'Tomma', 'Streck (-)', 'Kod 2', 'Kod 3', 'Kod Y', 'Kod Z', 'Ogiltiga']);
    // Sv: 14 E + 10 code 2; Sva: 10 grades + 14 code 2; Ma: 23 grades + 1 Y.
    expect(q.slice(1)).toEqual([
      ['Sv', 14, 0, 0, 10, 0, 0, 0, 0],
      ['Sva', 10, 0, 0, 14, 0, 0, 0, 0],
      ['En', 24, 0, 0, 0, 0, 0, 0, 0],
      ['Ma', 23, 0, 0, 0, 0, 1, 0, 0],
    ]);
    const problems = block(k, 'problems')!;
    expect(problems.row).toBeGreaterThan(block(k, 'quality')!.row);
    expect(problems.values.slice(1).map((p) => [p[0], p[1]])).toEqual([["'Betyg VT2026'!G15", 'Y']]);
  });
});

describe('Resultatdialog from an earlier file of the same pupils (issue 15)', () => {
  // Åk 8 VT2025 (class 8A) → åk 9 VT2026 (class 9A). p1 Ma C → F (drop), p2 stays, p3 only in åk 8 (left).
  const prev: CellValue[][] = [['Elev-ID', 'Klass', 'Sv', 'En', 'Ma'], ['p1', '8A', 'E', 'E', 'C'], ['p2', '8A', 'D', 'D', 'D'], ['p3', '8A', 'E', 'E', 'E']];
  const now: CellValue[][] = [['Elev-ID', 'Klass', 'Sv', 'En', 'Ma'], ['p1', '9A', 'E', 'E', 'F'], ['p2', '9A', 'C', 'D', 'D']];

  it('one sheet per class of this term, the terms side by side, the drop to F named', () => {
    const r = buildReport({ grades: { sheet: 'Betyg VT2026', values: now }, previous: { sheet: 'Betyg VT2025', values: prev } }, ['resultatdialog'], DEFAULT_SETTINGS, NOW);
    expect(r.plan.sheets.map((s) => [s.key, s.name, s.personalData])).toEqual([['resultatdialog_9A', 'Resultatdialog 9A', true]]);
    const t = block(r.plan.sheets[0], 'pupils')!.values;
    expect(t[0].slice(0, 8)).toEqual(['Namn', 'Personnummer', 'Sv VT2025', 'Sv VT2026', 'En VT2025', 'En VT2026', 'Ma VT2025', 'Ma VT2026']);
    // p3 left before this term: not on this term's paper.
    expect(t.slice(1).map((row) => [row[1], row[6], row[7], row[row.length - 2]])).toEqual([['p1', 'C', 'F', 'Ma'], ['p2', 'D', 'D', '']]);
  });

  it('another year\'s pupils (no one in common) give no sheet', () => {
    const other: CellValue[][] = [['Elev-ID', 'Klass', 'Sv', 'En', 'Ma'], ['x1', '9A', 'E', 'E', 'E']];
    const r = buildReport({ grades: { sheet: 'Betyg VT2026', values: now }, previous: { sheet: 'Betyg VT2025', values: other } }, ['resultatdialog'], DEFAULT_SETTINGS, NOW);
    expect(r.plan.sheets).toEqual([]);
  });
});
