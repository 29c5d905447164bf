import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FUNCTIONS } from './catalog';
import { isFunctionError } from './args';

// Whatever a cell holds, a function returns a value or an error value; it never throws.
const cell = fc.oneof(
  fc.constantFrom('A', 'b ', '-', '–', 'F', 'G', 'VG', '', ' ', 'Sv', 'M2 SPA', 'Vet ej', 'Stämmer ganska bra', 'NA', '121212-1212', '0,12', '=1+1'),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 20 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
);
const matrix = fc.integer({ min: 1, max: 4 }).chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 4 }));
const arg = fc.oneof(cell, matrix);

describe('custom functions on arbitrary input', () => {
  for (const f of FUNCTIONS) {
    it(`${f.name} never throws and returns a value or an error value`, () => {
      fc.assert(
        fc.property(fc.array(arg, { minLength: 0, maxLength: f.params.length }), fc.constantFrom('sv' as const, 'en' as const), (args, lang) => {
          const r = f.impl(args, { lang, referenceYear: 2026 });
          const ok = (v: unknown) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || isFunctionError(v);
          expect(Array.isArray(r) ? r.flat().every(ok) : ok(r)).toBe(true);
          if (typeof r === 'number') expect(Number.isFinite(r)).toBe(true);
          if (isFunctionError(r)) expect(r.message.length).toBeGreaterThan(5);
        }),
        { numRuns: 300 },
      );
    });
  }
});
