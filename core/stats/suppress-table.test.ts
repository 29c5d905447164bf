import { describe, expect, it } from 'vitest';
import { hiddenParts, suppressTable } from './suppress-table';

describe('hiddenParts: complementary suppression (domain §6)', () => {
  it('§11.8: 25 = 16 flickor + 9 pojkar → both parts hidden', () => {
    expect(hiddenParts([16, 9], 10)).toEqual([true, true]);
    expect(hiddenParts([16, 12], 10)).toEqual([false, false]);
  });
  it('exactly one part suppressed → the smallest other part too', () => {
    // Schools 40, 30, 12, 7: 7 hidden; 7 < 10 → hide 12 (smallest other); 7 + 12 = 19 ≥ 10.
    expect(hiddenParts([40, 30, 12, 7], 10)).toEqual([false, false, true, true]);
  });
  it('two suppressed parts that together reach the threshold need nothing more', () => {
    // 6 + 5 = 11 ≥ 10: total − 40 reveals only the pair.
    expect(hiddenParts([40, 6, 5], 10)).toEqual([false, true, true]);
    // 3 + 4 = 7 < 10: the pair would be revealed → hide the next smallest (20).
    expect(hiddenParts([40, 20, 3, 4], 10)).toEqual([false, true, true, true]);
  });
  it('an undisplayed part (unknown gender) counts as hidden; empty parts are never picked', () => {
    expect(hiddenParts([50, 47, 3], 10, [true, true, false])).toEqual([false, true, true]); // 3 + 47 = 50
    expect(hiddenParts([50, 47, 0], 10, [true, true, false])).toEqual([false, false, true]);
    expect(hiddenParts([30, 0], 10)).toEqual([false, true]); // an empty part hides nothing
  });
});

describe('suppressTable', () => {
  it('§11.8: Totalt 25, Flickor 16, Pojkar 9 → only the total', () => {
    const t = suppressTable({ value: 0.8, n: 25 }, [{ value: 0.75, n: 16 }, { value: 0.89, n: 9 }], 10);
    expect(t).toEqual({ total: 0.8, parts: ['..', '..'] });
  });
  it('every part at or above the threshold is shown', () => {
    expect(suppressTable({ value: 0.5, n: 22 }, [{ value: 0.4, n: 10 }, { value: 0.6, n: 12 }], 10)).toEqual({ total: 0.5, parts: [0.4, 0.6] });
  });
  it('a suppressed total leaves the parts to their own denominators', () => {
    expect(suppressTable({ value: 0.5, n: 8 }, [{ value: 0.4, n: 5 }, { value: 0.6, n: 3 }], 10)).toEqual({ total: '..', parts: ['..', '..'] });
  });
  it('a part with no data stays `.`, not `..`', () => {
    expect(suppressTable({ value: 0.5, n: 30 }, [{ value: 0.5, n: 30 }, { value: null, n: 0 }], 10)).toEqual({ total: 0.5, parts: [0.5, '.'] });
  });
  it('unknown gender counts as a hidden part: 40 = 20 F + 17 M + 3 unknown → M hidden too', () => {
    // 3 unknown < 10 → the smallest shown part (17) is hidden too: 3 + 17 = 20 ≥ 10.
    const t = suppressTable({ value: 0.5, n: 40 }, [{ value: 0.5, n: 20 }, { value: 0.5, n: 17 }, { value: 0.5, n: 3, displayed: false }], 10);
    expect(t.parts.slice(0, 2)).toEqual([0.5, '..']);
  });
});
