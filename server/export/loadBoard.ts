// The board of a workshop for reading: the live room's doc when the workshop is loaded (it holds
// edits not yet compacted), else a copy assembled from storage and brought to the current schema.
import * as Y from 'yjs';
import { migrateBoard } from '../../shared/model/index.ts';
import type { RoomRegistry } from '../rooms/roomRegistry.ts';
import type { Storage } from '../storage/storage.ts';

/** Calls `read` with the workshop's board; `read` must not keep the doc, which may be freed after. */
export async function readBoard<T>(
  rooms: RoomRegistry,
  storage: Storage,
  workshopId: string,
  read: (board: Y.Doc) => T,
): Promise<T> {
  const room = rooms.room(workshopId);
  if (room) {
    await room.ready;
    // A room whose storage failed is dropped by the registry; its doc may be incomplete.
    if (rooms.room(workshopId) === room) return read(room.doc);
  }
  const stored = await storage.loadDoc(workshopId);
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    // Migrated in memory only: the room migrates the stored board itself when it next loads.
    migrateBoard(doc);
    return read(doc);
  } finally {
    doc.destroy();
  }
}
