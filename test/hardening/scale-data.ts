/**
 * A big synthetic municipality for the scale test and bench: N pupils in 5 schools, wide layout
 * with gender, valid personnummer, some F, streck and code 3. Built directly (no per-pupil random
 * streams), so 50 000 pupils take well under a second.
 */
import { luhnCheckDigit } from '../../core/personnummer';
import type { CellValue } from '../../core/types';
import { WIDE_SUBJECTS } from './arbitraries';

export const SCALE_SCHOOLS = ['Norrskolan', 'Söderskolan', 'Västerskolan', 'Österskolan', 'Centralskolan'];
const MARKS = ['A', 'B', 'C', 'C', 'D', 'E', 'E', 'E', 'F', 'B', 'C', 'D', '-', 'E', 'C', '3', 'D', 'A', 'E'];

/** A valid personnummer for pupil i: born 2010, unique for i < 336 000. */
export function scalePersonnummer(i: number): string {
  const month = 1 + (i % 12);
  const day = 1 + (Math.floor(i / 12) % 28);
  const serial = Math.floor(i / 336) % 1000;
  const nine = `10${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  return `20${nine}${luhnCheckDigit(nine)}`;
}

/** Header plus N pupil rows; school i % 5, about 25 pupils per class. */
export function scaleGrid(pupils: number): CellValue[][] {
  const rows: CellValue[][] = [['Personnummer', 'Förnamn', 'Efternamn', 'Klass', 'Skola', 'Kön', ...WIDE_SUBJECTS]];
  let x = 12345;
  for (let i = 0; i < pupils; i++) {
    const school = i % SCALE_SCHOOLS.length;
    const klass = `9-${Math.floor(i / SCALE_SCHOOLS.length) % Math.max(1, Math.round(pupils / 125))}`;
    const grades = WIDE_SUBJECTS.map(() => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return MARKS[x % MARKS.length];
    });
    rows.push([scalePersonnummer(i), `Elev${i}`, `Efternamn${i % 997}`, klass, SCALE_SCHOOLS[school], i % 2 ? 'F' : 'M', ...grades]);
  }
  return rows;
}
