/**
 * `npm run bench`: builds the bundles, runs every `bench/*.bench.ts` in turn, prints the figures
 * and writes them to docs/benchmarks.md with the machine and the aims from the issues beside them.
 * Benchmarks are measurements, not tests: nothing here fails on a slow figure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchFigure, BenchModule } from './types';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);

execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });

const files = readdirSync(`${root}bench`).filter((f) => f.endsWith('.bench.ts')).sort();
const sections: { file: string; figures: BenchFigure[]; error?: string }[] = [];
for (const f of files) {
  if (only.length && !only.some((o) => f.startsWith(o))) continue;
  process.stdout.write(`\n== ${f}\n`);
  try {
    const mod = (await import(pathToFileURL(`${root}bench/${f}`).href)) as BenchModule;
    const figures = await mod.run();
    for (const x of figures) console.log(`  ${x.name}: ${fmt(x.value)} ${x.unit}${x.aim ? `  (aim ${x.aim})` : ''}`);
    sections.push({ file: f, figures });
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    console.log(`  FAILED: ${error}`);
    sections.push({ file: f, figures: [], error });
  }
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

/** The markdown of one benchmark's section. */
function section(s: { file: string; figures: BenchFigure[]; error?: string }): string[] {
  const lines = [`## ${s.file.replace('.bench.ts', '')}`, ''];
  if (s.error) lines.push(`Failed: ${s.error}`, '');
  if (s.figures.length) {
    lines.push('| what | median | aim | how |', '|---|---|---|---|');
    for (const x of s.figures) lines.push(`| ${x.name} | ${fmt(x.value)} ${x.unit} | ${x.aim ?? ''} | ${x.how ?? ''} |`);
    lines.push('');
  }
  return lines;
}

if (only.length && existsSync(`${root}docs/benchmarks.md`)) {
  // A partial run (`npm run bench -- xlsx cli`) replaces only its own sections and says when they were measured.
  const text = readFileSync(`${root}docs/benchmarks.md`, 'utf8');
  const parts = text.split(/^(?=## )/m);
  const head = parts[0].replace(/\n*$/, '\n');
  const byName = new Map(parts.slice(1).map((p) => [/^## (\S+)/.exec(p)![1], p.replace(/\n*$/, '\n\n')]));
  for (const s of sections) byName.set(s.file.replace('.bench.ts', ''), `${section(s).join('\n')}\n`);
  const date = new Date().toISOString().slice(0, 10);
  const note = `- Sections measured again on ${date}: ${sections.map((s) => s.file.replace('.bench.ts', '')).join(', ')}`;
  const headLines = head.split('\n').filter((l) => !l.startsWith('- Sections measured again on '));
  const at = headLines.findIndex((l) => l.startsWith('- Date:'));
  headLines.splice(at + 1, 0, note);
  const names = [...byName.keys()].sort();
  writeFileSync(`${root}docs/benchmarks.md`, `${headLines.join('\n').replace(/\n*$/, '\n\n')}${names.map((n) => byName.get(n)!).join('').replace(/\n*$/, '\n')}`);
  console.log('\nupdated docs/benchmarks.md (these sections only)');
}

if (!only.length) {
  const cpu = cpus();
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts). Each figure is the median of the runs its benchmark states;',
    'aims are the ones the issues set. Re-run to refresh; figures vary a few percent between runs.',
    '',
    `- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
    `- Node ${process.version}, ${process.platform}/${process.arch}`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    '',
  ];
  for (const s of sections) lines.push(...section(s));
  mkdirSync(`${root}docs`, { recursive: true });
  writeFileSync(`${root}docs/benchmarks.md`, lines.join('\n'));
  console.log('\nwrote docs/benchmarks.md');
}
