/** The Nämndrapport prints for the board: A4 portrait at 85 %, the title row on every page, breaks between blocks. */
import { describe, expect, it } from 'vitest';
import { buildNamndrapport, pageBreaks, PRINT_SCALE, ROWS_PER_PAGE } from './namndrapport';
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
    // Pages of 52 rows. Sections 0–30, 30–50 fit on page 1; 50–120 would cross row 52 → break at 50.
    // 120–140 starts on the page the printer began at 102 (50 + 52) and fits.
    expect(pageBreaks([0, 30, 50, 120], 140, 52)).toEqual([50]);
    // A section that fits exactly (ending at row 52) needs no break.
    expect(pageBreaks([0, 40], 52, 52)).toEqual([]);
    expect(pageBreaks([0, 40], 53, 52)).toEqual([40]);
    const s = buildNamndrapport(reportModel(40));
    const headings = s.blocks.filter((b) => b.id.startsWith('h-')).map((b) => b.row);
    for (const r of s.print!.rowBreaks ?? []) expect(headings).toContain(r);
    expect(ROWS_PER_PAGE).toBeLessThanOrEqual(57);
  });
});
