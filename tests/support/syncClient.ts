// A headless client: the stock y-websocket provider over the `ws` package, saying hello first as
// the web client does.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { helloWebSocket } from '../../client/sync/helloSocket.ts';
import { type Author, newId, personIdOf } from '../../shared/model/index.ts';
import { isFinalClose } from '../../shared/protocol/closeCodes.ts';
import { type BoardChannel, encodeHello, type Hello } from '../../shared/protocol/hello.ts';

/** What a person entered about themselves, sent in the hello as the web client does. */
export type HelloProfile = Pick<Hello, 'name' | 'group' | 'groupDetail'>;

/** A person as a browser holds it: a secret, and the public id derived from it. */
export interface Person {
  secret: string;
  id: string;
}

export function newPerson(): Person {
  const secret = `${newId()}${newId()}`;
  return { secret, id: personIdOf(secret) };
}

/** A document's person, so that reconnecting the same document speaks as the same person. */
const people = new WeakMap<Y.Doc, Person>();
export function personOf(doc: Y.Doc): Person {
  let person = people.get(doc);
  if (!person) {
    person = newPerson();
    people.set(doc, person);
  }
  return person;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closed: Promise<{ code: number; reason: string }>;
  destroy(): void;
}

export function connectClient(
  serverUrl: string,
  workshopId: string,
  token: string,
  doc = new Y.Doc(),
  options: { maxBackoffTime?: number; person?: Person; board?: BoardChannel; profile?: HelloProfile } = {},
): TestClient {
  const { person = personOf(doc), board = 'shared', profile = {}, ...providerOptions } = options;
  if (!people.has(doc)) people.set(doc, person);
  const Socket = helloWebSocket(
    { token, secret: person.secret, board, ...profile },
    WebSocket as unknown as typeof globalThis.WebSocket,
  );
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/sync`, workshopId, doc, {
    WebSocketPolyfill: Socket,
    disableBc: true,
    // As the web client does: a message over the size limit is refused again on every retry.
    shouldReconnect: (event) => !isFinalClose(event.code),
    ...providerOptions,
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    provider.once('closed', (event) => resolve(event)),
  );
  return {
    doc,
    provider,
    closed,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function whenSynced(client: TestClient, timeoutMs = 5000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client did not sync in time')), timeoutMs);
    client.provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export const author = (name: string): Author => ({ id: `id-${name}`, name, group: 'civil-society' });

export interface CreatedWorkshop {
  id: string;
  title: string;
  links: Record<'facilitator' | 'participant' | 'viewer', string>;
  tokens: Record<'facilitator' | 'participant' | 'viewer', string>;
}

export async function createWorkshop(serverUrl: string, title = 'Test workshop'): Promise<CreatedWorkshop> {
  const res = await fetch(`${serverUrl}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`workshop creation failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedWorkshop;
}

/** A raw socket to the sync endpoint that has said hello (as `person`, on the shared board by default). */
export function rawSyncSocket(
  serverUrl: string,
  workshopId: string,
  token: string,
  options: { person?: Person; board?: BoardChannel } = {},
): { ws: WebSocket; closed: Promise<number>; opened: Promise<void> } {
  const ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/sync/${workshopId}`);
  const { person = newPerson(), board = 'shared' } = options;
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => {
      ws.send(encodeHello({ token, secret: person.secret, board }));
      resolve();
    });
    ws.on('error', reject);
  });
  return { ws, closed, opened };
}
