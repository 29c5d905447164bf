/**
 * The built playground in Debian's Chromium: read a grade sheet, follow a problem, build a
 * Nämndrapport with the other sources, and check that the host received exactly the plan core
 * builds from the same inputs, and that the page talked to nothing but localhost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildReport, detect, type ReportInputs } from '../core/app';
import type { ReportPlan } from '../core/report/plan';
import { FUNCTIONS } from '../core/functions/catalog';
import { DEFAULT_SETTINGS } from '../core/types';
import { MemoryHost, planSheetValues, reviveWorkbook, type MemoryWorkbook } from './memory-host';
// @ts-expect-error plain ESM build script without types
import { build, PLAYGROUND } from './build.mjs';
// @ts-expect-error plain ESM server script without types
import { serve } from './playground/serve.mjs';

const NOW = '2026-06-15';
const now = new Date(`${NOW}T12:00:00Z`);
const GRADES = 'Betyg VT2026';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

let server: Server;
/** Set once the grade sheet was read and detected; later steps need it and fail fast without it. */
let readOk = false;
/**
 * core's detect/buildReport were placeholders that throw while this was written; until they land
 * the flow below checks that the panel refuses cleanly (the error shown, nothing written) instead.
 */
let coreError: string | null = null;
let url: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];

/** The workbook exactly as the playground holds it at start. */
const workbook = (): MemoryWorkbook => reviveWorkbook(JSON.parse(readFileSync(`${PLAYGROUND}/workbook.json`, 'utf8')));
const hostState = <T>(fn: string): Promise<T> => page.evaluate(`(() => { const h = window.__skolanalysHost; return ${fn}; })()`) as Promise<T>;

