/**
 * Applies a ReportPlan to an ExcelJS workbook: removes the sheets an earlier run generated and
 * adds the plan's sheets, each with a marker. ExcelJS only places the (empty) sheets and their
 * markers; `saveWorkbook` writes their content (values, formats, styles, tables, highlights,
 * panes, widths, charts) straight into the saved file, which is much faster than ExcelJS cells.
 */
import { columnLetter } from '../../core/table/address';
import type ExcelJS from 'exceljs';
import type { PlanValue, ReportPlan, SheetPlan } from '../../core/report/plan';

/**
 * Prefix of the workbook-level defined names that mark generated sheets. The name
 * `SKOLANALYS_<key>` refers to `'<sheet>'!$A$1`; Excel and LibreOffice rewrite that reference when
 * the sheet is renamed, so the marker follows the sheet whatever it is called.
 */
export const MARKER_PREFIX = 'SKOLANALYS_';

/** A sheet to be written by `saveWorkbook`: its actual name (after collisions) and its plan. */
export interface AppliedSheet {
  /** Plan key; null for a data sheet (a copied text export), which carries no marker. */
  key: string | null;
  name: string;
  plan: SheetPlan;
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
  return columnLetter(col1 - 1);
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
  const sheets: AppliedSheet[] = [];
  for (const sp of plan.sheets) {
    const name = uniqueSheetName(sp.name, taken);
    taken.add(name);
    const ws = wb.addWorksheet(name);
    wb.definedNames.add(`${quoteSheet(name)}!$A$1`, markerName(sp.key));
    // Print area as the plan gives it (a sheet-scoped _xlnm.Print_Area written by ExcelJS).
    const area = sp.print?.area;
    // ExcelJS puts a `$` before each corner: `A$1` becomes the absolute `$A$1`.
    if (area) ws.pageSetup.printArea = `${colLetter(area.col + 1)}$${area.row + 1}:${colLetter(area.col + area.cols)}$${area.row + area.rows}`;
    sheets.push({ key: sp.key, name, plan: sp });
  }
  return { sheets, removed };
}

/**
 * Adds a plain sheet of values (a text export kept beside the report), unmarked: it is the
 * user's data and survives regeneration. Written by `saveWorkbook` like the plan sheets.
 */
export function addDataSheet(wb: ExcelJS.Workbook, wanted: string, rows: readonly (readonly PlanValue[])[]): AppliedSheet {
  const name = uniqueSheetName(wanted, new Set(wb.worksheets.map((w) => w.name)));
  wb.addWorksheet(name);
  const plan: SheetPlan = { key: '', name, personalData: true, blocks: [{ id: 'data', row: 0, col: 0, values: rows as PlanValue[][] }] };
  return { key: null, name, plan };
}
