/**
 * The Historik through the built CLI (issue 14): `--previous` many times, each file's period from its
 * SCB Datum; the sheet is read back on the next run (a principal's typed row survives three
 * regenerations); two files of the same period are a problem named in the Datakontroll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
// @ts-expect-error plain .mjs build module without types
import { build } from './build.mjs';
import { readInput } from './io';
import { encodeWindows1252, generatePupils, scbGradeFileText, EXPORT_DATE } from '../examples/generator';

const root = fileURLToPath(new URL('..', import.meta.url));
let dir: string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/skolanalys.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An SCB grade file of 60 pupils exported on `datum` (the period comes from it). */
function scbFile(name: string, datum: string, seed: number): string {
  const path = join(dir, name);
  writeFileSync(path, encodeWindows1252(scbGradeFileText(generatePupils(60, seed)).split(`;${EXPORT_DATE};`).join(`;${datum};`)));
  return path;
}

async function sheetValues(file: string, name: string) {
  const f = await readInput(file, { sheet: name });
  return f.sheets[0].values;
}

const periodsOf = (rows: readonly (readonly unknown[])[]) => [...new Set(rows.slice(4).map((r) => r[0]))];

/** The part name of a sheet of a package. */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(book)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
  return `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`;
}

/** Adds a row the way a principal types it: inline strings and numbers after the last row of a sheet. */
async function typeRow(file: string, cells: (string | number)[], sheet = 'Historik'): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const path = await sheetPart(zip, sheet);
  const xml = await zip.file(path)!.async('string');
  const last = Math.max(...[...xml.matchAll(/<row [^>]*r="(\d+)"/g)].map((m) => Number(m[1])));
  const r = last + 1;
  const c = cells.map((v, i) => {
    const ref = `${String.fromCharCode(65 + i)}${r}`;
    return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  }).join('');
  zip.file(path, xml.replace('</sheetData>', `<row r="${r}">${c}</row></sheetData>`));
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

beforeAll(async () => {
  await build();
  dir = mkdtempSync(join(tmpdir(), 'skolanalys-history-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Historik through the CLI', () => {
  it('takes many --previous files, each with its own period, and keeps typed rows through three regenerations', async () => {
    const now = scbFile('betyg-ak9.txt', '2026-06-12', 1);
    const a = scbFile('betyg-a.txt', '2024-06-11', 2);
    const b = scbFile('betyg-b.txt', '2025-06-10', 3);
    const out = join(dir, 'r1.xlsx');
    const r = run('report', now, '--previous', a, '--previous', b, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const first = await sheetValues(out, 'Historik');
    expect(first[0][0]).toBe('Historik – nyckeltal per period');
    expect(first[3]).toEqual(['Period', 'Nivå', 'Enhet', 'Grupp', 'Indikator', 'Värde', 'Elever', 'Källa']);
    expect(periodsOf(first)).toEqual(['VT2024', 'VT2025', 'VT2026']);
    // Other cohorts (no pupil in common) feed the Historik, not Progression.
    expect(r.stdout).not.toContain('Progression');
    // The earlier files are not copied in (docs/decisions.md); this term's file is, as the report's source.
    const workbook = await (await JSZip.loadAsync(readFileSync(out))).file('xl/workbook.xml')!.async('string');
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toContain('betyg-ak9');
    expect(names).not.toContain('betyg-a');
    expect(names).not.toContain('betyg-b');

    const typed = ['VT2019', 'Kommun', 'Totalt', 'Totalt', 'Andel behöriga till yrkesprogram', 0.812, 240, 'Kvalitetsrapport 2019'];
    await typeRow(out, typed);
    let input = out;
    for (let i = 2; i <= 4; i++) {
      const next = join(dir, `r${i}.xlsx`);
      // Later runs: only this year's file, from the workbook itself (its text sheet).
      const again = run('report', input, '--sheet', 'betyg-ak9', '--out', next);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain('Historik');
      const rows = await sheetValues(next, 'Historik');
      expect(rows).toContainEqual(typed);
      expect(periodsOf(rows)).toEqual(['VT2019', 'VT2024', 'VT2025', 'VT2026']);
      expect(rows.length).toBe(first.length + 1);
      input = next;
    }
  });

  it('names two files of the same period as a problem and uses the first', async () => {
    const now = scbFile('x-ak9.txt', '2026-06-12', 4);
    const a = scbFile('x-a.txt', '2025-06-11', 5);
    const b = scbFile('x-b.txt', '2025-06-12', 6);
    const out = join(dir, 'dup.xlsx');
    const r = run('report', now, '--previous', a, '--previous', b, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const check = (await sheetValues(out, 'Datakontroll')).flat().filter((v): v is string => typeof v === 'string');
    expect(check.some((v) => v.includes('samma period VT2025') && v.includes('x-a.txt') && v.includes('x-b.txt'))).toBe(true);
    expect(periodsOf(await sheetValues(out, 'Historik'))).toEqual(['VT2025', 'VT2026']);
  });

  it('creates Mål once; the school\'s targets and comments survive regeneration and show on the Nämndrapport', async () => {
    const now = scbFile('mal-ak9.txt', '2026-06-12', 7);
    const out = join(dir, 'm1.xlsx');
    expect(run('report', now, '--out', out).code).toBe(0);
    expect((await sheetValues(out, 'Mål'))[3]).toEqual(['Indikator', 'Enhet', 'Målvärde', 'Jämförelse', 'Delvis inom', 'Kommentar']);
    await typeRow(out, ['Andel behöriga till yrkesprogram', 'Totalt', 0.99, '≥', 0.01, 'Matematiken i fokus'], 'Mål');
    const malXml = async (f: string) => {
      const zip = await JSZip.loadAsync(readFileSync(f));
      return zip.file(await sheetPart(zip, 'Mål'))!.async('string');
    };
    const edited = await malXml(out);
    let input = out;
    for (let i = 2; i <= 4; i++) {
      const next = join(dir, `m${i}.xlsx`);
      const r = run('report', input, '--sheet', 'mal-ak9', '--out', next);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/lämnades som de var: .*Mål/);
      expect(await malXml(next)).toBe(edited);
      const nr = (await sheetValues(next, 'Nämndrapport')).flat();
      expect(nr).toContain('Behöriga yrkesprogram: Matematiken i fokus');
      expect(nr).toContain('ej uppfyllt');
      input = next;
    }
  });

  it('imports a saved Kolada response with --benchmarks into Jämförelsetal, which later runs keep', async () => {
    const now = scbFile('bench-ak9.txt', '2026-06-12', 8);
    const out = join(dir, 'b1.xlsx');
    const fixture = join(root, 'core/report/fixtures/kolada-v2-data-documented-format.json');
    const r = run('report', now, '--benchmarks', fixture, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const first = await sheetValues(out, 'Jämförelsetal');
    expect(first.flat()).toContain('N15436');
    const out2 = join(dir, 'b2.xlsx');
    const again = run('report', out, '--sheet', 'bench-ak9', '--out', out2);
    expect(again.code, again.stderr).toBe(0);
    expect(await sheetValues(out2, 'Jämförelsetal')).toEqual(first);
    expect((await sheetValues(out2, 'Nämndrapport')).flat()).toContain('Liknande kommuner');
  });
});
