#!/usr/bin/env node
// Entry of `npx skolanalys`: runs the built CLI, building it first on a fresh clone.
import { existsSync } from 'node:fs';
const root = new URL('..', import.meta.url).pathname;
const built = `${root}dist/cli/skolanalys.mjs`;
if (!existsSync(built)) {
  const { build } = await import(`${root}cli/build.mjs`);
  await build();
}
const { main } = await import(built);
process.exitCode = await main(process.argv.slice(2));
