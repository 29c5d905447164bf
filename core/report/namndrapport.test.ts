/** The Nämndrapport prints for the board: A4 portrait at 85 %, the title row on every page, breaks between blocks. */
import { describe, expect, it } from 'vitest';
import { buildNamndrapport, LINE_CHARS, pageBreaks, PRINT_COLUMNS, PRINT_SCALE, ROWS_PER_PAGE, rowHeights, textLines } from './namndrapport';
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
    const s = buildNamndrapport(reportModel(40));
    const headings = s.blocks.filter((b) => b.id.startsWith('h-')).map((b) => b.row);
    for (const r of s.print!.rowBreaks ?? []) expect(headings).toContain(r);
    expect(ROWS_PER_PAGE).toBeLessThanOrEqual(57);
  });

  it('fits A4 portrait at 85 %: no printed table is wider than the eight printed columns, which fit the page', () => {
    const s = buildNamndrapport(reportModel(40));
    expect(s.print!.area).toMatchObject({ col: 0, cols: PRINT_COLUMNS });
    // Tables (two or more cells) left of the chart data: within A–H. Lines of text may run on.
    for (const b of s.blocks) if (b.col < PRINT_COLUMNS && b.values[0].length > 1 && !b.id.startsWith('meta-')) expect(b.col + b.values[0].length, b.id).toBeLessThanOrEqual(PRINT_COLUMNS);
    // Excel's width in pixels is 7 per character + 5; A4 portrait inside 0.7 in margins holds 6.87 in
    // = 660 px, which at 85 % is 776 px of sheet.
    const px = s.columnWidths!.slice(0, PRINT_COLUMNS).reduce((n, w) => n + w * 7 + 5, 0);
    expect(px).toBeLessThanOrEqual(776);
  });

  it('writes running text as lines that fit the printed width, and gives wrapped rows their height', () => {
    expect(textLines('Ett två tre fyra', 8)).toEqual(['Ett två', 'tre fyra']);
    expect(textLines('ordsomärlängre kort', 5)).toEqual(['ordsomärlängre', 'kort']);
    const s = buildNamndrapport(reportModel(40));
    const defs = s.blocks.filter((b) => b.id.startsWith('def-'));
    expect(defs.length).toBeGreaterThan(6);
    for (const d of defs) expect(String(d.values[0][0]).length).toBeLessThanOrEqual(LINE_CHARS);
    // "Andel behöriga till ekonomi-, humanistiska och samhällsvetenskapsprogrammen" (76 characters) in
    // the 40-wide label column: "Andel behöriga till ekonomi-," (29; adding "humanistiska" makes 42),
    // "humanistiska och" (16; adding the last word makes 45), "samhällsvetenskapsprogrammen" → 3 lines = 45 pt.
    const ek = s.blocks.find((b) => b.values.some((r) => r[0] === 'Andel behöriga till ekonomi-, humanistiska och samhällsvetenskapsprogrammen'))!;
    const row = ek.row + ek.values.findIndex((r) => r[0] === 'Andel behöriga till ekonomi-, humanistiska och samhällsvetenskapsprogrammen');
    expect(s.rowHeights).toContainEqual({ row, points: 45 });
    expect(rowHeights([{ id: 'x', row: 3, col: 0, values: [['Andel behöriga till yrkesprogram']], styles: [{ range: { row: 0, col: 0, rows: 1, cols: 1 }, wrap: true }] }], [20])).toEqual([{ row: 3, points: 30 }]);
  });
});
