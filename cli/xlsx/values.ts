/**
 * Cell values straight from a worksheet part's bytes: one pass over `<sheetData>`, no DOM, no
 * object per cell beyond the value itself. Shared and inline strings (rich runs joined, phonetic
 * runs left out), numbers, booleans, errors as their text, ISO dates (`t="d"`), numbers in a date
 * format as Dates (1900 and 1904 systems), and formulas as their cached results.
 * Tags may carry any namespace prefix.
 */
import type { CellValue } from '../../core/types';
import { unescapeXml } from './opc';

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const COLON = 58;
const QUOTE = 34;
const APOS = 39;

/** Where the local name of the tag opening at `lt` starts and ends, and whether it is an end tag. */
interface TagName {
  closing: boolean;
  /** First byte of the local name (after any prefix). */
  a: number;
  /** One past the local name. */
  b: number;
}

function tagName(buf: Buffer, lt: number, out: TagName): void {
  let p = lt + 1;
  out.closing = buf[p] === SLASH;
  if (out.closing) p++;
  let a = p;
  for (;;) {
    const c = buf[p];
    if (c === 32 || c === GT || c === SLASH || c === 9 || c === 10 || c === 13 || c === undefined) break;
    if (c === COLON) a = p + 1;
    p++;
  }
  out.a = a;
  out.b = p;
}

const is = (buf: Buffer, t: TagName, name: string): boolean => {
  if (t.b - t.a !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (buf[t.a + i] !== name.charCodeAt(i)) return false;
  return true;
};

/** `_x000D_` escapes of ST_Xstring (control characters Excel writes into text). */
function unescapeX(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function text(buf: Buffer, a: number, b: number): string {
  let s = buf.toString('utf8', a, b);
  if (s.includes('&')) s = unescapeXml(s);
  if (s.includes('_x')) s = unescapeX(s);
  return s;
}

/**
 * Reads the text of a string item (`<si>` or `<is>`) whose start tag ends at `from`: every `<t>`
 * joined, except those inside `<rPh>` (phonetic guides). Returns the text and the position after
 * the item's end tag named `end`.
 */
function stringItem(buf: Buffer, from: number, end: string, t: TagName): [string, number] {
  let out = '';
  let pos = from;
  let inPhonetic = false;
  for (;;) {
    const lt = buf.indexOf(LT, pos);
    if (lt < 0) return [out, buf.length];
    tagName(buf, lt, t);
    const gt = buf.indexOf(GT, t.b);
    if (is(buf, t, end) && t.closing) return [out, gt + 1];
    if (is(buf, t, 'rPh')) inPhonetic = !t.closing && buf[gt - 1] !== SLASH;
    else if (!t.closing && is(buf, t, 't') && buf[gt - 1] !== SLASH) {
      const close = buf.indexOf(LT, gt + 1);
      if (!inPhonetic) out += text(buf, gt + 1, close);
      pos = close;
      continue;
    }
    pos = gt + 1;
  }
}

/** The shared strings table (`xl/sharedStrings.xml` or wherever the workbook's relationship points). */
export function readSharedStrings(buf: Buffer): string[] {
  const out: string[] = [];
  const t: TagName = { closing: false, a: 0, b: 0 };
  let pos = 0;
  for (;;) {
    const lt = buf.indexOf(LT, pos);
    if (lt < 0) return out;
    tagName(buf, lt, t);
    const gt = buf.indexOf(GT, t.b);
    if (gt < 0) return out;
    if (!t.closing && is(buf, t, 'si')) {
      if (buf[gt - 1] === SLASH) {
        out.push('');
        pos = gt + 1;
        continue;
      }
      // The common shape `<si><t>text</t></si>` (no prefix, no runs): read without the general loop.
      const a = gt + 4;
      if (buf[gt + 1] === LT && buf[gt + 2] === 116 && buf[gt + 3] === GT) {
        const close = buf.indexOf(LT, a);
        if (close >= a && buf[close + 1] === SLASH && buf[close + 2] === 116 && buf[close + 3] === GT && buf[close + 4] === LT && buf[close + 5] === SLASH && buf[close + 6] === 115 && buf[close + 7] === 105 && buf[close + 8] === GT) {
          out.push(text(buf, a, close));
          pos = close + 9;
          continue;
        }
      }
      const [s, next] = stringItem(buf, gt + 1, 'si', t);
      out.push(s);
      pos = next;
      continue;
    }
    pos = gt + 1;
  }
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30, and the East Asian ones).
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a number format code shows a date or time: d, m, y, h, s outside quotes, escapes and `[colour]`. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[dmyhs]/i.test(bare.replace(/General/gi, ''));
}

/** For each cell style index (`s`), 1 when its number format is a date or time. */
export function readDateStyles(stylesXml: string): Uint8Array {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*?>/g)) {
    const id = /\bnumFmtId\s*=\s*"(\d+)"/.exec(m[0])?.[1];
    const code = /\bformatCode\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    if (id !== undefined && code !== undefined) custom.set(Number(id), unescapeXml(code));
  }
  const xfs = /<((?:\w+:)?)cellXfs\b[^>]*>([\s\S]*?)<\/\1cellXfs>/.exec(stylesXml);
  if (!xfs) return new Uint8Array(0);
  const ids: number[] = [];
  for (const m of xfs[2].matchAll(/<(?:\w+:)?xf\b[^>]*?>/g)) ids.push(Number(/\bnumFmtId\s*=\s*"(\d+)"/.exec(m[0])?.[1] ?? 0));
  return Uint8Array.from(ids, (id) => (custom.has(id) ? (isDateFormat(custom.get(id)!) ? 1 : 0) : BUILTIN_DATES.has(id) ? 1 : 0));
}

