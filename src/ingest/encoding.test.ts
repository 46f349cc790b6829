import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, normalizeLabel } from './encoding.js';

const enc = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
// windows-1256 bytes for "سلام دنیا" (Arabic script, as Persian outlets serve it).
const cp1256 = new Uint8Array([0xd3, 0xe1, 0xc7, 0xe3, 0x20, 0xcf, 0xe4, 0xed, 0xc7]);

describe('decodeBytes', () => {
  it.each([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Café')]), null, 'Café', 'utf-8'],
    ['UTF-8 without BOM', enc('Café “quoted”'), null, 'Café “quoted”', 'utf-8'],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...utf16le('Hello world')]), null, 'Hello world', 'utf-16le'],
    ['UTF-16LE without BOM', utf16le('Hello there, world'), null, 'Hello there, world', 'utf-16le'],
    ['windows-1256 declared', cp1256, 'windows-1256', 'سلام دنيا', 'windows-1256'],
    ['declared latin1 read as windows-1252', new Uint8Array([0x93, 0x41, 0x94]), 'iso-8859-1', '“A”', 'windows-1252'],
    ['declared but bytes are UTF-8', enc('naïve'), 'windows-1252', 'naïve', 'utf-8'],
  ])('%s', (_name, bytes, declared, text, encoding) => {
    const d = decodeBytes(bytes, declared);
    expect(d.text).toBe(text);
    expect(d.encoding).toBe(encoding);
  });

  it('guesses a legacy encoding for invalid UTF-8 and says so in a note', () => {
    const koi8 = new Uint8Array(Buffer.from('d0d2c1d7c9d4c5ccd8d3d4d7cf20d2c5dbc9cccf20d0d2cfc4cfccd6c9d4d820d0c5d2c5c7cfd7cfd2d920d3cf20d3d4cfd2cfcecfca', 'hex'));
    const d = decodeBytes(koi8);
    expect(d.encoding).toBe('koi8-r');
    expect(d.text).toMatch(/^правительство решило/);
    expect(d.notes[0]!.code).toBe('encoding-guessed');
  });

  it('never throws, whatever the bytes and the declared label', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.option(fc.string({ maxLength: 12 })), (bytes, label) => {
        expect(typeof decodeBytes(bytes, label).text).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalizeLabel', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['"latin1"', 'windows-1252'],
    ['cp1256', 'windows-1256'],
    ['x-unknown', null],
    ['', null],
  ])('%s -> %s', (label, out) => expect(normalizeLabel(label)).toBe(out));
});
