/**
 * Small-group suppression (domain §6).
 *
 * [C: SIRIS] A figure based on fewer than 10 pupils is shown as `..` ("dubbelprickning"), per cell
 * on the cell's own denominator. `.` means no data [C: Skolverket's symbols]; never 0 for missing.
 * [D] Complementary suppression: when the parts that are hidden add up to fewer pupils than the
 * threshold, a total minus the shown parts would reveal them, so the smallest shown part is hidden
 * too, until the hidden remainder covers at least the threshold (or nothing is left to hide).
 */
import type { Figure } from '../types';

/**
 * A value shown only when its denominator reaches the threshold.
 * @example suppress(0.8, 25, 10) // 0.8
 * @example suppress(0.8, 9, 10) // '..'
 * @example suppress(null, 0, 10) // '.'
 */
export function suppress(value: number | null | undefined, n: number, threshold: number): Figure {
  if (n <= 0 || value === null || value === undefined || Number.isNaN(value)) return '.';
  return n < threshold ? '..' : value;
}

/**
 * A share `numerator / denominator`, or null when the denominator is 0.
 * @example share(3, 4) // 0.75
 */
export function share(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * The mean of numbers, or null for none.
 * @example mean([245, 200]) // 222.5
 */
export function mean(values: readonly number[]): number | null {
  if (!values.length) return null;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/**
 * Which parts of a total must be hidden, by their sizes: primary (fewer than `threshold`) and
 * complementary (so that total − shown parts never reveals fewer than `threshold` pupils).
 * Parts of size 0 are neither shown nor counted. A part that is never displayed (e.g. pupils of
 * unknown gender) is passed with `displayed: false`: it counts as hidden.
 *
 * Worked example §11.8: total 25, flickor 16, pojkar 9 → pojkar hidden (9 < 10); hidden 9 < 10, so
 * flickor is hidden too (hidden 25) and only the total is shown.
 * @example hiddenParts([16, 9], 10) // [true, true]
 * @example hiddenParts([16, 12], 10) // [false, false]
 */
export function hiddenParts(sizes: readonly number[], threshold: number, displayed?: readonly boolean[]): boolean[] {
  const hidden = sizes.map((n, i) => (displayed && displayed[i] === false ? true : n < threshold));
  let hiddenTotal = 0;
  let anyHidden = false;
  sizes.forEach((n, i) => {
    if (hidden[i] && n > 0) {
      hiddenTotal += n;
      anyHidden = true;
    }
  });
  while (anyHidden && hiddenTotal < threshold) {
    let pick = -1;
    for (let i = 0; i < sizes.length; i++) {
      if (!hidden[i] && sizes[i] > 0 && (pick < 0 || sizes[i] < sizes[pick])) pick = i;
    }
    if (pick < 0) break;
    hidden[pick] = true;
    hiddenTotal += sizes[pick];
  }
  return hidden;
}
