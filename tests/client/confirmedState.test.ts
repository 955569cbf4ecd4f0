// The board as the server last confirmed it (client/sync/confirmedState.ts): what the server sent
// is confirmed at once; this browser's own changes only once the server has answered a probe sent
// after them (a viewer's never, since the server drops them without a word).
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { ConfirmedState, PROBE_DELAY_MS } from '../../client/sync/confirmedState.ts';
import { localChanges } from '../../client/sync/offlineRebase.ts';
import { addCard, updateCard } from '../../shared/model/index.ts';

const ada = { id: 'id-ada', name: 'Ada', group: 'academia' };

class FakeSocket {
  readyState = 1;
  sent: Uint8Array[] = [];
  private listeners = new Set<(event: { data: unknown }) => void>();
  addEventListener(_type: 'message', fn: (event: { data: unknown }) => void) {
    this.listeners.add(fn);
  }
  removeEventListener(_type: 'message', fn: (event: { data: unknown }) => void) {
    this.listeners.delete(fn);
  }
  send(frame: Uint8Array) {
    this.sent.push(frame);
  }
  /** The server's sync step 2 (its content does not matter here). */
  answerStep2() {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep2(encoder, new Y.Doc());
    const data = encoding.toUint8Array(encoder).buffer;
    for (const fn of this.listeners) fn({ data });
  }
}

function fakeProvider() {
  const handlers = new Map<string, Set<(arg: never) => void>>();
  const ws = new FakeSocket();
  const provider = {
    ws,
    synced: false,
    on: (name: string, fn: (arg: never) => void) => {
      if (!handlers.has(name)) handlers.set(name, new Set());
      handlers.get(name)?.add(fn);
    },
    off: (name: string, fn: (arg: never) => void) => handlers.get(name)?.delete(fn),
    emit: (name: string, arg: unknown) => {
      for (const fn of handlers.get(name) ?? []) fn(arg as never);
    },
  };
  return provider;
}

/** A connected, synced board with one card the server sent. */
function connected(confirmsOwnChanges = true) {
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', { OPEN: 1 });
  const board = new Y.Doc();
  const provider = fakeProvider();
  const confirmed = new ConfirmedState(board, provider as never, [], confirmsOwnChanges);
  provider.emit('status', { status: 'connected' });
  const server = new Y.Doc();
  const card = addCard(server, { kind: 'note', x: 0, y: 0, author: ada, fields: { text: 'From the server' } });
  Y.applyUpdate(board, Y.encodeStateAsUpdate(server), provider);
  provider.synced = true;
  provider.emit('sync', true);
  return { board, provider, confirmed, card };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the confirmed board', () => {
  it('holds what the server sent at once, and this browser’s change once a later probe is answered', () => {
    const { board, provider, confirmed, card } = connected();
    expect(localChanges(confirmed.doc, board)).toEqual([]);
    updateCard(board, card, { fields: { text: 'Mine' } });
    expect(localChanges(confirmed.doc, board).map((c) => c.id)).toEqual([card]);
    vi.advanceTimersByTime(PROBE_DELAY_MS);
    expect(provider.ws.sent.length).toBeGreaterThan(0);
    // Not yet answered: a refusal now would rebase the change.
    expect(localChanges(confirmed.doc, board).map((c) => c.id)).toEqual([card]);
    provider.ws.answerStep2();
    expect(localChanges(confirmed.doc, board)).toEqual([]);
    expect(confirmed.confirmations).toBe(1);
    confirmed.destroy();
  });

  it('a change made after the probe left is not confirmed by its answer', () => {
    const { board, provider, confirmed, card } = connected();
    updateCard(board, card, { fields: { text: 'First' } });
    vi.advanceTimersByTime(PROBE_DELAY_MS);
    const probes = provider.ws.sent.length;
    updateCard(board, card, { fields: { text: 'Second' } });
    provider.ws.answerStep2();
    expect(localChanges(confirmed.doc, board)).toMatchObject([{ id: card, set: { fields: { text: 'Second' } } }]);
    vi.advanceTimersByTime(PROBE_DELAY_MS);
    expect(provider.ws.sent.length).toBe(probes + 1);
    provider.ws.answerStep2();
    expect(localChanges(confirmed.doc, board)).toEqual([]);
    confirmed.destroy();
  });

  it('never confirms a viewer’s own change (the server drops it without closing)', () => {
    const { board, provider, confirmed, card } = connected(false);
    updateCard(board, card, { fields: { text: 'Viewer was here' } });
    vi.advanceTimersByTime(PROBE_DELAY_MS * 4);
    expect(provider.ws.sent).toEqual([]);
    provider.ws.answerStep2();
    expect(localChanges(confirmed.doc, board).map((c) => c.id)).toEqual([card]);
    confirmed.destroy();
  });

  it('an answer on a connection closed since confirms nothing', () => {
    const { board, provider, confirmed, card } = connected();
    updateCard(board, card, { fields: { text: 'Mine' } });
    vi.advanceTimersByTime(PROBE_DELAY_MS);
    provider.emit('status', { status: 'disconnected' });
    provider.ws.answerStep2();
    expect(localChanges(confirmed.doc, board).map((c) => c.id)).toEqual([card]);
    confirmed.destroy();
  });
});
