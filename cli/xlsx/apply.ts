/**
 * Applies a ReportPlan to an ExcelJS workbook: values, formats, styles, tables, conditional
 * formats, frozen panes, widths, tab colours and a marker per generated sheet. Charts cannot be
 * written by ExcelJS; they are returned so that `saveWorkbook` adds them to the saved zip.
 */
import type ExcelJS from 'exceljs';
import type { PlanBlock, PlanChart, PlanConditionalFormat, PlanValue, ReportPlan, SheetPlan } from '../../core/report/plan';

/**
 * Prefix of the workbook-level defined names that mark generated sheets. The name
 * `SKOLANALYS_<key>` refers to `'<sheet>'!$A$1`; Excel and LibreOffice rewrite that reference when
 * the sheet is renamed, so the marker follows the sheet whatever it is called.
 */
export const MARKER_PREFIX = 'SKOLANALYS_';

/** A generated sheet as written: its plan key, its actual name (after collisions) and its charts. */
export interface AppliedSheet {
  key: string;
  name: string;
  charts: PlanChart[];
  /** Values the plan put on the sheet, `row,col` (0-based) → value; for the charts' caches. */
  values: Map<string, PlanValue>;
  columnWidths?: number[];
}

export interface AppliedPlan {
  sheets: AppliedSheet[];
  /** Names of the previously generated sheets that were removed. */
  removed: string[];
}

