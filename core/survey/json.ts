/**
 * The survey JSON contract of the CLI: the index label, areas, items, groups and problems.
 * Index 0–10 rounded to 2 decimals, shares fractions 0–1; `..` suppressed, `.` no data.
 */
import type { Figure, Settings } from '../types';
import { DEFAULT_SETTINGS } from '../types';
import { t } from '../i18n';
import { areaResults, itemResults, surveyGroups, type AreaResult } from './indices';
import type { SurveyTable } from './read';

export interface SurveyJsonArea {
  area: string;
  items: string[];
  respondents: number;
  index: Figure;
  positiveShare: Figure;
}

export interface SurveyJson {
  /** "index 0–10 (Skolenkäten-modell)" in the chosen language. */
  indexLabel: string;
  respondents: number;
  areas: SurveyJsonArea[];
  items: { item: string; area: string; reversed: boolean; answered: number; dontKnow: number; blank: number; index: Figure; positiveShare: Figure }[];
  groups: { by: string; key: string; label: string; school?: string; respondents: number; areas: SurveyJsonArea[] }[];
  problems: { cell: string; value: unknown; message: string; code: string; severity: 'error' | 'warning' }[];
}

const rf = (x: Figure, d: number): Figure => (typeof x === 'number' ? Math.round(x * 10 ** d) / 10 ** d : x);
const area = (a: AreaResult): SurveyJsonArea => ({ area: a.area, items: a.items, respondents: a.respondents, index: rf(a.index, 2), positiveShare: rf(a.positiveShare, 6) });

/**
 * The CLI's survey JSON.
 * @example surveyJson(table).indexLabel // 'index 0–10 (Skolenkäten-modell)'
 */
export function surveyJson(table: SurveyTable, settings: Settings = DEFAULT_SETTINGS): SurveyJson {
  const th = settings.suppressionThreshold;
  return {
    indexLabel: t(settings.lang, 'survey.indexLabel'),
    respondents: table.respondents.length,
    areas: areaResults(table, table.respondents, th).map(area),
    items: itemResults(table, th).map((i) => ({ ...i, index: rf(i.index, 2), positiveShare: rf(i.positiveShare, 6) })),
    groups: surveyGroups(table, settings).map((g) => ({ by: g.by, key: g.key, label: g.label, ...(g.parent ? { school: g.parent } : {}), respondents: g.respondents, areas: g.areas.map(area) })),
    problems: table.problems.map((p) => ({ cell: p.cell, value: p.value ?? null, message: p.message, code: p.code, severity: p.severity })),
  };
}

const isIndex = (v: unknown) => v === '..' || v === '.' || (typeof v === 'number' && v >= 0 && v <= 10);
const isShare = (v: unknown) => v === '..' || v === '.' || (typeof v === 'number' && v >= 0 && v <= 1);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

function checkAreas(areas: unknown, at: string, errs: string[]): void {
  if (!Array.isArray(areas)) return void errs.push(`${at}: not an array`);
  areas.forEach((a: Record<string, unknown>, i: number) => {
    const p = `${at}[${i}]`;
    if (!a || typeof a.area !== 'string') return void errs.push(`${p}.area`);
    if (!Array.isArray(a.items) || a.items.some((x) => typeof x !== 'string')) errs.push(`${p}.items`);
    if (!isCount(a.respondents)) errs.push(`${p}.respondents`);
    if (!isIndex(a.index)) errs.push(`${p}.index`);
    if (!isShare(a.positiveShare)) errs.push(`${p}.positiveShare`);
    // A shown figure under 10 respondents would break the suppression rule (threshold ≥ 1 always).
    if (typeof a.index === 'number' && a.respondents === 0) errs.push(`${p}.index without respondents`);
  });
}

/**
 * Checks an object against the survey JSON contract; returns the violations (empty = valid).
 * @example validateSurveyJson({ indexLabel: 'x', respondents: 0, areas: [], items: [], groups: [], problems: [] }) // []
 */
export function validateSurveyJson(obj: unknown): string[] {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return ['not an object'];
  const o = obj as Record<string, unknown>;
  const errs: string[] = [];
  if (typeof o.indexLabel !== 'string' || !o.indexLabel) errs.push('indexLabel');
  if (!isCount(o.respondents)) errs.push('respondents');
  checkAreas(o.areas, 'areas', errs);
  if (!Array.isArray(o.items)) errs.push('items: not an array');
  else o.items.forEach((it: Record<string, unknown>, i: number) => {
    if (!it || typeof it.item !== 'string') return void errs.push(`items[${i}].item`);
    if (typeof it.area !== 'string') errs.push(`items[${i}].area`);
    if (typeof it.reversed !== 'boolean') errs.push(`items[${i}].reversed`);
    for (const k of ['answered', 'dontKnow', 'blank']) if (!isCount(it[k])) errs.push(`items[${i}].${k}`);
    if (!isIndex(it.index)) errs.push(`items[${i}].index`);
    if (!isShare(it.positiveShare)) errs.push(`items[${i}].positiveShare`);
  });
  if (!Array.isArray(o.groups)) errs.push('groups: not an array');
  else o.groups.forEach((g: Record<string, unknown>, i: number) => {
    if (!g || !['all', 'school', 'class', 'gender', 'year'].includes(g.by as string)) return void errs.push(`groups[${i}].by`);
    if (typeof g.key !== 'string') errs.push(`groups[${i}].key`);
    if (!isCount(g.respondents)) errs.push(`groups[${i}].respondents`);
    checkAreas(g.areas, `groups[${i}].areas`, errs);
  });
  if (!Array.isArray(o.problems)) errs.push('problems: not an array');
  else o.problems.forEach((p: Record<string, unknown>, i: number) => {
    if (!p || typeof p.cell !== 'string' || !p.cell.includes('!')) errs.push(`problems[${i}].cell`);
    if (!p || typeof p.message !== 'string' || !p.message) errs.push(`problems[${i}].message`);
  });
  return errs;
}
