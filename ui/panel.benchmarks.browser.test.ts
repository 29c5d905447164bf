/**
 * Issue 14 in the pane, in Debian's Chromium over the playground (the real core, the demo workbook, a
 * MemoryHost): several earlier terms with their periods feed the Historik; a saved Kolada file is
 * imported into Jämförelsetal; the Kolada fetch shows what is sent before any request and sends
 * nothing without a yes (every request to api.kolada.se is intercepted and counted); Sheets offers
 * the address instead of a fetch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { koladaRequest, type KoladaRequest } from '../core/report/kolada';
// @ts-expect-error plain ESM build script without types
import { build, PLAYGROUND } from './build.mjs';
// @ts-expect-error plain ESM server script without types
import { serve } from './playground/serve.mjs';

const NOW = '2026-06-15';
const GRADES = 'Betyg VT2026';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const KOLADA_FILE = readFileSync(new URL('../core/report/fixtures/kolada-v2-data-documented-format.json', import.meta.url), 'utf8');

let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  if (process.env.SKIP_BUILD === '1' || !existsSync(`${PLAYGROUND}/index.html`)) await build();
  ({ server, url } = await serve(PLAYGROUND, 0));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

type Sheet = { name: string; values: unknown[][]; generatedKey?: string };
const host = <T>(page: Page, expr: string): Promise<T> => page.evaluate(`(() => { const h = window.__skolanalysHost; return ${expr}; })()`) as Promise<T>;
const sheetByKey = (page: Page, key: string) => host<Sheet | undefined>(page, `h.workbook.sheets.find((s) => s.generatedKey === '${key}')`);
const cells = (s: Sheet | undefined) => (s?.values ?? []).flat().filter((v) => v !== null && v !== undefined).map(String);

/** A pane over the demo workbook; every request to Kolada is counted and answered with the documented format. */
async function open(query = ''): Promise<{ page: Page; kolada: Request[]; foreign: string[] }> {
  const page = await browser.newPage({ viewport: { width: 350, height: 900 } });
  page.setDefaultTimeout(15_000);
  const kolada: Request[] = [];
  const foreign: string[] = [];
  page.on('request', (r) => { if (!['localhost', '127.0.0.1'].includes(new URL(r.url()).hostname)) foreign.push(r.url()); });
  await page.route('https://api.kolada.se/**', (route) => {
    kolada.push(route.request());
    return route.fulfill({ status: 200, headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' }, body: KOLADA_FILE });
  });
  await page.goto(`${url}?now=${NOW}&delay=0${query}`);
  await page.getByRole('heading', { name: 'Betygsdata' }).waitFor();
  return { page, kolada, foreign };
}

async function readGrades(page: Page): Promise<void> {
  await page.getByLabel('Blad att läsa').selectOption(GRADES);
  await page.getByRole('button', { name: 'Läs in' }).click();
  await page.getByTestId('detection').waitFor();
  await page.getByRole('tab', { name: 'Rapporter' }).click();
}

async function report(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name, exact: true }).click();
  const status = page.getByTestId('report-status');
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/Klart|skapades inte|Ersätta|finns redan|kunde inte/);
  return (await status.textContent()) ?? '';
}

