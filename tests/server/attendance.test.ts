// Who took part: the server records each person it admits to a workshop's shared board (name,
// stakeholder group and own words as they entered them, the role of their link, first joined,
// last seen, time connected), in the board, and keeps the record across leaving and restarts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { checkServerRoots, withServerRoots } from '../../server/auth/serverRoots.ts';
import { type RunningServer, startServer } from '../../server/server.ts';
import { type Attendance, minutesConnected, readAttendance } from '../../shared/model/index.ts';
import type { ActionPlan } from '../../shared/plan/index.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import { AUTH, decodeHello, encodeHello } from '../../shared/protocol/hello.ts';
import { MESSAGE, ProtocolError } from '../../shared/protocol/messages.ts';
import { type ServerProcess, spawnServer } from '../support/serverProcess.ts';
import {
  type CreatedWorkshop,
  connectClient,
  createWorkshop,
  type HelloProfile,
  newPerson,
  type Person,
  type TestClient,
  whenSynced,
} from '../support/syncClient.ts';
import { sleep, waitFor } from '../support/wait.ts';

const clients: TestClient[] = [];
const servers: RunningServer[] = [];
const processes: ServerProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
  for (const p of processes.splice(0)) p.child.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdg-attendance-'));
  dirs.push(dir);
  return dir;
}

/** A clock the test moves: minutes pass in an instant. */
function testClock(start = Date.UTC(2026, 2, 10, 9, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

async function serve(options: Parameters<typeof startServer>[0]['attendance'] = {}, dataDir = tempDir()) {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: 'silent',
    attendance: { leaveGraceMs: 50, renameEveryMs: 50, ...options },
  });
  servers.push(server);
  return server;
}

function join(
  url: string,
  workshop: CreatedWorkshop,
  role: 'facilitator' | 'participant' | 'viewer',
  options: { person?: Person; profile?: HelloProfile } = {},
): TestClient {
  const client = connectClient(url, workshop.id, workshop.tokens[role], undefined, options);
  clients.push(client);
  return client;
}

const ANA: HelloProfile = { name: 'Ana Rakoto', group: 'civil-society' };

/** The record of `personId` as `client`'s copy of the board holds it, once it matches `ready`. */
function recordOf(client: TestClient, personId: string, ready: (r: Attendance) => boolean = () => true, what = '') {
  return waitFor(
    () => {
      const record = readAttendance(client.doc).find((r) => r.personId === personId);
      return record && ready(record) ? record : null;
    },
    `the attendance of ${personId}${what ? `: ${what}` : ''}`,
  );
}

