/**
 * Writes a report into a workbook package by adding parts. The output is the input package with:
 * - every part of the user's copied as it was (compressed bytes and all);
 * - the index parts that must name new sheets (workbook, its relationships, content types, styles)
 *   changed only by inserting elements — nothing of the user's in them is removed, renumbered or
 *   reordered;
 * - the sheets an earlier run generated (found by marker, renamed or not) rewritten in place:
 *   same name, position, sheetId and relationship; their old drawings, charts and tables removed
 *   with exactly their relationships and content types.
 * Generated sheets the new plan does not have are left as they were and reported as kept.
 */
import type { PlanValue, ReportPlan, SheetPlan } from '../../core/report/plan';
import { ownedBy, type ExistingSheet } from '../../core/report/create-once';
import { chartXml, drawingXml } from './charts';
import { attrs, CT, escapeXml, NS_R, parseRels, prefixed, REL, relativeTarget, relsPathOf, resolveTarget, tags, elementEnd, type Rel } from './opc';
import { MARKER_PREFIX, XlsxPackage, type SheetEntry } from './package';
import { StyleSheet, sheetXml, tableXml, type LazyRows } from './sheetxml';
import { detectDelimiter, plainLines } from '../../core/table/text';
import { streamCompressor, workerCompressor, type Compressed } from './zip';
import { writeZipItems, ZipArchive, type ZipItem } from './zipfile';
import { colLetter, quoteSheet } from './names';

/** A sheet to write: a plan sheet (marked with its key) or a data sheet (a text export copied in, unmarked). */
export interface SheetToWrite {
  key: string | null;
  plan: SheetPlan;
  /** The rows of the plan's one block, made as they are written (`dataSheet` of a text export). */
  rows?: LazyRows;
}

export interface WriteResult {
  bytes: Buffer;
  /** Sheets added, by their names in the workbook. */
  added: string[];
  /** Generated sheets rewritten in place. */
  replaced: string[];
  /** Generated sheets of an earlier run that this plan has no sheet for, left as they were. */
  keptGenerated: string[];
  /** Create-once sheets (the Närvaroplan) the workbook already has: the school's, left as they were. */
  keptOwned: string[];
  /** The user's sheets (all others), untouched. */
  userSheets: string[];
  /** Plan key → sheet name written. */
  names: Map<string, string>;
}

/** A legal, unused sheet name: `[]:*?/\` replaced, ≤ 31 characters, ` (2)` on a clash (case-insensitive). */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const base = (wanted.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').trim() || 'Skolanalys').slice(0, 31);
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

function markerName(key: string): string {
  return MARKER_PREFIX + key.replace(/[^A-Za-z0-9_]/g, '_');
}

/** A plain sheet of values (a text export kept beside the report), unmarked: it is the user's data from then on. */
export function dataSheet(name: string, rows: readonly (readonly PlanValue[])[] | LazyRows): SheetToWrite {
  if (!Array.isArray(rows)) return { key: null, plan: { key: '', name, personalData: true, blocks: [{ id: 'data', row: 0, col: 0, values: [] }] }, rows: rows as LazyRows };
  return { key: null, plan: { key: '', name, personalData: true, blocks: [{ id: 'data', row: 0, col: 0, values: rows as PlanValue[][] }] } };
}

/**
 * The rows of a text export without quotes as the writer asks for them: each line split when it is
 * written (and counted, not split, before), so a 100 000-line file is never a grid of 3 million
 * strings. The rows are `parseDelimited(text)`'s (for such a text it splits the lines the same way).
 * @example textRows('a;b\r\n1;2\r\n')?.at(1) // ['1', '2']
 */
export function textRows(text: string): LazyRows | null {
  if (text.includes('"')) return null;
  const lines = plainLines(text);
  const d = detectDelimiter(text);
  return {
    length: lines.length,
    width(i) {
      const line = lines[i];
      let n = 1;
      for (let at = line.indexOf(d); at !== -1; at = line.indexOf(d, at + 1)) n++;
      return n;
    },
    at: (i) => lines[i].split(d),
  };
}

/** Every internal relationship of the package: source part → its relationships with resolved targets. */
function relationshipGraph(zip: ZipArchive): Map<string, (Rel & { part: string })[]> {
  const out = new Map<string, (Rel & { part: string })[]>();
  for (const e of zip.entries) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(e.name);
    if (!m) continue;
    const source = `${m[1]}${m[2]}`;
    const rels = parseRels(zip.text(e.name)).map((r) => ({ ...r, part: r.external ? '' : resolveTarget(source, r.target) }));
    out.set(source.toLowerCase(), rels);
  }
  return out;
}

