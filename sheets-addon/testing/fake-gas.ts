/**
 * A small recording fake of the Apps Script services Skolanalys uses (SpreadsheetApp, Charts,
 * HtmlService, PropertiesService): enough to run the built Code.js in a node:vm context. Every
 * method call on a fake object is appended to `calls`; 2-D writes must match their range's
 * size exactly (as in Apps Script, which throws otherwise). Values written go through a small
 * model of Sheets' own parsing (numbers, booleans, formulas, a leading `'` keeps text), so a
 * test sees what a user would see.
 */
import { columnIndex, columnLetter } from '../../core/table/address';

export type Cell = string | number | boolean | Date;

export interface Call {
  service: string;
  method: string;
  /** Sheet the call acts on, when it acts on one. */
  sheet?: string;
  /** Rows × columns of a 2-D argument. */
  size?: [number, number];
}

export interface ChartSpec {
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: [number, number];
  numHeaders?: number;
  transpose?: boolean;
}

export interface RuleSpec {
  condition: string;
  value: unknown;
  background?: string;
  fontColor?: string;
  ranges: string[];
}

type Grid<T> = (T | undefined)[][];

const STYLE_SETTERS = ['setFontWeights', 'setFontStyles', 'setBackgrounds', 'setFontColors', 'setFontSizes', 'setHorizontalAlignments', 'setWraps', 'setNumberFormats'] as const;
type StyleSetter = (typeof STYLE_SETTERS)[number];

export class FakeSheet {
  values: Grid<Cell> = [];
  formulas: Grid<string> = [];
  styles = new Map<StyleSetter, Grid<unknown>>();
  metadata: { key: string; value: string }[] = [];
  charts: ChartSpec[] = [];
  rules: RuleSpec[] = [];
  borders: string[] = [];
  filters: string[] = [];
  tabColor: string | null = null;
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths = new Map<number, number>();

  constructor(readonly ss: FakeSpreadsheet, public name: string, readonly id: number) {}

  private rec(method: string, size?: [number, number]): void {
    this.ss.calls.push({ service: 'Sheet', method, sheet: this.name, ...(size ? { size } : {}) });
  }

  getName() { this.rec('getName'); return this.name; }
  setName(n: string) {
    this.rec('setName');
    if (this.ss.sheets.some((s) => s !== this && s.name.toLowerCase() === n.toLowerCase())) throw new Error(`A sheet with the name "${n}" already exists.`);
    this.name = n;
    return this;
  }
  getSheetId() { this.rec('getSheetId'); return this.id; }
  getIndex() { this.rec('getIndex'); return this.ss.sheets.indexOf(this) + 1; }
  activate() { this.rec('activate'); this.ss.active = this; this.ss.activeRange = null; return this; }