/** `#RRGGBB` → ExcelJS ARGB. */
export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** Column number (1-based) → letters. */
export function colLetter(col1: number): string {
  let s = '';
  let n = col1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Sheet name as it appears in a formula: quoted when needed, quotes doubled. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function markerName(key: string): string {
  return MARKER_PREFIX + key.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Generated sheets of a workbook, found by their markers: marker key → current sheet name.
 * A marker whose sheet no longer exists is ignored.
 */
export function findMarkedSheets(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  const names = new Set(wb.worksheets.map((w) => w.name));
  for (const dn of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    if (!dn.name.startsWith(MARKER_PREFIX)) continue;
    for (const r of dn.ranges) {
      const sheet = sheetOfRange(r);
      if (sheet !== null && names.has(sheet)) out.set(dn.name.slice(MARKER_PREFIX.length), sheet);
    }
  }
  return out;
}

function sheetOfRange(range: string): string | null {
  const bang = range.lastIndexOf('!');
  if (bang < 0) return null;
  let s = range.slice(0, bang);
  if (s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
  return s;
}

/** Removes every marked sheet and every marker (also markers left dangling). Returns the names removed. */
export function removeGeneratedSheets(wb: ExcelJS.Workbook): string[] {
  const marked = new Set(findMarkedSheets(wb).values());
  const removed: string[] = [];
  for (const ws of [...wb.worksheets]) {
    if (marked.has(ws.name)) {
      removed.push(ws.name);
      wb.removeWorksheet(ws.id);
    }
  }
  const model = wb.definedNames.model as { name: string; ranges: string[] }[];
  // Also drops names of the removed sheets' cells; user names on user sheets stay.
  wb.definedNames.model = model
    .filter((d) => !d.name.startsWith(MARKER_PREFIX))
    .map((d) => ({ name: d.name, ranges: d.ranges.filter((r) => !marked.has(sheetOfRange(r) ?? '')) }))
    .filter((d) => d.ranges.length);
  return removed;
}

/** A legal, unused sheet name: `[]:*?/\` replaced, ≤ 31 characters, ` (2)` on a clash. */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base = (wanted.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').trim() || 'Skolanalys').slice(0, 31);
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/**
 * Applies a plan: removes the sheets an earlier run generated (found by marker, whatever their
 * name now), then adds the plan's sheets after the user's sheets. User sheets are never touched;
 * a plan sheet whose name is taken by a user sheet gets ` (2)`.
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: ReportPlan): AppliedPlan {
  const removed = removeGeneratedSheets(wb);
  const taken = new Set(wb.worksheets.map((w) => w.name));
  const tableNames = new Set<string>();
  for (const ws of wb.worksheets) for (const tn of Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables ?? {})) tableNames.add(tn.toLowerCase());
  const sheets: AppliedSheet[] = [];
  for (const sp of plan.sheets) {
    const name = uniqueSheetName(sp.name, taken);
    taken.add(name);
    const ws = wb.addWorksheet(name);
    const values = writeSheet(ws, sp, tableNames);
    wb.definedNames.add(`${quoteSheet(name)}!$A$1`, markerName(sp.key));
    sheets.push({ key: sp.key, name, charts: sp.charts ?? [], values, columnWidths: sp.columnWidths });
  }
  return { sheets, removed };
}

function writeSheet(ws: ExcelJS.Worksheet, sp: SheetPlan, tableNames: Set<string>): Map<string, PlanValue> {
  const values = new Map<string, PlanValue>();
  if (sp.tabColor) ws.properties.tabColor = { argb: argb(sp.tabColor) };
  if (sp.frozenRows || sp.frozenColumns) {
    ws.views = [{ state: 'frozen', xSplit: sp.frozenColumns ?? 0, ySplit: sp.frozenRows ?? 0 }];
  }
  sp.columnWidths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  // Print each sheet as wide as one page; long lists run on over more pages.
  ws.pageSetup = { ...ws.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  for (const b of sp.blocks) writeBlock(ws, b, values, tableNames);
  // Priorities unique per sheet, in plan order (Excel evaluates lower numbers first).
  (sp.conditionalFormats ?? []).forEach((cf, i) => writeConditional(ws, cf, i + 1));
  return values;
}

function writeBlock(ws: ExcelJS.Worksheet, b: PlanBlock, values: Map<string, PlanValue>, tableNames: Set<string>): void {
  const rows = b.values.length;
  const cols = rows ? b.values[0].length : 0;
  if (!rows || !cols) return;
  const asTable = b.table && rows >= 2;
  if (asTable) {
    const header = uniqueHeaders(b.values[0]);
    const name = uniqueTableName(b.table!.name, tableNames);
    ws.addTable({
      name,
      displayName: name,
      ref: `${colLetter(b.col + 1)}${b.row + 1}`,
      headerRow: true,
      style: { theme: (b.table!.style ?? 'TableStyleLight9') as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
      columns: header.map((h) => ({ name: h, filterButton: true })),
      rows: b.values.slice(1).map((r) => r.map((v) => (v === null ? null : v))) as unknown[][],
    });
    // Header cells hold the de-duplicated names Excel requires; record what is really there.
    header.forEach((h, j) => values.set(`${b.row},${b.col + j}`, h));
  }
  for (let i = 0; i < rows; i++) {
    const row = ws.getRow(b.row + i + 1);
    for (let j = 0; j < cols; j++) {
      const v = b.values[i][j];
      const cell = row.getCell(b.col + j + 1);
      if (!(asTable && i === 0)) {
        values.set(`${b.row + i},${b.col + j}`, v);
        if (!asTable) cell.value = v === null ? null : v;
      }
      const fmt = b.columnFormats?.[j];
      // Text cells (headers, `..`, `.`) ignore a number format, so it goes on the whole column.
      if (fmt) cell.numFmt = fmt;
    }
  }
  for (const s of b.styles ?? []) {
    for (let i = 0; i < s.range.rows; i++) {
      for (let j = 0; j < s.range.cols; j++) {
        const cell = ws.getCell(b.row + s.range.row + i + 1, b.col + s.range.col + j + 1);
        if (s.bold !== undefined || s.italic !== undefined || s.fontColor || s.fontSize) {
          const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
          if (s.bold !== undefined) font.bold = s.bold;
          if (s.italic !== undefined) font.italic = s.italic;
          if (s.fontColor) font.color = { argb: argb(s.fontColor) };
          if (s.fontSize) font.size = s.fontSize;
          cell.font = font;
        }
        if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
        if (s.horizontalAlignment || s.wrap !== undefined) {
          const al: Partial<ExcelJS.Alignment> = { ...(cell.alignment ?? {}) };
          if (s.horizontalAlignment) al.horizontal = s.horizontalAlignment;
          if (s.wrap !== undefined) al.wrapText = s.wrap;
          cell.alignment = al;
        }
        if (s.border) {
          const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
          cell.border = { top: thin, left: thin, bottom: thin, right: thin };
        }
      }
    }
  }
}

/** Excel tables need distinct, non-empty text headers. */
function uniqueHeaders(row: PlanValue[]): string[] {
  const seen = new Set<string>();
  return row.map((v, j) => {
    let h = v === null || v === '' ? `Kolumn${j + 1}` : String(v);
    const base = h;
    for (let k = 2; seen.has(h.toLowerCase()); k++) h = `${base} ${k}`;
    seen.add(h.toLowerCase());
    return h;
  });
}

function uniqueTableName(wanted: string, taken: Set<string>): string {
  let base = wanted.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(base)) base = `T_${base}`;
  // Names that look like cell references (A1, R1C1) are not allowed.
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[Rr]\d*[Cc]\d*$/.test(base)) base = `T_${base}`;
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}_${k}`;
  taken.add(name.toLowerCase());
  return name;
}

function writeConditional(ws: ExcelJS.Worksheet, cf: PlanConditionalFormat, priority: number): void {
  const r = cf.range;
  const ref = `${colLetter(r.col + 1)}${r.row + 1}:${colLetter(r.col + r.cols)}${r.row + r.rows}`;
  let operator: 'equal' | 'greaterThanOrEqual' | 'lessThan';
  let operand: string;
  if ('equals' in cf.when) {
    operator = 'equal';
    operand = typeof cf.when.equals === 'number' ? String(cf.when.equals) : `"${cf.when.equals.replace(/"/g, '""')}"`;
  } else if ('greaterOrEqual' in cf.when) {
    operator = 'greaterThanOrEqual';
    operand = String(cf.when.greaterOrEqual);
  } else {
    operator = 'lessThan';
    operand = String(cf.when.lessThan);
  }
  const style: Partial<ExcelJS.Style> = { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } } };
  if (cf.fontColor) style.font = { color: { argb: argb(cf.fontColor) } };
  ws.addConditionalFormatting({
    ref,
    rules: [{ type: 'cellIs', operator, formulae: [operand], style, priority } as ExcelJS.ConditionalFormattingRule],
  });
}
