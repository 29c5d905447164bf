/** Small naming helpers shared by the xlsx writer's parts. */
import { columnLetter } from '../../core/table/address';

/** `#RRGGBB` → ARGB as SpreadsheetML writes colours (`FF1F4E79`). */
export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** Column number (1-based) → letters. */
export function colLetter(col1: number): string {
  return columnLetter(col1 - 1);
}

/** Sheet name as it appears in a formula: quoted when needed, quotes doubled. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
