/**
 * The hand-made equivalents of the Intl calls that need locale data (the Apps Script bundle must
 * give the same result without them): held to Node's ICU on generated names, class names and
 * numbers. bundle.test.ts runs the built bundle with Intl removed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareSvByHand, compareSvNumericByHand, formatNumber, formatNumberByHand } from './index';

const SV = new Intl.Collator('sv');
const SV_NUMERIC = new Intl.Collator('sv', { numeric: true });
const sign = (n: number) => Math.sign(n);

// Letters of Swedish names (with the accents and borrowed letters they carry), space, hyphen,
// apostrophe, period and digits.
const LETTERS = [...'aAbBeEéÉèvVwWyYüÜåÅäÄæÆöÖøØzZ -\'.019'];
const name = fc.array(fc.constantFrom(...LETTERS), { minLength: 0, maxLength: 7 }).map((a) => a.join(''));
const className = fc.tuple(fc.integer({ min: 0, max: 120 }), fc.constantFrom('', '0', '00'), fc.constantFrom('A', 'b', 'Ö', ' C', '-e', 'ä1', '10')).map(([n, z, s]) => `${z}${n}${s}`);

describe('compareSvByHand orders as the sv collator', () => {
  it('on 20 000 pairs of generated names', () => {
    fc.assert(fc.property(name, name, (a, b) => sign(compareSvByHand(a, b)) === sign(SV.compare(a, b))), { numRuns: 20_000 });
  });
  it('on names that differ only in accents and case', () => {
    const words = ['ea', 'eA', 'Ea', 'eá', 'éa', 'eé', 'ée', 'aá', 'aà', 'aâ', 'aã', 'aä', 'aå', 'yb', 'üb', 'Üb', 'äb', 'æb', 'öb', 'øb', 'a b', 'a-b', 'a.b', "a'b", 'ab'];
    expect([...words].sort(compareSvByHand)).toEqual([...words].sort(SV.compare));
  });
});

describe('compareSvNumericByHand orders as the numeric sv collator', () => {
  it('on 20 000 pairs of class names', () => {
    fc.assert(fc.property(className, className, (a, b) => sign(compareSvNumericByHand(a, b)) === sign(SV_NUMERIC.compare(a, b))), { numRuns: 20_000 });
  });
  it('9B before 10A, leading zeros ignored', () => {
    expect(['10A', '9B', '09C', '9b'].sort(compareSvNumericByHand)).toEqual(['9b', '9B', '09C', '10A']);
    expect(compareSvNumericByHand('01', '1')).toBe(0);
  });
});

describe('formatNumberByHand writes what Intl.NumberFormat writes', () => {
  it('sv-SE and en-GB, 0–3 decimals, 20 000 numbers', () => {
    const num = fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: -2e6, max: 2e6 }).map((n) => n / 1000), fc.constantFrom(0, -0, 0.5, 1.005, -2.5, 999.95, 1234, NaN, Infinity, -Infinity));
    fc.assert(
      fc.property(fc.constantFrom('sv' as const, 'en' as const), num, fc.integer({ min: 0, max: 3 }), (lang, v, d) => formatNumberByHand(lang, v, d) === formatNumber(lang, v, d)),
      { numRuns: 20_000 },
    );
  });
  it('worked examples', () => {
    expect(formatNumberByHand('sv', 1234.5, 1)).toBe('1 234,5');
    expect(formatNumberByHand('en', -1234567.5, 1)).toBe('-1,234,567.5');
    expect(formatNumberByHand('sv', -0.04, 1)).toBe('-0,0'); // rounds to zero, keeps the sign as Intl does
  });
});
