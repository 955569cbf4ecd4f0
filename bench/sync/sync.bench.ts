// Sync benchmark: our server against the reference y-websocket server (@y/websocket-server 0.1.1)
// and Hocuspocus 4, side by side in one harness. Each server runs alone in a child process (its
// CPU time and memory come from that process, through an IPC probe); the clients run in this
// process. Scenarios: N clients in one room (N = 10, 100, 500), 1,000 sockets over 50 rooms, and
// a cross-check with the stock providers. One client per room sends a small stamped update at a
// fixed rate; every other client records receive time − send time (same process, same clock).
//
// Run: npm run bench:sync (about 4 minutes). Writes its figures between the sync markers of
// docs/benchmarks.md (bench/benchmarksDoc.ts). Environment:
//   SYNC_BENCH_ONLY=ours,reference   servers to run (default: all three)
//   SYNC_BENCH_SCENARIOS=room-500     scenario keys to run (default: all)
//   SYNC_BENCH_PROFILE=ours,reference write --cpu-prof profiles of those servers (and the measured
//                                     windows, windows.json) to $TMPDIR/sync-bench-profiles/<scenario>/<server>/
//   SYNC_BENCH_NO_DOC=1               print only; leave docs/benchmarks.md alone
//   SYNC_BENCH_BEFORE=<dir>           also run our server as checked out in <dir> (an earlier commit,
//                                     e.g. \`git worktree add ../before <commit>\`), side by side:
//                                     a column "ours ÷ before" shows what a change cost
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { machineNote, median, REPO_ROOT, writeSection } from '../benchmarksDoc.ts';
import type { ProbeReply, ProbeRequest, ReadyMessage } from './childProbe.ts';
import {
  type BenchClient,
  closedByServer,
  type Protocol,
  type RoomAddress,
  rawClient,
  stockClient,
} from './clients.ts';

type ServerName = 'ours' | 'reference' | 'hocuspocus' | 'before';

interface ServerSpec {
  name: ServerName;
  label: string;
  script: string;
  protocol: Protocol;
}

const BEFORE_DIR = process.env.SYNC_BENCH_BEFORE;

const SERVERS: ServerSpec[] = [
  { name: 'ours', label: 'ours', script: 'bench/sync/ourServer.ts', protocol: 'y-websocket' },
  { name: 'reference', label: 'reference', script: 'bench/sync/referenceServer.ts', protocol: 'y-websocket' },
  { name: 'hocuspocus', label: 'Hocuspocus', script: 'bench/sync/hocuspocusServer.ts', protocol: 'hocuspocus' },
  // An earlier build of ours, which took its token in the socket's URL (before the hello message).
  ...(BEFORE_DIR
    ? [
        {
          name: 'before' as const,
          label: 'ours before',
          script: join(BEFORE_DIR, 'bench/sync/ourServer.ts'),
          protocol: 'y-websocket' as const,
        },
      ]
    : []),
];

interface Scenario {
  key: string;
  title: string;
  rooms: number;
  socketsPerRoom: number;
  /** Updates per second from the one sender in each room. */
  updatesPerSecond: number;
  clients: 'raw' | 'stock';
}

const SCENARIOS: Scenario[] = [
  {
    key: 'room-10',
    title: '10 clients in one room',
    rooms: 1,
    socketsPerRoom: 10,
    updatesPerSecond: 50,
    clients: 'raw',
  },
  {
    key: 'room-100',
    title: '100 clients in one room',
    rooms: 1,
    socketsPerRoom: 100,
    updatesPerSecond: 20,
    clients: 'raw',
  },
  {
    key: 'room-500',
    title: '500 clients in one room',
    rooms: 1,
    socketsPerRoom: 500,
    updatesPerSecond: 20,
    clients: 'raw',
  },
  {
    key: 'rooms-50x20',
    title: '1,000 sockets over 50 rooms (20 each)',
    rooms: 50,
    socketsPerRoom: 20,
    updatesPerSecond: 10,
    clients: 'raw',
  },
  {
    key: 'stock-10',
    title: 'Cross-check: 10 stock providers in one room',
    rooms: 1,
    socketsPerRoom: 10,
    updatesPerSecond: 50,
    clients: 'stock',
  },
];

/** Each server is measured ROUNDS times, in turn with the others (which are idle meanwhile). */
const ROUNDS = 9;
const ROUND_WARM_UP_MS = 250;
/**
 * Long enough that a round's p99 rests on many updates (125 at 50/s, 50 at 20/s): with 800 ms
 * windows it was the second-slowest of 16 updates, and runs of the same code differed by 1.5x.
 */
