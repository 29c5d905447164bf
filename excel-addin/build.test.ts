import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { FUNCTIONS } from '../core/functions/catalog';
// @ts-expect-error plain ESM build script without types
import { build, DEV_BASE_URL, manifestFor, OUT, OFFICE_JS } from './build.mjs';

const root = new URL('..', import.meta.url).pathname;
const manifest = readFileSync(`${root}manifest.xml`, 'utf8');

beforeAll(async () => {
  // Builds here too, so the test also runs with SKIP_BUILD=1 (about 0.2 s).
  await build();
}, 60_000);

describe('functions.json generated from the table', () => {
  for (const [file, lang] of [['functions.json', 'sv'], ['functions.en.json', 'en']] as const) {
    it(`${file} matches FUNCTIONS (${lang})`, () => {
      const meta = JSON.parse(readFileSync(`${OUT}/${file}`, 'utf8'));
      expect(meta.functions.map((f: { id: string }) => f.id)).toEqual(FUNCTIONS.map((f) => f.name));
      for (const spec of FUNCTIONS) {
        const fn = meta.functions.find((f: { id: string }) => f.id === spec.name);
        expect(fn.name).toBe(spec.name);
        expect(fn.description).toBe(spec.description[lang]);
        expect(fn.result.type).toBe(spec.result.type);
        expect(fn.result.dimensionality ?? 'scalar').toBe(spec.result.dimensionality);
        expect(fn.parameters).toHaveLength(spec.params.length);
        spec.params.forEach((p, i) => {
          const q = fn.parameters[i];
          expect(q.name).toBe(lang === 'en' ? p.nameEn : p.name);
          expect(q.description).toBe(p.description[lang]);
          expect(q.type).toBe(p.type);
          expect(q.dimensionality ?? 'scalar').toBe(p.dimensionality);
          expect(q.optional ?? false).toBe(p.optional ?? false);
        });
      }
    });
  }
});

