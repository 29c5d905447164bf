import { describe, expect, it } from 'vitest';
import { FUNCTIONS, functionByName, missingText } from './catalog';
import type { FunctionArg, FunctionError, FunctionResult } from './types';
import { MESSAGES, t } from '../i18n';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../types';
import { analyseGrades } from '../grades/analyse';
import { pupil, table } from '../grades/fixtures/pupils';
import { targetStatus } from '../report/targets';

const ctx = { lang: 'sv' as const, referenceYear: 2026 };
function call(name: string, ...args: FunctionArg[]): FunctionResult | FunctionResult[][] {
  const f = functionByName(name);
  if (!f) throw new Error(name);
  return f.impl(args, ctx);
}
function err(r: unknown): FunctionError {
  expect(r).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  return r as FunctionError;
}

// Domain §11 example 1, as one row under a header row (C1:S1 / C2:S2 in the sheet).
const HEADER = ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl', 'M2 SPA'];
const EX1 = ['C', 'B', 'D', 'E', 'F', 'E', 'D', 'C', 'C', 'D', 'C', 'A', 'B', 'A', 'B', 'A', 'C'];
const EX2 = EX1.map((g, i) => (HEADER[i] === 'Fy' ? 'E' : g));
// Example 4: Sv, En, Ma, Bi, Ke, Idh, Bl E; every other subject F; no M2 (blank).
const EX4 = HEADER.map((h) => (['Sv', 'En', 'Ma', 'Bi', 'Ke', 'Idh', 'Bl'].includes(h) ? 'E' : h === 'M2 SPA' ? '' : 'F'));
const EX4MU = EX4.map((g, i) => (HEADER[i] === 'Mu' ? 'E' : g));

describe('MERITVARDE', () => {
  it('example 1: M2 as the 17th; 16 best of all drop Fy F', () => {
    // Non-M2: 15+17.5+12.5+10+0+10+12.5+15+15+12.5+15+20+17.5+20+17.5+20 = 230; +15 (M2 C) = 245.
    expect(call('MERITVARDE', [EX1], [HEADER], 17)).toBe(245);
    // 16 best of 17: 230 + 15 − 0 (Fy F drops) = 245.
    expect(call('MERITVARDE', [EX1], [HEADER], 16)).toBe(245);
    // Default with subjects is 17.
    expect(call('MERITVARDE', [EX1], [HEADER])).toBe(245);
  });
  it('example 2: Fy E gives 255 (17) and 245 (16)', () => {
    // Non-M2 sum 230 + 10 = 240; 17: 240 + 15 = 255; 16: 255 − 10 (one E drops) = 245.
    expect(call('MERITVARDE', [EX2], [HEADER], 17)).toBe(255);
    expect(call('MERITVARDE', [EX2], [HEADER], 16)).toBe(245);
  });
  it('example 3: modersmål is never the 17th', () => {
    const header = [...HEADER.slice(0, 16), 'ML ARA'];
    const row = [...new Array(16).fill('D'), 'A'];
    // 16: 20 + 15 × 12.5 = 207.5; 17: no M2, so the same.
    expect(call('MERITVARDE', [row], [header], 16)).toBe(207.5);
    expect(call('MERITVARDE', [row], [header], 17)).toBe(207.5);
  });
  it('example 4 with Mu E: 8 × 10 = 80', () => {
    expect(call('MERITVARDE', [EX4MU], [HEADER], 17)).toBe(80);
  });
  it('without subjects: the 16 best points of the values (variant 16)', () => {
    // Same as example 1's 16: the F is the 17th best and drops: 245.
    expect(call('MERITVARDE', [EX1])).toBe(245);
    // A column works too: A, B, streck, F = 20 + 17.5 + 0 + 0 = 37.5.
    expect(call('MERITVARDE', [['A'], ['b'], ['-'], ['F']])).toBe(37.5);
  });
  it('errors name what was wrong', () => {
    expect(err(call('MERITVARDE', [EX1], undefined, 17)).error).toBe('#VALUE!');
    expect(err(call('MERITVARDE', [EX1], undefined, 17)).message).toMatch(/M2/);
    expect(err(call('MERITVARDE', [EX1], [HEADER], 18)).message).toBe('variant ska vara 16 eller 17, inte ”18”');
    const bad = [...EX1];
    bad[2] = 'G';
    const e = err(call('MERITVARDE', [bad], [HEADER]));
    expect(e.error).toBe('#VALUE!');
    expect(e.message).toBe('betyg, kolumn 3: ”G” är inget betyg (väntade A–F, eller - för streck)');
    expect(err(call('MERITVARDE', [EX1], [HEADER.slice(1)])).message).toBe('betyg har 17 celler men ämnen 16; områdena ska vara lika stora');
    expect(err(call('MERITVARDE', [EX1], [[...HEADER.slice(0, 16), 'Frukt']])).message).toMatch(/^ämnen, kolumn 17: ”Frukt” är inget känt ämne/);
    expect(err(call('MERITVARDE', undefined)).error).toBe('#N/A');
    const en = functionByName('MERITVARDE')!.impl([[bad], [HEADER]], { lang: 'en', referenceYear: 2026 }) as FunctionError;
    // English messages name the English parameter (functions.en.json shows `grades`).
    expect(en.message).toBe('grades, column 3: "G" is not a grade (expected A–F, or - for streck)');
  });
});

