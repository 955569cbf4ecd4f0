// One task per key at a time: the exports of one workshop run one after another, so that one
// workshop cannot occupy every export thread however many requests it sends. Later tasks for a
// busy key wait their turn in order; few may wait, per key and in all, and one more is refused.
//
// A second export of the same workshop waits rather than sharing the running one's file: the
// board may have changed since that export read it (an item agreed, a title fixed), and whoever
// asks again expects what the board holds now. Waiting costs only that workshop's own time.

export class LineFullError extends Error {
  constructor(readonly key: string) {
    super('too many requests are waiting for this one');
  }
}

export class OneAtATime {
  /** For each busy key, the turns of those waiting, in order. */
  private readonly lines = new Map<string, (() => void)[]>();
  private waitingInAll = 0;

  constructor(
    private readonly waitingPerKey: number,
    private readonly waitingTotal: number,
  ) {}

  busy(key: string): boolean {
    return this.lines.has(key);
  }

  waiting(key: string): number {
    return this.lines.get(key)?.length ?? 0;
  }

  /** Runs `work` once no other task of `key` runs; LineFullError when too many already wait. */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const line = this.lines.get(key);
    if (!line) this.lines.set(key, []);
    else {
      if (line.length >= this.waitingPerKey || this.waitingInAll >= this.waitingTotal) throw new LineFullError(key);
      this.waitingInAll++;
      await new Promise<void>((turn) => line.push(turn));
      this.waitingInAll--;
    }
    try {
      return await work();
    } finally {
      const next = this.lines.get(key)?.shift();
      if (next) next();
      else this.lines.delete(key);
    }
  }
}
