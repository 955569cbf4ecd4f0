// Builds the web client from client/ into dist/client, which the server serves. In development
// `npx vite` proxies the API and the sync socket to a server started on port 1234.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const devServer = 'http://127.0.0.1:1234';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
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
