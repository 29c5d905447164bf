#!/usr/bin/env node
// Writes docs/namndrapport.png: the Nämndrapport page of the demo report as LibreOffice prints it.
// Usage: node cli/render-docs.mjs [workbook.xlsx]   (default: runs `skolanalys demo` first;
// falls back to the writer's sample plan while the demo cannot run).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageTexts, pageToPng, xlsxToPdf } from './lo.mjs';

const root = new URL('..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'skolanalys-docs-'));
let xlsx = process.argv[2];
if (!xlsx) {
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
const pdf = xlsxToPdf(xlsx, tmp);
const texts = pageTexts(pdf);
const page = texts.findIndex((t) => /Nämndrapport –|Board report –/.test(t)) + 1;
if (page < 1) throw new Error('no Nämndrapport page in the PDF');
mkdirSync(join(root, 'docs'), { recursive: true });
const png = pageToPng(pdf, page, 80, join(root, 'docs/namndrapport.png'));
console.log(`wrote ${png.replace(root, '')} (page ${page} of ${texts.length})`);
if (existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
