/** The Nämndrapport prints for the board: A4 portrait at 85 %, the title row on every page, breaks between blocks. */
import { describe, expect, it } from 'vitest';
import { buildNamndrapport, LINE_PIXELS, pageBreaks, PRINT_COLUMNS, PRINT_SCALE, ROWS_PER_PAGE, rowHeights, textLines, textWidth } from './namndrapport';
import { fitCharts, fitColumns } from './history-print';
import { reportModel } from './fixtures';

describe('printing the Nämndrapport', () => {
  it('is portrait at 85 %, not fitted to a page, with the title row repeated', () => {
    const p = buildNamndrapport(reportModel(40)).print!;
    expect(p.orientation).toBe('portrait');
    expect(p.fitToWidth).toBe(false);
    expect(p.scale).toBe(PRINT_SCALE);
    expect(PRINT_SCALE).toBeGreaterThanOrEqual(85);
    expect(p.repeatRows).toEqual({ from: 0, to: 0 });
  });

  it('breaks before a block that would cross the end of its page, and only there', () => {
    // Pages of 52 rows. Sections 0–30, 30–50 fit on page 1; 50–120 is longer than a page: no break, the
    // printer splits it at 52 and 104; 120–140 fits on the page that began at 104.
    expect(pageBreaks([0, 30, 50, 120], 140, 52)).toEqual([]);
    // 40–70 fits on a page but would cross row 52 → it begins page 2; 70–100 fits on that page (40–92)? No:
    // 100 − 40 = 60 > 52 → break at 70.
    expect(pageBreaks([0, 40, 70], 100, 52)).toEqual([40, 70]);
    // A section that fits exactly (ending at row 52) needs no break.
    expect(pageBreaks([0, 40], 52, 52)).toEqual([]);
    expect(pageBreaks([0, 40], 53, 52)).toEqual([40]);
    // Heights count: 12 rows of 30 pt before row 40 make a page of 52 rows too full for 40–52.
    expect(pageBreaks([0, 40], 52, 52, new Map(Array.from({ length: 12 }, (_, i) => [i, 30])))).toEqual([40]);
    // A long table keeps only its first rows together: 40–100 with keep 6 starts where it is.
    expect(pageBreaks([0, { row: 40, keep: 6 }], 100, 52)).toEqual([]);
    expect(pageBreaks([0, { row: 48, keep: 6 }], 100, 52)).toEqual([48]);
    const s = buildNamndrapport(reportModel(40));
    // Breaks fall where a block begins: a heading, a table or a band of charts.
    const starts = [...s.blocks.filter((b) => b.col === 0).map((b) => b.row), ...(s.charts ?? []).map((c) => c.anchor.row)];
    for (const r of s.print!.rowBreaks ?? []) expect(starts).toContain(r);
    // A4 portrait, 0.5 in margins: (11.69 − 1.0) in = 769.7 pt printed, / 0.85 = 905.5 pt of sheet, less the
    // 21-pt title row = 884.5 pt = 58.97 rows of 15 pt: 58 whole rows.
    expect(s.print!.margins).toMatchObject({ top: 0.5, bottom: 0.5 });
    expect(ROWS_PER_PAGE).toBeLessThanOrEqual(58);
  });

  it('fits A4 portrait at 85 %: no printed table is wider than the eight printed columns, which fit the page', () => {
    const s = buildNamndrapport(reportModel(40));
    expect(s.print!.area).toMatchObject({ col: 0, cols: PRINT_COLUMNS });
    // Tables (two or more cells) left of the chart data: within A–H. Lines of text may run on.
    for (const b of s.blocks) if (b.col < PRINT_COLUMNS && b.values[0].length > 1 && !b.id.startsWith('meta-')) expect(b.col + b.values[0].length, b.id).toBeLessThanOrEqual(PRINT_COLUMNS);
    // Excel's width in pixels is 7 per character + 5; A4 portrait inside 0.5 in margins holds 7.27 in
    // = 698 px, which at 85 % is 821 px of sheet.
    expect(s.print!.margins).toMatchObject({ left: 0.5, right: 0.5 });
    const px = s.columnWidths!.slice(0, PRINT_COLUMNS).reduce((n, w) => n + w * 7 + 5, 0);
    expect(px).toBeLessThanOrEqual(821);
  });

  it('sets the eligibility chart beside the headline table when it leaves three printed columns free, else under it', () => {
    const widths = (plan: ReturnType<typeof buildNamndrapport>) => plan.columnWidths!.slice(0, PRINT_COLUMNS).reduce((n, w) => n + Math.round(w * 7 + 5), 0);
    // No earlier term: Indikator, Totalt, Flickor, Pojkar fill A–D; the chart takes E–H, from the header row.
    const alone = buildNamndrapport({ ...reportModel(40), previous: undefined });
    const header = alone.blocks.find((b) => b.id === 'headline-header')!;
    const beside = alone.charts!.find((c) => c.id === 'chart-eligibility')!;
    expect([beside.anchor.row, beside.anchor.col]).toEqual([header.row, 4]);
    const left = alone.columnWidths!.slice(0, 4).reduce((n, w) => n + Math.round(w * 7 + 5), 0);
    // It runs from column E to the printed edge, less the 8-px gap the other charts keep.
    expect(beside.anchor.width).toBe(widths(alone) - left - 8);
    // With the earlier term's two columns only two are free: the chart goes under the table, across the page.
    const withPrevious = buildNamndrapport(reportModel(40));
    const under = withPrevious.charts!.find((c) => c.id === 'chart-eligibility')!;
    const last = withPrevious.blocks.filter((b) => /^headline-\d+$/.test(b.id)).reduce((r, b) => Math.max(r, b.row + b.values.length), 0);
    expect(under.anchor.col).toBe(0);
    expect(under.anchor.row).toBeGreaterThan(last);
  });

  it('makes each column as wide as its widest 9-point header word, the label column the rest', () => {
    const header = (id: string, row: number, values: string[]) => ({ id, row, col: 0, values: [values], styles: [{ range: { row: 0, col: 0, rows: 1, cols: values.length }, fill: '#D9E1F2', bold: true, fontSize: 9 }] });
    // "teknikprogrammen" is 96 px in 9-point bold: (96 + 5) / 7 → 14.5 characters; "Elever" stays at the minimum 8.
    const w = fitColumns([header('a', 0, ['Skola', 'Elever', 'Andel behöriga till naturvetenskaps- och teknikprogrammen'])], [30, 9, 9, 4], 3, 60, 9, 8);
    expect(w).toEqual([60 - 8 - 14.5, 8, 14.5, 4]);
    // Charts side by side start at column edges and are as wide as their columns, less a gap.
    const chart = (row: number, col: number) => ({ id: `c${col}`, type: 'line' as const, title: 't', data: { row: 0, col: 16, rows: 2, cols: 2 }, anchor: { row, col, width: 300, height: 200 } });
    const [a, b] = fitCharts([chart(5, 0), chart(5, 3)], [30, 10, 10, 10, 10], 5);
    expect([a.anchor.col, b.anchor.col]).toEqual([0, 2]);
    expect(a.anchor.width).toBe(215 + 75 - 8);
    expect(fitCharts([chart(9, 0)], [30, 10, 10, 10, 10], 5)[0].anchor.width).toBe(215 + 4 * 75 - 8);
  });

  it('writes running text as lines that fit the printed width, and gives wrapped rows their height', () => {
    expect(textLines('Ett två tre fyra', 8)).toEqual(['Ett två', 'tre fyra']);
    expect(textLines('ordsomärlängre kort', 5)).toEqual(['ordsomärlängre', 'kort']);
    const s = buildNamndrapport(reportModel(40));
    const defs = s.blocks.filter((b) => b.id.startsWith('def-'));
    expect(defs.length).toBeGreaterThan(6);
    for (const d of defs) expect(textWidth(String(d.values[0][0]))).toBeLessThanOrEqual(LINE_PIXELS);
    // "Andel behöriga till ekonomi-, humanistiska och samhällsvetenskapsprogrammen" in bold in the label
    // column: lines as wide as Calibri draws them (a host may break after "ekonomi-"), 15 pt a line.
    const ek = s.blocks.find((b) => b.values.some((r) => r[0] === 'Andel behöriga till ekonomi-, humanistiska och samhällsvetenskapsprogrammen'))!;
    const row = ek.row + ek.values.findIndex((r) => r[0] === 'Andel behöriga till ekonomi-, humanistiska och samhällsvetenskapsprogrammen');
    const lines = Math.round(s.rowHeights!.find((h) => h.row === row)!.points / 15);
    expect(lines).toBeGreaterThanOrEqual(2);
    expect(textWidth('samhällsvetenskapsprogrammen', 11, true)).toBeLessThanOrEqual(s.columnWidths![0] * 7 - 5);
    // 9-point header rows: 12.5 pt a line; one line needs no height of its own.
    expect(rowHeights([{ id: 'x', row: 3, col: 0, values: [['Andel behöriga till yrkesprogram']], styles: [{ range: { row: 0, col: 0, rows: 1, cols: 1 }, wrap: true }] }], [20])).toEqual([{ row: 3, points: 30 }]);
    expect(rowHeights([{ id: 'x', row: 3, col: 0, values: [['Andel behöriga till yrkesprogram']], styles: [{ range: { row: 0, col: 0, rows: 1, cols: 1 }, wrap: true, fontSize: 9, bold: true }] }], [12])).toEqual([{ row: 3, points: 37 }]);
    expect(rowHeights([{ id: 'x', row: 3, col: 0, values: [['Elever']], styles: [{ range: { row: 0, col: 0, rows: 1, cols: 1 }, wrap: true, fontSize: 9 }] }], [12])).toEqual([]);
  });
});
