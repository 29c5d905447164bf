/**
 * The one page of the shared runtime: registers the custom functions at load (Excel calls them
 * even while the pane is closed) and mounts the shared panel over ExcelHost when Office is ready.
 */
import { mountPanel } from '../ui/mount';
import { officeLang, registerFunctions } from './functions';
import { ExcelHost } from './host';

registerFunctions();

Office.onReady(() => {
  const root = document.getElementById('root');
  if (root) mountPanel(root, new ExcelHost(), { lang: officeLang() });
});
