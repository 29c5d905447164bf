import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, parseDelimited } from './text';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, stripping the BOM', () => {
    expect(decodeText(utf8('Åsa;Ölund'))).toEqual({ text: 'Åsa;Ölund', encoding: 'utf-8' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Åsa')]);
    expect(decodeText(withBom)).toEqual({ text: 'Åsa', encoding: 'utf-8-bom' });
  });
  it('falls back to windows-1252 for å ä ö written by Windows programs', () => {
    // windows-1252: å=E5, ä=E4, ö=F6, Ö=D6 — invalid as UTF-8 on their own.
    const bytes = new Uint8Array([0xc5, 0x73, 0x61, 0x3b, 0xe4, 0x3b, 0xf6, 0x3b, 0xd6]);
    expect(decodeText(bytes)).toEqual({ text: 'Åsa;ä;ö;Ö', encoding: 'windows-1252' });
  });
  it('reads an empty file as empty UTF-8', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('detectDelimiter', () => {
  it('finds semicolon, tab and comma', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('Namn,Sv\n"Berg, Ann",A')).toBe(',');
  });
  it('is not fooled by commas inside semicolon fields', () => {
    expect(detectDelimiter('Namn;Sv;En\nBerg, Ann;A;B\nLund, Bo;C;D')).toBe(';');
  });
  it('defaults to semicolon for one column', () => {
    expect(detectDelimiter('abc\ndef')).toBe(';');
  });
});

describe('parseDelimited', () => {
  it('handles RFC 4180 quotes, CRLF and the trailing line', () => {
    expect(parseDelimited('a;"b;c"\r\n1;"2""x"\r\n')).toEqual([['a', 'b;c'], ['1', '2"x']]);
  });
  it('keeps line breaks inside quotes and empty fields', () => {
    expect(parseDelimited('"x\ny";;z\n;;\n', ';')).toEqual([['x\ny', '', 'z'], ['', '', '']]);
  });
  it('keeps a trailing empty field at end of file', () => {
    expect(parseDelimited('a;', ';')).toEqual([['a', '']]);
    expect(parseDelimited('"a";', ';')).toEqual([['a', '']]);
  });
  it('unquoted fast path: LF and CRLF give the same rows', () => {
    expect(parseDelimited('a;b\r\nc;d\r\n', ';')).toEqual(parseDelimited('a;b\nc;d', ';'));
    expect(parseDelimited('a;b\nc;d', ';')).toEqual([['a', 'b'], ['c', 'd']]);
  });
  it('an unclosed quote keeps the rest instead of dropping it', () => {
    expect(parseDelimited('a;"b;c', ';')).toEqual([['a', 'b;c']]);
  });
  it('empty text is no rows', () => {
    expect(parseDelimited('', ';')).toEqual([]);
  });
});

describe('parseDelimited line endings', () => {
  it('mixed CRLF and LF lines, and a lone CR at the end of a CRLF file', () => {
    expect(parseDelimited('a;b\r\nc;d\ne;f\r\n', ';')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
    expect(parseDelimited('a;b\r\nc;d\r', ';')).toEqual([['a', 'b'], ['c', 'd']]);
  });
});