describe('BEHORIG and SAKNAS', () => {
  it('example 1: eligible for YRK, ES, EK, HU, SA, PRIV; not NA, TE — missing Fy', () => {
    for (const p of ['YRK', 'ES', 'EK', 'HU', 'SA', 'PRIV']) expect(call('BEHORIG', [EX1], [HEADER], p)).toBe(true);
    expect(call('BEHORIG', [EX1], [HEADER], 'NA')).toBe(false);
    expect(call('BEHORIG', [EX1], [HEADER], 'te')).toBe(false);
    expect(call('SAKNAS', [EX1], [HEADER], 'NA')).toBe('Saknar godkänt i Fy');
    expect(call('SAKNAS', [EX1], [HEADER])).toBe('Behörig');
  });
  it('example 2: eligible everywhere', () => {
    for (const p of ['YRK', 'ES', 'EK', 'HU', 'SA', 'NA', 'TE', 'PRIV']) expect(call('BEHORIG', [EX2], [HEADER], p)).toBe(true);
  });
  it('example 4: 7 passes, 4 other → not YRK (one more pass), PRIV yes; with Mu E → YRK', () => {
    expect(call('BEHORIG', [EX4], [HEADER])).toBe(false);
    expect(call('SAKNAS', [EX4], [HEADER], 'YRK')).toBe('Saknar 1 godkänt ämne');
    expect(call('BEHORIG', [EX4], [HEADER], 'PRIV')).toBe(true);
    expect(call('BEHORIG', [EX4MU], [HEADER], 'YRK')).toBe(true);
  });
  it('example 5: Sv 2 and Sva C meet the Swedish requirement', () => {
    const header = ['Sv', 'Sva', ...HEADER.slice(1, 16)];
    const row = ['2', 'C', ...new Array(15).fill('E')];
    expect(call('BEHORIG', [row], [header], 'YRK')).toBe(true);
    expect(call('SAKNAS', [row], [header], 'ES')).toBe('Behörig');
  });
  it('example 6: streck in Ma is not a pass: missing Ma; PRIV yes', () => {
    const row = HEADER.map((h) => (h === 'Ma' ? '-' : h === 'M2 SPA' ? '' : 'E'));
    expect(call('BEHORIG', [row], [HEADER], 'YRK')).toBe(false);
    expect(call('SAKNAS', [row], [HEADER], 'YRK')).toBe('Saknar godkänt i Ma');
    expect(call('BEHORIG', [row], [HEADER], 'PRIV')).toBe(true);
  });
  it('PRIV names "En or Ma" as En/Ma', () => {
    // En F, Ma F, all else E: Sv + (En or Ma) + 4 other is one pass short (En or Ma);
    // Sv + En + Ma + 3 other would need two, so the first alternative is reported.
    const row = HEADER.map((h) => (h === 'En' || h === 'Ma' ? 'F' : h === 'M2 SPA' ? '' : 'E'));
    expect(call('SAKNAS', [row], [HEADER], 'PRIV')).toBe('Saknar godkänt i En/Ma');
  });
  it('names subjects and the extra passes still needed', () => {
    // NA needs 12 passes incl. Bi, Fy, Ke: missing Ma (core) and Fy (required); with 8 other passes the
    // 9 others need one more beyond Fy.
    expect(missingText('sv', ['Ma', 'Fy'], 3)).toBe('Saknar godkänt i Ma, Fy (1 ämne till)');
    expect(missingText('sv', ['Ma'], 4)).toBe('Saknar godkänt i Ma (3 ämnen till)');
    expect(missingText('en', ['Ma', 'Fy'], 3)).toBe('Needs a pass in Ma, Fy (1 more subject)');
    expect(missingText('sv', [], 2)).toBe('Saknar 2 godkända ämnen');
  });
  it('needs subjects; rejects unknown programmes', () => {
    expect(err(call('BEHORIG', [EX1])).message).toMatch(/Ange ämnen/);
    expect(err(call('SAKNAS', [EX1], [HEADER], 'XY')).message).toBe('Okänt program ”XY”; använd YRK, ES, EK, HU, SA, NA, TE eller PRIV');
  });
});

