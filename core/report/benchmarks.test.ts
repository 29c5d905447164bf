/**
 * Jämförelsetal from a saved Kolada API response. The fixture is made by hand in the data format that
 * Kolada's API README documents (github.com/Hypergene/kolada, "Query data": kpi, municipality, period,
 * values[gender T/K/M, value, count, status]); its numbers are invented.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type CellValue } from '../types';
import { buildReport } from './build';
import { testPnr } from './fixtures';
import { mergeBenchmarks, parseKoladaJson, readBenchmarks } from './benchmarks';
import type { PlanValue, SheetPlan } from './plan';
import { planSheetValues } from './plan-values';

const NOW = new Date('2026-12-03T12:00:00Z');
const FIXTURE = readFileSync(new URL('./fixtures/kolada-v2-data-documented-format.json', import.meta.url), 'utf8');
const SUBJECTS = ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Ge', 'Hi'];
const pnr = testPnr;
/** 20 pupils, 15 eligible: YRK 0.75. */
const grades = {
  sheet: 'Betyg VT2026',
  values: [['Personnummer', 'Förnamn', 'Efternamn', 'Klass', ...SUBJECTS],
    ...Array.from({ length: 20 }, (_, i) => [pnr(i), `E${i}`, 'T', '9A', ...SUBJECTS.map((s) => (s === 'Ma' && i >= 15 ? 'F' : 'E'))])] as CellValue[][],
};
const gridOf = planSheetValues;
const rowsFrom = (s: SheetPlan, id: string): PlanValue[][] => s.blocks.filter((b) => b.id === `${id}-header` || new RegExp(`^${id}-\\d+$`).test(b.id)).sort((a, b) => a.row - b.row).flatMap((b) => b.values);

describe('Kolada API JSON', () => {
  it('reads the documented data format: riket 0000, the kommun, a group as liknande kommuner; percent to fractions', () => {
    const r = parseKoladaJson(FIXTURE, 'kolada.json', 'sv');
    expect(r.problems).toEqual([]);
    // N00945 has no Skolanalys twin and is left out: 3 + 3 + 1 + 1 + 1 values.
    expect(r.rows).toHaveLength(9);
    expect(r.rows[0]).toEqual({ kpi: 'N15436', unit: 'kommun', code: '1280', year: 2024, gender: 'total', value: 0.831, source: 'Kolada (kolada.json)' });
    expect(r.rows.find((x) => x.code === '0000' && x.kpi === 'N15436')).toMatchObject({ unit: 'riket', value: 0.857 });
    expect(r.rows.find((x) => x.code === 'G124025')).toMatchObject({ unit: 'liknande', kpi: 'N15505', value: 224.6 });
    expect(r.rows.find((x) => x.kpi === 'N15419')?.value).toBeNull();
    expect(r.rows.filter((x) => x.gender === 'girls').map((x) => x.value)).toEqual([0.859, 0.86]);
  });

  it('refuses what is not a Kolada response, naming the file', () => {
    expect(parseKoladaJson('<html>', 'sida.html', 'sv').problems[0].message).toContain('sida.html');
    expect(parseKoladaJson('{"foo": 1}', 'x.json', 'sv').problems).toHaveLength(1);
  });
});

describe('the Jämförelsetal sheet and the Nämndrapport', () => {
  const r = buildReport({ grades, benchmarkFiles: [{ name: 'kolada.json', text: FIXTURE }] }, ['namndrapport', 'jamforelse'], DEFAULT_SETTINGS, NOW);
  const sheet = r.plan.sheets.find((s) => s.key === 'jamforelse')!;
  const nr = r.plan.sheets.find((s) => s.key === 'namndrapport')!;

  it('keeps each value with KPI id, unit, year, gender and source, and reads back as it was written', () => {
    const rows = rowsFrom(sheet, 'benchmarks');
    expect(rows[0]).toEqual(['KPI', 'Nyckeltal', 'Enhet', 'Kod', 'År', 'Kön', 'Värde', 'Källa']);
    expect(rows).toContainEqual(['N15436', 'Andel behöriga till yrkesprogram', 'Riket', '0000', 2025, 'Totalt', 0.857, 'Kolada (kolada.json)']);
    const back = readBenchmarks({ sheet: 'Jämförelsetal', values: gridOf(sheet) }, 'sv');
    expect(back.problems).toEqual([]);
    expect(back.rows).toEqual(mergeBenchmarks([], parseKoladaJson(FIXTURE, 'kolada.json', 'sv').rows));
  });

  it('shows the official figures beside ours, with their years and a note on definitions', () => {
    const rows = rowsFrom(nr, 'benchmarks');
    expect(rows[0]).toEqual(['Indikator', 'Vårt utfall Vårterminen 2026', 'Kommunen', 'År', 'Riket', 'År', 'Liknande kommuner', 'År']);
    // YRK: ours 15/20; the kommun's latest year up to 2026 is 2025 (84.5 %); riket 85.7 % (2025).
    expect(rows[1]).toEqual(['Andel behöriga till yrkesprogram', 0.75, 0.845, '2025', 0.857, '2025', '.', '']);
    // Meritvärde 17: only liknande kommuner; ours (15 × 80 + 5 × 70) / 20 = 77.5.
    expect(rows[2]).toEqual(['Genomsnittligt meritvärde (17 ämnen)', 77.5, '.', '', '.', '', 224.6, '2025']);
    // N15419 has only a null value: no row.
    expect(rows).toHaveLength(3);
    expect(nr.blocks.filter((b) => b.id.startsWith('benchmarks-note')).map((b) => b.values[0][0]).join(' ')).toMatch(/hemkommun.*okänd bakgrund.*KPI: Andel behöriga till yrkesprogram: N15436; Genomsnittligt meritvärde \(17 ämnen\): N15505\.$/);
  });

  it('a new import replaces the same KPI, unit, year and gender and keeps the rest', () => {
    const again = parseKoladaJson('{"values":[{"kpi":"N15436","municipality":"0000","period":"2025","values":[{"gender":"T","value":86.0}]},{"kpi":"N15436","municipality":"0000","period":"2026","values":[{"gender":"T","value":86.4}]}]}', 'ny.json', 'sv');
    const merged = mergeBenchmarks(parseKoladaJson(FIXTURE, 'kolada.json', 'sv').rows, again.rows);
    expect(merged).toHaveLength(10);
    expect(merged.filter((x) => x.code === '0000' && x.kpi === 'N15436').map((x) => [x.year, x.value, x.source])).toEqual([[2025, 0.86, 'Kolada (ny.json)'], [2026, 0.864, 'Kolada (ny.json)']]);
  });
});
