import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { About } from './About';

// The one version: package.json's, the same the manifest and Code.js carry.
const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

describe('About ("Om Skolanalys")', () => {
  it('shows package.json’s version and the host, in Swedish and English', () => {
    const sv = renderToStaticMarkup(<About lang="sv" kind="excel" />);
    expect(sv).toContain(`Om Skolanalys ${version}`);
    expect(sv).toContain(`Skolanalys ${version} för Excel.`);
    expect(sv).toContain('skickar inga uppgifter');
    // Where the pane can fetch from Kolada, the one exception is named; Sheets cannot.
    expect(renderToStaticMarkup(<About lang="sv" kind="excel" fetches />)).toContain('Det enda undantaget väljer du själv: Hämta från Kolada');
    expect(sv).not.toContain('Kolada');
    const en = renderToStaticMarkup(<About lang="en" kind="sheets" />);
    expect(en).toContain(`About Skolanalys ${version}`);
    expect(en).toContain(`Skolanalys ${version} for Google Sheets.`);
  });
  it('is closed until asked (one line at the foot of the pane)', () => {
    expect(renderToStaticMarkup(<About lang="sv" kind="memory" />)).toMatch(/^<details [^>]*data-testid="about"(?![^>]*open)/);
  });
});
