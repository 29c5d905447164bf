/** The built CLI run as a process, the way users and the bench run it. */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs build module without types
import { build } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/skolanalys.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  // The global setup builds too; building here keeps `SKIP_BUILD=1 vitest run cli` honest.
  await build();
});

describe('skolanalys as a process', () => {
  it('an unreadable file: exit 2, one Swedish line naming the file, no stack trace', () => {
    const r = run('grades', 'finns-inte.txt');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('Fel: Filen "finns-inte.txt" finns inte.');
    expect(r.stderr).not.toMatch(/\bat .*\.m?js:\d+/);
    expect(r.stdout).toBe('');
  });

  it('a broken workbook: exit 2 and the file named, in English with --lang en', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skolanalys-cli-'));
    const p = join(dir, 'trasig.xlsx');
    writeFileSync(p, 'not a zip');
    const r = run('report', p, '--out', join(dir, 'ut.xlsx'), '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`File "${p}" is not an Excel workbook (.xlsx)`);
  });

  it('--help prints the Swedish usage and exits 0; an unknown command or option exits 2', () => {
    const h = run('--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Användning:');
    expect(h.stdout).toContain('skolanalys report <betygsfil>');
    const u = run('betyg', 'x.txt');
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('Okänt kommando "betyg"');
    const o = run('grades', 'x.txt', '--bogus');
    expect(o.code).toBe(2);
    expect(o.stderr).toContain('Okänd flagga "--bogus" för grades');
    const m = run('report', 'x.txt');
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('--out');
  });

  it('reports peak memory on stderr when SKOLANALYS_REPORT_RSS=1', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/skolanalys.mjs'), '--help'], { cwd: root, encoding: 'utf8', env: { ...process.env, SKOLANALYS_REPORT_RSS: '1' } });
    const kb = Number(/maxRSS_KB=(\d+)/.exec(r.stderr)?.[1]);
    // A Node process uses at least some tens of MB; the figure is in kilobytes.
    expect(kb).toBeGreaterThan(10_000);
  });
});
