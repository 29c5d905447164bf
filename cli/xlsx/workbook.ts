/**
 * Loading and saving workbooks around ExcelJS: before ExcelJS reads a file, strip our charts (it
 * cannot keep them) and sheet-scoped copies of our markers; after it has written one, add the
 * charts back to the zip.
 */
import type ExcelJS from 'exceljs';
import type { AppliedPlan } from './apply';
import { MARKER_PREFIX } from './apply';
import { addCharts, stripCharts } from './charts';

/** ExcelJS is loaded on first use: it costs ~0.4 s of start-up that text-only runs do not need. */
async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** A new, empty ExcelJS workbook. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  return new (await excel()).Workbook();
}

/**
 * When a user copies a generated sheet, Excel gives the copy a sheet-scoped duplicate of the
 * marker name. ExcelJS would merge it into the workbook-level marker and the copy would be
 * replaced as if generated; the copy is the user's, so those duplicates are dropped here.
 */
export async function dropSheetScopedMarkers(xlsx: Uint8Array): Promise<Uint8Array> {
  const { default: Zip } = await import('jszip');
  const zip = await Zip.loadAsync(xlsx);
  const f = zip.file('xl/workbook.xml');
  if (!f) return xlsx;
  const xml = await f.async('string');
  const re = new RegExp(`<definedName\\b(?=[^>]*\\bname="${MARKER_PREFIX}[^"]*")(?=[^>]*\\blocalSheetId=)[^>]*>[^<]*</definedName>`, 'g');
  if (!re.test(xml)) return xlsx;
  zip.file('xl/workbook.xml', xml.replace(re, '').replace(/<definedNames>\s*<\/definedNames>/, ''));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Reads .xlsx bytes into an ExcelJS workbook, without the charts an earlier run added. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = await newWorkbook();
  const clean = await dropSheetScopedMarkers(await stripCharts(bytes));
  await wb.xlsx.load(clean as unknown as ArrayBuffer);
  return wb;
}

/** Writes the workbook to .xlsx bytes, with the charts of the applied plan. */
export async function saveWorkbook(wb: ExcelJS.Workbook, applied?: AppliedPlan): Promise<Buffer> {
  const raw = new Uint8Array(await wb.xlsx.writeBuffer());
  if (!applied) return Buffer.from(raw);
  return addCharts(raw, applied.sheets.map((s) => ({ sheet: s.name, charts: s.charts, values: s.values, columnWidths: s.columnWidths })));
}
