/**
 * The one version of Skolanalys, read from package.json when a bundle is built (esbuild takes
 * only this field): the Excel manifest, the Apps Script bundle and the pane's "Om" view show it.
 * @example VERSION // '0.2.0'
 */
export { version as VERSION } from '../package.json';
