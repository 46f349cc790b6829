import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHeaderLine } from './header-lines.js';
import { parseNewsText } from './reader.js';

describe('readHeaderLine', () => {
  it.each([
    ['example.com', { field: 'outlet', value: 'example.com' }],
    ['www.Daily-News.co.uk', { field: 'outlet', value: 'daily-news.co.uk' }],
    ['News ID: 106685', { field: 'meta', key: 'news-id', value: '106685' }],
    ['Publish Date : 07 September 2022 - 21:25', { field: 'published', value: expect.objectContaining({ value: '2022-09-07T21:25', precision: 'minute' }) }],
    ['Published: 12 May 2025', { field: 'published', value: expect.objectContaining({ value: '2025-05-12', precision: 'day' }) }],
    ['By Jane Doe and John Smith', { field: 'byline', value: 'Jane Doe and John Smith' }],
    ['Source: Coast Wire', { field: 'outlet', value: 'Coast Wire' }],
    ['https://example.org/news/1', { field: 'url', value: 'https://example.org/news/1' }],
  ])('%s', (line, expected) => expect(readHeaderLine(line)).toEqual(expected));

  it.each([
    'The minister said: the talks will go on.',
    'Date: sometime next week',
    '3.14',
    'Note: readers wrote in.',
    'By the time the police arrived, the crowd had gone.',
    'Families of terror victims denounce the deal',
  ])('is not a header line: %s', (line) => expect(readHeaderLine(line)).toBeNull());
});

describe('parseNewsText', () => {
  it('reads header lines, the title, paragraphs, and drops furniture', () => {
    const r = parseNewsText(
      'example.com\r\n\r\nNews ID: 42\r\nPublish Date : 07 September 2022 - 21:25\r\n\r\nPort reopens   \r\n\r\nCITY -- The port reopened.\r\nRead next: Something else entirely\r\nShips came in.\r\n\r\nRelated posts\r\n\r\nOther headline one\r\nOther headline two\r\n',
    );
    expect(r).toMatchObject({ title: 'Port reopens', outlet: 'example.com', meta: { 'news-id': '42' }, published: { value: '2022-09-07T21:25' } });
    expect(r.text).toBe('CITY -- The port reopened.\n\nShips came in.');
    expect(r.notes[0]!.code).toBe('boilerplate-removed');
  });

  it('joins a paragraph broken mid-sentence but keeps short headings apart', () => {
    const r = parseNewsText('Title here\n\nIn 1990 the council asked the ministry to move the market from its site in\n\n \nRiverside, after which it moved.\nMarket history\nThe market is old.');
    expect(r.text).toBe('In 1990 the council asked the ministry to move the market from its site in Riverside, after which it moved.\n\nMarket history\n\nThe market is old.');
  });

  it('takes a long first sentence as body, not title', () => {
    const body = 'The council met on Monday to discuss the long-delayed plan for the harbour, which residents have opposed for more than a decade because of the noise.';
    const r = parseNewsText(`${body}\n\nSecond paragraph.`);
    expect(r.title).toBeNull();
    expect(r.text.startsWith(body)).toBe(true);
  });

  it('never throws and keeps every kept character from the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const r = parseNewsText(s);
        for (const para of r.text.split('\n\n')) for (const word of para.split(/\s+/)) if (word) expect(s.includes(word)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
