#!/usr/bin/env node
// Takes docs/panel.png: the playground in Chromium after reading `Betyg VT2026`, with the
// detection and the problems list showing. Usage: node ui/screenshot.mjs [out.png]
import { chromium } from 'playwright-core';
import { build, PLAYGROUND } from './build.mjs';
import { serve } from './playground/serve.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = process.argv[2] ?? `${root}docs/panel.png`;
await build();
const { server, url } = await serve(PLAYGROUND, 0);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width: 380, height: 900 }, deviceScaleFactor: 2 });
  await page.goto(`${url}?now=2026-06-15`);
  await page.getByLabel('Blad att läsa').selectOption('Betyg VT2026');
  await page.getByRole('button', { name: 'Läs in' }).click();
  await page.getByTestId('pupils').waitFor({ timeout: 15_000 });
  await page.locator('#root').screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