describe('BETYGSPOANG', () => {
  it('gives the points of one grade', () => {
    expect(call('BETYGSPOANG', 'A')).toBe(20);
    expect(call('BETYGSPOANG', ' b ')).toBe(17.5);
    expect(call('BETYGSPOANG', 'E')).toBe(10);
    expect(call('BETYGSPOANG', 'F')).toBe(0);
    expect(call('BETYGSPOANG', '–')).toBe(0); // streck: 0 points, like F
    expect(call('BETYGSPOANG', [['C']])).toBe(15);
  });
  it('errors for non-grades', () => {
    expect(err(call('BETYGSPOANG', 'G')).error).toBe('#VALUE!');
    expect(err(call('BETYGSPOANG', 'G')).message).toMatch(/”G” är inget betyg/);
    expect(err(call('BETYGSPOANG', '')).error).toBe('#N/A');
    expect(err(call('BETYGSPOANG', 3)).error).toBe('#N/A'); // code 3: not studied, no points
    expect(err(call('BETYGSPOANG', [['A'], ['B']])).message).toBe('betyg ska vara en cell, inte ett område');
    expect(err(call('PERSONNUMMER', [[1, 2]])).error).toBe('#VALUE!');
  });
});

describe('ANDELBEHORIGA', () => {
  it('divides eligible pupils by all pupil rows; blank rows are no pupils', () => {
    const blank = new Array(17).fill('');
    const m = [EX1, EX2, blank, EX4, EX4MU];
    // YRK: ex1 yes, ex2 yes, ex4 no, ex4+Mu yes → 3 / 4 = 0.75.
    expect(call('ANDELBEHORIGA', m, [HEADER])).toBe(0.75);
    // NA: only ex2 → 1 / 4 = 0.25.
    expect(call('ANDELBEHORIGA', m, [HEADER], 'NA')).toBe(0.25);
  });
  it('names the cell that held a non-grade', () => {
    const row = [...EX1];
    row[2] = 'G';
    const e = err(call('ANDELBEHORIGA', [EX1, row], [HEADER]));
    expect(e.message).toBe('betygsmatris, rad 2 kolumn 3: ”G” är inget betyg (väntade A–F, eller - för streck)');
    expect(err(call('ANDELBEHORIGA', [new Array(17).fill('')], [HEADER])).error).toBe('#N/A');
    expect(err(call('ANDELBEHORIGA', [EX1], [HEADER.slice(2)])).error).toBe('#VALUE!');
  });
});

