/**
 * Issue 13, findings 1–9, in Debian's Chromium over the playground (the real core, the demo
 * workbook, a MemoryHost): one describe per finding, at 300 and 350 px where layout matters, and
 * a keyboard-only walk through read → problem → report. Every page starts from the demo workbook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cellAddress, columnLetter } from '../core/table/address';
// @ts-expect-error plain ESM build script without types
import { build, PLAYGROUND } from './build.mjs';
// @ts-expect-error plain ESM server script without types
import { serve } from './playground/serve.mjs';

const NOW = '2026-06-15';
const GRADES = 'Betyg VT2026';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

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

/** A fresh pane over the demo workbook, `width` px wide. */
async function open(width = 350, query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  page.setDefaultTimeout(15_000);
  await page.goto(`${url}?now=${NOW}&delay=0${query}`);
  await page.getByRole('heading', { name: 'Betygsdata' }).waitFor();
  return page;
}

const host = <T>(page: Page, expr: string): Promise<T> => page.evaluate(`(() => { const h = window.__skolanalysHost; return ${expr}; })()`) as Promise<T>;

async function readSheet(page: Page, sheet: string): Promise<void> {
  await page.getByLabel('Blad att läsa').selectOption(sheet);
  await page.getByRole('button', { name: 'Läs in' }).click();
  await page.getByTestId('detection').waitFor();
}

async function report(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name, exact: true }).click();
  const status = page.getByTestId('report-status');
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/Klart|skapades inte|Ersätta|finns redan/);
  return (await status.textContent()) ?? '';
}

type Sheet = { name: string; values: unknown[][]; generatedKey?: string };
const sheets = (page: Page) => host<Sheet[]>(page, 'h.workbook.sheets');

describe('finding 1: refuse before writing; never replace a fuller sheet without asking; say what was written', () => {
  it('Elevenkät as grades: refused, the status says it looks like a survey and to choose Betyg VT2026; nothing written', async () => {
    const page = await open();
    await readSheet(page, 'Elevenkät');
    await page.getByRole('tab', { name: 'Rapporter' }).click();
    const text = await report(page, 'Nämndrapport');
    expect(text).toContain('Elevenkät har inga elever med betyg');
    expect(text).toContain('ser ut som en elevenkät');
    expect(text).toContain(`Välj ${GRADES} som betyg i stället`);
    expect(text).not.toContain('Klart');
    expect(await host<number>(page, 'h.appliedPlans.length')).toBe(0);
    await page.close();
  });

  it('a survey as Frånvaro and a notes sheet as an earlier term are refused, and the good Nämndrapport stays', async () => {
    const page = await open();
    await readSheet(page, GRADES);
    await page.getByRole('tab', { name: 'Rapporter' }).click();
    expect(await report(page, 'Nämndrapport')).toContain('Klart');
    const before = (await sheets(page)).find((s) => s.generatedKey === 'namndrapport')!;

    await page.getByLabel('Frånvaro', { exact: true }).selectOption('Elevenkät');
    const närvaro = await report(page, 'Närvaro');
    expect(närvaro).toContain('ser ut som en elevenkät');
    expect(närvaro).toContain('Välj Frånvaro som frånvaro i stället');
    const nämnd = await report(page, 'Nämndrapport');
    expect(nämnd).toContain('Elevenkät har inga elever med frånvarotid');

    await page.getByLabel('Frånvaro', { exact: true }).selectOption('');
    await page.getByLabel('Lägg till tidigare termin').selectOption('Läs mig');
    const prog = await report(page, 'Progression');
    expect(prog).toContain('ingen elev i Läs mig finns i Betyg VT2026');
    expect(prog).toContain('ser ut som anteckningar');
    expect(prog).toContain('Välj Betyg VT2025 som tidigare termin i stället');

    expect(await host<number>(page, 'h.appliedPlans.length')).toBe(1);
    const after = (await sheets(page)).find((s) => s.generatedKey === 'namndrapport')!;
    expect(after).toEqual(before);
    await page.close();
  });

  it('a report with less in it asks first; Behåll keeps the old sheet, Ersätt ändå replaces it; the status names the sheet and says replaced', async () => {
    const page = await open();
    await readSheet(page, GRADES);
    await page.getByRole('tab', { name: 'Rapporter' }).click();
    const first = await report(page, 'Nämndrapport');
    expect(first).toContain('Klart');
    expect(first).toContain('Nämndrapport (nytt blad)');
    const full = (await sheets(page)).find((s) => s.generatedKey === 'namndrapport')!;
    // Header row (sheet row 4) and the first 20 pupils only: a Nämndrapport with fewer figures.
    await host(page, `(h.selection = { sheet: '${GRADES}', row: 3, col: 0, rows: 21, cols: 30 }, 1)`);
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.getByLabel('Blad att läsa').selectOption({ label: 'Använd markeringen' });
    await page.getByRole('button', { name: 'Läs in' }).click();
    await expect.poll(() => page.getByTestId('pupils').textContent()).toBe('20');
    await page.getByRole('tab', { name: 'Rapporter' }).click();
    const ask = await report(page, 'Nämndrapport');
    expect(ask).toMatch(/Nämndrapport finns redan med fler uppgifter \(\d+ tal\) än den nya \(\d+ tal\)\. Ersätta det ändå\?/);
    expect(await host<number>(page, 'h.appliedPlans.length')).toBe(1);
    await page.getByRole('button', { name: 'Behåll det gamla' }).click();
    // The Historik's current term would shrink too (20 pupils), so it is kept with it.
    await page.getByText('Inget skrevs. Nämndrapport, Historik är oförändrat.').waitFor();
    expect((await sheets(page)).find((s) => s.generatedKey === 'namndrapport')).toEqual(full);

    await report(page, 'Nämndrapport');
    await page.getByRole('button', { name: 'Ersätt ändå' }).click();
    await page.getByText('Klart. Skrev bladen: Nämndrapport (ersatt)').waitFor();
    expect(await host<number>(page, 'h.appliedPlans.length')).toBe(2);
    await page.close();
  });
});

