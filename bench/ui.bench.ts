/**
 * Size of the shared panel as the hosts ship it: dist/ui/panel.js (React + Fluent UI v9 + the
 * panel + the core it calls), minified production bundle, raw and gzip.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { BenchFigure } from './types';
// @ts-expect-error plain ESM build script without types
import { build } from '../ui/build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function run(): Promise<BenchFigure[]> {
  const t0 = performance.now();
  await build();
  const ms = performance.now() - t0;
  const js = readFileSync(`${root}dist/ui/panel.js`);
  const gz = gzipSync(js, { level: 9 });
  const how = 'node ui/build.mjs (esbuild, minified, NODE_ENV=production); gzip level 9 of dist/ui/panel.js';
  return [
    { name: 'ui: panel bundle, raw', value: Math.round((js.length / 1024) * 10) / 10, unit: 'KiB', how },
    { name: 'ui: panel bundle, gzip', value: Math.round((gz.length / 1024) * 10) / 10, unit: 'KiB', aim: '≤ 350 KB gzip', how },
    { name: 'ui: build of panel and playground', value: Math.round(ms), unit: 'ms', how: 'one run of build() from ui/build.mjs' },
  ];
}
