import { describe, expect, it } from 'vitest';
import { groupBy } from './group-by';

describe('groupBy', () => {
  it('keeps first-seen order and a null key apart', () => {
    const g = groupBy([{ k: 'M', i: 1 }, { k: 'F', i: 2 }, { k: null, i: 3 }, { k: 'M', i: 4 }], (x) => x.k);
    expect([...g.keys()]).toEqual(['M', 'F', null]);
    expect(g.get('M')!.map((x) => x.i)).toEqual([1, 4]);
    expect(g.get(null)!.length).toBe(1);
    expect(groupBy([], (x) => x).size).toBe(0);
  });
});
