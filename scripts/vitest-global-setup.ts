import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Host tests run the bundles as built (Apps Script file in a vm, pane in Chromium, CLI as a
// process), so build once before any test file runs.
export default function setup(): void {
  // Unit tests of core need no bundles: SKIP_BUILD=1 npx vitest run core/…
  if (process.env.SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
}
