/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { undocumented } from '../../test/docs-lint';

// Docs lint as in core/grades: every exported function or class of core/attendance has a JSDoc with
// prose and an `@example`.
const SOURCES = import.meta.glob(['./*.ts', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

describe('docs lint (core/attendance)', () => {
  it('every exported function and class has prose and an @example', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(10);
    expect(Object.entries(SOURCES).flatMap(([file, text]) => undocumented(text).map((name) => `${file}: ${name}`))).toEqual([]);
  });
});
