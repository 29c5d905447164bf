/**
 * Refuse before writing, on the demo workbook (examples/skolanalys-demo.xlsx): the wrong-sheet
 * cases of issue 13 are refused with what the sheet looks like and which sheet to choose; the
 * right sheets pass.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readInput } from '../../cli/io';
import type { SheetData } from '../app';
import { DEFAULT_SETTINGS } from '../types';
import { t } from '../i18n';
import { checkReportInputs } from './readiness';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const NOW = new Date('2026-06-15T12:00:00Z');
const EN = { ...DEFAULT_SETTINGS, lang: 'en' as const };

let sheets: Map<string, SheetData>;
let all: SheetData[];
const sheet = (name: string): SheetData => {
  const s = sheets.get(name);
  if (!s) throw new Error(`demo workbook has no sheet ${name}`);
  return s;
};

beforeAll(async () => {
  const file = await readInput(`${examples}skolanalys-demo.xlsx`);
  all = file.sheets;
  sheets = new Map(all.map((s) => [s.sheet, s]));
});

describe('checkReportInputs on the demo workbook', () => {
  it('passes the right sheets for every report', () => {
    const inputs = { grades: sheet('Betyg VT2026'), tests: sheet('Nationella prov'), attendance: sheet('Frånvaro'), previous: sheet('Betyg VT2025'), survey: sheet('Elevenkät') };
    expect(checkReportInputs(inputs, ['namndrapport', 'elevlista', 'atgardslista', 'narvaro', 'progression'], DEFAULT_SETTINGS, NOW, all)).toEqual([]);
  });

  it('refuses Elevenkät as grades: it looks like a survey, and Betyg VT2026 is the sheet to choose', () => {
    const r = checkReportInputs({ grades: sheet('Elevenkät') }, ['namndrapport'], DEFAULT_SETTINGS, NOW, all);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ input: 'grades', sheet: 'Elevenkät', found: 'survey', key: 'report.refuse.grades', suggest: 'Betyg VT2026' });
    expect(r[0].message).toBe('Rapporten skapades inte: Elevenkät har inga elever med betyg – bladet ser ut som en elevenkät. Välj Betyg VT2026 som betyg i stället.');
    expect(t('sv', r[0].key, r[0].params)).toBe(r[0].message);
  });

  it('refuses a survey chosen as Frånvaro, and names Frånvaro', () => {
    const r = checkReportInputs({ grades: sheet('Betyg VT2026'), attendance: sheet('Elevenkät') }, ['narvaro'], DEFAULT_SETTINGS, NOW, all);
    expect(r.map((x) => [x.input, x.found, x.suggest])).toEqual([['attendance', 'survey', 'Frånvaro']]);
    expect(r[0].message).toBe('Rapporten skapades inte: Elevenkät har inga elever med frånvarotid – bladet ser ut som en elevenkät. Välj Frånvaro som frånvaro i stället.');
  });

  it('refuses the notes sheet as Tidigare termin: no pupil matches, it looks like notes; Betyg VT2025 fits', () => {
    const r = checkReportInputs({ grades: sheet('Betyg VT2026'), previous: sheet('Läs mig') }, ['progression'], DEFAULT_SETTINGS, NOW, all);
    expect(r.map((x) => [x.input, x.sheet, x.found, x.suggest])).toEqual([['previous', 'Läs mig', 'notes', 'Betyg VT2025']]);
    expect(r[0].message).toBe('Rapporten skapades inte: ingen elev i Läs mig finns i Betyg VT2026 – bladet ser ut som anteckningar (text). Välj Betyg VT2025 som tidigare termin i stället.');
  });

  it('refuses national tests without results and an empty sheet, in English when asked', () => {
    const empty: SheetData = { sheet: 'Blad1', values: [[null, ''], []] };
    const r = checkReportInputs({ grades: sheet('Betyg VT2026'), tests: empty }, ['namndrapport'], EN, NOW, all);
    expect(r.map((x) => [x.input, x.found, x.suggest])).toEqual([['tests', 'empty', 'Nationella prov']]);
    expect(r[0].message).toBe('No report was made: Blad1 has no test results – the sheet is empty. Choose Nationella prov as national tests instead.');
  });

  it('says what is missing for Närvaro and Progression without their sheets', () => {
    const r = checkReportInputs({ grades: sheet('Betyg VT2026') }, ['narvaro', 'progression'], DEFAULT_SETTINGS, NOW, all);
    expect(r.map((x) => [x.input, x.found, x.suggest])).toEqual([['previous', 'missing', 'Betyg VT2025'], ['attendance', 'missing', 'Frånvaro']]);
    expect(r[1].message).toBe('Närvaro behöver ett frånvaroblad. Välj ett under Frånvaro. Välj Frånvaro som frånvaro i stället.');
  });

  it('without other sheets it asks for a sheet of the right kind', () => {
    const r = checkReportInputs({ grades: sheet('Enkätfrågor') }, ['elevlista'], DEFAULT_SETTINGS, NOW);
    // Enkätfrågor: four columns of question text, no pupils: not prose (rows of 4 cells), not a known table.
    expect(r.map((x) => [x.found, x.suggest])).toEqual([['unknown', undefined]]);
    expect(r[0].message).toBe('Rapporten skapades inte: Enkätfrågor har inga elever med betyg – bladet går inte att känna igen. Välj ett blad med betyg i stället.');
  });

  it('a grade sheet whose pupils have no grades is refused as such', () => {
    const g = sheet('Betyg VT2025');
    // Keep the header and the first pupil's name columns, blank every subject cell (columns E on).
    const values = g.values.slice(0, 2).map((row, i) => (i === 0 ? row : row.map((v, c) => (c < 4 ? v : null))));
    const r = checkReportInputs({ grades: { sheet: 'Tom', values } }, ['namndrapport'], DEFAULT_SETTINGS, NOW);
    expect(r.map((x) => [x.input, x.found])).toEqual([['grades', 'grades']]);
    expect(r[0].message).toContain('bladet har elever men inga betyg');
  });

  it('finds the graded pupils of a long sheet whose first 64 rows hold none, and refuses one that has none at all', () => {
    const g = sheet('Betyg VT2026').values;
    const header = g.findIndex((row) => row.includes('Personnummer'));
    const blank = (row: (typeof g)[number]) => row.map((v, c) => (c < 5 ? v : null));
    // Header, then 100 pupils without grades, then the real pupils: the first 64 rows show no grade.
    const late = [...g.slice(0, header + 1), ...g.slice(header + 1, header + 101).map(blank), ...g.slice(header + 101)];
    expect(checkReportInputs({ grades: { sheet: 'Sent', values: late } }, ['namndrapport'], DEFAULT_SETTINGS, NOW)).toEqual([]);
    const none = [...g.slice(0, header + 1), ...g.slice(header + 1).map(blank)];
    expect(checkReportInputs({ grades: { sheet: 'Inga', values: none } }, ['namndrapport'], DEFAULT_SETTINGS, NOW).map((x) => x.found)).toEqual(['grades']);
  });

  it('refuses the national tests as an earlier term: their pupils match but hold no grades', () => {
    const r = checkReportInputs({ grades: sheet('Betyg VT2026'), previous: sheet('Nationella prov') }, ['progression'], DEFAULT_SETTINGS, NOW, all);
    expect(r.map((x) => [x.input, x.found, x.suggest])).toEqual([['previous', 'tests', 'Betyg VT2025']]);
  });

  it('never refuses the problem list alone', () => {
    expect(checkReportInputs({ grades: sheet('Läs mig') }, ['kontroll'], DEFAULT_SETTINGS, NOW)).toEqual([]);
  });

  it('runs its JSDoc example as written', () => {
    const r = checkReportInputs({ grades: { sheet: 'Läs mig', values: [['Min arbetsbok'], ['Ändra inte i bladen.']] } }, ['namndrapport'], DEFAULT_SETTINGS, new Date('2026-06-15'));
    expect(r[0].message).toBe('Rapporten skapades inte: Läs mig har inga elever med betyg – bladet ser ut som anteckningar (text). Välj ett blad med betyg i stället.');
  });
});
