/** A plan sheet's values as a grid: what a sheet holds once a host has written the plan. */
import type { CellValue } from '../types';
import type { SheetPlan } from './plan';

/**
 * Writes a plan's blocks into a fresh grid (values only; formatting is the hosts' business).
 * Rows keep their sheet positions; gaps inside a row are null, rows without a block are empty.
 * @example
 * planSheetValues({ key: 'k', name: 'K', personalData: false, blocks: [{ id: 'a', row: 1, col: 1, values: [[1, 2]] }] })
 * // [[], [null, 1, 2]]
 */
export function planSheetValues(plan: SheetPlan): CellValue[][] {
  const grid: CellValue[][] = [];
  for (const b of plan.blocks) {
    b.values.forEach((row, r) => {
      const target = (grid[b.row + r] ??= []);
      row.forEach((v, c) => {
        target[b.col + c] = v;
      });
    });
  }
  // Fill holes so every row is a plain array (a sparse row would read back as `undefined` gaps).
  for (let r = 0; r < grid.length; r++) {
    const row = (grid[r] ??= []);
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  return grid;
}
