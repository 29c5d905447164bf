import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CliError, decodeBytes, readInput } from './io';
import { decodeText } from '../core/table/text';
import { XlsxPackage, writeReportPackage } from './xlsx/index';
import { samplePlan } from './fixtures/sample-plan';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'skolanalys-io-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

async function rejects(p: Promise<unknown>): Promise<CliError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return e as CliError;
  }
  throw new Error('expected a CliError');
}

describe('readInput on text files', () => {
  it('reads UTF-8 with BOM; the sheet is the file name without extension', async () => {
    const p = file('betyg-9a.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('201001152384;Åsa;A\n201002162391;Örjan;F\n', 'utf8')]));
    const f = await readInput(p);
    expect(f.kind).toBe('text');
    expect(f.sheets).toHaveLength(1);
    expect(f.sheets[0].sheet).toBe('betyg-9a');
    expect(f.sheets[0].values).toEqual([['201001152384', 'Åsa', 'A'], ['201002162391', 'Örjan', 'F']]);
  });

  it('reads Windows-1252 (å = 0xE5, ö = 0xF6) when the bytes are not UTF-8', async () => {
    const p = file('np.txt', new Uint8Array([0x4e, 0x61, 0x6d, 0x6e, 0x3b, 0xc5, 0x73, 0x61, 0x0d, 0x0a, 0x78, 0x3b, 0x42, 0xf6, 0x72, 0x6a, 0x65, 0x0d, 0x0a]));
    const f = await readInput(p);
    expect(f.sheets[0].values).toEqual([['Namn', 'Åsa'], ['x', 'Börje']]);
  });

  it('decodes as core does, on Node\'s own UTF-8 path or not: BOM, two BOMs, Windows-1252, invalid and cut-off sequences', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const utf8 = [...Buffer.from('Åsa;Öberg;é€😀\r\n', 'utf8')];
    const cases = [utf8, [...bom, ...utf8], [...bom, ...bom, ...utf8], [0xc5, 0x73, 0x61, 0x3b, 0xf6], [...utf8, 0xe2, 0x82], [...bom], [], [0xff, 0xfe, 0x41, 0x00]];
    for (const c of cases) {
      const bytes = Buffer.from(c);
      expect(decodeBytes(bytes), c.join(' ')).toEqual(decodeText(new Uint8Array(c)));
    }
    expect(decodeBytes(Buffer.from([...bom, ...utf8])).encoding).toBe('utf-8-bom');
    expect(decodeBytes(Buffer.from([0xc5, 0x73, 0x61])).text).toBe('Åsa'); // Windows-1252
  });

  it('reads comma CSV with quoted cells holding commas and quotes', async () => {
    const p = file('lista.csv', 'Namn,Klass,Kommentar\n"Berg, Ada",9A,"sa ""hej"""\n');
    const f = await readInput(p);
    expect(f.sheets[0].values).toEqual([['Namn', 'Klass', 'Kommentar'], ['Berg, Ada', '9A', 'sa "hej"']]);
  });
});

describe('readInput on workbooks', () => {
  it('normalises cell values: formula → result, rich text and links → text, dates stay dates, errors → text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Betyg VT2026');
    ws.getCell('A1').value = 'Personnummer';
    ws.getCell('B1').value = { richText: [{ text: 'Na' }, { text: 'mn', font: { bold: true } }] };
    ws.getCell('A2').value = '201001152384';
    ws.getCell('B2').value = { text: 'Ada', hyperlink: 'https://example.org' };
    ws.getCell('C2').value = { formula: '1+1', result: 2 };
    ws.getCell('D2').value = new Date(Date.UTC(2026, 5, 10));
    ws.getCell('E2').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell('A4').value = 7; // row 3 empty: rows keep their sheet positions
    wb.addWorksheet('Frånvaro').getCell('A1').value = 'x';
    const p = file('demo.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const f = await readInput(p);
    expect(f.sheets.map((s) => s.sheet)).toEqual(['Betyg VT2026', 'Frånvaro']);
    const v = f.sheets[0].values;
    expect(v[0]).toEqual(['Personnummer', 'Namn']);
    expect(v[1]).toEqual(['201001152384', 'Ada', 2, new Date(Date.UTC(2026, 5, 10)), '#N/A']);
    expect(v[2]).toEqual([]);
    expect(v[3]).toEqual([7]);
    const one = await readInput(p, { sheet: 'frånvaro' });
    expect(one.sheets.map((s) => s.sheet)).toEqual(['Frånvaro']);
  });

  it('leaves out sheets an earlier report generated, unless asked for by name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Betyg').getCell('A1').value = 'Personnummer';
    const written = await writeReportPackage(XlsxPackage.open(Buffer.from(await wb.xlsx.writeBuffer())), samplePlan(), [], new Date(Date.UTC(2026, 5, 15)));
    const p = file('rapport.xlsx', written.bytes);
    const f = await readInput(p);
    expect(f.sheets.map((s) => s.sheet)).toEqual(['Betyg']);
    expect((await readInput(p, { sheet: 'Elevlista' })).sheets[0].values[0]).toEqual(['Elevlista – innehåller personuppgifter']);
  });

  it('keeps a create-once sheet (the Närvaroplan) among the sheets: it is the school\'s input', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Betyg').getCell('A1').value = 'Personnummer';
    const plan = samplePlan();
    plan.sheets.push({ key: 'narvaroplan', name: 'Närvaroplan', personalData: false, createOnly: true, blocks: [{ id: 'x', row: 0, col: 0, values: [['Steg']] }] });
    const written = await writeReportPackage(XlsxPackage.open(Buffer.from(await wb.xlsx.writeBuffer())), plan, [], new Date(Date.UTC(2026, 5, 15)));
    const f = await readInput(file('med-plan.xlsx', written.bytes));
    expect(f.sheets.map((s) => s.sheet)).toEqual(['Betyg', 'Närvaroplan']);
  });
});

describe('readInput errors name the file', () => {
  it('missing file, folder, missing sheet, not a zip, old format, unknown type', async () => {
    expect((await rejects(readInput(join(dir, 'saknas.txt')))).key).toBe('cli.error.fileMissing');
    mkdirSync(join(dir, 'mapp.csv'));
    expect((await rejects(readInput(join(dir, 'mapp.csv')))).key).toBe('cli.error.isDirectory');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Betyg');
    const p = file('en.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    const e = await rejects(readInput(p, { sheet: 'Prov' }));
    expect(e.key).toBe('cli.error.sheetMissing');
    expect(e.params).toMatchObject({ sheet: 'Prov', sheets: 'Betyg' });
    expect((await rejects(readInput(file('trasig.xlsx', 'inte en zip')))).key).toBe('cli.error.zipNoDirectory');
    // An encrypted workbook or an old .xls renamed .xlsx is an OLE compound file (magic D0 CF 11 E0 A1 B1 1A E1).
    const ole = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect((await rejects(readInput(file('krypterad.xlsx', ole)))).key).toBe('cli.error.oleFile');
    expect((await rejects(readInput(file('gammal.xls', 'x')))).key).toBe('cli.error.saveAsXlsx');
    const u = await rejects(readInput(file('bild.png', 'x')));
    expect(u.key).toBe('cli.error.unsupportedType');
    expect(u.exitCode).toBe(2);
  });
});
