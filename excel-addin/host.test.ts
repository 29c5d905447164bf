import { describe, expect, it } from 'vitest';
import { ExcelHost, READ_CHUNK_CELLS, SETTINGS_KEY, toInvariantFormula, type ExcelRun, type SettingsStore } from './host';
import { FakeExcel } from './testing/fake-excel';
import { fixturePlan } from './testing/fixture-plan';
import { DEFAULT_SETTINGS } from '../core/types';

function setup() {
  const fx = new FakeExcel();
  const run: ExcelRun = (batch) => batch(fx.context as unknown as Excel.RequestContext);
  const store = new Map<string, unknown>();
  let saves = 0;
  const settings: SettingsStore = {
    get: (k) => store.get(k) ?? null,
    set: (k, v) => void store.set(k, v),
    saveAsync: (cb) => { saves++; cb?.({ status: 'succeeded' }); },
  };
  return { fx, host: new ExcelHost({ run, settings }), store, saves: () => saves };
}

describe('ExcelHost', () => {
  it('reads the used range with its origin', async () => {
    const { fx, host } = setup();
    const s = fx.addSheet('Betyg');
    s.values.push({ row: 2, col: 1, values: [['Namn', 'Sv'], ['Ada', 'A']] });
    const data = await host.read({ sheet: 'Betyg' });
    expect(data).toEqual({ sheet: 'Betyg', values: [['Namn', 'Sv'], ['Ada', 'A']], origin: { row: 2, col: 1 } });
  });

  it('reads the selection, and big ranges in bands', async () => {
    const { fx, host } = setup();
    const s = fx.addSheet('Stor');
    const cols = 10;
    const rows = Math.ceil((READ_CHUNK_CELLS * 2.5) / cols); // 2.5 bands → 3 reads
    s.values.push({ row: 0, col: 0, values: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => r * cols + c)) });
    const before = fx.syncs;
    const data = await host.read({ sheet: 'Stor' });
    expect(data.values.length).toBe(rows);
    expect(data.values[rows - 1][9]).toBe((rows - 1) * cols + 9);
    expect(fx.syncs - before).toBe(1 + 3); // size, then 3 bands
    fx.selection = { sheet: s, row: 4, col: 2, rows: 2, cols: 2 };
    const sel = await host.read({ selection: true });
    expect(sel).toEqual({ sheet: 'Stor', values: [[42, 43], [52, 53]], origin: { row: 4, col: 2 } });
  });

  it('lists sheets with the generated marker, selects cells and inserts formulas', async () => {
    const { fx, host } = setup();
    fx.addSheet('Betyg', [['x']]);
    await host.applyPlan(fixturePlan(3));
    fx.sheet('Elevlista')!.name = 'Omdöpt';
    expect(await host.listSheets()).toEqual([
      { name: 'Betyg', generated: false },
      { name: 'Nämndrapport', generated: true, key: 'namndrapport' },
      { name: 'Omdöpt', generated: true, key: 'elevlista' },
    ]);
    await host.selectCell('Betyg!F12');
    expect(fx.selection).toMatchObject({ row: 11, col: 5, rows: 1, cols: 1 });
    expect(fx.active?.name).toBe('Betyg');
    // F12 is empty: written there, the example's rows moved from 2 to 12 (none in this one).
    expect(await host.insertFormula('=SKOLA.FRANVARO(120; 1000)')).toEqual({ written: true, cell: 'Betyg!F12', formula: '=SKOLA.FRANVARO(120; 1000)' });
    expect(fx.sheet('Betyg')!.formulas.at(-1)).toEqual({ row: 11, col: 5, values: [['=SKOLA.FRANVARO(120, 1000)']] });
    await expect(host.selectCell('inte en adress')).rejects.toThrow();
  });

  it('Infoga never writes into a cell that holds something, offers the first column after the used range, and moves the example to its row', async () => {
    const { fx, host } = setup();
    const s = fx.addSheet('Betyg VT2026');
    // A2:D3 hold data; the user selects the grade in C3.
    s.values.push({ row: 1, col: 0, values: [['Pnr', 'Namn', 'Sv', 'En'], ['201001012384', 'Ada', 'A', 'B']] });
    fx.selection = { sheet: s, row: 2, col: 2, rows: 1, cols: 1 };
    const writes = s.formulas.length + s.values.length;
    const r = await host.insertFormula('=SKOLA.MERITVARDE(C2:S2; $C$1:$S$1; 17)');
    expect(r).toEqual({ written: false, cell: "'Betyg VT2026'!C3", next: "'Betyg VT2026'!E3" });
    expect(s.formulas.length + s.values.length).toBe(writes);
    expect(s.cell(2, 2)).toBe('A');
    // The offered cell is empty: written, with the example's row 2 moved to row 3 (3 − 2 = 1).
    const w = await host.insertFormula('=SKOLA.MERITVARDE(C2:S2; $C$1:$S$1; 17)', "'Betyg VT2026'!E3");
    expect(w).toEqual({ written: true, cell: "'Betyg VT2026'!E3", formula: '=SKOLA.MERITVARDE(C3:S3; $C$1:$S$1; 17)' });
    expect(s.formulas.at(-1)).toEqual({ row: 2, col: 4, values: [['=SKOLA.MERITVARDE(C3:S3, $C$1:$S$1, 17)']] });
    // Asked again for E3, now filled: left alone.
    expect((await host.insertFormula('=SKOLA.KON(A2)', "'Betyg VT2026'!E3")).written).toBe(false);
    expect(s.formulas).toHaveLength(1);
  });

  it('saves and loads settings in the document', async () => {
    const { host, store, saves } = setup();
    expect(await host.loadSettings()).toBeNull();
    await host.saveSettings({ ...DEFAULT_SETTINGS, suppressionThreshold: 5 });
    expect(saves()).toBe(1);
    expect(typeof store.get(SETTINGS_KEY)).toBe('string');
    expect((await host.loadSettings())?.suppressionThreshold).toBe(5);
  });

  it('fetchText: one GET without cookie or referrer, and no round trip to Excel', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const fetch = (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return new Response('{"values": []}', { status: 200 });
    }) as typeof globalThis.fetch;
    const fx = new FakeExcel();
    let runs = 0;
    const run: ExcelRun = (batch) => { runs++; return batch(fx.context as unknown as Excel.RequestContext); };
    const settings: SettingsStore = { get: () => null, set: () => undefined, saveAsync: (cb) => cb?.({ status: 'succeeded' }) };
    const host = new ExcelHost({ run, settings, fetch });
    const url = 'https://api.kolada.se/v3/data/kpi/N15436/municipality/1280,0000/year/2025';
    expect(await host.fetchText(url)).toEqual({ status: 200, text: '{"values": []}' });
    expect(calls).toEqual([[url, { method: 'GET', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', headers: { accept: 'application/json' } }]]);
    expect(runs).toBe(0);
  });

  it('converts Swedish formula separators to the invariant form', () => {
    expect(toInvariantFormula('=SKOLA.FRANVARONIVA(0,12; "x;y")')).toBe('=SKOLA.FRANVARONIVA(0.12, "x;y")');
    expect(toInvariantFormula('=SKOLA.MERITVARDE(C2:S2; $C$1:$S$1; 17)')).toBe('=SKOLA.MERITVARDE(C2:S2, $C$1:$S$1, 17)');
  });
});
