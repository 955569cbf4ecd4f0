import { startServer } from '../../server/server.ts';
import { rawClient } from './clients.ts';
const s = await startServer({ port: 0, host: '127.0.0.1', dataDir: '/tmp/dbgdata' + Date.now(), logLevel: 'warn' });
const res = await fetch(`${s.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x' }) });
const { id, tokens } = await res.json() as any;
const ws = s.url.replace(/^http/, 'ws');
const address = { protocol: 'y-websocket' as const, socketUrl: `${ws}/sync/${id}?token=${encodeURIComponent(tokens.participant)}`, providerBase: '', room: id, docName: id, token: tokens.participant };
const sender = rawClient({ address });
await sender.synced;
const r = rawClient({ address, onStamp: (a, b) => console.log('stamp', b - a) });
await r.synced;
console.log('synced');
for (let i = 0; i < 3; i++) { sender.send!(); await new Promise(r => setTimeout(r, 50)); }
console.log(s.counters);
process.exit(0);
