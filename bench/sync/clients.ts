// Headless clients for the sync benchmark.
//
// Raw clients (the measured scenarios): one `ws` socket each, speaking the wire protocol directly
// with lib0 encoders. A receiver answers the server's sync step 1 with an empty step 2, sends one
// awareness state, and on each relayed update only finds the send stamp in the frame's bytes (the
// stamp string is stored verbatim in the Yjs update), so that hundreds of receivers in the bench
// process cost little next to the server. A sender keeps a real Y.Doc, syncs it, adds one note
// card through the board model and then, once per edit, replaces the note's text with
// `"~t<performance.now()>;"` (one update of ~60 bytes: what a participant's edit looks like to the
// server, so that our server's role and agreement checks run as in a workshop). The y-websocket flavour
// serves our server and the reference; the Hocuspocus flavour is the same client with Hocuspocus'
// framing (document name before every message, a token message first), so the client side costs
// the same against all three servers.
//
// Stock clients (a cross-check): the y-websocket WebsocketProvider and the HocuspocusProvider, each
// with its own Y.Doc, taking the stamp from each update it applies.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { helloWebSocket } from '../../client/sync/helloSocket.ts';
import { addCard, cardText, listCards, newId } from '../../shared/model/index.ts';
import { encodeHello } from '../../shared/protocol/hello.ts';

export type Protocol = 'y-websocket' | 'hocuspocus';

/** Where one client of one room connects. */
export interface RoomAddress {
  protocol: Protocol;
  /** The WebSocket URL the raw client opens (token included where the server wants one). */
  socketUrl: string;
  /** Hocuspocus: the document name that prefixes every message. */
  docName: string;
  /** Stock y-websocket provider: its serverUrl and room name (it joins them with a slash). */
  providerBase: string;
  room: string;
  token: string;
  /** Our server: the token goes in the socket's first message (a hello), not in its URL. */
  hello?: boolean;
}

/** A hello for one bench client: the room's token and a person of its own. */
function helloFor(address: RoomAddress) {
  return { token: address.token, secret: `${newId()}${newId()}`, board: 'shared' as const };
}

/** A receiver's report: when the stamped update was sent, and when this client got it. */
export type StampSink = (sentAt: number, receivedAt: number) => void;

export interface BenchClient {
  /** Resolves when the client has the server's document (its sync step 2 arrived). */
  readonly synced: Promise<void>;
  /** Senders only: writes one stamped update; returns the stamp time. */
  send?(): number;
  close(): void;
}

const MSG_SYNC = 0;
const MSG_AWARENESS = 1;
const MSG_AUTH = 2;
const HP_SYNC_REPLY = 4;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
const AUTH_TOKEN = 0;
const AUTH_DENIED = 1;

const STAMP_START = Buffer.from('~t', 'latin1');
const STAMP_END = 0x3b; // ';'
const EMPTY_UPDATE = new Uint8Array([0, 0]);

export function stamp(now: number): string {
  return `~t${now.toFixed(3)};`;
}

/** Every stamp in `bytes` between `from` and `to` (a merged update can carry several). */
function readStamps(bytes: Buffer, from: number, to: number, receivedAt: number, sink: StampSink): void {
  let at = bytes.indexOf(STAMP_START, from);
  while (at !== -1 && at < to) {
    const end = bytes.indexOf(STAMP_END, at + 2);
    if (end === -1) return;
    sink(Number(bytes.toString('latin1', at + 2, end)), receivedAt);
    at = bytes.indexOf(STAMP_START, end + 1);
  }
}

