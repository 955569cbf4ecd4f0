// Redis pub/sub fan-out: one channel per workshop. Pub/sub drops messages while a subscriber is
// disconnected, so on every reconnect the rooms catch up from storage (the source of truth), and
// they also catch up periodically in case a single message was lost.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Fanout } from './fanout.ts';
import { decodeFanout, encodeFanout, type FanoutMessage } from './fanoutMessages.ts';

const CHANNEL_PREFIX = 'sdg-board:workshop:';

export async function openRedisFanout(url: string, log: Logger): Promise<Fanout> {
  const processId = randomBytes(8).toString('hex');
  const options = {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
  const pub = new Redis(url, options);
  // The subscriber queues SUBSCRIBE commands while reconnecting and re-subscribes by itself.
  const sub = new Redis(url, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null });
  const handlers = new Map<string, (message: FanoutMessage) => void>();
  const resumeListeners: Array<() => void> = [];
  let healthy = false;
  let everReady = false;

  sub.on('messageBuffer', (channel: Buffer, payload: Buffer) => {
    const id = channel.toString().slice(CHANNEL_PREFIX.length);
    const handler = handlers.get(id);
    const envelope = decodeFanout(new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength));
    if (!handler || !envelope || envelope.from === processId) return;
    handler(envelope.message);
  });
  sub.on('ready', () => {
    const resumed = everReady && !healthy;
    healthy = true;
    everReady = true;
    if (resumed) {
      log.info({ event: 'fanout-resumed' }, 'Redis is back; catching up from storage');
      for (const listener of resumeListeners) listener();
    }
  });
  const onDown = (error?: Error) => {
    if (healthy) log.warn({ event: 'fanout-down', err: error?.message }, 'Redis connection lost');
    healthy = false;
  };
  sub.on('close', () => onDown());
  sub.on('error', (error) => onDown(error));
  pub.on('error', (error) => log.debug({ event: 'fanout-publish-error', err: error.message }, 'Redis publish error'));

  await Promise.all([pub.connect(), sub.connect()]);

  return {
    get healthy() {
      return healthy;
    },
    async subscribe(workshopId, handler) {
      handlers.set(workshopId, handler);
      await sub.subscribe(CHANNEL_PREFIX + workshopId).catch((error: Error) => {
        log.warn({ event: 'fanout-subscribe-failed', workshop: workshopId, err: error.message }, 'subscribe failed');
      });
    },
    async unsubscribe(workshopId) {
      handlers.delete(workshopId);
      await sub.unsubscribe(CHANNEL_PREFIX + workshopId).catch(() => {});
    },
    publish(workshopId, message) {
      const bytes = Buffer.from(encodeFanout(processId, message));
      pub.publish(CHANNEL_PREFIX + workshopId, bytes).catch((error: Error) => {
        log.debug({ event: 'fanout-publish-failed', workshop: workshopId, err: error.message }, 'publish failed');
      });
    },
    onResume(listener) {
      resumeListeners.push(listener);
    },
    async close() {
      pub.disconnect();
      sub.disconnect();
    },
  };
}
