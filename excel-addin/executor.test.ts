import { describe, expect, it } from 'vitest';
import { applyPlanExcel, MARKER_KEY, widthToPoints } from './executor';
import { FakeExcel } from './testing/fake-excel';
import { fixturePlan, SUBJECT_HEADERS } from './testing/fixture-plan';

const ctx = (fx: FakeExcel) => fx.context as unknown as Excel.RequestContext;

describe('applyPlanExcel', () => {
  it('writes values, formats, styles, table, highlights, chart, widths, panes and marker', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Betyg', [['Namn', 'Sv'], ['Ada', 'A']]);
    const res = await applyPlanExcel(ctx(fx), fixturePlan(50));
    expect(res.sheets).toEqual(['Nämndrapport', 'Elevlista']);
    const list = fx.sheet('Elevlista')!;
    expect(list.customProperties.get(MARKER_KEY)).toBe('elevlista');
    expect(list.cell(0, 0)).toBe('Elevlista – innehåller personuppgifter');
    expect(list.cell(2, 0)).toBe('Personnummer');
    // Pupil 0 sits on row 3: meritvärde 0 % 341 = 0; pupil 49 on row 52: 49 % 341 = 49, share 49/100.
    const cols = 3 + SUBJECT_HEADERS.length + 3;
    expect(list.cell(52, cols - 3)).toBe(49);
    expect(list.cell(52, cols - 2)).toBe(0.49);
    expect(list.numberFormat(52, cols - 2)).toBe('0.0%');
    expect(list.numberFormat(52, cols - 3)).toBe('0.0');
    // The personnummer column holds numeric-looking strings: kept text with `@`.
    expect(list.numberFormat(10, 0)).toBe('@');
    expect(list.numberFormat(10, 1)).toBe('General');
    expect(list.styleAt(2, 0)['font.bold']).toBe(true);
    expect(list.styleAt(2, 0)['fill.color']).toBe('#D9E1F2');
    expect(list.styleAt(2, 5)['borders.EdgeTop.style']).toBe('Continuous');
    expect(list.styleAt(0, 0)['font.size']).toBe(14);
    expect(list.tables).toEqual([{ row: 2, col: 0, rows: 51, cols, hasHeaders: true, name: 'Elevlista', style: 'TableStyleLight9' }]);
    expect(list.frozen).toEqual({ rows: 3, cols: 2 });
    expect(list.tabColor).toBe('#FCE4D6');
    // 14 characters: (14 × 7 + 5) × 0.75 = 77.25 → 77 pt.
    expect(list.columnWidth(0)).toBe(77);
    expect(widthToPoints(14)).toBe(77);
    expect(list.conditionalFormats).toHaveLength(2);
    expect(list.conditionalFormats[0]).toMatchObject({ row: 3, col: cols - 1, rows: 50, cols: 1, type: 'CellValue' });
    expect(list.conditionalFormats[0].props['cellValue.rule']).toEqual({ formula1: '="Nej"', operator: 'EqualTo' });
    expect(list.conditionalFormats[0].props['cellValue.format.fill.color']).toBe('#FFC7CE');
    expect(list.conditionalFormats[1].props['cellValue.rule']).toEqual({ formula1: '300', operator: 'GreaterThanOrEqual' });
    const sum = fx.sheet('Nämndrapport')!;
    expect(sum.cell(2, 1)).toBe('..');
    expect(sum.charts).toHaveLength(1);
    expect(sum.charts[0]).toMatchObject({ type: 'ColumnClustered', row: 0, col: 0, rows: 3, cols: 3, seriesBy: 'Columns' });
    expect(sum.charts[0].props).toMatchObject({
      name: 'behorighet',
      'title.text': 'Andel behöriga',
      'axes.valueAxis.title.text': 'Andel',
      'axes.valueAxis.numberFormat': '0%',
      position: { row: 5, col: 0 },
      width: 360, // 480 px × 0.75
      height: 216, // 288 px × 0.75
    });
    // The user's sheet is untouched.
    const user = fx.sheet('Betyg')!;
    expect(user.values).toHaveLength(1);
    expect(user.styles).toHaveLength(0);
    expect(user.customProperties.size).toBe(0);
    expect(fx.active?.name).toBe('Nämndrapport');
  });

  it('uses the same number of syncs for 5 000 pupils as for 50', async () => {
    const small = new FakeExcel();
    const big = new FakeExcel();
    small.addSheet('Blad1');
    big.addSheet('Blad1');
    const a = await applyPlanExcel(ctx(small), fixturePlan(50));
    const b = await applyPlanExcel(ctx(big), fixturePlan(5000));
    expect(small.syncs).toBe(3); // read sheets, read markers, write
    expect(big.syncs).toBe(small.syncs);
    expect(a.syncs).toBe(small.syncs);
    expect(b.syncs).toBe(big.syncs);
    expect(big.sheet('Elevlista')!.cell(5002, 1)).toBe('Elev 5000');
  });

  it('splits by payload, not rows, and never sends a request over the limit', async () => {
    const fx = new FakeExcel(5_000_000);
    fx.addSheet('Blad1');
    const res = await applyPlanExcel(ctx(fx), fixturePlan(50_000));
    // 50 000 rows × 23 columns is more than 4 MB: several write syncs, each under the limit.
    expect(fx.syncs).toBeGreaterThan(3);
    expect(Math.max(...fx.syncBytes)).toBeLessThanOrEqual(5_000_000);
    // The executor's own estimate is within 2 % of the fake's JSON measure, so no sync passes 4 MB by much.
    expect(Math.abs(res.bytes - fx.totalBytes) / fx.totalBytes).toBeLessThan(0.02);
    expect(Math.max(...fx.syncBytes)).toBeLessThanOrEqual(4_000_000 * 1.02);
    // Syncs grow with bytes: about one per 4 MB.
    expect(fx.syncs).toBeLessThanOrEqual(2 + Math.ceil(fx.totalBytes / 3_000_000));
    expect(fx.sheet('Elevlista')!.cell(50_002, 1)).toBe('Elev 50000');
    expect(fx.sheet('Elevlista')!.values.length).toBeGreaterThan(2);
  });

  it('regenerating replaces only marked sheets, also after a rename, and keeps user sheets', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Betyg', [['x']]);
    await applyPlanExcel(ctx(fx), fixturePlan(10));
    fx.sheet('Elevlista')!.name = 'Min elevlista';
    // A user sheet now holds the name the summary wants.
    fx.addSheet('Anteckningar', [['egen text']]);
    const before = fx.sheets.map((s) => s.name);
    expect(before).toEqual(['Betyg', 'Nämndrapport', 'Min elevlista', 'Anteckningar']);
    const res = await applyPlanExcel(ctx(fx), fixturePlan(20));
    // The renamed sheet is written under the user's name, in its place.
    expect(res.sheets).toEqual(['Nämndrapport', 'Min elevlista']);
    expect(fx.sheets.map((s) => s.name)).toEqual(['Betyg', 'Nämndrapport', 'Min elevlista', 'Anteckningar']);
    expect(fx.sheet('Min elevlista')!.cell(22, 1)).toBe('Elev 20');
    expect(fx.sheet('Min elevlista')!.customProperties.get(MARKER_KEY)).toBe('elevlista');
    expect(fx.sheet('Anteckningar')!.cell(0, 0)).toBe('egen text');
    expect(fx.sheet('Betyg')!.cell(0, 0)).toBe('x');
    // The table name is free again because the old sheet went with its table.
    expect(fx.sheet('Min elevlista')!.tables[0].name).toBe('Elevlista');
  });

  it("keeps a generated sheet's name when the plan comes in another language", async () => {
    const fx = new FakeExcel();
    fx.addSheet('Betyg', [['x']]);
    await applyPlanExcel(ctx(fx), fixturePlan(5));
    const english = fixturePlan(6);
    english.sheets = english.sheets.map((s) => ({ ...s, name: s.key === 'namndrapport' ? 'Board report' : 'Pupil list' }));
    const res = await applyPlanExcel(ctx(fx), english);
    expect(res.sheets).toEqual(['Nämndrapport', 'Elevlista']);
    expect(fx.sheets.map((s) => s.name)).toEqual(['Betyg', 'Nämndrapport', 'Elevlista']);
    expect(fx.sheet('Elevlista')!.cell(8, 1)).toBe('Elev 6'); // pupil i on row i + 3 (Elev 20 on 22)
  });

  it('writes a create-once sheet (the Närvaroplan) once, then leaves the school\'s edits and its place alone', async () => {
    const withPlanSheet = () => {
      const p = fixturePlan(5);
      p.sheets.splice(1, 0, { key: 'narvaroplan', name: 'Närvaroplan', personalData: false, createOnly: true, blocks: [{ id: 'steps', row: 0, col: 0, values: [['Steg'], ['Mer än 5 dagar i rad']] }] });
      return p;
    };
    const fx = new FakeExcel();
    fx.addSheet('Betyg', [['x']]);
    expect((await applyPlanExcel(ctx(fx), withPlanSheet())).sheets).toEqual(['Nämndrapport', 'Närvaroplan', 'Elevlista']);
    // The school renames it and changes a rule.
    const own = fx.sheet('Närvaroplan')!;
    own.name = 'Vår närvaroplan';
    own.values.push({ row: 1, col: 0, values: [['Tre dagar i rad']] });
    const again = await applyPlanExcel(ctx(fx), withPlanSheet());
    expect(again.sheets).toEqual(['Nämndrapport', 'Elevlista']);
    expect(fx.sheets.map((s) => s.name)).toEqual(['Betyg', 'Nämndrapport', 'Vår närvaroplan', 'Elevlista']);
    expect(fx.sheet('Vår närvaroplan')!.cell(1, 0)).toBe('Tre dagar i rad');
  });

  it('never takes a user sheet with the wanted name; suffixes instead', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Elevlista', [['användarens data']]);
    const res = await applyPlanExcel(ctx(fx), fixturePlan(5));
    expect(res.sheets).toEqual(['Nämndrapport', 'Elevlista (2)']);
    expect(fx.sheet('Elevlista')!.cell(0, 0)).toBe('användarens data');
    expect(fx.sheet('Elevlista')!.customProperties.size).toBe(0);
    expect(fx.sheet('Elevlista (2)')!.customProperties.get(MARKER_KEY)).toBe('elevlista');
  });

  it('keeps marked sheets of other reports', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Närvaro', [['gammal']], { [MARKER_KEY]: 'narvaro' });
    await applyPlanExcel(ctx(fx), fixturePlan(5));
    expect(fx.sheet('Närvaro')!.cell(0, 0)).toBe('gammal');
  });

  it('reports progress per sheet', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Blad1');
    const seen: string[] = [];
    await applyPlanExcel(ctx(fx), fixturePlan(5), (p) => seen.push(`${p.done}/${p.total}${p.sheet ? ' ' + p.sheet : ''}`));
    expect(seen).toEqual(['0/2', '1/2 Nämndrapport', '2/2 Elevlista']);
  });
});

