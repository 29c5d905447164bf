/**
 * The Nämndrapport printed as a board gets it (issue 14): the whole report written by the CLI's writer for
 * one school and for a municipality of five (cli/fixtures/namndrapport-print.ts), cut down to the
 * Nämndrapport and converted to PDF by LibreOffice once per case. A4 portrait at ≥ 85 %, the page limits, the title on every page, and no header cut: every
 * header word whole in the PDF and every wrapped header row tall enough for its lines.
 * Needs LibreOffice, poppler-utils and fonts-crosextra-carlito (Calibri's metrics; .ci/run installs them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { writeNamndrapportAlone, type PrintCase } from './fixtures/namndrapport-print';
import { COLORS } from '../core/report/layout';
import { linePoints, pixelLines, textWidth } from '../core/report/history-print';
import { PRINT_COLUMNS } from '../core/report/namndrapport';
import type { SheetPlan } from '../core/report/plan';
// @ts-expect-error plain .mjs helper without types
import { pageTexts, pdfPages, xlsxToPdf } from './lo.mjs';

interface Printed {
  plan: SheetPlan;
  sheetXml: string;
  workbookXml: string;
  pages: number;
  sizes: string[];
  texts: string[];
}

let dir: string;
const printed = new Map<PrintCase, Printed>();

async function print(c: PrintCase): Promise<Printed> {
  const xlsx = join(dir, `namndrapport-${c}.xlsx`);
  const plan = (await writeNamndrapportAlone(c, xlsx)).sheets.find((s) => s.key === 'namndrapport')!;
  const zip = await JSZip.loadAsync(readFileSync(xlsx));
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  // The Nämndrapport's part, through the workbook's relationships (the other sheets' parts stay behind).
  const rid = /<sheet [^>]*name="Nämndrapport"[^>]*r:id="([^"]+)"/.exec(workbookXml)![1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  const pdf: string = xlsxToPdf(xlsx, dir);
  const pages: number = pdfPages(pdf);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), pdf], { encoding: 'utf8' });
  return {
    plan,
    sheetXml: await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string'),
    workbookXml,
    pages,
    sizes: [...info.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((m) => m[1]),
    texts: pageTexts(pdf),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skolanalys-print-'));
  // One LibreOffice conversion per case, both at once (each its own profile).
  const [skola, kommun] = await Promise.all((['skola', 'kommun'] as const).map(print));
  printed.set('skola', skola);
  printed.set('kommun', kommun);
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Header cells of the printed tables: [row, column, text, font size]. */
function headerCells(plan: SheetPlan): [number, number, string, number][] {
  const out: [number, number, string, number][] = [];
  for (const b of plan.blocks) {
    const st = b.styles?.find((s) => s.range.row === 0 && s.fill === COLORS.headerFill);
    if (!st) continue;
    b.values[0].forEach((v, i) => {
      if (typeof v === 'string' && v && b.col + i < PRINT_COLUMNS) out.push([b.row, b.col + i, v, st.fontSize ?? 11]);
    });
  }
  return out;
}

/** Words as a host may break them: at spaces and after a hyphen inside a word. */
const pieces = (text: string) => text.split(/\s+/).filter(Boolean).flatMap((w) => w.split(/(?<=\p{L}-)(?=\p{L})/u));