/** A serial day number as a Date (UTC), as Excel counts it in the 1900 or the 1904 system. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** Column number (0-based) of a cell reference's letters at `a`; -1 when there are none. */
function colOf(buf: Buffer, a: number, b: number): number {
  let col = 0;
  let p = a;
  while (p < b) {
    const c = buf[p] | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    p++;
  }
  return p === a ? -1 : col - 1;
}

/** Row number (0-based) of a reference's digits (after any letters); -1 when there are none. */
function rowOf(buf: Buffer, a: number, b: number): number {
  let p = a;
  while (p < b && (buf[p] | 0x20) >= 97 && (buf[p] | 0x20) <= 122) p++;
  let n = 0;
  const start = p;
  while (p < b && buf[p] >= 48 && buf[p] <= 57) n = n * 10 + (buf[p++] - 48);
  return p === start ? -1 : n - 1;
}

/** One past the first `</row>` (any prefix) of `buf`, or -1. */
function firstRowEnd(buf: Buffer): number {
  for (let at = buf.indexOf('row>'); at >= 0; at = buf.indexOf('row>', at + 4)) {
    if (buf[at - 1] === SLASH && buf[at - 2] === LT) return at + 4;
    if (buf[at - 1] === COLON) {
      let p = at - 2;
      while (p > 0 && buf[p] !== LT && buf[p] !== SLASH && at - p < 32) p--;
      if (buf[p] === SLASH && buf[p - 1] === LT) return at + 4;
    }
  }
  return -1;
}

/** Where the last `</row>` or `</p:row>` before the end of `buf` (and at or after `from`) starts its `row>`, or -1. */
function lastRowEnd(buf: Buffer, from: number): number {
  for (let at = buf.lastIndexOf('row>'); at >= from; at = buf.lastIndexOf('row>', at - 1)) {
    if (buf[at - 1] === SLASH && buf[at - 2] === LT) return at;
    if (buf[at - 1] === COLON) {
      let p = at - 2;
      while (p > 0 && buf[p] !== LT && buf[p] !== SLASH && at - p < 32) p--;
      if (buf[p] === SLASH && buf[p - 1] === LT) return at;
    }
    if (at === 0) break;
  }
  return -1;
}

/** Where the value of the one-letter attribute `name` starts in a start tag's bytes a..b, or -1. */
function attrValue(buf: Buffer, a: number, b: number, name: number): number {
  for (let p = a; p < b - 2; p++) {
    if (buf[p] !== name || buf[p + 1] !== 61 /* = */) continue;
    const before = buf[p - 1];
    if (before === 32 || before === 9 || before === 10 || before === 13) return p + 3;
  }
  return -1;
}