describe('FakeExcel', () => {
  it('throws on reading an unloaded property and on a wrong 2-D size', async () => {
    const fx = new FakeExcel();
    fx.addSheet('A', [[1, 2]]);
    const ws = fx.context.workbook.worksheets.getItem('A');
    const r = ws.getRange('A1:B1');
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    r.load('values');
    await fx.sync();
    expect(r.values).toEqual([[1, 2]]);
    ws.getRange('A1:B2').values = [[1, 2]];
    await expect(fx.sync()).rejects.toThrow(/InvalidArgument/);
  });

  it('applies writes only at sync', async () => {
    const fx = new FakeExcel();
    const a = fx.addSheet('A');
    fx.context.workbook.worksheets.getItem('A').getRange('B2').values = [['x']];
    expect(a.cell(1, 1)).toBe('');
    await fx.sync();
    expect(a.cell(1, 1)).toBe('x');
    expect(fx.syncs).toBe(1);
  });
});

describe('sheet names', () => {
  it('replaces characters Excel forbids and keeps 31 characters', async () => {
    const fx = new FakeExcel();
    fx.addSheet('Blad1');
    const plan = fixturePlan(1);
    plan.sheets[0].name = 'Betyg 9A/9B: vt? [2026]';
    plan.sheets[1].name = 'En mycket lång rubrik som inte får plats';
    const res = await applyPlanExcel(ctx(fx), plan);
    expect(res.sheets).toEqual(['Betyg 9A-9B- vt- -2026-', 'En mycket lång rubrik som inte ']);
  });
});