describe('finding 2: Infoga writes only into an empty cell, names it, and builds the example from its row', () => {
  it('from the problem at J105 it offers the first empty cell right of the table and leaves the grade alone', async () => {
    const page = await open();
    await readSheet(page, GRADES);
    const row105 = () => host<unknown[]>(page, `h.workbook.sheets.find((s) => s.name === '${GRADES}').values[104]`);
    const before = await row105();
    // The table's width: its longest row; the first column after it is empty in every row.
    const width = await host<number>(page, `Math.max(...h.workbook.sheets.find((s) => s.name === '${GRADES}').values.map((r) => r.length))`);
    const j105 = cellAddress(GRADES, 104, 9);
    const next = cellAddress(GRADES, 104, width);
    await page.getByRole('button', { name: `Gå till ${j105}:` }).first().click();
    await page.getByRole('tab', { name: 'Funktioner' }).click();
    await page.getByRole('button', { name: 'Infoga SKOLA.MERITVARDE i markerad cell' }).click();
    await page.getByText(`${j105} innehåller redan något. Infoga i ${next} i stället?`).waitFor();
    expect(await host<string[]>(page, 'h.inserted')).toEqual([]);
    await page.getByRole('button', { name: `Infoga i ${next}` }).click();
    const formula = '=SKOLA.MERITVARDE(C105:S105; $C$1:$S$1; 17)';
    await page.getByText(`Infogade ${formula} i ${next}.`).waitFor();
    const after = await row105();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after[width]).toBe(formula);
    expect(columnLetter(width)).toMatch(/^[A-Z]+$/);
    await page.close();
  });

  it('an empty selected cell is written directly, named in the status', async () => {
    const page = await open();
    await host(page, `(h.selection = { sheet: 'Läs mig', row: 19, col: 3, rows: 1, cols: 1 }, 1)`);
    await page.getByRole('tab', { name: 'Funktioner' }).click();
    await page.getByRole('button', { name: 'Infoga SKOLA.BEHORIG i markerad cell' }).click();
    await page.getByText(`Infogade =SKOLA.BEHORIG(C20:S20; $C$1:$S$1; "NA") i ${cellAddress('Läs mig', 19, 3)}.`).waitFor();
    expect(await host<unknown>(page, `h.workbook.sheets.find((s) => s.name === 'Läs mig').values[19][3]`)).toBe('=SKOLA.BEHORIG(C20:S20; $C$1:$S$1; "NA")');
    await page.close();
  });
});

