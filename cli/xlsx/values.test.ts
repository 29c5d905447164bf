/**
 * The package reader on parts written by hand, the way other producers write them: prefixes
 * (`x:` of the Open XML SDK), no `r` attributes, inline and rich strings with phonetic runs,
 * `_x000D_` escapes, cached formula results, errors, booleans, 1900 and 1904 dates.
 */
import { describe, expect, it } from 'vitest';
import { isDateFormat, readDateStyles, readSharedStrings, readSheetValues, serialToDate, SheetScanner } from './values';
import { resolveTarget, relativeTarget, tags } from './opc';
import { writeZipItems, ZipArchive } from './zipfile';
import { XlsxPackage } from './package';

const b = (s: string) => Buffer.from(s, 'utf8');

describe('readSheetValues', () => {
  it('reads every cell type, with or without a prefix and cell references', () => {
    const strings = ['Personnummer', 'Sv', 'A'];
    const dates = Uint8Array.from([0, 1]);
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>
      <x:row r="3" spans="1:7"><x:c t="s"><x:v>2</x:v></x:c><x:c><x:v>-1.5E-3</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c>
        <x:c t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c t="str"><x:f>"a"&amp;"b"</x:f><x:v>a&amp;b</x:v></x:c>
        <x:c s="1"><x:v>46183</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>Ber</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ベ</x:t></x:rPh><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">it _x000D_</x:t></x:r></x:is></x:c></x:row>
      <x:row><x:c r="B4"><x:f>NA()</x:f></x:c><x:c r="C4" s="0"/><x:c r="D4" t="d"><x:v>2026-06-10T00:00:00Z</x:v></x:c></x:row>
    </x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`;
    const rows = readSheetValues(b(xml), strings, dates, false);
    expect(rows[0]).toEqual(['Personnummer', null, 'Sv']);
    expect(rows[1]).toEqual([]);
    // 46183 days after 1899-12-30 is 2026-06-10 (25569 is 1970-01-01: 46183 − 25569 = 20614 days = 2026-06-10).
    expect(rows[2]).toEqual(['A', -0.0015, true, '#DIV/0!', 'a&b', new Date(Date.UTC(2026, 5, 10)), 'Berit \r']);
    // Row 4 has no r: it follows row 3. A formula without a cached result is empty; an empty styled cell too.
    expect(rows[3]).toEqual([null, null, null, new Date(Date.UTC(2026, 5, 10))]);
    expect(rows).toHaveLength(4);
  });

  it('reads the same in pieces of any size as in one (rows cut only between rows)', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `<x:row r="${i + 2}"><x:c r="A${i + 2}" t="s"><x:v>${i % 3}</x:v></x:c><x:c r="C${i + 2}"><x:v>${i * 1.5}</x:v></x:c>` +
      `<x:c r="D${i + 2}" t="inlineStr"><x:is><x:t>rad ${i} &amp; mer; arrow></x:t></x:is></x:c></x:row>`).join('\n');
    const xml = b(`<x:worksheet xmlns:x="…"><x:cols><x:col min="1" max="2"/></x:cols><x:sheetData>${rows}<x:row/></x:sheetData><x:pageMargins/></x:worksheet>`);
    const whole = readSheetValues(xml, ['A', 'B', 'C'], new Uint8Array(0), false);
    expect(whole).toHaveLength(62);
    expect(whole[1]).toEqual(['A', null, 0, 'rad 0 & mer; arrow>']);
    for (const size of [1, 7, 64, 333, 4096]) {
      const s = new SheetScanner(['A', 'B', 'C'], new Uint8Array(0), false);
      for (let at = 0; at < xml.length; at += size) s.feed(xml.subarray(at, at + size));
      s.feed(Buffer.alloc(0), true);
      expect(s.rows, `pieces of ${size}`).toEqual(whole);
      expect(s.done).toBe(true);
      // Handed over row by row instead: the same rows at the same places, none kept, the empty <row/> left out.
      const got: [number, unknown[]][] = [];
      const o = new SheetScanner(['A', 'B', 'C'], new Uint8Array(0), false, (r, cells) => got.push([r, [...cells]]));
      for (let at = 0; at < xml.length; at += size) o.feed(xml.subarray(at, at + size));
      o.feed(Buffer.alloc(0), true);
      expect(o.rows).toEqual([]);
      expect(got, `row by row, pieces of ${size}`).toEqual(whole.map((cells, r) => [r, cells]).slice(1, 61));
    }
  });

  it('hands a row cut off by the end of the data to onRow as it stands, as the kept rows keep it', () => {
    for (const tail of ['<row r="3"><c r="A3"><v>7</v></c><c r="C3"/>', '<row r="3"><c r="A3"><v>7</v></c></sheetData>']) {
      const xml = b(`<worksheet><sheetData><row r="1"><c r="B1"><v>1</v></c><c r="C1" t="s"><v>0</v></c></row>${tail}`);
      const whole = readSheetValues(xml, ['Sv'], new Uint8Array(0), false);
      const got: [number, unknown[]][] = [];
      new SheetScanner(['Sv'], new Uint8Array(0), false, (r, cells) => got.push([r, [...cells]])).feed(xml, true);
      expect(got).toEqual([[0, whole[0]], [2, whole[2]]]);
      expect(whole[2][0]).toBe(7);
    }
  });

  it('counts 1904 serials from 1904-01-01', () => {
    // In the 1904 system serial 0 is 1904-01-01; 44721 + 1462 = 46183 → 2026-06-10.
    expect(serialToDate(44721, true)).toEqual(new Date(Date.UTC(2026, 5, 10)));
    expect(serialToDate(0, true)).toEqual(new Date(Date.UTC(1904, 0, 1)));
  });

  it('an empty sheet, and an empty <v>, give nothing', () => {
    expect(readSheetValues(b('<worksheet><sheetData/></worksheet>'), [], new Uint8Array(0), false)).toEqual([]);
    expect(readSheetValues(b('<worksheet><sheetData><row r="2"><c r="B2"><v></v></c></row></sheetData></worksheet>'), [], new Uint8Array(0), false)).toEqual([[], []]);
  });
});

describe('shared strings and date styles', () => {
  it('joins rich runs, leaves out phonetic runs and unescapes', () => {
    const xml = '<sst xmlns="…" count="3" uniqueCount="3"><si><t>Ada</t></si><si><r><t>Be</t></r><r><rPr><b/></rPr><t>rit</t></r><rPh><t>x</t></rPh></si><si><t/></si><si><t>&lt;5 &amp; &#229;</t></si></sst>';
    expect(readSharedStrings(b(xml))).toEqual(['Ada', 'Berit', '', '<5 & å']);
  });

  it('knows date formats from built-in ids and from codes', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('[h]:mm')).toBe(true);
    expect(isDateFormat('0.0%')).toBe(false);
    expect(isDateFormat('[Red]#,##0 "dagar"')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    const styles = '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="[&gt;=100]0;&quot;d&quot;0"/><numFmt numFmtId="165" formatCode="d/m/yyyy"/></numFmts>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"></xf></cellXfs></styleSheet>';
    expect([...readDateStyles(styles)]).toEqual([0, 1, 0, 1]);
  });
});

describe('OPC', () => {
  it('resolves relationship targets relative to the source part, or absolute', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
    expect(resolveTarget('xl/workbook.xml', 'worksheets/Blad%201.xml')).toBe('xl/worksheets/Blad 1.xml');
    expect(relativeTarget('xl/worksheets/sheet3.xml', 'xl/tables/table1.xml')).toBe('../tables/table1.xml');
    expect(relativeTarget('xl/workbook.xml', 'xl/worksheets/sheet3.xml')).toBe('worksheets/sheet3.xml');
  });

  it('tags skip `>` inside attribute values', () => {
    const t = tags('<numFmt formatCode="[>=100]0"/><x:sheet name="a>b"/>');
    expect(t.map((x) => [x.name, x.prefix, x.selfClosing])).toEqual([['numFmt', '', true], ['sheet', 'x:', true]]);
  });

  it('opens a package whose parts are named and prefixed unlike Excel\'s, and reads its sheets by relationship', async () => {
    const parts: [string, string][] = [
      ['[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>'],
      ['_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/bok/huvud.xml"/></Relationships>'],
      ['bok/huvud.xml', '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="true"/><x:sheets><x:sheet name="Betyg &amp; prov" sheetId="7" rel:id="a"/></x:sheets>' +
        '<x:definedNames><x:definedName name="SKOLANALYS_elevlista">\'Betyg &amp; prov\'!$A$1</x:definedName><x:definedName name="Skolår">"2025/26"</x:definedName></x:definedNames></x:workbook>'],
      ['bok/_rels/huvud.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/blad/ett.xml"/><Relationship Id="s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="../text.xml"/></Relationships>'],
      ['text.xml', '<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>Ma</x:t></x:si></x:sst>'],
      ['blad/ett.xml', '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>'],
    ];
    const pkg = XlsxPackage.open(await writeZipItems(parts.map(([name, data]) => ({ kind: 'new', name, data })), new Date(Date.UTC(2026, 0, 1))));
    expect(pkg.workbookPath).toBe('bok/huvud.xml');
    expect(pkg.date1904).toBe(true);
    expect(pkg.sheets.map((s) => [s.name, s.path, s.sheetId])).toEqual([['Betyg & prov', 'blad/ett.xml', 7]]);
    expect(pkg.values(pkg.sheets[0])).toEqual([['Ma']]);
    expect([...pkg.markers()]).toEqual([['elevlista', 'Betyg & prov']]);
    expect(pkg.definedNames.find((d) => d.name === 'Skolår')!.value).toBe('"2025/26"');
  });

  it('loadValues (inflated and read in pieces, on zlib\'s thread) gives exactly what values() gives', async () => {
    // About 9 MB of sheet XML: several of loadValues' 1 MiB pieces, so rows are cut across pieces.
    const row = (i: number) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i % 2}</v></c><c r="B${i + 1}"><v>${i}</v></c>` +
      `<c r="C${i + 1}" t="inlineStr"><is><t>elev ${i} med ett längre namn &amp; klass 9${'ABCD'[i % 4]}</t></is></c><c r="D${i + 1}" s="1"><v>${46000 + (i % 300)}</v></c></row>`;
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${Array.from({ length: 60_000 }, (_, i) => row(i)).join('')}</sheetData></worksheet>`;
    expect(sheet.length).toBeGreaterThan(9_000_000);
    const parts: [string, string][] = [
      ['[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'],
      ['_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
      ['xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Betyg" sheetId="1" r:id="a"/></sheets></workbook>'],
      ['xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="ark.xml"/><Relationship Id="s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sst.xml"/><Relationship Id="t" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'],
      ['xl/sst.xml', '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Sv</t></si><si><t>Ma</t></si></sst>'],
      ['xl/styles.xml', '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'],
      ['xl/ark.xml', sheet],
    ];
    const pkg = XlsxPackage.open(await writeZipItems(parts.map(([name, data]) => ({ kind: 'new', name, data })), new Date(Date.UTC(2026, 0, 1))));
    expect(pkg.zip.entry('xl/ark.xml')!.method).toBe(8); // deflated: the streaming path, not values()
    const streamed = await pkg.loadValues(pkg.sheets[0]);
    expect(streamed).toHaveLength(60_000);
    // Row 59 999: shared string 1 ('Ma'), its number, its text, and serial 46000 + 59 999 mod 300 = 46299 as a date.
    expect(streamed[59_999].slice(0, 3)).toEqual(['Ma', 59_999, 'elev 59999 med ett längre namn & klass 9D']);
    expect(streamed[59_999][3]).toBeInstanceOf(Date);
    expect(streamed).toEqual(pkg.values(pkg.sheets[0]));
    // Row by row (no grid kept): every row, in order, the same.
    const byRow: unknown[][] = [];
    expect(await pkg.loadValues(pkg.sheets[0], (r, cells) => { byRow[r] = [...cells]; })).toEqual([]);
    expect(byRow).toEqual(streamed);
  });

  it('finds part names case-insensitively, and names an archive without a directory', async () => {
    const zip = new ZipArchive(await writeZipItems([{ kind: 'new', name: 'a.xml', data: '<a/>' }], new Date(Date.UTC(2026, 0, 1))));
    expect(zip.text('A.XML')).toBe('<a/>');
    expect(() => new ZipArchive(Buffer.from('PK not really'))).toThrow(/zipNoDirectory/);
  });
});
