// Hocuspocus 4 as the benchmark runs it: its own Server (crossws over a bundled `ws`), stock
// configuration, no extensions (so no persistence) and no onAuthenticate hook (any token passes).
// One change: `timeout` (a socket silent that long is closed) is 5 min instead of 60 s, since the
// bench's raw clients do not renew their awareness state (a stock provider does, every 15 s).
import { Server } from '@hocuspocus/server';
import { serveProbes } from './childProbe.ts';

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  timeout: 300_000,
  stopOnSignals: false,
});
await server.listen();
serveProbes(`http://127.0.0.1:${server.address.port}`);
