/**
 * A workbook package as its producer wrote it. The CLI reads values from it without building an
 * object model of the user's workbook, and writes reports by adding parts to it (writer.ts), so
 * nothing a model could not hold can be lost.
 *
 * Parts are found through relationships (OPC), not by expected names: Excel, LibreOffice,
 * Google Sheets, openpyxl and the Open XML SDK name and prefix things differently.
 */
import type { CellValue } from '../../core/types';
import { attrs, ContentTypes, parseRels, prefixFor, relIs, relsPathOf, resolveTarget, tags, unescapeXml, NS_R, NS_R_STRICT, type Rel } from './opc';
import { createInflateRaw } from 'node:zlib';
import { readSheetValues, readSharedStrings, readDateStyles, SheetScanner } from './values';
import { ZipArchive, ZipError } from './zipfile';

/** Prefix of the workbook-level defined names that mark generated sheets (`SKOLANALYS_<key>` → `'<sheet>'!$A$1`). */
export const MARKER_PREFIX = 'SKOLANALYS_';

/** A sheet of the workbook, in tab order. */
export interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  /** visible, hidden or veryHidden. */
  state: string;
  /** The worksheet part (no leading `/`); '' for a chart sheet or a dangling relationship. */
  path: string;
  /** Chart sheets and dialog sheets have no cells. */
  isWorksheet: boolean;
}

/** A defined name as written in workbook.xml. */
export interface DefinedName {
  name: string;
  localSheetId: number | null;
  value: string;
}

