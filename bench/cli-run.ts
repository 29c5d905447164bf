/** One run of the built CLI as a user runs it, for the benches: wall time, peak RSS and time per step. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface CliRun {
  ms: number;
  rssMB: number;
  /** Milliseconds per step, from the CLI's `phases_ms=start:…,parse:…` line. */
  phases: Record<string, number>;
  /** The same line as printed (`start:140,parse:700,…`). */
  phaseLine: string;
}

/** Runs `node bin/skolanalys.mjs …args` with SKOLANALYS_REPORT_RSS=1; throws on a non-zero exit. */
export function runCli(args: string[]): CliRun {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin/skolanalys.mjs'), ...args], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, SKOLANALYS_REPORT_RSS: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`skolanalys ${args[0]} exited ${r.status}: ${r.stderr.trim().split('\n')[0]}`);
  const phaseLine = /phases_ms=(\S+)/.exec(r.stderr)?.[1] ?? '';
  const phases: Record<string, number> = {};
  for (const m of phaseLine.matchAll(/(\w+):(\d+)/g)) phases[m[1]] = Number(m[2]);
  return { ms, rssMB: Number(/maxRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024, phases, phaseLine };
}
