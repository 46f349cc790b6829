import { useEffect, useState } from 'react';
import { useApi, type Page } from '../api.js';
import type { Actor } from '../corpus-types.js';
import { withParams } from '../router.js';

const labelOf = (a: Actor) => `${a.name} (${a.type})`;

/**
 * A text field that suggests actors as one types (ten at a time from the API, never the whole list) and
 * reports the chosen actor's id; an empty field clears the filter.
 */
export function ActorPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const chosen = useApi<{ actor: Actor }>(value ? `/api/actors/${encodeURIComponent(value)}` : null);
  const [text, setText] = useState('');
  const [typed, setTyped] = useState('');
  useEffect(() => {
    if (!value) setText('');
    else if (chosen.state === 'ok') setText(labelOf(chosen.data.actor));
  }, [value, chosen.state]);
  const suggestions = useApi<Page<Actor>>(typed.length >= 2 ? `/api/actors${withParams('', { q: typed, limit: 10 })}` : null);
  const options = typed.length >= 2 && suggestions.state === 'ok' ? suggestions.data.items : [];
  // A label typed or picked from the list names its actor as soon as the suggestions that hold it arrive.
  useEffect(() => {
    const hit = options.find((a) => labelOf(a) === text);
    if (hit && hit.id !== value) onChange(hit.id);
  }, [options, text]);
  const change = (next: string) => {
    setText(next);
    setTyped(next.replace(/ \((PER|ORG|LOC|MISC)\)$/, ''));
    if (next.trim() === '') onChange('');
  };
  return (
    <label>
      Actor
      <input name="actor" list="actor-names" value={text} placeholder="any actor" autoComplete="off" onChange={(e) => change(e.target.value)} />
      <datalist id="actor-names">
        {options.map((a) => (
          <option key={a.id} value={labelOf(a)}>
            {`${a.mentions} mention(s)`}
          </option>
        ))}
      </datalist>
    </label>
  );
}
