/**
 * One catalogue for user-facing words (sv default, en). Each area of core and the ui keeps its
 * messages in `messages/<area>.ts`; this file merges them. Keys are `area.name`; parameters are
 * written `{name}` in the text.
 */
import type { Lang } from '../types';
import { common } from './messages/common';
import { table } from './messages/table';
import { grades } from './messages/grades';
import { attendance } from './messages/attendance';
import { progression } from './messages/progression';
import { survey } from './messages/survey';
import { report } from './messages/report';
import { functions } from './messages/functions';
import { ui } from './messages/ui';
import { cli } from './messages/cli';
import { sheets } from './messages/sheets';
import { about } from './messages/about';
import { pane } from './messages/pane';

export type Catalogue = { sv: Record<string, string>; en: Record<string, string> };

const ALL: Catalogue[] = [common, table, grades, attendance, progression, survey, report, functions, ui, pane, cli, sheets, about];

export const MESSAGES: Record<Lang, Record<string, string>> = { sv: {}, en: {} };
for (const c of ALL) {
  Object.assign(MESSAGES.sv, c.sv);
  Object.assign(MESSAGES.en, c.en);
}

/**
 * Looks up a message and fills in `{param}` placeholders. Falls back to Swedish, then to the key
 * itself, so a missing translation shows up as text rather than a crash.
 * @example t('sv', 'common.pupils', { n: 3 }) // '3 elever'
 */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const text = MESSAGES[lang][key] ?? MESSAGES.sv[key] ?? key;
  // Most texts have no placeholder (a label per Historik row, 120 000 of them): no regex then.
  if (text.indexOf('{') === -1) return text;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/**
 * Formats a number the Swedish way (decimal comma, space as thousands separator) or the English way.
 * Where the runtime has no locale data (an Intl without `sv-SE`, or no Intl), the same text is
 * built by hand: the Apps Script bundle must not depend on what its V8 happens to ship.
 * @example formatNumber('sv', 1234.5, 1) // '1 234,5'
 */
export function formatNumber(lang: Lang, value: number, decimals = 0): string {
  const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
  if (!hasLocale('NumberFormat', locale)) return formatNumberByHand(lang, value, decimals);
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  })
    .format(value)
    .replace(/\u00a0|\u2212/g, (c) => (c === '\u2212' ? '-' : ' '));
}

/**
 * `formatNumber` without Intl, as `Intl.NumberFormat` writes it: the number's shortest decimal
 * form rounded half away from zero (so 1.005 → 1,01, where `toFixed` gives 1.00), groups of
 * three, -0 keeps its sign.
 * @example formatNumberByHand('sv', -1234.56, 1) // '-1 234,6'
 */
export function formatNumberByHand(lang: Lang, value: number, decimals = 0): string {
  const minus = value < 0 || Object.is(value, -0) ? '-' : '';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return `${minus}∞`;
  const [int, frac] = roundDecimal(plainDecimal(Math.abs(value)), decimals);
  const group = lang === 'sv' ? ' ' : ',';
  let grouped = '';
  for (let i = 0; i < int.length; i++) grouped += (i > 0 && (int.length - i) % 3 === 0 ? group : '') + int[i];
  return `${minus}${grouped}${frac ? (lang === 'sv' ? ',' : '.') + frac : ''}`;
}

/** The shortest decimal form of a non-negative number without an exponent (1e-7 → 0.0000001). */
function plainDecimal(x: number): string {
  const s = String(x);
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[1] + (m[2] ?? '');
  const exp = Number(m[3]);
  if (exp < 0) return `0.${'0'.repeat(-exp - 1)}${digits}`;
  return digits.length > exp + 1 ? `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}` : digits + '0'.repeat(exp + 1 - digits.length);
}

/** A plain decimal rounded to `d` places, half away from zero, on its digits: [integer, fraction]. */
function roundDecimal(s: string, d: number): [string, string] {
  const [int, frac = ''] = s.split('.');
  if (frac.length <= d) return [int, frac.padEnd(d, '0')];
  let digits = int + frac.slice(0, d);
  if (frac.charCodeAt(d) >= 0x35) {
    // Add one to the last kept digit, carrying leftwards.
    const a = digits.split('');
    let i = a.length - 1;
    for (; i >= 0 && a[i] === '9'; i--) a[i] = '0';
    if (i < 0) a.unshift('1');
    else a[i] = String(Number(a[i]) + 1);
    digits = a.join('');
  }
  const cut = digits.length - d;
  return [digits.slice(0, cut).replace(/^0+(?=\d)/, '') || '0', digits.slice(cut)];
}

