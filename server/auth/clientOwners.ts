// Which person writes with which Yjs client id. Yjs trusts the client id in a struct: an update
// written under another person's client id, at clocks that person has not used yet, would make
// the server ignore that person's own edits under those clocks when they arrive (made offline,
// say). So the first person to write with a client id owns it, in storage (it outlives the
// process and is shared by every process), and the server refuses anyone else's structs under it.
import type { EditVerdict } from './editRules.ts';

/** A browser takes a new client id per page load: this is years of reloads, and bounds storage. */
export const MAX_CLIENT_IDS_PER_PERSON = 5000;
/** An honest update writes as one client, or a few (offline work from several page loads). */
export const MAX_WRITERS_PER_UPDATE = 64;

export interface ClientOwnerStore {
  /** The owners of those of `clientIds` that somebody owns. */
  clientOwners(workshopId: string, clientIds: readonly number[]): Promise<Map<number, string>>;
  /**
   * Claims for `personId` every client id of `clientIds` that nobody owns yet, atomically, and
   * returns the owner of each (the person, or whoever owned it first).
   */
  claimClients(workshopId: string, personId: string, clientIds: readonly number[]): Promise<Map<number, string>>;
  /** How many client ids `personId` owns in the workshop. */
  countClients(workshopId: string, personId: string): Promise<number>;
}

/** The owners of one workshop's client ids, as far as this process has needed them. */
export class ClientOwners {
  private readonly known = new Map<number, string>();

  constructor(
    private readonly workshopId: string,
    private readonly store: ClientOwnerStore,
  ) {}

  /** Marks a client id as the server's own (its document writes migrations and reveals). */
  reserve(clientId: number, owner: string): void {
    this.known.set(clientId, owner);
  }

  /** Whether `personId` may write structs under every one of `clientIds`, claiming the free ones. */
  async check(personId: string, clientIds: readonly number[]): Promise<EditVerdict> {
    if (clientIds.length > MAX_WRITERS_PER_UPDATE) return { ok: false, reason: 'too-many-writers' };
    const unknown = clientIds.filter((id) => !this.known.has(id));
    if (unknown.length > 0) {
      for (const [id, owner] of await this.store.clientOwners(this.workshopId, unknown)) this.known.set(id, owner);
      const free = unknown.filter((id) => !this.known.has(id));
      if (free.length > 0) {
        const owned = await this.store.countClients(this.workshopId, personId);
        if (owned + free.length > MAX_CLIENT_IDS_PER_PERSON) return { ok: false, reason: 'too-many-client-ids' };
        for (const [id, owner] of await this.store.claimClients(this.workshopId, personId, free)) {
          this.known.set(id, owner);
        }
      }
    }
    for (const id of clientIds) if (this.known.get(id) !== personId) return { ok: false, reason: 'foreign-client-id' };
    return { ok: true };
  }
}
