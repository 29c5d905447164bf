// Builds the Excel add-in into a static folder (dist/excel-addin unless told otherwise):
// taskpane.html (office.js from Microsoft's CDN), taskpane.js (pane + ExcelHost + custom functions,
// one bundle for the shared runtime), functions.json / functions.en.json generated from
// core/functions/catalog.ts, the icons, the playground (the pane's link outside Office) and a
// manifest.xml whose every URL points at the base URL the folder will be served from, with the
// version of package.json. Static hosting is all it needs: no server code runs.
//
//   npm run build:excel -- --base-url https://skolanalys.kommun.se/excel   (or SKOLANALYS_BASE_URL)
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { generateFunctionsMetadata } from './functions-meta.mjs';

const root = new URL('..', import.meta.url).pathname;
export const OUT = `${root}dist/excel-addin`;
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The base URL of the manifest in the repository: `npm run dev:excel` serves the folder there. */
export const DEV_BASE_URL = 'https://localhost:3000';
/** The one version (package.json), as Office wants it: four numbers. */
export const VERSION = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version;
export const MANIFEST_VERSION = `${VERSION.replace(/[-+].*$/, '')}.0`;

/**
 * The base URL as the manifest will use it: https only (Office add-ins load only over TLS), no
 * query or fragment, no trailing slash. Throws with a sentence saying what is wrong.
 */
export function normalizeBaseUrl(raw) {
  let u;
  try {
    u = new URL(String(raw));
  } catch {
    throw new Error(`--base-url "${raw}" är ingen adress (väntade t.ex. https://skolanalys.kommun.se/excel)`);
  }
  if (u.protocol !== 'https:') throw new Error(`--base-url måste börja med https:// (Office läser bara in tillägg över https), inte ${u.protocol}//`);
  if (u.search || u.hash || u.username || u.password) throw new Error(`--base-url "${raw}" får inte ha frågedel, #-del eller inloggning`);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

/**
 * manifest.xml for a base URL: every URL of the repository's manifest moves from
 * https://localhost:3000 to the base, the version is package.json's. AppDomains is dropped: all
 * pages are on the SourceLocation's own domain, which Office trusts without it.
 */
export function manifestFor(baseUrl, template = readFileSync(`${root}manifest.xml`, 'utf8')) {
  // URL() has percent-encoded quotes and angle brackets; & may remain and must be escaped in XML.
  const base = normalizeBaseUrl(baseUrl).replaceAll('&', '&amp;');
  return template
    .replace(/<!--[\s\S]*?-->/, `<!-- Skolanalys ${MANIFEST_VERSION}: written by excel-addin/build.mjs from manifest.xml for the base URL below. -->`)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${MANIFEST_VERSION}</Version>`)
    .replace(/\s*<AppDomains>[\s\S]*?<\/AppDomains>/, '')
    .replaceAll(`${DEV_BASE_URL}/`, `${base}/`)
    .replaceAll(`"${DEV_BASE_URL}"`, `"${base}"`);
}

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

/** Command-line options: `--base-url URL` (or SKOLANALYS_BASE_URL) and `--out DIR`. */
export function parseArgs(argv = process.argv.slice(2), env = process.env) {
  const at = (flag) => {
    const i = argv.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
    if (i < 0) return undefined;
    return argv[i].includes('=') ? argv[i].slice(flag.length + 1) : argv[i + 1];
  };
  return { baseUrl: at('--base-url') ?? env.SKOLANALYS_BASE_URL ?? undefined, out: at('--out') };
}

/**
 * Builds the static folder. Options: baseUrl (default the dev server's https://localhost:3000),
 * out (default dist/excel-addin). The command line passes parseArgs() (flags and environment).
 */
export async function build(opts = {}) {
  const baseUrl = normalizeBaseUrl(opts.baseUrl ?? DEV_BASE_URL);
  const out = opts.out ?? OUT;
  mkdirSync(`${out}/assets`, { recursive: true });
  await esbuild({
    entryPoints: [`${root}excel-addin/taskpane.ts`],
    outfile: `${out}/taskpane.js`,
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
  writeFileSync(`${out}/taskpane.html`, HTML);
  for (const f of readdirSync(`${root}assets`)) if (f.endsWith('.png')) copyFileSync(`${root}assets/${f}`, `${out}/assets/${f}`);
  writeFileSync(`${out}/manifest.xml`, manifestFor(baseUrl));
  await generateFunctionsMetadata(out);
  // The playground (demo data only) beside the pane: the link the pane shows outside Office.
  const playground = `${root}dist/ui/playground`;
  if (!existsSync(`${playground}/index.html`)) await (await import('../ui/build.mjs')).build();
  rmSync(`${out}/playground`, { recursive: true, force: true });
  cpSync(playground, `${out}/playground`, { recursive: true });
  return { bytes: statSync(`${out}/taskpane.js`).size, baseUrl, out, version: MANIFEST_VERSION };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = Date.now();
  const r = await build(parseArgs());
  console.log(`built ${r.out.replace(root, '')} for ${r.baseUrl} (version ${r.version}) in ${Date.now() - t0} ms (taskpane.js ${(r.bytes / 1024).toFixed(0)} KiB)`);
}
