// How late the event loop runs timers: the measure of whether one room, request or message is
// stalling everyone else. Node samples it (perf_hooks.monitorEventLoopDelay); we report the
// quantiles of recent windows (a summary) and running totals, in seconds.
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Sampling interval: a stall shorter than this may go unseen. */
export const SAMPLE_EVERY_MS = 10;
/** Quantiles cover the current window and the one before it (30 to 60 s). */
export const WINDOW_MS = 30_000;
export const QUANTILES = [0.5, 0.9, 0.99] as const;

/** The parts of Node's IntervalHistogram used here (values in nanoseconds). */
export interface DelaySamples {
  readonly count: number;
  readonly max: number;
  readonly mean: number;
  percentile(p: number): number;
  reset(): void;
  enable(): unknown;
  disable(): unknown;
}

export interface EventLoopDelaySnapshot {
  /** Quantile (0.5, 0.9, 0.99) → seconds. */
  quantiles: Array<[number, number]>;
  maxSeconds: number;
  /** Since start, for rate(): total delay and number of samples. */
  sumSeconds: number;
  count: number;
}

interface Window {
  quantiles: number[];
  max: number;
}

const EMPTY: Window = { quantiles: QUANTILES.map(() => 0), max: 0 };
const NS_PER_S = 1e9;

export class EventLoopDelay {
  private previous = EMPTY;
  private sumBefore = 0;
  private countBefore = 0;
  private timer: NodeJS.Timeout | undefined;
  /** The histogram records whole intervals between samples; the delay is what exceeds the interval. */
  private readonly intervalNs: number;

  constructor(
    private readonly samples: DelaySamples = monitorEventLoopDelay({ resolution: SAMPLE_EVERY_MS }),
    sampleEveryMs = SAMPLE_EVERY_MS,
  ) {
    this.intervalNs = sampleEveryMs * 1e6;
  }

  start(): void {
    this.samples.enable();
    this.timer = setInterval(() => this.rotate(), WINDOW_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.samples.disable();
  }

  /** Ends the current window: it becomes the previous one, and sampling starts afresh. */
  rotate(): void {
    this.sumBefore += this.currentSumSeconds();
    this.countBefore += this.samples.count;
    this.previous = this.current();
    this.samples.reset();
  }

  snapshot(): EventLoopDelaySnapshot {
    const current = this.current();
    return {
      quantiles: QUANTILES.map((q, i) => [
        q,
        Math.max(current.quantiles[i] as number, this.previous.quantiles[i] as number),
      ]),
      maxSeconds: Math.max(current.max, this.previous.max),
      sumSeconds: this.sumBefore + this.currentSumSeconds(),
      count: this.countBefore + this.samples.count,
    };
  }

  private delaySeconds(ns: number): number {
    return Math.max(0, ns - this.intervalNs) / NS_PER_S;
  }

  private current(): Window {
    // An empty histogram answers nonsense (NaN mean, a tiny percentile): report no delay.
    if (this.samples.count === 0) return EMPTY;
    return {
      quantiles: QUANTILES.map((q) => this.delaySeconds(this.samples.percentile(q * 100))),
      max: this.delaySeconds(this.samples.max),
    };
  }

  private currentSumSeconds(): number {
    if (this.samples.count === 0) return 0;
    return (Math.max(0, this.samples.mean - this.intervalNs) * this.samples.count) / NS_PER_S;
  }
}
