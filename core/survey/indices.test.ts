import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS } from '../types';
import { decodeText, parseDelimited } from '../table/text';
import { BLANK, DONT_KNOW, readSurvey, readSurveyQuestions, surveyAnswer } from './read';
import { answerPoints, areaResults, itemResults, surveyGroups } from './indices';
import { surveyJson, validateSurveyJson } from './json';

const HELT = 'Stämmer helt och hållet', BRA = 'Stämmer ganska bra', DALIGT = 'Stämmer ganska dåligt', INTE = 'Stämmer inte alls';
const questions = {
  sheet: 'Frågor',
  values: [
    ['Fråga', 'Text', 'Område', 'Omvänd'],
    ['F01', 'Jag känner mig trygg.', 'Trygghet', 'nej'],
    ['F03', 'Jag har arbetsro.', 'Studiero', 'nej'],
    ['F04', 'Det är ofta stökigt.', 'Studiero', 'ja'],
  ],
};
const one = (rows: string[][], threshold = 1) => {
  const table = readSurvey({ sheet: 'Enkät', values: [['Skola', 'Klass', 'Kön', 'Årskurs', 'F01', 'F03', 'F04'], ...rows] }, { questions });
  return { table, areas: areaResults(table, table.respondents, threshold) };
};

describe('answers and points', () => {
  it('maps the four steps to 10, 6.67, 3.33, 0 and flips reversed items', () => {
    expect([HELT, BRA, DALIGT, INTE].map((a) => answerPoints(surveyAnswer(a)!, false))).toEqual([10, 20 / 3, 10 / 3, 0]);
    expect([HELT, BRA, DALIGT, INTE].map((a) => answerPoints(surveyAnswer(a)!, true))).toEqual([0, 10 / 3, 20 / 3, 10]);
    expect(surveyAnswer('VET EJ')).toBe(DONT_KNOW);
    expect(surveyAnswer('')).toBe(BLANK);
    expect(surveyAnswer(2)).toBeNull(); // a number is never guessed onto the scale
    expect(surveyAnswer('Ja')).toBeNull();
  });
  it('reads the questions sheet', () => {
    const q = readSurveyQuestions(questions);
    expect(q.mapping.F04).toEqual({ area: 'Studiero', reversed: true, text: 'Det är ofta stökigt.' });
    expect(q.problems).toEqual([]);
  });
});

describe('area index 0–10 and positive share', () => {
  const { table, areas } = one([
    ['Norr', '9A', 'Flicka', '9', HELT, HELT, INTE], // Trygghet 10; Studiero (10 + flipped 10) / 2 = 10
    ['Norr', '9A', 'Pojke', '9', BRA, DALIGT, 'Vet ej'], // Trygghet 6.67; Studiero 3.33 (vet ej left out)
    ['Norr', '9A', 'Annat', '9', '', INTE, HELT], // Trygghet: no answer; Studiero (0 + flipped 0) / 2 = 0
  ]);
  it('excludes vet ej and blanks, flips the reversed item, averages per respondent first', () => {
    const [trygghet, studiero] = areas;
    expect(trygghet.area).toBe('Trygghet');
    expect(trygghet.respondents).toBe(2); // R3 left Trygghet blank
    expect(trygghet.index).toBeCloseTo((10 + 20 / 3) / 2, 12); // 8.33
    expect(trygghet.positiveShare).toBe(1); // 2 of 2
    expect(studiero.items).toEqual(['F03', 'F04']);
    expect(studiero.respondents).toBe(3);
    // Per respondent: 10, 3.33, 0 → (10 + 3.333 + 0) / 3 = 4.444 (pooled over answers it would be 23.33 / 5 = 4.67).
    expect(studiero.index).toBeCloseTo((10 + 10 / 3 + 0) / 3, 12);
    // Positive after flipping: R1 F03 and R1 F04 → 2 of 5 answers on the scale.
    expect(studiero.positiveShare).toBe(0.4);
    expect(studiero.answers).toBe(5);
  });
  it('counts per item', () => {
    const f04 = itemResults(table, 1)[2];
    expect(f04).toMatchObject({ item: 'F04', reversed: true, answered: 2, dontKnow: 1, blank: 0, index: 5, positiveShare: 0.5 }); // (10 + 0) / 2
  });
  it('takes "Annat" as unknown gender without a problem', () => {
    expect(table.respondents.map((r) => r.gender)).toEqual(['F', 'M', null]);
    expect(table.problems).toEqual([]);
  });
});