/**
 * Formats a share 0–1 as percent text.
 * @example formatPercent('sv', 0.853) // '85,3 %'
 */
export function formatPercent(lang: Lang, share: number, decimals = 1): string {
  return `${formatNumber(lang, share * 100, decimals)}${lang === 'sv' ? ' %' : '%'}`;
}

// Whether this runtime has locale data for a locale (Node, browsers and Apps Script's V8 do
// today; an Intl built without it, or none, gets the hand-made equivalents below).
const LOCALES = new Map<string, boolean>();
function hasLocale(kind: 'Collator' | 'NumberFormat', locale: string): boolean {
  const k = `${kind}:${locale}`;
  let ok = LOCALES.get(k);
  if (ok === undefined) {
    try {
      const api = typeof Intl !== 'undefined' ? (Intl[kind] as { supportedLocalesOf?: (l: string[]) => string[] } | undefined) : undefined;
      ok = typeof api?.supportedLocalesOf === 'function' && api.supportedLocalesOf([locale]).length > 0;
    } catch {
      ok = false;
    }
    LOCALES.set(k, ok);
  }
  return ok;
}

// Made on first use: a collator loads locale data (about 15 ms) that many runs never need.
let SV: ((a: string, b: string) => number) | undefined;
let SV_NUMERIC: ((a: string, b: string) => number) | undefined;

/**
 * Swedish order (å ä ö last), as `a.localeCompare(b, 'sv')` but with one shared collator: a
 * locale argument per comparison builds a collator each time, which sorting 5 000 groups felt.
 * @example ['Ö', 'A', 'Å'].sort(compareSv) // ['A', 'Å', 'Ö']
 */
export function compareSv(a: string, b: string): number {
  // Keys of letters A–Z and digits only (class names, skolenhetskoder) differ at the first
  // letter that differs when case is ignored, as the collator has it; ties go to the collator.
  if (alnum(a) && alnum(b)) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    if (x !== y) return x < y ? -1 : 1;
  }
  return (SV ??= hasLocale('Collator', 'sv') ? new Intl.Collator('sv').compare : compareSvByHand)(a, b);
}

/** Only ASCII digits and letters. */
function alnum(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const l = c | 0x20; // A–Z to a–z
    if (!((c >= 0x30 && c <= 0x39) || (l >= 0x61 && l <= 0x7a))) return false;
  }
  return true;
}

/**
 * Swedish order with numbers by value (`9B` before `10A`), as `localeCompare(b, 'sv', { numeric: true })`.
 * @example ['10A', '9B'].sort(compareSvNumeric) // ['9B', '10A']
 */
export function compareSvNumeric(a: string, b: string): number {
  return (SV_NUMERIC ??= hasLocale('Collator', 'sv') ? new Intl.Collator('sv', { numeric: true }).compare : compareSvNumericByHand)(a, b);
}

/**
 * `compareSv` without Intl, as the `sv` collator (CLDR, non-ignorable punctuation) orders names,
 * class names and codes: letters first (å ä ö after z; æ ø ü as ä ö y), then accents, then case
 * (lower first). A test holds it to the collator on generated names.
 * @example ['Öberg', 'ek', 'Ek', 'Åberg', 'éa'].sort(compareSvByHand) // ['ek', 'Ek', 'éa', 'Åberg', 'Öberg']
 */
export function compareSvByHand(a: string, b: string): number {
  return compareLevels(a, b, false);
}

/**
 * `compareSvNumeric` without Intl: as `compareSvByHand`, with each run of digits compared by its
 * value (leading zeros ignored, as the collator ignores them).
 * @example ['10A', '9B', '09C'].sort(compareSvNumericByHand) // ['9B', '09C', '10A']
 */
export function compareSvNumericByHand(a: string, b: string): number {
  return compareLevels(a, b, true);
}

