/** The report's stylesheet, inlined into the page (the CSP allows inline styles and nothing else). */
export const REPORT_CSS = `
:root { --ink: #1d232b; --muted: #5b6572; --line: #d8dde3; --bg: #fff; --accent: #1f5f99; --conflict: #a4262c; --agree: #2e6b3a; --mark: #fff0b3; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 2rem 4rem; font: 15px/1.5 Georgia, 'Times New Roman', serif; color: var(--ink); background: var(--bg); }
h1, h2, h3, h4, nav, table, .meta, .badge, figcaption, .where { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; }
h1 { font-size: 1.7rem; margin: 2.5rem 0 .5rem; border-bottom: 2px solid var(--ink); }
h2 { font-size: 1.35rem; margin: 2rem 0 .25rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .4rem; color: var(--accent); }
h4 { font-size: .95rem; margin: 1rem 0 .3rem; }
header h1 { margin-top: 0; }
.meta, .muted, .none { color: var(--muted); }
.neutral { border-left: 3px solid var(--accent); padding-left: .75rem; }
nav ol { padding-left: 1.2rem; }
section.story { border-top: 1px solid var(--line); padding-top: .5rem; }
table { width: 100%; border-collapse: collapse; font-size: .85rem; margin: .25rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
th { background: #f3f5f7; }
q { quotes: '“' '”'; }
code { font-size: .85em; }
.where { font-size: .75rem; color: var(--muted); white-space: nowrap; }
.badge { display: inline-block; font-size: .7rem; padding: .05rem .4rem; border-radius: .6rem; border: 1px solid var(--line); color: var(--muted); vertical-align: middle; }
.badge.conflict { color: #fff; background: var(--conflict); border-color: var(--conflict); }
.badge.agree { color: var(--agree); border-color: var(--agree); }
.badge.first { color: var(--accent); border-color: var(--accent); }
.claim-group.is-conflict { border-left: 3px solid var(--conflict); padding-left: .75rem; }
figure.pair { margin: .75rem 0 1.25rem; }
figcaption { font-size: .8rem; color: var(--muted); margin-bottom: .25rem; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.sides > div { border: 1px solid var(--line); padding: .5rem .75rem; }
.sides p { margin: .25rem 0 0; }
mark { background: var(--mark); }
del { background: #fde2e1; text-decoration: line-through; }
ins { background: #dff3e2; text-decoration: none; border-bottom: 1px solid var(--agree); }
ul.why, ul.evidence { margin: .25rem 0; padding-left: 1.2rem; }
@media print { body { max-width: none; padding: 0; font-size: 10pt; } nav { display: none; } section.story { break-before: page; } .sides { grid-template-columns: 1fr 1fr; } }
`;
