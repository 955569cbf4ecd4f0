// What one hostile connection costs the server, on a real server process: a deeply nested update,
// a 4 MB update with a gap, a 60 MB frame, and a viewer who asks for the whole board again and
// again without reading the answers. Each is refused (or cut off) while /healthz keeps answering
// promptly and the process's memory stays where it was.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard } from '../../shared/model/index.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import { encodeUpdate, mapEntry } from '../support/craftUpdate.ts';
import { updateFrame } from '../support/roomHarness.ts';
import { type ServerProcess, spawnServer } from '../support/serverProcess.ts';
import {
  type CreatedWorkshop,
  connectClient,
  createWorkshop,
  rawSyncSocket,
  whenSynced,
} from '../support/syncClient.ts';
import { sleep, waitFor } from '../support/wait.ts';

/** No step of handling a message may hold the event loop longer than this. */
const STEP_BOUND_S = 0.1;
/** /healthz must answer within this, beyond what the machine's own load costs it (the noise floor). */
const HEALTH_BOUND_MS = 100;
const RSS_BOUND_BYTES = 50 * 1024 * 1024;

let server: ServerProcess;
let dataDir: string;
let workshop: CreatedWorkshop;
/** Someone in the workshop all along: attacks happen in live workshops, whose room is loaded. */
let present: ReturnType<typeof connectClient>;
/** The slowest /healthz answer with nothing else going on, measured first. */
let noiseFloorMs = 0;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-bounded-'));
  server = await spawnServer({ DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  workshop = await createWorkshop(server.url);
  // A board of some size, so that sync answers are worth hoarding (about 1 MB).
  const facilitator = connectClient(server.url, workshop.id, workshop.tokens.facilitator);
  await whenSynced(facilitator);
  facilitator.doc.transact(() => {
    for (let i = 0; i < 1500; i++) {
      addCard(facilitator.doc, {
        kind: 'note',
        x: i,
        y: 0,
        author: { id: 'f', name: 'F', group: 'academia' },
        fields: { text: `note ${i} ${'lorem ipsum '.repeat(40)}` },
      });
    }
  });
  // The facilitator's edits, not the whole state vector: the server writes too (who connected).
  const writer = facilitator.doc.clientID;
  const expected = Y.getState(facilitator.doc.store, writer);
  const check = connectClient(server.url, workshop.id, workshop.tokens.viewer);
  await waitFor(() => Y.getState(check.doc.store, writer) === expected, 'the board stored');
  present = check;
  facilitator.destroy();
  // The board's arrival (storage, compaction) is over before anything is measured.
  await sleep(2000);
}, 120_000);

