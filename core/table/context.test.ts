import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../examples/generator';
import { IdRows } from './context';

describe('IdRows: the first row of each pupil id, as a Map would keep it', () => {
  it('answers like a Map for 20 000 ids of every kind, through growth and overwrites', () => {
    const rnd = mulberry32(5);
    const seen = new IdRows();
    const ref = new Map<string, number>();
    const ids: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const r = rnd();
      // Mostly personnummer; some ids that are not 12 digits, and near misses of the number form.
      const id = r < 0.8 ? String(190000000000 + Math.floor(rnd() * 2e11))
        : r < 0.85 ? `20100705TF${String(i % 100).padStart(2, '0')}`
        : r < 0.9 ? String(Math.floor(rnd() * 1e10)) // 10 digits
        : r < 0.95 ? `${String(200000000000 + i)} ` // 13 characters
        : r < 0.97 ? '000000000000'
        : `elev-${i % 500}`;
      ids.push(id);
      // A claim answers the earlier row, or records this one: the Map's get, then set when absent.
      expect(seen.claim(id, i)).toBe(ref.get(id));
      if (!ref.has(id)) ref.set(id, i);
    }
    expect(ids.length - ref.size).toBeGreaterThan(500); // repeats were claimed again
    for (const id of ids) expect(seen.claim(id, -1)).toBe(ref.get(id));
    // Unseen ids, including numbers next to seen ones: recorded on their first claim.
    for (const id of ['201212121212', '999999999999', '', 'x', String(Number(ids[0]) + 1)]) {
      expect(seen.claim(id, 7)).toBe(ref.get(id));
      expect(seen.claim(id, 8)).toBe(ref.get(id) ?? 7);
    }
  });

  it('answers the same when sized for its ids up front (no growth) as when grown from small', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => String(201001010000 + i * 37));
    const sized = new IdRows(ids.length);
    const grown = new IdRows();
    ids.forEach((id, i) => expect(sized.claim(id, i)).toBe(grown.claim(id, i)));
    ids.forEach((id) => expect(sized.claim(id, -1)).toBe(grown.claim(id, -1)));
    expect(sized.claim(ids[4321], 0)).toBe(4321);
  });

  it('keeps the row 0 and tells an id apart from its number with a leading zero dropped', () => {
    const seen = new IdRows();
    expect(seen.claim('012345678901', 0)).toBeUndefined();
    expect(seen.claim('012345678901', 3)).toBe(0);
    expect(seen.claim('12345678901', 4)).toBeUndefined();
  });
});
