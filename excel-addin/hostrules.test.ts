/**
 * The Excel add-in held to Microsoft's own rules, offline:
 * - manifest.xml (dev and a production base URL) validated by xmllint against the manifest XSDs
 *   in ../shared/office-schemas (see its README), with manifests broken on purpose that must fail;
 * - functions.json / functions.en.json validated against Microsoft's custom-functions JSON schema
 *   (with the one stale rule of that README: `allowCustomDataForDataTypeAny` allowed);
 * - the built pane in Chromium with the REAL office.js (npm @microsoft/office-js, served in place of
 *   the CDN) outside Office: Office.onReady says host null, the pane says how to open it in Excel;
 * - a production build served by a plain static server on 127.0.0.1: every manifest URL is a file
 *   there, the pane loads, the function metadata and the playground are reachable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { FUNCTIONS } from '../core/functions/catalog';
import { t } from '../core/i18n';
// @ts-expect-error plain ESM build script without types
import { build, manifestFor, MANIFEST_VERSION, normalizeBaseUrl, OFFICE_JS, parseArgs } from './build.mjs';
// @ts-expect-error plain ESM module without types
import { serve } from '../ui/playground/serve.mjs';

const root = new URL('..', import.meta.url).pathname;
const SCHEMAS = join(root, '..', 'shared', 'office-schemas');
const XSD = join(SCHEMAS, 'OfficeAppManifestV1_1.xsd');
const OFFICE_DIST = join(root, 'node_modules', '@microsoft', 'office-js', 'dist');
const PROD_BASE = 'https://skolanalys.kommun.example/excel';
const tmp = mkdtempSync(join(tmpdir(), 'skolanalys-hostrules-'));
const PROD_OUT = join(tmp, 'excel');
// Its own dev build too: build.test.ts rebuilds dist/excel-addin while these tests run.
const OUT = join(tmp, 'dev');

beforeAll(async () => {
  await build({ out: OUT });
  await build({ baseUrl: PROD_BASE, out: PROD_OUT });
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** xmllint's verdict on a manifest text: exit status and what it printed. */
function xmllint(xml: string, name = 'manifest.xml') {
  const file = join(tmp, name);
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is missing (Debian package libxml2-utils; .ci/run installs it): ${r.error.message}`);
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('manifest.xml against Microsoft’s XSDs (xmllint)', () => {
  const dev = () => readFileSync(`${OUT}/manifest.xml`, 'utf8');
  const prod = () => readFileSync(`${PROD_OUT}/manifest.xml`, 'utf8');

  it('the repository template, the dev build and a production build validate', () => {
    for (const [name, xml] of [['template.xml', readFileSync(`${root}manifest.xml`, 'utf8')], ['dev.xml', dev()], ['prod.xml', prod()]]) {
      const r = xmllint(xml, name);
      expect([name, r.status, r.out.trim()]).toEqual([name, 0, `${join(tmp, name)} validates`]);
    }
  });

  // Each broken on purpose in one way the schema forbids; each must be rejected, or the check
  // above proves nothing.
  const BROKEN: [string, (x: string) => string][] = [
    ['no Id', (x) => x.replace(/<Id>[^<]*<\/Id>/, '')],
    ['a five-part version', (x) => x.replace(/<Version>[^<]*<\/Version>/, '<Version>1.0.0.0.1</Version>')],
    ['an unknown element', (x) => x.replace('<ProviderName>', '<Publisher>Kommunen</Publisher><ProviderName>')],
    ['children out of schema order', (x) => x.replace(/(<DefaultLocale>[^<]*<\/DefaultLocale>)\s*(<ProviderName>[^<]*<\/ProviderName>)/, '$2$1').replace(/(<ProviderName>[^<]*<\/ProviderName>)\s*(<DefaultLocale>[^<]*<\/DefaultLocale>)/, '$2$1')],
    ['an empty AppDomains', (x) => x.replace('<Hosts>', '<AppDomains></AppDomains><Hosts>')],
    ['a Runtime with an unknown lifetime', (x) => x.replace('lifetime="long"', 'lifetime="forever"')],
    ['a bad Permissions value', (x) => x.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>')],
  ];
  for (const [what, breakIt] of BROKEN) {
    it(`rejects a manifest with ${what}`, () => {
      const broken = breakIt(prod());
      expect(broken).not.toBe(prod());
      expect(xmllint(broken, 'broken.xml').status).not.toBe(0);
    });
  }

  it('production: every URL on the base URL, version from package.json, no AppDomains', () => {
    const xml = prod();
    expect(xml).toContain(`<Version>${MANIFEST_VERSION}</Version>`);
    expect(MANIFEST_VERSION).toMatch(/^\d+\.\d+\.\d+\.0$/);
    expect(xml).not.toContain('localhost');
    expect(xml).not.toMatch(/<AppDomains?>/);
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith(`${PROD_BASE}/`), u).toBe(true);
    expect(manifestFor(`${PROD_BASE}/`)).toBe(xml); // a trailing slash changes nothing
  });

  it('a base URL with & or -- still gives a valid manifest', () => {
    const xml = manifestFor('https://skola--analys.kommun.example/a&b/excel');
    expect(xml).toContain('DefaultValue="https://skola--analys.kommun.example/a&amp;b/excel/taskpane.html"');
    expect(xmllint(xml, 'odd.xml').status).toBe(0);
  });

  it('takes the base URL from --base-url (either form) or SKOLANALYS_BASE_URL', () => {
    expect(parseArgs(['excel-addin', '--base-url', 'https://a.example/x', '--out', 'd'], {})).toEqual({ baseUrl: 'https://a.example/x', out: 'd' });
    expect(parseArgs(['--base-url=https://b.example'], { SKOLANALYS_BASE_URL: 'https://env.example' })).toEqual({ baseUrl: 'https://b.example', out: undefined });
    expect(parseArgs([], { SKOLANALYS_BASE_URL: 'https://env.example' })).toEqual({ baseUrl: 'https://env.example', out: undefined });
    expect(parseArgs([], {})).toEqual({ baseUrl: undefined, out: undefined });
  });

  it('refuses a base URL Office cannot load from', () => {
    expect(() => normalizeBaseUrl('http://skolanalys.kommun.example')).toThrow(/https/);
    expect(() => normalizeBaseUrl('skolanalys.kommun.example')).toThrow(/ingen adress/);
    expect(() => normalizeBaseUrl('https://x.example/a?b=1')).toThrow(/frågedel/);
    expect(normalizeBaseUrl('https://x.example/a/b/')).toBe('https://x.example/a/b');
  });
});

describe('functions.json against Microsoft’s custom-functions schema', () => {
  async function validator() {
    // ajv-draft-04 (the schema is draft-04) comes with office-addin-manifest's dependencies.
    const { default: Ajv } = await import('ajv-draft-04');
    const schema = JSON.parse(readFileSync(join(SCHEMAS, 'custom-functions.schema.json'), 'utf8'));
    // The one stale rule (office-schemas/README.md): Microsoft's generator writes
    // allowCustomDataForDataTypeAny and the current docs describe it; the schema predates it.
    schema.properties.allowCustomDataForDataTypeAny = { type: 'boolean' };
    // validateSchema off: the file itself breaks draft-04's meta-schema in places (an empty
    // `required: []`), which ajv would refuse before validating anything.
    return new Ajv({ allErrors: true, strict: false, validateSchema: false }).compile(schema);
  }

  for (const file of ['functions.json', 'functions.en.json']) {
    it(`${file} (dev and production build) is valid`, async () => {
      const validate = await validator();
      for (const dir of [OUT, PROD_OUT]) {
        const meta = JSON.parse(readFileSync(join(dir, file), 'utf8'));
        expect([file, validate(meta) ? [] : validate.errors]).toEqual([file, []]);
        expect(meta.functions).toHaveLength(FUNCTIONS.length);
      }
    });
  }

  it('rejects metadata broken on purpose', async () => {
    const validate = await validator();
    const good = JSON.parse(readFileSync(`${OUT}/functions.json`, 'utf8'));
    const broken = [
      (m: any) => { delete m.functions[0].id; },
      (m: any) => { m.functions[0].parameters[0].type = 'grade'; },
      (m: any) => { m.functions[0].result.dimensionality = 'cube'; },
      (m: any) => { m.functions[0].colour = 'blue'; },
    ];
    for (const b of broken) {
      const m = structuredClone(good);
      b(m);
      expect(validate(m)).toBe(false);
    }
  });

  it('English metadata: English descriptions and English parameter names', () => {
    const en = JSON.parse(readFileSync(`${OUT}/functions.en.json`, 'utf8'));
    for (const fn of en.functions) {
      const spec = FUNCTIONS.find((f) => f.name === fn.id)!;
      expect(fn.description).toBe(spec.description.en);
      for (const p of fn.parameters) {
        // Plain English identifiers: no å ä ö, none of the Swedish names.
        expect(p.name).toMatch(/^[a-z][A-Za-z]*$/);
        expect(['betyg', 'ämnen', 'amnen', 'betygsmatris', 'frånvaro', 'schemalagd', 'andel', 'värde', 'svar', 'personnummer']).not.toContain(p.name);
      }
    }
    expect(en.functions.find((f: { id: string }) => f.id === 'MERITVARDE').parameters.map((p: { name: string }) => p.name)).toEqual(['grades', 'subjects', 'variant']);
  });
});

// ------------------------------------------------------------------ Chromium, real office.js

/** Chromium with the CDN's office.js answered from the npm package; any other outside request is refused and recorded. */
async function openPane(url: string, locale = 'sv-SE', width = 350): Promise<{ browser: Browser; page: Page; errors: string[]; outside: string[] }> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ locale, viewport: { width, height: 700 } });
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  const cdn = OFFICE_JS.replace(/office\.js$/, '');
  await page.route((u) => !/^(http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|file:)/.test(u.href), async (r) => {
    const u = r.request().url();
    const file = u.startsWith(cdn) ? join(OFFICE_DIST, u.slice(cdn.length).split('?')[0]) : '';
    if (file && existsSync(file)) await r.fulfill({ contentType: 'text/javascript', body: readFileSync(file) });
    else { outside.push(u); await r.abort(); }
  });
  await page.goto(url);
  return { browser, page, errors, outside };
}

describe('the built pane with the real office.js, outside Office', () => {
  it('Office.onReady says host null; one Swedish message on opening it in Excel, and the playground link', async () => {
    const { browser, page, errors, outside } = await openPane(`file://${OUT}/taskpane.html`, 'sv-SE', 300);
    try {
      await page.waitForSelector('[role=status]', { timeout: 15_000 });
      // A task pane is about 300–350 px wide: the message wraps, nothing scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
      expect(await page.evaluate(() => Office.onReady().then((i) => i.host))).toBeNull();
      const text = await page.textContent('#root');
      expect(text).toContain(t('sv', 'functions.excel.outside.title'));
      expect(text).toContain(t('sv', 'functions.excel.outside.steps'));
      expect(text).not.toMatch(/is not defined|Kunde inte/);
      expect(await page.locator('[role=status]').count()).toBe(1);
      expect(await page.getAttribute('a', 'href')).toBe('playground/index.html');
      expect(existsSync(`${OUT}/playground/index.html`)).toBe(true);
      expect(errors).toEqual([]);
      // What office.js itself reached for outside Office (refused here): Microsoft's telemetry
      // frame only. docs/integritet.md names it.
      for (const u of outside) expect(u).toMatch(/^https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\//);
    } finally {
      await browser.close();
    }
  });

  it('in an English browser the same message in English', async () => {
    const { browser, page, errors } = await openPane(`file://${OUT}/taskpane.html`, 'en-GB');
    try {
      await page.waitForSelector('[role=status]', { timeout: 15_000 });
      expect(await page.textContent('#root')).toContain(t('en', 'functions.excel.outside.title'));
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('a production build served by a plain static server', () => {
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    // ui/playground/serve.mjs: node:http, files as they are, no rewriting and no server code.
    const s = await serve(tmp, 0);
    server = s.server;
    origin = s.url.replace(/\/$/, '').replace('localhost', '127.0.0.1');
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  /** A manifest URL as served here: the base URL's path under this server. */
  const local = (u: string) => `${origin}/excel${u.slice(PROD_BASE.length)}`;

  it('every URL of the manifest is a file the server hands out', async () => {
    const xml = readFileSync(`${PROD_OUT}/manifest.xml`, 'utf8');
    const urls = [...new Set([...xml.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]))];
    for (const u of urls) {
      const r = await fetch(local(u));
      expect([u, r.status]).toEqual([u, 200]);
      if (u.endsWith('.json')) expect((await r.json()).functions).toHaveLength(FUNCTIONS.length);
      if (u.endsWith('.png')) expect(Buffer.from(await r.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('the pane loads from it in Chromium with the real office.js; metadata and playground reachable from the page', async () => {
    const { browser, page, errors } = await openPane(local(`${PROD_BASE}/taskpane.html`));
    try {
      await page.waitForSelector('[role=status]', { timeout: 15_000 });
      expect(await page.textContent('#root')).toContain(t('sv', 'functions.excel.outside.title'));
      const ids = await page.evaluate(async () => Promise.all(['functions.json', 'functions.en.json'].map(async (f) => (await (await fetch(f)).json()).functions.map((x: { id: string }) => x.id))));
      expect(ids).toEqual([FUNCTIONS.map((f) => f.name), FUNCTIONS.map((f) => f.name)]);
      await page.click('a[href="playground/index.html"]');
      await page.waitForFunction(() => (document.getElementById('root')?.textContent ?? '').includes('Skolanalys'), undefined, { timeout: 15_000 });
      expect(page.url()).toBe(local(`${PROD_BASE}/playground/index.html`));
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
