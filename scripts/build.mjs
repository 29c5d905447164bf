#!/usr/bin/env node
// Builds every shipped bundle (CLI, pane, Excel add-in, Sheets add-on) with esbuild.
// Each host owns its build module; this only runs them in turn.
//   node scripts/build.mjs [targets…] [--base-url https://… ] [--out DIR]
// Targets are folder names (cli, ui, excel-addin, sheets-addon); none means all. The options go to
// the Excel build (the base URL its manifest points at; SKOLANALYS_BASE_URL works too).
import { existsSync } from 'node:fs';
const root = new URL('..', import.meta.url).pathname;
const targets = ['cli/build.mjs', 'ui/build.mjs', 'excel-addin/build.mjs', 'sheets-addon/build.mjs'];
const args = process.argv.slice(2);
const only = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--base-url', '--out'].includes(args[i - 1])));
for (const t of targets) {
  if (only.length && !only.some((o) => t.startsWith(o))) continue;
  if (!existsSync(root + t)) { console.warn(`(skipping ${t}: not present)`); continue; }
  const mod = await import(root + t);
  const t0 = Date.now();
  const opts = t.startsWith('excel-addin') ? mod.parseArgs(args) : undefined;
  let r;
  try {
    r = await mod.build(opts);
  } catch (e) {
    console.error(`${t.split('/')[0]}: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
  const where = r && r.baseUrl ? ` for ${r.baseUrl} (version ${r.version})` : '';
  console.log(`built ${t.split('/')[0]}${where} in ${Date.now() - t0} ms`);
}