function int(buf: Buffer, a: number, b: number): number {
  let n = 0;
  for (let p = a; p < b; p++) n = n * 10 + (buf[p] - 48);
  return n;
}

/** A number written in `<v>`: small integers by hand, the rest by Number(). */
function num(buf: Buffer, a: number, b: number): number {
  if (b - a <= 9) {
    let n = 0;
    let p = a;
    for (; p < b; p++) {
      const c = buf[p];
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
    }
    if (p === b && b > a) return n;
  }
  return Number(buf.toString('latin1', a, b));
}

/** The value of a `<v>` holding bytes a..b, by the cell's type (see readSheetValues). */
function cellValue(buf: Buffer, type: number, a: number, b: number, strings: readonly string[], dateStyles: Uint8Array, style: number, date1904: boolean): CellValue {
  switch (type) {
    case 0: {
      const v = num(buf, a, b);
      return style < dateStyles.length && dateStyles[style] && Number.isFinite(v) ? serialToDate(v, date1904) : v;
    }
    case 1:
      return strings[int(buf, a, b)] ?? null;
    case 4:
      return buf[a] === 49 || buf[a] === 116; // 1 or true
    case 6:
      return new Date(text(buf, a, b));
    default:
      return text(buf, a, b);
  }
}

/**
 * The values of a worksheet part: rows from row 1, columns from A, `null` for empty cells, `[]`
 * for empty rows, as core's SheetData wants them. Only `<sheetData>` is read.
 */
export function readSheetValues(buf: Buffer, strings: readonly string[], dateStyles: Uint8Array, date1904: boolean): CellValue[][] {
  const scanner = new SheetScanner(strings, dateStyles, date1904);
  scanner.feed(buf, true);
  return scanner.rows;
}

/**
 * readSheetValues in pieces: `feed` takes the part's bytes as they are inflated and reads every
 * whole row in them, keeping the rest for the next piece, so the part is never held whole and
 * inflating (on zlib's thread) overlaps reading.
 */
export class SheetScanner {
  readonly rows: CellValue[][] = [];
  /** Whether `</sheetData>` (or an empty `<sheetData/>`) was reached: nothing more to read. */
  done = false;
  private started = false;
  private row = -1;
  private col = -1;
  private cur: CellValue[] = [];
  /** Width of the last row read: the next row is made that wide. */
  private width = 0;
  private rest: Buffer | null = null;
  private readonly t: TagName = { closing: false, a: 0, b: 0 };

  /** A row begun and not yet ended (only tracked when rows are handed to `onRow`). */
  private open = false;

  /**
   * With `onRow`, rows are not kept in `rows`: each is handed over when it ends (trimmed of trailing
   * empty cells, as kept rows are), in one array reused for the next row, and empty `<row/>`s are
   * left out. A reader that keeps nothing of a row then never has the sheet's grid in memory.
   */
  constructor(
    private readonly strings: readonly string[], private readonly dateStyles: Uint8Array, private readonly date1904: boolean,
    private readonly onRow?: (r: number, cells: CellValue[]) => void,
  ) {}

  /** A row cut off by the end of the data goes to `onRow` as it is (a kept row stays as it is too). */
  private flush(): void {
    if (this.onRow && this.open) {
      this.open = false;
      this.onRow(this.row, this.cur);
    }
  }

  /** Reads what `chunk` (after what was kept of the last one) completes; `last` when no more comes. */
  feed(piece: Buffer, last = false): void {
    if (this.done) return;
    this.feedPiece(piece, last);
    if (last || this.done) this.flush();
  }

