import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XlsxPackage, writeReportPackage, uniqueSheetName, MARKER_PREFIX } from './index';
import type { ReportPlan } from '../../core/report/plan';
import { samplePlan } from '../fixtures/sample-plan';
import { wellFormed } from '../fixtures/well-formed';

/** A user's workbook with values of every kind the writer must leave alone. */
function userWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Betyg VT2026');
  ws.addRow(['Personnummer', 'Namn', 'Sv', 'Ma', 'Datum', 'Summa']);
  ws.addRow(['201001152384', 'Ada', 'A', 'C', new Date(Date.UTC(2026, 5, 10)), { formula: 'LEN(B2)', result: 3 }]);
  ws.addRow(['20100216-2391', { richText: [{ text: 'Be' }, { text: 'rit', font: { bold: true } }] }, 'F', 2, null, 0.5]);
  ws.getCell('A2').numFmt = '@';
  const other = wb.addWorksheet('Anteckningar');
  other.getCell('B3').value = 'behåll mig';
  return wb;
}

/** Every non-empty cell of a sheet, address → value, for cell-by-cell comparison. */
function cells(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (c) => {
      out[c.address] = c.value instanceof Date ? c.value.toISOString() : JSON.parse(JSON.stringify(c.value));
    });
  });
  return out;
}

const WHEN = new Date(Date.UTC(2026, 5, 15));

/** The user's workbook as ExcelJS (another producer) saves it. */
async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `report`'s writing step: the plan into the package, as the CLI does it. */
async function writePlan(input: Uint8Array, plan: ReportPlan = samplePlan()) {
  return writeReportPackage(XlsxPackage.open(input), plan, [], WHEN);
}

async function writeSample(wb = userWorkbook()): Promise<Buffer> {
  return (await writePlan(await bytesOf(wb))).bytes;
}

function markers(bytes: Uint8Array): Map<string, string> {
  return XlsxPackage.open(bytes).markers();
}

