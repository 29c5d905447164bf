/**
 * Reads a pupil survey (elevenkät, domain §10): one row per respondent (wide: one column per item)
 * or one row per answer (long: respondent, item, answer). Items map to areas from a questions sheet
 * (`Fråga;Text;Område;Omvänd`), an explicit mapping, or the default mapping below.
 */
import type { SheetData } from '../app';
import type { CellValue, Gender, Lang, Problem } from '../types';
import { cellText, findHeaderRow, isBlankRow, normalizeHeader } from '../table/header';
import { cellAddress } from '../table/address';
import { parseGenderValue, parseYesNo } from '../table/aliases';
import { t } from '../i18n';

/** One survey item (question) and the area it belongs to. */
export interface SurveyItem {
  id: string;
  text?: string;
  area: string;
  /** Negatively worded: "Stämmer helt och hållet" is the least positive answer. */
  reversed: boolean;
}

/** Item → area mapping a user can edit. */
export type SurveyMapping = Record<string, { area: string; reversed?: boolean; text?: string }>;

/**
 * Answers: 0 = most positive step as worded ("Stämmer helt och hållet") … 3 = "Stämmer inte alls";
 * DONT_KNOW = "Vet ej"; BLANK = no answer (also for a cell that was rejected as a problem).
 */
export const DONT_KNOW = -1;
export const BLANK = -2;

export interface SurveyRespondent {
  /** 1-based sheet row of the respondent (first row in a long layout). */
  row: number;
  school: string | null;
  className: string | null;
  gender: Gender;
  year: number | null;
  /** One code per item of `SurveyTable.items`, in that order (as worded: not yet flipped). */
  answers: Int8Array;
}

export interface SurveyTable {
  sheet: string;
  layout: 'wide' | 'long';
  headerRow: number | null;
  items: SurveyItem[];
  respondents: SurveyRespondent[];
  problems: Problem[];
}

/**
 * The default item → area mapping when no questions sheet is given [D]: twelve items F01–F12 in five
 * areas after Skolinspektionen's Skolenkäten themes, F04 and F07 negatively worded. A user's mapping
 * or questions sheet replaces it.
 */
export const DEFAULT_SURVEY_MAPPING: SurveyMapping = {
  F01: { area: 'Trygghet' }, F02: { area: 'Trygghet' },
  F03: { area: 'Studiero' }, F04: { area: 'Studiero', reversed: true }, F05: { area: 'Studiero' },
  F06: { area: 'Stimulans' }, F07: { area: 'Stimulans', reversed: true }, F08: { area: 'Stimulans' },
  F09: { area: 'Stöd' }, F10: { area: 'Stöd' },
  F11: { area: 'Bemötande' }, F12: { area: 'Bemötande' },
};

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’']/g, '').replace(/\s+/g, ' ').trim();

const ANSWERS: Record<string, number> = {};
const put = (code: number, names: string[]) => names.forEach((n) => (ANSWERS[fold(n)] = code));
put(0, ['Stämmer helt och hållet', 'Stämmer helt', 'Instämmer helt', 'Helt och hållet', 'Strongly agree', 'Completely true', 'Fully agree']);
put(1, ['Stämmer ganska bra', 'Instämmer delvis', 'Ganska bra', 'Agree', 'Mostly true', 'Somewhat agree']);
put(2, ['Stämmer ganska dåligt', 'Ganska dåligt', 'Instämmer knappast', 'Disagree', 'Mostly untrue', 'Somewhat disagree']);
put(3, ['Stämmer inte alls', 'Inte alls', 'Instämmer inte alls', 'Strongly disagree', 'Not true at all']);
put(DONT_KNOW, ['Vet ej', 'Vet inte', 'Ingen åsikt', "Don't know", 'Do not know']);

/**
 * An answer cell's code: 0 (most positive step as worded) … 3, DONT_KNOW, BLANK, or null when it is
 * no answer of the scale. Numbers are not accepted: whether 1 is the best or the worst step differs
 * between surveys, so it is never guessed.
 * @example surveyAnswer('Stämmer ganska bra') // 1
 * @example surveyAnswer('vet ej') // -1
 * @example surveyAnswer(4) // null
 */
