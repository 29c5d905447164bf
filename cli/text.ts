/** Bytes of a text export → rows of cells, through core/table/text (encoding and delimiter found there). */
import { decodeText, parseDelimited } from '../core/table/text';

export function readDelimited(bytes: Uint8Array): { rows: string[][]; encoding: string } {
  const { text, encoding } = decodeText(bytes);
  return { rows: parseDelimited(text), encoding };
}