describe('åk 6 and åk 9 per pupil: GODKANDALLA, KARNAMNEN, MEDELBETYGSPOANG (issue 15)', () => {
  // The five pupils of core/grades/year-group.test.ts as sheet rows under Sv, Sva, En, Ma, Bi:
  //  p1 Sv A, En B, Ma C                 → all passed
  //  p2 Sva E, En F, Ma -                → F and streck
  //  p3 Sv 2, Sva D, En C, Ma E, Bi 3    → code 3 in Bi (compulsory) fails "all"
  //  p4 Ma 2, the rest blank             → no A–F and no streck: outside every denominator
  //  p5 Sv -, En E                       → streck in Sv
  const H = [['Sv', 'Sva', 'En', 'Ma', 'Bi']];
  const ROWS = [
    ['A', '', 'B', 'C', ''],
    ['', 'E', 'F', '-', ''],
    ['2', 'D', 'C', 'E', '3'],
    ['', '', '', '2', ''],
    ['-', '', 'E', '', ''],
  ];
  const PS = [
    pupil({ Sv: 'A', En: 'B', Ma: 'C' }, { id: 'p1' }),
    pupil({ Sva: 'E', En: 'F', Ma: '-' }, { id: 'p2' }),
    pupil({ Sv: '2', Sva: 'D', En: 'C', Ma: 'E', Bi: '3' }, { id: 'p3' }),
    pupil({ Sv: '', Ma: '2' }, { id: 'p4' }),
    pupil({ Sv: '-', En: 'E' }, { id: 'p5' }),
  ];
  const NA = expect.objectContaining({ error: '#N/A' });
  const summary = analyseGrades(table(PS), { ...DEFAULT_SETTINGS, suppressionThreshold: 1 }).summary;
  /** A share of function results as the indicator counts it: TRUE / (TRUE + FALSE); #N/A is outside. */
  const shareOf = (rs: unknown[]) => rs.filter((r) => r === true).length / rs.filter((r) => typeof r === 'boolean').length;

  it('GODKANDALLA: p1 only; p4 is #N/A — 1 / 4 = 0.25, the summary\'s allSubjectsPassedShare', () => {
    const rs = ROWS.map((r) => call('GODKANDALLA', [r], H));
    expect(rs).toEqual([true, false, false, NA, false]);
    expect(shareOf(rs)).toBe(0.25);
    expect(summary.allSubjectsPassedShare).toBe(shareOf(rs));
    expect(err(rs[3]).message).toMatch(/^Eleven har inget betyg A–F eller streck i något ämne/);
  });

  it('GODKANDALLA: example 1 (Fy F) no, example 2 yes; code 3 in M2 (not compulsory) does not fail', () => {
    expect(call('GODKANDALLA', [EX1], [HEADER])).toBe(false);
    expect(call('GODKANDALLA', [EX2], [HEADER])).toBe(true);
    expect(call('GODKANDALLA', [EX2.map((g, i) => (HEADER[i] === 'M2 SPA' ? '3' : g))], [HEADER])).toBe(true);
    expect(call('GODKANDALLA', [EX2.map((g, i) => (HEADER[i] === 'Hkk' ? '3' : g))], [HEADER])).toBe(false);
    expect(err(call('GODKANDALLA', [EX1])).message).toMatch(/^Ange ämnen/);
  });

  it('KARNAMNEN per subject gives the summary\'s subjectPassShare; Sv means Sv or Sva', () => {
    const by = (s: string) => ROWS.map((r) => call('KARNAMNEN', [r], H, s));
    // Sv: p1 A, p2 Sva E, p3 Sva D pass; p5 streck fails; p4 blank → #N/A: 3 / 4.
    expect(by('Sv')).toEqual([true, true, true, NA, false]);
    // En: p2 F fails: 3 / 4. Ma (lower case works): p2 streck fails, p4 code 2 and p5 blank #N/A: 2 / 3.
    expect(by('En')).toEqual([true, false, true, NA, true]);
    expect(by('ma')).toEqual([true, false, true, NA, NA]);
    expect([shareOf(by('Sv')), shareOf(by('En')), shareOf(by('Ma'))]).toEqual([0.75, 0.75, 2 / 3]);
    expect(summary.subjectPassShare).toEqual({ Sv: shareOf(by('Sv')), En: shareOf(by('En')), Ma: shareOf(by('Ma')) });
  });

  it('KARNAMNEN without ämne: all three; a fail decides before a missing subject', () => {
    // p2 En F → FALSE; p5 Sv streck → FALSE although Ma is blank; p4 nothing → #N/A naming all three.
    expect(ROWS.map((r) => call('KARNAMNEN', [r], H))).toEqual([true, false, true, NA, false]);
    expect(err(call('KARNAMNEN', [ROWS[3]], H)).message).toBe('Eleven har inget betyg A–F eller streck i Sv, En, Ma');
    // Sv, En, Ma E and no Ma at all → #N/A naming Ma only.
    expect(err(call('KARNAMNEN', [['E', '', 'E', '', '']], H)).message).toBe('Eleven har inget betyg A–F eller streck i Ma');
    // Sv F and Sva C: one Swedish place, the better counts → passed.
    expect(call('KARNAMNEN', [['F', 'C', 'E', 'E', '']], H)).toBe(true);
    expect(call('KARNAMNEN', [EX4], [HEADER])).toBe(true); // Sv, En, Ma E
    expect(err(call('KARNAMNEN', [ROWS[0]], H, 'Bi'))).toEqual({ error: '#VALUE!', message: 'ämne ska vara Sv, En eller Ma (Sv betyder Sv eller Sva), inte ”Bi”' });
  });

  it('MEDELBETYGSPOANG over the A–F cells (F 0); streck, codes and blanks apart — the subject table\'s mean', () => {
    const col = (c: number) => ROWS.map((r) => [r[c]]);
    // En: B 17.5 + F 0 + C 15 + E 10 = 42.5 over 4 → 10.625. Ma: C 15 + E 10 over 2 → 12.5 (streck and 2 left out).
    expect(call('MEDELBETYGSPOANG', col(2))).toBe(10.625);
    expect(call('MEDELBETYGSPOANG', col(3))).toBe(12.5);
    const a = analyseGrades(table(PS), { ...DEFAULT_SETTINGS, suppressionThreshold: 1 });
    expect([a.meanGradePoints.En, a.meanGradePoints.Ma]).toEqual([10.625, 12.5]);
    // The catalogue's example: B, C, D, E → (17.5 + 15 + 12.5 + 10) / 4 = 13.75; a row works as well as a column.
    expect(call('MEDELBETYGSPOANG', [['B', 'c', 'D', ' E ']])).toBe(13.75);
    expect(functionByName('MEDELBETYGSPOANG')!.example.result).toBe('13,75');
  });

  it('MEDELBETYGSPOANG errors', () => {
    expect(err(call('MEDELBETYGSPOANG', [['-'], ['3'], ['']]))).toEqual({ error: '#N/A', message: 'Inga betyg A–F att räkna medelvärde på (streck, koder och tomma celler räknas inte)' });
    expect(err(call('MEDELBETYGSPOANG', [['A'], ['VG']])).message).toBe('betyg, rad 2: ”VG” är inget betyg (väntade A–F, eller - för streck)');
    expect(err(call('MEDELBETYGSPOANG', undefined)).error).toBe('#N/A');
  });
});

