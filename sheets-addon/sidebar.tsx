/** The Sheets sidebar: the shared panel over google.script.run. */
import { mountPanel } from '../ui/mount';
import { SheetsHost } from './sheets-host';

const root = document.getElementById('root');
if (root) mountPanel(root, new SheetsHost());
