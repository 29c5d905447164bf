/**
 * Swedish personal identity numbers (domain §8).
 *
 * Sources: Skatteverket, "Personnummer" (SKV 704) for the forms, the `+` sign and the Luhn check digit;
 * Skatteverket "Samordningsnummer" (day + 60); SCB's datafilsbeskrivning for temporary identities
 * `ååååmmddTFnn`. Legal gender: the second-to-last digit, odd = man, even = woman.
 */
import type { CellValue, Gender } from './types';

export type IdentityKind = 'personnummer' | 'samordningsnummer' | 'temporary';

export interface ParsedPersonnummer {
  /** Normalised 12-character form: `ååååmmddnnnk`, or `ååååmmddTFnn` for SCB temporary ids. */
  normalized: string;
  kind: IdentityKind;
  /** Luhn check over the 10-digit form. Temporary ids have no check digit (always true). */
  checksumValid: boolean;
  /** Whether the date part is a real calendar date (day − 60 for samordningsnummer). */
  dateValid: boolean;
  gender: Gender;
}

/**
 * Luhn check digit over the first nine digits of the 10-digit form (weights 2,1,2,1,…).
 * @example luhnCheckDigit('121212121') // 2 (Skatteverket's test number 121212-1212)
 */
export function luhnCheckDigit(nineDigits: string): number {
  return luhnFrom(nineDigits, 0);
}

/** The Luhn check digit of the nine digits of `s` from `from` (no substring needed). */
function luhnFrom(s: string, from: number): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = (s.charCodeAt(from + i) - 48) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Days per month of a common year (no list made per call: 100 000 pupils are checked). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  return day <= MONTH_DAYS[month - 1] + (leap ? 1 : 0);
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `ååååmmddnnnk`, already normalised; the same result as the general path below. */
function twelveDigits(s: string): ParsedPersonnummer {
  const d = (i: number) => s.charCodeAt(i) - 48;
  const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const month = d(4) * 10 + d(5);
  const rawDay = d(6) * 10 + d(7);
  const kind: IdentityKind = rawDay > 60 ? 'samordningsnummer' : 'personnummer';
  return {
    normalized: s,
    kind,
    checksumValid: luhnFrom(s, 2) === d(11),
    dateValid: isRealDate(year, month, kind === 'samordningsnummer' ? rawDay - 60 : rawDay),
    gender: d(10) % 2 === 1 ? 'M' : 'F',
  };
}

/**
 * Parses any common written form of a personnummer and normalises it to 12 characters.
 * Accepts `ååååmmddnnnk`, `ååååmmdd-nnnk`, `ååmmddnnnk`, `ååmmdd-nnnk`, `ååmmdd+nnnk` (aged 100+),
 * spaces, samordningsnummer (day + 60), SCB temporary ids `ååååmmddTFnn`, and numbers as a
 * spreadsheet stores them (a 10-digit number that lost its leading zero is padded back).
 * Returns null when the value is no identity number at all. A wrong check digit is *not* null:
 * `checksumValid` is false, so callers can list a problem and still use the value as an id.
 *
 * `referenceYear` picks the century of 10-digit forms: the latest year ≤ referenceYear
 * (minus 100 with `+`). core reads no clock; hosts pass the current year.
 *
 * @example parsePersonnummer('121212-1212', 2026)?.normalized // '201212121212' (2012 ≤ 2026)
 * @example parsePersonnummer('121212+1212', 2026)?.normalized // '191212121212' (`+`: 100 years or older)
 * @example parsePersonnummer('19121212-1212', 2026) // { normalized: '191212121212', kind: 'personnummer', checksumValid: true, dateValid: true, gender: 'M' }
 */
export function parsePersonnummer(value: CellValue, referenceYear: number): ParsedPersonnummer | null {
  if (value === null || value === undefined || typeof value === 'boolean' || value instanceof Date) return null;
  let s: string;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) return null;
    s = String(value);
    // A spreadsheet turns 0501012383 into 501012383: only a number can have lost a leading zero.
    if (s.length === 9) s = '0' + s;
  } else {
    // The SCB file's form, ååååmmddnnnk, 100 000 times in a big file: read it without regexes.
    if (value.length === 12 && allDigits(value)) return twelveDigits(value);
    // `ååååmmdd-nnnk`, the form of most grade lists: the same, without its separator.
    if (value.length === 13 && (value.charCodeAt(8) === 45 || value.charCodeAt(8) === 43)) {
      const twelve = value.slice(0, 8) + value.slice(9);
      if (allDigits(twelve)) return twelveDigits(twelve);
    }
    s = value.trim().replace(/\s+/g, '');
  }
  const temp = /^(\d{8})-?(TF)(\d{2})$/i.exec(s);
  if (temp) {
    const y = Number(temp[1].slice(0, 4));
    const m = Number(temp[1].slice(4, 6));
    const d = Number(temp[1].slice(6, 8));
    const digit = Number(temp[3][0]);
    return {
      normalized: `${temp[1]}TF${temp[3]}`,
      kind: 'temporary',
      checksumValid: true,
      dateValid: isRealDate(y, m, d),
      gender: digit % 2 === 1 ? 'M' : 'F',
    };
  }
  const m = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/.exec(s);
  if (!m) return null;
  const [, century, yymmdd, sep, last4] = m;
  let year: number;
  const yy = Number(yymmdd.slice(0, 2));
  if (century !== undefined) {
    year = Number(century) * 100 + yy;
  } else {
    const refCentury = Math.floor(referenceYear / 100) * 100;
    year = refCentury + yy;
    if (year > referenceYear) year -= 100;
    if (sep === '+') year -= 100;
  }
  const month = Number(yymmdd.slice(2, 4));
  const rawDay = Number(yymmdd.slice(4, 6));
  const kind: IdentityKind = rawDay > 60 ? 'samordningsnummer' : 'personnummer';
  const day = kind === 'samordningsnummer' ? rawDay - 60 : rawDay;
  const ten = yymmdd + last4;
  return {
    normalized: String(year).padStart(4, '0') + yymmdd.slice(2) + last4,
    kind,
    checksumValid: luhnCheckDigit(ten.slice(0, 9)) === Number(ten[9]),
    dateValid: isRealDate(year, month, day),
    gender: Number(last4[2]) % 2 === 1 ? 'M' : 'F',
  };
}

/**
 * Legal gender from a personnummer in any accepted form, or null when it cannot be read.
 * @example genderFromPersonnummer('191212121212') // 'M'
 */
export function genderFromPersonnummer(value: CellValue, referenceYear: number): Gender {
  return parsePersonnummer(value, referenceYear)?.gender ?? null;
}

/** True when a text looks like a personnummer in any form (used by privacy scanners and column detection). */
export function looksLikePersonnummer(value: CellValue): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1e8 && value < 1e12 && String(value).length !== 11;
  if (typeof value !== 'string') return false;
  return /^\s*(\d{2})?\d{6}\s*[-+]?\s*(\d{4}|TF\d{2})\s*$/i.test(value);
}
