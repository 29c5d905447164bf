/**
 * Survey indices (domain §10): "index 0–10 (Skolenkäten-modell)" per area and andel positiva svar,
 * overall and per group, suppressed under 10 respondents.
 *
 * - Steps as worded map to 10, 6.67, 3.33, 0; reversed items are flipped (0 ↔ 10); "vet ej" and
 *   blanks are left out. [S/U: the old Skolenkäten technical report; current formula unconfirmed]
 * - Area index [D]: per respondent first (the mean of the area's items that respondent answered),
 *   then the mean over respondents, so every respondent weighs the same however many items they
 *   answered. A respondent counts for an area when they answered at least one of its items.
 * - Andel positiva svar [C: Kolada]: answers in the two positive steps (after flipping) / all answers
 *   on the scale, pooled over the area's items and respondents.
 */
import type { Figure, GroupKey, Settings } from '../types';
import { DEFAULT_SETTINGS } from '../types';
import { suppress } from '../stats';
import { splitWithSuppression } from '../attendance/groups';
import { t } from '../i18n';
import type { SurveyRespondent, SurveyTable } from './read';

/**
 * Index points of an answer code (0 = most positive step as worded … 3): 10, 6.67, 3.33, 0; a
 * reversed item is flipped. [S/U: Skolenkäten technical report, domain §10]
 * @example answerPoints(1, false) // 6.666…
 * @example answerPoints(0, true) // 0 ("Stämmer helt och hållet" on a negatively worded item)
 */
export function answerPoints(code: number, reversed: boolean): number {
  const k = reversed ? 3 - code : code;
  return ((3 - k) * 10) / 3;
}

export const SURVEY_INDEX_LABEL_KEY = 'survey.indexLabel';

export interface AreaResult {
  area: string;
  items: string[];
  /** Respondents with at least one answer on the scale in the area. */
  respondents: number;
  /** Answers on the scale (vet ej and blanks excluded). */
  answers: number;
  index: Figure;
  positiveShare: Figure;
}

export interface ItemResult {
  item: string;
  area: string;
  reversed: boolean;
  answered: number;
  dontKnow: number;
  blank: number;
  index: Figure;
  positiveShare: Figure;
}

export interface SurveyGroup {
  by: GroupKey['by'];
  key: string;
  label: string;
  parent?: string;
  respondents: number;
  areas: AreaResult[];
}

/** Areas in first-seen item order, with their item positions. */
function areasOf(table: SurveyTable): { area: string; idx: number[] }[] {
  const out: { area: string; idx: number[] }[] = [];
  table.items.forEach((it, i) => {
    let a = out.find((x) => x.area === it.area);
    if (!a) out.push((a = { area: it.area, idx: [] }));
    a.idx.push(i);
  });
  return out;
}

/**
 * Area results of a set of respondents. `hidden` (complementary suppression decided by the caller)
 * turns every figure into `..`.
 * Worked: two respondents on an area of F03 and F04 (reversed). R1: F03 "Stämmer helt och hållet"
 * (10), F04 "Stämmer inte alls" flipped (10) → 10. R2: F03 "Stämmer ganska dåligt" (3.33), F04
 * "Vet ej" (left out) → 3.33. Index (10 + 3.33) / 2 = 6.67; positive 2 of 3 answers.
 * @example areaResults(table, table.respondents, 1)[0].index // 6.666…
 */
export function areaResults(table: SurveyTable, respondents: readonly SurveyRespondent[], threshold: number, hidden = false): AreaResult[] {
  return areasOf(table).map(({ area, idx }) => {
    let n = 0;
    let sumIdx = 0;
    let answers = 0;
    let positive = 0;
    for (const r of respondents) {
      let s = 0;
      let k = 0;
      for (const i of idx) {
        const a = r.answers[i];
        if (a < 0) continue;
        const p = answerPoints(a, table.items[i].reversed);
        s += p;
        k++;
        if (p > 5) positive++;
      }
      if (k > 0) {
        n++;
        sumIdx += s / k;
        answers += k;
      }
    }
    const fig = (v: number | null): Figure => (hidden ? (n ? '..' : '.') : suppress(v, n, threshold));
    return {
      area, items: idx.map((i) => table.items[i].id), respondents: n, answers,
      index: fig(n ? sumIdx / n : null),
      positiveShare: fig(answers ? positive / answers : null),
    };
  });
}

/**
 * Per item: answers on the scale, vet ej, blanks, mean index points and positive share; suppressed
 * when fewer than `threshold` respondents answered the item.
 * @example itemResults(demoSurvey, 10)[0].answered // 428 (F01 in examples/elevenkat-2026.csv: 456 − 15 vet ej − 13 blank)
 */
export function itemResults(table: SurveyTable, threshold: number): ItemResult[] {
  return table.items.map((it, i) => {
    let answered = 0, dontKnow = 0, blank = 0, sum = 0, positive = 0;
    for (const r of table.respondents) {
      const a = r.answers[i];
      if (a === -1) dontKnow++;
      else if (a < 0) blank++;
      else {
        const p = answerPoints(a, it.reversed);
        answered++;
        sum += p;
        if (p > 5) positive++;
      }
    }
    return {
      item: it.id, area: it.area, reversed: it.reversed, answered, dontKnow, blank,
      index: suppress(answered ? sum / answered : null, answered, threshold),
      positiveShare: suppress(answered ? positive / answered : null, answered, threshold),
    };
  });
}

/**
 * Survey results per group: the whole file, gender, school, class within its school and grade
 * year. Each split is suppressed with complementary suppression on the respondents of the group;
 * each area figure also on the area's own respondents (< threshold → `..`). [C: SIRIS; D]
 * @example surveyGroups(demoSurvey, DEFAULT_SETTINGS)[0].areas[0].index // 6.63… (Trygghet, examples/elevenkat-2026.csv)
 */
export function surveyGroups(table: SurveyTable, settings: Settings = DEFAULT_SETTINGS): SurveyGroup[] {
  const th = settings.suppressionThreshold;
  const lang = settings.lang;
  const rs = table.respondents;
  const group = (by: GroupKey['by'], key: string, label: string, items: readonly SurveyRespondent[], hidden: boolean, parent?: string): SurveyGroup => ({
    by, key, label, ...(parent ? { parent } : {}), respondents: items.length, areas: areaResults(table, items, th, hidden),
  });
  const allHidden = rs.length < th;
  const out: SurveyGroup[] = [group('all', 'all', t(lang, 'common.total'), rs, false)];
  for (const p of splitWithSuppression(rs, (r) => r.gender, th, allHidden)) out.push(group('gender', p.key, t(lang, p.key === 'F' ? 'common.girls' : 'common.boys'), p.items, p.hidden));
  const schools = splitWithSuppression(rs, (r) => r.school, th, allHidden);
  for (const p of schools) out.push(group('school', p.key, p.key, p.items, p.hidden));
  for (const s of splitWithSuppression(rs, (r) => r.school ?? '', th, false)) {
    const schoolHidden = s.key === '' ? allHidden : schools.find((x) => x.key === s.key)?.hidden ?? false;
    for (const p of splitWithSuppression(s.items, (r) => r.className, th, schoolHidden)) out.push(group('class', p.key, p.key, p.items, p.hidden, s.key || undefined));
  }
  for (const p of splitWithSuppression(rs, (r) => (r.year === null ? null : String(r.year)), th, allHidden)) out.push(group('year', p.key, t(lang, 'survey.yearLabel', { year: p.key }), p.items, p.hidden));
  return out;
}
