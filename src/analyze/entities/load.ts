import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type NerModel, decodeModel } from './model.js';

export const NER_MODEL_ID = 'ner-conll';
const FILE = join('models', `${NER_MODEL_ID}.bin.gz`);

/** The package root: the nearest directory above this module holding the model file (src/ or dist/src/). */
export function nerModelPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const p = join(dir, FILE);
    if (existsSync(p)) return p;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`NER model ${FILE} not found above ${dirname(fileURLToPath(import.meta.url))}: run npm run train:ner`);
}

let cached: NerModel | null = null;
let loadMs = 0;

/** The NER model, read and decoded once per process on first use. */
export function loadNerModel(): NerModel {
  if (cached === null) {
    const t0 = performance.now();
    cached = decodeModel(readFileSync(nerModelPath()));
    loadMs = performance.now() - t0;
  }
  return cached;
}

/** Milliseconds the first load took (0 before it). */
export function nerModelLoadMs(): number {
  return loadMs;
}
