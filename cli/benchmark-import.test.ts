/**
 * `report --benchmarks` end to end, in process: a Kolada export (CSV), Skolverket's PxWeb CSV and a
 * Kolada table saved as .xlsx (read by the CLI's own reader) land in Jämförelsetal; a garbled CSV is
 * listed in the Datakontroll with its cell. Offline: no server, nothing is fetched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { main } from './main';
import { readInput } from './io';
import { textRows } from '../core/report/benchmarks-formats';
import { encodeWindows1252, generatePupils, scbGradeFileText } from '../examples/generator';

const fixtures = fileURLToPath(new URL('../core/report/fixtures/', import.meta.url));
let dir: string;
let grades: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'skolanalys-bench-import-'));
  grades = join(dir, 'betyg-vt2026.txt');
  writeFileSync(grades, encodeWindows1252(scbGradeFileText(generatePupils(40, 3))));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

const rowsOf = async (file: string, sheet: string) => (await readInput(file, { sheet, skipGenerated: false })).sheets[0].values;

describe('report --benchmarks with CSV and xlsx files', () => {
  it('imports a Kolada CSV, a PxWeb CSV and a Kolada .xlsx into Jämförelsetal', async () => {
    // The wide Kolada table as a workbook: numbers as numbers, as Excel saves them.
    const xlsx = join(dir, 'kolada-tabell.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kolada');
    for (const row of textRows(readFileSync(join(fixtures, 'kolada-export-wide-documented-dimensions.csv'), 'utf8'))) {
      ws.addRow(row.map((v) => (/^\d+,\d+$/.test(v) ? Number(v.replace(',', '.')) : /^\d{4}$/.test(v) ? Number(v) : v)));
    }
    await wb.xlsx.writeFile(xlsx);
    const out = join(dir, 'rapport.xlsx');
    const o = io();
    const code = await main(['report', grades, '--benchmarks', join(fixtures, 'kolada-export-documented-dimensions.csv'),
      '--benchmarks', join(fixtures, 'skolverket-pxweb-comma-documented-format.csv'), '--benchmarks', xlsx, '--out', out], o.io);
    expect(code, o.err.join('\n')).toBe(0);
    const rows = await rowsOf(out, 'Jämförelsetal');
    const header = rows.findIndex((r) => r[0] === 'KPI');
    const body = rows.slice(header + 1).map((r) => r.slice(0, 8));
    // From the Kolada CSV (hand-checked: 84,5 % for 1280 in 2025).
    expect(body).toContainEqual(['N15436', 'Andel behöriga till yrkesprogram', 'Kommunen', '1280', 2025, 'Totalt', 0.845, 'Kolada (kolada-export-documented-dimensions.csv)']);
    // From the PxWeb CSV: Malmö, kommunal huvudman, läsår 2024/25.
    expect(body).toContainEqual(['SKV:YRK:kommunal', 'Andel behöriga till yrkesprogram (Skolverket, kommunal huvudman)', 'Kommunen', '1280', 2025, 'Totalt', 0.81, 'Skolverket (skolverket-pxweb-comma-documented-format.csv)']);
    // From the .xlsx: the wide table's girls in Malmö 2024.
    expect(body).toContainEqual(['N15505', 'Genomsnittligt meritvärde (17 ämnen)', 'Kommunen', 'Malmö', 2024, 'Flickor', 233, 'Kolada (kolada-tabell.xlsx)']);
    // 8 (CSV) + 18 (PxWeb) + 12 (xlsx) rows, none sharing KPI, code, year and gender.
    expect(body.filter((r) => r[0])).toHaveLength(38);
  });

  it('a garbled CSV is listed in the Datakontroll with its cell, and the run still succeeds', async () => {
    const bad = join(dir, 'trasig.csv');
    writeFileSync(bad, 'KPI;Kommun;År;Kön;Värde\nN15436;1280;2025;T;hög\nN15436;1280;2025;K;86,0\n');
    const notBench = join(dir, 'elever.csv');
    writeFileSync(notBench, 'Personnummer;Förnamn;Sv\n200801011234;Ann;A\n');
    const out = join(dir, 'rapport2.xlsx');
    const o = io();
    expect(await main(['report', grades, '--benchmarks', bad, '--benchmarks', notBench, '--out', out], o.io), o.err.join('\n')).toBe(0);
    const kontroll = (await rowsOf(out, 'Datakontroll')).flat().map(String);
    expect(kontroll).toContain("'trasig.csv'!E2");
    expect(kontroll.some((c) => c.includes('Värdet i trasig.csv är inget tal'))).toBe(true);
    expect(kontroll.some((c) => c.includes('elever.csv går inte att läsa som jämförelsetal'))).toBe(true);
    const jf = (await rowsOf(out, 'Jämförelsetal')).flat();
    expect(jf).toContain(0.86);
  });

  it('a missing benchmark file stops the run with its name (exit 2)', async () => {
    const o = io();
    expect(await main(['report', grades, '--benchmarks', join(dir, 'finns-inte.csv'), '--out', join(dir, 'x.xlsx')], o.io)).toBe(2);
    expect(o.err.join('')).toContain('finns-inte.csv');
  });
});