/**
 * The parts that belong to a generated sheet only: what its relationships reach (drawings,
 * charts, tables, their own relationships), less anything also reached from a part outside.
 */
function ownedParts(zip: ZipArchive, graph: Map<string, (Rel & { part: string })[]>, sheetPath: string): Set<string> {
  const owned = new Set<string>();
  const todo = [sheetPath.toLowerCase()];
  while (todo.length) {
    const p = todo.pop()!;
    for (const r of graph.get(p) ?? []) {
      const t = r.part.toLowerCase();
      if (!r.external && t && zip.has(t) && !owned.has(t) && t !== sheetPath.toLowerCase()) {
        owned.add(t);
        todo.push(t);
      }
    }
  }
  // Shared with someone else (an image the user also placed elsewhere): not ours to remove.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [source, rels] of graph) {
      if (owned.has(source) || source === sheetPath.toLowerCase()) continue;
      for (const r of rels) {
        if (owned.delete(r.part.toLowerCase())) changed = true;
      }
    }
  }
  for (const p of [...owned]) if (graph.has(p)) owned.add(relsPathOf(p).toLowerCase());
  owned.add(relsPathOf(sheetPath).toLowerCase());
  return owned;
}

/** Inserts `xml` before the end tag of the first `name` element, or creates the element where the schema wants it. */
function insertInto(doc: string, name: string, xml: string, createBefore: string[], rootEnd: string): string {
  if (!xml) return doc;
  const ts = tags(doc);
  const i = ts.findIndex((t) => t.name === name && !t.closing);
  if (i >= 0) {
    const t = ts[i];
    const pre = t.prefix;
    if (t.selfClosing) return `${doc.slice(0, t.start)}${t.text.replace(/\s*\/>$/, '>')}${prefixed(xml, pre)}</${pre}${name}>${doc.slice(t.end)}`;
    const end = ts[elementEnd(ts, i)];
    return doc.slice(0, end.start) + prefixed(xml, pre) + doc.slice(end.start);
  }
  const root = ts.find((t) => !t.closing)!;
  const pre = root.prefix;
  const before = ts.find((t) => !t.closing && createBefore.includes(t.name) && t.start > root.start) ?? ts.filter((t) => t.closing && t.name === rootEnd).pop()!;
  return doc.slice(0, before.start) + `<${pre}${name}>${prefixed(xml, pre)}</${pre}${name}>` + doc.slice(before.start);
}

// Children of <workbook> that come after <definedNames> (ECMA-376 18.2.27), to place a new one.
const AFTER_DEFINED_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/** Next free `prefix + N + suffix` part name (case-insensitive against the package and parts already planned). */
function freePart(taken: (p: string) => boolean, make: (n: number) => string): string {
  for (let n = 1; ; n++) if (!taken(make(n))) return make(n);
}

/**
 * Writes `sheets` (data sheets and the plan's sheets, in that order) into the package and
 * returns the new package's bytes with what was added, replaced and kept.
 */
