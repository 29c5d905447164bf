/**
 * A small recording fake of the Excel JavaScript API objects Skolanalys uses. Unlike
 * office-addin-mock it behaves like Office.js where tests depend on it:
 * - writes are queued and applied only at `sync()`, in order; a failing call fails the sync;
 * - reading a property that was not loaded (and synced) throws;
 * - `values`/`numberFormat`/`formulas` must match the range's size; null in them leaves a cell as it is;
 * - it counts syncs and the payload bytes of each (JSON size of the queued arguments), and
 *   rejects a sync over `requestLimit` bytes like Excel on the web does (about 5 MB).
 */
import { columnIndex, columnLetter } from '../../core/table/address';

export interface WriteRecord {
  row: number;
  col: number;
  values: unknown[][];
}

export interface StyleRecord {
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** Property path below `range.format`, e.g. `font.bold`, `borders.EdgeTop.style`. */
  path: string;
  value: unknown;
}

export interface ChartRecord {
  type: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  seriesBy?: string;
  props: Record<string, unknown>;
}

export interface TableRecord {
  row: number;
  col: number;
  rows: number;
  cols: number;
  hasHeaders: boolean;
  name: string;
  style?: string;
}

export interface ConditionalRecord {
  row: number;
  col: number;
  rows: number;
  cols: number;
  type: string;
  props: Record<string, unknown>;
}

export class SheetState {
  values: WriteRecord[] = [];
  formats: WriteRecord[] = [];
  formulas: WriteRecord[] = [];
  styles: StyleRecord[] = [];
  charts: ChartRecord[] = [];
  tables: TableRecord[] = [];
  conditionalFormats: ConditionalRecord[] = [];
  customProperties = new Map<string, string>();
  frozen: { rows: number; cols: number } = { rows: 0, cols: 0 };
  tabColor = '';
  activations = 0;
  /** `pageLayout` as set: properties by path (`orientation`, `zoom`, `topMargin` …), print area, title rows, page breaks. */
  pageLayout: { props: Record<string, unknown>; printArea?: string; titleRows?: string; breaks: string[] } = { props: {}, breaks: [] };
  constructor(public name: string) {}

  /** Value of a cell (last write wins), '' when never written. */
  cell(row: number, col: number): unknown {
    return lastAt(this.values, row, col, '');
  }
  numberFormat(row: number, col: number): string {
    return lastAt(this.formats, row, col, 'General') as string;
  }
  /** The used range: bounding box of written values (Excel's getUsedRange(valuesOnly)). */
  usedRange(): { row: number; col: number; rows: number; cols: number } | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const w of this.values) {
      const rows = w.values.length;
      const cols = w.values[0]?.length ?? 0;
      if (!rows || !cols) continue;
      r0 = Math.min(r0, w.row); c0 = Math.min(c0, w.col);
      r1 = Math.max(r1, w.row + rows - 1); c1 = Math.max(c1, w.col + cols - 1);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
  /** Values of a rectangle. */
  read(row: number, col: number, rows: number, cols: number): unknown[][] {
    const out: unknown[][] = Array.from({ length: rows }, () => new Array(cols).fill(''));
    for (const w of this.values) {
      for (let r = 0; r < w.values.length; r++) {
        const rr = w.row + r - row;
        if (rr < 0 || rr >= rows) continue;
        const src = w.values[r];
        for (let c = 0; c < src.length; c++) {
          const cc = w.col + c - col;
          if (cc >= 0 && cc < cols && src[c] !== null) out[rr][cc] = src[c];
        }
      }
    }
    return out;
  }
  /** Style values set on ranges containing the cell, by path (last wins). */
  styleAt(row: number, col: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const s of this.styles) if (row >= s.row && row < s.row + s.rows && col >= s.col && col < s.col + s.cols) out[s.path] = s.value;
    return out;
  }
  rowHeight(row: number): number | undefined {
    let h: number | undefined;
    for (const s of this.styles) if (s.path === 'rowHeight' && row >= s.row && row < s.row + s.rows) h = s.value as number;
    return h;
  }
  columnWidth(col: number): number | undefined {
    let w: number | undefined;
    for (const s of this.styles) if (s.path === 'columnWidth' && col >= s.col && col < s.col + s.cols) w = s.value as number;
    return w;
  }
}

function lastAt(list: WriteRecord[], row: number, col: number, dflt: unknown): unknown {
  for (let i = list.length - 1; i >= 0; i--) {
    const w = list[i];
    const r = row - w.row;
    const c = col - w.col;
    // null in a written array means "leave this cell as it is" in Office.js.
    if (r >= 0 && r < w.values.length && c >= 0 && c < (w.values[r]?.length ?? 0) && w.values[r][c] !== null) return w.values[r][c];
  }
  return dflt;
}

