import type { SourceFile } from '../../src/ingest/reader.js';

/** A SourceFile held in memory, streamed in small chunks so that readers meet records cut across chunks. */
export function memoryFile(path: string, content: string | Uint8Array, chunk = 13): SourceFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    path,
    size: bytes.length,
    head: bytes.subarray(0, 8192),
    bytes: async () => bytes,
    stream: async function* () {
      for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
    },
  };
}