describe('the attendance the server records', () => {
  it('records a participant who joins and writes nothing, with the name, group and role they came with', async () => {
    const server = await serve();
    const workshop = await createWorkshop(server.url);
    const ana = newPerson();
    const before = Date.now();
    const participant = join(server.url, workshop, 'participant', { person: ana, profile: ANA });
    await whenSynced(participant);
    const facilitator = join(server.url, workshop, 'facilitator', {
      profile: { name: 'Fatima', group: 'government-local' },
    });
    await whenSynced(facilitator);

    const record = await recordOf(facilitator, ana.id);
    expect(record).toMatchObject({
      name: 'Ana Rakoto',
      group: 'civil-society',
      groupDetail: '',
      role: 'participant',
      secondsConnected: 0,
    });
    expect(record.firstJoined).toBeGreaterThanOrEqual(before);
    expect(record.lastSeen).toBe(record.firstJoined);
    expect(record.connectedSince).toBe(record.firstJoined);
    // Nothing else on the board changed: the participant wrote nothing.
    expect(facilitator.doc.getMap('cards').size).toBe(0);
    const everyone = readAttendance(facilitator.doc);
    expect(everyone.map((r) => [r.name, r.role])).toEqual([
      ['Ana Rakoto', 'participant'],
      ['Fatima', 'facilitator'],
    ]);
  });

  it('records a viewer with the role viewer, and "Other" with the person’s own words', async () => {
    const server = await serve();
    const workshop = await createWorkshop(server.url);
    const vic = newPerson();
    const viewer = join(server.url, workshop, 'viewer', {
      person: vic,
      profile: { name: 'Vic', group: 'other', groupDetail: "  Farmers' cooperative\n" },
    });
    await whenSynced(viewer);
    const record = await recordOf(viewer, vic.id);
    expect(record).toMatchObject({ name: 'Vic', group: 'other', groupDetail: "Farmers' cooperative", role: 'viewer' });
    // A viewer's own edits are still refused: the record is the server's, not theirs.
    expect(viewer.provider.wsconnected).toBe(true);
  });

  it('keeps a person who left, with when they were last seen and the minutes they were connected', async () => {
    const clock = testClock();
    const server = await serve({ now: clock.now });
    const workshop = await createWorkshop(server.url);
    const facilitator = join(server.url, workshop, 'facilitator', { profile: { name: 'Fatima', group: 'academia' } });
    await whenSynced(facilitator);
    const ana = newPerson();
    const participant = join(server.url, workshop, 'participant', { person: ana, profile: ANA });
    await whenSynced(participant);
    const joined = await recordOf(facilitator, ana.id);
    expect(joined.firstJoined).toBe(clock.now());

    clock.advance(25 * 60_000);
    participant.destroy();
    const left = await recordOf(facilitator, ana.id, (r) => r.connectedSince === null, 'left');
    expect(left.lastSeen).toBe(joined.firstJoined + 25 * 60_000);
    expect(left.secondsConnected).toBe(25 * 60);
    expect(minutesConnected(left, clock.now() + 60 * 60_000)).toBe(25);
    expect(left).toMatchObject({ name: 'Ana Rakoto', group: 'civil-society', role: 'participant' });

    // Back an hour later: a second session, added to the first; first joined stays.
    clock.advance(60 * 60_000);
    const again = join(server.url, workshop, 'participant', { person: ana, profile: ANA });
    await whenSynced(again);
    const back = await recordOf(facilitator, ana.id, (r) => r.connectedSince !== null, 'back');
    expect(back.firstJoined).toBe(joined.firstJoined);
    clock.advance(5 * 60_000);
    expect(minutesConnected(back, clock.now())).toBe(30);
  });

  it('counts several tabs of one person as one presence and one record', async () => {
    const clock = testClock();
    const server = await serve({ now: clock.now });
    const workshop = await createWorkshop(server.url);
    const facilitator = join(server.url, workshop, 'facilitator', { profile: { name: 'Fatima', group: 'academia' } });
    await whenSynced(facilitator);
    const ana = newPerson();
    const tab1 = join(server.url, workshop, 'participant', { person: ana, profile: ANA });
    await whenSynced(tab1);
    const first = await recordOf(facilitator, ana.id);
    clock.advance(60_000);
    const tab2 = join(server.url, workshop, 'participant', { person: ana, profile: ANA });
    await whenSynced(tab2);
    clock.advance(4 * 60_000);
    // One tab closes: the person is still here, the session still open from the first tab.
    tab1.destroy();
    await sleep(300);
    const stillHere = await recordOf(facilitator, ana.id);
    expect(stillHere.connectedSince).toBe(first.firstJoined);
    expect(stillHere.secondsConnected).toBe(0);
    clock.advance(5 * 60_000);
    tab2.destroy();
    const left = await recordOf(facilitator, ana.id, (r) => r.connectedSince === null, 'left');
    // Ten minutes with one or two tabs open: ten minutes, not fifteen.
    expect(left.secondsConnected).toBe(10 * 60);
    expect(readAttendance(facilitator.doc).filter((r) => r.name === 'Ana Rakoto')).toHaveLength(1);
    expect(readAttendance(facilitator.doc)).toHaveLength(2);
  });

  it('takes a new name or group from the person’s presence, and the name of a client that sends none in its hello', async () => {
    const server = await serve();
    const workshop = await createWorkshop(server.url);
    const facilitator = join(server.url, workshop, 'facilitator', { profile: { name: 'Fatima', group: 'academia' } });
    await whenSynced(facilitator);
    // An older client: nothing in the hello; its name and group travel in its presence only.
    const ben = newPerson();
    const older = join(server.url, workshop, 'participant', { person: ben });
    await whenSynced(older);
    // Not recorded before it says who it is (a script syncing the board is nobody's attendance).
    await sleep(300);
    expect(readAttendance(facilitator.doc).map((r) => r.personId)).not.toContain(ben.id);
    older.provider.awareness.setLocalStateField('user', { name: 'Ben', colour: '#000', group: 'development-partner' });
    const named = await recordOf(facilitator, ben.id, (r) => r.name === 'Ben', 'named from presence');
    // The group that merged into another is recorded as the merged group.
    expect(named.group).toBe('international-organisation');
    // Cursor moves do not write; a rename does.
    const writes = () => facilitator.doc.getMap('attendance').get(ben.id);
    const seen = writes();
    for (let i = 0; i < 20; i++) older.provider.awareness.setLocalStateField('cursor', { x: i, y: i });
    await sleep(300);
    expect(writes()).toBe(seen);
    older.provider.awareness.setLocalStateField('user', {
      name: 'Ben A.',
      colour: '#000',
      group: 'other',
      groupDetail: 'Diaspora savings club',
    });
    const renamed = await recordOf(facilitator, ben.id, (r) => r.name === 'Ben A.', 'renamed');
    expect(renamed).toMatchObject({ group: 'other', groupDetail: 'Diaspora savings club', role: 'participant' });
  });

  it('writes a burst of renames at most once per interval, ending on the last', async () => {
    const server = await serve({ renameEveryMs: 400 });
    const workshop = await createWorkshop(server.url);
    const facilitator = join(server.url, workshop, 'facilitator', { profile: { name: 'Fatima', group: 'academia' } });
    await whenSynced(facilitator);
    const ana = newPerson();
    const participant = join(server.url, workshop, 'participant', { person: ana, profile: ANA });
    await whenSynced(participant);
    await recordOf(facilitator, ana.id);
    let writes = 0;
    facilitator.doc.getMap('attendance').observe((event) => {
      if (event.keysChanged.has(ana.id)) writes++;
    });
    for (let i = 1; i <= 30; i++) {
      participant.provider.awareness.setLocalStateField('user', {
        name: `Ana ${i}`,
        colour: '#000',
        group: 'academia',
      });
      await sleep(10);
    }
    await recordOf(facilitator, ana.id, (r) => r.name === 'Ana 30', 'the last name');
    expect(writes).toBeLessThanOrEqual(3);
  });

  it('refreshes when the people present were last seen, so a crash loses little of their time', async () => {
    const clock = testClock();
    const server = await serve({ now: clock.now, heartbeatMs: 100 });
    const workshop = await createWorkshop(server.url);
    const ana = newPerson();
    const participant = join(server.url, workshop, 'participant', { person: ana, profile: ANA });
    await whenSynced(participant);
    const joined = await recordOf(participant, ana.id);
    clock.advance(7 * 60_000);
    const seen = await recordOf(participant, ana.id, (r) => r.lastSeen > joined.lastSeen, 'seen again');
    expect(seen.lastSeen).toBe(joined.firstJoined + 7 * 60_000);
    // The session stays open, from when it began.
    expect(seen.connectedSince).toBe(joined.firstJoined);
  });

  it('records at most maxRecords people in a workshop', async () => {
    const server = await serve({ maxRecords: 2 });
    const workshop = await createWorkshop(server.url);
    const facilitator = join(server.url, workshop, 'facilitator', { profile: { name: 'Fatima', group: 'academia' } });
    await whenSynced(facilitator);
    const a = join(server.url, workshop, 'viewer', { profile: { name: 'A', group: 'media' } });
    await whenSynced(a);
    await waitFor(() => readAttendance(facilitator.doc).length === 2, 'two records');
    const b = join(server.url, workshop, 'viewer', { profile: { name: 'B', group: 'media' } });
    await whenSynced(b);
    await sleep(300);
    expect(readAttendance(facilitator.doc).map((r) => r.name)).toEqual(['Fatima', 'A']);
  });

  it('closes the sessions of everyone still here when the server stops, and keeps the records', async () => {
    const clock = testClock();
    const dataDir = tempDir();
    const first = await serve({ now: clock.now }, dataDir);
    const workshop = await createWorkshop(first.url);
    const ana = newPerson();
    const participant = join(first.url, workshop, 'participant', { person: ana, profile: ANA });
    await whenSynced(participant);
    await recordOf(participant, ana.id);
    clock.advance(42 * 60_000);
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    participant.destroy();

    const second = await serve({ now: clock.now }, dataDir);
    const viewer = join(second.url, workshop, 'viewer', { profile: { name: 'Vic', group: 'media' } });
    await whenSynced(viewer);
    const record = await recordOf(viewer, ana.id);
    expect(record).toMatchObject({ name: 'Ana Rakoto', role: 'participant', connectedSince: null });
    expect(record.secondsConnected).toBe(42 * 60);
  });
});

