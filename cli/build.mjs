// Bundles the CLI (cli/main.ts → dist/cli/skolanalys.mjs) for Node 20; npm packages stay external.
import { build as esbuild } from 'esbuild';
const root = new URL('..', import.meta.url).pathname;

export async function build() {
  await esbuild({
    entryPoints: [`${root}cli/main.ts`],
    outfile: `${root}dist/cli/skolanalys.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await build();
