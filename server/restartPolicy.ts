// When the supervisor restarts a crashed server: soon, then less and less eagerly, and not at
// all once it crashes too often in a row (a crash loop restarts nothing useful and hides the
// problem in a flood of restarts; the exit makes the service manager or the person see it).

export interface RestartPolicy {
  /** Wait before the first restart; doubled for each further crash in the window. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Crashes within `windowMs` that are still restarted; one more and the supervisor gives up. */
  maxCrashes: number;
  windowMs: number;
}

export const RESTART_POLICY: RestartPolicy = { baseDelayMs: 500, maxDelayMs: 8_000, maxCrashes: 5, windowMs: 60_000 };

/** The wait before restarting, given the times of every crash so far (this one last), or null to give up. */
export function restartDelayMs(crashTimes: readonly number[], now: number, policy = RESTART_POLICY): number | null {
  const recent = crashTimes.filter((t) => now - t < policy.windowMs).length;
  if (recent > policy.maxCrashes) return null;
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, recent - 1), policy.maxDelayMs);
}