export function surveyAnswer(value: CellValue): number | null {
  if (typeof value === 'number') return null;
  const k = fold(cellText(value));
  if (k === '') return BLANK;
  const c = ANSWERS[k];
  return c === undefined ? null : c;
}

type MetaRole = 'school' | 'class' | 'gender' | 'year' | 'respondent' | 'item' | 'answer';
const META: Record<string, MetaRole> = {};
const meta = (role: MetaRole, names: string[]) => names.forEach((n) => (META[normalizeHeader(n)] = role));
meta('school', ['Skola', 'Skolenhet', 'School']);
meta('class', ['Klass', 'Class']);
meta('gender', ['Kön', 'Gender', 'Sex']);
meta('year', ['Årskurs', 'Åk', 'Year', 'Grade']);
meta('respondent', ['Respondent', 'Svarande', 'Respondent-id', 'Svars-id', 'Id', 'Elev-id', 'Response id']);
meta('item', ['Fråga', 'Frågenummer', 'Fråga nr', 'Item', 'Question', 'Påstående']);
meta('answer', ['Svar', 'Answer', 'Response', 'Svarsalternativ']);

// Genders a survey may offer besides Flicka/Pojke: unknown for statistics, not a problem.
const OTHER_GENDER = new Set(['annat', 'vill ej svara', 'vill inte svara', 'ej svar', 'other', 'prefer not to say', 'icke-binar', 'ickebinar', 'vet ej']);

/**
 * Item → area mapping from a questions sheet with the columns Fråga, Text, Område, Omvänd
 * (`ja` = reversed). Problems for rows without an area or with an unreadable Omvänd.
 * @example readSurveyQuestions({ sheet: 'Frågor', values: [['Fråga', 'Text', 'Område', 'Omvänd'], ['F04', 'Det är stökigt', 'Studiero', 'ja']] }).mapping.F04 // { area: 'Studiero', reversed: true, text: 'Det är stökigt' }
 */
export function readSurveyQuestions(data: SheetData, lang: Lang = 'sv'): { mapping: SurveyMapping; problems: Problem[] } {
  const problems: Problem[] = [];
  const r0 = data.origin?.row ?? 0;
  const c0 = data.origin?.col ?? 0;
  const roles: Record<string, string> = {};
  for (const n of ['Fråga', 'Item', 'Question', 'Frågenummer', 'Id']) roles[normalizeHeader(n)] = 'item';
  for (const n of ['Text', 'Frågetext', 'Påstående', 'Question text']) roles[normalizeHeader(n)] = 'text';
  for (const n of ['Område', 'Index', 'Area', 'Tema', 'Theme']) roles[normalizeHeader(n)] = 'area';
  for (const n of ['Omvänd', 'Omvänd skala', 'Negativt formulerad', 'Reversed', 'Reverse']) roles[normalizeHeader(n)] = 'reversed';
  const hdr = findHeaderRow(data.values, (h) => h in roles, { minScore: 2 });
  const mapping: SurveyMapping = {};
  const problem = (r: number, c: number, value: unknown, code: string, params: Record<string, string | number> = {}) =>
    problems.push({ cell: cellAddress(data.sheet, r0 + r, c0 + c), value: value ?? null, message: t(lang, code, { value: cellText(value as CellValue), ...params }), code, severity: 'error' });
  if (!hdr) {
    problem(0, 0, data.values[0]?.[0], 'survey.noQuestionsHeader');
    return { mapping, problems };
  }
  const col: Record<string, number> = {};
  data.values[hdr.row].forEach((v, i) => {
    const role = roles[normalizeHeader(cellText(v))];
    if (role && col[role] === undefined) col[role] = i;
  });
  if (col.item === undefined || col.area === undefined) {
    problem(hdr.row, 0, null, 'survey.missingColumn', { column: col.item === undefined ? 'Fråga' : 'Område' });
    return { mapping, problems };
  }
  for (let r = hdr.row + 1; r < data.values.length; r++) {
    const row = data.values[r];
    if (isBlankRow(row)) continue;
    const id = cellText(row[col.item]);
    const area = cellText(row[col.area]);
    if (!id) {
      problem(r, col.item, row[col.item], 'survey.noItemId');
      continue;
    }
    if (!area) {
      problem(r, col.area, row[col.area], 'survey.noArea', { item: id });
      continue;
    }
    let reversed = false;
    if (col.reversed !== undefined) {
      const yn = parseYesNo(row[col.reversed]);
      if (yn === undefined) problem(r, col.reversed, row[col.reversed], 'survey.badReversed');
      else reversed = yn;
    }
    const text = col.text !== undefined ? cellText(row[col.text]) : '';
    mapping[id] = { area, reversed, ...(text ? { text } : {}) };
  }
  return { mapping, problems };
}

