// What an operator reads on /metrics: traffic, refusals by reason, and storage latency.

/** Upper bounds (seconds) of the storage latency histogram buckets. */
export const LATENCY_BUCKETS_S = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;

export class LatencyHistogram {
  readonly buckets = new Array<number>(LATENCY_BUCKETS_S.length).fill(0);
  count = 0;
  sumSeconds = 0;

  observe(seconds: number): void {
    this.count++;
    this.sumSeconds += seconds;
    for (let i = 0; i < LATENCY_BUCKETS_S.length; i++) {
      if (seconds <= (LATENCY_BUCKETS_S[i] as number)) (this.buckets[i] as number)++;
    }
  }
}

export class Counters {
  readonly refusals = new Map<string, number>();
  updatesApplied = 0;
  updateBytes = 0;
  messagesReceived = 0;
  bytesReceived = 0;
  connectionsOpened = 0;
  readonly storageLatency = new Map<string, LatencyHistogram>();
  /** How long each synchronous step of handling a client message held the event loop. */
  readonly messageWork = new LatencyHistogram();
  /** Failures of the server's own code that were contained, by where they surfaced. */
  readonly internalErrors = new Map<string, number>();

  refuse(reason: string): void {
    this.refusals.set(reason, (this.refusals.get(reason) ?? 0) + 1);
  }

  refusalCount(reason: string): number {
    return this.refusals.get(reason) ?? 0;
  }

  totalRefusals(): number {
    let n = 0;
    for (const count of this.refusals.values()) n += count;
    return n;
  }

  /** Runs `step` (a synchronous part of handling a message) and records how long it took. */
  timeWork<T>(step: () => T): T {
    const started = performance.now();
    try {
      return step();
    } finally {
      this.messageWork.observe((performance.now() - started) / 1000);
    }
  }

  internalError(where: string): void {
    this.internalErrors.set(where, (this.internalErrors.get(where) ?? 0) + 1);
  }

  observeStorage(operation: string, seconds: number): void {
    let histogram = this.storageLatency.get(operation);
    if (!histogram) {
      histogram = new LatencyHistogram();
      this.storageLatency.set(operation, histogram);
    }
    histogram.observe(seconds);
  }
}