const WINDOW_MS = 2500;
const DRAIN_MS = 250;
const SETTLE_MS = 500;
const CONNECT_BATCH = 50;
const CONNECT_TIMEOUT_MS = 60_000;

/** Where SYNC_BENCH_PROFILE writes (outside the repository: profiles are megabytes). */
const PROFILE_ROOT = join(tmpdir(), 'sync-bench-profiles');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- server child processes ------------------------------------------------------------------

// The stock y-websocket provider adds a process 'exit' listener per instance.
process.setMaxListeners(0);

const children = new Set<ChildProcess>();
function killChildren(): void {
  for (const child of children) child.kill('SIGKILL');
}
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killChildren();
    process.exit(130);
  });
}

class ServerChild {
  private nextProbe = 1;
  private readonly waiting = new Map<number, (reply: ProbeReply) => void>();
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly output: () => string,
  ) {
    child.on('message', (message: ProbeReply) => {
      if (message?.type !== 'probe') return;
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    });
  }

  static start(spec: ServerSpec, dataDir: string, profileDir: string | null): Promise<ServerChild> {
    const execArgv = ['--expose-gc', '--import', 'tsx'];
    if (profileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`);
    const script = isAbsolute(spec.script) ? spec.script : join(REPO_ROOT, spec.script);
    const child = fork(script, [], {
      cwd: dirname(dirname(dirname(script))),
      execArgv,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        // The bench creates its rooms (up to 50) in a second, over the per-address limit.
        WORKSHOPS_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    children.add(child);
    child.once('exit', () => children.delete(child));
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${spec.name} did not start in 60 s:\n${out}`));
      }, 60_000);
      child.on('message', (message: ReadyMessage) => {
        if (message?.type !== 'ready') return;
        clearTimeout(timer);
        resolve(new ServerChild(child, message.url, () => out));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${spec.name} exited (${code ?? signal}) before listening:\n${out.slice(-4000)}`));
      });
    });
  }

  probe(gc: boolean): Promise<ProbeReply> {
    const id = this.nextProbe++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not answer a probe in 30 s')), 30_000);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      const request: ProbeRequest = { type: 'probe', id, gc };
      this.child.send(request);
    });
  }

  /** Lets the child exit by itself (so that a CPU profile is written), killing it after 10 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

// ---- rooms and clients -----------------------------------------------------------------------

async function createRooms(spec: ServerSpec, server: ServerChild, count: number, tag: string): Promise<RoomAddress[]> {
  const ws = server.url.replace(/^http/, 'ws');
  const rooms: RoomAddress[] = [];
  for (let i = 0; i < count; i++) {
    if (spec.name === 'ours' || spec.name === 'before') {
      const before = spec.name === 'before';
      const res = await fetch(`${server.url}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Bench ${tag} ${i}` }),
      });
      if (res.status !== 201) throw new Error(`workshop creation failed: ${res.status} ${await res.text()}`);
      const { id, tokens } = (await res.json()) as { id: string; tokens: { participant: string } };
      rooms.push({
        protocol: 'y-websocket',
        socketUrl: before ? `${ws}/sync/${id}?token=${encodeURIComponent(tokens.participant)}` : `${ws}/sync/${id}`,
        providerBase: `${ws}/sync`,
        room: id,
        docName: id,
        token: tokens.participant,
        hello: !before,
      });
    } else {
      const name = `bench-${tag}-${i}`;
      rooms.push({
        protocol: spec.protocol,
        socketUrl: spec.protocol === 'hocuspocus' ? ws : `${ws}/${name}`,
        providerBase: ws,
        room: name,
        docName: name,
        token: 'bench',
      });
    }
  }
  return rooms;
}

/** Opens clients CONNECT_BATCH at a time, each batch synced before the next. */
async function connectAll(makers: (() => BenchClient)[], into: BenchClient[]): Promise<void> {
  for (let i = 0; i < makers.length; i += CONNECT_BATCH) {
    const batch = makers.slice(i, i + CONNECT_BATCH).map((make) => make());
    into.push(...batch);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('clients did not sync in time')), CONNECT_TIMEOUT_MS);
    });
    try {
      await Promise.race([Promise.all(batch.map((c) => c.synced)), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

// ---- one scenario: the three servers side by side ---------------------------------------------

/** One server of a scenario, set up: its process, rooms, senders and receivers. */
interface Prepared {
  spec: ServerSpec;
  server: ServerChild;
  dataDir: string;
  clients: BenchClient[];
  senders: BenchClient[];
  /** The receivers report here; a round sets the window and takes the samples. */
  window: { from: number; to: number; latencies: number[] };
  /** The measured windows, in the monotonic clock of CPU profiles (µs). */
  windowsUs: [number, number][];
  memory: Pick<
    RunResult,
    'rssPerRoomKiB' | 'rssPerSocketKiB' | 'heapPerRoomKiB' | 'heapPerSocketKiB' | 'baselineRssMiB'
  >;
}

interface Round {
  p50: number;
  p99: number;
  max: number;
  delivered: number;
  expected: number;
  updates: number;
  cpuUs: number;
  systemUs: number;
  /** This process's CPU time in the window: the clients' side. */
  clientCpuUs: number;
  wallMs: number;
}

interface RunResult {
  server: ServerName;
  error?: string;
  p50?: number;
  p99?: number;
  max?: number;
  delivered?: number;
  expected?: number;
  updates?: number;
  cpuPerUpdateUs?: number;
  cpuPerFrameUs?: number;
  cpuBusy?: number;
  /** The share of the server's CPU time spent in the kernel (sockets, loopback TCP). */
  systemShare?: number;
  /** The bench process (all the clients) in the window, as a share of one core. */
  clientBusy?: number;
  rssPerRoomKiB?: number;
  rssPerSocketKiB?: number;
  heapPerRoomKiB?: number;
  heapPerSocketKiB?: number;
  baselineRssMiB?: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/** A short warm-up room, opened and closed before the baseline: modules loaded, code compiled. */
async function warmUp(spec: ServerSpec, server: ServerChild): Promise<void> {
  const [room] = await createRooms(spec, server, 1, 'warm');
  const clients: BenchClient[] = [];
  try {
    const sender = rawClient({ address: room as RoomAddress });
    clients.push(sender);
    await sender.synced;
    await connectAll(
      [0, 1].map(() => () => rawClient({ address: room as RoomAddress, onStamp: () => {} })),
      clients,
    );
    for (let i = 0; i < 200; i++) {
      sender.send?.();
      if (i % 10 === 9) await sleep(5);
    }
    await sleep(200);
  } finally {
    for (const client of clients) client.close();
  }
  await sleep(300);
}

async function prepare(scenario: Scenario, spec: ServerSpec, server: ServerChild, dataDir: string): Promise<Prepared> {
  const prepared: Prepared = {
    spec,
    server,
    dataDir,
    clients: [],
    senders: [],
    window: { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY, latencies: [] },
    windowsUs: [],
    memory: {},
  };
  await warmUp(spec, server);
  const rooms = await createRooms(spec, server, scenario.rooms, scenario.key);
  const make = scenario.clients === 'raw' ? rawClient : stockClient;
  const baseline = await server.probe(true);

  // One sender per room first: the rooms alone (each with one socket).
  await connectAll(
    rooms.map((address) => () => make({ address })),
    prepared.senders,
  );
  prepared.clients.push(...prepared.senders);
  // The sender's first edit adds its note card; the rooms are then in their steady shape.
  for (const sender of prepared.senders) sender.send?.();
  await sleep(SETTLE_MS);
  const withRooms = await server.probe(true);

  // Then the receivers.
  const window = prepared.window;
  const onStamp = (sentAt: number, receivedAt: number) => {
    if (sentAt >= window.from && sentAt < window.to) window.latencies.push(receivedAt - sentAt);
  };
  const makers: (() => BenchClient)[] = [];
  for (let k = 1; k < scenario.socketsPerRoom; k++) {
    for (const address of rooms) makers.push(() => make({ address, onStamp }));
  }
  await connectAll(makers, prepared.clients);
  await sleep(SETTLE_MS);
  const withSockets = await server.probe(true);
  const addedSockets = scenario.rooms * (scenario.socketsPerRoom - 1);
  prepared.memory = {
    rssPerRoomKiB: (withRooms.rss - baseline.rss) / 1024 / scenario.rooms,
    heapPerRoomKiB: (withRooms.heapUsed - baseline.heapUsed) / 1024 / scenario.rooms,
    rssPerSocketKiB: (withSockets.rss - withRooms.rss) / 1024 / addedSockets,
    heapPerSocketKiB: (withSockets.heapUsed - withRooms.heapUsed) / 1024 / addedSockets,
    baselineRssMiB: baseline.rss / 1024 / 1024,
  };
  return prepared;
}

/** Every sender of one server on its own interval (staggered over one period), then stopped. */
async function measureRound(scenario: Scenario, prepared: Prepared): Promise<Round> {
  const { server, senders, window } = prepared;
  const period = 1000 / scenario.updatesPerSecond;
  const sentTimes: number[] = [];
  const timers: ReturnType<typeof setTimeout>[] = [];
  senders.forEach((sender, i) => {
    timers.push(
      setTimeout(
        () => {
          timers.push(setInterval(() => sentTimes.push(sender.send?.() ?? 0), period));
        },
        (i * period) / senders.length,
      ),
    );
  });
  try {
    await sleep(ROUND_WARM_UP_MS);
    const cpu0 = await server.probe(false);
    const client0 = process.cpuUsage();
    window.latencies = [];
    window.to = Number.POSITIVE_INFINITY;
    window.from = performance.now();
    await sleep(WINDOW_MS);
    window.to = performance.now();
    const client = process.cpuUsage(client0);
    const cpu1 = await server.probe(false);
    // Profiled: the window in the profile's clock (monotonic µs), to cut it out of the profile.
    prepared.windowsUs.push([
      Number(process.hrtime.bigint() / 1000n) - Math.round((performance.now() - window.from) * 1000),
      Number(process.hrtime.bigint() / 1000n) - Math.round((performance.now() - window.to) * 1000),
    ]);
    for (const timer of timers) clearInterval(timer);
    await sleep(DRAIN_MS);
    const updates = sentTimes.filter((t) => t >= window.from && t < window.to).length;
    const sorted = Float64Array.from(window.latencies).sort();
    return {
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.length > 0 ? (sorted[sorted.length - 1] as number) : Number.NaN,
      delivered: sorted.length,
      expected: updates * (scenario.socketsPerRoom - 1),
      updates,
      cpuUs: cpu1.userUs + cpu1.systemUs - (cpu0.userUs + cpu0.systemUs),
      systemUs: cpu1.systemUs - cpu0.systemUs,
      clientCpuUs: client.user + client.system,
      wallMs: window.to - window.from,
    };
  } finally {
    for (const timer of timers) clearInterval(timer);
    window.from = Number.POSITIVE_INFINITY;
  }
}

function summarise(name: ServerName, rounds: Round[], prepared: Prepared): RunResult {
  const sum = (pick: (r: Round) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  const updates = sum((r) => r.updates);
  const delivered = sum((r) => r.delivered);
  const cpuUs = sum((r) => r.cpuUs);
  const receivers = delivered > 0 ? sum((r) => r.expected) / updates : 0;
  return {
    server: name,
    // Median over the rounds: one round hit by other work on the machine does not decide.
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    max: Math.max(...rounds.map((r) => r.max)),
    delivered,
    expected: sum((r) => r.expected),
    updates,
    cpuPerUpdateUs: cpuUs / updates,
    cpuPerFrameUs: cpuUs / (updates * receivers),
    cpuBusy: cpuUs / 1000 / sum((r) => r.wallMs),
    systemShare: sum((r) => r.systemUs) / cpuUs,
    clientBusy: sum((r) => r.clientCpuUs) / 1000 / sum((r) => r.wallMs),
    ...prepared.memory,
  };
}

function failure(name: ServerName, error: unknown, server: ServerChild | null, what: string): RunResult {
  const detail = (error as Error).message?.split('\n')[0] ?? String(error);
  const tail = server ? `\n${server.output().slice(-2000)}` : '';
  process.stderr.write(`${what} / ${name} failed: ${(error as Error).stack ?? String(error)}${tail}\n`);
  return { server: name, error: detail };
}

async function runScenario(
  scenario: Scenario,
  specs: ServerSpec[],
  profiled: string | undefined,
): Promise<RunResult[]> {
  const results = new Map<ServerName, RunResult>();
  const prepared: Prepared[] = [];
  const started: { spec: ServerSpec; dataDir: string; server: ServerChild | null }[] = [];
  try {
    // The servers start together; each is then set up alone (its memory probes undisturbed).
    await Promise.all(
      specs.map(async (spec) => {
        const dataDir = mkdtempSync(join(tmpdir(), `sync-bench-${spec.name}-`));
        const entry = { spec, dataDir, server: null as ServerChild | null };
        started.push(entry);
        let profileDir: string | null = null;
        if (profiled?.split(',').includes(spec.name)) {
          profileDir = join(PROFILE_ROOT, scenario.key, spec.name);
          mkdirSync(profileDir, { recursive: true });
        }
        try {
          entry.server = await ServerChild.start(spec, dataDir, profileDir);
        } catch (error) {
          results.set(spec.name, failure(spec.name, error, null, scenario.key));
        }
      }),
    );
    for (const spec of specs) {
      const entry = started.find((e) => e.spec === spec);
      if (!entry?.server) continue;
      try {
        prepared.push(await prepare(scenario, spec, entry.server, entry.dataDir));
      } catch (error) {
        results.set(spec.name, failure(spec.name, error, entry.server, scenario.key));
        await entry.server.stop();
      }
    }
    // Rounds: each server measured in turn, the order rotated, the others idle meanwhile.
    const rounds = new Map<ServerName, Round[]>(prepared.map((p) => [p.spec.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < prepared.length; k++) {
        const p = prepared[(round + k) % prepared.length] as Prepared;
        if (results.has(p.spec.name)) continue;
        try {
          rounds.get(p.spec.name)?.push(await measureRound(scenario, p));
        } catch (error) {
          results.set(p.spec.name, failure(p.spec.name, error, p.server, scenario.key));
        }
      }
    }
    for (const p of prepared) {
      if (!results.has(p.spec.name)) results.set(p.spec.name, summarise(p.spec.name, rounds.get(p.spec.name) ?? [], p));
    }
    // Sockets closed by a server before the teardown mean the run is not sound.
    if (closedByServer.count > 0) {
      process.stdout.write(`  warning: ${closedByServer.count} client sockets were closed by a server\n`);
    }
  } finally {
    // Anything a server said beyond the expected (ours warns that the built client is absent).
    for (const entry of started) {
      const said = (entry.server?.output() ?? '')
        .split('\n')
        .filter((line) => line.trim() !== '' && !line.includes('"event":"no-client"'));
      if (said.length > 0) {
        process.stdout.write(
          `  ${entry.spec.name} said:\n${said
            .slice(0, 10)
            .map((l) => `    ${l.slice(0, 300)}`)
            .join('\n')}\n`,
        );
      }
    }
    if (profiled) {
      for (const p of prepared) {
        if (!profiled.split(',').includes(p.spec.name)) continue;
        const file = join(PROFILE_ROOT, scenario.key, p.spec.name, 'windows.json');
        writeFileSync(file, JSON.stringify(p.windowsUs));
      }
    }
    for (const p of prepared) for (const client of p.clients) client.close();
    for (const entry of started) await entry.server?.stop();
    closedByServer.count = 0;
    for (const entry of started) rmSync(entry.dataDir, { recursive: true, force: true });
    await sleep(300);
  }
  return specs.map((spec) => results.get(spec.name) ?? { server: spec.name, error: 'not run' });
}

// ---- reporting -------------------------------------------------------------------------------

const fmt = (value: number | undefined, digits: number): string =>
  value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);

function ratio(ours: number | undefined, other: number | undefined): string {
  if (ours === undefined || other === undefined || !(other > 0) || Number.isNaN(ours)) return '—';
  return `${(ours / other).toFixed(2)}×`;
}

interface Row {
  label: string;
  value: (r: RunResult) => number | undefined;
  digits: number;
  /** Rows that make no sense for a scenario are left out. */
  when?: (s: Scenario) => boolean;
  noRatio?: boolean;
}

const ROWS: Row[] = [
  { label: 'fan-out latency p50 (ms)', value: (r) => r.p50, digits: 2 },
  { label: 'fan-out latency p99 (ms)', value: (r) => r.p99, digits: 2 },
  { label: 'fan-out latency max (ms)', value: (r) => r.max, digits: 1 },
  { label: 'server CPU per update (µs)', value: (r) => r.cpuPerUpdateUs, digits: 0 },
  { label: 'server CPU per delivered frame (µs)', value: (r) => r.cpuPerFrameUs, digits: 1 },
  { label: 'server CPU busy (% of one core)', value: (r) => (r.cpuBusy ?? Number.NaN) * 100, digits: 0 },
  { label: '… of which in the kernel (%)', value: (r) => (r.systemShare ?? Number.NaN) * 100, digits: 0 },
  {
    label: 'clients’ process CPU busy (%)',
    value: (r) => (r.clientBusy ?? Number.NaN) * 100,
    digits: 0,
    noRatio: true,
  },
  {
    label: 'RSS per room (KiB)',
    value: (r) => r.rssPerRoomKiB,
    digits: 0,
    when: (s) => s.rooms > 1,
  },
  {
    label: 'JS heap per room (KiB)',
    value: (r) => r.heapPerRoomKiB,
    digits: 1,
    when: (s) => s.rooms > 1,
  },
  {
    label: 'RSS per socket (KiB)',
    value: (r) => r.rssPerSocketKiB,
    digits: 1,
    when: (s) => s.rooms * s.socketsPerRoom >= 100,
  },
  {
    label: 'JS heap per socket (KiB)',
    value: (r) => r.heapPerSocketKiB,
    digits: 1,
    when: (s) => s.rooms * s.socketsPerRoom >= 100,
  },
  { label: 'idle RSS after warm-up (MiB)', value: (r) => r.baselineRssMiB, digits: 0, when: (s) => s.rooms > 1 },
];

function delivery(r: RunResult): string {
  if (r.error) return 'not measured';
  return `${r.delivered}/${r.expected}`;
}

function table(scenario: Scenario, results: RunResult[]): string {
  const by = (name: ServerName) => results.find((r) => r.server === name) ?? { server: name, error: 'not run' };
  const ours = by('ours');
  const reference = by('reference');
  const hocuspocus = by('hocuspocus');
  const before = results.find((r) => r.server === 'before');
  const cell = (r: RunResult, row: Row) => (r.error ? '—' : fmt(row.value(r), row.digits));
  const lines = before
    ? [
        '| | ours | ours before | reference | Hocuspocus | ours ÷ before | ours ÷ reference | ours ÷ Hocuspocus |',
        '| :-- | --: | --: | --: | --: | --: | --: | --: |',
      ]
    : [
        '| | ours | reference | Hocuspocus | ours ÷ reference | ours ÷ Hocuspocus |',
        '| :-- | --: | --: | --: | --: | --: |',
      ];
  for (const row of ROWS) {
    if (row.when && !row.when(scenario)) continue;
    const o = ours.error ? undefined : row.value(ours);
    const ref = reference.error ? undefined : row.value(reference);
    const hp = hocuspocus.error ? undefined : row.value(hocuspocus);
    const b = before && !before.error ? row.value(before) : undefined;
    const ratios = row.noRatio ? ['', ''] : [ratio(o, ref), ratio(o, hp)];
    lines.push(
      before
        ? `| ${row.label} | ${cell(ours, row)} | ${cell(before, row)} | ${cell(reference, row)} | ${cell(hocuspocus, row)} | ${row.noRatio ? '' : ratio(o, b)} | ${ratios.join(' | ')} |`
        : `| ${row.label} | ${cell(ours, row)} | ${cell(reference, row)} | ${cell(hocuspocus, row)} | ${ratios.join(' | ')} |`,
    );
  }
  lines.push(
    before
      ? `| stamps received / expected | ${delivery(ours)} | ${delivery(before)} | ${delivery(reference)} | ${delivery(hocuspocus)} | | | |`
      : `| stamps received / expected | ${delivery(ours)} | ${delivery(reference)} | ${delivery(hocuspocus)} | | |`,
  );
  return lines.join('\n');
}

function fileLimit(): number {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const match = /^Max open files\s+(\d+|unlimited)/m.exec(limits);
    if (!match) return Number.POSITIVE_INFINITY;
    return match[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match[1]);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

// ---- main ------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const only = process.env.SYNC_BENCH_ONLY?.split(',').filter(Boolean);
  const pick = process.env.SYNC_BENCH_SCENARIOS?.split(',').filter(Boolean);
  const servers = SERVERS.filter((s) => !only || only.includes(s.name));
  const scenarios = SCENARIOS.filter((s) => !pick || pick.includes(s.key));
  const profiled = process.env.SYNC_BENCH_PROFILE;

  // Each socket is one descriptor here and one in the server (the child inherits the limit).
  const mostSockets = Math.max(...scenarios.map((s) => s.rooms * s.socketsPerRoom));
  const limit = fileLimit();
  const need = mostSockets + 200;
  if (limit < need) {
    throw new Error(
      `open-file limit ${limit} is below the ${need} this run needs (one descriptor per socket on each side); ` +
        `raise it first, e.g. \`ulimit -n 4096 && npm run bench:sync\``,
    );
  }

  const loadAtStart = `load average ${(loadavg()[0] as number).toFixed(1)}`;
  if ((loadavg()[0] as number) > availableParallelism()) {
    process.stdout.write(`${loadAtStart} on ${availableParallelism()} cores: other work will widen the latencies\n`);
  }
  const started = performance.now();
  const all: { scenario: Scenario; results: RunResult[] }[] = [];
  for (const scenario of scenarios) {
    process.stdout.write(`${scenario.key} …\n`);
    const scenarioStarted = performance.now();
    const results = await runScenario(scenario, servers, profiled);
    process.stdout.write(`  (${((performance.now() - scenarioStarted) / 1000).toFixed(0)} s)\n`);
    for (const result of results) {
      process.stdout.write(
        `  ${result.server}: ${
          result.error
            ? `failed: ${result.error}`
            : `p50 ${fmt(result.p50, 2)} ms, p99 ${fmt(result.p99, 2)} ms, ${fmt(result.cpuPerUpdateUs, 0)} µs CPU/update, ${delivery(result)}`
        }\n`,
      );
    }
    all.push({ scenario, results });
    process.stdout.write(`\n${scenario.title}\n${table(scenario, results)}\n\n`);
  }
  const minutes = (performance.now() - started) / 60_000;
  process.stdout.write(`sync bench: ${minutes.toFixed(1)} min\n`);
  if (profiled) {
    process.stdout.write(
      `profiles: ${PROFILE_ROOT}/<scenario>/<server>/ (npx tsx bench/sync/profileSummary.ts <dir>)\n`,
    );
  }

  if (process.env.SYNC_BENCH_NO_DOC || only || pick) return;
  writeSection('sync', docSection(all, minutes, loadAtStart));
}

