/**
 * Issue 12, "the user's workbook comes back whole", held against workbooks that other programs made
 * (test/corpus/files, see README.md there: openpyxl, LibreOffice, ExcelJS, hand-written OOXML).
 *
 * For every corpus file `report` runs as a child process of the built CLI, twice (the second time on
 * its own output), and then:
 * - exit 0, and stdout names exactly the sheets added, the user's sheets, and (second run) those replaced;
 * - every zip part of the input is in the output with the same bytes (decompressed), except the index
 *   parts, found through the package relationships: the officeDocument part, its .rels, [Content_Types].xml,
 *   the extended-properties part (docProps/app.xml) and the styles part. Those may only gain insertions:
 *   each element of the input is in the output, in order, with the same attributes and text (compared on
 *   a saxes parse, not on text); only counts may change;
 * - the second output's parts are byte for byte the first output's parts;
 * - LibreOffice opens the output, and the user's sheets print the same: the input's PDF pages and the
 *   first pages of the output's PDF are the same pixels at 50 dpi (our sheets come after the user's);
 * - openpyxl reads the user's cells, defined names, print areas and sheet states back unchanged.
 * The heavy work (CLI runs, two LibreOffice calls, one openpyxl call) is done once in beforeAll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { cli as messages } from '../../core/i18n/messages/cli';

const root = fileURLToPath(new URL('../../', import.meta.url));
const FILES = join(root, 'test/corpus/files');
const PYTHON = '/usr/bin/python3'; // Debian's, which has python3-openpyxl (the pyenv python3 on PATH has not)

interface Case {
  file: string;
  /** The grades sheet (`--sheet`); left out where the CLI is to find it itself. */
  sheet?: string;
  /**
   * The sheets `report` adds, in order. Nämndrapport, Elevlista and Åtgärdslista always; Datakontroll
   * when the reader flags a cell. Worked out on the same pupils as SCB text (`grades --json` on rows
   * of examples/betyg-ak9-vt2026.txt): rows 0–29 flag pupil 5's check digit, rows 90–119 pupil 100's
   * "G" in Bi, rows 150–179 pupil 150's "Y" in Mu; rows 30–54, 60–89 and 120–144 flag nothing.
   */
  added: string[];
}

// Historik (issue 14) is the report's own data sheet: made on the first run, rewritten on the next.
const WITH_CHECK = ['Nämndrapport', 'Elevlista', 'Åtgärdslista', 'Datakontroll', 'Historik', 'Mål'];
const WITHOUT_CHECK = ['Nämndrapport', 'Elevlista', 'Åtgärdslista', 'Historik', 'Mål'];
const CASES: Case[] = [
  { file: 'openpyxl-features.xlsx', sheet: 'Betyg', added: WITH_CHECK }, // pupils 0–29
  { file: 'openpyxl-1904.xlsx', sheet: 'Betyg 1904', added: WITHOUT_CHECK }, // 30–54
  { file: 'libreoffice-pivot.xlsx', sheet: 'Betyg', added: WITHOUT_CHECK }, // 60–89
  { file: 'libreoffice-roundtrip.xlsx', sheet: 'Betyg', added: WITH_CHECK }, // 0–29
  { file: 'handwritten-sdk.xlsx', sheet: 'Betyg', added: WITH_CHECK }, // 90–119
  { file: 'handwritten-macro.xlsm', added: WITHOUT_CHECK }, // 120–144, grades on the first sheet
  { file: 'exceljs-table.xlsx', sheet: 'Slutbetyg', added: WITH_CHECK }, // 150–179
];

// ---------------------------------------------------------------------------------------------
// XML as a tree (saxes, namespace-aware, so a prefix used without its declaration is an error):
// element names and attribute names as written (prefix included), text nodes that are not only
// whitespace. Namespace declarations count as attributes: dropping one that the user's markup
// needs is not an insertion.

