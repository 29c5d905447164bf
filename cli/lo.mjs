// LibreOffice and poppler helpers shared by cli/render.test.ts and cli/render-docs.mjs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Converts an .xlsx to PDF in `outdir` with a fresh LibreOffice profile; returns the PDF path. */
export function xlsxToPdf(xlsx, outdir) {
  const profile = mkdtempSync(join(tmpdir(), 'lo-'));
  try {
    execFileSync('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outdir, xlsx], {
      stdio: 'pipe', timeout: 90_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(outdir, basename(xlsx).replace(/\.xlsx$/i, '.pdf'));
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${xlsx}`);
  return pdf;
}

/** Number of pages (pdfinfo). */
export function pdfPages(pdf) {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** Text of each page (pdftotext -layout), 1-based page n at index n-1. */
export function pageTexts(pdf) {
  const n = pdfPages(pdf);
  const out = [];
  for (let i = 1; i <= n; i++) out.push(execFileSync('pdftotext', ['-layout', '-f', String(i), '-l', String(i), pdf, '-'], { encoding: 'utf8' }));
  return out;
}

/** Writes page `page` of `pdf` as a PNG at `dpi` to `pngPath` (without the suffix pdftoppm adds). */
export function pageToPng(pdf, page, dpi, pngPath) {
  const stem = pngPath.replace(/\.png$/i, '');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, stem]);
  return `${stem}.png`;
}

/**
 * Writes every page of `pdf` at `dpi` into one PNG at `pngPath`: pages in a grid, `perRow` across, on
 * grey, so a printed report shows whole in the docs. Only zlib and poppler: no image library.
 */
export function pagesToPng(pdf, dpi, pngPath, perRow = 3) {
  const dir = mkdtempSync(join(tmpdir(), 'pages-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), pdf, join(dir, 'p')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.ppm')).sort().map((f) => readPpm(readFileSync(join(dir, f))));
    const gap = Math.round(dpi / 6);
    const cols = Math.min(perRow, pages.length);
    const cellW = Math.max(...pages.map((p) => p.width));
    const cellH = Math.max(...pages.map((p) => p.height));
    const rows = Math.ceil(pages.length / cols);
    const width = gap + cols * (cellW + gap);
    const height = gap + rows * (cellH + gap);
    const rgb = Buffer.alloc(width * height * 3, 0xb0);
    pages.forEach((p, i) => {
      const x0 = gap + (i % cols) * (cellW + gap);
      const y0 = gap + Math.floor(i / cols) * (cellH + gap);
      for (let y = 0; y < p.height; y++) p.data.copy(rgb, ((y0 + y) * width + x0) * 3, y * p.width * 3, (y + 1) * p.width * 3);
    });
    writeFileSync(pngPath, pngBytes(width, height, rgb));
    return { path: pngPath, pages: pages.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A binary PPM (P6, 8 bits) as pdftoppm writes it. */
function readPpm(buf) {
  const head = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!head || head[3] !== '255') throw new Error('not an 8-bit P6 PPM');
  const width = Number(head[1]);
  const height = Number(head[2]);
  return { width, height, data: buf.subarray(head[0].length, head[0].length + width * height * 3) };
}

/** An RGB PNG: filter 0 on every row, one zlib stream. */
function pngBytes(width, height, rgb) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Copies the workbook `src` to `out` with only the sheets whose names start with one of `prefixes`, so
 * LibreOffice prints just them (it prints hidden sheets too): the others leave workbook.xml, with their
 * sheet-local names; the kept names' sheet indices are renumbered. Parts stay, unreferenced.
 */
export async function xlsxWithSheets(src, out, prefixes) {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(readFileSync(src));
  let wb = await zip.file('xl/workbook.xml').async('string');
  const names = [...wb.matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*\/>/g)].map((m) => m[1]);
  const kept = names.filter((n) => prefixes.some((p) => n.startsWith(p)));
  if (!kept.length) throw new Error(`no sheet of ${src} starts with ${prefixes.join(', ')}`);
  wb = wb.replace(/<sheet\b[^>]*?\/>/g, (tag) => (kept.includes(/name="([^"]*)"/.exec(tag)[1]) ? tag : ''));
  wb = wb.replace(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g, (whole, attrs, ref) => {
    const local = /localSheetId="(\d+)"/.exec(attrs);
    if (local) {
      const j = kept.indexOf(names[Number(local[1])]);
      return j < 0 ? '' : `<definedName${attrs.replace(/localSheetId="\d+"/, `localSheetId="${j}"`)}>${ref}</definedName>`;
    }
    return names.some((n) => !kept.includes(n) && ref.includes(`${n.replace(/'/g, "''")}'!`)) ? '' : whole;
  });
  wb = wb.replace(/<definedNames>\s*<\/definedNames>/, '').replace(/\s(activeTab|firstSheet)="\d+"/g, '');
  zip.file('xl/workbook.xml', wb);
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return kept;
}
