/**
 * The Sheets add-on does not go to the network (docs/decisions.md, "Jämförelsetal i Google Kalkylark"):
 * no external_request scope in the manifest, no UrlFetchApp in the server code, and the sidebar's host
 * has no fetchText, so the pane offers the Kolada address to open in the browser instead.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SheetsHost } from './sheets-host';

const root = new URL('..', import.meta.url).pathname;

describe('Sheets add-on: no network', () => {
  it('asks for no scope to reach external services and calls no UrlFetchApp', () => {
    const manifest = JSON.parse(readFileSync(`${root}sheets-addon/appsscript.json`, 'utf8')) as { oauthScopes: string[] };
    expect(manifest.oauthScopes.filter((s) => /external_request/.test(s))).toEqual([]);
    for (const f of ['server.ts', 'executor.ts', 'formula.ts', 'wire.ts']) expect([f, /UrlFetchApp/.test(readFileSync(`${root}sheets-addon/${f}`, 'utf8'))]).toEqual([f, false]);
  });
  it('the sidebar host has no fetchText', () => {
    expect('fetchText' in SheetsHost.prototype).toBe(false);
  });
});
