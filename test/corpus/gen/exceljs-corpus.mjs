// Corpus workbook written by ExcelJS (the devDependency): node test/corpus/gen/exceljs-corpus.mjs
// The grades sheet is an Excel table (with a table style) under two title rows, as a principal
// formats a pasted export; plus an image, notes, validation, conditional formatting, hyperlinks,
// merged cells, a date and print settings.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync, crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));
const SCB_COLUMNS = ['System', 'Datum', 'Version', 'PersonNr', 'Skolenhetskod', 'Klass', 'Fornamn', 'Efternamn',
  'Bl', 'En', 'Hkk', 'Idh', 'Ma', 'M1 (språk)', 'M1 (betyg)', 'M2 (språk)', 'M2 (betyg)', 'ML (språk)', 'ML (betyg)',
  'Mu', 'Bi', 'Fy', 'Ke', 'Ge', 'Hi', 'Re', 'Sh', 'Sl', 'Sv', 'Sva', 'Tn', 'Tk', 'OVR'];

/** Pupils 150–179 of the demo's SCB grade file (Windows-1252, no header). */
function pupils(start, count) {
  const text = new TextDecoder('windows-1252').decode(readFileSync(`${root}examples/betyg-ak9-vt2026.txt`));
  return text.split('\r\n').filter(Boolean).slice(start, start + count).map((l) => l.split(';'));
}

/** A 40×24 two-colour PNG, made with zlib (the same recipe as common.py). */
function png(w = 40, h = 24) {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const o = y * (w * 3 + 1) + 1 + x * 3;
    const stripe = Math.abs(x - Math.floor((y * w) / h)) < 3;
    raw.set(stripe ? [255, 200, 0] : [40, 150, 90], o);
  }
  const chunk = (tag, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(tag), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const wb = new ExcelJS.Workbook();
wb.creator = 'Rektor';
wb.created = wb.modified = new Date(Date.UTC(2026, 5, 12, 8));

const grades = wb.addWorksheet('Slutbetyg', {
  pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
  headerFooter: { oddHeader: '&C&A', oddFooter: '&RSida &P' },
});
grades.getCell('A1').value = 'Slutbetyg åk 9 vt 2026';
grades.getCell('A1').font = { bold: true, size: 14 };
grades.mergeCells('A1:H1');
grades.getCell('A2').value = 'Källa: Vklass, exporterad 2026-06-12';
const rows = pupils(150, 30);
grades.addTable({
  name: 'Betygstabell', ref: 'A3', headerRow: true,
  style: { theme: 'TableStyleLight9', showRowStripes: true },
  columns: SCB_COLUMNS.map((name) => ({ name, filterButton: true })),
  rows,
});
grades.getCell('D3').note = 'Personnummer med tolv siffror.';
grades.addConditionalFormatting({
  ref: `I4:AG${rows.length + 3}`,
  rules: [{ type: 'cellIs', operator: 'equal', formulae: ['"F"'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } }, priority: 1 }],
});
for (let r = 4; r <= rows.length + 3; r++) {
  grades.getCell(`I${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"A,B,C,D,E,F,-,2,3"'] };
}
grades.pageSetup.printArea = `A1:AG${rows.length + 3}`;

const info = wb.addWorksheet('Om filen');
info.columns = [{ width: 20 }, { width: 30 }];
info.addRow(['Skapad', new Date(Date.UTC(2026, 5, 12))]);
info.getCell('B1').numFmt = 'yyyy-mm-dd';
info.addRow(['Skolverket', { text: 'skolverket.se', hyperlink: 'https://www.skolverket.se/' }]);
info.addRow(['Betygen', { text: 'Till Slutbetyg', hyperlink: "#'Slutbetyg'!A1" }]);
info.addRow(['Elever', { formula: `COUNTA(Slutbetyg!D4:D${rows.length + 3})`, result: rows.length }]);
info.getCell('A1').note = { texts: [{ font: { bold: true }, text: 'Rektor: ' }, { text: 'skapad med ExcelJS' }] };
const image = wb.addImage({ buffer: png(), extension: 'png' });
info.addImage(image, { tl: { col: 3, row: 1 }, ext: { width: 80, height: 48 } });
wb.definedNames.add("'Om filen'!$B$1", 'Skapad');
wb.definedNames.add(`Slutbetyg!$F$4:$F$${rows.length + 3}`, 'Klass');

await wb.xlsx.writeFile(`${here}../files/exceljs-table.xlsx`);
