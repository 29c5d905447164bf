#!/usr/bin/env node
// Writes docs/namndrapport.png: the Nämndrapport page of the demo report as LibreOffice prints it; and
// docs/namndrapport-skola.png, docs/namndrapport-kommun.png: every printed page of the Nämndrapport for
// one school and for a municipality of five (cli/fixtures/namndrapport-print.ts, issue 14); and
// docs/datakontroll.png, docs/resultatdialog.png from the demo report.
// Usage: node cli/render-docs.mjs [workbook.xlsx]   (default: runs `skolanalys demo` first;
// falls back to the writer's sample plan while the demo cannot run).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pagesToPng, pdfPages, pageToPng, xlsxToPdf, xlsxWithSheets } from './lo.mjs';

const root = new URL('..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'skolanalys-docs-'));
mkdirSync(join(root, 'docs'), { recursive: true });

// The board paper as printed: the Nämndrapport alone, all its pages (first: it does not need the demo).
for (const c of ['skola', 'kommun']) {
  const one = join(tmp, `namndrapport-${c}.xlsx`);
  execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'cli/fixtures/namndrapport-print.ts'), c, one], { cwd: root, stdio: 'inherit' });
  const out = pagesToPng(xlsxToPdf(one, tmp), 60, join(root, `docs/namndrapport-${c}.png`));
  console.log(`wrote docs/namndrapport-${c}.png (${out.pages} pages)`);
}

let xlsx = process.argv[2];
if (!xlsx) {
  // The demo runs the built CLI: build it from the sources as they are.
  const { build } = await import('./build.mjs');
  await build();
  const demo = spawnSync(process.execPath, [join(root, 'bin/skolanalys.mjs'), 'demo', '--out', join(tmp, 'demo.xlsx')], { cwd: root, encoding: 'utf8' });
  if (demo.status === 0) xlsx = join(tmp, 'demo.xlsx');
  else {
    console.warn(`demo failed (${demo.stderr.trim()}); rendering the sample plan instead`);
    xlsx = join(tmp, 'sample.xlsx');
    execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'cli/fixtures/write-sample.ts'), xlsx], { cwd: root, stdio: 'inherit' });
  }
} else {
  copyFileSync(xlsx, join(tmp, 'input.xlsx'));
  xlsx = join(tmp, 'input.xlsx');
}
// One sheet at a time (the whole demo workbook is many pages, slow to print): the Nämndrapport's first
// page, the Datakontroll and the first class's Resultatdialog, each when the report has it.
const renders = [
  ['Nämndrapport', 'docs/namndrapport.png', 80, false],
  ['Datakontroll', 'docs/datakontroll.png', 80, true],
  ['Resultatdialog', 'docs/resultatdialog.png', 100, true],
];
for (const [sheet, png, dpi, allPages] of renders) {
  try {
    const one = join(tmp, `${sheet}.xlsx`);
    const kept = await xlsxWithSheets(xlsx, one, [sheet]);
    const name = kept[0];
    if (kept.length > 1) await xlsxWithSheets(xlsx, one, [name]);
    const pdf = xlsxToPdf(one, tmp);
    if (allPages) pagesToPng(pdf, dpi, join(root, png));
    else pageToPng(pdf, 1, dpi, join(root, png));
    console.log(`wrote ${png} (${name}, ${pdfPages(pdf)} pages${allPages ? '' : ', the first'})`);
  } catch (e) {
    console.warn(`${png} not rendered: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
    process.exitCode = 1;
  }
}
if (existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
