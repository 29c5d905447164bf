/**
 * A1 addresses for problems and plans. Rows and columns are 0-based in code, 1-based on screen.
 */

/**
 * Column letters for a 0-based column index.
 * @example columnLetter(0) // 'A'
 * @example columnLetter(27) // 'AB'
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * 0-based column index for letters.
 * @example columnIndex('AB') // 27
 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Sheet name as it must appear in a reference: quoted when it holds anything but letters,
 * digits and underscore, or when it reads like a cell reference (`AB12`, `R1C1`) — Excel and
 * Sheets both accept the quoted form.
 * @example quoteSheet('Betyg') // 'Betyg'
 * @example quoteSheet('Vt 2026') // "'Vt 2026'"
 * @example quoteSheet('AB12') // "'AB12'"
 */
export function quoteSheet(sheet: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^R\d*C\d*$/i.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * Sheet-qualified address of a cell, from 0-based row and column.
 * @example cellAddress('Betyg', 11, 5) // 'Betyg!F12'
 */
export function cellAddress(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${columnLetter(col)}${row + 1}`;
}

/**
 * Splits `Betyg!F12` (or `'Vt 2026'!F12`) into sheet, 0-based row and column. Returns null when
 * the text is no single-cell address.
 * @example parseAddress("'Vt 2026'!B3") // { sheet: 'Vt 2026', row: 2, col: 1 }
 */
export function parseAddress(address: string): { sheet: string | null; row: number; col: number } | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
  return { sheet, row: Number(m[4]) - 1, col: columnIndex(m[3]) };
}
