import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The UI's own config (the repository's vitest.config.ts does not read it). `npm run build:web` writes web/dist,
// which `triangulate serve` serves; `npx vite --config web/vite.config.ts` proxies /api to a running serve.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