describe('PROVGODKANT (issue 15)', () => {
  it('A–E is TRUE, F FALSE [C: SCB np6/np9 2026: F = ej godkänt provbetyg]', () => {
    expect(['A', 'c', ' E ', 'F'].map((g) => call('PROVGODKANT', g))).toEqual([true, true, true, false]);
    expect(call('PROVGODKANT', [['D']])).toBe(true);
  });
  it('codes 99, 88, 77 and blank are no result: #N/A saying which', () => {
    expect(err(call('PROVGODKANT', 99))).toEqual({ error: '#N/A', message: 'Kod 99: eleven har inte deltagit i alla delprov, vilket krävs för provbetyg' });
    expect(err(call('PROVGODKANT', '88')).message).toBe('Kod 88: provresultatet har försvunnit');
    expect(err(call('PROVGODKANT', '77')).message).toMatch(/^Kod 77: eleven har genomfört ersättningsprov/);
    expect(err(call('PROVGODKANT', '')).message).toMatch(/^provbetyg är tomt \(i SCB:s fil: provet gjordes digitalt/);
    expect(err(call('PROVGODKANT', '-'))).toEqual({ error: '#VALUE!', message: '”-” är inget provbetyg (väntade A–F, eller koderna 99, 88, 77)' });
    const en = functionByName('PROVGODKANT')!.impl([''], { lang: 'en', referenceYear: 2026 }) as FunctionError;
    expect(en.message).toMatch(/^testGrade is empty/);
  });
});

describe('MALSTATUS (issue 14)', () => {
  it('uppfyllt at or beyond the target, delvis within the margin, else ej uppfyllt', () => {
    // 0.86 vs ≥ 0.9, margin 0.05: 0.04 short → delvis (the catalogue's example).
    expect(call('MALSTATUS', 0.86, 0.9, '>=', 0.05)).toBe('delvis');
    // 231 vs 225, default ≥ and margin 0 → uppfyllt; 224 is 1 short with margin 0 → ej uppfyllt.
    expect(call('MALSTATUS', 231, 225)).toBe('uppfyllt');
    expect(call('MALSTATUS', 224, 225)).toBe('ej uppfyllt');
    // 0.849 vs 0.9, margin 0.05: 0.051 short → ej uppfyllt.
    expect(call('MALSTATUS', 0.849, 0.9, '≥', 0.05)).toBe('ej uppfyllt');
    // 0.7 + 0.2 = 0.8999999999999999 meets 0.9 (float noise, as on the Nämndrapport).
    expect(call('MALSTATUS', 0.7 + 0.2, 0.9)).toBe('uppfyllt');
    // ≤, lower is better: 0.12 vs 0.10, margin 0.03: 0.02 over → delvis; 0.14: 0.04 over → ej uppfyllt.
    expect(call('MALSTATUS', 0.12, 0.1, '<=', 0.03)).toBe('delvis');
    expect(call('MALSTATUS', 0.14, 0.1, '≤', 0.03)).toBe('ej uppfyllt');
    expect(call('MALSTATUS', 0.08, 0.1, '<')).toBe('uppfyllt');
  });
  it('reads numbers as the Mål sheet does (85 %, decimal comma); .. and . stay', () => {
    // "86 %" = 0.86, "90 %" = 0.9, "5 %" = 0.05 → 0.04 short → delvis.
    expect(call('MALSTATUS', '86 %', '90 %', '', '5 %')).toBe('delvis');
    expect(call('MALSTATUS', '231,5', 230)).toBe('uppfyllt');
    expect(call('MALSTATUS', '..', 0.9)).toBe('..');
    expect(call('MALSTATUS', ' . ', 0.9)).toBe('.');
  });
  it('gives the words and the rule of the Nämndrapport (core/report targetStatus)', () => {
    fc.assert(fc.property(fc.double({ min: -400, max: 400, noNaN: true }), fc.double({ min: -400, max: 400, noNaN: true }), fc.constantFrom('>=' as const, '<=' as const), fc.double({ min: 0, max: 50, noNaN: true }), fc.constantFrom('sv' as const, 'en' as const),
      (value, target, comparison, margin, lang) => {
        const s = targetStatus(value, { target, comparison, margin })!;
        expect(functionByName('MALSTATUS')!.impl([value, target, comparison, margin], { lang, referenceYear: 2026 })).toBe(t(lang, `report.targets.status.${s}`));
      }), { numRuns: 300 });
    expect(functionByName('MALSTATUS')!.impl([0.86, 0.9, '>=', 0.05], { lang: 'en', referenceYear: 2026 })).toBe('partly');
  });
  it('errors', () => {
    expect(err(call('MALSTATUS', 0.86, 0.9, '='))).toEqual({ error: '#VALUE!', message: 'jämförelse ska vara ”>=” (högre är bättre) eller ”<=” (lägre är bättre), inte ”=”' });
    expect(err(call('MALSTATUS', 0.86, 0.9, true)).error).toBe('#VALUE!');
    expect(err(call('MALSTATUS', 0.86, 0.9, '>=', -0.1))).toEqual({ error: '#VALUE!', message: 'marginal kan inte vara negativ (-0.1)' });
    expect(err(call('MALSTATUS', 'hög', 0.9))).toEqual({ error: '#VALUE!', message: 'värde: ”hög” är inget tal (skriv t.ex. 0,85, 85 % eller 230)' });
    expect(err(call('MALSTATUS', 0.86, ''))).toEqual({ error: '#N/A', message: 'mål är tomt' });
    expect(err(call('MALSTATUS', undefined, 0.9)).error).toBe('#N/A');
    expect(err(call('MALSTATUS', [[1, 2]], 0.9)).message).toBe('värde ska vara en cell, inte ett område');
  });
});

describe('FRANVARO and FRANVARONIVA', () => {
  it('absence share = absent / scheduled', () => {
    expect(call('FRANVARO', 120, 1000)).toBe(0.12);
    expect(call('FRANVARO', '30,5', 61)).toBe(0.5); // 30.5 / 61
    expect(call('FRANVARO', 0, 10)).toBe(0);
  });
  it('errors', () => {
    // Only #VALUE! and #N/A: Excel keeps a custom message with no other code.
    expect(err(call('FRANVARO', 1, 0))).toEqual({ error: '#N/A', message: 'schemalagd är 0, så andelen kan inte räknas' });
    expect(err(call('FRANVARO', 'x', 10)).message).toBe('frånvaro: ”x” är inget tal');
    expect(err(call('FRANVARO', 11, 10))).toEqual({ error: '#VALUE!', message: 'Frånvaron (11) är större än den schemalagda tiden (10)' });
    expect(err(call('FRANVARO', -1, 10))).toEqual({ error: '#VALUE!', message: 'frånvaro kan inte vara negativ (-1)' });
    expect(err(call('FRANVARO', 5, undefined)).error).toBe('#N/A');
  });
  it('levels at 10 / 20 / 50 % (≥)', () => {
    expect(call('FRANVARONIVA', 0.099)).toBe('Ingen');
    expect(call('FRANVARONIVA', 0.1)).toBe('Problematisk');
    expect(call('FRANVARONIVA', 0.2)).toBe('Hög');
    expect(call('FRANVARONIVA', 0.5)).toBe('Mycket hög');
    expect(functionByName('FRANVARONIVA')!.impl([0.25], { lang: 'en', referenceYear: 2026 })).toBe('High');
    expect(err(call('FRANVARONIVA', 12))).toEqual({ error: '#VALUE!', message: 'Andelen ska vara mellan 0 och 1 (t.ex. 0,12 för 12 %), inte 12' });
  });
  it('uses the same level words as the reports (so their highlights match)', () => {
    for (const level of ['none', 'problematic', 'high', 'veryHigh']) {
      expect(MESSAGES.sv[`functions.level.${level}`]).toBe(MESSAGES.sv[`report.level.${level}`]);
      expect(MESSAGES.en[`functions.level.${level}`]).toBe(MESSAGES.en[`report.level.${level}`]);
    }
  });
});

describe('KON and PERSONNUMMER', () => {
  it('reads legal gender from the second-to-last digit', () => {
    expect(call('KON', '19121212-1212')).toBe('M'); // …1212: 1 is odd
    // 121212-122?: Luhn over 121212122: 2+2+2+2+2+2+2+2+4 = 20 → check 0; …1220: 2 is even.
    expect(call('KON', '121212-1220')).toBe('F');
  });
  it('normalises to 12 characters', () => {
    expect(call('PERSONNUMMER', '121212-1212')).toBe('201212121212');
    expect(call('PERSONNUMMER', '121212+1212')).toBe('191212121212');
    expect(call('PERSONNUMMER', 201212121212)).toBe('201212121212');
  });
  it('errors on invalid numbers', () => {
    expect(err(call('PERSONNUMMER', '121212-1213')).message).toBe('Kontrollsiffran stämmer inte i personnumret ”121212-1213”');
    expect(err(call('PERSONNUMMER', 'abc')).error).toBe('#VALUE!');
    expect(err(call('KON', '121212-1213')).error).toBe('#VALUE!');
    expect(err(call('KON', '')).error).toBe('#N/A');
  });
});

describe('ENKATINDEX', () => {
  it('maps four steps to 10, 6.67, 3.33, 0 and leaves out vet ej and blanks', () => {
    // (10 + 6.667 + 0) / 3 = 5.556
    expect(call('ENKATINDEX', [['Stämmer helt och hållet'], ['Stämmer ganska bra'], ['Vet ej'], [''], ['Stämmer inte alls']])).toBeCloseTo(50 / 9, 10);
    // (3.333 + 3.333) / 2 = 3.333
    expect(call('ENKATINDEX', [['stämmer ganska dåligt', ' Stämmer ganska dåligt ']])).toBeCloseTo(10 / 3, 10);
    // (10 + 0) / 2 = 5
    expect(call('ENKATINDEX', [['Stämmer helt och hållet', 'Stämmer inte alls']])).toBe(5);
  });
  it('errors', () => {
    expect(err(call('ENKATINDEX', [['Ja']])).message).toMatch(/^svar: ”Ja” är inget svar/);
    // Numbers are not read: whether 1 is the best or the worst step differs between surveys.
    expect(err(call('ENKATINDEX', [[4], [3]])).message).toMatch(/^svar, rad 1: ”4” är inget svar/);
    expect(err(call('ENKATINDEX', [['Vet ej']]))).toEqual({ error: '#N/A', message: 'Inga svar att räkna (vet ej och tomma räknas inte)' });
  });
});

describe('FUNCTIONS table', () => {
  it('every parameter has an English name (functions.en.json and English messages use it)', () => {
    for (const f of FUNCTIONS) {
      const en = f.params.map((p) => p.nameEn);
      for (const n of en) expect([f.name, n]).toEqual([f.name, expect.stringMatching(/^[a-z][A-Za-z]*$/)]);
      expect(new Set(en).size).toBe(en.length);
    }
  });

  it('has the required functions with complete metadata', () => {
    const names = FUNCTIONS.map((f) => f.name);
    for (const n of ['MERITVARDE', 'BEHORIG', 'SAKNAS', 'BETYGSPOANG', 'ANDELBEHORIGA', 'FRANVARO', 'FRANVARONIVA', 'KON', 'PERSONNUMMER', 'ENKATINDEX',
      'GODKANDALLA', 'KARNAMNEN', 'MEDELBETYGSPOANG', 'PROVGODKANT', 'MALSTATUS']) {
      expect(names).toContain(n);
    }
    expect(new Set(names).size).toBe(names.length);
    for (const f of FUNCTIONS) {
      expect(f.name).toMatch(/^[A-Z][A-Z0-9]*$/);
      expect(f.description.sv.length).toBeGreaterThan(10);
      expect(f.description.en.length).toBeGreaterThan(10);
      expect(f.example.formula.startsWith(`=SKOLA.${f.name}(`)).toBe(true);
      // Optional parameters come last (Excel requires it).
      const firstOptional = f.params.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.params.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });
  it('examples with literal arguments give the stated result', () => {
    let checked = 0;
    for (const f of FUNCTIONS) {
      const m = /^=SKOLA\.\w+\((.*)\)$/.exec(f.example.formula)!;
      const parts = m[1].split(';').map((s) => s.trim());
      if (parts.some((s) => /^\$?[A-Z]+\$?\d+/.test(s))) continue; // range examples are checked above
      const args = parts.map((s) => (s.startsWith('"') ? s.slice(1, -1) : Number(s.replace(',', '.'))));
      const r = f.impl(args, ctx);
      // As a Swedish Excel shows it: decimal comma, SANT/FALSKT.
      const shown = typeof r === 'number' ? String(r).replace('.', ',') : typeof r === 'boolean' ? (r ? 'SANT' : 'FALSKT') : String(r);
      expect(shown, f.name).toBe(f.example.result);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });
  it('every message key used exists in sv and en', () => {
    const keys = Object.keys(MESSAGES.sv).filter((k) => k.startsWith('functions.'));
    expect(keys.length).toBeGreaterThan(20);
    for (const k of keys) expect(MESSAGES.en[k], k).toBeTruthy();
  });
});
