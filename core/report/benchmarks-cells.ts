/**
 * Reading the cells of downloaded benchmark tables (Kolada's export, Skolverket's PxWeb CSV): numbers
 * with decimal comma or point, missing-value symbols, years and läsår, gender words, units by code or
 * name, and which of our indicators a table's text names. Shared by benchmarks-csv.ts and
 * benchmarks-pxweb.ts; pure.
 */
import type { CellValue, Lang, Problem } from '../types';
import { t } from '../i18n';
import { RIKET, unitOf, type BenchmarkGender, type BenchmarkUnit, type Huvudman } from './benchmarks';

/**
 * A cell as trimmed text ('' for empty).
 * @example cellText(' Malmö ') // 'Malmö'
 */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
}

/**
 * PX data symbols and the usual signs for "no value": `..` (PX DATASYMBOLNIL/secret), `.`, `…`, `-`, `–`,
 * and empty. They become null, never 0.
 */
const MISSING = /^(\.{1,6}|…|-|–|—|x|)$/i;

/**
 * A number from a cell: numbers as they are; text with decimal comma or point, spaces (also no-break)
 * as thousand separators and a trailing `%`. `undefined` when the text is no number and no missing sign.
 * @example cellNumber('84,5 %') // 84.5
 * @example cellNumber('..') // null
 * @example cellNumber('hög') // undefined
 */
export function cellNumber(v: CellValue | undefined): number | null | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const s = cellText(v).replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '');
  if (MISSING.test(s)) return null;
  if (!/^[-+−]?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) return undefined;
  return Number(s.replace('−', '-').replace(',', '.'));
}

/**
 * A year from `2025`, `2025-01-01`, läsår `2024/25` or `2024/2025` (the spring year: the grades are
 * given then), or from a cell that is the number 2025. null when there is none.
 * @example yearOf('Läsår 2024/25') // 2025
 */
export function yearOf(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1990 && v <= 2100 ? v : null;
  const s = cellText(v);
  const lasar = /\b((?:19|20)\d{2})\s*[/–-]\s*(\d{2}|\d{4})\b/.exec(s);
  if (lasar && (lasar[2].length === 2 ? Number(lasar[1].slice(2)) + 1 === Number(lasar[2]) % 100 || (lasar[1].endsWith('99') && lasar[2] === '00') : Number(lasar[2]) === Number(lasar[1]) + 1)) {
    return Number(lasar[1]) + 1;
  }
  const y = /\b((?:19|20)\d{2})\b/.exec(s);
  return y ? Number(y[1]) : null;
}

/**
 * Total, girls or boys from Kolada's codes (T, K, M) or a word (totalt, samtliga, flickor, kvinnor,
 * pojkar, män, in Swedish or English); null when the text is none of them.
 * @example genderOf('Flickor') // 'girls'
 */
export function genderOf(v: CellValue | undefined): BenchmarkGender | null {
  const s = cellText(v).toLowerCase();
  if (/^(t|totalt?|samtliga|alla|båda könen|total|all|both sexes)$/.test(s)) return 'total';
  if (/^(k|kvinnor|flickor|flicka|kvinna|girls|women|female)$/.test(s)) return 'girls';
  if (/^(m|män|pojkar|pojke|man|boys|men|male)$/.test(s)) return 'boys';
  return null;
}

/**
 * A unit from a Kolada code (`1280`, `0000`, `G124025`), a PX region value (`1280 Malmö`, `00 Riket`)
 * or a name (`Riket`, `Malmö`, `Liknande kommuner grundskola, Malmö`). A name without a code is kept
 * as the code: the Jämförelsetal sheet shows it as it was. null for an empty cell.
 * @example unitFrom('1280 Malmö') // { unit: 'kommun', code: '1280' }
 * @example unitFrom('Riket') // { unit: 'riket', code: '0000' }
 */
export function unitFrom(v: CellValue | undefined): { unit: BenchmarkUnit; code: string } | null {
  const s = cellText(typeof v === 'number' ? String(v).padStart(4, '0') : v);
  if (!s) return null;
  if (/^(00\s+|0000\s+)?(hela\s+)?(riket|sverige|sweden)\b/i.test(s) || s === RIKET || s === '00') return { unit: 'riket', code: RIKET };
  const coded = /^(\d{4}|G\d+)\b/i.exec(s);
  if (coded) return { unit: unitOf(coded[1].toUpperCase()), code: coded[1].toUpperCase() };
  if (/liknande kommuner|kommungrupp|ovägt medel|similar municipalities/i.test(s)) return { unit: 'liknande', code: s };
  return { unit: 'kommun', code: s };
}

/**
 * Which of our indicators a text names (a KPI title, a PX content or heading): eligibility for
 * vocational programmes, merit value of 17 subjects, passed in all subjects. null for anything else
 * (counts of pupils, merit value of 16, not eligible).
 * @example indicatorOf('Andel (%) behöriga till yrkesprogram') // 'YRK'
 */
export function indicatorOf(text: string): 'YRK' | 'merit17' | 'allPassed' | null {
  const s = text.toLowerCase();
  if (/\b(ej|inte|icke|not)\b|obehörig|ineligible/.test(s)) return null;
  if (/behörig\w*.*yrkes|eligib\w*.*vocational/.test(s)) return 'YRK';
  if (/meritvärde|merit value|merit rating/.test(s)) return /\b16\b/.test(s) ? null : 'merit17';
  if (/(alla|samtliga)\s+ämnen|all subjects/.test(s)) return 'allPassed';
  return null;
}

/**
 * The huvudman of a PX value: kommunal, enskild (fristående), or none for all of them; undefined when
 * the text names no huvudman.
 * @example huvudmanOf('Kommunal huvudman') // 'kommunal'
 */
export function huvudmanOf(text: string): Huvudman | null | undefined {
  const s = text.toLowerCase();
  if (/\b(samtliga|alla|totalt|all)\b/.test(s)) return null;
  if (/kommunal|municipal|offentlig/.test(s)) return 'kommunal';
  if (/enskild|fristående|independent|privat/.test(s)) return 'enskild';
  return undefined;
}

/**
 * A warning about one cell of a benchmark file, with its address.
 * @example cellProblem("'k.csv'!E2", 'hög', 'benchmarkValue', 'k.csv', 'sv').code // 'report.benchmarkValue'
 */
export function cellProblem(cell: string, value: unknown, key: 'benchmarkValue' | 'benchmarkYear' | 'benchmarkUnit', source: string, lang: Lang): Problem {
  return { cell, value, code: `report.${key}`, severity: 'warning', message: t(lang, `report.problem.${key}`, { source }) };
}
