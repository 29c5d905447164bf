/**
 * A share `numerator / denominator` (0–1), or null when the denominator is 0 — never 0 for "no data"
 * (domain §6: `.` means no data, never 0 for missing).
 * Worked example §11.7: 2 eligible of all 3 pupils → 2 / 3.
 * @example share(3, 4) // 0.75
 * @example share(1, 0) // null
 */
export function share(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
