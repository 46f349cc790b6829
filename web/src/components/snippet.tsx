/** A search snippet with matches between « and », shown as <mark> text (never as HTML). */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/«|»/);
  return (
    <span className="snippet">
      {parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : <span key={i}>{p}</span>))}
    </span>
  );
}
