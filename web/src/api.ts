import { useEffect, useState } from 'react';

/** Shapes of the JSON API (see /api/openapi.json). */
export interface Published {
  value: string;
  precision: string;
  source: string;
  raw: string | null;
  why?: string;
}
export interface ArticleSummary {
  id: string;
  source: string;
  format: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: Published | null;
  language: string | null;
  chars: number;
  snippet?: string;
}
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
export interface Span {
  start: number;
  end: number;
}
export interface Note {
  code: string;
  message: string;
  by: string;
  span?: Span;
}
export interface Finding {
  id: string;
  articleId: string;
  stage: string;
  stageVersion: number;
  kind: string;
  span: Span;
  text: string;
  rule: string;
  data: unknown;
}
export interface FindingCount {
  stage: string;
  kind: string;
  findings: number;
}
export interface Stats {
  articles: number;
  outlets: number;
  findings: number;
  failures: number;
  byFormat: Record<string, number>;
  findingsByKind: FindingCount[];
}
export interface Outlet {
  name: string | null;
  articles: number;
  first: string | null;
  last: string | null;
}
export interface ArticleView {
  article: ArticleSummary & { byline: string | null; text: string; notes: Note[]; meta: Record<string, string>; encoding: string; dateline: { text: string } | null; raw: { bytes: number; sha256: string } };
  sources: string[];
  analysis: { stage: string; version: number; notes: Note[] }[];
  findingCounts: FindingCount[];
}
export interface ArticlesOverTime {
  bucket: 'day' | 'month';
  buckets: { bucket: string; articles: number }[];
  undated: number;
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  if (!res.ok || body === null) throw new Error(body?.error?.message ?? `${res.status} ${res.statusText}`);
  return body;
}

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; data: T };

/** Send JSON (POST, DELETE) and read the JSON answer (null for 204); errors carry the API's message. */
export async function sendJson<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<T | null> {
  const res = await fetch(path, { method, headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (res.status === 204) return null;
  const answer = (await res.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  if (!res.ok) throw new Error(answer?.error?.message ?? `${res.status} ${res.statusText}`);
  return answer;
}

/** Fetch `path` whenever it (or `version`, bumped to reload) changes; the last request wins. */
export function useApi<T>(path: string | null, version = 0): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setLoaded({ state: 'loading' });
    getJson<T>(path).then(
      (data) => live && setLoaded({ state: 'ok', data }),
      (e: unknown) => live && setLoaded({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [path, version]);
  return loaded;
}
