/**
 * The playground: the real panel over a MemoryHost holding the demo workbook. `?now=2026-06-15`
 * fixes today's date (tests), `?lang=en` the language, `?host=sheets` shows the Sheets prefixes.
 */
import { mountPanel } from '../mount';
import { MemoryHost, reviveWorkbook, type MemoryWorkbook } from '../memory-host';
// Replaced at build time by the demo workbook as JSON (see ui/build.mjs).
import workbookJson from 'skolanalys:workbook';

declare global {
  interface Window {
    __skolanalysHost?: MemoryHost;
  }
}

const params = new URLSearchParams(location.search);
const kind = params.get('host') === 'sheets' ? 'sheets' : params.get('host') === 'excel' ? 'excel' : 'memory';
const host = new MemoryHost(reviveWorkbook(workbookJson as MemoryWorkbook), { kind });
host.delayMs = Number(params.get('delay') ?? 150);
window.__skolanalysHost = host;
const fixed = params.get('now');
const lang = params.get('lang') === 'en' ? 'en' : 'sv';
const root = document.getElementById('root');
if (root) mountPanel(root, host, { lang, ...(fixed ? { now: () => new Date(`${fixed}T12:00:00Z`) } : {}) });
