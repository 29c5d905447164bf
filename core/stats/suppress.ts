import type { Figure } from '../types';

/**
 * A figure as shown: the value when its own denominator `n` reaches the threshold, `..` below it
 * (Skolverket's "dubbelprickning"), `.` when there is no data (n = 0 or no value). Never 0 for missing.
 * [C: SIRIS, Skolverket's symbols; domain §6] Apply it per cell, to the cell's own denominator.
 * Worked example §11.8: pojkar 9 < 10 → `..`.
 * @example suppress(0.8, 25, 10) // 0.8
 * @example suppress(0.8, 9, 10) // '..'
 * @example suppress(null, 0, 10) // '.'
 */
export function suppress(value: number | null | undefined, n: number, threshold: number): Figure {
  if (!(n > 0) || value === null || value === undefined || Number.isNaN(value)) return '.';
  return n < threshold ? '..' : value;
}
