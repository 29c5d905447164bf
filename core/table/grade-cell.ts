/**
 * One grade cell → GradeEntry (domain §1, SCB datafilsbeskrivning åk 9 2026).
 */
import type { CellValue, GradeEntry, GradeMark, GradeScaleId } from '../types';
import { cellText } from './header';

const AF: ReadonlySet<string> = new Set(['A', 'B', 'C', 'D', 'E', 'F']);
const OLD: ReadonlySet<string> = new Set(['MVG', 'VG', 'G', 'IG']);

/**
 * Parses a grade cell. Accepted: A–F in any case with spaces around (or MVG/VG/G/IG when the
 * table is read in the old scale); `-`, `–`, `—` and SCB code `9` = streck; `3` = not studied
 * (anpassad studiegång); `2` = not applicable (non-compulsory subject not graded); empty =
 * missing; in an A–F table `Y` and `Z` = SCB's åk 6 codes (`{ kind: 'code' }`: not results; the
 * analysis lists them when the file turns out to be slutbetyg, whose description has no such codes).
 * Codes may come as numbers. Anything else is an error key, never a guess: old-scale
 * marks in an A–F table (`table.grade.oldScale`), A–F in an old-scale table, `X`,
 * other numbers (`table.grade.invalid` / `table.grade.invalidOld`).
 * [C: Skolverket; SCB datafilsbeskrivning betyg åk 9 vt2026 and åk 6 vt2026; domain §1]
 * @example parseGradeCell(' b ', 'AF') // { entry: { kind: 'grade', mark: 'B' } }
 * @example parseGradeCell(9, 'AF') // { entry: { kind: 'streck' } }
 * @example parseGradeCell('G', 'AF') // { error: 'table.grade.oldScale' }
 * @example parseGradeCell('z', 'AF') // { entry: { kind: 'code', code: 'Z' } }
 */
export function parseGradeCell(value: CellValue, scale: GradeScaleId): { entry: GradeEntry } | { error: string } {
  // An empty cell of a workbook comes as null: the same as an empty text, from the same cache
  // (a fresh result per empty cell was most of the garbage of a 100 000-pupil workbook).
  if (value === null || value === undefined) value = '';
  // Short strings repeat millions of times in a big file: answer them from a cache of shared,
  // frozen results (callers must not mutate entries).
  if (typeof value === 'string' && value.length <= 4) {
    const cache = scale === 'old' ? OLD_CACHE : AF_CACHE;
    let hit = cache.get(value);
    if (hit === undefined) {
      hit = freeze(parseUncached(value, scale));
      cache.set(value, hit);
    }
    return hit;
  }
  // SCB codes read from a workbook come as numbers (9, 3, 2): cache small integers too.
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 100) {
    const cache = scale === 'old' ? OLD_NUM : AF_NUM;
    let hit = cache.get(value);
    if (hit === undefined) cache.set(value, (hit = freeze(parseUncached(value, scale))));
    return hit;
  }
  return parseUncached(value, scale);
}

type Result = { entry: GradeEntry } | { error: string };
const AF_CACHE = new Map<string, Result>();
const OLD_CACHE = new Map<string, Result>();
const AF_NUM = new Map<number, Result>();
const OLD_NUM = new Map<number, Result>();

function freeze(r: Result): Result {
  if ('entry' in r) Object.freeze(r.entry);
  return Object.freeze(r);
}

function parseUncached(value: CellValue, scale: GradeScaleId): Result {
  const invalid = scale === 'old' ? 'table.grade.invalidOld' : 'table.grade.invalid';
  if (typeof value === 'boolean' || value instanceof Date) return { error: invalid };
  if (typeof value === 'number' && !Number.isInteger(value)) return { error: invalid };
  const text = cellText(value).toUpperCase();
  switch (text) {
    case '':
      return { entry: { kind: 'missing' } };
    case '-':
    case '\u2013':
    case '\u2014':
    case '9':
      return { entry: { kind: 'streck' } };
    case '3':
      return { entry: { kind: 'notStudied' } };
    case '2':
      return { entry: { kind: 'notApplicable' } };
  }
  if (scale === 'AF') {
    if (AF.has(text)) return { entry: { kind: 'grade', mark: text as GradeMark } };
    if (text === 'Y' || text === 'Z') return { entry: { kind: 'code', code: text } };
    if (OLD.has(text)) return { error: 'table.grade.oldScale' };
    return { error: invalid };
  }
  if (OLD.has(text)) return { entry: { kind: 'grade', mark: text as GradeMark } };
  return { error: invalid };
}
