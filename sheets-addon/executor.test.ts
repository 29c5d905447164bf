import { describe, expect, it } from 'vitest';
import { a1, sheetsValue, widthToPixels } from './executor';

describe('executor helpers', () => {
  it('keeps text that Sheets would convert as text with a leading apostrophe', () => {
    expect(sheetsValue('0123')).toBe("'0123");
    expect(sheetsValue('+5,0')).toBe("'+5,0");
    expect(sheetsValue('=A1')).toBe("'=A1");
    expect(sheetsValue('1/2')).toBe("'1/2");
    expect(sheetsValue('TRUE')).toBe("'TRUE");
    expect(sheetsValue("'citat")).toBe("''citat");
    // Suppression marks, words and real numbers pass as they are; null is an empty cell.
    expect(sheetsValue('..')).toBe('..');
    expect(sheetsValue('.')).toBe('.');
    expect(sheetsValue('Sv')).toBe('Sv');
    expect(sheetsValue(0.853)).toBe(0.853);
    expect(sheetsValue(null)).toBe('');
    // A text-formatted column keeps strings as typed: no apostrophe.
    expect(sheetsValue('201001012383', '@')).toBe('201001012383');
  });

  it('writes A1 texts of 0-based rectangles', () => {
    expect(a1(0, 0, 1, 1)).toBe('A1');
    expect(a1(2, 1, 7, 3)).toBe('B3:D9');
    expect(a1(0, 26, 2, 1)).toBe('AA1:AA2');
  });

  it('turns character widths into pixels (7 px per character + 5)', () => {
    // 10 × 7 + 5 = 75
    expect(widthToPixels(10)).toBe(75);
  });
});
