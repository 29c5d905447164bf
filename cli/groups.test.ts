/**
 * Issue 15 through the built CLI: the demo report's Datakontroll quality table, the Nämndrapport's group
 * rows and the Resultatdialog sheets; `grades --json` with arrival dates (--period) and --arskurs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
// @ts-expect-error plain .mjs build module without types
import { build } from './build.mjs';
import { validateGradesJson } from '../core/grades';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/skolanalys.mjs'), ...args], { cwd: root, encoding: 'utf8' });
let dir: string;

/** A sheet's rows as arrays of plain values (1-based columns shifted to 0). */
function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const r: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (c, col) => { r[col - 1] = c.value; });
    out.push(r);
  });
  return out;
}

beforeAll(async () => {
  await build();
  dir = mkdtempSync(join(tmpdir(), 'skolanalys-groups-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report on the demo workbook (issue 15)', () => {
  it('Datakontroll has the quality table, the Nämndrapport the Sv/Sva rows, and each class a Resultatdialog', async () => {
    const out = join(dir, 'demo.xlsx');
    const r = run('report', join(root, 'examples/skolanalys-demo.xlsx'), '--sheet', 'Betyg VT2026', '--previous', 'Betyg VT2025', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);

    const check = rows(wb.getWorksheet('Datakontroll')!);
    const head = check.findIndex((x) => x[0] === 'Ämne' && x[1] === 'Betyg A–F');
    expect(check[head - 1]?.[0]).toBe('Vad betygscellerna innehåller, per ämne');
    expect(check[head]).toEqual(['Ämne', 'Betyg A–F', 'Tomma', 'Streck (-)', 'Kod 2', 'Kod 3', 'Kod Y', 'Kod Z', 'Ogiltiga']);
    const quality = new Map(check.slice(head + 1).filter((x) => typeof x[0] === 'string' && typeof x[1] === 'number').map((x) => [x[0], x]));
    // The demo's planted cells (examples/README.md): pupil 150's "Y" in Mu, pupil 100's "G" in Bi, 230's blank Idh.
    expect(quality.get('Mu')?.[6]).toBe(1);
    expect(quality.get('Bi')?.[8]).toBe(1);
    expect(quality.get('Idh')?.[2]).toBe(1);
    // One cell per pupil in each of these columns: the counts of a row add up to the 300 pupils.
    for (const s of ['Sv', 'Sva', 'En', 'Ma']) expect((quality.get(s)!.slice(1) as number[]).reduce((a, b) => a + b, 0), s).toBe(300);

    const board = rows(wb.getWorksheet('Nämndrapport')!);
    const g = board.findIndex((x) => x[0] === 'Grupp' && x[1] === 'Elever');
    expect(g).toBeGreaterThan(0);
    const labels = board.slice(g + 1, g + 3).map((x) => x[0]);
    expect(labels).toEqual(['Elever i svenska', 'Elever i svenska som andraspråk']);
    // About 10 % Sva (examples/README.md): both parts have at least 10 pupils, so their figures show.
    for (const x of board.slice(g + 1, g + 3)) expect(typeof x[2]).toBe('number');

    const dialogs = wb.worksheets.filter((w) => w.name.startsWith('Resultatdialog'));
    expect(dialogs.length).toBeGreaterThan(3);
    const first = rows(dialogs[0]);
    expect(first.some((x) => x[0] === 'Namn' && (x as string[]).includes('Ma VT2025') && (x as string[]).includes('Ma VT2026'))).toBe(true);
  });
});

describe('grades --json with newly arrived pupils and --arskurs (issue 15)', () => {
  // 12 pupils; 2 arrived 2023 (after VT2026's line 2022-01-01) → excluded 2 (< 10): utan is '..'.
  const header = 'Elev-ID;Klass;Ankomstdatum;Sv;En;Ma';
  const lines = Array.from({ length: 12 }, (_, i) => `e${i};9A;${i < 2 ? '2023-08-20' : i < 4 ? '2019-08-20' : ''};E;E;${i === 5 ? 'F' : 'E'}`);
  const file = () => {
    const f = join(dir, 'betyg.csv');
    writeFileSync(f, [header, ...lines].join('\n'));
    return f;
  };

  it('--period reads the arrival dates: med and utan nyanlända in groups, utan suppressed', () => {
    const r = run('grades', file(), '--period', 'VT2026', '--json');
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(validateGradesJson(j)).toEqual([]);
    const g = j.groups.filter((x: { by: string }) => x.by === 'nyanland');
    // Med: 12 pupils, all passed 11/12. Utan: 12 − 2 = 10, but the 2 left out would show: '..'.
    expect(g.map((x: { key: string; pupils: number; allSubjectsPassedShare: unknown }) => [x.key, x.pupils, x.allSubjectsPassedShare]))
      .toEqual([['med-nyanlanda', 12, 0.9167], ['utan-nyanlanda', 10, '..']]);
  });

  it('a workbook read row by row still finds its term in the data (the sheet is read again for it)', async () => {
    // One sheet "Blad1" (ExcelJS writes it), 40 pupils: its name says no term, SCB's Datum column does.
    // grades reads the pupils as the sheet is inflated and keeps no grid; the term needs the values, read again.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.addRow(['Elev-ID', 'Datum', 'Klass', 'Ankomstdatum', 'Sv', 'En', 'Ma']);
    for (let i = 0; i < 40; i++) ws.addRow([`e${i}`, '2026-06-12', '9A', i < 2 ? '2023-08-20' : i < 4 ? '2019-08-20' : '', 'E', 'E', i === 5 ? 'F' : 'E']);
    const f = join(dir, 'betyg-blad1.xlsx');
    await wb.xlsx.writeFile(f);
    const r = run('grades', f, '--json');
    expect(r.status, r.stderr).toBe(0);
    const g = JSON.parse(r.stdout).groups.filter((x: { by: string }) => x.by === 'nyanland');
    // Datum 2026-06-12 → VT2026; arrived 2023 → newly arrived: 2 left out (< 10), so utan (38) is '..'.
    // All subjects passed: 39 of 40 (one F) = 0.975.
    expect(g.map((x: { key: string; pupils: number; allSubjectsPassedShare: unknown }) => [x.key, x.pupils, x.allSubjectsPassedShare]))
      .toEqual([['med-nyanlanda', 40, 0.975], ['utan-nyanlanda', 38, '..']]);
  });

  it('without a term the split is not made and the warning says so', () => {
    const j = JSON.parse(run('grades', file(), '--json').stdout);
    expect(j.groups.some((x: { by: string }) => x.by === 'nyanland')).toBe(false);
    expect(j.problems.map((p: { message: string }) => p.message).join(' ')).toContain('--period');
  });

  it('--arskurs 6 makes class 9A term grades of åk 6; a bad value exits 2 in Swedish', () => {
    const j = JSON.parse(run('grades', file(), '--arskurs', '6', '--period', 'VT2026', '--json').stdout);
    expect([j.yearGroup, j.gradeKind, 'eligibility' in j.pupils[0]]).toEqual([6, 'terminsbetyg', false]);
    const bad = run('grades', file(), '--arskurs', 'sex');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Ange årskursen som ett tal från 1 till 10');
  });
});