describe('earlier terms: several sheets, each with its period', () => {
  it('shows the period of each sheet, and the Historik gets one period per sheet; Progression uses the latest', async () => {
    const { page } = await open();
    // Two more earlier sheets: one named for its term, one whose name says none.
    await host(page, `(() => { const s = h.workbook.sheets.find((x) => x.name === 'Betyg VT2025'); h.workbook.sheets.push({ name: 'Betyg VT2024', values: s.values.map((r) => [...r]) }, { name: 'Gamla betyg', values: s.values.map((r) => [...r]) }); return 1; })()`);
    await readGrades(page);
    const add = page.getByLabel('Lägg till tidigare termin');
    // Before choosing, the option already says the term its name gives.
    expect(await add.locator('option').allTextContents()).toContain('Betyg VT2024 – Vårterminen 2024 (från bladets namn)');
    await add.selectOption('Betyg VT2024');
    await add.selectOption('Betyg VT2025');
    await add.selectOption('Gamla betyg');
    await add.selectOption('Läs mig');
    const chosen = page.getByTestId('earlier-chosen');
    // In workbook order, each with what reading it told.
    await expect.poll(() => chosen.allTextContents()).toEqual([
      'Läs mig Ser inte ut som betyg; används inte.Ta bort',
      'Betyg VT2025 Vårterminen 2025 (från bladets namn)Ta bort',
      'Betyg VT2024 Vårterminen 2024 (från bladets namn)Ta bort',
      'Gamla betyg Ingen termin hittades: skriv den i bladets namn, t.ex. Betyg VT2025.Ta bort',
    ]);
    await page.getByRole('button', { name: 'Ta bort Läs mig från tidigare terminer' }).click();
    await page.getByRole('button', { name: 'Ta bort Gamla betyg från tidigare terminer' }).click();
    expect(await chosen.count()).toBe(2);

    const text = await report(page, 'Nämndrapport');
    expect(text).toContain('Klart');
    expect(text).toContain('Historik (nytt blad)');
    expect(text).toContain('Mål (nytt blad)');
    const historik = cells(await sheetByKey(page, 'historik'));
    for (const p of ['VT2024', 'VT2025', 'VT2026']) expect(historik).toContain(p);
    // Progression with both chosen: the latest before VT2026, Betyg VT2025.
    expect(await report(page, 'Progression')).toContain('Klart');
    expect(cells(await sheetByKey(page, 'progression')).join(' ')).toContain('Betyg VT2025 → Betyg VT2026');
    await page.close();
  });

  it('a second Nämndrapport keeps the school\u2019s Mål and reads its Historik back (a typed row stays)', async () => {
    const { page } = await open();
    await readGrades(page);
    await page.getByLabel('Lägg till tidigare termin').selectOption('Betyg VT2025');
    expect(await report(page, 'Nämndrapport')).toContain('Klart');
    // The school edits its Mål and types an old figure into the Historik.
    await host(page, `(() => { const m = h.workbook.sheets.find((s) => s.generatedKey === 'mal'); m.values.push(['Vår egen rad']); const hs = h.workbook.sheets.find((s) => s.generatedKey === 'historik'); const header = hs.values.findIndex((r) => r.includes('VT2025')) - 1; hs.values.push(hs.values[header + 1].map((v) => v === 'VT2025' ? 'VT2019' : v)); return 1; })()`);
    const mal = await sheetByKey(page, 'mal');
    const second = await report(page, 'Nämndrapport');
    expect(second).toContain('Klart');
    expect(second).not.toContain('Mål (');
    expect(await sheetByKey(page, 'mal')).toEqual(mal);
    expect(cells(await sheetByKey(page, 'historik'))).toContain('VT2019');
    await page.close();
  });
});

describe('Jämförelsetal: import a saved file', () => {
  it('reads the chosen file in the pane, writes Jämförelsetal, and the Nämndrapport shows the comparison', async () => {
    const { page, kolada, foreign } = await open();
    await readGrades(page);
    await page.getByLabel('Fil med jämförelsetal').setInputFiles({ name: 'kolada-malmo.json', mimeType: 'application/json', buffer: Buffer.from(KOLADA_FILE) });
    const outcome = page.getByTestId('bench-outcome');
    await expect.poll(() => outcome.textContent()).toMatch(/^Importerade \d+ värden från kolada-malmo\.json till Jämförelsetal\.$/);
    const jf = cells(await sheetByKey(page, 'jamforelse'));
    expect(jf).toContain('N15436');
    expect(jf).toContain('Kolada (kolada-malmo.json)');
    expect(await report(page, 'Nämndrapport')).toContain('Jämförelsetal (ersatt)');
    expect(cells(await sheetByKey(page, 'namndrapport')).join(' ')).toContain('N15436');
    // Nothing left the machine for an import.
    expect(kolada).toHaveLength(0);
    expect(foreign).toEqual([]);

    // Skolverket's PxWeb CSV as Windows writes it (windows-1252): read through the same core reader.
    const pxweb = readFileSync(new URL('../core/report/fixtures/skolverket-pxweb-semicolon-documented-format.csv', import.meta.url), 'utf8');
    await page.getByLabel('Fil med jämförelsetal').setInputFiles({ name: 'skolverket.csv', mimeType: 'text/csv', buffer: Buffer.from(pxweb, 'latin1') });
    await expect.poll(() => outcome.textContent()).toMatch(/^Importerade \d+ värden från skolverket\.csv till Jämförelsetal\./);
    const both = cells(await sheetByKey(page, 'jamforelse'));
    expect(both).toContain('N15436');
    expect(both.some((c) => c.startsWith('SKV:'))).toBe(true);

    // A file that is no benchmark file: said, nothing written.
    const before = await sheetByKey(page, 'jamforelse');
    await page.getByLabel('Fil med jämförelsetal').setInputFiles({ name: 'elever.json', mimeType: 'application/json', buffer: Buffer.from('{"elever": []}') });
    await expect.poll(() => outcome.textContent()).toContain('Inga jämförelsetal i elever.json; inget skrevs.');
    expect(await sheetByKey(page, 'jamforelse')).toEqual(before);
    await page.close();
  });
});

