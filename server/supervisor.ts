// `npm start`'s supervisor: runs the server as a child process, passes on SIGINT and SIGTERM
// (scripts/start.mjs wires them to `stop`), and restarts it when it ends unexpectedly after a
// successful start (restartPolicy.ts). A server that fails before listening (a bad setting, a
// port in use) is not restarted: the same start would fail the same way.
import { type ChildProcess, spawn } from 'node:child_process';
import { RESTART_POLICY, type RestartPolicy, restartDelayMs } from './restartPolicy.ts';

export interface SupervisorOptions {
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The server's stdout and stderr: the supervisor's own (default), or discarded. */
  output?: 'inherit' | 'ignore';
  policy?: RestartPolicy;
  /** A line for the person running it (stderr). */
  say: (line: string) => void;
  /** The supervisor is done: the server stopped, could not start, or crashed too often. */
  exit: (code: number) => void;
  /** Each time a server process reports that it listens (main.ts sends it over IPC). */
  onListening?: (url: string, pid: number) => void;
}

export interface Supervisor {
  /** Passes `signal` on to the server and exits once it has stopped, restarting nothing. */
  stop(signal: NodeJS.Signals): void;
}

export function supervise(options: SupervisorOptions): Supervisor {
  const crashes: number[] = [];
  let child: ChildProcess | null = null;
  let stopping = false;
  let pendingStart: NodeJS.Timeout | undefined;

  const start = () => {
    let listening = false;
    const current = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['inherit', options.output ?? 'inherit', options.output ?? 'inherit', 'ipc'],
    });
    child = current;
    current.on('message', (message) => {
      const { event, url } = (message ?? {}) as { event?: unknown; url?: unknown };
      if (event !== 'listening') return;
      listening = true;
      options.onListening?.(String(url), current.pid ?? 0);
    });
    current.on('error', (error) => options.say(`could not run the server: ${error.message}`));
    current.on('exit', (code, signal) => {
      child = null;
      if (stopping || code === 0) {
        options.exit(code ?? 0);
        return;
      }
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      if (!listening) {
        options.say(`The server ${how} before it started; see the messages above.`);
        options.exit(code ?? 1);
        return;
      }
      const now = Date.now();
      crashes.push(now);
      const delay = restartDelayMs(crashes, now, options.policy ?? RESTART_POLICY);
      if (delay === null) {
        options.say(`The server ${how}: too many crashes in a short time (${crashes.length}); giving up.`);
        options.exit(code ?? 1);
        return;
      }
      options.say(`The server ${how}; restarting it in ${delay} ms.`);
      pendingStart = setTimeout(start, delay);
    });
  };

  start();
  return {
    stop(signal) {
      stopping = true;
      clearTimeout(pendingStart);
      if (child) child.kill(signal);
      else options.exit(0);
    },
  };
}
