// The IPC side of a benchmarked server process: it tells the bench where it listens and answers
// probes with its own CPU time and memory, so that each server is measured alone. Every server
// under test (ours, the reference, Hocuspocus) runs with this same probe, under the same loader.

export interface ReadyMessage {
  type: 'ready';
  url: string;
}

export interface ProbeRequest {
  type: 'probe';
  id: number;
  /** Collect garbage first (needs --expose-gc), for memory figures; not for CPU figures. */
  gc: boolean;
}

export interface ProbeReply {
  type: 'probe';
  id: number;
  /** process.cpuUsage(): user and system time in µs, all threads of the process. */
  userUs: number;
  systemUs: number;
  rss: number;
  heapUsed: number;
  external: number;
}

export function serveProbes(url: string): void {
  if (!process.send) throw new Error('a benchmarked server must be started with an IPC channel');
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', async (message: ProbeRequest) => {
    if (message?.type !== 'probe') return;
    if (message.gc && gc) {
      gc();
      gc();
      // V8 hands freed pages back to the system on a background thread: let it, then collect again.
      await new Promise((resolve) => setTimeout(resolve, 250));
      gc();
    }
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    const reply: ProbeReply = {
      type: 'probe',
      id: message.id,
      userUs: cpu.user,
      systemUs: cpu.system,
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      external: memory.external,
    };
    process.send?.(reply);
  });
  // The bench went away (finished, or crashed): do not outlive it.
  process.on('disconnect', () => process.exit(0));
  const ready: ReadyMessage = { type: 'ready', url };
  process.send(ready);
}
