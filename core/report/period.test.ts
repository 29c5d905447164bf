/** The period of a grade file comes from the data and its names, never from today's date. */
import { describe, expect, it } from 'vitest';
import { datumOf, findPeriod, parsePeriod, periodKey, periodLabel, periodOfDate, periodOrder } from './period';
import { buildReport } from './build';
import { DEFAULT_SETTINGS } from '../types';
import { readFileSync } from 'node:fs';

describe('parsePeriod', () => {
  it.each([
    ['Betyg VT2025', 'VT2025'],
    ['Betyg HT2024', 'HT2024'],
    ['betyg-ak9-vt2026.txt', 'VT2026'],
    ['vt 25', 'VT2025'],
    ['HT-2024', 'HT2024'],
    ['Vårterminen 2026', 'VT2026'],
    ['Höstterminen 2023', 'HT2023'],
    ['våren 2019', 'VT2019'],
    ['Spring term 2026', 'VT2026'],
    ['2019', 'VT2019'],
  ])('%s → %s', (text, key) => {
    expect(periodKey(parsePeriod(text)!)).toBe(key);
  });

  it('finds no term in words that merely contain the letters, nor in other numbers', () => {
    expect(parsePeriod('light 2024')).toBeNull();
    expect(parsePeriod('Betyg')).toBeNull();
    expect(parsePeriod('VT20255')).toBeNull();
    expect(parsePeriod('12345678')).toBeNull();
    // A bare year names a period only where a period is typed, not inside a sheet name.
    expect(parsePeriod('Betyg 2025', false)).toBeNull();
  });
});

describe('periodOfDate (SCB Datum)', () => {
  it('puts June in the spring term, October in the autumn term and January in the autumn before', () => {
    expect(periodKey(periodOfDate('2026-06-12')!)).toBe('VT2026');
    expect(periodKey(periodOfDate('2026-08-31')!)).toBe('VT2026');
    expect(periodKey(periodOfDate('2025-10-01')!)).toBe('HT2025');
    expect(periodKey(periodOfDate('2025-12-20')!)).toBe('HT2025');
    expect(periodKey(periodOfDate('2025-01-08')!)).toBe('HT2024');
    expect(periodOfDate('2025-13-01')).toBeNull();
    expect(periodOfDate('12 juni')).toBeNull();
  });

  it('reads Datum from a headerless SCB row (column 2) or a Datum column; most rows win', () => {
    expect(datumOf([['Edlevo', '2026-06-12', '25.2.1'], ['Edlevo', '2026-06-12'], ['Edlevo', '2026-06-13']])).toBe('2026-06-12');
    expect(datumOf([['Personnummer', 'Datum'], ['201007251422', '2025-06-10']])).toBe('2025-06-10');
    expect(datumOf([['Personnummer', 'Klass'], ['201007251422', '9A']])).toBeNull();
  });
});

describe('findPeriod', () => {
  const scb = [['Edlevo', '2026-06-12', '25.2.1', '201007251422', '12345678']];
  it('takes the option first, then the sheet name, then the file name, then Datum', () => {
    expect(findPeriod({ option: 'HT2025', sheet: 'Betyg VT2024', file: 'x-vt2023.xlsx', values: scb })).toMatchObject({ term: 'HT', year: 2025, from: 'option' });
    expect(findPeriod({ sheet: 'Betyg VT2024', file: 'x-vt2023.xlsx', values: scb })).toMatchObject({ term: 'VT', year: 2024, from: 'sheet' });
    expect(findPeriod({ sheet: 'Blad1', file: 'Betyg HT2023.xlsx', values: scb })).toMatchObject({ term: 'HT', year: 2023, from: 'file' });
    expect(findPeriod({ sheet: 'betyg', values: scb })).toMatchObject({ term: 'VT', year: 2026, from: 'datum', text: '2026-06-12' });
    expect(findPeriod({ sheet: 'betyg', values: [['Personnummer', 'Sv']] })).toBeNull();
  });

  it('orders periods in time and labels them in Swedish and English', () => {
    expect(periodOrder({ term: 'HT', year: 2025 })).toBeLessThan(periodOrder({ term: 'VT', year: 2026 }));
    expect(periodOrder({ term: 'VT', year: 2025 })).toBeLessThan(periodOrder({ term: 'HT', year: 2025 }));
    expect(periodLabel({ term: 'VT', year: 2026 }, 'sv')).toBe('Vårterminen 2026');
    expect(periodLabel({ term: 'HT', year: 2025 }, 'en')).toBe('Autumn term 2025');
  });
});

describe('the Nämndrapport period', () => {
  // The SCB example file says Datum 2026-06-12; the report is made in December 2026.
  const text = readFileSync(new URL('../../examples/betyg-ak9-vt2026.txt', import.meta.url), 'latin1');
  const values = text.split(/\r?\n/).filter(Boolean).map((l) => l.split(';'));
  const december = new Date('2026-12-03T12:00:00Z');
  const periodCell = (sheet: string, period?: string) => {
    const r = buildReport({ grades: { sheet, values }, period }, ['namndrapport'], DEFAULT_SETTINGS, december);
    return r.plan.sheets[0].blocks.find((b) => b.id === 'meta-period')!.values[0][1];
  };
  it('comes from the data, not from the date the report is made', () => {
    expect(periodCell('betyg-ak9')).toBe('Vårterminen 2026');
    expect(periodCell('Betyg HT2025')).toBe('Höstterminen 2025');
    expect(periodCell('Betyg HT2025', 'VT2024')).toBe('Vårterminen 2024');
  });
  it('says "Ej angiven" when nothing in the data names it', () => {
    const noDatum = values.map((r) => r.map((v, i) => (i === 1 ? '' : v)));
    const r = buildReport({ grades: { sheet: 'betyg', values: noDatum } }, ['namndrapport'], DEFAULT_SETTINGS, december);
    expect(r.plan.sheets[0].blocks.find((b) => b.id === 'meta-period')!.values[0][1]).toBe('Ej angiven');
  });
});
