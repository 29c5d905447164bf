import type { Figure } from '../types';
import { suppress } from './suppress';

/**
 * Which parts of a shown total must be hidden, by their sizes (pupils): primary suppression (fewer
 * than `threshold`) and complementary suppression [D, domain §6]: while the hidden parts together hold
 * fewer than `threshold` pupils, total − shown parts would reveal them, so the smallest shown part is
 * hidden too. In particular, when exactly one part is suppressed, the smallest other part is hidden.
 * Parts of size 0 are never counted or chosen (they show `.`). A part that is never displayed (e.g.
 * pupils of unknown gender) is passed with `displayed[i] = false`: it counts as hidden.
 * Worked example §11.8: total 25 = flickor 16 + pojkar 9 → pojkar hidden (9 < 10), hidden 9 < 10, so
 * flickor is hidden too and only the total is shown.
 * @example hiddenParts([16, 9], 10) // [true, true]
 * @example hiddenParts([16, 12], 10) // [false, false]
 * @example hiddenParts([40, 30, 12, 7], 10) // [false, false, true, true]
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

/** One cell of a table: its value and the number of pupils it is based on. */
export interface CountedValue {
  value: number | null;
  n: number;
  /** False for a part that is never shown (e.g. unknown gender): it counts as hidden. */
  displayed?: boolean;
}

/** A suppressed total and its parts, in the order given. */
export interface SuppressedTable {
  total: Figure;
  parts: Figure[];
}

/**
 * Suppresses a total and its parts (e.g. Totalt / Flickor / Pojkar): each cell on its own
 * denominator (`suppress`), then complementary suppression of the parts while the total is shown
 * (`hiddenParts`) [C: SIRIS per-cell rule; D: complementary suppression, domain §6].
 * Worked example §11.8: class 9A, 25 pupils: 16 flickor, 9 pojkar → only the total is shown.
 * @example suppressTable({ value: 0.8, n: 25 }, [{ value: 0.75, n: 16 }, { value: 0.89, n: 9 }], 10) // { total: 0.8, parts: ['..', '..'] }
 */
export function suppressTable(total: CountedValue, parts: readonly CountedValue[], threshold: number): SuppressedTable {
  const shownTotal = suppress(total.value, total.n, threshold);
  const hide = typeof shownTotal === 'number'
    ? hiddenParts(parts.map((p) => p.n), threshold, parts.map((p) => p.displayed !== false))
    : parts.map(() => false);
  return {
    total: shownTotal,
    parts: parts.map((p, i) => {
      const own = suppress(p.value, p.n, threshold);
      return hide[i] && own !== '.' ? '..' : own;
    }),
  };
}