beforeAll(async () => {
  // The global setup builds everything; with SKIP_BUILD=1 build the panel here (about 5 s).
  if (process.env.SKIP_BUILD === '1' || !existsSync(`${PLAYGROUND}/index.html`)) await build();
  ({ server, url } = await serve(PLAYGROUND, 0));
  try {
    detect(await new MemoryHost(workbook()).read({ sheet: GRADES }), { settings: DEFAULT_SETTINGS, now });
  } catch (e) {
    coreError = e instanceof Error ? e.message : String(e);
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  page.setDefaultTimeout(15_000);
  page.on('request', (r) => { requests.push(r.url()); });
  await page.goto(`${url}?now=${NOW}&delay=20`);
  await page.getByRole('heading', { name: 'Betygsdata' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('panel in Chromium over the playground MemoryHost', () => {
  const expectedDetection = () => {
    const h = new MemoryHost(workbook());
    return h.read({ sheet: GRADES }).then((d) => detect(d, { settings: DEFAULT_SETTINGS, now }));
  };

  it('lists the workbook sheets to read', async () => {
    const options = await page.getByLabel('Blad att läsa').locator('option').allTextContents();
    expect(options).toEqual([...workbook().sheets.map((s) => s.name), 'Använd markeringen']);
  });

  it('reads the grade sheet and shows pupils and problems as core detects them', async () => {
    await page.getByLabel('Blad att läsa').selectOption(GRADES);
    await page.getByRole('button', { name: 'Läs in' }).click();
    const pupils = page.getByTestId('pupils');
    const alert = page.getByRole('alert');
    await Promise.race([pupils.waitFor(), alert.waitFor()]);
    if (coreError) {
      expect(await alert.textContent()).toContain(`Kunde inte tolka ${GRADES}: ${coreError}`);
      expect(await pupils.count()).toBe(0);
      return;
    }
    // A core error shows as an alert; say what it was rather than time out.
    expect(await alert.count() ? await alert.textContent() : null).toBeNull();
    const d = await expectedDetection();
    expect(d.pupils).toBeGreaterThan(0);
    expect(await pupils.textContent()).toBe(String(d.pupils));
    // The preselection reads in workbook order up to the first grade sheet, then Läs in reads it.
    await expect.poll(() => hostState<unknown[]>('h.calls.filter((c) => c.method === "read").map((c) => c.args[0])')).toEqual([{ sheet: 'Läs mig' }, { sheet: GRADES }, { sheet: GRADES }]);
    expect(d.problems.length).toBeGreaterThan(0);
    await page.getByRole('heading', { name: `Problem (${d.problems.length})` }).waitFor();
    readOk = true;
  });

  it('clicking a problem selects its cell in the host', async () => {
    if (coreError) {
      expect(await page.getByRole('button', { name: /^Gå till / }).count()).toBe(0);
      expect(await hostState<string[]>('h.selected')).toEqual([]);
      return;
    }
    expect(readOk, 'the grade sheet was not read').toBe(true);
    const d = await expectedDetection();
    const first = d.problems[0];
    await page.getByRole('button', { name: `Gå till ${first.cell}:` }).first().click();
    await expect.poll(() => hostState<string[]>('h.selected')).toEqual([first.cell]);
  });

  it('builds the Nämndrapport with the chosen sources: the host gets the plan core builds', async () => {
    await page.getByRole('tab', { name: 'Rapporter' }).click();
    await page.getByLabel('Lägg till tidigare termin').selectOption('Betyg VT2025');
    await page.getByLabel('Nationella prov').selectOption('Nationella prov');
    if (coreError) {
      // Nothing read, so no report can start and nothing is written.
      expect(await page.getByRole('button', { name: 'Nämndrapport' }).isDisabled()).toBe(true);
      await page.getByText('Läs in ett betygsblad under Data först.').waitFor();
      expect(await hostState<number>('h.appliedPlans.length')).toBe(0);
      return;
    }
    expect(readOk, 'the grade sheet was not read').toBe(true);
    await page.getByLabel('Frånvaro', { exact: true }).selectOption('Frånvaro');
    await page.getByRole('button', { name: 'Nämndrapport' }).click();
    await page.getByText('Klart. Skrev bladen:').waitFor({ timeout: 30_000 });

    const applied = await hostState<ReportPlan[]>('h.appliedPlans');
    expect(applied).toHaveLength(1);
    expect(applied[0].sheets.map((s) => s.key)).toContain('namndrapport');

    // The same inputs, read from a fresh host over the same workbook, straight into core.
    const h = new MemoryHost(workbook());
    const read = (sheet: string) => h.read({ sheet });
    const inputs: ReportInputs = {
      grades: await read(GRADES),
      tests: await read('Nationella prov'),
      attendance: await read('Frånvaro'),
      previous: await read('Betyg VT2025'),
      sources: [GRADES, 'Betyg VT2025', 'Nationella prov', 'Frånvaro'],
    };
    inputs.earlier = [{ grades: inputs.previous! }];
    // The Nämndrapport comes with the Historik and Mål (and Jämförelsetal once there are benchmarks), as in the CLI.
    const expected = buildReport(inputs, ['namndrapport', 'historik', 'jamforelse', 'mal'], DEFAULT_SETTINGS, now).plan;
    expect(expected.sheets.map((x) => x.key)).toEqual(['namndrapport', 'historik', 'mal']);
    expect(applied[0]).toEqual(JSON.parse(JSON.stringify(expected)));

    // …and wrote it: the report sheet is in the workbook, marked as generated, with the plan's values.
    const sheets = await hostState<{ name: string; values: unknown[][]; generatedKey?: string }[]>('h.workbook.sheets');
    const written = sheets.find((s) => s.generatedKey === 'namndrapport');
    const planSheet = expected.sheets.find((s) => s.key === 'namndrapport')!;
    expect(written?.name).toBe(planSheet.name);
    expect(written?.values).toEqual(JSON.parse(JSON.stringify(planSheetValues(planSheet))));
    expect(await page.getByTestId('report-status').textContent()).toContain(planSheet.name);
  });

  it('inserts a catalogue example with the host prefix', async () => {
    await page.getByRole('tab', { name: 'Funktioner' }).click();
    const f = FUNCTIONS[0];
    // An empty cell on row 2 (F2 of the notes sheet): the example goes in as written.
    await hostState(`(h.selection = { sheet: 'Läs mig', row: 1, col: 5, rows: 1, cols: 1 }, 1)`);
    await page.getByRole('button', { name: `Infoga SKOLA.${f.name} i markerad cell` }).click();
    await expect.poll(() => hostState<string[]>('h.inserted')).toEqual([f.example.formula]);
    expect(await page.getByRole('heading', { level: 3 }).count()).toBe(FUNCTIONS.length);
  });

  it('saves settings through the host and rejects a bad threshold', async () => {
    await page.getByRole('tab', { name: 'Inställningar' }).click();
    const threshold = page.getByLabel('Minsta grupp som visas (elever)');
    await threshold.fill('0');
    await page.getByRole('button', { name: 'Spara inställningar' }).click();
    await page.getByText('Ange ett heltal från 1.').waitFor();
    expect(await hostState<unknown>('h.settings')).toBeNull();
    await threshold.fill('5');
    await page.getByRole('button', { name: 'Spara inställningar' }).click();
    await page.getByText('Inställningarna sparades.').waitFor();
    expect(await hostState<number>('h.settings.suppressionThreshold')).toBe(5);
  });

  it('switches the whole panel to English', async () => {
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('tab', { name: 'Reports' }).waitFor();
    expect(await hostState<string>('h.settings.lang')).toBe('en');
  });

  it('made no request beyond localhost (privacy)', () => {
    expect(requests.length).toBeGreaterThan(0);
    const foreign = requests.filter((r) => !['localhost', '127.0.0.1'].includes(new URL(r).hostname));
    expect(foreign).toEqual([]);
  });
});

describe('playground as a Sheets host', () => {
  it('shows and inserts SKOLA_ formulas', async () => {
    const p = await browser.newPage();
    await p.goto(`${url}?host=sheets`);
    await p.getByRole('tab', { name: 'Funktioner' }).click();
    const f = FUNCTIONS[0];
    await p.evaluate(`window.__skolanalysHost.selection = { sheet: 'Läs mig', row: 1, col: 5, rows: 1, cols: 1 }`);
    await p.getByRole('button', { name: `Infoga SKOLA_${f.name} i markerad cell` }).click();
    await p.getByText(/^Infogade /).waitFor();
    const inserted = await p.evaluate('window.__skolanalysHost.inserted');
    expect(inserted).toEqual([f.example.formula.replace(/SKOLA\./g, 'SKOLA_')]);
    await p.close();
  });
});
