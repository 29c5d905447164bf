// LibreOffice and poppler helpers shared by cli/render.test.ts and cli/render-docs.mjs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
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
