/**
 * The Apps Script server side. Bundled as one IIFE assigning the global `Skolanalys`; build.mjs
 * appends the top-level function stubs Apps Script can see (onOpen, menu handlers, sidebar
 * callbacks, one `SKOLA_*` per custom function), each calling into this object.
 */
import { buildReport, detect } from '../core/app';
import { checkReportInputs } from '../core/report/readiness';
import type { DataKind, ReportInputs, ReportKind, SheetData } from '../core/app';
import { FUNCTIONS, functionByName } from '../core/functions/catalog';
import { isFunctionError } from '../core/functions/args';
import type { FunctionArg, FunctionResult } from '../core/functions/types';
import type { ReportPlan } from '../core/report/plan';
import { t } from '../core/i18n';
import { cellAddress, parseAddress } from '../core/table/address';
import { DEFAULT_SETTINGS, type Lang, type Problem, type Settings } from '../core/types';
import type { ApplyResult, InsertResult, SheetInfo } from '../ui/host';
import { formulaAtRow } from '../ui/logic';
import { applyPlanSheets, findMarkedSheets } from './executor';
import { toWire, type WireCell } from './wire';
import { toSheetsFormula } from './formula';

export { toSheetsFormula };

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Document property holding the user's settings as JSON. */
export const SETTINGS_PROPERTY = 'skolanalys.settings';

export { FUNCTIONS };
/** package.json's version (the manifest's and the pane's too): `Skolanalys.VERSION` in the bundle. */
export { VERSION } from '../core/version';

// ------------------------------------------------------------------ settings

export function loadSettings(): Partial<Settings> | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(SETTINGS_PROPERTY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Partial<Settings>;
  } catch {
    return null; // a damaged value is ignored; the next save overwrites it
  }
}

export function saveSettings(settings: Settings): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_PROPERTY, JSON.stringify(settings));
}

function settings(): Settings {
  let saved: Partial<Settings> | null = null;
  try {
    saved = loadSettings();
  } catch {
    // onOpen in AuthMode.NONE and custom functions may not read properties: defaults then.
  }
  return { ...DEFAULT_SETTINGS, ...saved, absence: { ...DEFAULT_SETTINGS.absence, ...saved?.absence } };
}

function lang(): Lang {
  return settings().lang === 'en' ? 'en' : 'sv';
}

// ------------------------------------------------------------------ menu and sidebar

// An editor add-on puts its menu under Extensions with createAddonMenu() (the menu takes the
// add-on's name); onOpen may run in AuthMode.NONE, where it may only add menu items, which is all
// it does (lang() falls back to Swedish when the settings cannot be read).
export function onOpen(): void {
  const l = lang();
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t(l, 'sheets.menu.open'), 'skolanalysOpenSidebar')
    .addSeparator()
    .addItem(t(l, 'sheets.menu.elevlista'), 'skolanalysCreateElevlista')
    .addItem(t(l, 'sheets.menu.atgardslista'), 'skolanalysCreateAtgardslista')
    .addItem(t(l, 'sheets.menu.namndrapport'), 'skolanalysCreateNamndrapport')
    .addToUi();
}

/** An add-on installed into an open spreadsheet gets its menu without a reload. */
export function onInstall(): void {
  onOpen();
}

export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t(lang(), 'sheets.sidebar.title'));
  SpreadsheetApp.getUi().showSidebar(html);
}

// ------------------------------------------------------------------ Host, server side

export function listSheets(): SheetInfo[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const marked = new Map(findMarkedSheets(ss).map((m) => [m.sheet.getSheetId(), m.key]));
  return ss.getSheets().map((s) => {
    const key = marked.get(s.getSheetId());
    return key === undefined ? { name: s.getName(), generated: false } : { name: s.getName(), generated: true, key };
  });
}

/** SheetData as it crosses google.script.run (dates encoded, see wire.ts). */
export interface WireSheetData {
  sheet: string;
  values: WireCell[][];
  origin: { row: number; col: number };
}