describe('manifest.xml (offline checks; the online validator is a release step)', () => {
  it('parses with office-addin-manifest info', () => {
    const out = execFileSync(process.execPath, [`${root}node_modules/office-addin-manifest/cli.js`, 'info', `${root}manifest.xml`], { encoding: 'utf8' });
    expect(out).toMatch(/Name: Skolanalys/);
    expect(out).toMatch(/Default Locale: sv-SE/);
    expect(out).toMatch(/Hosts: Workbook/);
    expect(out).toMatch(/Type: TaskPaneApp/);
  });

  it('keeps the schema order of OfficeApp children', () => {
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    const top = manifest.replace(/<VersionOverrides[\s\S]*<\/VersionOverrides>/, '<VersionOverrides/>');
    const found = [...top.matchAll(/^ {2}<(\w+)/gm)].map((m) => m[1]);
    expect(found).toEqual(order);
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    expect(manifest).toMatch(/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/);
  });

  it('declares a shared runtime, the SKOLA namespace and en-US overrides', () => {
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="SKOLA"\/>/);
    expect(manifest).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(manifest).toMatch(/<FunctionFile resid="Taskpane.Url"\/>/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(manifest).toMatch(/<bt:String id="Button.Label" DefaultValue="Skolanalys"\/>/);
    expect((manifest.match(/Locale="en-US"/g) ?? []).length).toBeGreaterThanOrEqual(5);
  });

  it('every resid is defined once, and every URL is a built file on https://localhost:3000', () => {
    const ids = [...manifest.matchAll(/<bt:\w+ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const used = new Set([...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    for (const r of used) expect(ids, r).toContain(r);
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"|<AppDomain>([^<]+)</g)].map((m) => m[1] ?? m[2]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) {
      expect(u.startsWith('https://localhost:3000')).toBe(true);
      const path = u.replace('https://localhost:3000', '').replace(/^\//, '');
      if (path) expect(existsSync(`${OUT}/${path}`), path).toBe(true);
    }
  });

  it('icons are PNGs of the declared sizes', () => {
    for (const m of manifest.matchAll(/<bt:Image id="Icon\.(\d+)x\d+" DefaultValue="https:\/\/localhost:3000\/([^"]+)"/g)) {
      const png = readFileSync(`${OUT}/${m[2]}`);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(Number(m[1])); // IHDR width
      expect(png.readUInt32BE(20)).toBe(Number(m[1])); // IHDR height
    }
  });
});

describe('built pane page', () => {
  it('loads office.js from the CDN and the bundle', () => {
    const html = readFileSync(`${OUT}/taskpane.html`, 'utf8');
    expect(html).toContain(`<script src="${OFFICE_JS}"></script>`);
    expect(html).toContain('<script src="taskpane.js"></script>');
    expect(readFileSync(`${OUT}/manifest.xml`, 'utf8')).toBe(manifestFor(DEV_BASE_URL));
  });

  it('taskpane.js registers every function at load and mounts the pane on Office.onReady', () => {
    const associated = new Map<string, (...a: unknown[]) => unknown>();
    let ready: (() => void) | undefined;
    const root = { textContent: '', children: [] as unknown[] };
    class CfError { constructor(public code: string, public message: string) {} }
    const sandbox: Record<string, unknown> = {
      CustomFunctions: { associate: (id: string, fn: (...a: unknown[]) => unknown) => associated.set(id, fn), Error: CfError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!', divisionByZero: '#DIV/0!' } },
      Office: { onReady: (cb: () => void) => { ready = cb; return Promise.resolve(); }, context: { displayLanguage: 'sv-SE' } },
      document: { getElementById: (id: string) => (id === 'root' ? root : null) },
      console,
    };
    sandbox.window = sandbox;
    sandbox.self = sandbox;
    sandbox.globalThis = sandbox;
    runInNewContext(readFileSync(`${OUT}/taskpane.js`, 'utf8'), sandbox);
    expect([...associated.keys()].sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
    // 16 best points of A, B, C: 20 + 17.5 + 15 = 52.5.
    expect(associated.get('MERITVARDE')!([['A', 'B', 'C']], null, null)).toBe(52.5);
    expect(ready).toBeTypeOf('function');
  });
});

describe('built pane page in Chromium', () => {
  // office.js comes from Microsoft's CDN; here the request is answered with a stand-in whose
  // Excel.run drives the recording fake (bundled for the browser), holding one sheet "Betyg".
  let fakeOffice = '';
  beforeAll(async () => {
    const { build: esb } = await import('esbuild');
    const r = await esb({
      stdin: {
        contents: `
          import { FakeExcel } from './testing/fake-excel';
          const fx = new FakeExcel();
          fx.addSheet('Betyg', [['Namn', 'Sv', 'En'], ['Ada', 'A', 'B']]);
          const w = window as any;
          w.__fx = fx;
          w.__ids = [];
          w.CustomFunctions = { associate: (id: string) => w.__ids.push(id), Error: class { constructor(public code: string, public message: string) {} }, ErrorCode: {} };
          w.Excel = { run: (cb: (c: unknown) => Promise<unknown>) => cb(fx.context) };
          const store = new Map();
          w.Office = {
            context: { displayLanguage: 'sv-SE', document: { settings: { get: (k: string) => store.get(k) ?? null, set: (k: string, v: unknown) => store.set(k, v), saveAsync: (cb: any) => cb && cb({ status: 'succeeded' }) } } },
            onReady: (cb: (info: unknown) => void) => { setTimeout(() => cb({ host: 'Excel', platform: 'OfficeOnline' }), 0); return Promise.resolve(); },
          };`,
        resolveDir: `${root}excel-addin`,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'iife',
      logLevel: 'error',
    });
    fakeOffice = r.outputFiles[0].text;
  });

  async function open(withOffice: boolean) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    const page = await browser.newPage({ locale: 'sv-SE' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(`${OFFICE_JS}*`, (r) => (withOffice ? r.fulfill({ contentType: 'text/javascript', body: fakeOffice }) : r.abort()));
    await page.goto(`file://${OUT}/taskpane.html`);
    return { browser, page, errors };
  }

  it('with Office: registers every function and mounts the pane over ExcelHost', async () => {
    const { browser, page, errors } = await open(true);
    try {
      await page.waitForFunction(() => (document.getElementById('root')?.childNodes.length ?? 0) > 0, undefined, { timeout: 10_000 });
      expect(((await page.evaluate('window.__ids')) as string[]).sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
      // The pane asked the workbook for its sheets through ExcelHost → Excel.run (the fake counts syncs).
      await page.waitForFunction('window.__fx.syncs > 0', undefined, { timeout: 10_000 });
      // listSheets takes two syncs (names, then markers); the sheet name then shows in the pane.
      await page.waitForFunction('window.__fx.syncs >= 2', undefined, { timeout: 10_000 });
      await page.waitForFunction(() => /Betyg(?!sdata)/.test(document.getElementById('root')?.textContent ?? ''), undefined, { timeout: 10_000 });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('without office.js: says so instead of failing', async () => {
    const { browser, page, errors } = await open(false);
    try {
      await page.waitForSelector('[role=status]', { timeout: 10_000 });
      expect(await page.textContent('#root')).toContain('office.js kunde inte laddas');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
