// Wraps a storage so that every operation's latency lands in the metrics.
import type { Counters } from '../metrics/counters.ts';
import type { Storage } from './storage.ts';

export function timedStorage(storage: Storage, counters: Counters): Storage {
  const timed =
    <A extends unknown[], R>(operation: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const started = performance.now();
      try {
        return await fn(...args);
      } finally {
        counters.observeStorage(operation, (performance.now() - started) / 1000);
      }
    };
  return {
    createWorkshop: timed('create_workshop', storage.createWorkshop),
    getWorkshop: timed('get_workshop', storage.getWorkshop),
    countWorkshops: timed('count_workshops', storage.countWorkshops),
    setEpochs: timed('set_epochs', storage.setEpochs),
    setTitle: timed('set_title', storage.setTitle),
    loadDoc: timed('load', storage.loadDoc),
    appendUpdate: timed('append', storage.appendUpdate),
    compact: timed('compact', storage.compact),
    appendPrivateUpdate: timed('append_private', storage.appendPrivateUpdate),
    loadPrivateDoc: timed('load_private', storage.loadPrivateDoc),
    listPrivateDocs: timed('list_private', storage.listPrivateDocs),
    clientOwners: timed('client_owners', storage.clientOwners),
    claimClients: timed('claim_clients', storage.claimClients),
    countClients: timed('count_clients', storage.countClients),
    close: storage.close,
  };
}