  /** getRange(row, col, rows?, cols?) with 1-based row/col, or getRange('A1:B2'). */
  getRange(a: number | string, col?: number, rows = 1, cols = 1): FakeRange {
    this.rec('getRange');
    if (typeof a === 'string') {
      const r = parseA1(a);
      return new FakeRange(this, r.row, r.col, r.rows, r.cols);
    }
    if (!(a >= 1 && col! >= 1 && rows >= 1 && cols >= 1)) throw new Error(`Invalid range (${a}, ${col}, ${rows}, ${cols})`);
    return new FakeRange(this, a, col!, rows, cols);
  }
  getDataRange(): FakeRange {
    this.rec('getDataRange');
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRowRaw()), Math.max(1, this.getLastColumnRaw()));
  }
  getLastRowRaw(): number {
    for (let r = this.values.length - 1; r >= 0; r--) if (this.values[r]?.some((v) => v !== undefined && v !== '')) return r + 1;
    return 0;
  }
  /** Sheet.getLastColumn: the last column with a value or a formula (1-based, 0 when empty). */
  getLastColumn(): number {
    this.rec('getLastColumn');
    let m = this.getLastColumnRaw();
    for (const row of this.formulas) if (row) for (let c = row.length - 1; c >= m; c--) if (row[c]) { m = c + 1; break; }
    return m;
  }
  getLastColumnRaw(): number {
    let m = 0;
    for (const row of this.values) if (row) for (let c = row.length - 1; c >= m; c--) if (row[c] !== undefined && row[c] !== '') { m = c + 1; break; }
    return m;
  }
  getRangeList(a1s: string[]) {
    this.rec('getRangeList');
    const ranges = a1s.map((a) => { const r = parseA1(a); return new FakeRange(this, r.row, r.col, r.rows, r.cols); });
    const ss = this.ss;
    const list = {
      setBorder: (...args: unknown[]) => {
        ss.calls.push({ service: 'RangeList', method: 'setBorder', sheet: this.name });
        if (args.length !== 6) throw new Error('setBorder: 6 arguments expected');
        for (const r of ranges) this.borders.push(r.a1());
        return list;
      },
      getRanges: () => ranges,
    };
    return list;
  }
  addDeveloperMetadata(key: string, value: string) { this.rec('addDeveloperMetadata'); this.metadata.push({ key, value }); return this; }
  setTabColor(c: string) { this.rec('setTabColor'); this.tabColor = c; return this; }
  setFrozenRows(n: number) { this.rec('setFrozenRows'); this.frozenRows = n; return this; }
  setFrozenColumns(n: number) { this.rec('setFrozenColumns'); this.frozenColumns = n; return this; }
  setColumnWidths(start: number, n: number, px: number) {
    this.rec('setColumnWidths');
    for (let i = 0; i < n; i++) this.columnWidths.set(start + i, px);
    return this;
  }
  setColumnWidth(col: number, px: number) { this.rec('setColumnWidth'); this.columnWidths.set(col, px); return this; }
  setConditionalFormatRules(rules: { spec: RuleSpec }[]) { this.rec('setConditionalFormatRules'); this.rules = rules.map((r) => r.spec); }
  getCharts() { this.rec('getCharts'); return this.charts; }
  newChart() {
    this.rec('newChart');
    const ss = this.ss;
    const spec: ChartSpec = { type: '', ranges: [], options: {}, position: [0, 0] };
    const b = {
      setChartType: (t: string) => { ss.rec('EmbeddedChartBuilder', 'setChartType'); spec.type = t; return b; },
      addRange: (r: FakeRange) => { ss.rec('EmbeddedChartBuilder', 'addRange'); spec.ranges.push(r.a1()); return b; },
      setNumHeaders: (n: number) => { ss.rec('EmbeddedChartBuilder', 'setNumHeaders'); spec.numHeaders = n; return b; },
      setTransposeRowsAndColumns: (t: boolean) => { ss.rec('EmbeddedChartBuilder', 'setTransposeRowsAndColumns'); spec.transpose = t; return b; },
      setPosition: (r: number, c: number) => { ss.rec('EmbeddedChartBuilder', 'setPosition'); spec.position = [r, c]; return b; },
      setOption: (k: string, v: unknown) => { ss.rec('EmbeddedChartBuilder', 'setOption'); spec.options[k] = v; return b; },
      build: () => { ss.rec('EmbeddedChartBuilder', 'build'); if (!spec.type || spec.ranges.length === 0) throw new Error('chart without type or range'); return { spec }; },
    };
    return b;
  }
  insertChart(c: { spec: ChartSpec }) { this.rec('insertChart'); this.charts.push(c.spec); }

  /** Values as getValues would return them for rows × cols from A1 ('' for empty). */
  read(row: number, col: number, rows: number, cols: number): Cell[][] {
    const out: Cell[][] = [];
    for (let r = 0; r < rows; r++) {
      const src = this.values[row - 1 + r];
      const line: Cell[] = [];
      for (let c = 0; c < cols; c++) line.push(src?.[col - 1 + c] ?? '');
      out.push(line);
    }
    return out;
  }
  /** All values from A1 to the last used cell. */
  dump(): Cell[][] {
    return this.read(1, 1, this.getLastRowRaw(), this.getLastColumnRaw());
  }
  style(setter: StyleSetter, row: number, col: number): unknown {
    return this.styles.get(setter)?.[row - 1]?.[col - 1];
  }
}

/** Sheets' parsing of a value written with setValues (a user typing it). */
export function sheetsParse(v: unknown, format: unknown): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return v as Cell;
  if (format === '@') return v;
  if (v.startsWith("'")) return v.slice(1);
  const s = v.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return Number(s);
  if (/^[-+]?\d+(\.\d+)?%$/.test(s)) return Number(s.slice(0, -1)) / 100;
  if (/^(true|false)$/i.test(s)) return s.toLowerCase() === 'true';
  return v;
}