/** The sheet a reference like `'Blad 1'!$A$1` points into, or null. */
export function sheetOfRef(ref: string): string | null {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return null;
  let s = ref.slice(0, bang).trim();
  if (s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
  return s;
}

/** An opened workbook package. */
export class XlsxPackage {
  readonly contentTypes: ContentTypes;
  /** The main workbook part, e.g. `xl/workbook.xml`. */
  readonly workbookPath: string;
  readonly workbookXml: string;
  readonly workbookRels: Rel[];
  readonly sheets: SheetEntry[] = [];
  readonly definedNames: DefinedName[] = [];
  readonly date1904: boolean;
  /** Prefix of the relationships namespace in workbook.xml (`r:`). */
  readonly relPrefix: string;
  /** Whether the root element declares it (openpyxl declares it on each `<sheet>` instead). */
  readonly relPrefixOnRoot: boolean;
  private strings?: string[];
  private dates?: Uint8Array;

  constructor(readonly zip: ZipArchive) {
    const ct = zip.text('[Content_Types].xml');
    if (ct === undefined) throw new ZipError('cli.error.partMissing', { part: '[Content_Types].xml' });
    this.contentTypes = new ContentTypes(ct);
    const office = parseRels(zip.text('_rels/.rels')).find((r) => relIs(r, 'officeDocument') && !r.external);
    this.workbookPath = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
    const wb = zip.text(this.workbookPath);
    if (wb === undefined) throw new ZipError('cli.error.partMissing', { part: this.workbookPath });
    this.workbookXml = wb;
    this.workbookRels = parseRels(zip.text(relsPathOf(this.workbookPath)));
    const rp = prefixFor(wb, NS_R, NS_R_STRICT);
    this.relPrefix = rp || 'r:';
    this.relPrefixOnRoot = !!rp;
    const byId = new Map(this.workbookRels.map((r) => [r.id, r]));
    let date1904 = false;
    const ts = tags(wb);
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i];
      if (t.closing) continue;
      if (t.name === 'workbookPr') {
        const v = attrs(t.text).get('date1904');
        date1904 = v === '1' || v === 'true';
      } else if (t.name === 'sheet') {
        const a = attrs(t.text);
        const rid = a.get(`${this.relPrefix}id`) ?? [...a].find(([k]) => k.endsWith(':id'))?.[1] ?? '';
        const rel = byId.get(rid);
        const path = rel && !rel.external ? resolveTarget(this.workbookPath, rel.target) : '';
        this.sheets.push({
          name: a.get('name') ?? '', sheetId: Number(a.get('sheetId') ?? 0), rid, state: a.get('state') ?? 'visible', path,
          isWorksheet: !!rel && relIs(rel, 'worksheet') && zip.has(path),
        });
      } else if (t.name === 'definedName' && !t.selfClosing) {
        const a = attrs(t.text);
        const close = ts[i + 1];
        const local = a.get('localSheetId');
        this.definedNames.push({ name: a.get('name') ?? '', localSheetId: local === undefined ? null : Number(local), value: unescapeXml(wb.slice(t.end, close?.start ?? t.end)) });
      }
    }
    this.date1904 = date1904;
  }

  /** Opens a package from its bytes; a ZipError names the part that cannot be read. */
  static open(bytes: Uint8Array): XlsxPackage {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return new XlsxPackage(new ZipArchive(buf));
  }

  /** Worksheets (not chart sheets) in tab order. */
  get worksheets(): SheetEntry[] {
    return this.sheets.filter((s) => s.isWorksheet);
  }

  /** A sheet by name, exact first, then ignoring case. */
  sheet(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The workbook-relationship part of a kind (`sharedStrings`, `styles`), if any. */
  private related(kind: string): string | undefined {
    const r = this.workbookRels.find((x) => relIs(x, kind) && !x.external);
    return r ? resolveTarget(this.workbookPath, r.target) : undefined;
  }

  /** Path of the styles part, if the workbook has one. */
  get stylesPath(): string | undefined {
    return this.related('styles');
  }

  /**
   * Generated sheets, found by their workbook-level markers: marker key → current sheet name.
   * A sheet-scoped copy of a marker (Excel makes one when a user copies a generated sheet) marks
   * the user's copy, which is theirs; a marker whose sheet is gone is ignored.
   */
  markers(): Map<string, string> {
    const out = new Map<string, string>();
    const names = new Set(this.sheets.map((s) => s.name));
    for (const d of this.definedNames) {
      if (!d.name.startsWith(MARKER_PREFIX) || d.localSheetId !== null) continue;
      const sheet = sheetOfRef(d.value);
      if (sheet !== null && names.has(sheet)) out.set(d.name.slice(MARKER_PREFIX.length), sheet);
    }
    return out;
  }

  private lookups(): { strings: string[]; dates: Uint8Array } {
    return { strings: this.sharedStrings(), dates: this.dateStyles() };
  }

  private sharedStrings(): string[] {
    if (!this.strings) {
      const ss = this.related('sharedStrings');
      this.strings = ss && this.zip.has(ss) ? readSharedStrings(this.zip.bytes(ss)) : [];
    }
    return this.strings;
  }

  private dateStyles(): Uint8Array {
    if (!this.dates) {
      const st = this.stylesPath;
      this.dates = st && this.zip.has(st) ? readDateStyles(this.zip.text(st)!) : new Uint8Array(0);
    }
    return this.dates;
  }

  /** The cell values of a worksheet from A1 to its last cell; formulas give their cached results. */
  values(sheet: SheetEntry): CellValue[][] {
    if (!sheet.isWorksheet) return [];
    const { strings, dates } = this.lookups();
    return readSheetValues(this.zip.bytes(sheet.path), strings, dates, this.date1904);
  }

  /**
   * The same values, read while the part is inflated on zlib's thread: the sheet is never held
   * whole, and for a big sheet inflating costs almost no time of its own. With `onRow`, each row
   * goes there as it is read (see SheetScanner) and none is kept: the result is then empty.
   */
  async loadValues(sheet: SheetEntry, onRow?: (r: number, cells: CellValue[]) => void): Promise<CellValue[][]> {
    if (!sheet.isWorksheet) return [];
    const e = this.zip.entry(sheet.path)!;
    if (e.method !== 8 || e.flags & 1) {
      if (!onRow) return this.values(sheet);
      const { strings, dates } = this.lookups();
      new SheetScanner(strings, dates, this.date1904, onRow).feed(this.zip.bytes(sheet.path), true);
      return [];
    }
    const raw = this.zip.raw(e);
    const z = createInflateRaw({ chunkSize: 1 << 20 });
    const piece = 1 << 20;
    // Inflating starts first: the shared strings are read on this thread meanwhile.
    for (let at = 0; at < raw.length; at += piece) z.write(raw.subarray(at, Math.min(raw.length, at + piece)));
    z.end();
    let lookups: ReturnType<XlsxPackage['lookups']>;
    try {
      lookups = this.lookups();
    } catch (err) {
      z.destroy();
      throw err;
    }
    const scanner = new SheetScanner(lookups.strings, lookups.dates, this.date1904, onRow);
    try {
      await new Promise<void>((resolve, reject) => {
        // zlib hands over a piece and starts inflating the next only when its 'data' handler returns:
        // scanning in that handler would make inflating and scanning take turns. The pieces are
        // queued and scanned on the next turn of the event loop, while zlib's thread inflates on.
        const queue: Buffer[] = [];
        let ended = false;
        let scheduled = false;
        const drain = () => {
          scheduled = false;
          while (queue.length && !scanner.done) scanner.feed(queue.shift()!);
          if (scanner.done) {
            queue.length = 0;
            z.destroy();
          }
          if (ended) resolve();
        };
        const later = () => {
          if (!scheduled) {
            scheduled = true;
            setImmediate(drain);
          }
        };
        z.on('data', (chunk: Buffer) => {
          queue.push(chunk);
          later();
        });
        z.on('end', () => {
          ended = true;
          later();
        });
        z.on('close', () => {
          ended = true;
          later();
        });
        z.on('error', reject);
      });
    } catch (err) {
      throw new ZipError('cli.error.partDamaged', { part: e.name, reason: err instanceof Error ? err.message : String(err) });
    }
    scanner.feed(Buffer.alloc(0), true);
    return scanner.rows;
  }
}
