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
      { name: 'Nämndrapport', generated: true },
      { name: 'Omdöpt', generated: true },
    ]);
    await host.selectCell('Betyg!F12');
    expect(fx.selection).toMatchObject({ row: 11, col: 5, rows: 1, cols: 1 });
    expect(fx.active?.name).toBe('Betyg');
    await host.insertFormula('=SKOLA.FRANVARO(120; 1000)');
    expect(fx.sheet('Betyg')!.formulas.at(-1)).toEqual({ row: 11, col: 5, values: [['=SKOLA.FRANVARO(120, 1000)']] });
    await expect(host.selectCell('inte en adress')).rejects.toThrow();
  });

  it('saves and loads settings in the document', async () => {
    const { host, store, saves } = setup();
    expect(await host.loadSettings()).toBeNull();
    await host.saveSettings({ ...DEFAULT_SETTINGS, suppressionThreshold: 5 });
    expect(saves()).toBe(1);
    expect(typeof store.get(SETTINGS_KEY)).toBe('string');
    expect((await host.loadSettings())?.suppressionThreshold).toBe(5);
  });

  it('converts Swedish formula separators to the invariant form', () => {
    expect(toInvariantFormula('=SKOLA.FRANVARONIVA(0,12; "x;y")')).toBe('=SKOLA.FRANVARONIVA(0.12, "x;y")');
    expect(toInvariantFormula('=SKOLA.MERITVARDE(C2:S2; $C$1:$S$1; 17)')).toBe('=SKOLA.MERITVARDE(C2:S2, $C$1:$S$1, 17)');
  });
});