describe('finding 3: the first sheet that reads as grades is preselected', () => {
  it('preselects Betyg VT2026, not the notes sheet, and the first Läs in shows no error', async () => {
    const page = await open();
    await expect.poll(() => page.getByLabel('Blad att läsa').inputValue()).toBe(GRADES);
    await page.getByRole('button', { name: 'Läs in' }).click();
    await page.getByTestId('pupils').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });
});

describe('finding 4: problems listed once, counted once', () => {
  it('the report problem list has no cell+message twice and its count is the number of rows', async () => {
    const page = await open();
    await readSheet(page, GRADES);
    await page.getByRole('tab', { name: 'Rapporter' }).click();
    await page.getByLabel('Lägg till tidigare termin').selectOption('Betyg VT2025');
    await page.getByLabel('Nationella prov').selectOption('Nationella prov');
    await page.getByLabel('Frånvaro', { exact: true }).selectOption('Frånvaro');
    expect(await report(page, 'Nämndrapport')).toContain('Klart');
    const heading = await page.getByRole('heading', { name: /^Problem i senaste rapporten/ }).textContent();
    const n = Number(/\((\d+)\)/.exec(heading ?? '')?.[1]);
    const showAll = page.getByRole('button', { name: /^Visa alla/ });
    if (await showAll.count()) await showAll.click();
    const labels = await page.getByRole('button', { name: /^Gå till / }).evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.length).toBe(n);
    await page.close();
  });
});

describe('finding 5: every visible word from the catalogue', () => {
  const internal = /\b(table|attendance|survey|progression|grades|report|ui|tests)\.[A-Za-z]+|\bminutes\b|\bhours\b|scb-np/;
  it('no internal keys or layout ids after reading each sheet and after a report with every source', async () => {
    const page = await open();
    for (const s of [GRADES, 'Frånvaro', 'Nationella prov', 'Elevenkät', 'Betyg VT2025']) {
      await readSheet(page, s);
      const text = await page.locator('#root').innerText();
      expect([s, text.match(internal)?.[0]]).toEqual([s, undefined]);
    }
    await readSheet(page, GRADES);
    await page.getByRole('tab', { name: 'Rapporter' }).click();
    await page.getByLabel('Lägg till tidigare termin').selectOption('Betyg VT2025');
    await page.getByLabel('Frånvaro', { exact: true }).selectOption('Frånvaro');
    await page.getByLabel('Nationella prov').selectOption('Nationella prov');
    await report(page, 'Nämndrapport');
    expect((await page.locator('#root').innerText()).match(internal)?.[0]).toBeUndefined();
    await page.close();
  });

  it('the grade-scale advice points at a choice that exists: Betygsskala under Inställningar', async () => {
    const page = await open();
    await page.getByRole('tab', { name: 'Inställningar' }).click();
    const options = await page.getByLabel('Betygsskala').locator('option').allTextContents();
    expect(options).toHaveLength(2);
    await page.close();
  });
});

describe('finding 6: selection errors blame the selection, in Swedish', () => {
  it('nothing selected: a Swedish message about the selection, no English', async () => {
    const page = await open();
    await page.getByLabel('Blad att läsa').selectOption({ label: 'Använd markeringen' });
    await page.getByRole('button', { name: 'Läs in' }).click();
    const alert = await page.getByRole('alert').textContent();
    expect(alert).toContain('markering');
    expect(alert).not.toMatch(/nothing|selected|selection/i);
    await page.close();
  });

  it('a one-cell selection is said to be too small, not blamed on the sheet', async () => {
    const page = await open();
    await host(page, `(h.selection = { sheet: '${GRADES}', row: 104, col: 9, rows: 1, cols: 1 }, 1)`);
    await page.getByLabel('Blad att läsa').selectOption({ label: 'Använd markeringen' });
    await page.getByRole('button', { name: 'Läs in' }).click();
    await page.getByTestId('detection').waitFor();
    const text = await page.locator('#root').innerText();
    expect(text).toContain('Markeringen');
    expect(text).not.toContain('Kunde inte känna igen innehållet i Betyg VT2026');
    expect(text).not.toContain('Bladet ser inte ut');
    await page.close();
  });
});

