import { describe, expect, it } from 'vitest';
import { MESSAGES, compareSv, formatNumber, formatPercent, svSortKey, t } from './index';

describe('i18n catalogue', () => {
  it('has every Swedish key in English and vice versa', () => {
    const sv = Object.keys(MESSAGES.sv).sort();
    const en = Object.keys(MESSAGES.en).sort();
    expect(en.filter((k) => !MESSAGES.sv[k])).toEqual([]);
    expect(sv.filter((k) => !MESSAGES.en[k])).toEqual([]);
  });
  it('uses the same placeholders in both languages', () => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');
    for (const k of Object.keys(MESSAGES.sv)) expect([k, ph(MESSAGES.en[k] ?? '')]).toEqual([k, ph(MESSAGES.sv[k])]);
  });
  it('fills parameters and falls back to the key', () => {
    expect(t('sv', 'common.pupils', { n: 3 })).toBe('3 elever');
    expect(t('en', 'common.pupils', { n: 3 })).toBe('3 pupils');
    expect(t('sv', 'no.such.key')).toBe('no.such.key');
  });
  it('formats numbers the Swedish way', () => {
    expect(formatNumber('sv', 1234.5, 1)).toBe('1 234,5');
    expect(formatNumber('en', 1234.5, 1)).toBe('1,234.5');
    expect(formatPercent('sv', 0.853)).toBe('85,3 %');
    expect(formatPercent('en', 0.853)).toBe('85.3%');
  });
});

describe('svSortKey: Swedish alphabetical order by plain comparison', () => {
  const byKey = (xs: string[]) => [...xs].sort((a, b) => (svSortKey(a) < svSortKey(b) ? -1 : svSortKey(a) > svSortKey(b) ? 1 : compareSv(a, b)));
  it('puts å ä ö after z, in that order, and ignores case (code-point order put Ä before Å, and a after Z)', () => {
    expect(byKey(['Öberg', 'ängel', 'Åberg', 'berg', 'Zetterlund', 'andersson'])).toEqual(['andersson', 'berg', 'Zetterlund', 'Åberg', 'ängel', 'Öberg']);
  });
  it('agrees with the Swedish collator on names with accents, hyphens and spaces', () => {
    // The collator (CLDR sv) is the reference: ü as y, æ as ä, ø as ö, é as e, Å Ä Ö last.
    const names = ['Åsa', 'Ärla', 'Örjan', 'Aron', 'Zara', 'Émile', 'Eva', 'Müller', 'Myhr', 'Mylla', 'Ærø', 'Ørsted', 'Ödman',
      'Berg-Ek', 'Berg Ek', 'Bergek', 'de la Cruz', 'Dahl', 'Nguyen', 'Öhrn', 'Åhlén', 'Ahlén', 'Ahlen', 'Yusuf', 'Ylva', 'Ünal',
      'Li', 'Lind', 'Lindqvist', 'Lindkvist', 'Sjöberg', 'Sjoberg', 'Sjåberg', 'Sjäberg', 'Vik', 'Wik', 'Vikström'];
    expect(byKey(names)).toEqual([...names].sort(compareSv));
  });
});

describe('compareSv', () => {
  it('orders like the Swedish collator, also on the letters-and-digits keys it compares itself', () => {
    const collator = new Intl.Collator('sv');
    // Class names, skolenhetskoder and words in every case; near pairs that differ only in case or length.
    const keys = ['9A', '9a', '9B', '10A', '9AB', '12345678', '1234567', 'A', 'a', 'Ab', 'aB', 'AB', 'ab', 'b', 'B9', 'b10',
      'Vik', 'wik', 'Z', 'zz', 'Å', 'Ä9', 'Ö', 'x-1', 'x1', 'x 1', '', '0', 'O', 'Norrskolan', 'norrskolan', 'Skola 2', 'Skola2'];
    let rnd = 7;
    for (let i = 0; i < 300; i++) {
      let k = '';
      const n = (rnd = (rnd * 48271) % 2147483647) % 5;
      for (let j = 0; j < n; j++) k += 'aAbBzZ09'[(rnd = (rnd * 48271) % 2147483647) % 8];
      keys.push(k);
    }
    const wrong = keys.flatMap((a) => keys.filter((b) => Math.sign(compareSv(a, b)) !== Math.sign(collator.compare(a, b))).map((b) => `${a} | ${b}`));
    expect(wrong).toEqual([]);
  });
});