export class FakeRange {
  constructor(readonly sheet: FakeSheet, readonly row: number, readonly col: number, readonly rows: number, readonly cols: number) {}
  private rec(method: string, size?: [number, number]) {
    this.sheet.ss.calls.push({ service: 'Range', method, sheet: this.sheet.name, ...(size ? { size } : {}) });
  }
  private check(method: string, grid: unknown): unknown[][] {
    if (!Array.isArray(grid) || !grid.every(Array.isArray)) throw new Error(`${method}: a 2-D array is required`);
    const g = grid as unknown[][];
    this.rec(method, [g.length, g[0]?.length ?? 0]);
    if (g.length !== this.rows) throw new Error(`${method}: The number of rows in the data does not match the number of rows in the range. The data has ${g.length} but the range has ${this.rows}.`);
    for (const r of g) if (r.length !== this.cols) throw new Error(`${method}: The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.cols}.`);
    return g;
  }
  a1(): string {
    const tl = `${columnLetter(this.col - 1)}${this.row}`;
    return this.rows === 1 && this.cols === 1 ? tl : `${tl}:${columnLetter(this.col + this.cols - 2)}${this.row + this.rows - 1}`;
  }
  getA1Notation() { this.rec('getA1Notation'); return this.a1(); }
  getRow() { this.rec('getRow'); return this.row; }
  getColumn() { this.rec('getColumn'); return this.col; }
  getNumRows() { this.rec('getNumRows'); return this.rows; }
  getNumColumns() { this.rec('getNumColumns'); return this.cols; }
  getSheet() { this.rec('getSheet'); return this.sheet; }
  getValues() { this.rec('getValues'); return this.sheet.read(this.row, this.col, this.rows, this.cols); }
  getValue() { this.rec('getValue'); return this.sheet.read(this.row, this.col, 1, 1)[0][0]; }
  setValues(grid: unknown[][]) {
    const g = this.check('setValues', grid);
    const fmts = this.sheet.styles.get('setNumberFormats');
    for (let r = 0; r < this.rows; r++) {
      const row = (this.sheet.values[this.row - 1 + r] ??= []);
      const frow = (this.sheet.formulas[this.row - 1 + r] ??= []);
      for (let c = 0; c < this.cols; c++) {
        const v = g[r][c];
        if (typeof v === 'object' && v !== null && !(v instanceof Date)) throw new Error(`setValues: unsupported value at ${r},${c}`);
        const fmt = fmts?.[this.row - 1 + r]?.[this.col - 1 + c];
        if (typeof v === 'string' && v.startsWith('=') && fmt !== '@') {
          frow[this.col - 1 + c] = v;
          row[this.col - 1 + c] = '';
        } else {
          frow[this.col - 1 + c] = undefined;
          row[this.col - 1 + c] = sheetsParse(v, fmt);
        }
      }
    }
    return this;
  }
  setFormula(f: string) {
    this.rec('setFormula');
    (this.sheet.formulas[this.row - 1] ??= [])[this.col - 1] = f;
    return this;
  }
  getFormula() { this.rec('getFormula'); return this.sheet.formulas[this.row - 1]?.[this.col - 1] ?? ''; }
  /** True when no cell of the range holds a value or a formula (Range.isBlank). */
  isBlank() {
    this.rec('isBlank');
    const values = this.sheet.read(this.row, this.col, this.rows, this.cols);
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        const v = values[r][c];
        if ((v !== '' && v !== null && v !== undefined) || this.sheet.formulas[this.row - 1 + r]?.[this.col - 1 + c]) return false;
      }
    }
    return true;
  }
  activate() { this.rec('activate'); this.sheet.ss.active = this.sheet; this.sheet.ss.activeRange = this; return this; }
  setBorder(...args: unknown[]) { this.rec('setBorder'); if (args.length !== 6) throw new Error('setBorder: 6 arguments expected'); this.sheet.borders.push(this.a1()); return this; }
  createFilter() {
    this.rec('createFilter');
    if (this.sheet.filters.length > 0) throw new Error('You can only have one filter per sheet.');
    this.sheet.filters.push(this.a1());
    return {};
  }
}
for (const setter of STYLE_SETTERS) {
  if (setter === 'setNumberFormats') continue;
  (FakeRange.prototype as unknown as Record<string, unknown>)[setter] = function (this: FakeRange, grid: unknown[][]) {
    return writeStyle(this, setter, grid);
  };
}
(FakeRange.prototype as unknown as Record<string, unknown>).setNumberFormats = function (this: FakeRange, grid: unknown[][]) {
  return writeStyle(this, 'setNumberFormats', grid);
};