type Op = { bytes: number; run: () => void };

export class FakeExcel {
  sheets: SheetState[] = [];
  syncs = 0;
  /** Payload bytes of each sync, in order. */
  syncBytes: number[] = [];
  /** Number of calls queued in each sync. */
  syncCalls: number[] = [];
  active: SheetState | null = null;
  selection: { sheet: SheetState; row: number; col: number; rows: number; cols: number } | null = null;
  private queue: Op[] = [];
  readonly context: FakeContext;

  constructor(public requestLimit = 5_000_000) {
    this.context = new FakeContext(this);
  }

  /** Adds a sheet with values from A1 (test setup, not counted). */
  addSheet(name: string, values: unknown[][] = [], props: Record<string, string> = {}): SheetState {
    const s = new SheetState(name);
    if (values.length) s.values.push({ row: 0, col: 0, values });
    for (const [k, v] of Object.entries(props)) s.customProperties.set(k, v);
    this.sheets.push(s);
    if (!this.active) this.active = s;
    return s;
  }
  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  get totalBytes(): number {
    return this.syncBytes.reduce((a, b) => a + b, 0);
  }

  enqueue(args: unknown, run: () => void): void {
    this.queue.push({ bytes: 60 + jsonBytes(args), run });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.syncs++;
    const bytes = ops.reduce((n, o) => n + o.bytes, 0);
    this.syncBytes.push(bytes);
    this.syncCalls.push(ops.length);
    if (bytes > this.requestLimit) throw new Error(`RequestPayloadSizeLimitExceeded: ${bytes} bytes in one sync`);
    for (const op of ops) op.run();
  }

  findSheet(name: string): SheetState {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`ItemNotFound: worksheet ${name}`);
    return s;
  }
}

const UTF8 = new TextEncoder();
/** UTF-8 length of the JSON text (TextEncoder, so the fake also runs in a browser page). */
function jsonBytes(v: unknown): number {
  return UTF8.encode(JSON.stringify(v) ?? '').length;
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  constructor(readonly fx: FakeExcel) {
    this.workbook = new FakeWorkbook(fx);
  }
  sync(): Promise<void> {
    return this.fx.sync();
  }
}

/** Base for objects with loadable properties: reading one before load+sync throws. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly fx: FakeExcel) {}
  protected snapshot(_prop: string): unknown {
    throw new Error(`cannot load ${_prop}`);
  }
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? '').split(',')).map((p) => p.trim()).filter(Boolean);
    this.fx.enqueue({ load: list }, () => {
      for (const p of list) this.loaded.set(p.split('/')[0], this.snapshot(p));
    });
    return this;
  }
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: '${prop}' was not loaded before sync`);
    return this.loaded.get(prop) as T;
  }
}

/** Records every property set below it (e.g. `format.font.bold = true`) as a path. */
function recorder(onSet: (path: string, value: unknown) => void, prefix = ''): any {
  return new Proxy(
    {},
    {
      get(_t, key) {
        if (typeof key !== 'string') return undefined;
        if (key === 'getItem') return (k: string) => recorder(onSet, `${prefix}${k}.`);
        if (key === 'load') return () => undefined;
        return recorder(onSet, `${prefix}${key}.`);
      },
      set(_t, key, value) {
        onSet(`${prefix}${String(key)}`, value);
        return true;
      },
    },
  );
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  constructor(private readonly fx: FakeExcel) {
    this.worksheets = new FakeWorksheetCollection(fx);
    this.tables = new FakeTableCollection(fx, () => fx.sheets.flatMap((s) => s.tables));
  }
  getSelectedRange(): FakeRange {
    const fx = this.fx;
    return new FakeRange(fx, () => {
      if (!fx.selection) throw new Error('no selection');
      return fx.selection;
    });
  }
  getActiveCell(): FakeRange {
    const fx = this.fx;
    return new FakeRange(fx, () => {
      const s = fx.selection;
      if (!s) throw new Error('no active cell');
      return { sheet: s.sheet, row: s.row, col: s.col, rows: 1, cols: 1 };
    });
  }
}

