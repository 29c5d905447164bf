/**
 * Benchmark files of every kind a user can download, told apart by content. The fixtures are made by
 * hand from documented formats, their numbers invented (see fixtures/README.md): Kolada's export from
 * the four dimensions of Kolada's API README, Skolverket's PxWeb CSV from PxWeb's own CSV writer.
 * Expected values are read off the fixtures by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type CellValue } from '../types';
import { buildReport } from './build';
import { testPnr } from './fixtures';
import { mergeBenchmarks, readBenchmarks, type Benchmark } from './benchmarks';
import { readBenchmarkFile, textRows } from './benchmarks-formats';
import { planSheetValues } from './plan-values';
import type { PlanValue, SheetPlan } from './plan';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const KOLADA_LONG = fixture('kolada-export-documented-dimensions.csv');
const KOLADA_WIDE = fixture('kolada-export-wide-documented-dimensions.csv');
const PX_COMMA = fixture('skolverket-pxweb-comma-documented-format.csv');
const PX_SEMICOLON = fixture('skolverket-pxweb-semicolon-documented-format.csv');
const brief = (rows: Benchmark[]) => rows.map((r) => [r.kpi, r.unit, r.code, r.year, r.gender, r.value]);

describe('Kolada export (CSV)', () => {
  it('long form: KPI, kommun id, år, kön, värde; decimal comma; percent to fractions; other KPIs skipped', () => {
    const r = readBenchmarkFile({ name: 'kolada-export.csv', text: KOLADA_LONG }, 'sv');
    expect(r.format).toBe('kolada-table');
    expect(r.problems).toEqual([]);
    expect(brief(r.rows)).toEqual([
      ['N15436', 'kommun', '1280', 2024, 'total', 0.831],
      ['N15436', 'kommun', '1280', 2024, 'girls', 0.859],
      ['N15436', 'kommun', '1280', 2024, 'boys', 0.804],
      ['N15436', 'kommun', '1280', 2025, 'total', 0.845],
      ['N15436', 'riket', '0000', 2025, 'total', 0.857],
      ['N15505', 'kommun', '1280', 2025, 'total', 221.3],
      ['N15505', 'liknande', 'G124025', 2025, 'total', 224.6],
      ['N15419', 'riket', '0000', 2025, 'total', null],
    ]);
    expect(r.rows[0].source).toBe('Kolada (kolada-export.csv)');
  });

  it('wide form: the KPI id in the title line, one column per year, units by name, .. for missing', () => {
    const r = readBenchmarkFile({ name: 'meritvarde.csv', text: KOLADA_WIDE }, 'sv');
    expect(r.format).toBe('kolada-table');
    expect(r.problems).toEqual([]);
    expect(brief(r.rows)).toEqual([
      ['N15505', 'kommun', 'Malmö', 2023, 'total', 219], ['N15505', 'kommun', 'Malmö', 2024, 'total', 220.5], ['N15505', 'kommun', 'Malmö', 2025, 'total', 221.3],
      ['N15505', 'kommun', 'Malmö', 2023, 'girls', 231.4], ['N15505', 'kommun', 'Malmö', 2024, 'girls', 233], ['N15505', 'kommun', 'Malmö', 2025, 'girls', 234.1],
      ['N15505', 'riket', '0000', 2023, 'total', 229.8], ['N15505', 'riket', '0000', 2024, 'total', 230.4], ['N15505', 'riket', '0000', 2025, 'total', null],
      ...[[2023, 222.1], [2024, 223.9], [2025, 224.6]].map(([y, v]) => ['N15505', 'liknande', 'Liknande kommuner grundskola, Malmö', y, 'total', v]),
    ]);
  });

  it('the same rows from an .xlsx sheet (numbers as numbers) read as from the CSV', () => {
    const values = textRows(KOLADA_LONG).map((row) => row.map((v): CellValue => (/^\d+(,\d+)?$/.test(v) && !/^0\d/.test(v) ? Number(v.replace(',', '.')) : v === '' ? null : v)));
    const r = readBenchmarkFile({ name: 'kolada.xlsx', sheets: [{ sheet: 'Export', values }] }, 'sv');
    expect(r.rows.map((x) => ({ ...x, source: '' }))).toEqual(readBenchmarkFile({ name: 'kolada.xlsx', text: KOLADA_LONG }, 'sv').rows.map((x) => ({ ...x, source: '' })));
  });
});

describe('Skolverket statistikdatabas (PxWeb CSV)', () => {
  it('comma, title line, stub region/huvudman/kön/tabellinnehåll, läsår in the heading', () => {
    const r = readBenchmarkFile({ name: 'px.csv', text: PX_COMMA }, 'sv');
    expect(r.format).toBe('pxweb');
    expect(r.problems).toEqual([]);
    const Y = [2023, 2024, 2025];
    const series = (kpi: string, unit: string, code: string, gender: string, vals: (number | null)[]) => vals.map((v, i) => [kpi, unit, code, Y[i], gender, v]);
    expect(brief(r.rows)).toEqual([
      ...series('SKV:YRK', 'riket', '0000', 'total', [0.842, 0.849, 0.857]),
      ...series('SKV:merit17', 'riket', '0000', 'total', [229.8, 230.4, 231]),
      ...series('SKV:YRK', 'kommun', '1280', 'total', [0.801, null, 0.833]),
      ...series('SKV:YRK', 'kommun', '1280', 'girls', [0.82, 0.831, 0.852]),
      ...series('SKV:YRK:kommunal', 'kommun', '1280', 'total', [0.789, 0.795, 0.81]),
      // "Antal elever" has no twin; the last läsår's '.' is missing, not 0.
      ...series('SKV:allPassed', 'kommun', '1280', 'total', [0.702, 0.71, null]),
    ]);
    expect(r.rows[0].source).toBe('Skolverket (px.csv)');
  });

  it('semicolon, decimal comma, the indicator in the title, år in the stub, kön in the heading', () => {
    const r = readBenchmarkFile({ name: 'px2.csv', text: PX_SEMICOLON }, 'sv');
    expect(r.format).toBe('pxweb');
    expect(r.problems).toEqual([]);
    expect(brief(r.rows)).toEqual([
      ['SKV:YRK', 'kommun', '1280', 2025, 'total', 0.845], ['SKV:YRK', 'kommun', '1280', 2025, 'girls', 0.86], ['SKV:YRK', 'kommun', '1280', 2025, 'boys', 0.83],
      ['SKV:YRK', 'kommun', '1281', 2025, 'total', null], ['SKV:YRK', 'kommun', '1281', 2025, 'girls', 0.912], ['SKV:YRK', 'kommun', '1281', 2025, 'boys', null],
    ]);
  });

  it('tab-separated, as PxWeb writes it too', () => {
    const text = PX_SEMICOLON.replace(/;/g, '\t').replace(/(\d),(\d)/g, '$1.$2');
    expect(brief(readBenchmarkFile({ name: 'px.tsv', text }, 'sv').rows)).toEqual(brief(readBenchmarkFile({ name: 'px2.csv', text: PX_SEMICOLON }, 'sv').rows));
  });
});

describe('the format comes from the content, and what cannot be read is said', () => {
  it('a Kolada export named .txt and a PxWeb file named kolada.csv are still read as what they are', () => {
    expect(readBenchmarkFile({ name: 'data.txt', text: KOLADA_LONG }, 'sv').format).toBe('kolada-table');
    expect(readBenchmarkFile({ name: 'kolada.csv', text: PX_COMMA }, 'sv').format).toBe('pxweb');
    expect(readBenchmarkFile({ name: 'export.csv', text: fixture('kolada-v2-data-documented-format.json') }, 'sv').format).toBe('kolada-json');
  });

  it('garbled cells of a Kolada export are warnings with their address; the good rows are kept', () => {
    const text = 'KPI;Kommun;År;Kön;Värde\nN15436;1280;2025;T;hög\nN15436;1280;tjugo;T;84,5\nN15436;;2025;T;84,5\nN15436;1280;2025;K;86,0\n';
    const r = readBenchmarkFile({ name: 'bad.csv', text }, 'sv');
    expect(brief(r.rows)).toEqual([['N15436', 'kommun', '1280', 2025, 'girls', 0.86]]);
    expect(r.problems.map((p) => [p.cell, p.code, p.severity, p.value])).toEqual([
      ["'bad.csv'!E2", 'report.benchmarkValue', 'warning', 'hög'],
      ["'bad.csv'!C3", 'report.benchmarkYear', 'warning', 'tjugo'],
      ["'bad.csv'!B4", 'report.benchmarkUnit', 'warning', null],
    ]);
    expect(r.problems[0].message).toBe('Värdet i bad.csv är inget tal (saknade värden skrivs .. eller .); raden används inte.');
  });

  it('a garbled value in a PxWeb year column is a warning at its cell', () => {
    const text = '"region","Andel behöriga till yrkesprogram 2025"\n"1280 Malmö",hög\n"0180 Stockholm",88.1\n';
    const r = readBenchmarkFile({ name: 'px.csv', text }, 'sv');
    expect(brief(r.rows)).toEqual([['SKV:YRK', 'kommun', '0180', 2025, 'total', 0.881]]);
    expect(r.problems.map((p) => [p.cell, p.code])).toEqual([["'px.csv'!B2", 'report.benchmarkValue']]);
  });

  it('a file of no known format is one error naming it; a known format without our indicators one warning', () => {
    const grades = 'Personnummer;Förnamn;Klass;Sv;Ma\n200801011234;Ann;9A;A;F\n';
    for (const [name, text] of [['betyg.csv', grades], ['tom.csv', ''], ['trasig.json', '{"values": 3']]) {
      const r = readBenchmarkFile({ name, text }, 'sv');
      expect(r.rows).toEqual([]);
      expect(r.problems.map((p) => [p.cell, p.code, p.severity])).toEqual([[name, 'report.benchmarkFormat', 'error']]);
      expect(r.problems[0].message).toContain(name);
    }
    const counts = readBenchmarkFile({ name: 'antal.csv', text: '"region","tabellinnehåll","2025"\n"1280 Malmö","Antal elever",3655\n' }, 'sv');
    expect(counts.format).toBe('pxweb');
    expect(counts.problems.map((p) => [p.code, p.severity])).toEqual([['report.benchmarkNone', 'warning']]);
    expect(counts.problems[0].message).toContain('Skolverket PxWeb');
  });
});

describe('never throws', () => {
  it('on 500 random texts made of table-ish pieces, an answer with rows or problems', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const pieces = ['KPI', 'Kommun', 'År', 'Kön', 'Värde', 'region', 'kön', '2024/25', '2025', 'N15436', 'N15505', '1280 Malmö', 'Riket', '"', ';', ',', '\t', '\n', '\r\n', '..', '84,5', '84.5', '-', 'T', 'flickor', 'behöriga till yrkesprogram', 'meritvärde', '{', '[', ' ', 'G124025', '%'];
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: 1 + rnd(60) }, () => pieces[rnd(pieces.length)]).join('');
      const r = readBenchmarkFile({ name: `f${i}.csv`, text }, 'sv');
      expect(r.rows.length + r.problems.length, text).toBeGreaterThan(0);
      for (const row of r.rows) expect(Number.isInteger(row.year) && (row.value === null || Number.isFinite(row.value)), text).toBe(true);
    }
  });
});

describe('imported rows on the sheets', () => {
  const SUBJECTS = ['Sv', 'En', 'Ma', 'Bi'];
  const pnr = testPnr;
  const grades = {
    sheet: 'Betyg VT2026',
    values: [['Personnummer', 'Förnamn', 'Efternamn', 'Klass', ...SUBJECTS], ...Array.from({ length: 20 }, (_, i) => [pnr(i), `E${i}`, 'T', '9A', ...SUBJECTS.map(() => 'E')])] as CellValue[][],
  };
  const files = [{ name: 'px.csv', text: PX_COMMA }, { name: 'meritvarde.csv', text: KOLADA_WIDE }];
  const r = buildReport({ grades, benchmarkFiles: files }, ['namndrapport', 'jamforelse'], DEFAULT_SETTINGS, new Date('2026-12-03T12:00:00Z'));
  const rowsOf = (s: SheetPlan, id: string): PlanValue[][] => s.blocks.filter((b) => b.id === `${id}-header` || new RegExp(`^${id}-\\d+$`).test(b.id)).sort((a, b) => a.row - b.row).flatMap((b) => b.values);

  it('Jämförelsetal keeps Skolverket ids and named units, and reads back as written', () => {
    const sheet = r.plan.sheets.find((s) => s.key === 'jamforelse')!;
    expect(rowsOf(sheet, 'benchmarks')).toContainEqual(['SKV:YRK:kommunal', 'Andel behöriga till yrkesprogram (Skolverket, kommunal huvudman)', 'Kommunen', '1280', 2025, 'Totalt', 0.81, 'Skolverket (px.csv)']);
    const back = readBenchmarks({ sheet: 'Jämförelsetal', values: planSheetValues(sheet) }, 'sv');
    expect(back.problems).toEqual([]);
    const all = files.flatMap((f) => readBenchmarkFile(f, 'sv').rows);
    expect(back.rows).toEqual(mergeBenchmarks([], all));
  });

  it('the Nämndrapport shows Skolverket rows after Kolada rows, named by source and huvudman', () => {
    const nr = r.plan.sheets.find((s) => s.key === 'namndrapport')!;
    const labels = rowsOf(nr, 'benchmarks').slice(1).map((row) => [row[0], row[2], row[3], row[4], row[5], row[6], row[7]]);
    expect(labels).toEqual([
      // Kolada N15505: Malmö 2025 by name; riket's 2025 is missing, so its latest is 2024.
      ['Genomsnittligt meritvärde (17 ämnen)', 221.3, '2025', 230.4, '2024', 224.6, '2025'],
      ['Andel behöriga till yrkesprogram (Skolverket)', 0.833, '2025', 0.857, '2025', '.', ''],
      ['Andel behöriga till yrkesprogram (Skolverket, kommunal huvudman)', 0.81, '2025', '.', '', '.', ''],
      ['Genomsnittligt meritvärde (17 ämnen) (Skolverket)', '.', '', 231, '2025', '.', ''],
      ['Andel med godkända betyg i alla ämnen (Skolverket)', 0.71, '2024', '.', '', '.', ''],
    ]);
  });
});
