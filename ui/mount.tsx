/**
 * The one entry the hosts call: the Excel task pane, the Sheets sidebar and the playground each
 * pass their root element and their Host.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../core/types';
import type { Host } from './host';
import { App } from './App';

export function mountPanel(root: HTMLElement, host: Host, opts: { lang?: Lang; now?: () => Date } = {}): void {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} lang={opts.lang} now={opts.now} />
    </FluentProvider>,
  );
}
