import { describe, expect, it } from 'vitest';
import { suppress } from './suppress';

describe('suppress (domain §6)', () => {
  it('shows a figure at the threshold, `..` below it, `.` for no data', () => {
    expect(suppress(0.8, 10, 10)).toBe(0.8); // exactly 10 is shown
    expect(suppress(0.8, 9, 10)).toBe('..'); // §11.8: pojkar 9
    expect(suppress(null, 0, 10)).toBe('.');
    expect(suppress(0, 0, 10)).toBe('.'); // never 0 for missing
    expect(suppress(Number.NaN, 25, 10)).toBe('.');
    expect(suppress(0, 25, 10)).toBe(0); // a true 0 is shown
  });
  it('the threshold is a setting', () => {
    expect(suppress(0.5, 4, 5)).toBe('..');
    expect(suppress(0.5, 5, 5)).toBe(0.5);
  });
});
