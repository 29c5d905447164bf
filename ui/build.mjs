// Builds the shared panel: dist/ui/panel.js (minified production bundle exporting mountPanel, for
// measuring what the hosts ship) and the playground dist/ui/playground/ (the panel over a
// MemoryHost holding the demo workbook, converted to JSON here with ExcelJS).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
export const OUT = `${root}dist/ui`;
export const PLAYGROUND = `${OUT}/playground`;
export const DEMO_XLSX = `${root}examples/skolanalys-demo.xlsx`;

const common = {
  bundle: true,
  minify: true,
  platform: 'browser',
  target: ['es2020'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'error',
};

/** A cell as ExcelJS gives it → a plain value (formula results, rich text and links as text). */
function plain(v) {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return { $date: v.toISOString() };
  if (typeof v !== 'object') return v;
  if ('result' in v) return plain(v.result);
  if ('formula' in v || 'sharedFormula' in v) return null;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v) return plain(v.text);
  if ('error' in v) return v.error;
  return String(v);
}

/** The demo workbook as `{ sheets: [{ name, values }] }`, or the small fixture until it exists. */
export async function demoWorkbook() {
  if (!existsSync(DEMO_XLSX)) {
    const { fixtureWorkbook } = await import('./playground/fixture.mjs');
    return { source: 'fixture', workbook: fixtureWorkbook() };
  }
  // ExcelJS takes seconds on this file; reuse the last conversion while the file is unchanged.
  const cacheFile = `${OUT}/demo-workbook.cache.json`;
  const stamp = `${statSync(DEMO_XLSX).mtimeMs}:${statSync(DEMO_XLSX).size}`;
  if (existsSync(cacheFile)) {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8'));
    if (cached.stamp === stamp) return { source: 'examples/skolanalys-demo.xlsx', workbook: cached.workbook };
  }
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(DEMO_XLSX);
  const sheets = [];
  wb.eachSheet((ws) => {
    const values = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(plain(row.getCell(c).value));
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      values.push(cells);
    }
    while (values.length && values[values.length - 1].length === 0) values.pop();
    sheets.push({ name: ws.name, values });
  });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(cacheFile, JSON.stringify({ stamp, workbook: { sheets } }));
  return { source: 'examples/skolanalys-demo.xlsx', workbook: { sheets } };
}

export const PLAYGROUND_HTML = `<!doctype html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Skolanalys – lekplats</title>
  <style>html, body { margin: 0; } body { background: #f5f5f5; } #root { width: 100%; max-width: 380px; box-sizing: border-box; min-height: 100vh; background: #fff; box-shadow: 0 0 4px rgba(0,0,0,.2); }</style>
</head>
<body>
  <div id="root"></div>
  <script src="playground.js"></script>
</body>
</html>
`;

/**
 * Builds the playground into `outDir`. `stubCore` (tests only) replaces core/report/build.ts, so the
 * panel's wiring can be checked apart from core's figures.
 */
export async function buildPlayground(outDir = PLAYGROUND, options = {}) {
  mkdirSync(outDir, { recursive: true });
  const { source, workbook } = await demoWorkbook();
  const json = JSON.stringify(workbook);
  await esbuild({
    ...common,
    entryPoints: [`${root}ui/playground/main.tsx`],
    outfile: `${outDir}/playground.js`,
    format: 'iife',
    plugins: [{
      name: 'workbook',
      setup(b) {
        b.onResolve({ filter: /^skolanalys:workbook$/ }, () => ({ path: 'workbook', namespace: 'skolanalys' }));
        b.onLoad({ filter: /.*/, namespace: 'skolanalys' }, () => ({ contents: json, loader: 'json' }));
        if (options.stubCore) b.onResolve({ filter: /^\.\/report\/build$/ }, () => ({ path: options.stubCore }));
      },
    }],
  });
  writeFileSync(`${outDir}/index.html`, PLAYGROUND_HTML);
  writeFileSync(`${outDir}/workbook.json`, json);
  return { source };
}

export async function build() {
  mkdirSync(OUT, { recursive: true });
  await esbuild({ ...common, entryPoints: [`${root}ui/mount.tsx`], outfile: `${OUT}/panel.js`, format: 'esm' });
  const { source } = await buildPlayground();
  const panel = readFileSync(`${OUT}/panel.js`);
  return { source, panelBytes: panel.length, panelGzipBytes: gzipSync(panel, { level: 9 }).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = Date.now();
  const r = await build();
  console.log(`built dist/ui in ${Date.now() - t0} ms from ${r.source}: panel.js ${(r.panelBytes / 1024).toFixed(0)} KiB, ${(r.panelGzipBytes / 1024).toFixed(0)} KiB gzip`);
}
