import { describe, expect, it } from 'vitest';
import { figures, scoreDoc, type TimexScores } from './eval-time.js';
import { parseTimeml } from './timeml.js';

const TML = `<?xml version="1.0" ?><TimeML><DOCID>X</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>
<TEXT>It <EVENT eid="e1">started</EVENT> about <TIMEX3 tid="t1" type="DURATION" value="P1M">a month</TIMEX3> ago &amp; ended <TIMEX3 tid="t3" type="DATE" value="2013-03-22">Friday</TIMEX3>.</TEXT></TimeML>`;

describe('TimeML reader', () => {
  it('strips tags, decodes entities, and keeps gold spans into the raw text', () => {
    const doc = parseTimeml(TML);
    expect(doc.dct).toBe('2013-03-22');
    expect(doc.text).toBe('It started about a month ago & ended Friday.');
    expect(doc.timexes.map((t) => [doc.text.slice(t.start, t.end), t.type, t.value])).toEqual([
      ['a month', 'DURATION', 'P1M'],
      ['Friday', 'DATE', '2013-03-22'],
    ]);
  });
});

describe('TempEval-3 scoring', () => {
  it('counts strict and relaxed matches one to one, and value accuracy on relaxed matches', () => {
    const doc = parseTimeml(TML);
    const s: TimexScores = { gold: 0, system: 0, strictMatched: 0, relaxedMatched: 0, valueCorrect: 0, typeCorrect: 0, dateTimeMatched: 0, dateTimeValueCorrect: 0 };
    const at = (t: string) => doc.text.indexOf(t);
    scoreDoc(doc.timexes, [
      { start: at('a month ago'), end: at('a month ago') + 11, text: 'a month ago', type: 'DATE', value: '2013-02-22' },
      { start: at('Friday'), end: at('Friday') + 6, text: 'Friday', type: 'DATE', value: '2013-03-22' },
      { start: 0, end: 2, text: 'It', type: 'DATE', value: 'PRESENT_REF' },
    ], s);
    const f = figures(s);
    expect([s.strictMatched, s.relaxedMatched, s.valueCorrect, s.typeCorrect]).toEqual([1, 2, 1, 1]);
    expect(f.relaxedP).toBeCloseTo(2 / 3);
    expect(f.relaxedR).toBe(1);
    expect(f.valueF1).toBeCloseTo(0.8 * 0.5);
  });
});
