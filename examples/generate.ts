/**
 * Writes the demo files in examples/ (`npm run generate:examples`, or `SEED=7 npm run
 * generate:examples`). Deterministic: the same seed gives the same bytes, the workbook included.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PUPILS, DEMO_SEED, demoTextFiles, generatePupils } from './generator';
import { demoWorkbookBytes } from './workbook';

const dir = dirname(fileURLToPath(import.meta.url));
const seed = Number(process.env.SEED ?? DEMO_SEED);

const files = demoTextFiles(seed);
files.push(['skolanalys-demo.xlsx', await demoWorkbookBytes(generatePupils(DEMO_PUPILS, seed), seed)]);
for (const [name, bytes] of files) {
  writeFileSync(join(dir, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
}
