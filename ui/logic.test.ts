import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/types';
import type { Problem } from '../core/types';
import {
  figureCount, formToSettings, formulaAtRow, formulaForHost, functionNameForHost, inputSheets, mappingKey, mergeSettings, parseNumber,
  ownSheetNames, problemLabel, readRange, reportInputs, roleOptions, roleToValue, settingsToForm, summarizeProblems, uniqueProblems, valueToRole, withOverride,
} from './logic';
import { FUNCTIONS } from '../core/functions/catalog';

describe('formulas per host', () => {
  it('keeps SKOLA. for Excel and writes SKOLA_ for Sheets', () => {
    const f = '=SKOLA.MERITVARDE(C2:S2; $C$1:$S$1; 17)';
    expect(formulaForHost(f, 'excel')).toBe(f);
    expect(formulaForHost(f, 'sheets')).toBe('=SKOLA_MERITVARDE(C2:S2; $C$1:$S$1; 17)');
    // Both calls of a nested formula change; a sheet name that happens to read SKOLA does not.
    expect(formulaForHost('=SKOLA.FRANVARONIVA(SKOLA.FRANVARO(A1; B1))', 'sheets')).toBe('=SKOLA_FRANVARONIVA(SKOLA_FRANVARO(A1; B1))');
    expect(functionNameForHost('KON', 'sheets')).toBe('SKOLA_KON');
    expect(functionNameForHost('KON', 'memory')).toBe('SKOLA.KON');
  });
});

describe('column roles', () => {
  it('round-trips every kind of role through the option value', () => {
    expect(valueToRole(roleToValue({ role: 'subject', subject: 'M2', language: 'SPA' }), 'M2 SPA')).toEqual({ role: 'subject', subject: 'M2', language: 'SPA' });
    expect(valueToRole(roleToValue({ role: 'language', subject: 'ML' }), '')).toEqual({ role: 'language', subject: 'ML' });
    expect(valueToRole(roleToValue({ role: 'class' }), 'Klass')).toEqual({ role: 'class' });
    expect(valueToRole(roleToValue(null), 'x')).toBeNull();
    expect(valueToRole('other', 'Mentor')).toEqual({ role: 'other', name: 'Mentor' });
    expect(valueToRole('nonsense', 'x')).toBeNull();
  });
  it('offers the current value even when it is not a standard option', () => {
    expect(roleOptions('subject:M2:SPA')).toContain('subject:M2:SPA');
    expect(roleOptions('class').filter((v) => v === 'class')).toHaveLength(1);
  });
  it('keys overrides by header, or by letter when there is none', () => {
    expect(mappingKey({ header: ' Klass ', letter: 'C' })).toBe('Klass');
    expect(mappingKey({ header: '', letter: 'F' })).toBe('F');
    const m = withOverride({}, { index: 5, letter: 'F', header: 'Sl', mapping: null }, 'subject:Sl');
    expect(m).toEqual({ Sl: { role: 'subject', subject: 'Sl' } });
  });
});

describe('sheets offered as input', () => {
  it('leaves out the sheets Skolanalys wrote', () => {
    expect(inputSheets([{ name: 'Betyg', generated: false }, { name: 'Nämndrapport', generated: true }])).toEqual(['Betyg']);
  });
});

describe('problem summary', () => {
  it('counts by severity and by code, largest first', () => {
    const p = (code: string, severity: Problem['severity']): Problem => ({ cell: 'B!A1', value: null, message: '', code, severity });
    const s = summarizeProblems([p('grade.invalid', 'error'), p('pnr.checksum', 'warning'), p('grade.invalid', 'error'), p('grade.missing', 'warning')]);
    // 2 errors (both grade.invalid), 4 − 2 = 2 warnings.
    expect(s.errors).toBe(2);
    expect(s.warnings).toBe(2);
    expect(s.byCode).toEqual([{ code: 'grade.invalid', n: 2 }, { code: 'grade.missing', n: 1 }, { code: 'pnr.checksum', n: 1 }]);
  });
});