interface El {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
}
type Node = El | string;

function parseXml(text: string, part: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const stack: El[] = [];
  let top: El | undefined;
  let error: Error | undefined;
  const addText = (t: string) => {
    if (t.trim() === '' || !stack.length) return;
    const kids = stack[stack.length - 1].children;
    if (typeof kids[kids.length - 1] === 'string') kids[kids.length - 1] += t;
    else kids.push(t);
  };
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k] = typeof v === 'string' ? v : v.value;
    const el: El = { name: tag.name, attrs, children: [] };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else top = el;
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.write(text).close();
  if (error || !top) throw new Error(`${part}: not well-formed XML (${error?.message ?? 'no root element'})`);
  return top;
}

const local = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/**
 * What may differ in an index part besides insertions: a `count` attribute (styles.xml's
 * cellXfs/@count …), and in the extended properties the counts of the sheet list: vt:vector/@size and
 * the vt:i4 number under HeadingPairs ("Worksheets: 5" becomes 9 when four sheets are added).
 */
function isCountAttr(el: El, attr: string, appPart: boolean): boolean {
  return attr === 'count' || (appPart && attr === 'size' && local(el.name) === 'vector');
}

interface Ctx {
  app: boolean;
  /** Inside HeadingPairs/…/vt:i4 of the extended properties. */
  inHeadingCount: boolean;
}

function describeEl(el: El): string {
  const attrs = Object.entries(el.attrs).map(([k, v]) => ` ${k}="${v}"`).join('');
  const text = el.children.length === 1 && typeof el.children[0] === 'string' ? `${el.children[0]}</${el.name}>` : '';
  return `<${el.name}${attrs}>${text}`.slice(0, 300);
}

function attrsMatch(a: El, b: El, ctx: Ctx): string | null {
  for (const [k, v] of Object.entries(a.attrs)) {
    if (isCountAttr(a, k, ctx.app)) continue;
    if (!(k in b.attrs)) return `attribute ${k}="${v}" missing`;
    if (b.attrs[k] !== v) return `attribute ${k}="${v}" became "${b.attrs[k]}"`;
  }
  return null;
}

function childCtx(parent: El, ctx: Ctx): Ctx {
  const name = local(parent.name);
  return { app: ctx.app, inHeadingCount: ctx.inHeadingCount || (ctx.app && name === 'HeadingPairs') };
}

function nodeMatches(a: Node, b: Node, ctx: Ctx): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a.name !== b.name) return false;
  if (attrsMatch(a, b, ctx)) return false;
  const countText = ctx.inHeadingCount && local(a.name) === 'i4';
  const inner = childCtx(a, ctx);
  let j = 0;
  for (const c of a.children) {
    if (countText && typeof c === 'string') continue;
    while (j < b.children.length && !nodeMatches(c, b.children[j], inner)) j++;
    if (j === b.children.length) return false;
    j++;
  }
  return true;
}

/**
 * Null when `a` is included in `b` (same name and attributes, children an ordered sub-sequence, the
 * leftmost match taken, which finds an inclusion whenever there is one); else where the first
 * input element is missing or changed, as a path.
 */
