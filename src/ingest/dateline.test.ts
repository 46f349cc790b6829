import { describe, expect, it } from 'vitest';
import { findDateline } from './dateline.js';

describe('findDateline', () => {
  it.each([
    ['TEHRAN -- Albania, which', 'TEHRAN --', 'TEHRAN', null],
    ['TEHRAN (Tasnim) – The Iranian', 'TEHRAN (Tasnim) –', 'TEHRAN', 'Tasnim'],
    ['NEW YORK (AP) — Stocks fell', 'NEW YORK (AP) —', 'NEW YORK', 'AP'],
    ['LONDON, Sept 7 (Reuters) - Britain said', 'LONDON, Sept 7 (Reuters) -', 'LONDON', 'Reuters'],
    ['Washington (CNN) — The Senate', 'Washington (CNN) —', 'Washington', 'CNN'],
    ['PARIS: The strike', 'PARIS:', 'PARIS', null],
    ['NORVALE, 13 October (ORTV) - Ostrevia', 'NORVALE, 13 October (ORTV) -', 'NORVALE', 'ORTV'],
    ['NORVALE, Oct. 7 (TPA) – Police', 'NORVALE, Oct. 7 (TPA) –', 'NORVALE', 'TPA'],
  ])('%s', (text, dl, place, agency) => {
    expect(findDateline(text)).toEqual({ text: dl, place, agency, span: { start: 0, end: dl.length } });
  });

  it.each([
    'The minister said - nothing.',
    'Albania, which has hosted the group, said',
    'I - the undersigned - declare',
    'US officials said on Monday',
    '',
  ])('no dateline in: %s', (text) => expect(findDateline(text)).toBeNull());
});
