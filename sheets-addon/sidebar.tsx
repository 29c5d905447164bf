/** The Sheets sidebar: the shared panel over google.script.run. */
import { mountPanel } from '../ui/mount';
import { SheetsHost } from './sheets-host';

const host = new SheetsHost();
// A handle for the browser test and for debugging in the sidebar's console.
(window as unknown as { __skolanalysHost?: SheetsHost }).__skolanalysHost = host;
const root = document.getElementById('root');
if (root) mountPanel(root, host);
