/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { undocumented } from '../../test/docs-lint';

// Docs lint in the manner of simple-statistics: every exported function or class of core/grades and
// core/stats has a JSDoc with prose and an `@example`, and the rule modules name their source.
const SOURCES = {
  ...import.meta.glob(['./*.ts', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob(['../stats/*.ts', '!../stats/*.test.ts'], { query: '?raw', import: 'default', eager: true }),
} as Record<string, string>;

describe('docs lint (core/grades, core/stats)', () => {
  it('finds the modules', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(15);
    expect(undocumented('export function bare() {}')).toEqual(['bare']);
  });
  it('every exported function and class has prose and an @example', () => {
    const missing = Object.entries(SOURCES).flatMap(([file, text]) => undocumented(text).map((name) => `${file}: ${name}`));
    expect(missing).toEqual([]);
  });
  it('rule modules cite their domain source', () => {
    for (const f of ['./scale.ts', './rulesets.ts', './eligibility.ts', './merit.ts', './tests.ts', '../stats/suppress.ts', '../stats/suppress-table.ts', '../stats/indicators.ts']) {
      expect([f, /\[(C|S|D)[:\],]/.test(SOURCES[f])]).toEqual([f, true]);
    }
  });
});