export interface ReadSurveyOptions {
  /** A questions sheet (Fråga, Text, Område, Omvänd); used when no `mapping` is given. */
  questions?: SheetData;
  /** An explicit item → area mapping; wins over the questions sheet. */
  mapping?: SurveyMapping;
  lang?: Lang;
}

const ITEM_LIKE = /^[a-z]{0,3}\s?\d{1,3}[a-z]?$/;

/**
 * Reads survey answers, wide (one row per respondent, one column per item) or long (respondent,
 * item, answer per row). Unknown answers, genders and items without an area are problems with
 * their addresses; a rejected answer counts as not answered.
 * @example readSurvey({ sheet: 'Enkät', values: [['Skola', 'Klass', 'F01'], ['Norr', '9A', 'Stämmer helt och hållet']] }).respondents[0].answers[0] // 0
 */
export function readSurvey(data: SheetData, options: ReadSurveyOptions = {}): SurveyTable {
  const lang = options.lang ?? 'sv';
  const problems: Problem[] = [];
  const r0 = data.origin?.row ?? 0;
  const c0 = data.origin?.col ?? 0;
  const problem = (r: number, c: number, value: unknown, code: string, severity: Problem['severity'], params: Record<string, string | number> = {}) =>
    problems.push({ cell: cellAddress(data.sheet, r0 + r, c0 + c), value: value ?? null, message: t(lang, code, { value: cellText(value as CellValue), ...params }), code, severity });
  let mapping = options.mapping;
  if (!mapping && options.questions) {
    const q = readSurveyQuestions(options.questions, lang);
    problems.push(...q.problems);
    if (Object.keys(q.mapping).length) mapping = q.mapping;
  }
  mapping ??= DEFAULT_SURVEY_MAPPING;
  const known = new Map(Object.keys(mapping).map((k) => [normalizeHeader(k), k]));
  const grid = data.values;
  const hdr = findHeaderRow(grid, (h) => h in META || known.has(h), { minScore: 2 });
  if (!hdr) {
    problem(0, 0, grid[0]?.[0], 'survey.noHeader', 'error');
    return { sheet: data.sheet, layout: 'wide', headerRow: null, items: [], respondents: [], problems };
  }
  const hr = hdr.row;
  const metaCol: Partial<Record<MetaRole, number>> = {};
  const itemCols: { col: number; id: string }[] = [];
  grid[hr].forEach((v, i) => {
    const text = cellText(v);
    const h = normalizeHeader(text);
    const m = META[h];
    if (m && metaCol[m] === undefined) metaCol[m] = i;
    else if (known.has(h)) itemCols.push({ col: i, id: known.get(h)! });
    else if (h && ITEM_LIKE.test(h)) itemCols.push({ col: i, id: text });
  });
  const long = metaCol.item !== undefined && metaCol.answer !== undefined;
  const itemIds: string[] = [];
  const itemIndex = new Map<string, number>();
  const itemOf = (id: string, r: number, c: number): number => {
    const key = normalizeHeader(id);
    let i = itemIndex.get(key);
    if (i === undefined) {
      i = itemIds.length;
      const canon = known.get(key) ?? id;
      itemIds.push(canon);
      itemIndex.set(key, i);
      if (!mapping![canon]) problem(r, c, id, 'survey.unmappedItem', 'warning', { item: canon });
    }
    return i;
  };
  if (!long) for (const ic of itemCols) itemOf(ic.id, hr, ic.col);

  type Resp = { row: number; school: string | null; className: string | null; gender: Gender; year: number | null; answers: number[] };
  const resp: Resp[] = [];
  const byRespondent = new Map<string, Resp>();
  const metaOf = (row: readonly CellValue[], r: number): Omit<Resp, 'answers' | 'row'> => {
    const cls = metaCol.class !== undefined ? cellText(row[metaCol.class]) || null : null;
    let gender: Gender = null;
    if (metaCol.gender !== undefined) {
      const gv = row[metaCol.gender];
      const g = parseGenderValue(gv);
      if (g === undefined) {
        if (!OTHER_GENDER.has(fold(cellText(gv)))) problem(r, metaCol.gender, gv, 'survey.badGender', 'warning');
      } else gender = g;
    }
    let year: number | null = null;
    if (metaCol.year !== undefined) {
      const y = Number(cellText(row[metaCol.year]));
      if (cellText(row[metaCol.year]) && Number.isInteger(y)) year = y;
    }
    if (year === null && cls) {
      const m = /^\s*(\d{1,2})/.exec(cls);
      if (m) year = Number(m[1]);
    }
    return { school: metaCol.school !== undefined ? cellText(row[metaCol.school]) || null : null, className: cls, gender, year };
  };
  const code = (v: CellValue, r: number, c: number): number => {
    const a = surveyAnswer(v);
    if (a === null) {
      problem(r, c, v, 'survey.badAnswer', 'error');
      return BLANK;
    }
    return a;
  };
  if (long && metaCol.respondent === undefined) {
    problem(hr, 0, null, 'survey.missingColumn', 'error', { column: 'Respondent' });
    return { sheet: data.sheet, layout: 'long', headerRow: r0 + hr + 1, items: [], respondents: [], problems };
  }
  for (let r = hr + 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    if (long) {
      const rid = cellText(row[metaCol.respondent!]);
      if (!rid) {
        problem(r, metaCol.respondent!, row[metaCol.respondent!], 'survey.noRespondent', 'error');
        continue;
      }
      const itemText = cellText(row[metaCol.item!]);
      if (!itemText) {
        problem(r, metaCol.item!, row[metaCol.item!], 'survey.noItemId', 'error');
        continue;
      }
      let x = byRespondent.get(rid);
      if (!x) {
        x = { row: r0 + r + 1, ...metaOf(row, r), answers: [] };
        byRespondent.set(rid, x);
        resp.push(x);
      }
      const i = itemOf(itemText, r, metaCol.item!);
      const a = code(row[metaCol.answer!], r, metaCol.answer!);
      if (x.answers[i] !== undefined && x.answers[i] !== BLANK && a !== BLANK && x.answers[i] !== a) {
        problem(r, metaCol.answer!, row[metaCol.answer!], 'survey.conflictingAnswer', 'error', { item: itemIds[i] });
        x.answers[i] = BLANK;
      } else if (x.answers[i] === undefined || x.answers[i] === BLANK) x.answers[i] = a;
    } else {
      resp.push({ row: r0 + r + 1, ...metaOf(row, r), answers: itemCols.map((ic) => code(row[ic.col], r, ic.col)) });
    }
  }
  const items: SurveyItem[] = itemIds.map((id) => {
    const m = mapping![id];
    return m ? { id, area: m.area, reversed: m.reversed === true, ...(m.text ? { text: m.text } : {}) } : { id, area: t(lang, 'survey.otherArea'), reversed: false };
  });
  const respondents: SurveyRespondent[] = resp.map((x) => {
    const answers = new Int8Array(items.length).fill(BLANK);
    x.answers.forEach((a, i) => {
      if (a !== undefined) answers[i] = a;
    });
    return { row: x.row, school: x.school, className: x.className, gender: x.gender, year: x.year, answers };
  });
  return { sheet: data.sheet, layout: long ? 'long' : 'wide', headerRow: r0 + hr + 1, items, respondents, problems };
}
