/**
 * The panel's wiring in Chromium, apart from core's figures: the playground is built with a
 * recording stand-in for detect/buildReport (ui/testing/stub-core.ts), so every step — read,
 * problem click, mapping override, sources, period, progress, errors — is checked against what
 * the panel passed and what the host received.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../core/types';
import { MemoryHost, reviveWorkbook, type MemoryWorkbook } from './memory-host';
import { detect as stubDetect, type StubRecord } from './testing/stub-core';
// @ts-expect-error plain ESM build script without types
import { buildPlayground } from './build.mjs';
// @ts-expect-error plain ESM server script without types
import { serve } from './playground/serve.mjs';

const root = new URL('..', import.meta.url).pathname;
const OUT = `${root}dist/ui/playground-wiring`;
const GRADES = 'Betyg VT2026';

let server: Server;
let url: string;
let browser: Browser;
let page: Page;

const workbook = (): MemoryWorkbook => reviveWorkbook(JSON.parse(readFileSync(`${OUT}/workbook.json`, 'utf8')));
const state = <T>(expr: string): Promise<T> => page.evaluate(`(() => { const h = window.__skolanalysHost; const s = window.__stubCore; return ${expr}; })()`) as Promise<T>;
const lastBuild = () => state<StubRecord['buildReport'][number]>('s.buildReport[s.buildReport.length - 1]');

beforeAll(async () => {
  await buildPlayground(OUT, { stubCore: `${root}ui/testing/stub-core.ts` });
  ({ server, url } = await serve(OUT, 0));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  page.setDefaultTimeout(15_000);
  await page.goto(`${url}?now=2026-06-15&delay=300`);
  await page.getByLabel('Blad att läsa').selectOption(GRADES);
  await page.getByRole('button', { name: 'Läs in' }).click();
  await page.getByTestId('pupils').waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('panel wiring over a recording core', () => {
  it('detects with the fixed date and shows what detect returned', async () => {
    const data = await new MemoryHost(workbook()).read({ sheet: GRADES });
    const d = stubDetect(data, {});
    expect(await page.getByTestId('pupils').textContent()).toBe(String(d.pupils));
    // The preselection detects without a mapping (Läs mig, then the grade sheet); Läs in with {}.
    expect(await state('s.detect.slice(0, 3)')).toEqual([
      { sheet: 'Läs mig', now: '2026-06-15T12:00:00.000Z' },
      { sheet: GRADES, now: '2026-06-15T12:00:00.000Z' },
      { sheet: GRADES, mapping: {}, now: '2026-06-15T12:00:00.000Z' },
    ]);
    await page.getByRole('heading', { name: `Problem (${d.problems.length})` }).waitFor();
  });

  it('a problem button selects exactly its address', async () => {
    const d = stubDetect(await new MemoryHost(workbook()).read({ sheet: GRADES }), {});
    expect(d.problems.length).toBeGreaterThan(0);
    const p = d.problems[d.problems.length > 1 ? 1 : 0];
    await page.getByRole('button', { name: `Gå till ${p.cell}: ${p.message}` }).click();
    await expect.poll(() => state<string[]>('h.selected')).toEqual([p.cell]);
  });

  it('a corrected column is passed to detect and later to buildReport', async () => {
    await page.getByText(/^Kolumner \(/).click();
    await page.getByLabel('Kolumn D: Klass').selectOption('none');
    await expect.poll(() => state('s.detect[s.detect.length - 1].mapping')).toEqual({ Klass: null });
    expect(await page.getByText('Kolumner som inte tolkades:').textContent()).toContain('Klass');
  });

  it('refuses Progression without an earlier term and keeps every choice', async () => {
    await page.getByRole('tab', { name: 'Rapporter' }).click();
    await page.getByLabel('Nationella prov').selectOption('Nationella prov');
    await page.getByRole('button', { name: 'Progression' }).click();
    await page.getByText('Välj en tidigare termin för Progression.').waitFor();
    expect(await page.getByLabel('Nationella prov').inputValue()).toBe('Nationella prov');
    expect(await state('s.buildReport.length')).toBe(0);
  });

  it('passes the chosen sources, period, settings and date to buildReport and shows what was written', async () => {
    await page.getByLabel('Lägg till tidigare termin').selectOption('Betyg VT2025');
    await page.getByLabel('Frånvaro', { exact: true }).selectOption('Frånvaro');
    await page.getByLabel('Period (visas i rapporten)').fill('Vårterminen 2026');
    await page.getByRole('button', { name: 'Elevlista' }).click();
    // Writing takes 300 ms per sheet here, long enough to see the progress bar.
    await page.getByRole('progressbar').waitFor();
    await page.getByText('Klart. Skrev bladen: Stub elevlista').waitFor();
    const b = await lastBuild();
    expect(b.kinds).toEqual(['elevlista']);
    expect(b.now).toBe('2026-06-15T12:00:00.000Z');
    expect(b.settings).toEqual(DEFAULT_SETTINGS);
    expect(b.inputs.sources).toEqual([GRADES, 'Betyg VT2025', 'Nationella prov', 'Frånvaro']);
    expect(b.inputs.period).toBe('Vårterminen 2026');
    expect(b.inputs.mapping).toEqual({ Klass: null });
    expect(b.inputs.grades.sheet).toBe(GRADES);
    expect([b.inputs.previous?.sheet, b.inputs.tests?.sheet, b.inputs.attendance?.sheet, b.inputs.survey]).toEqual(['Betyg VT2025', 'Nationella prov', 'Frånvaro', undefined]);
    expect(b.inputs.earlier?.map((e) => e.grades.sheet)).toEqual(['Betyg VT2025']);
    expect(await state('h.workbook.sheets.find((x) => x.generatedKey === "elevlista").values')).toEqual([[`${GRADES}, Betyg VT2025, Nationella prov, Frånvaro`]]);
    // The report's own problems are listed, clickable like the others.
    await page.getByRole('heading', { name: 'Problem i senaste rapporten (1)' }).waitFor();
  });

  it('a failing report says why in Swedish and keeps the choices', async () => {
    await page.getByLabel('Period (visas i rapporten)').fill('fel');
    await page.getByRole('button', { name: 'Nämndrapport' }).click();
    await page.getByText('Rapporten kunde inte skapas: stubbfel i underlaget. Dina val finns kvar; rätta och försök igen.').waitFor();
    expect(await page.getByTestId('earlier-chosen').allTextContents()).toEqual([expect.stringMatching(/^Betyg VT2025 Vårterminen 2025/)]);
    expect(await page.getByLabel('Period (visas i rapporten)').inputValue()).toBe('fel');
    expect(await state('h.appliedPlans.length')).toBe(1);
  });

  it('generated sheets are not offered as input', async () => {
    const options = await page.getByLabel('Lägg till tidigare termin').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).not.toContain('Stub elevlista');
    expect(options).toContain('Läs mig');
  });

  it('the tabs work from the keyboard', async () => {
    await page.getByRole('tab', { name: 'Rapporter' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Funktioner i kalkylbladet' }).waitFor();
  });
});
