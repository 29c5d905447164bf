// Builds the Excel add-in into dist/excel-addin: taskpane.html (office.js from Microsoft's CDN),
// taskpane.js (pane + ExcelHost + custom functions, one bundle for the shared runtime),
// functions.json / functions.en.json generated from core/functions/catalog.ts, the icons and a
// copy of manifest.xml.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { generateFunctionsMetadata } from './functions-meta.mjs';

const root = new URL('..', import.meta.url).pathname;
export const OUT = `${root}dist/excel-addin`;
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export const HTML = `<!doctype html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <meta http-equiv="X-UA-Compatible" content="IE=Edge">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Skolanalys</title>
  <script src="${OFFICE_JS}"></script>
  <style>html, body, #root { margin: 0; height: 100%; }</style>
</head>
<body>
  <div id="root"></div>
  <script src="taskpane.js"></script>
</body>
</html>
`;

// Until the shared panel (ui/mount.tsx) exists, the pane shows a line of text instead, so the
// functions and the executor can be built and tried on their own.
const panelFallback = {
  name: 'panel-fallback',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/ui\/mount$/ }, (args) => {
      const real = ['tsx', 'ts'].map((e) => `${root}ui/mount.${e}`).find((f) => existsSync(f));
      return real ? { path: real } : { path: 'mount-fallback', namespace: 'fallback' };
    });
    b.onLoad({ filter: /.*/, namespace: 'fallback' }, () => ({
      contents: 'export function mountPanel(root) { root.textContent = "Skolanalys: panelen är inte byggd ännu. Funktionerna SKOLA.* fungerar."; }',
      loader: 'js',
    }));
  },
};

export async function build() {
  mkdirSync(`${OUT}/assets`, { recursive: true });
  await esbuild({
    entryPoints: [`${root}excel-addin/taskpane.ts`],
    outfile: `${OUT}/taskpane.js`,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [panelFallback],
    logLevel: 'error',
  });
  writeFileSync(`${OUT}/taskpane.html`, HTML);
  for (const f of readdirSync(`${root}assets`)) if (f.endsWith('.png')) copyFileSync(`${root}assets/${f}`, `${OUT}/assets/${f}`);
  copyFileSync(`${root}manifest.xml`, `${OUT}/manifest.xml`);
  await generateFunctionsMetadata(OUT);
  return { bytes: statSync(`${OUT}/taskpane.js`).size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = Date.now();
  const r = await build();
  console.log(`built dist/excel-addin in ${Date.now() - t0} ms (taskpane.js ${(r.bytes / 1024).toFixed(0)} KiB)`);
}
