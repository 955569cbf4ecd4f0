// Seeded generator of hostile frames for the fuzz test: random bytes, truncated and mutated valid
// frames, and well-formed frames that a role may not send.
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addCard, moveCards, updateCard } from '../../shared/model/index.ts';
import { MESSAGE, SYNC } from '../../shared/protocol/messages.ts';

export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

const syncFrame = (syncType: number, payload: Uint8Array) =>
  frame(MESSAGE.sync, (e) => {
    encoding.writeVarUint(e, syncType);
    encoding.writeVarUint8Array(e, payload);
  });

/** A corpus of valid frames made with the document model, for mutation. */
export function validCorpus(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const who = { id: 'fuzz', name: 'Fuzz', group: 'academia' };
  const a = addCard(doc, { kind: 'intervention', x: 0, y: 0, author: who, fields: { title: 'Fuzzed' } });
  const b = addCard(doc, { kind: 'note', x: 10, y: 10, author: who, fields: { text: 'note' } });
  updateCard(doc, a, {
    fields: { rationale: 'why', funding: [{ amount: 5, currency: 'EUR', source: 'private', arrangement: '' }] },
  });
  moveCards(doc, [{ id: b, x: 99, y: 99 }]);
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'Fuzz' }, cursor: { x: 1, y: 2 } });
  const corpus = [
    syncFrame(SYNC.step1, Y.encodeStateVector(doc)),
    syncFrame(SYNC.step2, Y.encodeStateAsUpdate(doc)),
    ...updates.map((u) => syncFrame(SYNC.update, u)),
    frame(MESSAGE.awareness, (e) =>
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])),
    ),
    new Uint8Array([MESSAGE.queryAwareness]),
  ];
  awareness.destroy();
  return corpus;
}

export type FrameKind = 'random' | 'truncated' | 'mutated' | 'valid';

export function frameGenerator(seed: number) {
  const random = seeded(seed);
  const corpus = validCorpus();
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  return (): { kind: FrameKind; bytes: Uint8Array } => {
    const roll = random();
    if (roll < 0.25) {
      const bytes = new Uint8Array(Math.floor(random() * 48));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      return { kind: 'random', bytes };
    }
    const base = pick(corpus);
    if (roll < 0.45) return { kind: 'truncated', bytes: base.slice(0, Math.floor(random() * base.length)) };
    if (roll < 0.9) {
      const bytes = base.slice();
      // Mutate the payload, mostly keeping the message header so decoding gets far.
      const flips = 1 + Math.floor(random() * 3);
      for (let i = 0; i < flips; i++) {
        const at = Math.min(bytes.length - 1, 2 + Math.floor(random() * Math.max(1, bytes.length - 2)));
        bytes[at] = Math.floor(random() * 256);
      }
      return { kind: 'mutated', bytes };
    }
    return { kind: 'valid', bytes: base };
  };
}
