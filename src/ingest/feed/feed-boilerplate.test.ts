import { describe, expect, it } from 'vitest';
import { trimFeedBoilerplate } from './feed-boilerplate.js';

const BODY = 'The council voted on Tuesday to close the bridge.';

describe('trimFeedBoilerplate', () => {
  it.each([
    [`${BODY}\n\nContinue reading...`, BODY],
    [`${BODY}\n\nRead more »`, BODY],
    [`${BODY}\n\nRead the full story at example.org`, BODY],
    [`${BODY}\n\nThe post Bridge closed appeared first on Example News.`, BODY],
    [`${BODY}\n\n[…]`, BODY],
    [`${BODY}\n\nLeia mais`, BODY],
    [`${BODY}\n\nWeiterlesen`, BODY],
    [`${BODY}\n\nRelated: Bridge repairs delayed again\n\nIt will reopen in May.`, `${BODY}\n\nIt will reopen in May.`],
    [`${BODY}\n\nRelated: Bridge repairs delayed again\n\nContinue reading...`, BODY],
  ])('removes feed trailers: %j', (input, expected) => {
    expect(trimFeedBoilerplate(input)).toBe(expected);
  });

  it.each([
    [BODY],
    ['Continue reading...'], // the only paragraph: kept (it is all there is)
    [`${BODY}\n\nContinue reading the report, the minister told lawmakers on Monday.`],
    [`${BODY}\n\nShe said people should read more about the plan.`],
    [`${BODY}\n\nThe post office will close at noon.`],
  ])('keeps article text: %j', (input) => {
    expect(trimFeedBoilerplate(input)).toBe(input);
  });
});