export async function writeReportPackage(pkg: XlsxPackage, plan: ReportPlan | null, data: SheetToWrite[], when: Date): Promise<WriteResult> {
  const zip = pkg.zip;
  const markers = pkg.markers();
  const markedBySheet = new Map([...markers].map(([k, s]) => [s, k]));
  const result: Omit<WriteResult, 'bytes'> = { added: [], replaced: [], keptGenerated: [], keptOwned: [], userSheets: [], names: new Map() };
  const toWrite: SheetToWrite[] = [...data];
  const owned = new Set<string>();
  // A create-once sheet is written only when the workbook has none (core's rule, as in every host).
  const have: ExistingSheet[] = pkg.sheets.map((x) => ({ name: x.name, key: markedBySheet.get(x.name) ?? null }));
  for (const sp of plan?.sheets ?? []) {
    const existing = sp.createOnly ? ownedBy(sp, have) : undefined;
    if (existing !== undefined) {
      owned.add(existing);
      result.keptOwned.push(existing);
      result.names.set(sp.key, existing);
    } else toWrite.push({ key: sp.key, plan: sp });
  }

  const changed = new Map<string, string | Buffer[] | Promise<Compressed>>(); // existing parts with new content
  const removed = new Set<string>(); // lower-case part names
  const added: [string, string | Buffer[] | Promise<Compressed>][] = []; // new parts, in order
  const addedNames = new Set<string>();
  const isTaken = (p: string) => (zip.has(p) && !removed.has(p.toLowerCase())) || addedNames.has(p.toLowerCase());
  const addPart = (path: string, content: string | Buffer[] | Promise<Compressed>) => {
    added.push([path, content]);
    addedNames.add(path.toLowerCase());
  };
  // Worksheets first, then their parts: a regeneration, which keeps the worksheets' overrides
  // where they are and re-adds the rest, then writes the same list again.
  const sheetOverrides: string[] = [];
  const newOverrides: string[] = [];
  const graph = relationshipGraph(zip);

  // Which generated sheets are rewritten in place, and what of theirs goes.
  const inPlace = new Map<string, SheetEntry>(); // key → sheet
  for (const s of toWrite) {
    if (s.key === null) continue;
    const name = markers.get(s.key);
    const entry = name === undefined ? undefined : pkg.sheets.find((x) => x.name === name && x.isWorksheet);
    if (entry) inPlace.set(s.key, entry);
  }
  for (const entry of inPlace.values()) for (const p of ownedParts(zip, graph, entry.path)) if (zip.has(p)) removed.add(p);

  // Styles: appended to the user's, reusing what an earlier run added.
  let stylesPath = pkg.stylesPath;
  const stylesXml = stylesPath && zip.has(stylesPath) ? zip.text(stylesPath)! : null;
  const styles = new StyleSheet(stylesXml ?? MINIMAL_STYLES);

  // Table names and ids are workbook-wide.
  const tableNames = new Set<string>();
  let tableId = 0;
  for (const e of zip.entries) {
    if (removed.has(e.name.toLowerCase()) || pkg.contentTypes.of(e.name) !== CT.table) continue;
    const x = zip.text(e.name)!;
    const root = tags(x).find((t) => t.name === 'table' && !t.closing);
    if (!root) continue;
    const name = /\bname="([^"]*)"/.exec(root.text)?.[1] ?? /\bdisplayName="([^"]*)"/.exec(root.text)?.[1];
    if (name) tableNames.add(name.toLowerCase());
    tableId = Math.max(tableId, Number(/\bid="(\d+)"/.exec(root.text)?.[1] ?? 0));
  }

  const wbDir = pkg.workbookPath.slice(0, pkg.workbookPath.lastIndexOf('/') + 1);
  const takenNames = new Set(pkg.sheets.map((s) => s.name));
  let nextSheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId)) + 1;
  const relIds = new Set(pkg.workbookRels.map((r) => r.id));
  const nextRelId = () => {
    let n = relIds.size + 1;
    while (relIds.has(`rId${n}`)) n++;
    relIds.add(`rId${n}`);
    return `rId${n}`;
  };

  const newSheetTags: string[] = [];
  const newWbRels: string[] = [];
  // Defined names to write, `name|localSheetId` → reference: one that exists (the print area of a sheet
  // rewritten in place, the marker of a generated sheet the user deleted) gets its value in place.
  const names = new Map<string, string>();
  let sheetIndex = pkg.sheets.length;

  for (const s of toWrite) {
    const old = s.key === null ? undefined : inPlace.get(s.key);
    let name: string;
    let path: string;
    let index: number;
    if (old) {
      name = old.name;
      path = old.path;
      index = pkg.sheets.indexOf(old);
      result.replaced.push(name);
    } else {
      name = uniqueSheetName(s.plan.name, takenNames);
      takenNames.add(name);
      path = freePart(isTaken, (n) => `${wbDir}worksheets/sheet${n}.xml`);
      index = sheetIndex++;
      const rid = nextRelId();
      // Where the root does not bind the prefix, each new <sheet> binds it itself, as openpyxl's do.
      const bind = pkg.relPrefixOnRoot ? '' : ` xmlns:${pkg.relPrefix.slice(0, -1)}="${NS_R}"`;
      newSheetTags.push(`<sheet name="${escapeXml(name)}" sheetId="${nextSheetId++}"${bind} ${pkg.relPrefix}id="${rid}"/>`);
      newWbRels.push(`<Relationship Id="${rid}" Type="${REL.worksheet}" Target="${escapeXml(relativeTarget(pkg.workbookPath, path))}"/>`);
      sheetOverrides.push(`<Override PartName="/${escapeXml(path)}" ContentType="${CT.worksheet}"/>`);
      if (s.key !== null) names.set(`${markerName(s.key)}|`, `${quoteSheet(name)}!$A$1`);
      result.added.push(name);
    }
    if (s.key !== null) result.names.set(s.key, name);

    const area = s.plan.print?.area;
    if (area) {
      const ref = `${quoteSheet(name)}!$${colLetter(area.col + 1)}$${area.row + 1}:$${colLetter(area.col + area.cols)}$${area.row + area.rows}`;
      names.set(`_xlnm.Print_Area|${index}`, ref);
    }
    const titles = s.plan.print?.repeatRows;
    if (titles) names.set(`_xlnm.Print_Titles|${index}`, `${quoteSheet(name)}!$${titles.from + 1}:$${titles.to + 1}`);

    // The worksheet, compressed as it is written (big sheets on a worker thread).
    const charts = s.plan.charts ?? [];
    const rows = s.rows?.length ?? s.plan.blocks.reduce((n, b) => n + b.values.length, 0);
    const z = rows > 20_000 ? workerCompressor() : streamCompressor(false);
    const x = sheetXml(s.plan, styles, tableNames, { drawing: charts.length ? 'rIdSkDrawing' : undefined, tables: (i) => `rIdSkTable${i + 1}` }, (chunk) => z.write(chunk), s.rows);
    if (old) changed.set(path.toLowerCase(), z.end());
    else addPart(path, z.end());
    const sheetRels: { id: string; type: string; target: string }[] = [];
    x.tables.forEach((t, i) => {
      const tp = freePart(isTaken, (n) => `${wbDir}tables/table${n}.xml`);
      addPart(tp, tableXml(t, ++tableId));
      newOverrides.push(`<Override PartName="/${tp}" ContentType="${CT.table}"/>`);
      sheetRels.push({ id: `rIdSkTable${i + 1}`, type: REL.table, target: relativeTarget(path, tp) });
    });
    if (charts.length) {
      const dp = freePart(isTaken, (n) => `${wbDir}drawings/drawing${n}.xml`);
      const chartRels: { id: string; type: string; target: string }[] = [];
      charts.forEach((ch, k) => {
        const cp = freePart(isTaken, (n) => `${wbDir}charts/chart${n}.xml`);
        addPart(cp, chartXml(ch, name, x.valueAt));
        newOverrides.push(`<Override PartName="/${cp}" ContentType="${CT.chart}"/>`);
        chartRels.push({ id: `rId${k + 1}`, type: REL.chart, target: relativeTarget(dp, cp) });
      });
      addPart(dp, drawingXml(charts, s.plan.columnWidths));
      addPart(relsPathOf(dp), relsXml(chartRels));
      newOverrides.push(`<Override PartName="/${dp}" ContentType="${CT.drawing}"/>`);
      sheetRels.push({ id: 'rIdSkDrawing', type: REL.drawing, target: relativeTarget(path, dp) });
    }
    if (sheetRels.length) addPart(relsPathOf(path), relsXml(sheetRels));
  }
  const written = new Set([...result.added, ...result.replaced]);
  for (const sh of pkg.sheets) {
    if (written.has(sh.name) || owned.has(sh.name)) continue;
    if (markedBySheet.has(sh.name)) result.keptGenerated.push(sh.name);
    else result.userSheets.push(sh.name);
  }

  // workbook.xml: new <sheet>s and names inserted; names that exist get their new value in place.
  let wb = pkg.workbookXml;
  const newNames: string[] = [];
  if (names.size) {
    const ts = tags(wb);
    const edits: [number, number, string][] = [];
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i];
      if (t.name !== 'definedName' || t.closing || t.selfClosing) continue;
      const a = attrs(t.text);
      const key = `${a.get('name')}|${a.get('localSheetId') ?? ''}`;
      const ref = names.get(key);
      if (ref === undefined) continue;
      edits.push([t.end, ts[i + 1].start, escapeXml(ref)]);
      names.delete(key);
    }
    for (const [a, b, v] of edits.reverse()) wb = wb.slice(0, a) + v + wb.slice(b);
    for (const [key, ref] of names) {
      const [name, local] = key.split('|');
      newNames.push(`<definedName name="${name}"${local ? ` localSheetId="${local}"` : ''}>${escapeXml(ref)}</definedName>`);
    }
  }
  wb = insertInto(wb, 'sheets', newSheetTags.join(''), [], 'workbook');
  wb = insertInto(wb, 'definedNames', newNames.join(''), AFTER_DEFINED_NAMES, 'workbook');
  if (wb !== pkg.workbookXml) changed.set(pkg.workbookPath.toLowerCase(), wb);

  // Styles: only insertions (new fonts, fills, borders, formats, xfs, dxfs at the ends of their lists).
  const newStyles = styles.toXml();
  if (stylesXml === null) {
    stylesPath = freePart(isTaken, (n) => `${wbDir}${n === 1 ? 'styles' : `styles${n}`}.xml`);
    addPart(stylesPath, newStyles);
    newOverrides.push(`<Override PartName="/${stylesPath}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`);
    newWbRels.push(`<Relationship Id="${nextRelId()}" Type="${REL.worksheet.replace(/worksheet$/, 'styles')}" Target="${relativeTarget(pkg.workbookPath, stylesPath)}"/>`);
  } else if (newStyles !== stylesXml) changed.set(stylesPath!.toLowerCase(), newStyles);

  const wbRelsPath = relsPathOf(pkg.workbookPath);
  if (newWbRels.length) {
    const relsText = zip.text(wbRelsPath);
    if (relsText === undefined) addPart(wbRelsPath, relsXml([]).replace('</Relationships>', `${newWbRels.join('')}</Relationships>`));
    else changed.set(wbRelsPath.toLowerCase(), insertInto(relsText, 'Relationships', newWbRels.join(''), [], 'Relationships'));
  }

  // Content types: overrides of removed parts go (they were ours), new ones are appended.
  let ct = zip.text('[Content_Types].xml')!;
  if (removed.size) {
    const ts = tags(ct);
    for (const t of [...ts].reverse()) {
      if (t.name !== 'Override' || t.closing) continue;
      const part = /\bPartName="\/?([^"]*)"/.exec(t.text)?.[1];
      if (part && removed.has(part.toLowerCase())) ct = ct.slice(0, t.start) + ct.slice(t.end);
    }
  }
  ct = insertInto(ct, 'Types', sheetOverrides.join('') + newOverrides.join(''), [], 'Types');
  changed.set('[content_types].xml', ct);

  // calcChain entries of rewritten sheets point at formulas that are gone.
  const calc = pkg.workbookRels.find((r) => r.type.endsWith('/calcChain'));
  if (calc && inPlace.size) {
    const path = resolveTarget(pkg.workbookPath, calc.target);
    const text = zip.text(path);
    const ids = new Set([...inPlace.values()].map((s) => String(s.sheetId)));
    if (text) {
      const next = filterCalcChain(text, ids);
      if (next !== text) changed.set(path.toLowerCase(), next);
    }
  }

  const items: ZipItem[] = [];
  for (const e of zip.entries) {
    const k = e.name.toLowerCase();
    if (changed.has(k) && !removed.has(k)) items.push({ kind: 'new', name: e.name, data: changed.get(k)! as string | Buffer[] | Promise<Compressed> });
    else if (!removed.has(k)) items.push({ kind: 'copy', entry: e, from: zip });
  }
  for (const [name, content] of added) items.push({ kind: 'new', name, data: content as string | Buffer[] | Promise<Compressed> });
  const bytes = await writeZipItems(items, when);
  return { bytes, ...result };
}

