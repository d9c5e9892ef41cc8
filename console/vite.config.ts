/**
 * The web console: `vite build --config console/vite.config.ts` writes console/dist, which
 * `teken serve` serves at `/` (src/http/routes/console-routes.ts). For development,
 * `npx vite --config console/vite.config.ts` proxies the API to a `teken serve` on port 3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inlined assets: the console's CSP is default-src 'self' (images may be data: URLs only).
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
