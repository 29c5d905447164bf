import { describe, expect, it } from 'vitest';
import { share } from './share';

describe('share', () => {
  it('divides, and gives null (no data) rather than 0 for an empty denominator', () => {
    expect(share(3, 4)).toBe(0.75);
    expect(share(2, 3)).toBeCloseTo(0.6667, 4); // §11.7: 2 eligible of all 3
    expect(share(0, 5)).toBe(0);
    expect(share(1, 0)).toBeNull();
  });
});
