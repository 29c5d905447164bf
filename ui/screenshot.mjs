#!/usr/bin/env node
// Takes the pane's pictures in docs/, 300 px wide (the narrowest Excel task pane) at 2× pixels:
//   docs/panel.png           Data after reading `Betyg VT2026`: detection and the problems list
//   docs/panel-reports.png   Rapporter after a Nämndrapport with all sources: what was written
//   docs/panel-refusal.png   Rapporter refusing a Nämndrapport from `Elevenkät` read as grades
//   docs/panel-benchmarks.png  Jämförelsetal: a Kolada file imported, and what a fetch would send, asked first
// Usage: node ui/screenshot.mjs [out-dir]
import { chromium } from 'playwright-core';
import { build, PLAYGROUND } from './build.mjs';
import { serve } from './playground/serve.mjs';

const root = new URL('..', import.meta.url).pathname;
const dir = process.argv[2] ?? `${root}docs`;
const WIDTH = 300;
await build();
const { server, url } = await serve(PLAYGROUND, 0);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

async function open() {
  const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 }, deviceScaleFactor: 2 });
  page.setDefaultTimeout(30_000);
  await page.goto(`${url}?now=2026-06-15&delay=0`);
  await page.getByRole('heading', { name: 'Betygsdata' }).waitFor();
  return page;
}

async function read(page, sheet) {
  await page.getByLabel('Blad att läsa').selectOption(sheet);
  await page.getByRole('button', { name: 'Läs in' }).click();
  await page.getByTestId('detection').waitFor();
}

async function shot(page, name, locator = page.locator('#root')) {
  // Nothing may stick out sideways at this width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) throw new Error(`${name}: the page is ${overflow} px wider than ${WIDTH} px`);
  // No hover state in the picture.
  await page.mouse.move(WIDTH - 1, 1);
  const out = `${dir}/${name}`;
  await locator.screenshot({ path: out });
  console.log(`wrote ${out}`);
}

try {
  let page = await open();
  await read(page, 'Betyg VT2026');
  await page.getByRole('heading', { name: /^Problem \(/ }).waitFor();
  await shot(page, 'panel.png');
  await page.close();

  page = await open();
  await read(page, 'Betyg VT2026');
  await page.getByRole('tab', { name: 'Rapporter' }).click();
  await page.getByLabel('Lägg till tidigare termin').selectOption('Betyg VT2025');
  await page.getByText('Vårterminen 2025 (från bladets namn)').waitFor();
  await page.getByLabel('Nationella prov').selectOption('Nationella prov');
  await page.getByLabel('Frånvaro', { exact: true }).selectOption('Frånvaro');
  await page.getByRole('button', { name: 'Nämndrapport', exact: true }).click();
  await page.getByText('Klart. Skrev bladen:').waitFor();
  await shot(page, 'panel-reports.png');
  await page.close();

  page = await open();
  await read(page, 'Elevenkät');
  await page.getByRole('tab', { name: 'Rapporter' }).click();
  await page.getByRole('button', { name: 'Nämndrapport', exact: true }).click();
  await page.getByText('Rapporten skapades inte').waitFor();
  await shot(page, 'panel-refusal.png');
  await page.close();

  page = await open();
  await page.getByRole('tab', { name: 'Rapporter' }).click();
  await page.getByLabel('Fil med jämförelsetal').setInputFiles(`${root}core/report/fixtures/kolada-v2-data-documented-format.json`);
  await page.getByText(/^Importerade \d+ värden/).waitFor();
  await page.getByRole('button', { name: 'Hämta från Kolada …' }).click();
  await page.getByLabel('Kommunkod (fyra siffror, t.ex. 1280)').fill('1280');
  await page.getByRole('button', { name: 'Visa vad som skickas' }).click();
  await page.getByTestId('bench-disclosure').waitFor();
  await shot(page, 'panel-benchmarks.png', page.locator('section[aria-labelledby="bench-heading"]'));
  await page.close();
} finally {
  await browser.close();
  server.close();
}
