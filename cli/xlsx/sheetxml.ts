/**
 * SpreadsheetML for generated sheets, written directly. ExcelJS keeps a heavy object per cell
 * (a 100 000-pupil Elevlista took ~60 s and 2.5 GB through it); here a sheet is built as strings
 * row by row, with styles appended to the styles.xml ExcelJS wrote for the user's sheets.
 */
import type { PlanBlock, PlanChart, PlanConditionalFormat, PlanStyle, PlanValue, SheetPlan } from '../../core/report/plan';
import { argb, colLetter } from './names';
import { elementEnd, prefixed, tags } from './opc';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// XML 1.0 forbids most control characters; they cannot come from a sheet anyway.
// eslint-disable-next-line no-control-regex
const BAD_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function esc(s: string): string {
  let out = s;
  if (BAD_XML.test(out)) out = out.replace(BAD_XML, '');
  if (!/[&<>"]/.test(out)) return out;
  return out.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** Cell formatting resolved for one cell. */
interface CellStyle {
  numFmt: string | null;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fill?: string;
  horizontal?: 'left' | 'center' | 'right';
  wrap?: boolean;
  border?: boolean;
}

/** A list in styles.xml that we may append to, in schema order (ECMA-376 18.8.39). */
const STYLE_LISTS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/**
 * New styles for the generated sheets, appended to the user's styles.xml so that every index
 * the user's cells use stays valid. An entry equal to one already there (written by an earlier
 * run, or the user's own) is reused, so regenerating adds nothing. Works with any namespace
 * prefix, and counts entries rather than trusting `count` attributes (they are optional).
 */
export class StyleSheet {
  private readonly xml: string;
  private readonly prefix: string;
  private numFmtNext: number;
  private readonly numFmtCount: number;
  private readonly numFmts = new Map<string, number>();
  private readonly newNumFmts: string[] = [];
  /** Per list: the exact XML of each existing entry → its index, and the entries to append. */
  private readonly lists = new Map<string, { known: Map<string, number>; count: number; added: string[] }>();
  private readonly xfs = new Map<string, number>();

  constructor(stylesXml: string) {
    this.xml = stylesXml;
    const ts = tags(stylesXml);
    const root = ts.find((t) => !t.closing);
    this.prefix = root?.prefix ?? '';
    for (const name of ['fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) {
      const known = new Map<string, number>();
      let count = 0;
      const i = ts.findIndex((t) => t.name === name && !t.closing);
      if (i >= 0) {
        const end = elementEnd(ts, i);
        for (let k = i + 1; k < end; ) {
          const e = elementEnd(ts, k);
          const text = stylesXml.slice(ts[k].start, ts[e].end);
          if (!known.has(text)) known.set(text, count);
          count++;
          k = e + 1;
        }
      }
      this.lists.set(name, { known, count, added: [] });
    }
    for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*?>/g)) {
      const id = /\bnumFmtId="(\d+)"/.exec(m[0])?.[1];
      const code = /\bformatCode="([^"]*)"/.exec(m[0])?.[1];
      if (id !== undefined && code !== undefined && !this.numFmts.has(unesc(code))) this.numFmts.set(unesc(code), Number(id));
    }
    this.numFmtCount = [...stylesXml.matchAll(/<(?:\w+:)?numFmt\b/g)].length;
    this.numFmtNext = Math.max(163, ...this.numFmts.values()) + 1;
    // A styles part without a default cell format or font (rare, but valid) gets them first:
    // cells written without `s` use entry 0.
    if (!this.lists.get('fonts')!.count) this.entry('fonts', '<font><sz val="11"/><name val="Calibri"/></font>');
    if (!this.lists.get('cellXfs')!.count) this.entry('cellXfs', '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  }

  /** The index of an entry of a list, appended when no equal entry exists. */
  private entry(list: string, xml: string): number {
    const l = this.lists.get(list)!;
    const mine = prefixed(xml, this.prefix);
    let id = l.known.get(mine);
    if (id === undefined) {
      id = l.count + l.added.length;
      l.added.push(mine);
      l.known.set(mine, id);
    }
    return id;
  }

  private numFmtId(code: string | null): number {
    if (!code || code === 'General') return 0;
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = this.numFmtNext++;
      this.numFmts.set(code, id);
      this.newNumFmts.push(prefixed(`<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`, this.prefix));
    }
    return id;
  }

  /** The cellXfs index of a style (0 = the default). */
  xf(s: CellStyle): number {
    const key = JSON.stringify(s);
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const numFmtId = this.numFmtId(s.numFmt);
    let fontId = 0;
    if (s.bold || s.italic || s.fontColor || s.fontSize) {
      fontId = this.entry('fonts', `<font>${s.bold ? '<b/>' : ''}${s.italic ? '<i/>' : ''}<sz val="${s.fontSize ?? 11}"/>${s.fontColor ? `<color rgb="${argb(s.fontColor)}"/>` : '<color theme="1"/>'}<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`);
    }
    let fillId = 0;
    if (s.fill) fillId = this.entry('fills', `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/><bgColor indexed="64"/></patternFill></fill>`);
    let borderId = 0;
    if (s.border) {
      const side = (n: string) => `<${n} style="thin"><color rgb="FFBFBFBF"/></${n}>`;
      borderId = this.entry('borders', `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`);
    }
    const align = s.horizontal || s.wrap ? `<alignment${s.horizontal ? ` horizontal="${s.horizontal}"` : ''}${s.wrap ? ' wrapText="1"' : ''}/>` : '';
    const xml = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}` +
      (align ? ` applyAlignment="1">${align}</xf>` : '/>');
    const id = this.entry('cellXfs', xml);
    this.xfs.set(key, id);
    return id;
  }

  /** A differential format for a conditional highlight. */
  dxf(fill: string, fontColor?: string): number {
    return this.entry('dxfs', `<dxf>${fontColor ? `<font><color rgb="${argb(fontColor)}"/></font>` : ''}<fill><patternFill patternType="solid"><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`);
  }

  /** styles.xml with the new entries appended (counts updated where the producer wrote them). */
  toXml(): string {
    let x = this.xml;
    const append = (tag: string, items: string[], total: number) => {
      if (!items.length) return;
      const p = this.prefix;
      const ts = tags(x);
      const i = ts.findIndex((t) => t.name === tag && !t.closing);
      const withCount = (open: string) => open.replace(/\bcount="\d+"/, `count="${total}"`);
      if (i >= 0) {
        const t = ts[i];
        if (t.selfClosing) {
          x = `${x.slice(0, t.start)}${withCount(t.text).replace(/\s*\/>$/, '>')}${items.join('')}</${p}${tag}>${x.slice(t.end)}`;
        } else {
          const end = ts[elementEnd(ts, i)];
          x = `${x.slice(0, t.start)}${withCount(t.text)}${x.slice(t.end, end.start)}${items.join('')}${x.slice(end.start)}`;
        }
        return;
      }
      // Missing list: created before the first list that follows it in schema order.
      const later = STYLE_LISTS.slice(STYLE_LISTS.indexOf(tag) + 1);
      const before = ts.find((t) => !t.closing && later.includes(t.name) && t !== ts[0]) ?? ts.filter((t) => t.closing && t.name === 'styleSheet').pop()!;
      x = `${x.slice(0, before.start)}<${p}${tag} count="${total}">${items.join('')}</${p}${tag}>${x.slice(before.start)}`;
    };
    append('numFmts', this.newNumFmts, this.numFmtCount + this.newNumFmts.length);
    for (const name of ['fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) {
      const l = this.lists.get(name)!;
      append(name, l.added, l.count + l.added.length);
    }
    return x;
  }
}

function unesc(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * UTF-8 output written straight into 1 MB buffers. Cells are written as bytes (cached tails,
 * column letters, row digits), not as strings joined per row: a 100 000-row sheet then makes no
 * long strings to flatten and encode, and almost no garbage.
 */
/**
 * Copies the first `n` bytes of `src` into `buf` at `at` and returns the new end: short pieces
 * (letters, digits, small tails) by hand, which beats TypedArray.set's call; longer ones by set.
 */
function copy(buf: Uint8Array, at: number, src: Uint8Array, n: number): number {
  if (n < 16) {
    for (let i = 0; i < n; i++) buf[at++] = src[i];
    return at;
  }
  buf.set(n === src.length ? src : src.subarray(0, n), at);
  return at + n;
}

class ByteWriter {
  private readonly done: Buffer[] = [];
  private buf = Buffer.allocUnsafe(1 << 20);
  private at = 0;
  /** `buf.length`, kept as a field: the getter costs on a hot path of millions of cells. */
  private cap = 1 << 20;
  /** The current row number in decimal ASCII (`setRow`), and how many digits it has. */
  private readonly digits = new Uint8Array(16);
  private nDigits = 0;

  /** `sink` takes each full chunk as it is made (to compress while the rest is written); else they are kept. */
  constructor(private readonly sink?: (chunk: Buffer) => void) {}

  private emit(chunk: Buffer): void {
    if (this.sink) this.sink(chunk);
    else this.done.push(chunk);
  }

  private room(n: number): void {
    if (this.at + n > this.cap) {
      this.emit(this.buf.subarray(0, this.at));
      this.cap = Math.max(1 << 20, n);
      this.buf = Buffer.allocUnsafe(this.cap);
      this.at = 0;
    }
  }

  /** Sets the row number that `cell` writes, once per row. */
  setRow(row: number): void {
    const s = String(row);
    for (let i = 0; i < s.length; i++) this.digits[i] = s.charCodeAt(i);
    this.nDigits = s.length;
  }

  /**
   * `<c r="` + column letters + the row's digits + the cell's cached tail (`" s="3" t="inlineStr">…</c>`):
   * one capacity check and plain byte loops, since this runs for every cell.
   */
  cell(letters: Uint8Array, tail: Uint8Array): void {
    const nl = letters.length;
    const nd = this.nDigits;
    const nt = tail.length;
    this.room(6 + nl + nd + nt);
    const buf = this.buf;
    const digits = this.digits;
    let at = this.at;
    buf[at] = 0x3c; // <c r="
    buf[at + 1] = 0x63;
    buf[at + 2] = 0x20;
    buf[at + 3] = 0x72;
    buf[at + 4] = 0x3d;
    buf[at + 5] = 0x22;
    at += 6;
    at = copy(buf, at, letters, nl);
    at = copy(buf, at, digits, nd);
    this.at = copy(buf, at, tail, nt);
  }

  /** The row number set by `setRow`, for `<row r="…">`. */
  rowNumber(): void {
    this.room(this.nDigits);
    this.at = copy(this.buf, this.at, this.digits, this.nDigits);
  }

  write(s: string): void {
    this.room(s.length * 3);
    this.at += this.buf.write(s, this.at);
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.at = copy(this.buf, this.at, b, b.length);
  }

  finish(): Buffer[] {
    this.emit(this.buf.subarray(0, this.at));
    return this.done;
  }
}

const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const CELL_OPEN = utf8('<c r="');
const ROW_OPEN = utf8('<row r="');
const TAG_END = utf8('">');
const ROW_CLOSE = utf8('</row>');
const TEXT_CLOSE = utf8('</t></is></c>');
const NO_BYTES = new Uint8Array(0);

/** A character that may start or end a text as it is (no `xml:space` needed): printable ASCII or a Latin letter. */
const edgeOk = (c: number) => (c > 0x20 && c < 0x7f && c !== 0x26 && c !== 0x3c && c !== 0x3e && c !== 0x22) || (c >= 0xc0 && c <= 0x24f);

/** True when `esc` leaves a text unchanged and it needs no `xml:space="preserve"`: most names and ids. */
function plainXmlText(s: string): boolean {
  const n = s.length;
  if (n === 0 || !edgeOk(s.charCodeAt(0)) || !edgeOk(s.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 || (c >= 0x7f && c < 0xa0) || c >= 0xd800) return false;
  }
  return true;
}

/** A table to write as xl/tables/tableN.xml. */
export interface TablePart {
  name: string;
  ref: string;
  columns: string[];
  style: string;
}

/** Rows of a block made as they are written: `width` before (for the sheet's extent), `at` once when written. */
export interface LazyRows {
  length: number;
  width(i: number): number;
  at(i: number): readonly PlanValue[];
}

export interface SheetXml {
  /** The worksheet part as UTF-8, in chunks of about 1 MB (empty when they went to a `sink`). */
  chunks: Buffer[];
  tables: TablePart[];
  /** Looks up what the plan wrote at (row, col), for the charts' caches. */
  valueAt: (row: number, col: number) => PlanValue | undefined;
  charts: PlanChart[];
}

/** Excel tables need distinct, non-empty text headers. */
export function uniqueHeaders(row: PlanValue[]): string[] {
  const seen = new Set<string>();
  return row.map((v, j) => {
    let h = v === null || v === '' ? `Kolumn${j + 1}` : String(v).replace(/[\r\n]+/g, ' ');
    const base = h;
    for (let k = 2; seen.has(h.toLowerCase()); k++) h = `${base} ${k}`;
    seen.add(h.toLowerCase());
    return h;
  });
}

/** A legal table name, unique in the workbook (`taken` holds lower-case names and is updated). */
export function uniqueTableName(wanted: string, taken: Set<string>): string {
  let base = wanted.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(base)) base = `T_${base}`;
  // Names that look like cell references (A1, R1C1) are not allowed.
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[Rr]\d*[Cc]\d*$/.test(base)) base = `T_${base}`;
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}_${k}`;
  taken.add(name.toLowerCase());
  return name;
}

function rangeRef(row: number, col: number, rows: number, cols: number): string {
  return `${colLetter(col + 1)}${row + 1}:${colLetter(col + cols)}${row + rows}`;
}

function styleFor(fmt: string | null, styles: PlanStyle[]): CellStyle {
  const s: CellStyle = { numFmt: fmt };
  for (const p of styles) {
    if (p.bold !== undefined) s.bold = p.bold;
    if (p.italic !== undefined) s.italic = p.italic;
    if (p.fontColor) s.fontColor = p.fontColor;
    if (p.fontSize) s.fontSize = p.fontSize;
    if (p.fill) s.fill = p.fill;
    if (p.horizontalAlignment) s.horizontal = p.horizontalAlignment;
    if (p.wrap !== undefined) s.wrap = p.wrap;
    if (p.border) s.border = true;
  }
  return s;
}

function cellXml(ref: string, v: PlanValue | undefined, s: number): string {
  const sa = s ? ` s="${s}"` : '';
  // An empty string is a blank cell in every spreadsheet; no empty text cells.
  if (v === null || v === undefined || v === '') return s ? `<c r="${ref}"${sa}/>` : '';
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return `<c r="${ref}"${sa}><v>${v}</v></c>`;
    return `<c r="${ref}"${sa} t="inlineStr"><is><t>${v}</t></is></c>`;
  }
  if (typeof v === 'boolean') return `<c r="${ref}"${sa} t="b"><v>${v ? 1 : 0}</v></c>`;
  const text = esc(v);
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${sa} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/**
 * Renders one sheet plan as worksheet XML. Rows may also be ragged (a text export copied as is).
 * `drawingRid`/`tableRids` are the relationship ids the caller gives the sheet's parts.
 */
export function sheetXml(
  sp: SheetPlan,
  styles: StyleSheet,
  tableNames: Set<string>,
  rels: { drawing?: string; tables: (i: number) => string },
  sink?: (chunk: Buffer) => void,
  /** The rows of the plan's first block, when it holds none itself (`dataSheet` of a text export). */
  lazy?: LazyRows,
): SheetXml {
  // Which blocks cover each sheet row (one entry per row per block, not per cell), so rows can
  // be rendered in order straight into the output, side-by-side blocks merged.
  const rowSegs: PlanBlock[][] = [];
  const colWidths = sp.columnWidths ?? [];
  let maxRow = 0;
  let maxCol = 0;
  const tables: TablePart[] = [];
  const prepared = new Map<PlanBlock, { header: string[] | null; letters: Uint8Array[]; rows: LazyRows | null; shape: string }>();
  // Blocks that differ only in their rows (a table split where its row formats change: the Historik,
  // 30 000 blocks of about four rows for 1000 schools) share style ids, value statistics and column letters.
  const shapes = new Map<string, string>();
  const lettersAt = new Map<number, Uint8Array[]>();
  const shapeOf = (b: PlanBlock): string => {
    const key = JSON.stringify([b.columnFormats ?? null, (b.styles ?? []).map((st) => ({ ...st, range: { col: st.range.col, cols: st.range.cols } }))]);
    let shape = shapes.get(key);
    if (shape === undefined) shapes.set(key, (shape = key));
    return shape;
  };
  for (const b of sp.blocks) {
    const rows = lazy && b === sp.blocks[0] ? lazy : null;
    const nRows = rows ? rows.length : b.values.length;
    if (!nRows) continue;
    const asTable = !rows && !!b.table && nRows >= 2 && b.values[0].length > 0;
    const header = asTable ? uniqueHeaders(b.values[0]) : null;
    if (asTable) {
      tables.push({ name: uniqueTableName(b.table!.name, tableNames), ref: rangeRef(b.row, b.col, nRows, b.values[0].length), columns: header!, style: b.table!.style ?? 'TableStyleLight9' });
    }
    let letters = lettersAt.get(b.col);
    if (!letters) lettersAt.set(b.col, (letters = []));
    prepared.set(b, { header, letters, rows, shape: shapeOf(b) });
    for (let i = 0; i < nRows; i++) {
      (rowSegs[b.row + i] ??= []).push(b);
      const width = rows ? rows.width(i) : b.values[i].length;
      if (width) maxCol = Math.max(maxCol, b.col + width);
    }
    maxRow = Math.max(maxRow, b.row + nRows);
  }

  // Style ids per (block, set of styles covering the row): body rows share one set, so a cell's
  // style is one array lookup instead of a string key per cell (millions of cells at 100 000 pupils).
  const rowXfs = new Map<string, Map<string, number[]>>();
  const stats = new Map<string, { looks: number; misses: number }[]>();
  // Per style, the bytes after `<c r="REF` for each text or number seen: most values repeat.
  const tails: Map<PlanValue, Uint8Array>[] = [];
  const charTails: Uint8Array[][] = [];
  const textOpen: Uint8Array[] = [];
  // Per block column: how often the value map was asked and missed (kept per block shape).
  let colStats: { looks: number; misses: number }[] = [];
  let statsBlock: PlanBlock | null = null;
  // Per block column: the value, style and tail of the cell last written there.
  let lastCell: ({ v: PlanValue | undefined; xf: number; tail: Uint8Array } | undefined)[] = [];
  const w = new ByteWriter(sink);
  const renderSegment = (b: PlanBlock, r: number, fromCol: number): number => {
    const { header, letters, rows, shape } = prepared.get(b)!;
    if (b !== statsBlock) {
      statsBlock = b;
      colStats = stats.get(shape) ?? [];
      stats.set(shape, colStats);
      lastCell = [];
    }
    const i = r - b.row;
    const values = rows ? rows.at(i) : b.values[i];
    const blockStyles = b.styles ?? [];
    const formats = b.columnFormats ?? [];
    let rowKey = '';
    const rowStyles: PlanStyle[] = [];
    for (let k = 0; k < blockStyles.length; k++) {
      const st = blockStyles[k];
      if (i >= st.range.row && i < st.range.row + st.range.rows) {
        rowStyles.push(st);
        rowKey += `${k},`;
      }
    }
    let byRow = rowXfs.get(shape);
    if (!byRow) rowXfs.set(shape, (byRow = new Map()));
    let xfs = byRow.get(rowKey);
    if (!xfs) byRow.set(rowKey, (xfs = []));
    for (let j = Math.max(0, fromCol - b.col); j < values.length; j++) {
      let xf = xfs[j];
      if (xf === undefined) {
        const covering = rowStyles.filter((st) => j >= st.range.col && j < st.range.col + st.range.cols);
        const fmt = formats[j] ?? null;
        xf = fmt === null && !covering.length ? 0 : styles.xf(styleFor(fmt, covering));
        xfs[j] = xf;
      }
      const v = header && i === 0 ? header[j] : values[j];
      // An empty unstyled cell is not written at all.
      if (xf === 0 && (v === null || v === undefined || v === '')) continue;
      const colLetters = (letters[j] ??= utf8(colLetter(b.col + j + 1)));
      // The same value and style as the cell above (a class, Ja/Nej, a date): its tail again.
      const last = lastCell[j];
      if (last !== undefined && last.v === v && last.xf === xf) {
        w.cell(colLetters, last.tail);
        continue;
      }
      // One-character texts (grades) by char code; other values through a small map that fills
      // with what comes first and repeats (Ja/Nej, classes, levels); unique texts are written as they are.
      const code = typeof v === 'string' && v.length === 1 ? v.charCodeAt(0) : 128;
      let tail: Uint8Array | undefined;
      if (code < 128) {
        const byChar = (charTails[xf] ??= []);
        tail = byChar[code] ??= utf8(cellXml('', v, xf).slice(CELL_OPEN.length));
      } else {
        // A column whose values rarely repeat (names, personnummer) skips the map: its texts are
        // written as they are when they need no escaping.
        const stats = (colStats[j] ??= { looks: 0, misses: 0 });
        const direct = stats.looks >= 256 && stats.misses * 2 > stats.looks;
        if (direct && typeof v === 'string' && plainXmlText(v)) {
          w.cell(colLetters, (textOpen[xf] ??= utf8(`"${xf ? ` s="${xf}"` : ''} t="inlineStr"><is><t>`)));
          w.write(v);
          w.bytes(TEXT_CLOSE);
          continue;
        }
        const byValue = (tails[xf] ??= new Map());
        tail = direct ? undefined : byValue.get(v);
        stats.looks++;
        if (tail === undefined) {
          stats.misses++;
          const text = cellXml('', v, xf).slice(CELL_OPEN.length);
          if (direct || byValue.size >= 4096) {
            w.cell(colLetters, NO_BYTES);
            w.write(text);
            continue;
          }
          byValue.set(v, (tail = utf8(text)));
        }
      }
      w.cell(colLetters, tail);
      lastCell[j] = { v, xf, tail };
    }
    return b.col + values.length;
  };

  const head: string[] = [];
  head.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">`);
  const tab = sp.tabColor ? `<tabColor rgb="${argb(sp.tabColor)}"/>` : '';
  // Fit to the page's width unless the plan asks for a scale (the Nämndrapport: 85 %, readable on paper).
  const fit = sp.print?.fitToWidth !== false || sp.print?.scale === undefined;
  head.push(`<sheetPr>${tab}${fit ? '<pageSetUpPr fitToPage="1"/>' : ''}</sheetPr>`);
  head.push(`<dimension ref="${maxRow && maxCol ? rangeRef(0, 0, maxRow, maxCol) : 'A1'}"/>`);
  const fr = sp.frozenRows ?? 0;
  const fc = sp.frozenColumns ?? 0;
  if (fr || fc) {
    const top = `${colLetter(fc + 1)}${fr + 1}`;
    const pane = fr && fc ? 'bottomRight' : fr ? 'bottomLeft' : 'topRight';
    head.push(`<sheetViews><sheetView workbookViewId="0"><pane${fc ? ` xSplit="${fc}"` : ''}${fr ? ` ySplit="${fr}"` : ''} topLeftCell="${top}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`);
  } else {
    head.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  }
  head.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (colWidths.length) head.push(`<cols>${colWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  head.push('<sheetData>');

  w.write(head.join(''));
  const heights = new Map((sp.rowHeights ?? []).filter((h) => h.points > 0 && h.points <= 409).map((h) => [h.row, h.points]));
  for (let r = 0; r < rowSegs.length; r++) {
    const segs = rowSegs[r];
    if (!segs) continue;
    if (segs.length > 1) segs.sort((a, b) => a.col - b.col);
    w.setRow(r + 1);
    w.bytes(ROW_OPEN);
    w.rowNumber();
    // A row the plan gives a height (wrapped labels on the board papers) keeps it when printed.
    const ht = heights.get(r);
    if (ht !== undefined) w.write(`" ht="${ht}" customHeight="1`);
    w.bytes(TAG_END);
    let next = 0;
    for (const b of segs) {
      // Overlapping blocks (not made by the builders) keep the earlier cells; columns must ascend.
      next = Math.max(next, renderSegment(b, r, next));
    }
    w.bytes(ROW_CLOSE);
  }
  rowSegs.length = 0;
  const tail: string[] = ['</sheetData>'];
  (sp.conditionalFormats ?? []).forEach((cf, i) => tail.push(conditionalXml(cf, styles, i + 1)));
  const mg = sp.print?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  tail.push(`<pageMargins left="${mg.left}" right="${mg.right}" top="${mg.top}" bottom="${mg.bottom}" header="${mg.header}" footer="${mg.footer}"/>`);
  // The plan says how a sheet prints (the Nämndrapport: portrait, one page wide); lists default
  // to landscape, one page wide, as many pages down as they need.
  const orientation = sp.print?.orientation ?? 'landscape';
  if (fit) tail.push(`<pageSetup paperSize="9" orientation="${orientation}" fitToWidth="1" fitToHeight="0"/>`);
  else tail.push(`<pageSetup paperSize="9" scale="${Math.round(Math.min(400, Math.max(10, sp.print!.scale!)))}" orientation="${orientation}"/>`);
  // Manual page breaks between blocks: each id is the 0-based row that starts a page (a break above it).
  const breaks = [...new Set(sp.print?.rowBreaks ?? [])].filter((r) => r > 0).sort((a, b) => a - b);
  if (breaks.length) tail.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`);
  if (rels.drawing) tail.push(`<drawing r:id="${rels.drawing}"/>`);
  if (tables.length) tail.push(`<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="${rels.tables(i)}"/>`).join('')}</tableParts>`);
  tail.push('</worksheet>');
  w.write(tail.join(''));
  return { chunks: w.finish(), tables, valueAt: valueLookup(sp.blocks, tables), charts: sp.charts ?? [] };
}

/** What the plan put at a cell (table headers as written, de-duplicated). */
function valueLookup(blocks: PlanBlock[], tables: TablePart[]): (row: number, col: number) => PlanValue | undefined {
  const headerAt = new Map<string, string>();
  for (const b of blocks) {
    if (b.table && b.values.length >= 2) uniqueHeaders(b.values[0]).forEach((h, j) => headerAt.set(`${b.row},${b.col + j}`, h));
  }
  void tables;
  return (row, col) => {
    const h = headerAt.get(`${row},${col}`);
    if (h !== undefined) return h;
    let found: PlanValue | undefined;
    for (const b of blocks) {
      const i = row - b.row;
      const j = col - b.col;
      if (i >= 0 && i < b.values.length && j >= 0 && j < b.values[i].length) found = b.values[i][j];
    }
    return found;
  };
}

function conditionalXml(cf: PlanConditionalFormat, styles: StyleSheet, priority: number): string {
  let operator: string;
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
  const dxf = styles.dxf(cf.fill, cf.fontColor);
  const r = cf.range;
  return `<conditionalFormatting sqref="${rangeRef(r.row, r.col, r.rows, r.cols)}"><cfRule type="cellIs" dxfId="${dxf}" priority="${priority}" operator="${operator}"><formula>${esc(operand)}</formula></cfRule></conditionalFormatting>`;
}

/** xl/tables/tableN.xml for one table. */
export function tableXml(t: TablePart, id: number): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS_MAIN}" id="${id}" name="${t.name}" displayName="${t.name}" ref="${t.ref}" totalsRowShown="0">` +
    `<autoFilter ref="${t.ref}"/><tableColumns count="${t.columns.length}">${t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${esc(c)}"/>`).join('')}</tableColumns>` +
    `<tableStyleInfo name="${esc(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}
