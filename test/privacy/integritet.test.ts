/**
 * docs/integritet.md held to the code:
 * - every address in the built files (Excel folder with its playground, Apps Script project) is
 *   listed in the paper, as called or as text only, and every address the paper says is called is
 *   in the files;
 * - the network functions the built code uses are exactly the ones the paper lists;
 * - the sheets the paper says hold personal data are exactly those the report code marks so.
 * A new network call (say, the future Kolada fetch) fails here until the paper lists it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { t } from '../../core/i18n';
// @ts-expect-error plain ESM build script without types
import { build as buildExcel, DEV_BASE_URL } from '../../excel-addin/build.mjs';
// @ts-expect-error plain ESM build script without types
import { build as buildSheets } from '../../sheets-addon/build.mjs';

const root = new URL('../../', import.meta.url).pathname;
const PAPER = readFileSync(`${root}docs/integritet.md`, 'utf8');

/** The network functions the paper can name, as they appear in code when used. */
const NETWORK_APIS: Record<string, RegExp> = {
  fetch: /\bfetch\(/,
  XMLHttpRequest: /\bXMLHttpRequest\b/,
  WebSocket: /\bWebSocket\b/,
  EventSource: /\bEventSource\b/,
  'navigator.sendBeacon': /\bsendBeacon\b/,
  importScripts: /\bimportScripts\b/,
  UrlFetchApp: /\bUrlFetchApp\b/,
  'google.script.run': /\bgoogle\.script\.run\b/,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** The rows of the first Markdown table after a heading: the first cell's `code` span. */
function tableKeys(heading: string): string[] {
  const at = PAPER.indexOf(`\n${heading}\n`);
  expect(at, heading).toBeGreaterThan(0);
  const rows = PAPER.slice(at + heading.length + 2).split('\n');
  const start = rows.findIndex((l) => l.startsWith('|'));
  const out: string[] = [];
  for (const line of rows.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const first = line.split('|')[1].trim();
    out.push(first.replace(/^`|`$/g, ''));
  }
  return out;
}

let built: { file: string; text: string }[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'skolanalys-privacy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(async () => {
  // Built here, into a folder of its own (other tests rebuild dist/ while this runs), exactly as
  // `npm run build` builds them.
  await buildExcel({ out: join(tmp, 'excel-addin') });
  await buildSheets({ out: join(tmp, 'sheets-addon') });
  built = files(tmp)
    .filter((f) => /\.(html|js|json|xml)$/.test(f))
    .map((f) => ({ file: relative(tmp, f), text: readFileSync(f, 'utf8') }));
  expect(built.map((b) => b.file)).toEqual(expect.arrayContaining(['excel-addin/taskpane.js', 'excel-addin/playground/playground.js', 'sheets-addon/Code.js', 'sheets-addon/Sidebar.html']));
}, 120_000);

describe('docs/integritet.md lists exactly the network calls of the built files', () => {
  it('every address in the built files is in the paper, the base URL as {basadress}', () => {
    const found = new Map<string, string>();
    for (const { file, text } of built) {
      for (const m of text.matchAll(/https?:\/\/[^\s"'`<>()\\]+/g)) {
        let u = m[0].replace(/[.,;:]+$/, '');
        // The manifest's own files are all under the base URL the folder is published at.
        if (u.startsWith(DEV_BASE_URL)) u = '{basadress}';
        if (!found.has(u)) found.set(u, file);
      }
    }
    const called = tableKeys('### Adresser som anropas');
    const textOnly = tableKeys('### Adresser som bara är text');
    expect(called).toContain('{basadress}');
    // Nothing unlisted…
    const unlisted = [...found.keys()].filter((u) => !called.includes(u) && !textOnly.includes(u));
    expect(unlisted.map((u) => `${u} (${found.get(u)})`)).toEqual([]);
    // …and nothing listed that the files no longer hold.
    expect([...called, ...textOnly].filter((u) => !found.has(u))).toEqual([]);
    // The Apps Script server code holds no address at all: Apps Script's own services only.
    expect(built.find((b) => b.file === 'sheets-addon/Code.js')!.text).not.toMatch(/https?:\/\//);
  });

  it('the network functions in the code are exactly those the paper lists', () => {
    const used = Object.entries(NETWORK_APIS).filter(([, re]) => built.some((b) => re.test(b.text))).map(([name]) => name);
    expect(tableKeys('### Nätverksfunktioner i koden').sort()).toEqual(used.sort());
    // The paper names the ones that are not used, so a reader sees they were looked for.
    for (const name of Object.keys(NETWORK_APIS).filter((n) => !used.includes(n))) expect(PAPER).toContain(`\`${name}\``);
  });

  it('only the pages load scripts, and only office.js and their own files', () => {
    for (const { file, text } of built.filter((b) => b.file.endsWith('.html'))) {
      for (const m of text.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) {
        expect([file, m[1]]).toEqual([file, expect.stringMatching(/^(https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js|[\w.-]+\.js)$/)]);
      }
    }
  });
});

describe('docs/integritet.md lists the sheets that hold personal data', () => {
  it('as the report code marks them (SheetBuilder’s personalData flag)', () => {
    const declared = new Map<string, boolean>();
    for (const f of readdirSync(`${root}core/report`).filter((f) => f.endsWith('.ts') && !f.includes('.test.'))) {
      for (const m of readFileSync(`${root}core/report/${f}`, 'utf8').matchAll(/new SheetBuilder\('(\w+)', [^,]+, (true|false)\)/g)) declared.set(m[1], m[2] === 'true');
    }
    expect(declared.size).toBeGreaterThanOrEqual(7);
    const at = PAPER.indexOf('## Blad som Skolanalys skapar');
    const rows = PAPER.slice(at).split('\n').filter((l) => /^\| [A-ZÅÄÖ]/.test(l) && !l.startsWith('| Blad'));
    const paper = new Map(rows.map((l) => { const c = l.split('|').map((x) => x.trim()); return [c[1], c[2] === 'ja'] as const; }));
    const code = new Map([...declared].map(([key, personal]) => [t('sv', `report.sheet.${key}`), personal]));
    // Every generated sheet (and its personalData flag) must be in the table under
    // "## Blad som Skolanalys skapar" in docs/integritet.md, saying whether it holds personal data.
    // (The table may name a sheet a report does not make yet; never the other way round.)
    const inPaper = new Map([...code].map(([name]) => [name, paper.get(name)]));
    expect(inPaper, 'docs/integritet.md "Blad som Skolanalys skapar" vs new SheetBuilder(…, personalData) in core/report').toEqual(code);
  });
});