class FakeWorksheetCollection extends Loadable {
  protected override snapshot(prop: string): unknown {
    if (prop.startsWith('items')) return this.fx.sheets.map((s) => {
      const w = new FakeWorksheet(this.fx, () => s);
      // Loading items/x loads x of every item.
      const sub = prop.split('/')[1];
      if (sub) w.preload(sub);
      return w;
    });
    throw new Error(`unknown property ${prop}`);
  }
  override load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? '').split(',')).map((p) => p.trim()).filter(Boolean);
    this.fx.enqueue({ load: list }, () => {
      const items = this.fx.sheets.map((s) => new FakeWorksheet(this.fx, () => s));
      for (const p of list) {
        const sub = p.split('/')[1];
        if (sub) for (const w of items) w.preload(sub);
      }
      this.loaded.set('items', items);
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    return this.get('items');
  }
  add(name: string): FakeWorksheet {
    const state = new SheetState(name);
    this.fx.enqueue({ add: name }, () => {
      if (this.fx.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: worksheet ${name}`);
      if (name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new Error(`InvalidArgument: sheet name ${name}`);
      this.fx.sheets.push(state);
    });
    return new FakeWorksheet(this.fx, () => state);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.fx, () => this.fx.findSheet(name));
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.fx, () => {
      if (!this.fx.active) throw new Error('no active sheet');
      return this.fx.active;
    });
  }
}

export class FakeWorksheet extends Loadable {
  readonly customProperties: FakeCustomPropertyCollection;
  readonly tables: FakeTableCollection;
  readonly charts: { add: (type: string, range: FakeRange, seriesBy?: string) => any };
  readonly freezePanes: { freezeRows: (n: number) => void; freezeColumns: (n: number) => void; freezeAt: (r: FakeRange) => void };
  readonly pageLayout: any;
  readonly horizontalPageBreaks: { add: (r: FakeRange | string) => void; removePageBreaks: () => void };
  constructor(fx: FakeExcel, readonly ref: () => SheetState) {
    super(fx);
    // PageLayout (ExcelApi 1.9): properties recorded by path; print area and page breaks take A1 text or a range.
    const a1 = (r: FakeRange | string) => {
      if (typeof r === 'string') return r;
      const b = r.bounds();
      return `${columnLetter(b.col)}${b.row + 1}:${columnLetter(b.col + b.cols - 1)}${b.row + b.rows}`;
    };
    const layout = recorder((path, value) => fx.enqueue({ path, value }, () => { ref().pageLayout.props[path] = value; }));
    this.pageLayout = new Proxy(layout, {
      get(t, key) {
        if (key === 'setPrintArea') return (r: FakeRange | string) => fx.enqueue({ printArea: a1(r) }, () => { ref().pageLayout.printArea = a1(r); });
        if (key === 'setPrintTitleRows') return (r: string) => fx.enqueue({ titleRows: r }, () => { ref().pageLayout.titleRows = r; });
        return t[key];
      },
    });
    this.horizontalPageBreaks = {
      add: (r: FakeRange | string) => fx.enqueue({ pageBreak: a1(r) }, () => { ref().pageLayout.breaks.push(a1(r)); }),
      removePageBreaks: () => fx.enqueue({ removePageBreaks: 1 }, () => { ref().pageLayout.breaks = []; }),
    };
    this.customProperties = new FakeCustomPropertyCollection(fx, ref);
    this.tables = new FakeTableCollection(fx, () => ref().tables, ref);
    this.charts = {
      add: (type, range, seriesBy) => {
        const rec: ChartRecord = { type, row: 0, col: 0, rows: 0, cols: 0, seriesBy, props: {} };
        fx.enqueue({ chart: type, seriesBy }, () => {
          const b = range.bounds();
          if (b.sheet !== ref()) throw new Error('InvalidArgument: chart data on another sheet');
          Object.assign(rec, { row: b.row, col: b.col, rows: b.rows, cols: b.cols });
          ref().charts.push(rec);
        });
        const api = recorder((path, value) => fx.enqueue({ path, value }, () => { rec.props[path] = value; }));
        return new Proxy(api, {
          get(t, key) {
            if (key === 'setPosition') return (start: FakeRange) => fx.enqueue({ setPosition: 1 }, () => {
              const b = start.bounds();
              rec.props.position = { row: b.row, col: b.col };
            });
            return t[key];
          },
        });
      },
    };
    const freeze = (rows: number, cols: number) => fx.enqueue({ rows, cols }, () => { ref().frozen = { rows, cols }; });
    this.freezePanes = {
      freezeRows: (n) => freeze(n, 0),
      freezeColumns: (n) => freeze(0, n),
      freezeAt: (r) => fx.enqueue({ freezeAt: 1 }, () => {
        const b = r.bounds();
        if (b.row !== 0 || b.col !== 0) throw new Error('freezeAt needs a range from A1 in this fake');
        ref().frozen = { rows: b.rows, cols: b.cols };
      }),
    };
  }
  /** Marks a property as loaded from a collection load (`items/name`). */
  preload(prop: string): void {
    this.loaded.set(prop, this.snapshot(prop));
  }
  protected override snapshot(prop: string): unknown {
    const s = this.ref();
    if (prop === 'name') return s.name;
    if (prop === 'position') return this.fx.sheets.indexOf(s);
    if (prop === 'tabColor') return s.tabColor;
    throw new Error(`unknown property ${prop}`);
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.fx.enqueue({ name: v }, () => {
      const s = this.ref();
      if (this.fx.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase())) throw new Error(`ItemAlreadyExists: ${v}`);
      s.name = v;
    });
  }
  get position(): number {
    return this.get('position');
  }
  set position(p: number) {
    this.fx.enqueue({ position: p }, () => {
      const s = this.ref();
      const list = this.fx.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(p, list.length), 0, s);
    });
  }
  set tabColor(c: string) {
    this.fx.enqueue({ tabColor: c }, () => { this.ref().tabColor = c; });
  }
  delete(): void {
    this.fx.enqueue({ delete: 1 }, () => {
      const s = this.ref();
      const list = this.fx.sheets;
      if (list.length <= 1) throw new Error('InvalidOperation: cannot delete the last sheet');
      list.splice(list.indexOf(s), 1);
      if (this.fx.active === s) this.fx.active = list[0];
    });
  }
  activate(): void {
    this.fx.enqueue({ activate: 1 }, () => {
      const s = this.ref();
      s.activations++;
      this.fx.active = s;
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.fx, () => ({ sheet: this.ref(), row, col, rows, cols }));
  }
  getRange(address: string): FakeRange {
    const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(address);
    if (!m) throw new Error(`InvalidArgument: address ${address}`);
    const c0 = columnIndex(m[1]);
    const r0 = Number(m[2]) - 1;
    const c1 = m[3] ? columnIndex(m[3]) : c0;
    const r1 = m[4] ? Number(m[4]) - 1 : r0;
    return this.getRangeByIndexes(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  }
  getUsedRange(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.fx, () => {
      const s = this.ref();
      const u = s.usedRange();
      return u ? { sheet: s, ...u } : { sheet: s, row: 0, col: 0, rows: 1, cols: 1 };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const r = this.getUsedRange(valuesOnly);
    r.nullable = () => this.ref().usedRange() === null;
    return r;
  }
}

type Bounds = { sheet: SheetState; row: number; col: number; rows: number; cols: number };

export class FakeRange extends Loadable {
  readonly format: any;
  readonly conditionalFormats: { add: (type: string) => any };
  readonly worksheet: FakeWorksheet;
  constructor(fx: FakeExcel, readonly bounds: () => Bounds) {
    super(fx);
    this.format = recorder((path, value) =>
      fx.enqueue({ path, value }, () => {
        const b = bounds();
        b.sheet.styles.push({ row: b.row, col: b.col, rows: b.rows, cols: b.cols, path: path.replace(/\.style$/, '.style'), value });
      }),
    );
    this.conditionalFormats = {
      add: (type: string) => {
        const rec: ConditionalRecord = { row: 0, col: 0, rows: 0, cols: 0, type, props: {} };
        fx.enqueue({ conditionalFormat: type }, () => {
          const b = bounds();
          Object.assign(rec, { row: b.row, col: b.col, rows: b.rows, cols: b.cols });
          b.sheet.conditionalFormats.push(rec);
        });
        return recorder((path, value) => fx.enqueue({ path, value }, () => { rec.props[path] = value; }));
      },
    };
    this.worksheet = new FakeWorksheet(fx, () => bounds().sheet);
  }
  protected override snapshot(prop: string): unknown {
    const b = this.bounds();
    switch (prop) {
      case 'values': return b.sheet.read(b.row, b.col, b.rows, b.cols);
      // Constants come back as their values, formulas as their text ('' when empty), as in Excel.
      case 'formulas': return b.sheet.read(b.row, b.col, b.rows, b.cols);
      case 'rowIndex': return b.row;
      case 'columnIndex': return b.col;
      case 'rowCount': return b.rows;
      case 'columnCount': return b.cols;
      case 'address': return `${b.sheet.name}!${columnLetter(b.col)}${b.row + 1}` + (b.rows * b.cols > 1 ? `:${columnLetter(b.col + b.cols - 1)}${b.row + b.rows}` : '');
      default: throw new Error(`unknown property ${prop}`);
    }
  }
  /** Set by getUsedRangeOrNullObject: whether the range is Excel's null object (an empty sheet). */
  nullable?: () => boolean;
  get isNullObject(): boolean { return this.nullable ? this.nullable() : false; }
  get values(): unknown[][] { return this.get('values'); }
  get formulas(): unknown[][] { return this.get('formulas'); }
  get rowIndex(): number { return this.get('rowIndex'); }
  get columnIndex(): number { return this.get('columnIndex'); }
  get rowCount(): number { return this.get('rowCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  get address(): string { return this.get('address'); }
  set values(v: unknown[][]) { this.write('values', v); }
  set numberFormat(v: unknown[][]) { this.write('numberFormat', v); }
  set formulas(v: unknown[][]) { this.write('formulas', v); }

  private write(kind: 'values' | 'numberFormat' | 'formulas', v: unknown[][]): void {
    this.fx.enqueue({ [kind]: v }, () => {
      const b = this.bounds();
      if (!Array.isArray(v) || v.length !== b.rows || v.some((r) => !Array.isArray(r) || r.length !== b.cols)) {
        throw new Error(`InvalidArgument: ${kind} is ${Array.isArray(v) ? v.length : '?'}×${Array.isArray(v?.[0]) ? v[0].length : '?'}, range is ${b.rows}×${b.cols}`);
      }
      const list = kind === 'values' ? b.sheet.values : kind === 'numberFormat' ? b.sheet.formats : b.sheet.formulas;
      list.push({ row: b.row, col: b.col, values: v });
      // A formula also shows up as the cell's value (not evaluated here).
      if (kind === 'formulas') b.sheet.values.push({ row: b.row, col: b.col, values: v });
    });
  }
  select(): void {
    this.fx.enqueue({ select: 1 }, () => {
      const b = this.bounds();
      this.fx.selection = b;
      this.fx.active = b.sheet;
    });
  }
}

class FakeTableCollection extends Loadable {
  constructor(fx: FakeExcel, private readonly list: () => TableRecord[], private readonly sheet?: () => SheetState) {
    super(fx);
  }
  protected override snapshot(prop: string): unknown {
    if (prop.startsWith('items')) return this.list().map((t) => ({ name: t.name, style: t.style }));
    throw new Error(`unknown property ${prop}`);
  }
  get items(): { name: string }[] {
    return this.get('items');
  }
  add(range: FakeRange, hasHeaders: boolean): { name: string; style: string } {
    const fx = this.fx;
    const rec: TableRecord = { row: 0, col: 0, rows: 0, cols: 0, hasHeaders, name: `Table${Math.random().toString(36).slice(2, 8)}` };
    fx.enqueue({ table: 1 }, () => {
      const b = range.bounds();
      if (this.sheet && b.sheet !== this.sheet()) throw new Error('InvalidArgument: table range on another sheet');
      Object.assign(rec, { row: b.row, col: b.col, rows: b.rows, cols: b.cols });
      b.sheet.tables.push(rec);
    });
    return {
      set name(n: string) {
        fx.enqueue({ name: n }, () => {
          if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(n)) throw new Error(`InvalidArgument: table name ${n}`);
          if (fx.sheets.some((s) => s.tables.some((t) => t !== rec && t.name.toLowerCase() === n.toLowerCase()))) throw new Error(`ItemAlreadyExists: table ${n}`);
          rec.name = n;
        });
      },
      get name(): string { throw new Error('PropertyNotLoaded: name'); },
      set style(s: string) { fx.enqueue({ style: s }, () => { rec.style = s; }); },
      get style(): string { throw new Error('PropertyNotLoaded: style'); },
    };
  }
}

class FakeCustomProperty extends Loadable {
  constructor(fx: FakeExcel, private readonly ref: () => SheetState, private readonly key: string) {
    super(fx);
  }
  protected override snapshot(prop: string): unknown {
    if (prop === 'value') return this.ref().customProperties.get(this.key) ?? null;
    throw new Error(`unknown property ${prop}`);
  }
  override load(props?: string | string[]): this {
    super.load(props);
    this.fx.enqueue({}, () => this.loaded.set('isNullObject', !this.ref().customProperties.has(this.key)));
    return this;
  }
  get value(): string {
    if (this.get<boolean>('isNullObject')) throw new Error('InvalidObjectPath: null object');
    return this.get('value');
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
}

class FakeCustomPropertyCollection {
  constructor(private readonly fx: FakeExcel, private readonly ref: () => SheetState) {}
  add(key: string, value: string): void {
    this.fx.enqueue({ key, value }, () => { this.ref().customProperties.set(key, value); });
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    return new FakeCustomProperty(this.fx, this.ref, key);
  }
}
