import { describe, expect, it } from 'vitest';
import { MESSAGES, formatNumber, formatPercent, t } from './index';

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
