/*
 * Page furniture removed before the main-text extraction: navigation, sidebars, share bars, captions,
 * related-article lists, hidden pop-ups. Readability scores what is left; without these, its chosen
 * subtree carries less that is not the article. A named block is removed only when it is small next to
 * the page text, so that a wrongly named article container is never lost.
 */

const DROP_NAMES = new RegExp(
  String.raw`(?:^|[\s_-])(?:share|sharing|social|related|newsletter|promo|advert|advertisement|ads?|caption|credits?|breadcrumbs?|tags|comments?|cookies?|subscribe|subscription|recommend(?:ed|ations)?|popular|trending|most-?read|sidebar|rollover|tooltip|popup|modal|sr-only|visually-?hidden|screen-?reader|print-only|byline|author-?info|timestamp|read-?more|more-?stories|also-?like|outbrain|taboola)(?:[\s_-]|$)`,
  'i',
);

const KEEP_TAGS = new Set(['article', 'main', 'body', 'a', 'strong', 'em', 'b', 'i', 'u', 'abbr', 'cite', 'q', 'time']);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Characters of paragraph text under an element: an article container has many, furniture few. */
function proseLength(el: Element): number {
  // One walk for the <p>, <a> and <br> descendants (linkedom walks the subtree once per query).
  const ps: Element[] = [];
  const as: Element[] = [];
  let brs = 0;
  for (const e of Array.from(el.querySelectorAll('*'))) {
    const tag = e.localName.toLowerCase();
    if (tag === 'p') ps.push(e);
    else if (tag === 'a') as.push(e);
    else if (tag === 'br') brs++;
  }
  let n = 0;
  for (const p of ps) {
    const t = p.textContent ?? '';
    if (t.length > 80) n += t.length;
  }
  if (n >= 200) return n;
  // Pages that write paragraphs as <br>-separated text in a <div>: count the text outside links.
  let links = 0;
  for (const a of as) links += (a.textContent ?? '').length;
  const plain = (el.textContent ?? '').replace(/\s+/g, ' ').length - links;
  return brs >= 3 && plain > 400 ? plain : n;
}

/** With [hidden], [aria-hidden="true"], [role="navigation"], [role="complementary"]: furniture by its tag or role. */
const DROP_TAG_NAMES = new Set(['nav', 'aside', 'footer', 'button', 'figcaption', 'dialog']);

/** Matches DROP_TAGS (tag names in any case, attribute values exactly), without compiling the selector. */
function isDropTag(el: Element): boolean {
  if (DROP_TAG_NAMES.has(el.localName.toLowerCase())) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  return role === 'navigation' || role === 'complementary';
}

/** el.querySelector(`:scope > ${tag}`) !== null. */
function hasChild(el: Element, tag: string): boolean {
  for (const c of Array.from(el.children)) if (c.localName.toLowerCase() === tag) return true;
  return false;
}

/** el.closest('p') !== null, without compiling a selector for every element. */
function inParagraph(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (e.localName.toLowerCase() === 'p') return true;
  return false;
}

export function dropBoilerplate(document: Document): void {
  const body = document.body;
  if (!body) return;
  const total = (body.textContent ?? '').length;
  const small = (el: Element): boolean => (el.textContent ?? '').length < Math.max(400, total * 0.2) && proseLength(el) < 200;
  // Plain walks over the elements: linkedom compiles a selector for every query and every closest().
  const all = Array.from(body.querySelectorAll('*'));
  for (const el of all.filter(isDropTag)) {
    if (el.isConnected && small(el)) el.remove();
  }
  // Innermost first: a pop-up card inside a link's wrapper goes before the wrapper is looked at.
  // Nothing is added above, so the elements still connected are what a fresh query would find now.
  const named = all.filter((e) => e.hasAttributes() && (e.hasAttribute('class') || e.hasAttribute('id') || e.hasAttribute('style')));
  for (const el of named.reverse()) {
    if (!el.isConnected) continue;
    const tag = el.tagName.toLowerCase();
    // Containers of the article, and inline words of a sentence (a link's class names its widget, not its text).
    if (KEEP_TAGS.has(tag)) continue;
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!DROP_NAMES.test(name) && !HIDDEN_STYLE.test(el.getAttribute('style') ?? '')) continue;
    if (inParagraph(el) && hasChild(el, 'a')) continue;
    if (small(el)) el.remove();
  }
}
