/** Targets (Mål): the create-once sheet, reading what the school wrote, and the status on the Nämndrapport. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type CellValue } from '../types';
import { buildReport } from './build';
import { testPnr } from './fixtures';
import { readTargets, targetStatus } from './targets';
import type { PlanValue, SheetPlan } from './plan';
import { planSheetValues } from './plan-values';

const NOW = new Date('2026-12-03T12:00:00Z');
const SUBJECTS = ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Ge', 'Hi'];
const pnr = testPnr;
/** 20 pupils at Norrskolan, 15 eligible (E everywhere; the rest F in Ma): YRK 0.75, meritvärde 17 = 77.5. */
const grades = {
  sheet: 'Betyg VT2026',
  values: [['Personnummer', 'Förnamn', 'Efternamn', 'Klass', 'Skola', ...SUBJECTS],
    ...Array.from({ length: 20 }, (_, i) => [pnr(i), `E${i}`, 'T', '9A', 'Norrskolan', ...SUBJECTS.map((s) => (s === 'Ma' && i >= 15 ? 'F' : 'E'))])] as CellValue[][],
};

const gridOf = planSheetValues;
const rowsFrom = (s: SheetPlan, id: string): PlanValue[][] => s.blocks.filter((b) => b.id === `${id}-header` || new RegExp(`^${id}-\\d+$`).test(b.id)).sort((a, b) => a.row - b.row).flatMap((b) => b.values);

describe('targetStatus', () => {
  it('is met at or beyond the target, partly within the margin, else not met', () => {
    const t = { target: 0.9, comparison: '>=' as const, margin: 0.05 };
    expect(targetStatus(0.9, t)).toBe('met');
    expect(targetStatus(0.7 + 0.2, t)).toBe('met'); // 0.8999999999999999: float noise meets it
    expect(targetStatus(0.85, t)).toBe('partly'); // exactly at the margin
    expect(targetStatus(0.849, t)).toBe('notMet');
    // ≤: a lower figure is better (e.g. a share of pupils with high absence).
    expect(targetStatus(0.12, { target: 0.1, comparison: '<=', margin: 0.03 })).toBe('partly');
    expect(targetStatus(0.14, { target: 0.1, comparison: '<=', margin: 0.03 })).toBe('notMet');
    expect(targetStatus('..', t)).toBeNull();
    expect(targetStatus(0.9, { ...t, target: null })).toBeNull();
  });
});

describe('the Mål sheet', () => {
  const first = buildReport({ grades }, ['mal', 'namndrapport'], DEFAULT_SETTINGS, NOW);
  const mal = first.plan.sheets.find((s) => s.key === 'mal')!;

  it('is created once with every headline indicator, no target, ≥ and default margins', () => {
    expect(mal.createOnly).toBe(true);
    expect(mal.personalData).toBe(false);
    const rows = rowsFrom(mal, 'targets');
    expect(rows[0]).toEqual(['Indikator', 'Enhet', 'Målvärde', 'Jämförelse', 'Delvis inom', 'Kommentar']);
    expect(rows).toHaveLength(9);
    expect(rows[1]).toEqual(['Andel behöriga till yrkesprogram', 'Totalt', null, '≥', 0.02, '']);
    expect(rows[6]).toEqual(['Genomsnittligt meritvärde (17 ämnen)', 'Totalt', null, '≥', 5, '']);
    // As created it reads back as eight targets without a value, and the Nämndrapport asks for them.
    expect(readTargets({ sheet: 'Mål', values: gridOf(mal) }, 'sv').targets.map((t) => t.target)).toEqual(Array(8).fill(null));
    const nr = first.plan.sheets.find((s) => s.key === 'namndrapport')!;
    expect(nr.blocks.find((b) => b.id === 'targets-none')?.values[0][0]).toMatch(/^Inga mål är ifyllda/);
  });

  it('shows status and the school\'s comment per indicator, with a traffic light', () => {
    const grid = gridOf(mal);
    const yrk = grid.findIndex((r) => r[0] === 'Andel behöriga till yrkesprogram');
    grid[yrk] = ['Andel behöriga till yrkesprogram', 'Totalt', '78 %', '≥', 0.05, 'Matematiken i fokus'];
    grid[yrk + 5] = ['Genomsnittligt meritvärde (17 ämnen)', 'Norrskolan', 75, '>=', 5, 'Läsårets fokus'];
    grid[yrk + 7] = ['Andel med godkända betyg i alla ämnen', '', 0.9, '≥', 0.1, 'Nytt mål 2026'];
    grid.push(['Trivsel', 'Totalt', 8, '≥', 1, 'x']);
    const r = buildReport({ grades, targets: { sheet: 'Mål', values: grid } }, ['mal', 'namndrapport'], DEFAULT_SETTINGS, NOW);
    expect(r.problems.filter((p) => p.code === 'report.targetRow')).toEqual([expect.objectContaining({ cell: `Mål!A${grid.length}`, value: 'Trivsel' })]);
    const nr = r.plan.sheets.find((s) => s.key === 'namndrapport')!;
    const rows = rowsFrom(nr, 'targets');
    expect(rows[0]).toEqual(['Indikator', 'Enhet', 'Utfall', 'Målvärde', 'Jämförelse', 'Status']);
    // YRK 0.75 vs ≥ 0.78 with margin 0.05: 0.03 short → delvis. Meritvärde 77.5 ≥ 75 → uppfyllt.
    // Alla ämnen 0.75 vs 0.9, margin 0.1: 0.15 short → ej uppfyllt.
    expect(rows.slice(1)).toEqual([
      ['Behöriga yrkesprogram', 'Totalt', 0.75, 0.78, '≥', 'delvis'],
      ['Meritvärde (17 ämnen)', 'Norrskolan', 77.5, 75, '≥', 'uppfyllt'],
      ['Godkända i alla ämnen', 'Totalt', 0.75, 0.9, '≥', 'ej uppfyllt'],
    ]);
    // The comments follow the table, one per target that has one, named by indicator (and school, when a school's).
    expect(nr.blocks.find((b) => b.id === 'h-targets-comments')?.values[0][0]).toBe('Kommentarer');
    const lines = nr.blocks.filter((b) => /^targets-comment-/.test(b.id)).map((b) => b.values[0][0]);
    expect(lines).toEqual(['Behöriga yrkesprogram: Matematiken i fokus', 'Meritvärde (17 ämnen) (Norrskolan): Läsårets fokus', 'Godkända i alla ämnen: Nytt mål 2026']);
    const header = nr.blocks.find((b) => b.id === 'targets-header')!;
    const status = { row: header.row + 1, col: 5, rows: 3, cols: 1 };
    expect(nr.conditionalFormats?.filter((c) => c.range.row === status.row && c.range.col === 5)).toEqual([
      { range: status, when: { equals: 'uppfyllt' }, fill: '#C6EFCE', fontColor: '#006100' },
      { range: status, when: { equals: 'delvis' }, fill: '#FFEB9C', fontColor: '#9C5700' },
      { range: status, when: { equals: 'ej uppfyllt' }, fill: '#FFC7CE', fontColor: '#9C0006' },
    ]);
    // The school's sheet is still offered as create-once: hosts write it only when there is none.
    expect(r.plan.sheets.find((s) => s.key === 'mal')?.createOnly).toBe(true);
  });
});
