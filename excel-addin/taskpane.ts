/**
 * The one page of the shared runtime: registers the custom functions at load (Excel calls them
 * even while the pane is closed) and mounts the shared panel over ExcelHost when Office is ready.
 * Opened anywhere else (a browser, or office.js missing) it says how to open it in Excel instead.
 */
import { mountPanel } from '../ui/mount';
import { officeLang, registerFunctions } from './functions';
import { ExcelHost } from './host';
import { t } from '../core/i18n';
import type { Lang } from '../core/types';

/** Where the built folder keeps the playground (excel-addin/build.mjs copies it there). */
export const PLAYGROUND_HREF = 'playground/index.html';

registerFunctions();

const root = document.getElementById('root');
if (root) {
  if (typeof Office !== 'undefined') {
    // Outside Office the real office.js still calls back, with host null: no Excel to talk to.
    Office.onReady((info) => {
      if (info && info.host) mountPanel(root, new ExcelHost(), { lang: officeLang() });
      else showOutsideOffice(root, true);
    });
  } else {
    showOutsideOffice(root, false); // office.js could not load from Microsoft's CDN
  }
}

/** One message: this pane runs in Excel, how to open it there, and the playground link. */
function showOutsideOffice(root: HTMLElement, officeJsLoaded: boolean): void {
  const lang: Lang = /^en\b/i.test(typeof navigator !== 'undefined' ? navigator.language ?? '' : '') ? 'en' : 'sv';
  document.documentElement.lang = lang;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text: string, style = ''): HTMLElementTagNameMap[K] => {
    const e = document.createElement(tag);
    e.textContent = text;
    if (style) e.setAttribute('style', style);
    return e;
  };
  const box = document.createElement('main');
  box.setAttribute('role', 'status');
  box.setAttribute('style', 'font: 14px/1.45 "Segoe UI", system-ui, sans-serif; color: #242424; padding: 16px; max-width: 36em;');
  box.append(el('h1', t(lang, 'functions.excel.outside.title'), 'font-size: 20px; margin: 0 0 8px;'), el('p', t(lang, 'functions.excel.outside.body')), el('p', t(lang, 'functions.excel.outside.steps')));
  if (!officeJsLoaded) box.append(el('p', t(lang, 'functions.excel.noOffice')));
  const p = el('p', `${t(lang, 'functions.excel.outside.playground')} `);
  const a = el('a', t(lang, 'functions.excel.outside.playgroundLink'), 'color: #0f6cbd;');
  a.href = PLAYGROUND_HREF;
  p.append(a);
  box.append(p);
  root.replaceChildren(box);
}
