import { describe, expect, it } from 'vitest';
import { mean } from './mean';

describe('mean', () => {
  it('§11.7: (245 + 200) / 2 = 222.5; empty → null', () => {
    expect(mean([245, 200])).toBe(222.5);
    expect(mean([10])).toBe(10);
    expect(mean([])).toBeNull();
  });
});
