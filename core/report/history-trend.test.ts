/**
 * The trend on the Nämndrapport: the last five periods of the Historik, every headline indicator,
 * total / girls / boys, line charts, per school; a suppressed year stays `..`.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type CellValue } from '../types';
import { buildReport } from './build';
import { testPnr } from './fixtures';
import type { PlanValue, SheetPlan } from './plan';

const NOW = new Date('2026-12-03T12:00:00Z');
const SUBJECTS = ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Ge', 'Hi'];

const pnr = testPnr;

/** `girls` girls and `boys` boys at `school`; the first `pass` of each gender eligible (E in all 8), the rest F in Ma. */
function rows(school: string, girls: number, boys: number, pass: number, from: number): CellValue[][] {
  const out: CellValue[][] = [];
  let g = 0;
  let b = 0;
  for (let i = from; g < girls || b < boys; i++) {
    const girl = (100 + i) % 2 === 0;
    if (girl ? g >= girls : b >= boys) continue;
    const k = girl ? g++ : b++;
    out.push([pnr(i), `E${i}`, 'T', '9A', school, ...SUBJECTS.map((s) => (s === 'Ma' && k >= pass ? 'F' : 'E'))]);
  }
  return out;
}

const HEADER = ['Personnummer', 'Förnamn', 'Efternamn', 'Klass', 'Skola', ...SUBJECTS];
const sheet = (name: string, body: CellValue[][]) => ({ sheet: name, values: [HEADER, ...body] });

function block(s: SheetPlan, id: string): PlanValue[][] {
  return s.blocks.filter((b) => b.id === id || b.id.startsWith(`${id}-`) && /^\d+$/.test(b.id.slice(id.length + 1)) || b.id === `${id}-header`)
    .sort((a, b) => a.row - b.row).flatMap((b) => b.values);
}

describe('trend on the Nämndrapport', () => {
  // Six years VT2021–VT2026 at two schools; Norr has 10 + 10 pupils, Söder 12 girls and 12 boys,
  // except in VT2023 when Söder had 8 boys (suppressed with the girls, complementary).
  const years = [2021, 2022, 2023, 2024, 2025, 2026];
  const files = years.map((y, n) => sheet(`Betyg VT${y}`, [
    ...rows('Norr', 10, 10, 5 + n, n * 100),
    ...rows('Söder', 12, y === 2023 ? 8 : 12, 12, n * 100 + 50),
  ]));
  const main = files[5];
  const earlier = files.slice(0, 5).map((grades) => ({ grades }));
  const r = buildReport({ grades: main, earlier }, ['namndrapport', 'historik'], DEFAULT_SETTINGS, NOW);
  const nr = r.plan.sheets.find((s) => s.key === 'namndrapport')!;

  it('shows the last five periods of every headline indicator, total / girls / boys', () => {
    const t = block(nr, 'trend');
    expect(t[0]).toEqual(['Indikator', 'Grupp', 'VT2022', 'VT2023', 'VT2024', 'VT2025', 'VT2026']);
    expect(t).toHaveLength(1 + 8 * 3);
    // YRK over both schools: Norr has 2 × (5 + n) eligible of 20, Söder all; VT2022 (n = 1): (12 + 24) / 44.
    // VT2023 (n = 2): (14 + 20) / 40; VT2024 (n = 3): (16 + 24) / 44; VT2025: (18 + 24) / 44; VT2026: (20 + 24) / 44 = 1.
    expect(t[1].slice(0, 2)).toEqual(['Behöriga yrkesprogram', 'Totalt']);
    expect(t[1].slice(2)).toEqual([36 / 44, 34 / 40, 40 / 44, 42 / 44, 1]);
    // Girls: Norr min(10, 5 + n) + Söder 12, of 22; VT2022: (6 + 12) / 22.
    expect(t[2].slice(1, 3)).toEqual(['Flickor', 18 / 22]);
    expect(r.problems.filter((p) => p.code?.startsWith('report.period'))).toEqual([]);
  });

  it('keeps a suppressed year `..` per school and draws line charts', () => {
    const s = block(nr, 'trend-schools');
    // Each school on a row of its own, its indicators under it (names in the wide label column).
    expect(s[0]).toEqual(['Indikator', 'Grupp', 'VT2022', 'VT2023', 'VT2024', 'VT2025', 'VT2026']);
    const söderYrk = s.findIndex((x) => x[0] === 'Söder') + 1;
    expect(s[söderYrk][0]).toBe('Behöriga yrkesprogram');
    // Söder VT2023: 12 girls + 8 boys → boys under 10 and girls hidden with them; the total (20) is shown.
    expect(s[söderYrk].slice(2, 4)).toEqual([1, 1]);
    expect(s[söderYrk + 1].slice(1, 4)).toEqual(['Flickor', 1, '..']);
    expect(s[söderYrk + 2].slice(1, 4)).toEqual(['Pojkar', 1, '..']);
    const charts = (nr.charts ?? []).filter((c) => c.id.startsWith('chart-trend-'));
    expect(charts.map((c) => [c.id, c.type])).toEqual([['chart-trend-YRK', 'line'], ['chart-trend-merit17', 'line'], ['chart-trend-allPassed', 'line']]);
    // The chart's data: five periods, a header row; a suppressed figure is an empty point, not text.
    const data = nr.blocks.find((b) => b.id === 'chart-trend-YRK-data')!;
    expect(data.values.map((v) => v[0])).toEqual(['Diagramdata', 'VT2022', 'VT2023', 'VT2024', 'VT2025', 'VT2026']);
  });

  it('has no trend with a single period', () => {
    const one = buildReport({ grades: main }, ['namndrapport'], DEFAULT_SETTINGS, NOW).plan.sheets[0];
    expect(one.blocks.some((b) => b.id === 'h-trend')).toBe(false);
  });
});
