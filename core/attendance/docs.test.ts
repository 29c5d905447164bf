/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

// Docs lint as in core/grades: every exported function or class of core/attendance has a JSDoc with
// prose and an `@example`.
const SOURCES = import.meta.glob(['./*.ts', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function undocumented(text: string): string[] {
  const out: string[] = [];
  const re = /^export (?:function|class) (\w+)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(0, m.index).trimEnd();
    const doc = before.endsWith('*/') ? before.slice(before.lastIndexOf('/**')) : '';
    const prose = doc.replace(/@example[\s\S]*/, '').replace(/[/*\s]/g, '');
    if (!doc.includes('@example') || prose.length < 10) out.push(m[1]);
  }
  return out;
}

describe('docs lint (core/attendance)', () => {
  it('every exported function and class has prose and an @example', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(10);
    expect(Object.entries(SOURCES).flatMap(([file, text]) => undocumented(text).map((name) => `${file}: ${name}`))).toEqual([]);
  });
});