function sheetData(sheet: Sheet, range: GoogleAppsScript.Spreadsheet.Range): SheetData {
  return { sheet: sheet.getName(), values: range.getValues(), origin: { row: range.getRow() - 1, col: range.getColumn() - 1 } };
}

function readData(source: { sheet?: string; selection?: boolean }): SheetData {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (source.selection) {
    const range = ss.getActiveRange();
    if (!range) throw new Error(t(lang(), 'sheets.noActiveCell'));
    return sheetData(range.getSheet(), range);
  }
  const sheet = source.sheet ? ss.getSheetByName(source.sheet) : ss.getActiveSheet();
  if (!sheet) throw new Error(t(lang(), 'sheets.noSheet', { sheet: source.sheet ?? '' }));
  return sheetData(sheet, sheet.getDataRange());
}

export function read(source: { sheet?: string; selection?: boolean } = {}): WireSheetData {
  const d = readData(source);
  return { sheet: d.sheet, values: d.values.map((r) => r.map(toWire)), origin: d.origin ?? { row: 0, col: 0 } };
}

export function applyPlan(plan: ReportPlan): ApplyResult {
  return applyPlanSheets(SpreadsheetApp.getActiveSpreadsheet(), plan);
}

export function selectCell(address: string): void {
  const a = parseAddress(address);
  if (!a) throw new Error(t(lang(), 'sheets.badAddress', { address }));
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = a.sheet === null ? ss.getActiveSheet() : ss.getSheetByName(a.sheet);
  if (!sheet) throw new Error(t(lang(), 'sheets.noSheet', { sheet: a.sheet ?? '' }));
  sheet.activate();
  sheet.getRange(a.row + 1, a.col + 1).activate();
}

/**
 * Writes a catalogue example into `cell` (or the current cell) only when that cell is blank (no
 * value, no formula), with the example's rows moved to the cell's row. A filled cell is left
 * alone; the answer names the first column after the sheet's data on that row instead. The
 * sidebar passes `{ formula, cell }` (google.script.run hands over one argument); a plain string
 * is the formula for the current cell.
 */
export function insertFormula(request: string | { formula: string; cell?: string }): InsertResult {
  const { formula, cell } = typeof request === 'string' ? { formula: request, cell: undefined } : request;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  let range: GoogleAppsScript.Spreadsheet.Range | null;
  if (cell) {
    const a = parseAddress(cell);
    if (!a) throw new Error(t(lang(), 'sheets.badAddress', { address: cell }));
    const sheet = a.sheet === null ? ss.getActiveSheet() : ss.getSheetByName(a.sheet);
    if (!sheet) throw new Error(t(lang(), 'sheets.noSheet', { sheet: a.sheet ?? '' }));
    range = sheet.getRange(a.row + 1, a.col + 1);
  } else {
    range = ss.getCurrentCell() ?? ss.getActiveRange();
  }
  if (!range) throw new Error(t(lang(), 'sheets.noActiveCell'));
  const sheet = range.getSheet();
  const row = range.getRow() - 1;
  const col = range.getColumn() - 1;
  const target = sheet.getRange(row + 1, col + 1);
  const address = cellAddress(sheet.getName(), row, col);
  if (!target.isBlank()) {
    // getLastColumn is 1-based: as a 0-based index it is the first column after the data.
    return { written: false, cell: address, next: cellAddress(sheet.getName(), row, sheet.getLastColumn()) };
  }
  const written = formulaAtRow(formula, row + 1);
  target.setFormula(toSheetsFormula(written));
  return { written: true, cell: address, formula: written };
}

// ------------------------------------------------------------------ reports from the menu

export interface MenuReportResult extends ApplyResult {
  problems: Problem[];
}

/**
 * Builds a report without the sidebar: the active sheet (or else the first sheet detected as
 * grades) is the grades input; other sheets join by what detection says they hold. Only sheets
 * the user made are read; Skolanalys's own sheets are skipped.
 */