describe.each([
  ['skola', 3],
  ['kommun', 6],
] as const)('the printed Nämndrapport (%s)', (c, limit) => {
  it('is set up for A4 portrait at 85 % or more, not fitted to a page, with the title row on every page', () => {
    const p = printed.get(c)!;
    const setup = /<pageSetup [^>]*>/.exec(p.sheetXml)![0];
    expect(setup).toContain('paperSize="9"');
    expect(setup).toContain('orientation="portrait"');
    expect(Number(/scale="(\d+)"/.exec(setup)![1])).toBeGreaterThanOrEqual(85);
    expect(p.sheetXml).not.toContain('fitToPage="1"');
    expect(p.workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Nämndrapport'!$1:$1</definedName>`);
    expect(p.sizes).toHaveLength(p.pages);
    for (const s of p.sizes) expect(s).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)$/);
    for (const t of p.texts) expect(t).toContain('Nämndrapport – skolresultat årskurs 9');
  });

  it('prints every column on the page (one page wide) and breaks only between blocks', () => {
    const p = printed.get(c)!;
    // The last printed column of the trend (the report's own period) is on the page with the trend.
    const trendPage = p.texts.find((t) => t.includes('Utveckling över tid'))!;
    expect(trendPage).toContain('VT2026');
    const starts = new Set([...p.plan.blocks.filter((b) => b.col === 0).map((b) => b.row), ...(p.plan.charts ?? []).map((ch) => ch.anchor.row)]);
    for (const r of p.plan.print!.rowBreaks ?? []) expect(starts).toContain(r);
  });

  /** Words of the printed cells and chart titles the PDF shows fewer times than the plan holds them. */
  function cutWords(p: Printed, only?: (blockId: string, col: number) => boolean): string[] {
    const inPdf = new Map<string, number>();
    for (const w of pieces(p.texts.join('\n'))) inPdf.set(w, (inPdf.get(w) ?? 0) + 1);
    // The PDF shows each word at least as often as the printed cells and chart titles hold it (legends
    // add more), so a word cut in two, or cut off where the next cell or the page ends, is one short.
    const inPlan = new Map<string, number>();
    const count = (text: string, check: boolean) => {
      if (check) for (const w of pieces(text)) inPlan.set(w, (inPlan.get(w) ?? 0) + 1);
    };
    for (const b of p.plan.blocks) {
      if (b.col >= PRINT_COLUMNS) continue;
      for (const row of b.values) row.slice(0, PRINT_COLUMNS - b.col).forEach((v, i) => { if (typeof v === 'string') count(v, !only || only(b.id, b.col + i)); });
    }
    for (const ch of p.plan.charts ?? []) count(ch.title, !only);
    return [...inPlan].filter(([w, n]) => /\p{L}{3}/u.test(w) && (inPdf.get(w) ?? 0) < n).map(([w, n]) => `${w} (${inPdf.get(w) ?? 0} of ${n})`);
  }

  it('cuts no printed word: every header word whole (not "yrkesprogra m"), no text cut off by the next cell or the page', () => {
    const p = printed.get(c)!;
    expect(headerCells(p.plan).length).toBeGreaterThan(5);
    expect(cutWords(p)).toEqual([]);
  });

  it('prints the comments from Mål whole, under the targets table', () => {
    const p = printed.get(c)!;
    const comments = p.plan.blocks.filter((b) => /^targets-comment-/.test(b.id));
    expect(comments.length).toBeGreaterThan(0);
    expect(cutWords(p, (id) => /^targets-comment-/.test(id))).toEqual([]);
  });

  it('gives each wrapped header row the height of its lines in the printed column width', () => {
    const p = printed.get(c)!;
    const heights = new Map([...p.sheetXml.matchAll(/<row r="(\d+)"[^>]*? ht="([\d.]+)"/g)].map((m) => [Number(m[1]) - 1, Number(m[2])]));
    const widths = [...p.sheetXml.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
    const short: string[] = [];
    for (const [row, col, text, size] of headerCells(p.plan)) {
      // LibreOffice draws 7.4 px per character of width, less about 2.5 px of padding.
      const lines = pixelLines(text, widths[col] * 7.39 - 2.5, size, true).length;
      if (lines > 1 && (heights.get(row) ?? 15) < linePoints(lines, size)) short.push(`${text} (row ${row + 1}: ${lines} lines)`);
    }
    expect(short).toEqual([]);
    // The widest header word fits its column, so the lines above are whole words.
    for (const [, col, text, size] of headerCells(p.plan)) for (const w of pieces(text)) expect(textWidth(w, size, true), w).toBeLessThanOrEqual(widths[col] * 7.39 - 2.5);
  });

  // Issue 14: at most 3 pages for one school and 6 for a municipality of five schools.
  it(`prints on at most ${limit} pages`, () => {
    expect(printed.get(c)!.pages).toBeLessThanOrEqual(limit);
  });
});