function asBuffer(data: WebSocket.RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

let nextClientId = 1;

/** Raw sockets the server closed (none should be, in a sound run). */
export const closedByServer = { count: 0 };

/** The sender's edit: one note card, whose text is replaced by a fresh stamp each time. */
function noteEditor(doc: Y.Doc): () => number {
  let text: Y.Text | undefined;
  return () => {
    if (!text) {
      const existing = listCards(doc).find((card) => card.kind === 'note');
      const id =
        existing?.id ??
        addCard(doc, { kind: 'note', x: 0, y: 0, author: { id: 'bench', name: 'Bench', group: 'academia' } });
      text = cardText(doc, id, 'text');
      if (!text) throw new Error('the note card has no text field');
    }
    const now = performance.now();
    const target = text;
    doc.transact(() => {
      target.delete(0, target.length);
      target.insert(0, stamp(now));
    });
    return now;
  };
}

/** One awareness entry, as a provider sends it on joining: a name, a colour and a cursor. */
function awarenessUpdate(clientId: number, clock: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(
    encoder,
    JSON.stringify({ user: { name: `bench ${clientId}`, color: '#3b82f6' }, cursor: { x: 0, y: 0 } }),
  );
  return encoding.toUint8Array(encoder);
}

export interface RawClientOptions {
  address: RoomAddress;
  /** Receivers report stamps here; a sender (no sink) keeps a Y.Doc and can send. */
  onStamp?: StampSink;
}

export function rawClient({ address, onStamp }: RawClientOptions): BenchClient {
  const hocuspocus = address.protocol === 'hocuspocus';
  const doc = onStamp ? null : new Y.Doc();
  const edit = doc ? noteEditor(doc) : undefined;
  const REMOTE = Symbol('remote');
  const ws = new WebSocket(address.socketUrl, { perMessageDeflate: false });
  const clientId = doc ? doc.clientID : 0x40000000 + nextClientId++;

  const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
    const encoder = encoding.createEncoder();
    if (hocuspocus) encoding.writeVarString(encoder, address.docName);
    write(encoder);
    return encoding.toUint8Array(encoder);
  };
  const syncFrame = (step: number, payload: Uint8Array) =>
    frame((e) => {
      encoding.writeVarUint(e, MSG_SYNC);
      encoding.writeVarUint(e, step);
      encoding.writeVarUint8Array(e, payload);
    });

  let resolveSynced!: () => void;
  let rejectSynced!: (error: Error) => void;
  const synced = new Promise<void>((resolve, reject) => {
    resolveSynced = resolve;
    rejectSynced = reject;
  });
  synced.catch(() => {});

  // One awareness state on joining, not renewed (a provider renews it every 15 s): the measured
  // windows carry document updates only.
  const sendAwareness = () => {
    ws.send(
      frame((e) => {
        encoding.writeVarUint(e, MSG_AWARENESS);
        encoding.writeVarUint8Array(e, awarenessUpdate(clientId, 1));
      }),
    );
  };

  ws.on('open', () => {
    if (address.hello) ws.send(encodeHello(helloFor(address)));
    if (hocuspocus) {
      ws.send(
        frame((e) => {
          encoding.writeVarUint(e, MSG_AUTH);
          encoding.writeVarUint(e, AUTH_TOKEN);
          encoding.writeVarString(e, address.token);
        }),
      );
    }
    ws.send(syncFrame(STEP1, doc ? Y.encodeStateVector(doc) : new Uint8Array([0])));
    sendAwareness();
  });
  ws.on('error', (error) => rejectSynced(error));
  let closing = false;
  ws.on('close', (code, reason) => {
    if (!closing) closedByServer.count++;
    rejectSynced(new Error(`closed ${code} ${reason.toString()}`));
  });

  ws.on('message', (data) => {
    const receivedAt = performance.now();
    const bytes = asBuffer(data);
    const decoder = decoding.createDecoder(bytes);
    if (hocuspocus) decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MSG_SYNC || (hocuspocus && type === HP_SYNC_REPLY)) {
      const step = decoding.readVarUint(decoder);
      if (step === UPDATE) {
        // A sender does not read its own update coming back (the reference and Hocuspocus echo).
        if (onStamp) readStamps(bytes, decoder.pos, bytes.length, receivedAt, onStamp);
        return;
      }
      const payload = decoding.readVarUint8Array(decoder);
      if (step === STEP1) {
        ws.send(syncFrame(STEP2, doc ? Y.encodeStateAsUpdate(doc, payload) : EMPTY_UPDATE));
      } else if (step === STEP2) {
        if (doc) Y.applyUpdate(doc, payload, REMOTE);
        resolveSynced();
      }
    } else if (hocuspocus && type === MSG_AUTH && decoding.readVarUint(decoder) === AUTH_DENIED) {
      rejectSynced(new Error('Hocuspocus denied the token'));
    }
    // Awareness and everything else: received and dropped, as a client that draws no cursors.
  });

  if (doc) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE && ws.readyState === ws.OPEN) ws.send(syncFrame(UPDATE, update));
    });
  }

  return {
    synced,
    send: edit,
    close() {
      closing = true;
      ws.terminate();
      doc?.destroy();
    },
  };
}

/** The stock provider of each protocol, as an application would use it. */
export function stockClient({ address, onStamp }: RawClientOptions): BenchClient {
  const doc = new Y.Doc();
  if (onStamp) {
    // Applied to the provider's document first (the provider emits after applying).
    doc.on('update', (update: Uint8Array) => {
      const receivedAt = performance.now();
      const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
      readStamps(bytes, 0, bytes.length, receivedAt, onStamp);
    });
  }
  let resolveSynced!: () => void;
  const synced = new Promise<void>((resolve) => {
    resolveSynced = resolve;
  });
  let destroy: () => void;
  if (address.protocol === 'hocuspocus') {
    // One socket per provider (a HocuspocusProviderWebsocket may carry several documents).
    const socket = new HocuspocusProviderWebsocket({ url: address.providerBase, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: address.docName,
      document: doc,
      token: address.token,
      onSynced: () => resolveSynced(),
    });
    provider.attach();
    provider.awareness?.setLocalStateField('user', { name: `bench ${doc.clientID}`, color: '#3b82f6' });
    destroy = () => {
      provider.destroy();
      socket.destroy();
    };
  } else {
    const Socket = WebSocket as unknown as typeof globalThis.WebSocket;
    const provider = new WebsocketProvider(address.providerBase, address.room, doc, {
      // Servers without the hello take the token from the URL (the reference ignores it).
      params: !address.hello && address.token ? { token: address.token } : {},
      WebSocketPolyfill: address.hello ? helloWebSocket(helloFor(address), Socket) : Socket,
      disableBc: true,
    });
    provider.awareness.setLocalStateField('user', { name: `bench ${doc.clientID}`, color: '#3b82f6' });
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) resolveSynced();
    });
    destroy = () => provider.destroy();
  }
  return {
    synced,
    send: onStamp ? undefined : noteEditor(doc),
    close() {
      destroy();
      doc.destroy();
    },
  };
}