async function open(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('writeReportPackage', () => {
  it('writes values, formats, styles, panes, widths, tables, highlights and markers', async () => {
    const wb = await open(await writeSample());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Betyg VT2026', 'Anteckningar', 'Nämndrapport', 'Elevlista']);
    const nr = wb.getWorksheet('Nämndrapport')!;
    expect(nr.getCell('A1').value).toBe('Nämndrapport – skolresultat årskurs 9');
    expect(nr.getCell('A1').font.bold).toBe(true);
    expect(nr.getCell('A1').font.size).toBe(14);
    expect(nr.getCell('A1').font.color?.argb).toBe('FF1F4E79');
    // headline block at row 2 (0-based) → sheet row 3; '..' and '.' stay text, shares keep 0.0%.
    expect(nr.getCell('A3').value).toBe('Indikator');
    expect(nr.getCell('A3').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(nr.getCell('A3').border?.top?.style).toBe('thin');
    expect(nr.getCell('B3').alignment?.horizontal).toBe('center');
    expect(nr.getCell('B4').value).toBe(0.881);
    expect(nr.getCell('B4').numFmt).toBe('0.0%');
    expect(nr.getCell('D4').value).toBe('..');
    expect(nr.getCell('A4').alignment?.wrapText).toBe(true);
    expect(nr.getCell('A4').font.italic).toBe(true);
    expect(nr.getCell('B5').value).toBe(231.5);
    expect(nr.getCell('B5').numFmt).toBe('0.0');
    expect(nr.getCell('D5').value).toBe('.');
    expect(nr.getColumn(1).width).toBe(34);
    expect(nr.getColumn(6).width).toBe(14);
    expect(nr.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(nr.properties.tabColor?.argb).toBe('FF1F4E79');

    const el = wb.getWorksheet('Elevlista')!;
    expect(el.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    // Pupils table: header row 2, 12 pupils below; personnummer kept as text with format '@'.
    expect(el.getCell('A2').value).toBe('Personnummer');
    expect(el.getCell('A3').value).toBe('20100115-0000');
    expect(el.getCell('A3').numFmt).toBe('@');
    expect(el.getCell('D4').value).toBe(0.12);
    expect(el.getCell('F8').value).toBeNull(); // the plan's null stays empty
    const zip = await JSZip.loadAsync(await writeSample());
    const tables = await Promise.all(zip.file(/^xl\/tables\/table\d+\.xml$/).map((f) => f.async('string')));
    expect(tables.some((x) => /name="Headline"/.test(x) && /ref="A3:D4"/.test(x) && /TableStyleMedium2/.test(x))).toBe(true);
    // 12 pupils + header from A2 → A2:F14, with a filter over it.
    expect(tables.some((x) => /name="Elevlista"/.test(x) && /ref="A2:F14"/.test(x) && /<autoFilter ref="A2:F14"/.test(x))).toBe(true);

    const elXml = await zip.file('xl/worksheets/sheet4.xml')!.async('string');
    expect(elXml).toContain('<conditionalFormatting sqref="E3:E14"><cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>&quot;Hög&quot;</formula>');
    expect(elXml).toMatch(/sqref="D3:D14"><cfRule type="cellIs" dxfId="\d+" priority="2" operator="greaterThanOrEqual"><formula>0.5<\/formula>/);
    expect(elXml).toMatch(/sqref="F3:F14"><cfRule type="cellIs" dxfId="\d+" priority="3" operator="lessThan"><formula>12<\/formula>/);

    expect([...markers(await writeSample())]).toEqual([['namndrapport', 'Nämndrapport'], ['elevlista', 'Elevlista']]);
  });

  it('prints as the plan says: orientation and a sheet-scoped print area', async () => {
    const plan = samplePlan();
    plan.sheets[0].print = { orientation: 'portrait', fitToWidth: true, area: { row: 0, col: 0, rows: 20, cols: 14 } };
    const zip = await JSZip.loadAsync((await writePlan(await bytesOf(userWorkbook()), plan)).bytes);
    const book = await zip.file('xl/workbook.xml')!.async('string');
    // Rows 1–20, columns A–N (14); the plan sheet is the third sheet (index 2) after two user sheets.
    expect(book).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="2">'Nämndrapport'!\$A\$1:\$N\$20<\/definedName>/);
    const sheets = await Promise.all(zip.file(/^xl\/worksheets\/sheet\d+\.xml$/).map((f) => f.async('string')));
    // Our sheets print fitToHeight 0 (as many pages down as needed); ExcelJS's user sheets do not.
    expect(sheets.filter((x) => x.includes('orientation="portrait" fitToWidth="1" fitToHeight="0"')).length).toBe(1);
    expect(sheets.filter((x) => x.includes('orientation="landscape" fitToWidth="1" fitToHeight="0"')).length).toBe(plan.sheets.length - 1);
  });

  it('prints at a scale with repeated title rows and page breaks when the plan says so (board papers)', async () => {
    const plan = samplePlan();
    plan.sheets[0].print = { orientation: 'portrait', fitToWidth: false, scale: 85, repeatRows: { from: 0, to: 1 }, rowBreaks: [30, 0, 60, 30], area: { row: 0, col: 0, rows: 80, cols: 8 } };
    // Sheet row 3 (0-based 2, the headline's header) wraps onto two lines: 30 points; 0 and 500 are no heights.
    plan.sheets[0].rowHeights = [{ row: 2, points: 30 }, { row: 3, points: 0 }, { row: 4, points: 500 }];
    const zip = await JSZip.loadAsync((await writePlan(await bytesOf(userWorkbook()), plan)).bytes);
    const book = await zip.file('xl/workbook.xml')!.async('string');
    // Rows 1–2 (0-based 0–1) on every page of the third sheet (index 2).
    expect(book).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="2">'Nämndrapport'!$1:$2</definedName>`);
    const sheet = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
    wellFormed(sheet);
    expect(sheet).toContain('<pageSetup paperSize="9" scale="85" orientation="portrait"/>');
    expect(sheet).not.toContain('fitToPage');
    expect(sheet).toContain('<row r="3" ht="30" customHeight="1">');
    expect(sheet).toContain('<row r="4">');
    expect(sheet).toContain('<row r="5">');
    // Breaks above 0-based rows 30 and 60 (row 0 is no break; duplicates once), after pageSetup as the schema orders it.
    expect(sheet).toContain('<rowBreaks count="2" manualBreakCount="2"><brk id="30" max="16383" man="1"/><brk id="60" max="16383" man="1"/></rowBreaks>');
    expect(sheet.indexOf('<rowBreaks')).toBeGreaterThan(sheet.indexOf('<pageSetup'));
    expect(sheet.indexOf('<rowBreaks')).toBeLessThan(sheet.indexOf('<drawing'));
  });

  it('adds well-formed chart parts that refer to the plan ranges by formula', async () => {
    const zip = await JSZip.loadAsync(await writeSample());
    const charts = zip.file(/^xl\/charts\/chart\d+\.xml$/);
    expect(charts.length).toBe(5);
    const xml = await Promise.all(charts.map((f) => f.async('string')));
    xml.forEach(wellFormed);
    const [elig, line, pie, pstack, stackRows] = xml;
    // 'elig': data rows 2–5, cols 5–8 (F3:I6): categories F4:F6, series G, H, I with names in row 3.
    expect(elig).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(elig).toContain("<c:f>'Nämndrapport'!$G$3</c:f>");
    expect(elig).toContain("<c:f>'Nämndrapport'!$F$4:$F$6</c:f>");
    expect(elig).toContain("<c:f>'Nämndrapport'!$I$4:$I$6</c:f>");
    expect(elig).toContain('<c:v>0.881</c:v>');
    expect(elig).toContain('<c:max val="1"/>');
    expect(elig).toContain('Andel');
    expect(line).toContain('<c:lineChart>');
    expect(line).toContain("<c:f>'Nämndrapport'!$G$10:$G$12</c:f>");
    expect(pie).toContain('<c:pieChart>');
    expect(pie.match(/<c:ser>/g)!.length).toBe(1);
    expect(pstack).toContain('<c:barDir val="bar"/><c:grouping val="percentStacked"/>');
    // Elevlista grades at A17:G19; by columns: 6 series A–F over categories A18:A19.
    expect(pstack.match(/<c:ser>/g)!.length).toBe(6);
    expect(pstack).toContain('<c:f>Elevlista!$B$18:$B$19</c:f>');
    // By rows: 2 series (Sv, Ma) over categories B17:G17.
    expect(stackRows).toContain('<c:grouping val="stacked"/>');
    expect(stackRows.match(/<c:ser>/g)!.length).toBe(2);
    expect(stackRows).toContain('<c:f>Elevlista!$B$17:$G$17</c:f>');
    expect(stackRows).toContain('<c:f>Elevlista!$B$18:$G$18</c:f>');

    const drawings = zip.file(/^xl\/drawings\/drawing\d+\.xml$/);
    expect(drawings.length).toBe(2);
    for (const d of drawings) wellFormed(await d.async('string'));
    const ct = await zip.file('[Content_Types].xml')!.async('string');
    wellFormed(ct);
    for (let i = 1; i <= 5; i++) expect(ct).toContain(`PartName="/xl/charts/chart${i}.xml"`);
    expect(ct).toContain('PartName="/xl/drawings/drawing1.xml"');
    const sheet3 = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
    wellFormed(sheet3);
    // <drawing> must come before <tableParts> (schema order) or Excel repairs the file.
    expect(sheet3.indexOf('<drawing r:id=')).toBeGreaterThan(0);
    expect(sheet3.indexOf('<drawing r:id=')).toBeLessThan(sheet3.indexOf('<tableParts'));
    const rels = await zip.file('xl/worksheets/_rels/sheet3.xml.rels')!.async('string');
    expect(rels).toContain('Target="../drawings/drawing1.xml"');
    expect(rels).toContain('relationships/table');
    // User sheets get no drawing.
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).not.toContain('<drawing');
  });

  it('regenerating twice rewrites the generated sheets in place, byte for byte, and leaves user sheets as they were', async () => {
    const original = userWorkbook();
    const before = { betyg: cells(original.getWorksheet('Betyg VT2026')!), notes: cells(original.getWorksheet('Anteckningar')!) };
    const first = await writeSample(original);
    const second = await writePlan(first);
    expect(second.replaced).toEqual(['Nämndrapport', 'Elevlista']);
    expect(second.added).toEqual([]);
    expect(second.userSheets).toEqual(['Betyg VT2026', 'Anteckningar']);
    const third = (await writePlan(second.bytes)).bytes;

    // Every part of the first output comes back unchanged from the third run.
    const z1 = await JSZip.loadAsync(first);
    const z3 = await JSZip.loadAsync(third);
    expect(Object.keys(z3.files).sort()).toEqual(Object.keys(z1.files).sort());
    for (const name of Object.keys(z1.files)) {
      expect(await z3.file(name)!.async('string'), name).toBe(await z1.file(name)!.async('string'));
    }
    const c = await open(third);
    expect(cells(c.getWorksheet('Betyg VT2026')!)).toEqual(before.betyg);
    expect(cells(c.getWorksheet('Anteckningar')!)).toEqual(before.notes);
    expect(c.getWorksheet('Betyg VT2026')!.getCell('F2').value).toEqual({ formula: 'LEN(B2)', result: 3 });
    // Still exactly one set of charts and one marker per sheet.
    expect(z3.file(/^xl\/charts\/chart\d+\.xml$/).length).toBe(5);
    const wbXml = await z3.file('xl/workbook.xml')!.async('string');
    expect(wbXml.match(new RegExp(`name="${MARKER_PREFIX}`, 'g'))!.length).toBe(2);
  });

  it('rewrites a generated sheet the user renamed under the user\'s name, in its place', async () => {
    const first = await writeSample();
    // Rename the way Excel does: the sheet name and every reference to it (marker, chart series).
    const zip = await JSZip.loadAsync(first);
    for (const f of zip.file(/^xl\/(workbook\.xml|charts\/chart\d+\.xml)$/)) {
      const x = await f.async('string');
      zip.file(f.name, x.replace(/name="Nämndrapport"/, 'name="Rapport till nämnden"').replace(/'Nämndrapport'!/g, "'Rapport till nämnden'!").replace(/&apos;Nämndrapport&apos;!/g, '&apos;Rapport till nämnden&apos;!'));
    }
    const renamed = await zip.generateAsync({ type: 'nodebuffer' });
    expect(markers(renamed).get('namndrapport')).toBe('Rapport till nämnden');
    const again = await writePlan(renamed);
    expect(again.replaced).toEqual(['Rapport till nämnden', 'Elevlista']);
    const out = await open(again.bytes);
    expect(out.worksheets.map((w) => w.name)).toEqual(['Betyg VT2026', 'Anteckningar', 'Rapport till nämnden', 'Elevlista']);
    expect(out.getWorksheet('Rapport till nämnden')!.getCell('A1').value).toBe('Nämndrapport – skolresultat årskurs 9');
    const charts = await JSZip.loadAsync(again.bytes);
    expect(await charts.file('xl/charts/chart1.xml')!.async('string')).toContain("'Rapport till nämnden'!$G$3");
  });

  it('keeps a user copy of a generated sheet (Excel gives the copy a sheet-scoped marker)', async () => {
    const wb = userWorkbook();
    wb.addWorksheet('Kopia').getCell('A1').value = 'mina anteckningar';
    const zip = await JSZip.loadAsync(await writeSample(wb));
    const x = await zip.file('xl/workbook.xml')!.async('string');
    // Sheets: 0 Betyg VT2026, 1 Anteckningar, 2 Kopia, 3 Nämndrapport, 4 Elevlista.
    zip.file('xl/workbook.xml', x.replace('</definedNames>', '<definedName name="SKOLANALYS_namndrapport" localSheetId="2">Kopia!$A$1</definedName></definedNames>'));
    const copied = await zip.generateAsync({ type: 'uint8array' });
    expect(markers(copied).get('namndrapport')).toBe('Nämndrapport');
    const written = await writePlan(copied);
    expect(written.replaced).toEqual(['Nämndrapport', 'Elevlista']);
    expect(written.userSheets).toContain('Kopia');
    const out = await open(written.bytes);
    expect(out.getWorksheet('Kopia')!.getCell('A1').value).toBe('mina anteckningar');
  });

  it('keeps a user sheet whose name a plan sheet wants, and names the plan sheet apart', async () => {
    const wb = userWorkbook();
    wb.addWorksheet('Nämndrapport').getCell('A1').value = 'användarens egen rapport';
    const written = await writePlan(await bytesOf(wb));
    expect(written.added).toEqual(['Nämndrapport (2)', 'Elevlista']);
    const out = await open(written.bytes);
    expect(out.getWorksheet('Nämndrapport')!.getCell('A1').value).toBe('användarens egen rapport');
    expect(out.getWorksheet('Nämndrapport (2)')!.getCell('A1').value).toBe('Nämndrapport – skolresultat årskurs 9');
    // Regenerating keeps the user's sheet and replaces only the marked one.
    const again = await writePlan(written.bytes);
    expect(again.replaced).toEqual(['Nämndrapport (2)', 'Elevlista']);
    expect((await open(again.bytes)).worksheets.map((w) => w.name)).toEqual(['Betyg VT2026', 'Anteckningar', 'Nämndrapport', 'Nämndrapport (2)', 'Elevlista']);
    const zip = await JSZip.loadAsync(again.bytes);
    expect(await zip.file('xl/charts/chart1.xml')!.async('string')).toContain("'Nämndrapport (2)'!$G$3");
  });
});

describe('a generated sheet the user deleted', () => {
  it('gets its marker back in place (Excel left it as #REF!), never a second name of the same name', async () => {
    const first = await writeSample();
    // Delete Elevlista as Excel does: the <sheet> goes, the marker's reference becomes #REF!.
    const zip = await JSZip.loadAsync(first);
    const book = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', book.replace(/<sheet name="Elevlista"[^>]*\/>/, '').replace('>Elevlista!$A$1<', '>#REF!$A$1<'));
    const deleted = await zip.generateAsync({ type: 'nodebuffer' });
    expect(markers(deleted).has('elevlista')).toBe(false);
    const again = await writePlan(deleted);
    expect(again.added).toEqual(['Elevlista']);
    const out = await (await JSZip.loadAsync(again.bytes)).file('xl/workbook.xml')!.async('string');
    expect(out.match(/name="SKOLANALYS_elevlista"/g)).toHaveLength(1);
    expect(markers(again.bytes).get('elevlista')).toBe('Elevlista');
    wellFormed(out);
  });
});

describe('create-once sheets (the Närvaroplan)', () => {
  function withPlanSheet(): ReportPlan {
    const plan = samplePlan();
    plan.sheets.push({ key: 'narvaroplan', name: 'Närvaroplan', personalData: false, createOnly: true, blocks: [{ id: 'steps', row: 0, col: 0, values: [['Steg', 'Regel'], [1, 'Mer än 5 dagar i rad']] }] });
    return plan;
  }

  it('is written once with its marker, then left as the school edited it, and still read as input', async () => {
    const first = await writePlan(await bytesOf(userWorkbook()), withPlanSheet());
    expect(first.added).toContain('Närvaroplan');
    expect(markers(first.bytes).get('narvaroplan')).toBe('Närvaroplan');
    // The school edits its plan (a new rule text in B2) and renames the sheet.
    const zip = await JSZip.loadAsync(first.bytes);
    const book = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', book.replace('name="Närvaroplan"', 'name="Vår närvaroplan"').replace("'Närvaroplan'!", "'Vår närvaroplan'!"));
    const sheetPath = Object.keys(zip.files).find((n) => /worksheets\/sheet\d+\.xml$/.test(n) && n !== 'xl/worksheets/sheet1.xml' && n !== 'xl/worksheets/sheet2.xml' && n !== 'xl/worksheets/sheet3.xml' && n !== 'xl/worksheets/sheet4.xml')!;
    const edited = (await zip.file(sheetPath)!.async('string')).replace('Mer än 5 dagar i rad', 'Tre dagar i rad');
    zip.file(sheetPath, edited);
    const mine = await zip.generateAsync({ type: 'nodebuffer' });

    const second = await writePlan(mine, withPlanSheet());
    expect(second.keptOwned).toEqual(['Vår närvaroplan']);
    expect(second.replaced).toEqual(['Nämndrapport', 'Elevlista']);
    expect(second.added).toEqual([]);
    const out = await JSZip.loadAsync(second.bytes);
    expect(await out.file(sheetPath)!.async('string')).toBe(edited);
    // Without its marker, a sheet of that name is the school's too.
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Närvaroplan').getCell('A1').value = 'vår egen';
    const third = await writePlan(await bytesOf(plain), withPlanSheet());
    expect(third.keptOwned).toEqual(['Närvaroplan']);
    expect(third.added).toEqual(['Nämndrapport', 'Elevlista']);
  });
});

describe('uniqueSheetName', () => {
  it('replaces forbidden characters, trims to 31 and counts up on a clash (case-insensitive)', () => {
    expect(uniqueSheetName('Betyg [9A]: vt/ht?', new Set())).toBe('Betyg -9A-- vt-ht-');
    expect(uniqueSheetName('x'.repeat(40), new Set())).toHaveLength(31);
    expect(uniqueSheetName('Elevlista', new Set(['elevlista', 'Elevlista (2)']))).toBe('Elevlista (3)');
    expect(uniqueSheetName('y'.repeat(31), new Set(['y'.repeat(31)]))).toBe(`${'y'.repeat(27)} (2)`);
  });
});

describe('a text export kept beside the report', () => {
  it('is written line by line (textRows) exactly as from parseDelimited\'s grid', async () => {
    const { dataSheet, textRows, newPackage } = await import('./writer');
    const { parseDelimited } = await import('../../core/table/text');
    const texts = [
      '201001010006;Åsa;9A;A;;B\r\n201001020013;Bo;9A;F;E;\r\n\r\n;;;;;\r\n',
      'Personnummer,Klass,Sv\n20100101-0006,9A,A\n20100102-0013,9B,\n',
      'a\tb\r\nc\td',
      '',
    ];
    for (const text of texts) {
      const rows = textRows(text)!;
      const grid = parseDelimited(text);
      expect(Array.from({ length: rows.length }, (_, i) => rows.at(i)), JSON.stringify(text)).toEqual(grid);
      expect(Array.from({ length: rows.length }, (_, i) => rows.width(i))).toEqual(grid.map((r) => r.length));
      // The sheet written from the lines is the sheet written from the grid, byte for byte.
      const now = new Date(Date.UTC(2026, 5, 10));
      const plan: ReportPlan = { generator: 'skolanalys', version: 1, sheets: [] };
      const lazy = await writeReportPackage(await newPackage(now), plan, [dataSheet('betyg', rows)], now);
      const eager = await writeReportPackage(await newPackage(now), plan, [dataSheet('betyg', grid)], now);
      expect(lazy.bytes.equals(eager.bytes), JSON.stringify(text)).toBe(true);
    }
    // A text with quotes is not split this way (quotes may hold the delimiter or a line break).
    expect(textRows('"a;b";c\r\n')).toBeNull();
  });
});
