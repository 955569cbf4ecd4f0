// Who may read /metrics: anyone, unless METRICS_TOKEN is set; then only that bearer token.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Compares in constant time, over digests so that not even the token's length leaks. */
export function metricsAllowed(expected: string | undefined, presented: string | null): boolean {
  if (expected === undefined) return true;
  if (presented === null) return false;
  return timingSafeEqual(digest(expected), digest(presented));
}