  private feedPiece(piece: Buffer, last: boolean): void {
    let chunk = piece;
    if (this.rest && this.started) {
      // The row cut at the end of the last piece ends early in this one: join just those bytes,
      // not the whole piece (copying every piece was a copy of the whole sheet).
      const first = firstRowEnd(chunk);
      if (first < 0 && !last) {
        this.rest = Buffer.concat([this.rest, chunk]);
        return;
      }
      const head = first < 0 ? chunk.length : first;
      const joined = Buffer.concat([this.rest, chunk.subarray(0, head)]);
      this.rest = null;
      this.scan(joined, 0);
      if (this.done) return;
      chunk = chunk.subarray(head);
    }
    let buf = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    this.rest = null;
    let pos = 0;
    if (!this.started) {
      // Find <sheetData …> whatever its prefix.
      const at = buf.indexOf('sheetData');
      const gt = at < 0 ? -1 : buf.indexOf(GT, at);
      if (gt < 0) {
        if (last) this.done = true;
        else this.rest = Buffer.from(buf);
        return;
      }
      this.started = true;
      if (buf[gt - 1] === SLASH) {
        this.done = true;
        return;
      }
      pos = gt + 1;
    }
    // Cut after the last `</row>` (any prefix): no cell spans the cut.
    let end = buf.length;
    if (!last) {
      const cut = lastRowEnd(buf, pos);
      if (cut < pos) {
        this.rest = Buffer.from(buf.subarray(pos));
        return;
      }
      end = cut + 4;
      this.rest = Buffer.from(buf.subarray(end));
      buf = buf.subarray(0, end);
    }
    this.scan(buf, pos);
  }

