/** Import into Jämförelsetal without a report (the pane): the workbook's rows stay, imported rows win per key. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importBenchmarks } from './benchmark-import';
import { readBenchmarks } from './benchmarks';
import { planSheetValues } from './plan-values';

const text = readFileSync(new URL('./fixtures/kolada-v2-data-documented-format.json', import.meta.url), 'utf8');

describe('importBenchmarks', () => {
  it('writes the file rows into a Jämförelsetal sheet that reads back as the same rows', () => {
    const r = importBenchmarks(undefined, [{ name: 'kolada.json', text }], 'sv');
    expect(r.problems).toEqual([]);
    expect(r.sheet?.key).toBe('jamforelse');
    const back = readBenchmarks({ sheet: 'Jämförelsetal', values: planSheetValues(r.sheet!) }, 'sv');
    expect(back.rows.length).toBe(r.imported.length);
    expect(back.rows.find((x) => x.kpi === 'N15436' && x.code === '1280' && x.year === 2025 && x.gender === 'total')?.value).toBe(0.845);
  });

  it('keeps rows of the sheet the file does not have and replaces those it has', () => {
    const first = importBenchmarks(undefined, [{ name: 'kolada.json', text }], 'sv');
    const sheet = { sheet: 'Jämförelsetal', values: planSheetValues(first.sheet!) };
    // A principal's own row (2019) and an older value of a row the file brings.
    const header = sheet.values.findIndex((r) => r[0] === 'KPI');
    sheet.values.push(['N15436', '', 'Kommun', '1280', 2019, 'Totalt', 0.7, 'Årsredovisning 2019']);
    const row2025 = sheet.values.findIndex((r, i) => i > header && r[0] === 'N15436' && r[3] === '1280' && r[4] === 2025 && r[5] === 'Totalt');
    sheet.values[row2025][6] = 0.5;
    const again = importBenchmarks(sheet, [{ name: 'kolada.json', text }], 'sv');
    const rows = readBenchmarks({ sheet: 'Jämförelsetal', values: planSheetValues(again.sheet!) }, 'sv').rows;
    expect(rows.find((x) => x.year === 2019)?.source).toBe('Årsredovisning 2019');
    expect(rows.find((x) => x.kpi === 'N15436' && x.code === '1280' && x.year === 2025 && x.gender === 'total')?.value).toBe(0.845);
  });

  it('a file that is no benchmark file gives a problem and no sheet', () => {
    const r = importBenchmarks(undefined, [{ name: 'elever.json', text: '{"elever": []}' }], 'sv');
    expect(r.sheet).toBeNull();
    expect(r.problems.map((p) => p.code)).toEqual(['report.benchmarkFormat']);
  });
});
