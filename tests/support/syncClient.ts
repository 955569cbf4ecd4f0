// A headless client: the stock y-websocket provider over the `ws` package.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Author } from '../../shared/model/index.ts';

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
  options: { maxBackoffTime?: number } = {},
  /** More query parameters: `private` opens the owner's private board. */
  params: Record<string, string> = {},
): TestClient {
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/sync`, workshopId, doc, {
    params: { token, ...params },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    ...options,
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