  private scan(buf: Buffer, from: number): void {
    const { rows, t, strings, dateStyles, date1904 } = this;
    let pos = from;
    let row = this.row;
    let col = this.col;
    let cur = this.cur;
    const len = buf.length;
    for (;;) {
      // Tags mostly follow each other directly: look before searching.
      let lt = pos;
      if (buf[lt] !== LT) {
        lt = buf.indexOf(LT, pos);
        if (lt < 0) break;
      }
      let gt: number;
      let nameLen: number;
      // An unprefixed `<c ` (most cells): no name scan.
      if (buf[lt + 1] === 99 && buf[lt + 2] === 32) {
        t.closing = false;
        t.a = lt + 1;
        t.b = lt + 2;
        nameLen = 1;
        gt = -1;
      } else {
        tagName(buf, lt, t);
        gt = buf.indexOf(GT, t.b);
        if (gt < 0) break;
        nameLen = t.b - t.a;
      }
      if (nameLen === 1 && buf[t.a] === 99 /* c */ && !t.closing) {
        // Attributes r, t, s; the tag's end is found on the way (values hold no `>` in a cell tag).
        let type = 0; // 0 number, 1 shared, 2 inline, 3 str, 4 bool, 5 error, 6 ISO date
        let style = 0;
        let ref = -1;
        let p = t.b;
        for (;;) {
          if (p >= len) break;
          const c = buf[p];
          if (c === GT) break;
          if (c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH) {
            p++;
            continue;
          }
          const nameStart = p;
          while (p < len && buf[p] !== 61 /* = */ && buf[p] !== GT) p++;
          if (buf[p] !== 61) continue;
          const n = p - nameStart;
          p++;
          while (p < len && buf[p] !== QUOTE && buf[p] !== APOS) p++;
          const q = buf[p];
          const va = p + 1;
          let vb = va;
          while (vb < len && buf[vb] !== q) vb++;
          p = vb + 1;
          if (n !== 1) continue;
          const an = buf[nameStart];
          if (an === 114 /* r */) ref = colOf(buf, va, vb);
          else if (an === 115 /* s */) style = int(buf, va, vb);
          else if (an === 116 /* t */) {
            const f = buf[va];
            const len = vb - va;
            type = f === 115 ? (len === 1 ? 1 : 3) : f === 105 ? 2 : f === 98 ? 4 : f === 101 ? 5 : f === 100 ? 6 : 0;
          }
        }
        if (gt < 0) gt = p;
        if (gt >= len) break;
        col = ref >= 0 ? ref : col + 1;
        if (buf[gt - 1] === SLASH) {
          pos = gt + 1;
          continue;
        }
        let value: CellValue = null;
        let q = gt + 1;
        // The common shape `<v>…</v></c>` (no prefix, no formula): read without the general loop.
        if (buf[q] === LT && buf[q + 1] === 118 && buf[q + 2] === GT) {
          const a = q + 3;
          // Values are short: a loop beats a call to indexOf.
          let close = a;
          while (close < len && buf[close] !== LT) close++;
          if (close > a && buf[close + 1] === SLASH && buf[close + 2] === 118 && buf[close + 3] === GT && buf[close + 4] === LT && buf[close + 5] === SLASH && buf[close + 6] === 99 && buf[close + 7] === GT) {
            if (type === 1) value = strings[int(buf, a, close)] ?? null;
            else if (type === 0) {
              value = num(buf, a, close);
              if (style < dateStyles.length && dateStyles[style] && Number.isFinite(value)) value = serialToDate(value, date1904);
            } else value = cellValue(buf, type, a, close, strings, dateStyles, style, date1904);
            pos = close + 8;
            while (cur.length < col) cur.push(null);
            cur[col] = value;
            continue;
          }
        }
        // Children until </c>: <f> skipped, <v> read, <is> read.
        for (;;) {
          const lt2 = buf.indexOf(LT, q);
          if (lt2 < 0) {
            q = buf.length;
            break;
          }
          tagName(buf, lt2, t);
          const gt2 = buf.indexOf(GT, t.b);
          if (t.closing) {
            q = gt2 + 1;
            if (t.b - t.a === 1 && buf[t.a] === 99) break;
            continue;
          }
          if (t.b - t.a === 1 && buf[t.a] === 118 /* v */ && buf[gt2 - 1] !== SLASH) {
            const close = buf.indexOf(LT, gt2 + 1);
            const a = gt2 + 1;
            // An empty <v></v> holds no value (Number('') would be 0).
            if (close === a) {
              q = close;
              continue;
            }
            value = cellValue(buf, type, a, close, strings, dateStyles, style, date1904);
            q = close;
            continue;
          }
          if (is(buf, t, 'is') && buf[gt2 - 1] !== SLASH) {
            const [s, next] = stringItem(buf, gt2 + 1, 'is', t);
            value = s;
            q = next;
            continue;
          }
          if (t.b - t.a === 1 && buf[t.a] === 102 /* f */ && buf[gt2 - 1] !== SLASH) {
            // The formula's text holds no `<`: jump to its end tag.
            q = buf.indexOf(LT, gt2 + 1);
            continue;
          }
          q = gt2 + 1;
        }
        pos = q;
        if (value !== null) {
          while (cur.length < col) cur.push(null);
          cur[col] = value;
        }
        continue;
      }
      if (nameLen === 3 && buf[t.a] === 114 && buf[t.a + 1] === 111 && buf[t.a + 2] === 119 /* row */) {
        if (!t.closing) {
          const at = attrValue(buf, t.b, gt, 114 /* r */);
          const r = at >= 0 ? rowOf(buf, at, gt) : -1;
          row = r >= 0 ? r : row + 1;
          col = -1;
          // Rows are mostly as wide as the one before: made at that width at once (filled with
          // null, trimmed at </row>), not grown cell by cell.
          if (this.onRow) {
            if (buf[gt - 1] !== SLASH) {
              // As wide as the last row, all empty (the length is mostly that already: setting it costs).
              if (cur.length !== this.width) cur.length = this.width;
              cur.fill(null);
              this.open = true;
            }
          } else {
            cur = buf[gt - 1] === SLASH || this.width === 0 ? [] : new Array<CellValue>(this.width).fill(null);
            while (rows.length < row) rows.push([]);
            rows[row] = cur;
          }
        } else {
          let n = cur.length;
          while (n > 0 && cur[n - 1] === null) n--;
          if (n !== cur.length) cur.length = n;
          if (n > 0) this.width = n;
          if (this.open) {
            this.open = false;
            this.onRow!(row, cur);
          }
        }
        pos = gt + 1;
        continue;
      }
      if (t.closing && is(buf, t, 'sheetData')) {
        this.done = true;
        break;
      }
      pos = gt + 1;
    }
    this.row = row;
    this.col = col;
    this.cur = cur;
  }
}
