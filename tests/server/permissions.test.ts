import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decide, filterAwareness, isEmptyUpdate, MAX_AWARENESS_BYTES } from '../../server/auth/permissions.ts';
import { decodeUpdate } from '../../server/auth/updateScope.ts';
import type { ClientMessage } from '../../shared/protocol/messages.ts';

function realUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('cards').set('x', 1);
  return Y.encodeStateAsUpdate(doc);
}
const EMPTY = Y.encodeStateAsUpdate(new Y.Doc());

describe('decide', () => {
  it('lets every role ask for the document', () => {
    const step1: ClientMessage = { type: 'sync-step1', stateVector: new Uint8Array([0]) };
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      expect(decide(role, step1)).toEqual({ action: 'apply' });
    }
  });

  it('applies an editor’s update and ignores an empty one', () => {
    expect(decide('participant', { type: 'sync-update', update: realUpdate() })).toEqual({ action: 'apply' });
    expect(decide('facilitator', { type: 'sync-step2', update: realUpdate() })).toEqual({ action: 'apply' });
    expect(decide('participant', { type: 'sync-step2', update: EMPTY })).toEqual({ action: 'ignore' });
  });

  it('ignores a viewer’s empty step 2 (normal traffic) and drops a non-empty one without closing', () => {
    expect(decide('viewer', { type: 'sync-step2', update: EMPTY })).toEqual({ action: 'ignore' });
    expect(decide('viewer', { type: 'sync-step2', update: realUpdate() })).toEqual({
      action: 'drop',
      reason: 'viewer-edit',
    });
    expect(decide('viewer', { type: 'sync-update', update: realUpdate() })).toEqual({
      action: 'drop',
      reason: 'viewer-edit',
    });
  });

  it('closes on an update that cannot be decoded', () => {
    const decision = decide('participant', { type: 'sync-update', update: new Uint8Array([5, 200, 1]) });
    expect(decision.action).toBe('close');
  });

  it('decides the same on an update decoded beforehand, which it does not decode again', () => {
    const roles = ['facilitator', 'participant', 'viewer'] as const;
    for (const role of roles) {
      for (const update of [realUpdate(), EMPTY, new Uint8Array([5, 200, 1])]) {
        for (const type of ['sync-step2', 'sync-update'] as const) {
          const message: ClientMessage = { type, update };
          expect(decide(role, message, decodeUpdate(update))).toEqual(decide(role, message));
        }
      }
    }
    // The decoded form decides: bytes that do not match it are not read.
    const garbage: ClientMessage = { type: 'sync-update', update: new Uint8Array([5, 200, 1]) };
    expect(decide('participant', garbage, decodeUpdate(realUpdate()))).toEqual({ action: 'apply' });
    expect(decodeUpdate(new Uint8Array([5, 200, 1]))).toBeNull();
  });

  it('drops an oversized awareness update', () => {
    const update = new Uint8Array(MAX_AWARENESS_BYTES + 1);
    expect(decide('viewer', { type: 'awareness', update, entries: [] })).toEqual({
      action: 'drop',
      reason: 'awareness-too-large',
    });
  });
});

describe('filterAwareness', () => {
  const entry = (clientId: number) => ({ clientId, clock: 1, state: '{}' });

  it('binds a connection to the client id of its first single-entry message', () => {
    expect(filterAwareness(null, [entry(7)], () => false)).toEqual({ keep: [entry(7)], bind: 7 });
  });

  it('keeps only the bound client’s entry from a message that echoes others', () => {
    expect(filterAwareness(7, [entry(3), entry(7), entry(9)], () => false)).toEqual({ keep: [entry(7)], bind: null });
  });

  it('refuses to bind to a client id another connection owns', () => {
    expect(filterAwareness(null, [entry(7)], (id) => id === 7)).toEqual({ keep: [], bind: null });
  });

  it('does not bind from a message with several entries', () => {
    expect(filterAwareness(null, [entry(1), entry(2)], () => false)).toEqual({ keep: [], bind: null });
  });
});

describe('isEmptyUpdate', () => {
  it('tells an empty update from one with content or deletions', () => {
    const read = (u: Uint8Array) => decodeUpdate(u) as NonNullable<ReturnType<typeof decodeUpdate>>;
    expect(isEmptyUpdate(read(EMPTY))).toBe(true);
    expect(isEmptyUpdate(read(realUpdate()))).toBe(false);
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    const before = Y.encodeStateVector(doc);
    doc.getMap('m').delete('a');
    expect(isEmptyUpdate(read(Y.encodeStateAsUpdate(doc, before)))).toBe(false);
  });
});
