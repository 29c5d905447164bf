#!/usr/bin/env node
// `npm test`: type-check, then every vitest test; ends with one plain line "N passed, N failed"
// because CI here does not read vitest's own summary. Exit code is non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
mkdirSync(`${root}test-results`, { recursive: true });
const jsonFile = `${root}test-results/vitest.json`;
rmSync(jsonFile, { force: true });

let passed = 0;
let failed = 0;

const tsc = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '--noEmit', '-p', root], { stdio: 'inherit' });
if (tsc.status === 0) { passed++; console.log('✓ typecheck (tsc --noEmit)'); } else { failed++; console.log('✗ typecheck (tsc --noEmit) failed'); }

const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`, ...process.argv.slice(2)];
const vitest = spawnSync(process.execPath, [`${root}node_modules/vitest/vitest.mjs`, ...args], { stdio: 'inherit', cwd: root });

if (existsSync(jsonFile)) {
  const r = JSON.parse(readFileSync(jsonFile, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0);
  // A test file that failed to load has no failed test but is a failure all the same.
  const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed'));
  failed += brokenFiles.length;
  if ((r.numTotalTests ?? 0) === 0) { console.log('no tests ran'); failed++; }
} else {
  console.log('vitest wrote no results');
  failed++;
}
if (vitest.status !== 0 && failed === 0) failed++;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
