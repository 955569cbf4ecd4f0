// A bounded pool of worker threads with a queue and a time limit per task. At most `threads`
// tasks run at once, at most `queue` wait; one more is refused at once (PoolFullError), so a burst
// costs its senders an answer to retry rather than the server its memory. A task that runs past
// its time limit is stopped by ending its thread: a thread busy in a loop cannot be interrupted
// any other way. A thread takes up to a second or two to start (tsx and the task's modules), so
// it says when it is ready and a task's clock starts then; an idle thread is kept for a while.
import type { Worker } from 'node:worker_threads';

/** What a thread posts once its modules are loaded, before any reply. */
export const WORKER_READY = 'ready';

/** A thread's answer to a task. */
export type WorkerReply = { ok: true; value: unknown } | { ok: false; error: string };

export interface PoolSettings {
  /** Names the pool in errors: "export", "import". */
  name: string;
  threads: number;
  /** Tasks that may wait for a thread; one more is refused. */
  queue: number;
  /** A task running longer is stopped and rejected with TaskTimeoutError. */
  taskTimeoutMs: number;
  /** How long an idle thread is kept for the next task. */
  idleMs: number;
  spawn: () => Worker;
}

/** Every thread is busy and the queue is full: try again later. */
export class PoolFullError extends Error {
  constructor(
    pool: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`the ${pool} queue is full`);
  }
}

/** The task ran past its time limit; its thread was ended. */
export class TaskTimeoutError extends Error {
  constructor(
    pool: string,
    readonly timeoutMs: number,
  ) {
    super(`the ${pool} task took longer than ${timeoutMs} ms and was stopped`);
  }
}

/** How long a thread may take to load before the task it was started for fails. */
export const THREAD_START_LIMIT_MS = 60_000;
/** What a task is assumed to take before any has finished (for Retry-After). */
const FIRST_ESTIMATE_MS = 2_000;
const RETRY_AFTER_MAX_S = 120;

interface Job {
  task: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  ended: boolean;
  job: Job | null;
  startedAt: number;
  /** The running task's time limit, or the start limit, or the idle limit. */
  timer: NodeJS.Timeout | undefined;
}

export class WorkerPool {
  private readonly threads = new Set<Thread>();
  private readonly idle: Thread[] = [];
  private readonly waiting: Job[] = [];
  private averageTaskMs = FIRST_ESTIMATE_MS;
  private closed = false;

  constructor(private readonly settings: PoolSettings) {}

  /** Tasks running (their thread may still be starting). */
  get running(): number {
    let n = 0;
    for (const thread of this.threads) if (thread.job) n++;
    return n;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Seconds until a refused sender may find room: the queue ahead of it at the recent pace. */
  retryAfterSeconds(): number {
    const ahead = (this.waiting.length + 1) / this.settings.threads;
    return Math.min(RETRY_AFTER_MAX_S, Math.max(1, Math.ceil((ahead * this.averageTaskMs) / 1000)));
  }

  /** Runs a task on a thread: its reply's value, or the task's error, PoolFullError or TaskTimeoutError. */
  run<T>(task: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.closed) {
        reject(new Error(`the ${this.settings.name} pool is closed`));
        return;
      }
      const job: Job = { task, resolve: resolve as (value: unknown) => void, reject };
      const thread = this.freeThread();
      if (thread) this.assign(thread, job);
      else if (this.waiting.length < this.settings.queue) this.waiting.push(job);
      else reject(new PoolFullError(this.settings.name, this.retryAfterSeconds()));
    });
  }

  /** Ends every thread; running and waiting tasks are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = new Error(`the ${this.settings.name} pool is closed`);
    for (const job of this.waiting.splice(0)) job.reject(stopped);
    const ending = [...this.threads].map((thread) => {
      const job = thread.job;
      this.end(thread);
      job?.reject(stopped);
      return thread.worker.terminate();
    });
    await Promise.allSettled(ending);
  }

  private freeThread(): Thread | null {
    const warm = this.idle.pop();
    if (warm) {
      clearTimeout(warm.timer);
      warm.worker.ref();
      return warm;
    }
    return this.threads.size < this.settings.threads ? this.spawn() : null;
  }

  private spawn(): Thread {
    const worker = this.settings.spawn();
    const thread: Thread = { worker, ready: false, ended: false, job: null, startedAt: 0, timer: undefined };
    worker.on('message', (message: unknown) => this.onMessage(thread, message));
    worker.on('error', (error: Error) => this.onFailure(thread, error));
    worker.on('exit', (code: number) =>
      this.onFailure(thread, new Error(`${this.settings.name} worker exited with ${code}`)),
    );
    this.threads.add(thread);
    return thread;
  }

  private assign(thread: Thread, job: Job): void {
    thread.job = job;
    if (thread.ready) {
      this.start(thread);
      return;
    }
    thread.timer = setTimeout(
      () =>
        this.stop(
          thread,
          new Error(`the ${this.settings.name} worker did not start within ${THREAD_START_LIMIT_MS} ms`),
        ),
      THREAD_START_LIMIT_MS,
    );
  }

  private start(thread: Thread): void {
    const job = thread.job as Job;
    clearTimeout(thread.timer);
    const limit = this.settings.taskTimeoutMs;
    thread.timer = setTimeout(() => this.stop(thread, new TaskTimeoutError(this.settings.name, limit)), limit);
    thread.startedAt = performance.now();
    thread.worker.postMessage(job.task);
  }

  private onMessage(thread: Thread, message: unknown): void {
    if (thread.ended) return;
    if (!thread.ready) {
      if (message !== WORKER_READY) return;
      thread.ready = true;
      if (thread.job) this.start(thread);
      return;
    }
    const job = thread.job;
    if (!job) return;
    clearTimeout(thread.timer);
    thread.job = null;
    const tookMs = performance.now() - thread.startedAt;
    this.averageTaskMs = 0.7 * this.averageTaskMs + 0.3 * tookMs;
    // A task that throws is answered with its error; the thread itself is still fine.
    const reply = message as WorkerReply;
    if (reply.ok) job.resolve(reply.value);
    else job.reject(new Error(`${this.settings.name} worker: ${reply.error}`));
    this.release(thread);
  }

  /** A thread failed (crashed, or could not load): its task fails, the next waiting one gets a new thread. */
  private onFailure(thread: Thread, error: Error): void {
    if (thread.ended) return;
    this.stop(thread, error);
  }

  private stop(thread: Thread, error: Error): void {
    const job = thread.job;
    this.end(thread);
    void thread.worker.terminate();
    job?.reject(error);
    this.drain();
  }

  private end(thread: Thread): void {
    thread.ended = true;
    thread.job = null;
    clearTimeout(thread.timer);
    this.threads.delete(thread);
    const at = this.idle.indexOf(thread);
    if (at !== -1) this.idle.splice(at, 1);
  }

  private release(thread: Thread): void {
    const next = this.waiting.shift();
    if (next) {
      this.assign(thread, next);
      return;
    }
    // An idle thread must not keep the process alive (tests, a bench, a server shutting down).
    thread.worker.unref();
    this.idle.push(thread);
    thread.timer = setTimeout(() => {
      this.end(thread);
      void thread.worker.terminate();
    }, this.settings.idleMs);
    thread.timer.unref();
  }

  /** Gives waiting tasks the room a stopped thread left. */
  private drain(): void {
    while (this.waiting.length > 0 && !this.closed) {
      const thread = this.freeThread();
      if (!thread) return;
      this.assign(thread, this.waiting.shift() as Job);
    }
  }
}