function goal(all: { scenario: Scenario; results: RunResult[] }[]): string {
  const verdicts = all
    .filter(({ scenario }) => scenario.clients === 'raw')
    .map(({ scenario, results }) => {
      const ours = results.find((r) => r.server === 'ours');
      const reference = results.find((r) => r.server === 'reference');
      if (!ours?.p99 || !reference?.p99) return `${scenario.key}: not measured`;
      return `${scenario.key}: ${ours.p99 <= reference.p99 ? 'met' : 'not met'} (${ratio(ours.p99, reference.p99)})`;
    });
  return verdicts.join('; ');
}

/** The commit of the build measured as "before". */
function beforeCommit(): string {
  try {
    return execFileSync('git', ['-C', BEFORE_DIR as string, 'rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

function beforeVerdict(all: { scenario: Scenario; results: RunResult[] }[]): string {
  return all
    .filter(({ scenario }) => scenario.clients === 'raw')
    .map(({ scenario, results }) => {
      const ours = results.find((r) => r.server === 'ours');
      const before = results.find((r) => r.server === 'before');
      if (!ours || !before || ours.error || before.error) return `${scenario.key}: not measured`;
      return `${scenario.key}: CPU ${ratio(ours.cpuPerUpdateUs, before.cpuPerUpdateUs)}, p99 ${ratio(ours.p99, before.p99)}`;
    })
    .join('; ');
}

function docSection(all: { scenario: Scenario; results: RunResult[] }[], minutes: number, loadAtStart: string): string {
  const parts = [
    '## Sync server: fan-out latency, CPU and memory',
    '',
    'Our sync server against the reference y-websocket server (`@y/websocket-server` 0.1.1, the last',
    'release for Yjs 13) and Hocuspocus 4 (`@hocuspocus/server`), in one harness (`bench/sync/`).',
    'Each server runs alone in a child process (`node --import tsx`, the same loader for all three), so',
    'its CPU time (`process.cpuUsage`, all its threads) and memory (RSS and JS heap after a forced GC)',
    'are its own, read through an IPC probe. The clients all run in the bench process.',
    '',
    '- **Ours** stores every update in SQLite (WAL, `synchronous = NORMAL`) before relaying it, traces',
    '  every participant update to the cards it touches and checks it against the role and the',
    '  agreement lock, batches awareness every 50 ms and rate-limits each connection (200 messages/s,',
    '  the default, unchanged: no client comes near it). Clients join with a participant token; each',
    '  room is a workshop created through `POST /api/workshops`, so it starts with the board’s schema.',
    '  The relay skips the sender.',
    '- **Reference**: its `setupWSConnection` on a plain http server with the project’s `ws` 8 (as',
    '  ours), no persistence (`YPERSISTENCE` unset), no authentication, awareness relayed as it comes.',
    '  It echoes each update to the sender too.',
    '- **Hocuspocus 4.7** (`@hocuspocus/server`, on Node 20 although its engines ask for Node ≥ 22: it',
    '  runs): its own `Server`, default configuration (`flushDelay` 0 merges the updates of one',
    '  event-loop turn), no extension, so no persistence, and no `onAuthenticate` hook (any token',
    '  passes). Only `timeout` is raised from 60 s to 5 min (the raw clients below send nothing while',
    '  idle, and Hocuspocus closes silent sockets). It echoes each update to the sender and acknowledges',
    '  it.',
    '',
    '**Clients.** The measured scenarios use light raw-protocol clients over `ws` (`bench/sync/clients.ts`),',
    'the same code for all three servers except the framing (Hocuspocus puts the document name before',
    'every message and wants a token message first). Each socket syncs (step 1 / step 2) and sends one',
    'awareness state (not renewed, so the windows carry document updates only); a receiver then only',
    'finds the send stamp in each relayed frame, so that 500 receivers in one process measure the',
    'server rather than the clients. One sender per room keeps a Y.Doc, adds a note card through the',
    'board model and then replaces the note’s text with `"~t<send time>;"` at a fixed rate (an update of',
    '~60 bytes; senders staggered across rooms): to our server a participant’s edit, traced and checked',
    'like any other. The last table repeats the 10-client room with the stock providers',
    '(y-websocket’s `WebsocketProvider` for ours and the reference, `HocuspocusProvider` over its own',
    'socket for Hocuspocus), each applying every update to its own Y.Doc; Hocuspocus may merge two',
    'updates of one event-loop turn, which such a client sees as one stamp.',
    '',
    `**Measure.** All three servers of a scenario start together and are set up one after the other;`,
    `then each is measured in ${ROUNDS} rounds, in turn (the order rotated, the other servers idle meanwhile),`,
    `each round ${ROUND_WARM_UP_MS} ms of sending before a ${WINDOW_MS} ms window. Latency = receive time − send`,
    'time (one clock) for every other client of the room and every update sent in the window; p50 and',
    'p99 are the medians of the rounds’ percentiles (so that a round hit by other work on this shared',
    '2-core machine does not decide), max is over all rounds. Server CPU per update = its CPU time in',
    'the windows ÷ the updates sent in them; per delivered frame = the same ÷ (updates × receivers).',
    'Memory per room = (memory with the one sender socket in each room − idle memory after a warm-up',
    'room) ÷ rooms; per socket = (memory with every socket − memory with the rooms only) ÷ the added',
    'sockets, each with its awareness state. The JS heap figures are exact; RSS includes the',
    'allocator’s slack, so at tens of KiB per room it can even come out negative.',
    '',
  ];
  for (const { scenario, results } of all) {
    const each = scenario.rooms === 1 ? '' : ' each';
    parts.push(
      `### ${scenario.title}`,
      '',
      `${scenario.rooms === 1 ? 'One sender' : 'One sender per room'}, ${scenario.updatesPerSecond} updates/s${each}; ${scenario.socketsPerRoom - 1} receivers per room.`,
      '',
      table(scenario, results),
      '',
    );
  }
  if (BEFORE_DIR) {
    parts.push(
      `**Ours before** is our server as of commit \`${beforeCommit()}\` (\`SYNC_BENCH_BEFORE=<its checkout>\`),`,
      'in the same run and harness; its clients put the token in the socket’s URL, as it expected.',
      `Ours ÷ before, CPU per update and p99 (raw-client scenarios): ${beforeVerdict(all)}.`,
      '',
    );
  }
  parts.push(
    `Goal, our p99 no worse than the reference’s (raw-client scenarios): ${goal(all)}.`,
    '',
    `Command: \`npm run bench:sync\` (${minutes.toFixed(1)} min here). \`SYNC_BENCH_SCENARIOS=room-500\` and`,
    '`SYNC_BENCH_ONLY=ours,reference` run a part (printed only); `SYNC_BENCH_PROFILE=ours,reference`',
    'writes CPU profiles of those servers, with the measured windows (`windows.json`), to',
    '`$TMPDIR/sync-bench-profiles/<scenario>/<server>/`; `bench/sync/profileSummary.ts <dir>` sums them',
    'over the windows. `SYNC_BENCH_BEFORE=<dir>` adds our server as checked out in `<dir>` (e.g.',
    '`git worktree add ../before <commit>`, with its `node_modules`), to measure what a change cost.',
    `Machine: ${machineNote()} (the load at the end of the run; ${loadAtStart} at its start). On 2 shared cores, latency`,
    'includes waiting for a core (the clients’ process is busy too, and so is any other work on the',
    'machine): compare the servers within a table, and across runs only the ratios.',
  );
  return parts.join('\n');
}

main().catch((error) => {
  killChildren();
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