/** Drops calcChain entries of the given sheetIds; an entry's `i` defaults to the one before it. */
export function filterCalcChain(xml: string, sheetIds: Set<string>): string {
  let current = '';
  let dropped = false;
  const out = xml.replace(/<((?:\w+:)?)c\b([^>]*?)\/>/g, (whole, pre: string, a: string) => {
    const i = /\bi="(\d+)"/.exec(a)?.[1];
    if (i !== undefined) current = i;
    if (sheetIds.has(current)) {
      dropped = true;
      return '';
    }
    // Once something was dropped, an inherited `i` may now inherit from the wrong entry: write it out.
    return dropped && i === undefined ? `<${pre}c${a} i="${current}"/>` : whole;
  });
  return out;
}

function relsXml(items: { id: string; type: string; target: string }[]): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    items.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join('') + '</Relationships>';
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** styles.xml of a new workbook: one font, the two fills Excel requires, one border, one style. */
export const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';

/**
 * A new, empty workbook package (for a report from a text export): workbook, styles, document
 * properties with `when` as created/modified, and no sheets until the writer adds them.
 */
export async function newPackage(when: Date): Promise<XlsxPackage> {
  const iso = `${when.toISOString().slice(0, 19)}Z`;
  const parts: [string, string][] = [
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'],
    ['_rels/.rels', relsXml([
      { id: 'rId1', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument', target: 'xl/workbook.xml' },
      { id: 'rId2', type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
      { id: 'rId3', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties', target: 'docProps/app.xml' },
    ])],
    ['docProps/app.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Skolanalys</Application></Properties>'],
    ['docProps/core.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>Skolanalys</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      '<bookViews><workbookView/></bookViews><sheets></sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', relsXml([{ id: 'rId1', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles', target: 'styles.xml' }])],
    ['xl/styles.xml', MINIMAL_STYLES],
  ];
  const bytes = await writeZipItems(parts.map(([name, data]) => ({ kind: 'new', name, data })), when);
  return XlsxPackage.open(bytes);
}
