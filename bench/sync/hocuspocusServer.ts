// Hocuspocus 4 as the benchmark runs it: its own Server (crossws over a bundled `ws`), stock
// configuration, no extensions (so no persistence) and no onAuthenticate hook (any token passes).
import { Server } from '@hocuspocus/server';
import { serveProbes } from './childProbe.ts';

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
});
await server.listen();
serveProbes(`http://127.0.0.1:${server.address.port}`);
