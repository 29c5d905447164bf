import { describe, expect, it } from 'vitest';
import { excelFunction, registerFunctions, type CustomFunctionsApi } from './functions';
import { FUNCTIONS, functionByName } from '../core/functions/catalog';

class FakeCfError {
  constructor(public code: string, public message?: string) {}
}
function fakeCf() {
  const associated = new Map<string, (...a: unknown[]) => unknown>();
  const cf: CustomFunctionsApi = {
    associate: (id, fn) => void associated.set(id, fn),
    Error: FakeCfError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!', divisionByZero: '#DIV/0!' },
  };
  return { cf, associated };
}

describe('registerFunctions', () => {
  it('associates every function of the table by its id', () => {
    const { cf, associated } = fakeCf();
    expect(registerFunctions(cf)).toEqual(FUNCTIONS.map((f) => f.name));
    expect([...associated.keys()]).toEqual(FUNCTIONS.map((f) => f.name));
    // FRANVARO(120; 1000) = 0.12 through Excel's calling convention (omitted args are null).
    expect(associated.get('FRANVARO')!(120, 1000)).toBe(0.12);
    // A 12-digit form needs no century from the clock.
    expect(associated.get('PERSONNUMMER')!('19121212-1212')).toBe('191212121212');
    // 0.86 vs ≥ 0.9 with margin 0.05 (comparison omitted: null) → 0.04 short → delvis.
    expect(associated.get('MALSTATUS')!(0.86, 0.9, null, 0.05)).toBe('delvis');
    // Sv C, En B, Ma D → E or better in all three; code 99 is no result → #N/A with its meaning.
    expect(associated.get('KARNAMNEN')!([['C', 'B', 'D']], [['Sv', 'En', 'Ma']], null)).toBe(true);
    expect(associated.get('PROVGODKANT')!(99)).toMatchObject({ code: '#N/A', message: expect.stringMatching(/^Kod 99/) });
  });

  it('turns FunctionError values into CustomFunctions.Error with the message', () => {
    const { cf } = fakeCf();
    const fn = excelFunction(cf, functionByName('BETYGSPOANG')!, () => ({ lang: 'sv', referenceYear: 2026 }));
    const e = fn('G') as FakeCfError;
    expect(e).toBeInstanceOf(FakeCfError);
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/”G” är inget betyg/);
    expect((fn('') as FakeCfError).code).toBe('#N/A');
    // No scheduled time is #N/A, not #DIV/0!: Excel would drop the message of a #DIV/0!.
    const div = excelFunction(cf, functionByName('FRANVARO')!, () => ({ lang: 'sv', referenceYear: 2026 }))(1, 0) as FakeCfError;
    expect([div.code, div.message]).toEqual(['#N/A', 'schemalagd är 0, så andelen kan inte räknas']);
    // Excel sends '' for empty cells in a range and null for omitted optional arguments.
    const merit = excelFunction(cf, functionByName('MERITVARDE')!, () => ({ lang: 'sv', referenceYear: 2026 }));
    expect(merit([['A', '', 'B']], null, null)).toBe(37.5); // 20 + 17.5
  });
});

describe('errors that reach a cell keep their message', () => {
  // Excel shows a custom message only with #VALUE! and #N/A (CustomFunctions.ErrorCode:
  // "A custom error message can't be used" for #DIV/0!, #NUM! and the rest).
  const KEEPS_MESSAGE = new Set(['#VALUE!', '#N/A']);
  const BAD: unknown[] = ['', 'X', 'G', -1, 0, 2, 12, 'abc', '121212-1213', [['Ja']], [['Vet ej']], [['A', 'B'], ['C', 'D']], [['', '']], [['Q']]];

  it('every function, fed bad values in every argument, answers #VALUE! or #N/A with a Swedish or English message', () => {
    for (const lang of ['sv', 'en'] as const) {
      const { cf } = fakeCf();
      let errors = 0;
      for (const spec of FUNCTIONS) {
        const fn = excelFunction(cf, spec, () => ({ lang, referenceYear: 2026 }));
        for (let i = 0; i < spec.params.length; i++) {
          for (const bad of BAD) {
            const args: unknown[] = spec.params.map((p) => (p.dimensionality === 'matrix' ? [['A', 'B']] : p.type === 'number' ? 1 : 'B'));
            args[i] = bad;
            const r = fn(...args);
            for (const v of Array.isArray(r) ? r.flat() : [r]) {
              if (!(v instanceof FakeCfError)) continue;
              errors++;
              expect([spec.name, i, bad, v.code]).toEqual([spec.name, i, bad, expect.toSatisfy((c: string) => KEEPS_MESSAGE.has(c))]);
              expect(v.message, `${spec.name}(${String(bad)})`).toMatch(/\S/);
            }
          }
        }
      }
      // The sweep must really have produced errors, or it proves nothing.
      expect(errors).toBeGreaterThan(100);
    }
  });

  it('English messages name the English parameter', () => {
    const { cf } = fakeCf();
    const en = excelFunction(cf, functionByName('FRANVARO')!, () => ({ lang: 'en', referenceYear: 2026 }));
    expect((en(-1, 10) as FakeCfError).message).toBe('absence cannot be negative (-1)');
    const merit = excelFunction(cf, functionByName('MERITVARDE')!, () => ({ lang: 'en', referenceYear: 2026 }));
    expect((merit([['A', 'G']], null, null) as FakeCfError).message).toBe('grades, column 2: "G" is not a grade (expected A–F, or - for streck)');
  });
});
