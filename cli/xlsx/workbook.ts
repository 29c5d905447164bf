/**
 * Loading and saving workbooks around ExcelJS: strip our charts before ExcelJS reads a file (it
 * cannot keep them), and add them back to the zip after it has written one.
 */
import type ExcelJS from 'exceljs';
import type { AppliedPlan } from './apply';
import { addCharts, stripCharts } from './charts';

/** ExcelJS is loaded on first use: it costs ~0.4 s of start-up that text-only runs do not need. */
async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** A new, empty ExcelJS workbook. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  return new (await excel()).Workbook();
}

/** Reads .xlsx bytes into an ExcelJS workbook, without the charts an earlier run added. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = await newWorkbook();
  const clean = await stripCharts(bytes);
  await wb.xlsx.load(clean as unknown as ArrayBuffer);
  return wb;
}

/** Writes the workbook to .xlsx bytes, with the charts of the applied plan. */
export async function saveWorkbook(wb: ExcelJS.Workbook, applied?: AppliedPlan): Promise<Buffer> {
  const raw = new Uint8Array(await wb.xlsx.writeBuffer());
  if (!applied) return Buffer.from(raw);
  return addCharts(raw, applied.sheets.map((s) => ({ sheet: s.name, charts: s.charts, values: s.values, columnWidths: s.columnWidths })));
}
