// The reference y-websocket server (@y/websocket-server 0.1.1, the last release for Yjs 13) as the
// benchmark runs it: its own setupWSConnection on a plain http server, as its bin script does, with
// no persistence (YPERSISTENCE unset) and no authentication. The WebSocket library is the project's
// `ws` 8 (the same as ours); the package's bin would pick its optional `ws` 6.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { serveProbes } from './childProbe.ts';

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('okay');
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  serveProbes(`http://127.0.0.1:${port}`);
});