function writeStyle(range: FakeRange, setter: StyleSetter, grid: unknown[][]): FakeRange {
  const g = (range as unknown as { check(m: string, g: unknown): unknown[][] }).check(setter, grid);
  let store = range.sheet.styles.get(setter);
  if (!store) range.sheet.styles.set(setter, (store = []));
  for (let r = 0; r < range.rows; r++) {
    const row = (store[range.row - 1 + r] ??= []);
    for (let c = 0; c < range.cols; c++) row[range.col - 1 + c] = g[r][c];
  }
  return range;
}

/** `A1`, `B2:D9`, `Sheet!A1` (sheet part ignored) → 1-based row/col and size. */
export function parseA1(a1: string): { row: number; col: number; rows: number; cols: number } {
  const ref = a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1;
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref);
  if (!m) throw new Error(`Range not found: ${a1}`);
  const col = columnIndex(m[1].toUpperCase()) + 1;
  const row = Number(m[2]);
  const col2 = m[3] ? columnIndex(m[3].toUpperCase()) + 1 : col;
  const row2 = m[4] ? Number(m[4]) : row;
  return { row, col, rows: row2 - row + 1, cols: col2 - col + 1 };
}

export class FakeSpreadsheet {
  calls: Call[] = [];
  sheets: FakeSheet[] = [];
  active: FakeSheet | null = null;
  activeRange: FakeRange | null = null;
  toasts: string[] = [];
  private nextId = 1000;

  rec(service: string, method: string): void {
    this.calls.push({ service, method });
  }
  /** Adds a sheet with values (test setup, not recorded). */
  add(name: string, values: Cell[][] = []): FakeSheet {
    const s = new FakeSheet(this, name, this.nextId++);
    s.values = values.map((r) => [...r]);
    this.sheets.push(s);
    this.active ??= s;
    return s;
  }
  byName(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  getSheets() { this.rec('Spreadsheet', 'getSheets'); return [...this.sheets]; }
  getNumSheets() { this.rec('Spreadsheet', 'getNumSheets'); return this.sheets.length; }
  getSheetByName(n: string) { this.rec('Spreadsheet', 'getSheetByName'); return this.sheets.find((s) => s.name === n) ?? null; }
  getActiveSheet() { this.rec('Spreadsheet', 'getActiveSheet'); return this.active ?? this.sheets[0]; }
  getActiveRange() { this.rec('Spreadsheet', 'getActiveRange'); return this.activeRange; }
  getCurrentCell() {
    this.rec('Spreadsheet', 'getCurrentCell');
    const r = this.activeRange;
    return r ? new FakeRange(r.sheet, r.row, r.col, 1, 1) : null;
  }
  insertSheet(name: string, index?: number) {
    this.rec('Spreadsheet', 'insertSheet');
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`A sheet with the name "${name}" already exists.`);
    const s = new FakeSheet(this, name, this.nextId++);
    this.sheets.splice(index ?? this.sheets.length, 0, s);
    this.active = s;
    return s;
  }
  deleteSheet(s: FakeSheet) {
    this.rec('Spreadsheet', 'deleteSheet');
    const i = this.sheets.indexOf(s);
    if (i < 0) throw new Error('sheet not found');
    this.sheets.splice(i, 1);
    if (this.active === s) this.active = this.sheets[0] ?? null;
  }
  toast(msg: string) { this.rec('Spreadsheet', 'toast'); this.toasts.push(msg); }
  createDeveloperMetadataFinder() {
    this.rec('Spreadsheet', 'createDeveloperMetadataFinder');
    let key: string | null = null;
    const f = {
      withKey: (k: string) => { this.rec('DeveloperMetadataFinder', 'withKey'); key = k; return f; },
      withLocationType: (t: string) => { this.rec('DeveloperMetadataFinder', 'withLocationType'); if (t !== 'SHEET') throw new Error('only SHEET'); return f; },
      find: () => {
        this.rec('DeveloperMetadataFinder', 'find');
        const out: unknown[] = [];
        for (const s of this.sheets) {
          for (const m of s.metadata) {
            if (key !== null && m.key !== key) continue;
            out.push({
              getKey: () => { this.rec('DeveloperMetadata', 'getKey'); return m.key; },
              getValue: () => { this.rec('DeveloperMetadata', 'getValue'); return m.value; },
              getLocation: () => { this.rec('DeveloperMetadata', 'getLocation'); return { getSheet: () => { this.rec('DeveloperMetadataLocation', 'getSheet'); return s; } }; },
            });
          }
        }
        return out;
      },
    };
    return f;
  }
}

/** Title the fake gives the menu of `createAddonMenu()` (Sheets shows the add-on's name there). */
export const ADDON_MENU = '(add-on menu)';

