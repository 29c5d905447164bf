/**
 * The CLI on bad files: random bytes, damaged text exports (Windows-1252 and UTF-8) and broken
 * zip/xlsx files through `grades --json` and `report`. Invariants: an exit code 0/1/2 and never
 * the "unexpected error" path (an exception core or the CLI did not expect); --json output parses.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { t } from '../../core/i18n';
import { encodeWindows1252, generatePupils, scbGradeFields } from '../../examples/generator';
import { cellArb } from './arbitraries';

const SEED = Number(process.env.HARDENING_SEED ?? 20260615);
const dir = mkdtempSync(join(tmpdir(), 'skolanalys-cli-hardening-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixed part of the "unexpected error" message, before its {message} placeholder. */
const UNEXPECTED = t('sv', 'cli.error.unexpected', { message: '\u0001' }).split('\u0001')[0];

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const rows = generatePupils(12, 5).map(scbGradeFields);
const fileArb = fc.oneof(
  fc.uint8Array({ maxLength: 600 }).map((b) => ({ ext: '.txt', bytes: b })),
  // A real SCB export with damaged cells, in Windows-1252 or UTF-8 with BOM.
  fc.tuple(fc.array(fc.tuple(fc.nat(rows.length - 1), fc.nat(34), cellArb), { maxLength: 20 }), fc.boolean(), fc.constantFrom(';', ',', '\t')).map(([edits, cp1252, sep]) => {
    const grid: string[][] = rows.map((r) => [...r]);
    for (const [r, c, v] of edits) grid[r][c % 34] = v instanceof Date ? v.toISOString() : String(v ?? '');
    const text = grid.map((r) => r.join(sep)).join('\r\n');
    return { ext: '.csv', bytes: cp1252 ? encodeWindows1252(text.replace(/[^\u0000-\u00ff€]/g, '?')) : new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]) };
  }),
  // Zip magic without a workbook, and garbage named .xlsx.
  fc.uint8Array({ maxLength: 200 }).map((b) => ({ ext: '.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b]) })),
  fc.uint8Array({ maxLength: 200 }).map((b) => ({ ext: '.txt', bytes: new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...b]) })),
);

describe('CLI on bad files', () => {
  it('grades --json and report end with 0/1/2, never an unexpected error; JSON output parses', async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(fileArb, async ({ ext, bytes }) => {
      const file = join(dir, `in-${n++}${ext}`);
      writeFileSync(file, bytes);
      const g = await run(['grades', file, '--json']);
      expect([0, 1, 2]).toContain(g.code);
      expect(g.err).not.toContain(UNEXPECTED);
      if (g.code === 0) JSON.parse(g.out);
      const r = await run(['report', file, '--out', join(dir, `out-${n}.xlsx`)]);
      expect([0, 1, 2]).toContain(r.code);
      expect(r.err).not.toContain(UNEXPECTED);
    }), { numRuns: 40, seed: SEED, endOnFailure: true });
  });
});
