/**
 * The one page of the shared runtime: registers the custom functions at load (Excel calls them
 * even while the pane is closed) and mounts the shared panel over ExcelHost when Office is ready.
 */
import { mountPanel } from '../ui/mount';
import { officeLang, registerFunctions } from './functions';
import { ExcelHost } from './host';
import { t } from '../core/i18n';

registerFunctions();

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    const root = document.getElementById('root');
    if (root) mountPanel(root, new ExcelHost(), { lang: officeLang() });
  });
} else {
  // Opened outside Office (or office.js could not load from the CDN): say so instead of failing.
  const root = document.getElementById('root');
  if (root) root.textContent = `${t('sv', 'functions.excel.noOffice')} / ${t('en', 'functions.excel.noOffice')}`;
}