export interface FakeUi {
  menus: { title: string; items: ({ caption: string; fn: string } | '-')[] }[];
  sidebars: { file: string; title?: string }[];
  alerts: string[];
}

/** The fake services, and the globals to give a vm context. */
export function createFakeGas(ss: FakeSpreadsheet = new FakeSpreadsheet()) {
  const ui: FakeUi = { menus: [], sidebars: [], alerts: [] };
  const props = new Map<string, string>();
  const rec = (s: string, m: string) => ss.rec(s, m);
  const Ui = {
    // An add-on's menu sits under Extensions and takes the add-on's name: no title argument.
    createAddonMenu() {
      rec('Ui', 'createAddonMenu');
      return Ui.createMenu(ADDON_MENU, true);
    },
    createMenu(title: string, addon = false) {
      if (!addon) rec('Ui', 'createMenu');
      const menu = { title, items: [] as ({ caption: string; fn: string } | '-')[] };
      const b = {
        addItem: (caption: string, fn: string) => { rec('Menu', 'addItem'); menu.items.push({ caption, fn }); return b; },
        addSeparator: () => { rec('Menu', 'addSeparator'); menu.items.push('-'); return b; },
        addToUi: () => { rec('Menu', 'addToUi'); ui.menus.push(menu); },
      };
      return b;
    },
    showSidebar(html: { file: string; title?: string }) { rec('Ui', 'showSidebar'); ui.sidebars.push(html); },
    alert(msg: string) { rec('Ui', 'alert'); ui.alerts.push(msg); },
  };
  const SpreadsheetApp = {
    getActiveSpreadsheet: () => { rec('SpreadsheetApp', 'getActiveSpreadsheet'); return ss; },
    getUi: () => { rec('SpreadsheetApp', 'getUi'); return Ui; },
    DeveloperMetadataLocationType: { SHEET: 'SHEET', SPREADSHEET: 'SPREADSHEET', ROW: 'ROW', COLUMN: 'COLUMN' },
    newConditionalFormatRule: () => {
      rec('SpreadsheetApp', 'newConditionalFormatRule');
      const spec: RuleSpec = { condition: '', value: undefined, ranges: [] };
      const when = (condition: string) => (value: unknown) => { rec('ConditionalFormatRuleBuilder', condition); spec.condition = condition; spec.value = value; return b; };
      const b = {
        whenTextEqualTo: when('whenTextEqualTo'),
        whenNumberEqualTo: when('whenNumberEqualTo'),
        whenNumberGreaterThanOrEqualTo: when('whenNumberGreaterThanOrEqualTo'),
        whenNumberLessThan: when('whenNumberLessThan'),
        setBackground: (c: string) => { rec('ConditionalFormatRuleBuilder', 'setBackground'); spec.background = c; return b; },
        setFontColor: (c: string) => { rec('ConditionalFormatRuleBuilder', 'setFontColor'); spec.fontColor = c; return b; },
        setRanges: (rs: FakeRange[]) => { rec('ConditionalFormatRuleBuilder', 'setRanges'); spec.ranges = rs.map((r) => r.a1()); return b; },
        build: () => { rec('ConditionalFormatRuleBuilder', 'build'); if (!spec.condition || spec.ranges.length === 0) throw new Error('rule without condition or range'); return { spec }; },
      };
      return b;
    },
  };
  const HtmlService = {
    createHtmlOutputFromFile: (file: string) => {
      rec('HtmlService', 'createHtmlOutputFromFile');
      const out = { file, title: undefined as string | undefined, setTitle: (t: string) => { rec('HtmlOutput', 'setTitle'); out.title = t; return out; } };
      return out;
    },
  };
  const PropertiesService = {
    getDocumentProperties: () => {
      rec('PropertiesService', 'getDocumentProperties');
      return {
        getProperty: (k: string) => { rec('Properties', 'getProperty'); return props.get(k) ?? null; },
        setProperty: (k: string, v: string) => { rec('Properties', 'setProperty'); if (typeof v !== 'string') throw new Error('setProperty: string value expected'); props.set(k, v); },
      };
    },
  };
  const Charts = { ChartType: { BAR: 'BAR', COLUMN: 'COLUMN', LINE: 'LINE', PIE: 'PIE', AREA: 'AREA' } };
  return {
    ss,
    ui,
    props,
    globals: { SpreadsheetApp, HtmlService, PropertiesService, Charts } as Record<string, unknown>,
  };
}
