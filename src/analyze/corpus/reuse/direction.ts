import type { ReuseDirection } from './types.js';

/**
 * Who published first, from ISO publish values truncated to their precision ('2022-09-07T21:25',
 * '2022-09-07', '2022-09', '2022'). Both are compared at the coarser precision: '2022-09' vs '2022-09-07' is
 * a tie (unknown), '2022-08' vs '2022-09-07' is not. Offsets from UTC are not known here, so minute values
 * are compared as written.
 */
export function directionOf(aId: string, aPublished: string | null, bId: string, bPublished: string | null): ReuseDirection {
  if (!aPublished || !bPublished) return { earlier: null, basis: 'unknown' };
  const len = Math.min(aPublished.length, bPublished.length);
  const x = aPublished.slice(0, len);
  const y = bPublished.slice(0, len);
  if (x === y) return { earlier: null, basis: 'unknown' };
  return { earlier: x < y ? aId : bId, basis: 'publish-date' };
}
