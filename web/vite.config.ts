// Builds the web app into web/dist, which the server serves at / (src/http/web-app.ts).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    // The typed client's sources: the app bundles them, so the client package needs no build of its own first.
    alias: { '@lectern/zoho-lms': new URL('../clients/typescript/src/index.ts', import.meta.url).pathname },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline scripts or styles beyond what the CSP allows: assets are always files.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  // `npm run dev -w web`: the API calls and the consent page go to a Lectern on its default port.
  server: {
    proxy: Object.fromEntries(
      ['/api', '/lectern', '/oauth', '/people'].map((prefix) => [prefix, 'http://127.0.0.1:8080']),
    ),
  },
  logLevel: 'warn',
});
