// Builds the web client from client/ into dist/client, which the server serves. In development
// `npx vite` proxies the API and the sync socket to a server started on port 1234.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { inlineCodeIn } from './scripts/inlineCode.ts';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const devServer = 'http://127.0.0.1:1234';

/** Fails the build if the page has inline code, which the server's CSP would block. */
const noInlineCode: Plugin = {
  name: 'no-inline-code',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html) {
      const found = inlineCodeIn(html);
      if (found.length > 0) throw new Error(`index.html has inline code the CSP blocks:\n${found.join('\n')}`);
    },
  },
};

export default defineConfig({
  root: 'client',
  plugins: [react(), noInlineCode],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // Source maps publish the sources: only when asked for (SOURCEMAPS=1 npm run build).
    sourcemap: process.env.SOURCEMAPS === '1',
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'konva', test: /node_modules[\\/](konva|react-konva|react-reconciler|its-fine)[\\/]/ },
            { name: 'yjs', test: /node_modules[\\/](yjs|y-websocket|y-indexeddb|y-protocols|lib0)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // The client imports the shared model and catalogue from outside its root.
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': { target: devServer },
      // Only the WebSocket goes to the server: plain requests under /sync are the client's own
      // modules (client/sync/*.ts), served by Vite.
      '/sync': { target: devServer, ws: true, bypass: (req, res) => (res ? req.url : undefined) },
    },
  },
});