function explainInclusion(a: El, b: El, path: string, ctx: Ctx): string | null {
  const here = `${path}/${a.name}`;
  if (a.name !== b.name) return `${path}: <${a.name}> became <${b.name}>`;
  const attr = attrsMatch(a, b, ctx);
  if (attr) return `${here}: ${attr} (input ${describeEl(a)})`;
  const countText = ctx.inHeadingCount && local(a.name) === 'i4';
  const inner = childCtx(a, ctx);
  let j = 0;
  for (let i = 0; i < a.children.length; i++) {
    const c = a.children[i];
    if (countText && typeof c === 'string') continue;
    const start = j;
    while (j < b.children.length && !nodeMatches(c, b.children[j], inner)) j++;
    if (j < b.children.length) {
      j++;
      continue;
    }
    if (typeof c === 'string') return `${here}: text "${c.slice(0, 120)}" missing or changed`;
    const nth = a.children.slice(0, i + 1).filter((x) => typeof x !== 'string' && x.name === c.name).length;
    // Say why as closely as possible: present but earlier (out of order), present with a changed
    // child, present with a changed attribute, or not there at all.
    const rest = b.children.slice(start).filter((x): x is El => typeof x !== 'string' && x.name === c.name);
    if (b.children.slice(0, start).some((x) => nodeMatches(c, x, inner))) return `${here}/${c.name}[${nth}]: out of order (${describeEl(c)})`;
    const twin = rest.find((x) => !attrsMatch(c, x, inner));
    if (twin) return explainInclusion(c, twin, here, inner) ?? `${here}/${c.name}[${nth}]: changed (${describeEl(c)})`;
    const shared = (x: El) => Object.entries(c.attrs).filter(([k, v]) => !k.startsWith('xmlns') && x.attrs[k] === v).length;
    const near = rest.filter((x) => shared(x) > 0).sort((x, y) => shared(y) - shared(x))[0];
    if (near) return `${here}/${c.name}[${nth}]: ${attrsMatch(c, near, inner)} (input ${describeEl(c)}, output ${describeEl(near)})`;
    return `${here}/${c.name}[${nth}]: missing in the output (input ${describeEl(c)})`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Packages: parts by name, relationships resolved by the OPC rules (absolute `/xl/…` or relative
// to the source part's folder).

type Parts = Map<string, Buffer>;

async function readParts(path: string): Promise<Parts> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts: Parts = new Map();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) parts.set(entry.name, await entry.async('nodebuffer'));
  }
  return parts;
}

function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? '' : source.slice(0, source.lastIndexOf('/') + 1);
  const out: string[] = [];
  for (const seg of (base + target.replace(/^\//, '')).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return decodeURIComponent(out.join('/'));
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relsOf(parts: Parts, source: string): Rel[] {
  const name = relsPartOf(source);
  const bytes = parts.get(name);
  if (!bytes) return [];
  return parseXml(bytes.toString('utf8'), name)
    .children.filter((c): c is El => typeof c !== 'string' && local(c.name) === 'Relationship')
    .map((r) => ({ id: r.attrs.Id, type: r.attrs.Type, target: r.attrs.Target, external: r.attrs.TargetMode === 'External' }));
}

function relTarget(parts: Parts, source: string, typeEnd: string): string | undefined {
  const rel = relsOf(parts, source).find((r) => !r.external && r.type.endsWith(typeEnd));
  return rel && resolveTarget(source, rel.target);
}

/** The index parts of a package, which `report` may extend: name → true when it is the extended properties. */
function indexParts(parts: Parts): Map<string, boolean> {
  const index = new Map<string, boolean>([['[Content_Types].xml', false]]);
  const book = relTarget(parts, '', '/officeDocument');
  if (!book) throw new Error('no officeDocument relationship in _rels/.rels');
  index.set(book, false);
  index.set(relsPartOf(book), false);
  const styles = relTarget(parts, book, '/styles');
  if (styles) index.set(styles, false);
  const app = relTarget(parts, '', '/extended-properties');
  if (app) index.set(app, true);
  return index;
}

/** Sheet names and states of a package's workbook part, in order. */
function sheetsOf(parts: Parts): { name: string; state: string }[] {
  const book = relTarget(parts, '', '/officeDocument')!;
  const wb = parseXml(parts.get(book)!.toString('utf8'), book);
  const sheets = wb.children.find((c): c is El => typeof c !== 'string' && local(c.name) === 'sheets');
  return (sheets?.children ?? [])
    .filter((c): c is El => typeof c !== 'string')
    .map((s) => ({ name: s.attrs.name, state: s.attrs.state ?? 'visible' }));
}

/** Every way the output fails to hold the input's parts; empty when it holds them all. */
function partDifferences(input: Parts, output: Parts): string[] {
  const problems: string[] = [];
  const index = indexParts(input);
  for (const [name, bytes] of input) {
    const got = output.get(name);
    if (!got) {
      problems.push(`${name}: missing in the output`);
      continue;
    }
    if (!index.has(name)) {
      if (!bytes.equals(got)) problems.push(`${name}: bytes differ (${bytes.length} → ${got.length} bytes)${firstTextDifference(bytes, got)}`);
      continue;
    }
    try {
      const why = explainInclusion(parseXml(bytes.toString('utf8'), name), parseXml(got.toString('utf8'), name), '', {
        app: index.get(name)!,
        inHeadingCount: false,
      });
      if (why) problems.push(`${name} (index part, insertions only): ${why}`);
    } catch (e) {
      problems.push(String((e as Error).message));
    }
  }
  return problems;
}

/** For XML parts: a short excerpt where two byte strings first differ. */
function firstTextDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.subarray(0, 64).includes(0)) return ''; // binary part
  const from = Math.max(0, i - 60);
  return `; first difference at byte ${i}: input …${a.subarray(from, i + 60).toString('utf8')}… output …${b.subarray(from, i + 60).toString('utf8')}…`;
}

// ---------------------------------------------------------------------------------------------
// Processes

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runAsync(cmd: string, args: string[], timeoutMs = 120_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => {
      stderr += String(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const cli = (...args: string[]) => runAsync(process.execPath, [join(root, 'bin/skolanalys.mjs'), ...args]);

/** Runs tasks two at a time (two cores). */
async function pooled<T>(tasks: (() => Promise<T>)[], width = 2): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }));
  return results;
}

