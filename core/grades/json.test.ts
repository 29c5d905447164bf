import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, PROGRAM_CODES } from '../types';
import { analyseGrades } from './analyse';
import { EXAMPLE_1, pupil, table, uniformSpec } from './fixtures/pupils';
import { gradesJson, gradesJsonChunks, gradesJsonText, validateGradesJson, type GradesJson, type GradesTermJson } from './json';
import { parseDelimited } from '../table/text';
import { readGradeTable } from '../table/grades';
import { generatePupils, scbGradeFileText } from '../../examples/generator';

function sample() {
  // 12 pupils: p0 all F (F), p1 example 1 (M), ten all C alternating F/M from p2.
  const pupils = [
    pupil(uniformSpec('F'), { row: 2, id: 'p0', gender: 'F' }),
    pupil(EXAMPLE_1, { row: 3, id: 'p1', gender: 'M', className: '9B' }),
    ...Array.from({ length: 10 }, (_, i) => pupil(uniformSpec('C'), { row: i + 4, id: `p${i + 2}`, gender: i % 2 ? 'M' : 'F' })),
  ];
  const t = table(pupils, { problems: [{ cell: 'Betyg!F12', value: 'G', message: 'Ogiltigt betyg', code: 'grade.invalid', severity: 'error' }] });
  return gradesJson(analyseGrades(t, DEFAULT_SETTINGS)) as GradesJson;
}

describe('gradesJson (CLI contract)', () => {
  const json = sample();

  it('validates and survives a JSON round trip', () => {
    expect(validateGradesJson(json)).toEqual([]);
    expect(validateGradesJson(JSON.parse(JSON.stringify(json)))).toEqual([]);
  });

  it('pupils: row, id, class, school, gender, meritvärde, passes, eligibility, missing only for unreached targets', () => {
    const p1 = json.pupils[1];
    expect(p1).toMatchObject({ row: 3, id: 'p1', class: '9B', school: 'S', gender: 'M', meritValue16: 245, meritValue17: 245, passed: 16 });
    expect(p1.eligibility).toEqual({ YRK: true, ES: true, EK: true, HU: true, SA: true, NA: false, TE: false, PRIV: true });
    expect(p1.missing).toEqual({ NA: ['Fy'], TE: ['Fy'] }); // §11.1
    expect(json.pupils[2].missing).toEqual({});
    // All F: every target missing; national programmes name the core subjects; PRIV needs Sv and one of En/Ma.
    expect(json.pupils[0].missing.YRK).toEqual(['Sv', 'En', 'Ma']);
    expect(json.pupils[0].missing.PRIV).toEqual(['Sv']);
    expect(json.pupils[0].missingOneOf?.PRIV).toEqual([['En', 'Ma']]);
    expect(Object.keys(json.pupils[0].missing).sort()).toEqual([...PROGRAM_CODES].sort());
  });

  it('summary: 12 pupils, shares rounded to 4 decimals, means over pupils with a pass', () => {
    expect(json.summary.pupils).toBe(12);
    expect(json.summary.eligibleShare.YRK).toBe(0.9167); // 11 / 12
    expect(json.summary.eligibleShare.NA).toBe(0.8333); // 10 / 12
    // Meritvärde 17 over the 11 pupils with a pass: (245 + 10 × 240) / 11 = 2645 / 11 = 240.4545… → 240.45.
    expect(json.summary.meanMeritValue17).toBe(240.45);
    expect(json.summary.allSubjectsPassedShare).toBe(0.8333); // 10 / 12
  });

  it('groups: suppressed figures are the string ".."', () => {
    // Flickor 6 (p0 + 5), pojkar 6 (p1 + 5): both under 10 → "..".
    const gender = json.groups.filter((g) => g.by === 'gender');
    expect(gender.map((g) => [g.key, g.pupils, g.eligibleShare.YRK, g.meanMeritValue17])).toEqual([['F', 6, '..', '..'], ['M', 6, '..', '..']]);
  });

  it('problems keep cell, value and message', () => {
    expect(json.problems).toEqual([{ cell: 'Betyg!F12', value: 'G', message: 'Ogiltigt betyg', severity: 'error' }]);
  });
});

