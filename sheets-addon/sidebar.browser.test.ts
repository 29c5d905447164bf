/**
 * Opens the BUILT dist/sheets-addon/Sidebar.html in headless Debian Chromium, served from
 * localhost, with a fake `google.script.run` (injected before the page's scripts) that answers
 * from an in-memory workbook and records every call, as Apps Script would.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, detect } from '../core/app';
import { t } from '../core/i18n';
import { DEFAULT_SETTINGS } from '../core/types';
import { gradeGrid } from './testing/fixture';

const SIDEBAR = fileURLToPath(new URL('../dist/sheets-addon/Sidebar.html', import.meta.url));

let server: Server;
let browser: Browser;
let url = '';

beforeAll(async () => {
  const html = readFileSync(SIDEBAR);
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

interface Recorded {
  name: string;
  args: any[];
}

/** The fake google.script.run: runs in the page before any of its scripts. */
function installFakeScriptRun(workbook: { active: string; sheets: Record<string, unknown[][]>; dates: Record<string, [number, number, number]> }) {
  const w = window as any;
  w.__calls = [] as Recorded[];
  w.__applied = [] as any[];
  const settings: { value: string | null } = { value: null };
  const handlers: Record<string, (...a: any[]) => unknown> = {
    skolanalysListSheets: () => Object.keys(workbook.sheets).map((name) => ({ name, generated: false })),
    skolanalysRead: (source: { sheet?: string }) => {
      const name = source?.sheet ?? workbook.active;
      const values = workbook.sheets[name];
      if (!values) throw new Error(`Bladet ${name} finns inte.`);
      // Dates travel as { $date } (see wire.ts); mark the cells the workbook says are dates.
      const out = values.map((r, i) => r.map((v, j) => (workbook.dates[name]?.[0] === i && workbook.dates[name]?.[1] === j ? { $date: workbook.dates[name][2] } : v)));
      return { sheet: name, values: out, origin: { row: 0, col: 0 } };
    },
    skolanalysApplyPlan: (plan: { sheets: { name: string }[] }) => {
      w.__applied.push(plan);
      return { sheets: plan.sheets.map((s) => s.name) };
    },
    skolanalysSelectCell: () => null,
    // The server's answer for a filled cell, and for the offered one (see server.insertFormula).
    skolanalysInsertFormula: (req: { formula: string; cell?: string }) =>
      req.cell ? { written: true, cell: req.cell, formula: req.formula } : { written: false, cell: 'Betyg!C3', next: 'Betyg!AC3' },
    skolanalysLoadSettings: () => (settings.value ? JSON.parse(settings.value) : null),
    skolanalysSaveSettings: (s: unknown) => {
      settings.value = JSON.stringify(s);
    },
  };
  function makeRun(success: ((v: unknown) => void) | null, failure: ((e: unknown) => void) | null): any {
    const run: any = {
      withSuccessHandler: (f: (v: unknown) => void) => makeRun(f, failure),
      withFailureHandler: (f: (e: unknown) => void) => makeRun(success, f),
    };
    for (const [name, fn] of Object.entries(handlers)) {
      run[name] = (...args: unknown[]) => {
        // Arguments and results cross as JSON-like data, asynchronously, as in Apps Script.
        const copy = JSON.parse(JSON.stringify(args));
        w.__calls.push({ name, args: copy });
        setTimeout(() => {
          try {
            const r = fn(...copy);
            success?.(r === undefined ? undefined : JSON.parse(JSON.stringify(r)));
          } catch (e) {
            failure?.(e);
          }
        }, 5);
      };
    }
    return run;
  }
  w.google = { script: { run: makeRun(null, null), host: { close() {} } } };
}

async function open(sheets: Record<string, unknown[][]>, dates: Record<string, [number, number, number]> = {}): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(installFakeScriptRun, { active: Object.keys(sheets)[0], sheets, dates });
  await page.goto(url);
  await page.waitForFunction(() => !!(window as any).__skolanalysHost);
  expect(errors).toEqual([]);
  return page;
}

