/**
 * Writes the demo files in examples/ (`npm run generate:examples`). Deterministic: the same seed
 * gives the same bytes (the workbook's zip carries fixed dates too).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEMO_PUPILS, DEMO_SEED, ak8GradeText, encodeUtf8, encodeWindows1252, generatePupils, lessonRowsText,
  longGradeText, scbGradeFileText, scbTestFileText, skola24Text, surveyQuestionsText, surveyText, vklassText,
} from './generator';
import { demoWorkbookBytes } from './workbook';

const dir = dirname(fileURLToPath(import.meta.url));
const seed = Number(process.env.SEED ?? DEMO_SEED);
const pupils = generatePupils(DEMO_PUPILS, seed);

const files: [string, Uint8Array][] = [
  ['betyg-ak9-vt2026.txt', encodeWindows1252(scbGradeFileText(pupils))],
  ['np-ak9-vt2026.txt', encodeUtf8(scbTestFileText(pupils), true)],
  ['betyg-ak9-long.csv', encodeUtf8(longGradeText(pupils), false)],
  ['betyg-ak8-vt2025.csv', encodeUtf8(ak8GradeText(pupils, seed), false)],
  ['franvaro-vklass-vt2026.csv', encodeUtf8(vklassText(pupils), true)],
  ['franvaro-skola24-vt2026.csv', encodeUtf8(skola24Text(pupils), true)],
  ['franvaro-lektioner-vt2026.csv', encodeUtf8(lessonRowsText(pupils, 20), false)],
  ['elevenkat-2026.csv', encodeUtf8(surveyText(pupils, seed), false)],
  ['elevenkat-fragor.csv', encodeUtf8(surveyQuestionsText(), false)],
];
for (const [name, bytes] of files) {
  writeFileSync(join(dir, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
}

const xlsx = await demoWorkbookBytes(pupils, seed);
writeFileSync(join(dir, 'skolanalys-demo.xlsx'), xlsx);
console.log(`skolanalys-demo.xlsx: ${xlsx.length} bytes`);

