import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isJsonMediaType, parseMediaType } from '../../server/http/mediaType.ts';
import { type RunningServer, startServer } from '../../server/server.ts';
import { createWorkshop } from '../support/syncClient.ts';

describe('parseMediaType', () => {
  it('reads type/subtype before the first semicolon, lower-cased and trimmed, with the charset', () => {
    expect(parseMediaType('Application/JSON ; Charset="UTF-8"')).toEqual({
      essence: 'application/json',
      charset: 'utf-8',
    });
    expect(parseMediaType('text/plain')).toEqual({ essence: 'text/plain', charset: null });
  });

  it('refuses values that are not a media type', () => {
    for (const value of [undefined, '', 'json', '/json', 'application/', 'application/json x', 'a/b/c', 'ü/json']) {
      expect(parseMediaType(value), String(value)).toBeNull();
    }
  });
});

describe('isJsonMediaType', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['APPLICATION/Json;charset=UTF-8', true],
    ['  application/json  ;  charset="utf-8" ; q=1', true],
    ['text/plain; x=application/json', false],
    ['text/plain;application/json', false],
    ['application/json-patch+json', false],
    ['application/jsonx', false],
    ['xapplication/json', false],
    ['application/json; charset=latin1', false],
    ['application/json; charset=utf-16', false],
    ['multipart/form-data; boundary=application/json', false],
    ['application/x-www-form-urlencoded', false],
  ])('%s → %s', (value, expected) => {
    expect(isJsonMediaType(value)).toBe(expected);
  });
});

describe('JSON routes on a live server', () => {
  let server: RunningServer;
  let dataDir: string;
  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-media-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a cross-site form post whose text/plain type mentions application/json (415, nothing created)', async () => {
    const res = await fetch(`${server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; x=application/json' },
      body: JSON.stringify({ title: 'Forged' }),
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: string }).error).toContain('application/json');
    expect(await server.storage.countWorkshops()).toBe(0);
  });

  it('creates a workshop from application/json with a UTF-8 charset in any case', async () => {
    const res = await fetch(`${server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'Application/Json; Charset=UTF-8' },
      body: JSON.stringify({ title: 'Real' }),
    });
    expect(res.status).toBe(201);
  });

  it('refuses an import whose content type only contains application/json', async () => {
    const workshop = await createWorkshop(server.url);
    const res = await fetch(`${server.url}/api/workshops/${workshop.id}/import`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${workshop.tokens.facilitator}`,
        'content-type': 'text/plain; x=application/json',
      },
      body: '{}',
    });
    expect(res.status).toBe(415);
  });
});
