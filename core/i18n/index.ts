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

export type Catalogue = { sv: Record<string, string>; en: Record<string, string> };

const ALL: Catalogue[] = [common, table, grades, attendance, progression, survey, report, functions, ui, cli, sheets];

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
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/**
 * Formats a number the Swedish way (decimal comma, space as thousands separator) or the English way.
 * @example formatNumber('sv', 1234.5, 1) // '1 234,5'
 */
export function formatNumber(lang: Lang, value: number, decimals = 0): string {
  return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  })
    .format(value)
    .replace(/\u00a0|\u2212/g, (c) => (c === '\u2212' ? '-' : ' '));
}

/**
 * Formats a share 0–1 as percent text.
 * @example formatPercent('sv', 0.853) // '85,3 %'
 */
export function formatPercent(lang: Lang, share: number, decimals = 1): string {
  return `${formatNumber(lang, share * 100, decimals)}${lang === 'sv' ? ' %' : '%'}`;
}

// Made on first use: a collator loads locale data (about 15 ms) that many runs never need.
let SV: Intl.Collator | undefined;
let SV_NUMERIC: Intl.Collator | undefined;

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
  return (SV ??= new Intl.Collator('sv')).compare(a, b);
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
  return (SV_NUMERIC ??= new Intl.Collator('sv', { numeric: true })).compare(a, b);
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
