#!/usr/bin/env node
// Builds every shipped bundle (CLI, pane, Excel add-in, Sheets add-on) with esbuild.
// Each host owns its build module; this only runs them in turn.
import { existsSync } from 'node:fs';
const root = new URL('..', import.meta.url).pathname;
const targets = ['cli/build.mjs', 'ui/build.mjs', 'excel-addin/build.mjs', 'sheets-addon/build.mjs'];
const only = process.argv.slice(2);
for (const t of targets) {
  if (only.length && !only.some((o) => t.startsWith(o))) continue;
  if (!existsSync(root + t)) { console.warn(`(skipping ${t}: not present)`); continue; }
  const mod = await import(root + t);
  const t0 = Date.now();
  await mod.build();
  console.log(`built ${t.split('/')[0]} in ${Date.now() - t0} ms`);
}