/** One LibreOffice process converts all `files` to PDF in `outdir`, with its own profile. */
async function toPdf(files: string[], outdir: string): Promise<Run> {
  if (!files.length) return { code: 0, stdout: '', stderr: '' };
  const profile = mkdtempSync(join(tmpdir(), 'corpus-lo-profile-'));
  try {
    return await runAsync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outdir, ...files], 150_000);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function pdfPages(pdf: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
}

/** Pages 1..n of `pdf` at 50 dpi as raw RGB (pdftoppm's PPM: the pixels its PNG output would hold). */
function renderPages(pdf: string, n: number, stem: string): Buffer[] {
  execFileSync('pdftoppm', ['-r', '50', '-f', '1', '-l', String(n), pdf, stem]);
  const dir = stem.slice(0, stem.lastIndexOf('/'));
  const prefix = basename(stem) + '-';
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.ppm'))
    .sort((x, y) => Number(x.slice(prefix.length, -4)) - Number(y.slice(prefix.length, -4)))
    .map((f) => readFileSync(join(dir, f)));
}

/** Number of differing pixels of two P6 images ("size" when their sizes differ). */
function pixelDifference(a: Buffer, b: Buffer): number | 'size' {
  const header = (x: Buffer) => x.subarray(0, x.indexOf('255\n') + 4).toString('latin1');
  if (header(a) !== header(b) || a.length !== b.length) return 'size';
  const start = header(a).length;
  let n = 0;
  for (let i = start; i < a.length; i += 3) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// What `report` says it did, read with the CLI's own Swedish message templates (so the test holds
// the content of the lines, not one wording of them).

interface Said {
  file?: string;
  /** Sheets named by the "saved" line, when its template names sheets. */
  written?: string[];
  added?: string[];
  kept?: string[];
  replaced?: string[];
}

const REPORT_KEYS = { written: 'cli.report.written', added: 'cli.report.added', kept: 'cli.report.kept', replaced: 'cli.report.replaced' } as const;
const template = (key: string): string | undefined => (messages.sv as Record<string, unknown>)[key] as string | undefined;
/** True when the catalogue has a line of its own for new sheets ("Nya blad: …"). */
const separateAdded = template(REPORT_KEYS.added) !== undefined && !template(REPORT_KEYS.written)!.includes('{sheets}');

function said(stdout: string): Said {
  const out: Said = {};
  for (const [field, key] of Object.entries(REPORT_KEYS) as [keyof typeof REPORT_KEYS, string][]) {
    const t = template(key);
    if (!t) continue;
    const names: string[] = [];
    const pattern = new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, n) => {
      names.push(n);
      return n === 'sheets' ? '(.+)' : '(.+?)';
    })}$`);
    for (const line of stdout.split('\n')) {
      const m = pattern.exec(line);
      if (!m) continue;
      names.forEach((n, i) => {
        if (n === 'file') out.file = m[i + 1];
        if (n === 'sheets') out[field] = m[i + 1].split(', ');
      });
      if (field === 'written' && !names.includes('sheets')) out.written = undefined;
    }
  }
  return out;
}

/** Checks the lines of a run: `fresh` names the sheets the run added, `replaced` those it replaced. */
function expectSaid(stdout: string, out: string, user: string[], fresh: string[], replaced: string[]): void {
  const s = said(stdout);
  expect(s.file, `no "saved" line in:\n${stdout}`).toBe(out);
  expect(s.kept, 'the user\'s sheets').toEqual(user);
  expect(s.replaced ?? [], 'the sheets replaced').toEqual(replaced);
  if (separateAdded) expect(s.added ?? [], 'the new sheets').toEqual(fresh);
  else expect(s.written, 'the sheets written').toEqual([...replaced, ...fresh]);
}

// ---------------------------------------------------------------------------------------------

interface Result {
  c: Case;
  input: string;
  out1: string;
  out2: string;
  run1?: Run;
  run2?: Run;
  userSheets: { name: string; state: string }[];
}

let dir: string;
const results = new Map<string, Result>();
let pdfRuns: Run[] = [];
let openpyxlDump: Record<string, any> = {};
let negative: Run;
/** Where differing pages are kept as PNGs (made on the first difference, left for whoever reads the failure). */
let diffDir: string | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skolanalys-corpus-'));
  for (const d of ['in', 'out1', 'out2', 'pdf-in', 'pdf-out', 'png']) mkdirSync(join(dir, d));
  // Same file name in all three folders: the Nämndrapport names its source file, and the second
  // run must be able to produce the same bytes as the first.
  for (const c of CASES) {
    const input = join(dir, 'in', c.file);
    copyFileSync(join(FILES, c.file), input);
    const userSheets = sheetsOf(await readParts(input));
    results.set(c.file, { c, input, out1: join(dir, 'out1', c.file), out2: join(dir, 'out2', c.file), userSheets });
  }
  const sheetArgs = (c: Case) => (c.sheet ? ['--sheet', c.sheet] : []);
  await pooled([...results.values()].map((r) => async () => {
    r.run1 = await cli('report', r.input, ...sheetArgs(r.c), '--out', r.out1);
    if (r.run1.code === 0 && existsSync(r.out1)) r.run2 = await cli('report', r.out1, ...sheetArgs(r.c), '--out', r.out2);
  }));
  negative = await cli('report', join(root, 'examples/elevenkat-2026.csv'), '--out', join(dir, 'elevenkat.xlsx'));

  const written = [...results.values()].filter((r) => existsSync(r.out1));
  const job = join(dir, 'openpyxl-job.json');
  writeFileSync(job, JSON.stringify([...results.values()].flatMap((r) => {
    const names = r.userSheets.map((s) => s.name);
    return existsSync(r.out1) ? [[r.input, names], [r.out1, names]] : [[r.input, names]];
  })));
  const [pdfIn, pdfOut, py] = await Promise.all([
    toPdf(written.map((r) => r.input), join(dir, 'pdf-in')),
    toPdf(written.map((r) => r.out1), join(dir, 'pdf-out')),
    runAsync(PYTHON, [join(root, 'test/corpus/read_openpyxl.py'), job]),
  ]);
  pdfRuns = [pdfIn, pdfOut];
  openpyxlDump = py.code === 0 ? JSON.parse(py.stdout) : { error: py.stderr };
}, 400_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const stem = (file: string) => file.replace(/\.(xlsx|xlsm)$/, '');

function firstRun(file: string): Result & { run1: Run } {
  const r = results.get(file)!;
  expect(r.run1?.code, `report on ${file} failed:\n${r.run1?.stderr}`).toBe(0);
  return r as Result & { run1: Run };
}

describe.each(CASES.map((c) => [c.file, c] as const))('corpus workbook %s', (file, c) => {
  it('report exits 0 and names the sheets it added and the user\'s sheets, exactly', async () => {
    const r = firstRun(file);
    expectSaid(r.run1.stdout, r.out1, r.userSheets.map((s) => s.name), c.added, []);
    // The output's sheets are the user's, then ours.
    const out = sheetsOf(await readParts(r.out1));
    expect(out).toEqual([...r.userSheets, ...c.added.map((name) => ({ name, state: 'visible' }))]);
  });

  it('every part of the input comes back byte-identical; the index parts only gain insertions', async () => {
    const r = firstRun(file);
    expect(partDifferences(await readParts(r.input), await readParts(r.out1))).toEqual([]);
  });

  it('a second run replaces only our sheets, by equal ones, and leaves the user\'s parts as they were', async () => {
    const r = firstRun(file);
    expect(r.run2?.code, `second report on ${file} failed:\n${r.run2?.stderr}`).toBe(0);
    // Nothing is new the second time: every sheet of ours is replaced, but for Mål (create-once: the school's now).
    expectSaid(r.run2!.stdout, r.out2, r.userSheets.map((s) => s.name), [], c.added.filter((n) => n !== 'Mål'));
    const [input, first, second] = await Promise.all([readParts(r.input), readParts(r.out1), readParts(r.out2)]);
    const differences: string[] = [];
    for (const name of new Set([...first.keys(), ...second.keys()])) {
      const a = first.get(name);
      const b = second.get(name);
      if (!a) differences.push(`${name}: only in the second output`);
      else if (!b) differences.push(`${name}: only in the first output`);
      else if (!a.equals(b)) differences.push(`${name}: differs from the first output${firstTextDifference(a, b)}`);
    }
    expect(differences).toEqual([]);
    expect(partDifferences(input, second)).toEqual([]);
  });

  it('LibreOffice opens the output and prints the user\'s sheets exactly as before', () => {
    const r = firstRun(file);
    const pdfIn = join(dir, 'pdf-in', `${stem(file)}.pdf`);
    const pdfOut = join(dir, 'pdf-out', `${stem(file)}.pdf`);
    expect(existsSync(pdfIn), `LibreOffice made no PDF of the input:\n${pdfRuns[0].stderr}`).toBe(true);
    expect(existsSync(pdfOut), `LibreOffice made no PDF of the output:\n${pdfRuns[1].stderr}`).toBe(true);
    const n = pdfPages(pdfIn);
    expect(n).toBeGreaterThan(0);
    // Our sheets print after the user's: more pages than the input.
    expect(pdfPages(pdfOut)).toBeGreaterThan(n);
    const before = renderPages(pdfIn, n, join(dir, 'png', `${stem(file)}-in`));
    const after = renderPages(pdfOut, n, join(dir, 'png', `${stem(file)}-out`));
    expect(before.length).toBe(n);
    const differing: string[] = [];
    for (let p = 0; p < n; p++) {
      const d = pixelDifference(before[p], after[p]);
      if (d !== 0) {
        // Kept as PNGs outside the temporary folder for whoever reads the failure.
        diffDir ??= mkdtempSync(join(tmpdir(), 'skolanalys-corpus-diff-'));
        for (const [pdf, tag] of [[pdfIn, 'in'], [pdfOut, 'out']] as const) {
          execFileSync('pdftoppm', ['-png', '-r', '50', '-f', String(p + 1), '-l', String(p + 1), '-singlefile', pdf, join(diffDir, `${stem(file)}-p${p + 1}-${tag}`)]);
        }
        differing.push(`page ${p + 1}: ${d === 'size' ? 'page size differs' : `${d} pixels differ`} (PNGs in ${diffDir})`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('openpyxl reads the user\'s cells, defined names, print settings and sheet states back', () => {
    const r = firstRun(file);
    expect(openpyxlDump.error, 'openpyxl cross-check did not run').toBeUndefined();
    const before = openpyxlDump[r.input];
    const after = openpyxlDump[r.out1];
    expect(before?.error, `openpyxl cannot read the corpus file ${file} itself`).toBeUndefined();
    expect(after?.error, `openpyxl cannot read the output of ${file}`).toBeUndefined();
    expect(after.epoch).toBe(before.epoch);
    const n = before.sheets.length;
    expect(after.sheets.slice(0, n)).toEqual(before.sheets);
    expect(after.sheets.slice(n).map((s: { name: string }) => s.name)).toEqual(c.added);
    expect(after.cells).toEqual(before.cells);
    for (const s of before.sheets) expect(after.print[s.name], `print settings of ${s.name}`).toEqual(before.print[s.name]);
    // Every name of the user's, same scope and formula; the only new names are ours (markers, or
    // scoped to our sheets, which come after the user's).
    for (const name of before.names) expect(after.names).toContainEqual(name);
    const added = after.names.filter((x: unknown[]) => !before.names.some((y: unknown[]) => JSON.stringify(y) === JSON.stringify(x)));
    for (const [name, scope] of added) expect(String(name).startsWith('SKOLANALYS_') || (scope !== null && scope >= n), `new name ${name}`).toBe(true);
  });
});

describe('a file without grades', () => {
  it('the survey CSV as grades input: exit 2, the message names the sheet and what it looks like, no output', () => {
    expect(negative.code, negative.stderr + negative.stdout).toBe(2);
    // The sheet of a text file is its name without the extension.
    expect(negative.stderr).toContain('elevenkat-2026');
    expect(negative.stderr).toMatch(/elevenkät/i);
    expect(existsSync(join(dir, 'elevenkat.xlsx'))).toBe(false);
  });
});

describe('the part comparison itself', () => {
  // The checks above are only worth something if this comparison fails when it should.
  const file = join(FILES, 'openpyxl-features.xlsx');
  const edited = async (part: string, edit: (xml: string) => string) => {
    const parts = await readParts(file);
    parts.set(part, Buffer.from(edit(parts.get(part)!.toString('utf8'))));
    return parts;
  };

  it('finds nothing between a package and itself', async () => {
    expect(partDifferences(await readParts(file), await readParts(file))).toEqual([]);
  });

  it('accepts an inserted sheet, an inserted name, a new style with its count, and a longer app.xml sheet list', async () => {
    const input = await readParts(file);
    let output = await edited('xl/workbook.xml', (x) => x
      .replace('</sheets>', '<sheet name="Nämndrapport" sheetId="6" r:id="rId99" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets>')
      .replace('</definedNames>', '<definedName name="SKOLANALYS_namndrapport">\'Nämndrapport\'!$A$1</definedName></definedNames>'));
    const styles = output.get('xl/styles.xml')!.toString('utf8');
    const n = Number(/<cellXfs count="(\d+)"/.exec(styles)![1]);
    output.set('xl/styles.xml', Buffer.from(styles.replace(/<cellXfs count="\d+">/, `<cellXfs count="${n + 1}">`)
      .replace('</cellXfs>', '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>')));
    expect(partDifferences(input, output)).toEqual([]);
    // app.xml: a sheet appended to TitlesOfParts, its vector size and the HeadingPairs count raised.
    const app = '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
      + '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>N</vt:i4></vt:variant></vt:vector></HeadingPairs>'
      + '<TitlesOfParts><vt:vector size="N" baseType="lpstr">SHEETS</vt:vector></TitlesOfParts></Properties>';
    const appOf = (names: string[]) => Buffer.from(app.replaceAll('N', String(names.length)).replace('SHEETS', names.map((s) => `<vt:lpstr>${s}</vt:lpstr>`).join('')));
    input.set('docProps/app.xml', appOf(['Läs mig', 'Betyg']));
    output = new Map(input);
    output.set('docProps/app.xml', appOf(['Läs mig', 'Betyg', 'Nämndrapport']));
    expect(partDifferences(input, output)).toEqual([]);
  });

  it('reports a removed name, a changed attribute, reordered sheets, a renamed application and a changed user part', async () => {
    const input = await readParts(file);
    const diff = async (part: string, edit: (xml: string) => string) => partDifferences(input, await edited(part, edit));
    expect(await diff('xl/workbook.xml', (x) => x.replace('<definedName name="Skolår">"2025/26"</definedName>', '')))
      .toEqual(['xl/workbook.xml (index part, insertions only): /workbook/definedNames/definedName[2]: missing in the output (input <definedName name="Skolår">"2025/26"</definedName>)']);
    expect((await diff('xl/workbook.xml', (x) => x.replace('localSheetId="2"', 'localSheetId="7"')))[0])
      .toMatch(/^xl\/workbook.xml \(index part, insertions only\): \/workbook\/definedNames\/definedName\[4\]: attribute localSheetId="2" became "7"/);
    const sheet = (x: string, name: string) => x.match(new RegExp(`<sheet [^>]*name="${name}"[^>]*/>`))![0];
    expect(await diff('xl/workbook.xml', (x) => x.replace(sheet(x, 'Diagram'), '').replace(sheet(x, 'Läs mig'), sheet(x, 'Diagram') + sheet(x, 'Läs mig'))))
      .toEqual([expect.stringMatching(/^xl\/workbook.xml \(index part, insertions only\): \/workbook\/sheets\/sheet\[3\]: out of order \(<sheet .*name="Diagram"/)]);
    expect(await diff('xl/styles.xml', (x) => x.replace(/<cellStyles count="\d+">.*<\/cellStyles>/, '')))
      .toEqual([expect.stringMatching(/^xl\/styles.xml \(index part, insertions only\): \/styleSheet\/cellStyles\[1\]: missing/)]);
    expect(await diff('xl/worksheets/sheet2.xml', (x) => x.replace(/<sheetProtection [^>]*\/>/, '<sheetProtection sheet="1"/>')))
      .toEqual([expect.stringMatching(/^xl\/worksheets\/sheet2.xml: bytes differ .*first difference at byte \d+/)]);
    // openpyxl declares xmlns:r on each <sheet>, not on <workbook>: an inserted sheet must declare it too.
    expect(await diff('xl/workbook.xml', (x) => x.replace('</sheets>', '<sheet name="Nämndrapport" sheetId="6" r:id="rId99"/></sheets>')))
      .toEqual([expect.stringMatching(/^xl\/workbook.xml: not well-formed XML \(.*unbound namespace prefix/)]);
    const app = (await readParts(file)).get('docProps/app.xml')!.toString('utf8');
    expect(app).toContain('<Application>');
    expect(await diff('docProps/app.xml', (x) => x.replace(/<Application>[^<]*<\/Application>/, '<Application>Skolanalys</Application>')))
      .toEqual(['docProps/app.xml (index part, insertions only): /Properties/Application: text "Microsoft Excel" missing or changed']);
  });
});