describe('Jämförelsetal: fetch from Kolada only after the user has seen what is sent and said yes', () => {
  it('shows KPI ids, codes and years before any request; Avbryt sends nothing; a bad code sends nothing; yes sends one GET', async () => {
    const { page, kolada, foreign } = await open();
    await readGrades(page);
    await page.getByRole('button', { name: 'Hämta från Kolada …' }).click();
    await page.getByLabel('Kommunkod (fyra siffror, t.ex. 1280)').fill('12');
    await page.getByRole('button', { name: 'Visa vad som skickas' }).click();
    await page.getByText('Ange kommunkoden med fyra siffror, t.ex. 1280.').waitFor();
    expect(await page.getByTestId('bench-disclosure').count()).toBe(0);

    await page.getByLabel('Kommunkod (fyra siffror, t.ex. 1280)').fill('1280');
    expect(await page.getByLabel('År (t.ex. 2021-2025)').inputValue()).toBe('2022-2026');
    await page.getByRole('button', { name: 'Visa vad som skickas' }).click();
    const req = koladaRequest({ kommun: '1280', years: '2022-2026' }) as KoladaRequest;
    const disclosure = page.getByTestId('bench-disclosure');
    expect(await disclosure.textContent()).toContain('Detta skickas till Kolada (https://api.kolada.se), och inget annat: nyckeltalen N15436, N15505, N15419, kommunkoderna 1280, 0000 (0000 är riket) och åren 2022, 2023, 2024, 2025, 2026. Inga uppgifter om elever och inget ur arbetsboken lämnar datorn.');
    expect(await disclosure.textContent()).toContain(`Adress: ${req.url}`);
    expect(kolada).toHaveLength(0);
    await page.getByRole('button', { name: 'Avbryt' }).click();
    expect(await disclosure.count()).toBe(0);
    expect(kolada).toHaveLength(0);

    await page.getByRole('button', { name: 'Hämta från Kolada …' }).click();
    await page.getByLabel('Kommunkod (fyra siffror, t.ex. 1280)').fill('1280');
    await page.getByRole('button', { name: 'Visa vad som skickas' }).click();
    expect(kolada).toHaveLength(0);
    await page.getByRole('button', { name: 'Skicka och hämta' }).click();
    const outcome = page.getByTestId('bench-outcome');
    await expect.poll(() => outcome.textContent()).toMatch(/^Importerade \d+ värden från Kolada till Jämförelsetal\.$/);
    // One GET of exactly the URL shown: no body, no cookie, no referrer.
    expect(kolada.map((r) => [r.method(), r.url(), r.postData()])).toEqual([['GET', req.url, null]]);
    const headers = await kolada[0].allHeaders();
    expect(Object.keys(headers).filter((h) => /cookie|authorization|referer/i.test(h))).toEqual([]);
    expect(foreign).toEqual([req.url]);
    expect(cells(await sheetByKey(page, 'jamforelse'))).toContain(`Kolada (api.kolada.se ${NOW})`);
    await page.close();
  });

  it('a failed answer writes nothing and says what to do instead', async () => {
    const { page } = await open();
    await page.unroute('https://api.kolada.se/**');
    await page.route('https://api.kolada.se/**', (route) => route.fulfill({ status: 410, headers: { 'access-control-allow-origin': '*' }, body: 'Gone' }));
    await page.getByRole('tab', { name: 'Rapporter' }).click();
    await page.getByRole('button', { name: 'Hämta från Kolada …' }).click();
    await page.getByLabel('Kommunkod (fyra siffror, t.ex. 1280)').fill('1280');
    await page.getByRole('button', { name: 'Visa vad som skickas' }).click();
    await page.getByRole('button', { name: 'Skicka och hämta' }).click();
    await expect.poll(() => page.getByTestId('bench-outcome').textContent()).toContain('Kolada svarade inte som väntat (410). Inget skrevs.');
    expect(await sheetByKey(page, 'jamforelse')).toBeUndefined();
    await page.close();
  });

  it('in Sheets there is no fetch: the pane says why and offers the address to open in the browser', async () => {
    const { page, kolada, foreign } = await open('&host=sheets');
    await page.getByRole('tab', { name: 'Rapporter' }).click();
    await page.getByRole('button', { name: 'Hämta från Kolada …' }).click();
    await page.getByText(/^I Google Kalkylark hämtar Skolanalys inget från internet/).waitFor();
    await page.getByLabel('Kommunkod (fyra siffror, t.ex. 1280)').fill('1280');
    await page.getByRole('button', { name: 'Visa vad som skickas' }).click();
    const req = koladaRequest({ kommun: '1280', years: '2022-2026' }) as KoladaRequest;
    const link = page.getByRole('link', { name: 'Öppna adressen i webbläsaren' });
    expect(await link.getAttribute('href')).toBe(req.url);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await page.getByRole('button', { name: 'Skicka och hämta' }).count()).toBe(0);
    expect(kolada).toHaveLength(0);
    expect(foreign).toEqual([]);
    expect(await host<unknown>(page, 'h.fetchText')).toBeUndefined();
    await page.close();
  });
});
