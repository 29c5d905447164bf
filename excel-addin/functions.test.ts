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
  });

  it('turns FunctionError values into CustomFunctions.Error with the message', () => {
    const { cf } = fakeCf();
    const fn = excelFunction(cf, functionByName('BETYGSPOANG')!, () => ({ lang: 'sv', referenceYear: 2026 }));
    const e = fn('G') as FakeCfError;
    expect(e).toBeInstanceOf(FakeCfError);
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/”G” är inget betyg/);
    expect((fn('') as FakeCfError).code).toBe('#N/A');
    const div = excelFunction(cf, functionByName('FRANVARO')!, () => ({ lang: 'sv', referenceYear: 2026 }))(1, 0) as FakeCfError;
    expect(div.code).toBe('#DIV/0!');
    // Excel sends '' for empty cells in a range and null for omitted optional arguments.
    const merit = excelFunction(cf, functionByName('MERITVARDE')!, () => ({ lang: 'sv', referenceYear: 2026 }));
    expect(merit([['A', '', 'B']], null, null)).toBe(37.5); // 20 + 17.5
  });
});