/** The focused element, whether it is inside `selector`, and whether its focus ring shows. */
const focusState = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return { inside: false, ring: false, tag: 'body' };
    const st = getComputedStyle(a);
    const after = getComputedStyle(a, '::after');
    const ring = (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0) || (after.borderStyle !== 'none' && parseFloat(after.borderWidth) > 0) || st.boxShadow !== 'none';
    return { inside: !!a.closest(sel), ring, tag: a.tagName };
  }, selector);

describe('finding 7: focus moves to the result, with a visible ring', () => {
  it('after Läs in (Enter) and after a report button (Space)', async () => {
    const page = await open();
    await page.getByLabel('Blad att läsa').selectOption(GRADES);
    await page.getByRole('button', { name: 'Läs in' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('pupils').waitFor();
    await expect.poll(() => focusState(page, '[data-testid="detection"]')).toMatchObject({ inside: true, ring: true });

    await page.getByRole('tab', { name: 'Rapporter' }).click();
    await page.getByRole('button', { name: 'Elevlista' }).focus();
    await page.keyboard.press('Space');
    await page.getByText('Klart. Skrev bladen:').waitFor({ timeout: 30_000 });
    await expect.poll(() => focusState(page, '[data-testid="report-status"]')).toMatchObject({ inside: true, ring: true });
    await page.close();
  });
});

describe('finding 8: fits 300 px without horizontal scroll; tabs on one row', () => {
  for (const width of [300, 350]) {
    it(`at ${width} px: Data with the columns open, Rapporter, Inställningar`, async () => {
      const page = await open(width);
      const tabTops = await page.getByRole('tab').evaluateAll((ts) => ts.map((t) => Math.round(t.getBoundingClientRect().top)));
      expect(new Set(tabTops).size).toBe(1);
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await readSheet(page, GRADES);
      await page.getByText(/^Kolumner \(/).click();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.getByRole('tab', { name: 'Rapporter' }).click();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.getByRole('tab', { name: 'Inställningar' }).click();
      expect(await overflow()).toBeLessThanOrEqual(0);
      // Every field ends inside the pane.
      const right = await page.locator('select, input').evaluateAll((es) => Math.max(...es.map((e) => e.getBoundingClientRect().right)));
      expect(right).toBeLessThanOrEqual(width);
      await page.close();
    });
  }
});

describe('finding 9: unsaved settings kept; generated sheets keep their names in another language', () => {
  it('a changed threshold survives a tab switch and is marked as not saved', async () => {
    const page = await open();
    await page.getByRole('tab', { name: 'Inställningar' }).click();
    await page.getByLabel('Minsta grupp som visas (elever)').fill('7');
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.getByRole('tab', { name: 'Inställningar' }).click();
    expect(await page.getByLabel('Minsta grupp som visas (elever)').inputValue()).toBe('7');
    await page.getByText('Ändringarna är inte sparade.').waitFor();
    expect(await host<unknown>(page, 'h.settings')).toBeNull();
    await page.close();
  });

  it('after switching to English a Nämndrapport is rewritten as Nämndrapport, and no Board report appears', async () => {
    const page = await open();
    await readSheet(page, GRADES);
    await page.getByRole('tab', { name: 'Rapporter' }).click();
    await report(page, 'Nämndrapport');
    const count = (await sheets(page)).length;
    await page.getByRole('tab', { name: 'Inställningar' }).click();
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('tab', { name: 'Reports' }).click();
    await page.getByRole('button', { name: 'Board report', exact: true }).click();
    await page.getByText('Done. Sheets written: Nämndrapport (replaced)').waitFor({ timeout: 30_000 });
    const after = await sheets(page);
    expect(after).toHaveLength(count);
    expect(after.filter((s) => s.generatedKey === 'namndrapport').map((s) => s.name)).toEqual(['Nämndrapport']);
    expect(after.some((s) => s.name === 'Board report')).toBe(false);
    await page.close();
  });
});

describe('keyboard only: read → problem → report', () => {
  it('Tab, Enter and Space reach every step', async () => {
    const page = await open(350);
    // Tab to the sheet list (preselected grades), on to Läs in, Enter.
    const tabTo = async (name: RegExp, max = 40) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        const label = await page.evaluate(() => {
          const a = document.activeElement as HTMLElement | null;
          return a ? (a.getAttribute('aria-label') ?? a.textContent ?? '') : '';
        });
        if (name.test(label)) return label;
      }
      throw new Error(`Tab never reached ${name}`);
    };
    await tabTo(/^Läs in$/);
    await page.keyboard.press('Enter');
    // The preselected sheet is the grade sheet (300 pupils), and focus lands on what was found.
    await expect.poll(() => page.getByTestId('pupils').textContent()).toBe('300');
    await expect.poll(() => focusState(page, '[data-testid="detection"]')).toMatchObject({ inside: true, ring: true });
    const problem = await tabTo(/^Gå till /);
    await page.keyboard.press('Enter');
    const cell = /^Gå till ([^:]+):/.exec(problem)![1];
    await expect.poll(() => host<string[]>(page, 'h.selected')).toEqual([cell]);
    // Back to the tab list with Shift+Tab, arrow to Rapporter, Enter.
    for (let i = 0; i < 60; i++) {
      const role = await page.evaluate(() => document.activeElement?.getAttribute('role'));
      if (role === 'tab') break;
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Skapa rapport' }).waitFor();
    await tabTo(/^Nämndrapport$/);
    await page.keyboard.press('Space');
    await page.getByText('Klart. Skrev bladen:').waitFor({ timeout: 30_000 });
    await expect.poll(() => focusState(page, '[data-testid="report-status"]')).toMatchObject({ inside: true, ring: true });
    expect((await sheets(page)).some((s) => s.generatedKey === 'namndrapport')).toBe(true);
    await page.close();
  });
});

describe('issue 16 in the pane: Närvaro makes the Närvaroplan once, then reads the school\'s', () => {
  it('the first Närvaro adds the Närvaroplan; after the school edits it, the next Närvaro keeps it and reads it', async () => {
    const page = await open();
    await readSheet(page, GRADES);
    await page.getByRole('tab', { name: 'Rapporter' }).click();
    await page.getByLabel('Frånvaro', { exact: true }).selectOption('Frånvaro');
    expect(await report(page, 'Närvaro')).toContain('Klart');
    const plan = (await sheets(page)).find((s) => s.generatedKey === 'narvaroplan');
    expect(plan?.name).toBe('Närvaroplan');
    const ladderSource = async () => JSON.stringify((await sheets(page)).find((s) => s.generatedKey === 'narvaro')!.values).match(/Regler från [^"]*/)?.[0];
    expect(await ladderSource()).toMatch(/^Regler från Skolanalys standardplan/);
    // The school renames its plan and writes a note in a free cell far below the ladder.
    await page.evaluate(`(() => { const s = window.__skolanalysHost.workbook.sheets.find((x) => x.generatedKey === 'narvaroplan'); s.name = 'Vår närvaroplan'; while (s.values.length < 200) s.values.push([]); s.values[199] = ['Vår anteckning']; })()`);
    const before = JSON.stringify((await sheets(page)).find((s) => s.generatedKey === 'narvaroplan'));
    expect(await report(page, 'Närvaro')).toContain('Klart');
    const after = (await sheets(page)).find((s) => s.generatedKey === 'narvaroplan');
    expect(JSON.stringify(after)).toBe(before);
    // The Närvaro sheet now says its rules come from the school's sheet.
    expect(await ladderSource()).toMatch(/^Regler från skolans blad Närvaroplan/);
    await page.close();
  });
});
