import { describe, expect, it } from 'vitest';
import type { TestTable } from '../types';
import { isTest3Sheet, readTestTable, SCB_TEST3_COLUMNS, SCB_TEST9_COLUMNS } from './tests';
import { decodeText, parseDelimited } from './text';

// Luhn check digits: see grades.test.ts (20100101-0014 M, -0022 F, -0030 M).
const N1 = '201001010014';
const N2 = '201001010022';
const N3 = '201001010030';
const opts = { referenceYear: 2026 };
const codes = (t: TestTable) => t.problems.map((p) => `${p.code}@${p.cell}`);

/** One NP line: 32 fields in file order; unspecified fields are '1' (took part) or empty. */
function npLine(pnr: string, f: Partial<Record<string, string>>): string {
  return SCB_TEST9_COLUMNS.map((c) => {
    if (c in f) return f[c];
    if (c === 'System') return 'IST';
    if (c === 'Datum') return '2026-06-10';
    if (c === 'Version') return '1';
    if (c === 'PersonNr') return pnr;
    if (c === 'Skolenhetskod') return '12345678';
    if (c.endsWith('_GRUPP')) return '9A';
    return '';
  }).join(';');
}

describe('SCB national-test file åk 9', () => {
  it('has the 32 documented columns', () => {
    expect(SCB_TEST9_COLUMNS).toHaveLength(32);
    expect(SCB_TEST9_COLUMNS.indexOf('MA_PROVB')).toBe(10);
    expect(SCB_TEST9_COLUMNS.indexOf('SO_PROVB')).toBe(31);
  });

  const lines = [
    npLine(N1, { MA_PROVB: 'C', SV_KURSPLAN: '1', SV_PROVB: 'b', EN_PROVB: '99', NO_PROV: 'FY', NO_PROVB: 'E', SO_PROV: 'HI', SO_PROVB: '77' }),
    npLine(N2, { MA_PROVB: '88', SV_KURSPLAN: '2', SV_PROVB: 'D', EN_PROVB: 'A', NO_PROV: '', NO_PROVB: '', SO_PROV: 'sh', SO_PROVB: '' }),
    npLine(N3, { MA_PROVB: 'G', SV_PROVB: 'E', EN_PROVB: 'E', NO_PROV: '', NO_PROVB: 'C' }),
    'IST;2026-06-10;1;201001010048;12345678;9A',
  ];

  it('headerless, windows-1252 bytes', () => {
    const bytes = Uint8Array.from([...lines.join('\r\n')].map((c) => c.charCodeAt(0)));
    const t = readTestTable({ sheet: 'np', values: parseDelimited(decodeText(bytes).text) }, opts);
    expect(t.headerRow).toBeNull();
    expect(t.records.map((r) => [r.id, r.row, r.school])).toEqual([[N1, 1, '12345678'], [N2, 2, '12345678'], [N3, 3, '12345678']]);
    // Column letters: MA_PROVB index 10 → K, SV_PROVB 16 → Q, EN_PROVB 21 → V, NO_PROVB 26 → AA, SO_PROVB 31 → AF.
    expect(t.records[0].results).toEqual([
      { subject: 'Ma', mark: 'C', cell: 'np!K1' },
      { subject: 'Sv', mark: 'B', cell: 'np!Q1' },
      { subject: 'En', mark: null, code: '99', cell: 'np!V1' },
      { subject: 'Fy', mark: 'E', cell: 'np!AA1' },
      { subject: 'Hi', mark: null, code: '77', cell: 'np!AF1' },
    ]);
    // SV_KURSPLAN 2 → Sva; blank NO (digital) has no result; SO_PROV 'sh' → Sh with a blank grade.
    expect(t.records[1].results).toEqual([
      { subject: 'Ma', mark: null, code: '88', cell: 'np!K2' },
      { subject: 'Sva', mark: 'D', cell: 'np!Q2' },
      { subject: 'En', mark: 'A', cell: 'np!V2' },
      { subject: 'Sh', mark: null, code: 'blank', cell: 'np!AF2' },
    ]);
    // Row 3: G is not a test grade; a NO grade without NO_PROV cannot be placed. Row 4: 6 columns.
    expect(codes(t)).toEqual(['table.test.invalid@np!K3', 'table.test.noProv@np!AA3', 'table.scb.columns@np!A4']);
    expect(t.problems[0].message).toBe('Ogiltigt provbetyg "G" i MA (np!K3): förväntade A–F, 99, 88, 77 eller tomt.');
    expect(t.records[2].results.map((r) => r.subject)).toEqual(['Sv', 'En']);
  });

  it('with the variable names as header and an origin offset', () => {
    const values = parseDelimited([SCB_TEST9_COLUMNS.join(';'), lines[0]].join('\n'));
    const t = readTestTable({ sheet: 'NP', values, origin: { row: 4, col: 0 } }, opts);
    expect(t.headerRow).toBe(5);
    expect(t.records[0].row).toBe(6);
    expect(t.records[0].results[0]).toEqual({ subject: 'Ma', mark: 'C', cell: 'NP!K6' });
  });

  it('a sheet with only some columns, by name', () => {
    const t = readTestTable({ sheet: 'NP', values: [['Titel'], ['PersonNr', 'EN_PROVB', 'SO_PROV', 'SO_PROVB'], [N1, 'F', 'RE', 'A']] }, opts);
    expect(t.records[0].results).toEqual([
      { subject: 'En', mark: 'F', cell: 'NP!B3' },
      { subject: 'Re', mark: 'A', cell: 'NP!D3' },
    ]);
    expect(t.problems).toEqual([]);
  });

  it('no test columns, empty grid: one clear problem each, never a throw', () => {
    expect(codes(readTestTable({ sheet: 'X', values: [['Namn', 'Klass'], ['Bo', '9A']] }, opts))).toEqual(['table.test.noColumns@X!A1']);
    expect(codes(readTestTable({ sheet: 'X', values: [] }, opts))).toEqual(['table.empty@X!A1']);
  });

  it('duplicate pupils: identical merge, conflicting is an error', () => {
    const values = [['PersonNr', 'MA_PROVB'], [N1, 'C'], [N1, 'C'], [N1, 'D']];
    const t = readTestTable({ sheet: 'NP', values }, opts);
    expect(t.records).toHaveLength(1);
    expect(codes(t)).toEqual(['table.duplicate.merged@NP!A3', 'table.duplicate.conflict@NP!A4']);
  });
});

describe('isTest3Sheet', () => {
  // An SCB row: System, Datum, Version, PersonNr, Skolenhetskod, then the rest, blank.
  const row = (width: number) => ['Edlevo', '2020-06-10', '25.2.1', '201312121234', '12345678', ...Array.from({ length: width - 5 }, () => '')];
  it('knows the åk 3 file by its 35 columns or its sub-test names, not the åk 9 file', () => {
    expect(isTest3Sheet([[], row(SCB_TEST3_COLUMNS.length)])).toBe(true);
    expect(isTest3Sheet([['PersonNr', 'SV_A_PR']])).toBe(true);
    expect(isTest3Sheet([row(SCB_TEST9_COLUMNS.length)])).toBe(false);
    expect(isTest3Sheet([[''], []])).toBe(false);
  });
});