function compareLevels(a: string, b: string, numeric: boolean): number {
  const pa = primaryKey(a, numeric);
  const pb = primaryKey(b, numeric);
  if (pa !== pb) return pa < pb ? -1 : 1;
  const sa = secondaryKey(a, numeric);
  const sb = secondaryKey(b, numeric);
  if (sa !== sb) return sa < sb ? -1 : 1;
  const ta = tertiaryKey(a, numeric);
  const tb = tertiaryKey(b, numeric);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return 0;
}

// The collator's order of spaces and punctuation, all before digits and letters (CLDR root).
const PUNCT = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
// Accents in the collator's secondary order (acute, grave, breve, circumflex, caron, ring,
// diaeresis, double acute, tilde, dot, cedilla, ogonek, macron); æ ø ü come after their base.
const MARKS = '\u0301\u0300\u0306\u0302\u030c\u030a\u0308\u030b\u0303\u0307\u0327\u0328\u0304';
const SV_SECONDARY: Readonly<Record<string, string>> = { æ: '\u0308', ø: '\u0308', ü: '\u0308' };

/** Per character: the letter as Swedish sorts it, punctuation below digits; digit runs by value. */
function primaryKey(s: string, numeric: boolean): string {
  const lower = s.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i];
    const c = ch.charCodeAt(0);
    if (numeric && c >= 0x30 && c <= 0x39) {
      let j = i;
      while (j < lower.length && lower.charCodeAt(j) >= 0x30 && lower.charCodeAt(j) <= 0x39) j++;
      const digits = lower.slice(i, j).replace(/^0+(?=\d)/, '');
      // Length first, so 9 < 10; both stay between punctuation and letters (0x30–0x60).
      out += String.fromCharCode(0x30 + Math.min(digits.length, 0x30)) + digits;
      i = j - 1;
      continue;
    }
    const p = PUNCT.indexOf(ch);
    if (p >= 0) { out += String.fromCharCode(1 + p); continue; }
    out += c < 0x80 ? ch : foldLetter(ch);
  }
  return out;
}

/** Per character its accent rank (0 for none), in the collator's order. */
function secondaryKey(s: string, numeric: boolean): string {
  let out = '';
  for (const ch of chars(s.toLowerCase(), numeric)) {
    const mark = SV_SECONDARY[ch] ?? (ch in SV_FOLD || ch.charCodeAt(0) < 0x80 ? '' : ch.normalize('NFD').slice(1));
    out += String.fromCharCode(1) + [...mark].map((m) => String.fromCharCode(2 + Math.max(0, MARKS.indexOf(m)))).join('');
  }
  return out;
}

/** Per character its case: lower before upper. */
function tertiaryKey(s: string, numeric: boolean): string {
  let out = '';
  for (const ch of chars(s, numeric)) out += ch !== ch.toLowerCase() ? '1' : '0';
  return out;
}

/** The characters of a string, a digit run counting as one when comparing numerically. */
function chars(s: string, numeric: boolean): string[] {
  return numeric ? s.match(/\d+|[^]/g) ?? [] : [...s];
}

/** Swedish letters after z, in Swedish order, and the letters Swedish sorts as others (CLDR sv). */
const SV_FOLD: Readonly<Record<string, string>> = { å: '{', ä: '|', æ: '|', ö: '}', ø: '}', ü: 'y' };

/**
 * A key whose plain code-point order is Swedish alphabetical order, for sorting 100 000 names
 * without a collator call per comparison: case folded, å ä ö after z in that order, æ ø ü as
 * Swedish sorts them, other accents dropped (é → e). Equal keys are for `compareSv` to settle.
 * @example ['Öberg', 'ängel', 'Åberg', 'berg'].sort((a, b) => (svSortKey(a) < svSortKey(b) ? -1 : 1)) // ['berg', 'Åberg', 'ängel', 'Öberg']
 */
export function svSortKey(s: string): string {
  const lower = s.toLowerCase();
  // Most names are plain ASCII; the others have a letter or two to fold.
  return NON_ASCII.test(lower) ? lower.replace(NON_ASCII_ALL, foldLetter) : lower;
}

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_ALL = /[^\x00-\x7f]/g;

function foldLetter(ch: string): string {
  return SV_FOLD[ch] ?? ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