export function buildFromWorkbook(now: Date = new Date()): { inputs: ReportInputs; settings: Settings } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const s = settings();
  const own = new Set(findMarkedSheets(ss).map((m) => m.sheet.getSheetId()));
  const activeId = ss.getActiveSheet().getSheetId();
  const found: { kind: DataKind; data: SheetData; active: boolean }[] = [];
  let activeError: unknown = null;
  for (const sheet of ss.getSheets()) {
    if (own.has(sheet.getSheetId())) continue;
    const data = sheetData(sheet, sheet.getDataRange());
    const active = sheet.getSheetId() === activeId;
    let k: DataKind = 'unknown';
    try {
      k = detect(data, { settings: s, now }).kind;
    } catch (e) {
      // A sheet detection cannot read is not an input; for the active sheet the reason is kept.
      if (active) activeError = e;
    }
    found.push({ kind: k, data, active });
  }
  const grades = found.filter((f) => f.kind === 'grades').sort((a, b) => Number(b.active) - Number(a.active));
  if (grades.length === 0) throw activeError ?? new Error(t(s.lang, 'sheets.noGrades'));
  const first = (k: DataKind) => found.find((f) => f.kind === k)?.data;
  const inputs: ReportInputs = { grades: grades[0].data };
  const tests = first('tests');
  const attendance = first('attendance');
  const survey = first('survey');
  if (tests) inputs.tests = tests;
  if (attendance) inputs.attendance = attendance;
  if (survey) inputs.survey = survey;
  // An earlier term only when it is unambiguous: exactly one other grade sheet.
  if (grades.length === 2) inputs.previous = grades[1].data;
  inputs.sources = [inputs.grades, inputs.tests, inputs.attendance, inputs.previous, inputs.survey].filter((d): d is SheetData => !!d).map((d) => d.sheet);
  return { inputs, settings: s };
}

/** Menu action: build one report server-side and write it; a toast says what was done. */
export function createReport(kind: ReportKind): MenuReportResult | null {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const now = new Date();
  let l = lang();
  try {
    const { inputs, settings: s } = buildFromWorkbook(now);
    l = s.lang;
    // As in the sidebar and the CLI: a sheet that cannot give this report is refused before anything is written.
    const refusals = checkReportInputs(inputs, [kind], s, now);
    if (refusals.length) {
      SpreadsheetApp.getUi().alert(t(l, 'sheets.failed', { message: refusals.map((r) => r.message).join(' ') }));
      return null;
    }
    const { plan, problems } = buildReport(inputs, [kind], s, now);
    const result = applyPlanSheets(ss, plan);
    const names = result.sheets.join(', ');
    ss.toast(problems.length ? t(l, 'sheets.doneProblems', { sheets: names, n: problems.length }) : t(l, 'sheets.done', { sheets: names }), 'Skolanalys');
    return { ...result, problems };
  } catch (e) {
    SpreadsheetApp.getUi().alert(t(l, 'sheets.failed', { message: e instanceof Error ? e.message : String(e) }));
    return null;
  }
}

// ------------------------------------------------------------------ custom functions

function sheetsResult(r: FunctionResult): unknown {
  // Inside a returned array an error cannot be thrown for one cell: it shows as its code.
  return isFunctionError(r) ? r.error : r;
}

/**
 * Runs one custom function of the table. Ranges arrive as 2-D arrays (empty cells as ''),
 * omitted arguments as undefined. An error value is thrown as an Error with its message, so the
 * cell shows #ERROR! with the Swedish text as its tooltip, and IFERROR catches it.
 */
export function customFunction(name: string, args: unknown[]): unknown {
  const spec = functionByName(name);
  if (!spec) throw new Error(name);
  const ctx = { lang: lang(), referenceYear: new Date().getFullYear() };
  let r: FunctionResult | FunctionResult[][];
  try {
    r = spec.impl(args.slice(0, spec.params.length) as FunctionArg[], ctx);
  } catch (e) {
    throw new Error(e instanceof Error ? e.message : String(e));
  }
  if (Array.isArray(r)) return r.map((row) => row.map(sheetsResult));
  if (isFunctionError(r)) throw new Error(r.message);
  return r;
}