describe('Sidebar.html in Chromium', () => {
  it('is one self-contained file: no external script or stylesheet', () => {
    const html = readFileSync(SIDEBAR, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
  });

  it('SheetsHost talks to the server through google.script.run with promises', async () => {
    const grid = gradeGrid(12);
    const when = Date.UTC(2026, 1, 3);
    const page = await open({ Betyg: grid, Närvaro: [['Datum'], ['x']] }, { Närvaro: [1, 0, when] });
    // Let the panel make its own start-up calls first; then record only ours.
    await page.waitForTimeout(300);
    const r = await page.evaluate(async () => {
      (window as any).__calls.length = 0;
      const h = (window as any).__skolanalysHost;
      const sheets = await h.listSheets();
      const data = await h.read({});
      const att = await h.read({ sheet: 'Närvaro' });
      const applied = await h.applyPlan({ generator: 'skolanalys', version: 1, sheets: [{ key: 'namndrapport', name: 'Nämndrapport', personalData: false, blocks: [] }] });
      await h.saveSettings({ lang: 'en' });
      const settings = await h.loadSettings();
      let failed = '';
      await h.read({ sheet: 'Saknas' }).catch((e: Error) => { failed = e.message; });
      const date = att.values[1][0];
      const occupied = await h.insertFormula('=SKOLA.KON(A2)');
      const inserted = await h.insertFormula('=SKOLA.KON(A2)', 'Betyg!AC3');
      const insertArgs = (window as any).__calls.filter((c: Recorded) => c.name === 'skolanalysInsertFormula').map((c: Recorded) => c.args);
      return { occupied, inserted, insertArgs, sheets, data, applied, settings, failed, dateIsDate: date instanceof Date, date: date instanceof Date ? date.getTime() : null, calls: (window as any).__calls.map((c: Recorded) => c.name) };
    });
    expect(r.sheets).toEqual([{ name: 'Betyg', generated: false }, { name: 'Närvaro', generated: false }]);
    expect(r.data).toEqual({ sheet: 'Betyg', values: grid, origin: { row: 0, col: 0 } });
    expect([r.dateIsDate, r.date]).toEqual([true, when]);
    expect(r.applied).toEqual({ sheets: ['Nämndrapport'] });
    expect(r.settings).toEqual({ lang: 'en' });
    expect(r.failed).toBe('Bladet Saknas finns inte.');
    expect(r.calls).toEqual(['skolanalysListSheets', 'skolanalysRead', 'skolanalysRead', 'skolanalysApplyPlan', 'skolanalysSaveSettings', 'skolanalysLoadSettings', 'skolanalysRead', 'skolanalysInsertFormula', 'skolanalysInsertFormula']);
    // One argument crosses google.script.run: the formula and, when offered, the cell.
    expect(r.insertArgs).toEqual([[{ formula: '=SKOLA.KON(A2)' }], [{ formula: '=SKOLA.KON(A2)', cell: 'Betyg!AC3' }]]);
    expect(r.occupied).toEqual({ written: false, cell: 'Betyg!C3', next: 'Betyg!AC3' });
    expect(r.inserted).toEqual({ written: true, cell: 'Betyg!AC3', formula: '=SKOLA.KON(A2)' });
    await page.close();
  });

  it('completes the Nämndrapport flow: Läs in → Nämndrapport → the server gets the plan', async () => {
    const grid = gradeGrid(40);
    const page = await open({ Betyg: grid });
    // What core makes of the same sheet in-process; while core's detect/buildReport are still
    // placeholders, the panel must refuse cleanly instead, and write nothing.
    const data = { sheet: 'Betyg', values: grid, origin: { row: 0, col: 0 } };
    let detected = false;
    let expected: string[] | null = null;
    try {
      detected = detect(data, { settings: DEFAULT_SETTINGS }).kind === 'grades';
      // The pane's Nämndrapport comes with Historik, Jämförelsetal and Mål (those with content).
      expected = buildReport({ grades: data, sources: ['Betyg'] }, ['namndrapport', 'historik', 'jamforelse', 'mal'], DEFAULT_SETTINGS, new Date()).plan.sheets.map((s) => s.key);
    } catch {
      expected = null;
    }
    await page.getByRole('button', { name: t('sv', 'ui.data.read'), exact: true }).click();
    await page.waitForFunction(() => (window as any).__calls.some((c: Recorded) => c.name === 'skolanalysRead'));
    await page.getByRole('tab', { name: t('sv', 'ui.tab.reports') }).click();
    const button = page.getByRole('button', { name: t('sv', 'ui.reports.kind.namndrapport'), exact: true });
    if (expected) {
      await button.click();
      await page.waitForFunction(() => (window as any).__applied.length > 0, undefined, { timeout: 20_000 });
      const applied = await page.evaluate(() => (window as any).__applied[0]);
      expect(applied.generator).toBe('skolanalys');
      expect(applied.sheets.map((s: { key: string }) => s.key)).toEqual(expected);
    } else if (detected) {
      await button.click();
      // The panel shows why (an error under the buttons).
      await expect.poll(async () => ((await page.getByTestId('report-status').textContent()) ?? '').trim(), { timeout: 10_000 }).not.toBe('');
      expect(await page.evaluate(() => (window as any).__applied.length)).toBe(0);
    } else {
      expect(await button.isDisabled()).toBe(true);
      expect(await page.evaluate(() => (window as any).__applied.length)).toBe(0);
    }
    await page.close();
  });
});