describe('the attendance across a crash', () => {
  it('survives a server killed with SIGKILL; the next run closes the sessions it left open', {
    timeout: 120_000,
  }, async () => {
    const dataDir = tempDir();
    const first = await spawnServer({ DATA_DIR: dataDir });
    processes.push(first);
    const workshop = await createWorkshop(first.url);
    const ana = newPerson();
    const participant = join(first.url, workshop, 'participant', { person: ana, profile: ANA });
    const viewer = join(first.url, workshop, 'viewer', {
      profile: { name: 'Vic', group: 'other', groupDetail: 'Press' },
    });
    await Promise.all([whenSynced(participant), whenSynced(viewer)]);
    // The server stores before it relays: the participant holding both records means both are stored.
    await waitFor(() => readAttendance(participant.doc).length === 2, 'both records to be stored');

    first.child.kill('SIGKILL');
    await first.exited;
    participant.destroy();
    viewer.destroy();

    const second = await spawnServer({ DATA_DIR: dataDir });
    processes.push(second);
    const facilitator = join(second.url, workshop, 'facilitator', { profile: { name: 'Fatima', group: 'academia' } });
    await whenSynced(facilitator, 15_000);
    await waitFor(() => readAttendance(facilitator.doc).length === 3, 'three records');
    const records = readAttendance(facilitator.doc);
    expect(records.map((r) => [r.name, r.group, r.groupDetail, r.role])).toEqual([
      ['Ana Rakoto', 'civil-society', '', 'participant'],
      ['Vic', 'other', 'Press', 'viewer'],
      ['Fatima', 'academia', '', 'facilitator'],
    ]);
    // The sessions the killed server left open are closed at when they were last seen.
    for (const r of records.slice(0, 2)) {
      expect(r.connectedSince).toBeNull();
      expect(r.lastSeen).toBeGreaterThanOrEqual(r.firstJoined);
    }
    expect(records[2]?.connectedSince).not.toBeNull();
  });
});