describe('validateGradesJson', () => {
  const good = () => JSON.parse(JSON.stringify(sample()));

  it('rejects what is not the contract, without throwing', () => {
    expect(validateGradesJson(null)).toEqual(['not an object']);
    expect(validateGradesJson([])).toEqual(['not an object']);
    expect(validateGradesJson({ pupils: [null], summary: {}, groups: [1], problems: 'x' })).toEqual(expect.arrayContaining([
      'pupils[0]: not an object', 'summary.pupils', 'groups[0]: not an object', 'problems: not an array',
    ]));
  });

  it('catches a wrong type in each part', () => {
    const a = good(); a.pupils[0].gender = 'K';
    expect(validateGradesJson(a)).toEqual(['pupils[0].gender']);
    const b = good(); b.pupils[1].missing = { NA: ['Fy'] }; // TE is unreached but not listed
    expect(validateGradesJson(b)).toEqual(['pupils[1].missing.TE: unreached target not listed']);
    const c = good(); c.pupils[2].missing = { YRK: [] }; // YRK is reached
    expect(validateGradesJson(c)).toEqual(['pupils[2].missing.YRK: target is reached']);
    const d = good(); d.summary.eligibleShare.YRK = 91.67; // a percent, not a share
    expect(validateGradesJson(d)).toEqual(['summary.eligibleShare']);
    const e = good(); e.groups[0].meanMeritValue17 = null; // suppressed must be ".."
    expect(validateGradesJson(e)).toEqual(['groups[0].meanMeritValue17']);
    const f = good(); delete f.problems[0].value;
    expect(validateGradesJson(f)).toEqual(['problems[0].value']);
    const g = good(); g.pupils[0].meritValue17 = 341;
    expect(validateGradesJson(g)).toEqual(['pupils[0].meritValue17']);
  });
});

describe('gradesJson with a test file', () => {
  it('adds the comparison and the join counts', () => {
    const pupils = Array.from({ length: 10 }, (_, i) => pupil(uniformSpec('C'), { id: `p${i}`, personnummer: `p${i}` }));
    const tests = { sheet: 'NP', headerRow: 1, problems: [], records: pupils.map((p, i) => ({ row: i + 2, id: p.id, personnummer: p.id, school: null, results: [{ subject: 'Ma' as const, mark: i < 5 ? 'C' as const : 'B' as const }] })) };
    const json = gradesJson(analyseGrades(table(pupils), DEFAULT_SETTINGS, tests));
    // 5 same (C = C), 5 lower (final C below test B) of 10.
    expect(json.tests).toEqual([{ subject: 'Ma', n: 10, lowerShare: 0.5, sameShare: 0.5, higherShare: 0 }]);
    expect(json.testMatch).toEqual({ matched: 10, unmatched: 0, pupilsWithoutTest: 0 });
    expect(validateGradesJson(json)).toEqual([]);
  });
});

describe('gradesJsonText (the CLI writes this)', () => {
  it('is exactly JSON.stringify of the contract object: the hand sample, with a problem', () => {
    const pupils = [
      pupil(uniformSpec('F'), { row: 2, id: 'p0', gender: 'F' }),
      pupil(EXAMPLE_1, { row: 3, id: 'p"1\\', gender: 'M', className: '9B "Ö"' }),
      pupil(uniformSpec('E'), { row: 4, id: 'p2', gender: null, className: null, school: null }),
      ...Array.from({ length: 10 }, (_, i) => pupil(uniformSpec(i % 3 ? 'C' : 'F'), { row: i + 5, id: `p${i + 3}`, gender: i % 2 ? 'M' : 'F' })),
    ];
    const t = table(pupils, { problems: [{ cell: "'Betyg 2'!F12", value: undefined, message: 'Tomt "betyg"', code: 'x', severity: 'warning' }] });
    const a = analyseGrades(t, DEFAULT_SETTINGS);
    expect(gradesJsonText(a)).toBe(JSON.stringify(gradesJson(a)));
  });

  it('is exactly JSON.stringify of the contract object: 2 000 generated pupils with a test file', () => {
    const grid = parseDelimited(scbGradeFileText(generatePupils(2000, 7)), ';');
    const t = readGradeTable({ sheet: 'betyg', values: grid }, { referenceYear: 2026 });
    const tests = { sheet: 'NP', headerRow: 1, problems: [], records: t.pupils.slice(0, 50).map((p, i) => ({ row: i + 2, id: p.id, personnummer: p.personnummer, school: null, results: [{ subject: 'En' as const, mark: 'B' as const }] })) };
    const a = analyseGrades(t, DEFAULT_SETTINGS, tests);
    expect(a.pupils.length).toBe(2000);
    const whole = JSON.stringify(gradesJson(a));
    expect(gradesJsonText(a)).toBe(whole);
    // In pieces of about 10 000 characters: many pieces, none much longer, the same text joined.
    const pieces = [...gradesJsonChunks(a, 10_000)];
    expect(pieces.length).toBeGreaterThan(whole.length / 11_000);
    expect(Math.max(...pieces.slice(0, -1).map((x) => x.length))).toBeLessThan(10_000 + 1_000);
    expect(pieces.join('')).toBe(whole);
  });

  it('writes an empty file as the empty contract', () => {
    const a = analyseGrades(table([]), DEFAULT_SETTINGS);
    expect(JSON.parse(gradesJsonText(a)).pupils).toEqual([]);
    expect(gradesJsonText(a)).toBe(JSON.stringify(gradesJson(a)));
  });
});
