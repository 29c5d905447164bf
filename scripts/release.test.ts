/**
 * `npm run release` as IT runs it: a separate process, a base URL, two deployable folders and a
 * checksum list that matches every file in them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'skolanalys-release-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const version = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version;

function run(args: string[], env: Record<string, string> = {}) {
  const { SKOLANALYS_BASE_URL: _drop, ...rest } = process.env;
  // --reuse-built-pane: the playground in dist/ui is built by the test setup and read by other tests.
  return spawnSync(process.execPath, [`${root}scripts/release.mjs`, '--reuse-built-pane', ...args], { cwd: root, encoding: 'utf8', env: { ...rest, ...env } });
}

describe('npm run release', () => {
  it('package.json’s version has its section in CHANGELOG.md (release refuses otherwise)', async () => {
    // @ts-expect-error plain ESM script without types
    const { changelogHas } = await import('./release.mjs');
    expect(changelogHas(version)).toBe(true);
    expect(changelogHas('9.9.9', '# Ändringar\n\n## [0.2.0] – 2026-12-03\n')).toBe(false);
  });

  it('refuses without a base URL, saying what to give', () => {
    const r = run(['--out', join(tmp, 'none')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--base-url https:\/\//);
    expect(existsSync(join(tmp, 'none', 'SHA256SUMS'))).toBe(false);
  });

  it('writes excel-addin/, sheets-addon/ and SHA256SUMS for the base URL', () => {
    const out = join(tmp, 'rel');
    const r = run(['--out', out], { SKOLANALYS_BASE_URL: 'https://skolanalys.kommun.example/excel' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const sums = readFileSync(join(out, 'SHA256SUMS'), 'utf8').trim().split('\n');
    const listed = sums.map((l) => l.slice(66));
    for (const f of ['excel-addin/manifest.xml', 'excel-addin/taskpane.html', 'excel-addin/taskpane.js', 'excel-addin/functions.json', 'excel-addin/functions.en.json',
      'excel-addin/assets/icon-32.png', 'excel-addin/playground/index.html', 'sheets-addon/Code.js', 'sheets-addon/Sidebar.html', 'sheets-addon/appsscript.json']) {
      expect(listed).toContain(f);
    }
    // Each line is what sha256sum writes and checks: 64 hex digits, two spaces, the path.
    for (const line of sums) {
      const [hash, file] = [line.slice(0, 64), line.slice(66)];
      expect(line.slice(64, 66)).toBe('  ');
      expect(createHash('sha256').update(readFileSync(join(out, file))).digest('hex')).toBe(hash);
    }
    const check = spawnSync('sha256sum', ['--check', '--quiet', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    if (!check.error) expect(check.status).toBe(0);
    const manifest = readFileSync(join(out, 'excel-addin', 'manifest.xml'), 'utf8');
    expect(manifest).toContain(`<Version>${version.replace(/[-+].*$/, '')}.0</Version>`);
    expect(manifest).toContain('<SourceLocation DefaultValue="https://skolanalys.kommun.example/excel/taskpane.html"/>');
    expect(readFileSync(join(out, 'sheets-addon', 'Code.js'), 'utf8')).toMatch(new RegExp(`^// Skolanalys ${version.replace(/\./g, '\\.')}:`));
  }, 180_000);
});