describe('problems and layouts', () => {
  it('lists an unknown answer with its address and leaves it out', () => {
    const { table, areas } = one([['Norr', '9A', 'Flicka', '9', 'Ja', HELT, HELT]]);
    expect(table.problems.map((p) => [p.cell, p.code])).toEqual([['Enkät!E2', 'survey.badAnswer']]);
    expect(areas[0].respondents).toBe(0);
    expect(areas[0].index).toBe('.');
  });
  it('reads the long layout', () => {
    const t = readSurvey({ sheet: 'Lång', values: [
      ['Respondent', 'Skola', 'Klass', 'Fråga', 'Svar'],
      ['1', 'Norr', '9A', 'F01', HELT],
      ['1', 'Norr', '9A', 'F04', INTE],
      ['2', 'Norr', '9A', 'F01', INTE],
      ['2', 'Norr', '9A', 'F01', HELT], // a second, different answer to F01: a problem, neither used
    ] }, { questions });
    expect(t.layout).toBe('long');
    expect(t.respondents).toHaveLength(2);
    expect(t.problems.map((p) => [p.cell, p.code])).toEqual([['Lång!E5', 'survey.conflictingAnswer']]);
    const a = areaResults(t, t.respondents, 1);
    expect(a.map((x) => [x.area, x.index])).toEqual([['Trygghet', 10], ['Studiero', 10]]); // R1 F04 "inte alls" flipped = 10
  });
  it('uses the default mapping without a questions sheet and flags unknown items', () => {
    const t = readSurvey({ sheet: 'E', values: [['Klass', 'F04', 'F99'], ['9A', HELT, BRA]] });
    expect(t.items.map((i) => [i.id, i.area, i.reversed])).toEqual([['F04', 'Studiero', true], ['F99', 'Övriga frågor', false]]);
    expect(t.problems.map((p) => [p.cell, p.code])).toEqual([['E!C1', 'survey.unmappedItem']]);
  });
});

describe('suppression (< 10 respondents)', () => {
  const rows: string[][] = [];
  // 9A: 12 respondents, 9B: 9 respondents. Only 8 of 9A answer Trygghet (F01).
  for (let i = 0; i < 12; i++) rows.push(['Norr', '9A', i % 2 ? 'Flicka' : 'Pojke', '9', i < 8 ? HELT : '', BRA, DALIGT]);
  for (let i = 0; i < 9; i++) rows.push(['Norr', '9B', 'Flicka', '9', BRA, BRA, DALIGT]);
  const { table } = one(rows);
  const groups = surveyGroups(table, DEFAULT_SETTINGS);
  const get = (by: string, key: string) => groups.find((g) => g.by === by && g.key === key)!;
  it('shows the total, hides the small class and, complementarily, the other class', () => {
    expect(get('all', 'all').respondents).toBe(21);
    expect(get('all', 'all').areas[1].index).toBeCloseTo(20 / 3, 12); // every respondent: (F03 bra 6.67 + F04 dåligt flipped 6.67) / 2
    expect(get('class', '9B').areas[1].index).toBe('..'); // 9 < 10
    expect(get('class', '9A').areas[1].index).toBe('..'); // else total − 9A reveals 9B
  });
  it('suppresses an area answered by fewer than 10 in a shown group', () => {
    // Girls: 6 in 9A + 9 in 9B = 15; boys 6 < 10 → boys hidden, girls hidden too (complementary).
    expect(get('gender', 'M').areas[0].index).toBe('..');
    expect(get('gender', 'F').areas[0].index).toBe('..');
    // Year 9 = everyone (21) is shown; Trygghet answered by 8 + 9 = 17 ≥ 10 → shown.
    expect(typeof get('year', '9').areas[0].index).toBe('number');
    const small = surveyGroups({ ...table, respondents: table.respondents.slice(0, 12) }, DEFAULT_SETTINGS)[0];
    expect(small.respondents).toBe(12);
    expect(small.areas[0].respondents).toBe(8);
    expect(small.areas[0].index).toBe('..'); // 8 answered Trygghet < 10
    expect(small.areas[1].index).not.toBe('..');
  });
});

describe('the demo survey and JSON', () => {
  const read = (f: string) => ({ sheet: f, values: parseDelimited(decodeText(new Uint8Array(readFileSync(new URL(`../../examples/${f}`, import.meta.url)))).text) });
  const table = readSurvey(read('elevenkat-2026.csv'), { questions: read('elevenkat-fragor.csv') });
  it('reads every respondent and the five areas', () => {
    expect(table.respondents).toHaveLength(456); // 457 lines − header
    expect(table.items).toHaveLength(12);
    expect(table.items.filter((i) => i.reversed).map((i) => i.id)).toEqual(['F04', 'F07']);
    expect(table.problems).toEqual([]);
    // F01 column of the file: 456 answers − 15 "Vet ej" − 13 blank = 428 on the scale (counted with cut | uniq -c).
    expect(itemResults(table, 10)[0]).toMatchObject({ item: 'F01', answered: 428, dontKnow: 15, blank: 13 });
  });
  it('produces valid JSON', () => {
    const j = surveyJson(table);
    expect(j.indexLabel).toBe('index 0–10 (Skolenkäten-modell)');
    expect(j.areas.map((a) => a.area)).toEqual(['Trygghet', 'Studiero', 'Stimulans', 'Stöd', 'Bemötande']);
    expect(validateSurveyJson(JSON.parse(JSON.stringify(j)))).toEqual([]);
    const broken = JSON.parse(JSON.stringify(j));
    broken.areas[0].index = 11;
    broken.groups[0].areas[0].positiveShare = -0.1;
    expect(validateSurveyJson(broken)).toEqual(['areas[0].index', 'groups[0].areas[0].positiveShare']);
  });
});
