#!/usr/bin/env node
// `npm run release -- --base-url https://skolanalys.kommun.se/excel`: the two folders a
// municipality deploys, and a checksum list, in dist/release/skolanalys-<version>/:
//   excel-addin/   the static folder to publish at the base URL; its manifest.xml is what the
//                  Microsoft 365 admin center takes (docs/deploy-excel.md)
//   sheets-addon/  the Apps Script project to push with clasp (docs/deploy-sheets.md)
//   SHA256SUMS     one line per file, as `sha256sum -c SHA256SUMS` checks it
// The version is package.json's; raise it there (and in CHANGELOG.md) before a release, or Office
// keeps serving the cached manifest.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** Every file under dir, as paths relative to base, in a fixed order. */
function files(dir, base = dir) {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, base) : [relative(base, p)];
  });
}

/** `sha256sum` lines for every file under dir (two spaces, path relative to dir). */
export function checksums(dir) {
  return files(dir).filter((f) => f !== 'SHA256SUMS').map((f) => `${createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')}  ${f}`).join('\n') + '\n';
}

/** True when CHANGELOG.md (or the given text) has a `## [version]` section. */
export function changelogHas(version, text = readFileSync(join(root, 'CHANGELOG.md'), 'utf8')) {
  return text.split('\n').some((l) => l.startsWith(`## [${version}]`));
}

/**
 * Builds both deployable folders for a base URL into `out` (default dist/release/skolanalys-<version>).
 * Returns the folder, the version and the number of files listed.
 */
export async function release({ baseUrl, out, reusePane = false } = {}) {
  const excel = await import('../excel-addin/build.mjs');
  if (!baseUrl) {
    throw new Error('Ange adressen där IT publicerar Excel-mappen: npm run release -- --base-url https://… (eller SKOLANALYS_BASE_URL). En release mot localhost går inte att installera.');
  }
  const version = excel.VERSION;
  // A release says what changed: CHANGELOG.md must have a section for this version.
  if (!changelogHas(version)) throw new Error(`CHANGELOG.md har inget avsnitt "## [${version}]": skriv vad som ändrats i version ${version} (package.json) innan release.`);
  const dir = out ?? join(root, 'dist', 'release', `skolanalys-${version}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The playground is part of the Excel folder (the pane links it outside Office): built fresh,
  // unless the caller (a test beside other tests reading dist/ui) says the built one will do.
  if (!reusePane) await (await import('../ui/build.mjs')).build();
  const r = await excel.build({ baseUrl, out: join(dir, 'excel-addin') });
  await (await import('../sheets-addon/build.mjs')).build({ out: join(dir, 'sheets-addon') });
  const sums = checksums(dir);
  writeFileSync(join(dir, 'SHA256SUMS'), sums);
  return { dir, version, manifestVersion: r.version, baseUrl: r.baseUrl, files: sums.trim().split('\n').length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const excel = await import('../excel-addin/build.mjs');
  const { baseUrl, out } = excel.parseArgs();
  try {
    const r = await release({ baseUrl, out, reusePane: process.argv.includes('--reuse-built-pane') });
    console.log(`Skolanalys ${r.version} för ${r.baseUrl}: ${relative(process.cwd(), r.dir) || '.'}/ (excel-addin/, sheets-addon/, SHA256SUMS med ${r.files} filer)`);
    if (!existsSync(join(r.dir, 'excel-addin', 'manifest.xml'))) process.exit(1);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
