import { mean as ssMean } from 'simple-statistics';

/**
 * The arithmetic mean of numbers (simple-statistics `mean`), or null for an empty list instead of a
 * thrown error, so that "no data" stays distinct from 0 (domain §6).
 * Worked example §11.7: meritvärde 245 and 200 of the pupils with a pass → (245 + 200) / 2 = 222.5.
 * @example mean([245, 200]) // 222.5
 * @example mean([]) // null
 */
export function mean(values: readonly number[]): number | null {
  return values.length ? ssMean(values as number[]) : null;
}