describe('the server-only roots rule', () => {
  const touch = (root: string, deleted = false) => ({ root, id: 'x', path: [], deleted });

  it('refuses any touch of the attendance, before and whatever the role’s own rules say', async () => {
    expect(checkServerRoots([touch('cards'), touch('meta')])).toEqual({ ok: true });
    expect(checkServerRoots([touch('cards'), touch('attendance', true)])).toEqual({ ok: false, reason: 'server-only' });
    const anything = withServerRoots(null);
    expect(await anything([touch('links')])).toEqual({ ok: true });
    expect(await anything([touch('attendance')])).toEqual({ ok: false, reason: 'server-only' });
    let asked = 0;
    const strict = withServerRoots(() => {
      asked++;
      return { ok: false, reason: 'locked' };
    });
    expect(await strict([touch('attendance')])).toEqual({ ok: false, reason: 'server-only' });
    expect(asked).toBe(0);
    expect(await strict([touch('cards')])).toEqual({ ok: false, reason: 'locked' });
  });
});

describe('the hello’s name and group', () => {
  const secret = newPerson().secret;
  /** A hello frame with the given fields, whatever their types. */
  const frame = (fields: Record<string, unknown>) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE.auth);
    encoding.writeVarUint(e, AUTH.hello);
    encoding.writeVarString(e, JSON.stringify({ v: 1, token: 't', secret, board: 'shared', ...fields }));
    return encoding.toUint8Array(e);
  };

  it('are optional, and read back as sent', () => {
    expect(decodeHello(frame({}))).toEqual({ token: 't', secret, board: 'shared' });
    expect(decodeHello(frame({ name: 'Ana', group: 'other', groupDetail: 'Farmers' }))).toEqual({
      token: 't',
      secret,
      board: 'shared',
      name: 'Ana',
      group: 'other',
      groupDetail: 'Farmers',
    });
    expect(decodeHello(encodeHello({ token: 't', secret, board: 'private', name: 'Ana' }))).toMatchObject({
      name: 'Ana',
    });
  });

  it('are refused with a clear protocol error when not strings, or too long', () => {
    for (const [fields, message] of [
      [{ name: 42 }, 'hello: name must be a string of at most 120 characters'],
      [{ name: 'x'.repeat(121) }, 'hello: name must be a string of at most 120 characters'],
      [{ group: ['civil-society'] }, 'hello: group must be a string of at most 64 characters'],
      [{ groupDetail: 'y'.repeat(81) }, 'hello: groupDetail must be a string of at most 80 characters'],
      [{ groupDetail: null }, 'hello: groupDetail must be a string of at most 80 characters'],
    ] as const) {
      expect(() => decodeHello(frame(fields))).toThrow(ProtocolError);
      expect(() => decodeHello(frame(fields))).toThrow(message);
    }
  });

  it('closes a socket whose hello has a malformed name with 4400 and records nobody', async () => {
    const server = await serve();
    const workshop = await createWorkshop(server.url);
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${workshop.id}`);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.on('open', () => ws.send(frame({ token: workshop.tokens.participant, name: { first: 'Ana' } })));
    expect(await closed).toBe(CLOSE.malformed);
    const facilitator = join(server.url, workshop, 'facilitator', { profile: { name: 'Fatima', group: 'academia' } });
    await whenSynced(facilitator);
    await waitFor(() => readAttendance(facilitator.doc).length === 1, 'the facilitator’s record');
    expect(readAttendance(facilitator.doc).map((r) => r.name)).toEqual(['Fatima']);
  });
});

describe("the plan's participants come from the attendance", () => {
  async function exportPlan(url: string, workshop: CreatedWorkshop): Promise<ActionPlan> {
    const res = await fetch(`${url}/api/workshops/${workshop.id}/export?format=json`, {
      headers: { authorization: `Bearer ${workshop.tokens.viewer}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as ActionPlan;
  }

  it('lists a participant who wrote nothing with their group, a viewer as observer, and a person who left', async () => {
    const clock = testClock();
    const server = await serve({ now: clock.now });
    const workshop = await createWorkshop(server.url, 'Koshi validation');
    const facilitator = join(server.url, workshop, 'facilitator', {
      profile: { name: 'Fatima', group: 'government-national' },
    });
    const ministry = join(server.url, workshop, 'participant', {
      profile: { name: 'Ministry of Labour', group: 'government-local' },
    });
    const gone = join(server.url, workshop, 'participant', {
      profile: { name: 'Farmers', group: 'other', groupDetail: 'Farmers’ cooperative' },
    });
    const press = join(server.url, workshop, 'viewer', { profile: { name: 'Radio Koshi', group: 'media' } });
    await Promise.all([facilitator, ministry, gone, press].map((c) => whenSynced(c, 10_000)));
    await waitFor(() => readAttendance(facilitator.doc).length === 4, 'the four people to be recorded', 10_000);
    clock.advance(20 * 60_000);
    gone.destroy();
    await waitFor(
      () => readAttendance(facilitator.doc).find((a) => a.name === 'Farmers')?.connectedSince === null,
      'the farmers to have left',
      10_000,
    );
    clock.advance(10 * 60_000);

    const plan = await exportPlan(server.url, workshop);
    const listed = plan.workshop.participants.map((g) => [g.group, g.people.map((p) => [p.name, p.role])]);
    expect(listed).toEqual([
      ['government-national', [['Fatima', 'facilitator']]],
      ['government-local', [['Ministry of Labour', 'participant']]],
      ['other', [['Farmers', 'participant']]],
    ]);
    const ministryRow = plan.workshop.participants[1]?.people[0];
    expect(ministryRow?.contributions).toEqual({ cards: 0, links: 0, comments: 0, dots: 0 });
    const farmers = plan.workshop.participants[2]?.people[0];
    expect(farmers).toMatchObject({ groupDetail: 'Farmers’ cooperative', minutesConnected: 20 });
    expect(farmers?.lastSeen).toBe(new Date(clock.now() - 10 * 60_000).toISOString());
    expect(plan.workshop.observers).toMatchObject([{ name: 'Radio Koshi', group: 'media', role: 'viewer' }]);
  });
});