afterAll(async () => {
  present.destroy();
  server.child.kill('SIGTERM');
  await server.exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function rssBytes(): number {
  const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** A poller in a process of its own, so that the test's own work never delays what it measures. */
const POLLER = `
let worst = 0, stop = false, counting = false;
process.stdin.on('data', (b) => { if (String(b).includes('go')) counting = true; else stop = true; });
(async () => {
  while (!stop) {
    const started = performance.now();
    await (await fetch(process.argv[1] + '/healthz')).arrayBuffer();
    if (counting) worst = Math.max(worst, performance.now() - started);
    await new Promise((r) => setTimeout(r, 10));
  }
  process.stdout.write(String(worst), () => process.exit(0));
})();`;

/** Runs `attack` while /healthz is polled; returns the slowest answer, in ms. */
async function whileWatched(attack: () => Promise<void>): Promise<number> {
  const poller = spawn(process.execPath, ['-e', POLLER, server.url], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  poller.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const done = new Promise<void>((resolve) => poller.once('exit', () => resolve()));
  // Warm: the poller's first requests (its start, a new connection) are not counted.
  await sleep(500);
  poller.stdin.write('go');
  await sleep(100);
  try {
    await attack();
    await sleep(200);
  } finally {
    poller.stdin.write('stop');
    await done;
  }
  return Number(out);
}

/** RSS once it is below `bound`, or after 5 s (the collector returns memory in its own time). */
async function settledRss(bound: number): Promise<number> {
  const until = Date.now() + 5000;
  let rss = rssBytes();
  while (rss >= bound && Date.now() < until) {
    await sleep(250);
    rss = rssBytes();
  }
  return rss;
}

/** How many synchronous steps of message handling have taken longer than STEP_BOUND_S. */
async function slowSteps(): Promise<number> {
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  const value = (labels: string) =>
    Number(new RegExp(`^sdg_message_work_seconds_bucket\\{le="${labels}"\\} (\\d+)$`, 'm').exec(metrics)?.[1]);
  return value('+Inf') - value(String(STEP_BOUND_S));
}

/** Runs an attack and checks what it cost: no slow step, /healthz prompt, memory where it was. */
async function expectBounded(name: string, attack: () => Promise<void>): Promise<void> {
  const rss = rssBytes();
  const slow = await slowSteps();
  let peak = 0;
  const worst = await whileWatched(async () => {
    await attack();
    peak = Math.max(peak, rssBytes() - rss);
  });
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  const loopMax = Number(/^sdg_event_loop_delay_max_seconds (\S+)$/m.exec(metrics)?.[1] ?? Number.NaN) * 1000;
  console.info(
    `bounded: ${name}: /healthz worst ${worst.toFixed(0)} ms, server loop delay max ${loopMax.toFixed(0)} ms, RSS +${(peak / 1048576).toFixed(1)} MB`,
  );
  expect(await slowSteps()).toBe(slow);
  expect(worst).toBeLessThan(HEALTH_BOUND_MS + noiseFloorMs);
  // Where memory is once the attack is over: the peak includes buffers the collector frees later.
  const settled = await settledRss(rss + RSS_BOUND_BYTES);
  console.info(`bounded: ${name}: RSS settled at +${((settled - rss) / 1048576).toFixed(1)} MB`);
  expect(settled - rss).toBeLessThan(RSS_BOUND_BYTES);
}

async function sendAsParticipant(update: Uint8Array): Promise<number> {
  const socket = rawSyncSocket(server.url, workshop.id, workshop.tokens.participant);
  await socket.opened;
  socket.ws.send(updateFrame(update));
  return socket.closed;
}

describe('a hostile connection', () => {
  it('(the noise floor: /healthz with nothing else going on)', async () => {
    noiseFloorMs = await whileWatched(async () => {
      await sleep(1000);
    });
    console.info(`bounded: /healthz worst with no attack: ${noiseFloorMs.toFixed(0)} ms`);
  });

  it('a 36 KB update of deeply nested maps is refused at once', async () => {
    let code = 0;
    const client = 77_000_001;
    const structs = [mapEntry({ client, clock: 0 }, 'cards', 'deep', new Y.ContentType(new Y.Map()))];
    for (let i = 1; i < 6000; i++) {
      structs.push(mapEntry({ client, clock: i }, Y.createID(client, i - 1), 'k', new Y.ContentType(new Y.Map())));
    }
    const update = encodeUpdate([{ client, clock: 0, structs }]);
    expect(update.length).toBeGreaterThan(30_000);
    await expectBounded('36 KB nested update', async () => {
      code = await sendAsParticipant(update);
    });
    expect(code).toBe(CLOSE.conflict);
  });

  it('a 4 MB update with a gap is refused, neither kept nor served to newcomers', async () => {
    const codes: number[] = [];
    // One big text, and 40,000 small entries: both far past what a connection may hold back.
    const updates = [0, 1, 2, 3, 4].map((round) => {
      const client = 77_000_100 + round;
      const structs =
        round % 2
          ? Array.from({ length: 40_000 }, (_, i) =>
              mapEntry({ client, clock: 5_000_000 + i }, 'cards', `k${i}`, new Y.ContentAny([i])),
            )
          : [mapEntry({ client, clock: 10 }, 'cards', 'x', new Y.ContentString('x'.repeat(4_000_000)))];
      return encodeUpdate([{ client, clock: 10, structs }]);
    });
    await expectBounded('4 MB gapped updates', async () => {
      for (const update of updates) codes.push(await sendAsParticipant(update));
    });
    expect(codes.every((c) => c === CLOSE.malformed)).toBe(true);
    const state = await fetch(`${server.url}/api/workshops/${workshop.id}/state`, {
      headers: { authorization: `Bearer ${workshop.tokens.viewer}` },
    });
    expect(Number(state.headers.get('content-length') ?? 0)).toBeLessThan(2_000_000);
  });

  it('a 60 MB frame is refused from its header, before the server buffers it', async () => {
    let code = 0;
    const frame = new Uint8Array(60 * 1024 * 1024);
    await expectBounded('60 MB frame', async () => {
      const socket = rawSyncSocket(server.url, workshop.id, workshop.tokens.participant);
      await socket.opened;
      socket.ws.send(frame);
      code = await socket.closed;
    });
    expect(code).toBe(CLOSE.messageTooBig);
  });

  it('a viewer who stops reading while asking for the board again and again is cut off', async () => {
    const socket = rawSyncSocket(server.url, workshop.id, workshop.tokens.viewer);
    await socket.opened;
    const raw = (socket.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    const stepOne = new Uint8Array([0, 0, 1, 0]); // sync step 1 with an empty state vector
    await expectBounded('viewer not reading', async () => {
      for (let i = 0; i < 800; i++) socket.ws.send(stepOne);
      await sleep(1000);
    });
    raw.resume();
    expect(await socket.closed).toBe(CLOSE.tryAgainLater);
  });
});
