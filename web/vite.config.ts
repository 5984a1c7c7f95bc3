import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './precompress';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The dashboard: built into web/dist, served by the API process at /. */
export default defineConfig({
  root,
  base: '/',
  plugins: [precompress(`${root}dist`)],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Pages and charts load on demand; the shell stays small.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // React Server Components markers in libraries mean nothing in a client-only bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/s': 'http://127.0.0.1:3000' } },
});
