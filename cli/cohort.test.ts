/** `skolanalys cohort` end to end: four SCB files (åk 6 positional, åk 7–9), pupils moving in and out (issue 15). */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs build module without types
import { build } from './build.mjs';
import { validateCohortJson, type CohortJson } from '../core/progression';
import { SCB6_COLUMNS, SCB9_COLUMNS } from '../core/table/grades';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/skolanalys.mjs'), ...args], { cwd: root, encoding: 'utf8' });

// As in core/progression/cohort.test.ts: a, b in all four files; c leaves after åk 7; d joins in åk 8;
// e is away in åk 7. Ma/En per file.
const PNR: Record<string, string> = { a: '201001010006', b: '201001020005', c: '201001030004', d: '201001040003', e: '201001050002' };
const G: Record<string, ([string, string] | null)[]> = {
  a: [['C', 'E'], ['C', 'F'], ['B', 'E'], ['A', 'E']],
  b: [['E', 'C'], ['E', 'C'], ['D', 'C'], ['F', 'C']],
  c: [['D', 'D'], ['C', 'D'], null, null],
  d: [null, null, ['C', 'B'], ['C', 'B']],
  e: [['B', 'A'], null, ['B', 'A'], ['C', 'A']],
};

function fileText(k: number): string {
  const cols = k === 0 ? SCB6_COLUMNS : SCB9_COLUMNS;
  return Object.keys(G).filter((id) => G[id][k]).map((id) => cols.map((c) => {
    const g = G[id][k]!;
    const v: Record<string, string> = { System: 'IST', Datum: '2026-06-10', Version: '1', PersonNr: PNR[id], Skolenhetskod: '12345678', Klass: `${6 + k}A`, Fornamn: id.toUpperCase(), Efternamn: 'Test', Ma: g[0], En: g[1] };
    return v[c] ?? '2';
  }).join(';')).join('\r\n');
}

beforeAll(async () => {
  await build();
});

describe('skolanalys cohort', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skolanalys-cohort-'));
  const files = [0, 1, 2, 3].map((k) => {
    const f = join(dir, `betyg-ak${6 + k}.txt`);
    writeFileSync(f, fileText(k), 'utf8');
    return f;
  });

  it('--json: match per step, subjects, trajectories; shares of fewer than 10 pupils are ..', () => {
    const r = run('cohort', ...files, '--json');
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as CohortJson;
    expect(validateCohortJson(j)).toEqual([]);
    expect(j.terms.map((x) => [x.label, x.yearGroup, x.pupils])).toEqual([['betyg-ak6.txt', 6, 4], ['betyg-ak7.txt', 7, 3], ['betyg-ak8.txt', 8, 4], ['betyg-ak9.txt', 9, 4]]);
    // 6→7: 3 of 4 (e away); 7→8: 2 of 3, d and e new, c left; 8→9: all 4. In every file: a, b → 2 of 4.
    expect(j.steps.map((s) => [s.matched, s.new, s.left, s.matchRate])).toEqual([[3, 0, 1, 0.75], [2, 2, 1, 0.6667], [4, 0, 0, 1]]);
    expect([j.pupils, j.inAll, j.matchRate]).toEqual([5, 2, 0.5]);
    const ma = j.overall.find((s) => s.subject === 'Ma')!;
    expect([ma.compared, ma.raised, ma.unchanged, ma.lowered, ma.raisedShare, ma.meanStepChange]).toEqual([3, 1, 0, 2, '..', '..']);
    const byId = Object.fromEntries(j.trajectories.map((p) => [p.id, p]));
    expect(byId[PNR.a]).toMatchObject({ class: '9A', passed: [2, 1, 2, 2], dropsToF: ['En'], movingAway: true });
    expect(byId[PNR.c]).toMatchObject({ class: '7A', passed: [2, 2, null, null], movingAway: false });
    expect(byId[PNR.d].passed).toEqual([null, null, 2, 2]);
  });

  it('the summary in Swedish, and fewer than two files is refused', () => {
    const r = run('cohort', ...files);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Kohort över 4 filer: betyg-ak6.txt → betyg-ak7.txt → betyg-ak8.txt → betyg-ak9.txt');
    expect(r.stdout).toContain('Elever i någon fil: 5; i alla filer: 2');
    const one = run('cohort', files[0]);
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('minst två betygsfiler');
  });
});