describe('settings', () => {
  it('fills a partial save from the defaults', () => {
    const s = mergeSettings({ suppressionThreshold: 5, absence: { high: 0.3 } as never }, 'en');
    expect(s.suppressionThreshold).toBe(5);
    expect(s.lang).toBe('en');
    expect(s.absence.high).toBe(0.3);
    expect(s.absence.problematic).toBe(0.1);
    expect(mergeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
  it('a saved language beats the host language', () => {
    expect(mergeSettings({ lang: 'sv' }, 'en').lang).toBe('sv');
  });
  it('reads Swedish decimal commas', () => {
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber(' 10 ')).toBe(10);
    expect(parseNumber('tio')).toBeNaN();
  });
  it('turns the form into settings: percent 0–100 shown, 0–1 stored', () => {
    const form = { ...settingsToForm(DEFAULT_SETTINGS), problematic: '12,5', suppressionThreshold: '5' };
    expect(settingsToForm(DEFAULT_SETTINGS).problematic).toBe('10');
    const r = formToSettings(form, DEFAULT_SETTINGS, 'sv');
    expect(r.errors).toEqual({});
    expect(r.settings?.absence.problematic).toBe(0.125); // 12,5 % = 0,125
    expect(r.settings?.suppressionThreshold).toBe(5);
    // The grade scale the old-scale advice points at is part of the form.
    expect(settingsToForm(DEFAULT_SETTINGS).scale).toBe('AF');
    expect(formToSettings({ ...form, scale: 'old' }, DEFAULT_SETTINGS, 'sv').settings?.scale).toBe('old');
    // The year group (issue 15): '' = from the data (null), else the chosen year; round trip.
    expect([settingsToForm(DEFAULT_SETTINGS).yearGroup, r.settings?.yearGroup]).toEqual(['', null]);
    const six = formToSettings({ ...form, yearGroup: '6' }, DEFAULT_SETTINGS, 'sv').settings!;
    expect([six.yearGroup, settingsToForm(six).yearGroup]).toEqual([6, '6']);
  });
  it('rejects bad values instead of clamping them', () => {
    const base = settingsToForm(DEFAULT_SETTINGS);
    expect(formToSettings({ ...base, suppressionThreshold: '0' }, DEFAULT_SETTINGS, 'sv').errors.suppressionThreshold).toBe('Ange ett heltal från 1.');
    expect(formToSettings({ ...base, veryHigh: '150' }, DEFAULT_SETTINGS, 'sv').errors.veryHigh).toBeDefined();
    const order = formToSettings({ ...base, high: '60' }, DEFAULT_SETTINGS, 'en');
    expect(order.settings).toBeUndefined();
    expect(order.errors.high).toMatch(/must rise/);
  });
});

describe('report inputs', () => {
  it('passes only the chosen sources, names them in a fixed order, and omits an empty mapping', () => {
    const g = { sheet: 'Betyg', values: [['x']] };
    const prev = { sheet: 'Förra', values: [['y']] };
    const att = { sheet: 'Frånvaro', values: [['z']] };
    expect(reportInputs(g, {}, { attendance: att }, '  ', [prev])).toEqual({ grades: g, attendance: att, previous: prev, earlier: [{ grades: prev }], sources: ['Betyg', 'Förra', 'Frånvaro'] });
    const m = { Klass: { role: 'class' as const } };
    expect(reportInputs(g, m, {}, ' Vårterminen 2026 ')).toEqual({ grades: g, mapping: m, sources: ['Betyg'], period: 'Vårterminen 2026' });
  });
  it('takes every earlier sheet for the Historik and the latest before this period as previous', () => {
    const g = { sheet: 'Betyg VT2026', values: [['x']] };
    const vt24 = { sheet: 'Betyg VT2024', values: [] };
    const vt25 = { sheet: 'Betyg VT2025', values: [] };
    const ht26 = { sheet: 'Betyg HT2026', values: [] };
    const r = reportInputs(g, {}, {}, '', [vt25, ht26, vt24]);
    expect(r.earlier?.map((e) => e.grades.sheet)).toEqual(['Betyg VT2025', 'Betyg HT2026', 'Betyg VT2024']);
    expect(r.previous).toBe(vt25);
    expect(r.sources).toEqual(['Betyg VT2026', 'Betyg VT2025', 'Betyg HT2026', 'Betyg VT2024']);
  });
  it('looks for the school\'s own sheets by the pane\'s language first', () => {
    expect(ownSheetNames('mal', 'en')).toEqual(['Targets', 'Mål']);
  });
});

describe('formulaAtRow: a catalogue example placed on another row', () => {
  it('moves relative rows by the distance from row 2, keeps $-rows and text', () => {
    // Row 105: 105 − 2 = 103 added to every relative row.
    expect(formulaAtRow('=SKOLA.MERITVARDE(C2:S2; $C$1:$S$1; 17)', 105)).toBe('=SKOLA.MERITVARDE(C105:S105; $C$1:$S$1; 17)');
    expect(formulaAtRow('=SKOLA.KON("A2"; B2)', 10)).toBe('=SKOLA.KON("A2"; B10)');
    expect(formulaAtRow('=SKOLA.ANDELBEHORIGA(C2:S101; C1:S1; "YRK")', 3)).toBe('=SKOLA.ANDELBEHORIGA(C3:S102; C2:S2; "YRK")');
    expect(formulaAtRow('=SKOLA.FRANVARO(120; 1000)', 50)).toBe('=SKOLA.FRANVARO(120; 1000)');
    expect(formulaAtRow('=SKOLA.BEHORIG(C2:S2; $C$1:$S$1; "NA")', 1)).toBe('=SKOLA.BEHORIG(C2:S2; $C$1:$S$1; "NA")');
  });
  it('never touches a function name or a number of the catalogue examples', () => {
    for (const f of FUNCTIONS) {
      const moved = formulaAtRow(f.example.formula, 2);
      expect(moved).toBe(f.example.formula);
      expect(formulaAtRow(f.example.formula, 40).split('(')[0]).toBe(f.example.formula.split('(')[0]);
    }
  });
});

describe('problems shown once, labelled in words', () => {
  const p = (cell: string, message: string, code = 'table.grade.invalid'): Problem => ({ cell, value: null, message, code, severity: 'error' });
  it('drops a second problem with the same cell and message, keeps the same cell with another message', () => {
    const list = [p('Betyg!F12', 'a'), p('Betyg!F12', 'a'), p('Betyg!F12', 'b'), p('Betyg!F13', 'a')];
    expect(uniqueProblems(list)).toEqual([list[0], list[2], list[3]]);
  });
  it('labels codes from the catalogue, and unknown codes as Övrigt', () => {
    expect(problemLabel('sv', 'table.grade.empty')).toBe('Betyg saknas');
    expect(problemLabel('en', 'attendance.missingColumn')).toBe('Missing column');
    expect(problemLabel('sv', 'no.such')).toBe('Övrigt');
  });
});

describe('figureCount and readRange', () => {
  it('counts the cells holding a number', () => {
    // 300 and 0.85 are figures; "..", "." and text are not; NaN is not.
    expect(figureCount([['Antal elever', 300], ['Andel', 0.85], ['x', '..'], ['y', '.'], [NaN, null]])).toBe(2);
  });
  it('names a one-cell selection and a range', () => {
    expect(readRange({ sheet: 'Betyg VT2026', values: [['A']], origin: { row: 104, col: 9 } })).toBe("'Betyg VT2026'!J105");
    expect(readRange({ sheet: 'Betyg', values: [[1, 2], [3]], origin: { row: 3, col: 0 } })).toBe('Betyg!A4:B5');
  });
});

describe('every problem the demo workbook gives has a label in words', () => {
  it('detect on each sheet and a report from every source: no code falls back to Övrigt', async () => {
    const { readInput } = await import('../cli/io');
    const { buildReport, detect } = await import('../core/app');
    const { MESSAGES } = await import('../core/i18n');
    const file = await readInput(new URL('../examples/skolanalys-demo.xlsx', import.meta.url).pathname);
    const sheet = (n: string) => file.sheets.find((s) => s.sheet === n)!;
    const now = new Date('2026-06-15T12:00:00Z');
    const codes = new Set<string>();
    for (const s of file.sheets) for (const p of detect(s, { settings: DEFAULT_SETTINGS, now }).problems) codes.add(p.code);
    const inputs = { grades: sheet('Betyg VT2026'), tests: sheet('Nationella prov'), attendance: sheet('Frånvaro'), previous: sheet('Betyg VT2025'), survey: sheet('Elevenkät') };
    for (const p of buildReport(inputs, ['namndrapport', 'narvaro', 'progression'], DEFAULT_SETTINGS, now).problems) codes.add(p.code);
    expect(codes.size).toBeGreaterThan(3);
    for (const lang of ['sv', 'en'] as const) expect([...codes].filter((c) => !MESSAGES[lang][`ui.problemKind.${c}`])).toEqual([]);
  });
});
