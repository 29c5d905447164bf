/**
 * `report` and `demo` through the built CLI on the demo data: the user's sheets come back with the
 * same values, the generated sheets are added, and a second run on the output replaces only those.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
// @ts-expect-error plain .mjs build module without types
import { build } from './build.mjs';
// @ts-expect-error plain .mjs helper without types
import { pageTexts, xlsxToPdf } from './lo.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEMO = join(root, 'examples/skolanalys-demo.xlsx');
let dir: string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/skolanalys.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

function cells(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => {
    out[c.address] = c.value instanceof Date ? c.value.toISOString() : JSON.parse(JSON.stringify(c.value));
  }));
  return out;
}

beforeAll(async () => {
  await build();
  dir = mkdtempSync(join(tmpdir(), 'skolanalys-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report on the demo workbook', () => {
  it('keeps every user sheet, adds the report sheets, and regenerates only those', async () => {
    // Same file name in other folders: the Nämndrapport names its source file.
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    const out = join(dir, 'a', 'skolanalys-demo.xlsx');
    const args = ['--sheet', 'Betyg VT2026', '--np', 'Nationella prov', '--previous', 'Betyg VT2025', '--attendance', 'Frånvaro', '--survey', 'Elevenkät', '--questions', 'Enkätfrågor'];
    const r = run('report', DEMO, ...args, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Nämndrapport – nyckeltal');
    expect(r.stdout).toMatch(/behöriga till yrkesprogram\s+\d+,\d %/);

    const input = await open(DEMO);
    const first = await open(out);
    const userNames = input.worksheets.map((w) => w.name);
    const names = first.worksheets.map((w) => w.name);
    expect(names.slice(0, userNames.length)).toEqual(userNames);
    expect(names.length).toBeGreaterThan(userNames.length);
    expect(names).toContain('Nämndrapport');
    for (const n of userNames) expect(cells(first.getWorksheet(n)!), n).toEqual(cells(input.getWorksheet(n)!));

    // Again, on its own output: same sheets, user sheets still unchanged, generated ones rebuilt.
    const out2 = join(dir, 'b', 'skolanalys-demo.xlsx');
    const r2 = run('report', out, ...args, '--out', out2);
    expect(r2.code, r2.stderr).toBe(0);
    expect(r2.stdout).toContain('Ersatte tidigare genererade blad');
    const second = await open(out2);
    expect(second.worksheets.map((w) => w.name)).toEqual(names);
    for (const n of userNames) expect(cells(second.getWorksheet(n)!), n).toEqual(cells(input.getWorksheet(n)!));
    // The Närvaroplan made by the first run is the school's from then on: the second run reads its rules
    // from it (and says so under the ladder); every other figure and text is the same.
    expect(r2.stdout).toMatch(/lämnades som de var: Närvaroplan/);
    const note = (ws: ExcelJS.Worksheet) => Object.entries(cells(ws)).find(([, v]) => typeof v === 'string' && v.startsWith('Regler från'));
    expect(note(first.getWorksheet('Nämndrapport')!)?.[1]).toMatch(/^Regler från Skolanalys standardplan/);
    expect(note(second.getWorksheet('Nämndrapport')!)?.[1]).toMatch(/^Regler från skolans blad Närvaroplan/);
    // The note and the lines it goes on in below it (a line wider than the printed page is split).
    const withoutNote = (ws: ExcelJS.Worksheet) => {
      const all = cells(ws);
      const at = note(ws) ? Number(note(ws)![0].slice(1)) : -1;
      let end = at;
      while (all[`A${end + 1}`] !== undefined) end++;
      return Object.fromEntries(Object.entries(all).filter(([k]) => !(/^A\d+$/.test(k) && Number(k.slice(1)) >= at && Number(k.slice(1)) <= end)));
    };
    for (const n of names.slice(userNames.length)) expect(withoutNote(second.getWorksheet(n)!), n).toEqual(withoutNote(first.getWorksheet(n)!));
    const zip = await JSZip.loadAsync(readFileSync(out2));
    const zip1 = await JSZip.loadAsync(readFileSync(out));
    expect(zip.file(/^xl\/charts\/chart\d+\.xml$/).length).toBe(zip1.file(/^xl\/charts\/chart\d+\.xml$/).length);
  }, 120_000);

  it('refuses an earlier term that holds no grades, before anything is written, naming the sheet', () => {
    const out = join(dir, 'ej-skriven.xlsx');
    const r = run('report', DEMO, '--sheet', 'Betyg VT2026', '--previous', 'Läs mig', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Läs mig');
    expect(() => readFileSync(out)).toThrow();
  });

  it('a text grade file goes into a sheet of its own, as text', async () => {
    const out = join(dir, 'scb.xlsx');
    const r = run('report', 'examples/betyg-ak9-vt2026.txt', '--np', 'examples/np-ak9-vt2026.txt', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const wb = await open(out);
    const data = wb.getWorksheet('betyg-ak9-vt2026')!;
    const text = readFileSync(join(root, 'examples/betyg-ak9-vt2026.txt'), 'latin1').split(/\r?\n/).filter(Boolean);
    expect(data.rowCount).toBe(text.length);
    // The first field stays the exact text of the file (a code, not a number).
    expect(data.getCell('A1').value).toBe(text[0].split(';')[0]);
    expect(wb.getWorksheet('np-ak9-vt2026')).toBeDefined();
  }, 120_000);

  it('demo writes the workbook, and LibreOffice prints the Nämndrapport', async () => {
    const out = join(dir, 'demo.xlsx');
    const r = run('demo', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Demo: analyserar examples/skolanalys-demo.xlsx');
    // Print the Nämndrapport alone (LibreOffice prints no hidden sheet): the demo's lesson export,
    // copied in as a sheet of its own, would be hundreds of pages.
    const zip = await JSZip.loadAsync(readFileSync(out));
    const book = await zip.file('xl/workbook.xml')!.async('string');
    const names = [...book.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
    const keep = names.indexOf('Nämndrapport');
    expect(keep).toBeGreaterThan(0);
    zip.file('xl/workbook.xml', book
      .replace(/<sheet\b(?![^>]*name="Nämndrapport")([^>]*?)\s*\/>/g, (m, a: string) => `<sheet${a.replace(/\sstate="[^"]*"/, '')} state="hidden"/>`)
      .replace(/\bactiveTab="\d+"/, `activeTab="${keep}"`));
    const only = join(dir, 'demo-namndrapport.xlsx');
    writeFileSync(only, await zip.generateAsync({ type: 'nodebuffer' }));
    const pdf: string = xlsxToPdf(only, dir);
    const pages: string[] = pageTexts(pdf);
    expect(pages.some((p) => p.includes('Nämndrapport – skolresultat årskurs 9'))).toBe(true);
  }, 120_000);
});
