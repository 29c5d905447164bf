// Generates Excel's custom-function metadata from the one table in core/functions/catalog.ts:
// writes a TypeScript stub file with one JSDoc'd function per entry, and runs Microsoft's
// custom-functions-metadata generator over it (the same tool the webpack plugin wraps).
// Swedish descriptions go to functions.json (default locale sv-SE), English to functions.en.json
// (the manifest's en-US override).
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import cfm from 'custom-functions-metadata';

const root = new URL('..', import.meta.url).pathname;

/** Loads FUNCTIONS from the TypeScript source (bundled to a temporary ESM file). */
export async function loadCatalog(tmpDir) {
  mkdirSync(tmpDir, { recursive: true });
  const out = `${tmpDir}/catalog.mjs`;
  await esbuild({ entryPoints: [`${root}core/functions/catalog.ts`], bundle: true, format: 'esm', platform: 'neutral', outfile: out, logLevel: 'error' });
  const mod = await import(`${pathToFileURL(out).href}?t=${Date.now()}`);
  return mod.FUNCTIONS;
}

const TS_TYPE = { any: 'any', number: 'number', string: 'string', boolean: 'boolean' };

/** JavaScript identifier for a parameter name (`ämnen` → `amnen`): the generator shows the JSDoc name. */
export function paramIdent(name) {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_]/g, '_');
}

const oneLine = (s) => s.replace(/\s+/g, ' ').replace(/\*\//g, '* /');

/** The stub source for one language. */
export function stubSource(functions, lang) {
  const parts = ['// Generated from core/functions/catalog.ts by excel-addin/functions-meta.mjs. Do not edit.', ''];
  for (const f of functions) {
    const doc = ['/**', ` * ${oneLine(f.description[lang])}`, ` * @customfunction ${f.name} ${f.name}`];
    const sig = [];
    for (const p of f.params) {
      const id = paramIdent(p.name);
      const base = TS_TYPE[p.type];
      const type = p.dimensionality === 'matrix' ? `${base}[][]` : base;
      doc.push(` * @param ${id} ${oneLine(p.description[lang])}`);
      sig.push(`${id}${p.optional ? '?' : ''}: ${type}`);
    }
    const rt = TS_TYPE[f.result.type];
    doc.push(` * @returns ${f.result.dimensionality === 'matrix' ? 'matrix' : 'value'}`, ' */');
    parts.push(...doc, `export function ${f.name}(${sig.join(', ')}): ${f.result.dimensionality === 'matrix' ? `${rt}[][]` : rt} {`, '  throw new Error("stub");', '}', '');
  }
  return parts.join('\n');
}

/**
 * Writes `functions.json` (sv) and `functions.en.json` (en) into outDir and returns the parsed
 * Swedish metadata. Throws with the generator's messages when it reports errors.
 */
export async function generateFunctionsMetadata(outDir) {
  const tmp = `${outDir}/.meta`;
  const functions = await loadCatalog(tmp);
  const result = {};
  for (const [lang, file] of [['sv', 'functions.json'], ['en', 'functions.en.json']]) {
    const stub = `${tmp}/functions-${lang}.ts`;
    writeFileSync(stub, stubSource(functions, lang));
    const r = await cfm.generateCustomFunctionsMetadata(stub, false);
    if (r.errors.length) throw new Error(`custom-functions-metadata (${lang}):\n${r.errors.join('\n')}`);
    const meta = JSON.parse(r.metadataJson);
    // The generator shows identifiers; give back the table's names: Swedish in functions.json,
    // English in functions.en.json (what Excel on an English system shows in the tooltip).
    for (const fn of meta.functions) {
      const spec = functions.find((f) => f.name === fn.id);
      fn.parameters.forEach((p, i) => { p.name = lang === 'en' ? spec.params[i].nameEn : spec.params[i].name; });
    }
    writeFileSync(`${outDir}/${file}`, JSON.stringify(meta, null, 2));
    result[lang] = meta;
  }
  rmSync(tmp, { recursive: true, force: true });
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = `${root}dist/excel-addin`;
  mkdirSync(out, { recursive: true });
  const t0 = Date.now();
  const meta = await generateFunctionsMetadata(out);
  console.log(`wrote ${meta.sv.functions.length} functions to dist/excel-addin/functions.json in ${Date.now() - t0} ms`);
}
