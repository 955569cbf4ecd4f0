// The red-team's crafted updates, one class per test: each once changed what the rules forbid
// (an agreed item, the facilitator's settings, someone else's edits or dots) and was stored. Now
// each is refused, the connection that sent it is closed, and the board is unchanged, in memory
// and in storage.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addLink,
  cardText,
  castVotes,
  decideIntervention,
  getCard,
  getLink,
  readFacilitation,
  readValidation,
  recordValidation,
  retargetLink,
  setPhase,
  startVote,
  updateCard,
} from '../../shared/model/index.ts';
import { CLOSE } from '../../shared/protocol/closeCodes.ts';
import { encodeUpdate, mapEntry, sectionsOf, updateOf } from '../support/craftUpdate.ts';
import { type Harness, roomHarness, type TestConnection } from '../support/roomHarness.ts';

const who = { id: 'fac', name: 'Fatima', group: 'government-national' };

let h: Harness;
afterEach(async () => {
  await h?.close();
});

interface Client {
  doc: Y.Doc;
  tc: TestConnection;
  /** Makes an edit on this client's copy and sends exactly what it emitted. */
  edit(fn: (doc: Y.Doc) => void): Promise<Uint8Array>;
}

async function client(role: 'facilitator' | 'participant' | 'viewer', person: string): Promise<Client> {
  const tc = await h.connect(role, person, { name: person, group: 'academia' });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(h.doc()));
  return {
    doc,
    tc,
    async edit(fn) {
      const update = updateOf(doc, () => fn(doc));
      await h.send(tc, update);
      return update;
    },
  };
}

/** A board with a proposed note and an agreed intervention, both by the facilitator. */
async function agreedBoard() {
  h = await roomHarness();
  const fac = await client('facilitator', 'person-fatima');
  let agreed = '';
  let open = '';
  await fac.edit((doc) => {
    open = addCard(doc, { kind: 'note', x: 0, y: 0, author: who, fields: { text: 'open' } });
    agreed = addCard(doc, { kind: 'intervention', x: 0, y: 300, author: who, fields: { title: 'Skills passport' } });
  });
  await fac.edit((doc) => updateCard(doc, agreed, { status: 'agreed' }));
  const eve = await client('participant', 'person-eve');
  return { fac, eve, agreed, open };
}

/**
 * The board's content, for "unchanged" comparisons. Not the attendance: an attacker connecting
 * is recorded there, as anyone is (the attendance attack below compares it on its own).
 */
const snapshot = (doc: Y.Doc) =>
  JSON.stringify(
    Object.fromEntries(['meta', 'cards', 'links', 'validation'].map((root) => [root, doc.getMap(root).toJSON()])),
  );

async function expectUnchanged(before: string) {
  expect(snapshot(h.doc())).toBe(before);
  expect(snapshot(await h.stored())).toBe(before);
}

describe('a participant’s crafted update', () => {
  it('deleting a range that starts on garbage-collected structs cannot delete an agreed card', async () => {
    h = await roomHarness();
    const fac = await client('facilitator', 'person-fatima');
    let scratch = '';
    let agreed = '';
    await fac.edit((doc) => {
      scratch = addCard(doc, { kind: 'note', x: 0, y: 0, author: who, fields: { text: 'scratch' } });
    });
    await fac.edit((doc) => {
      agreed = addCard(doc, { kind: 'intervention', x: 0, y: 300, author: who, status: 'agreed' });
    });
    // Deleting the scratch note garbage-collects its contents: a run of GC structs first in the range.
    await fac.edit((doc) => doc.getMap('cards').delete(scratch));
    const eve = await client('participant', 'person-eve');
    const before = snapshot(h.doc());
    const whole = { client: fac.doc.clientID, clock: 0, len: Y.getState(h.doc().store, fac.doc.clientID) };
    await h.send(eve.tc, encodeUpdate([], [whole]));
    expect(eve.tc.closedWith()).toBe(CLOSE.conflict);
    expect(getCard(h.doc(), agreed)?.status).toBe('agreed');
    await expectUnchanged(before);
  });

  it('a deletion of clocks the server does not have yet cannot later delete the facilitator’s own changes', async () => {
    const { fac, eve, open } = await agreedBoard();
    const next = Y.getState(h.doc().store, fac.doc.clientID);
    // Deletes the next two things the facilitator writes.
    await h.send(eve.tc, encodeUpdate([], [{ client: fac.doc.clientID, clock: next, len: 2 }]));
    expect(h.doc().store.pendingDs).toBeNull();
    await fac.edit((doc) => setPhase(doc, 'validate'));
    await fac.edit((doc) => updateCard(doc, open, { status: 'agreed' }));
    // Eve's next update would let Yjs apply the deletion it kept pending; here it is judged again.
    await eve.edit((doc) => addCard(doc, { kind: 'note', x: 9, y: 9, author: who }));
    expect(readFacilitation(h.doc()).phase).toBe('validate');
    expect(getCard(h.doc(), open)?.status).toBe('agreed');
    expect(h.doc().store.pendingDs).toBeNull();
    expect(eve.tc.closedWith()).toBe(CLOSE.conflict);
    const stored = await h.stored();
    expect(readFacilitation(stored).phase).toBe('validate');
    expect(getCard(stored, open)?.status).toBe('agreed');
  });

  it('an update with a clock gap is judged when it integrates: it cannot rewrite an item agreed meanwhile', async () => {
    const { fac, eve, open } = await agreedBoard();
    const first = updateOf(eve.doc, () => addCard(eve.doc, { kind: 'note', x: 5, y: 5, author: who }));
    const rewrite = updateOf(eve.doc, () => updateCard(eve.doc, open, { fields: { text: 'rewritten' } }));
    await h.send(eve.tc, rewrite); // arrives first: it depends on `first`
    expect(eve.tc.closedWith()).toBeNull();
    await fac.edit((doc) => updateCard(doc, open, { status: 'agreed' }));
    const before = snapshot(h.doc());
    await h.send(eve.tc, first);
    expect(eve.tc.closedWith()).toBe(CLOSE.conflict);
    expect(cardText(h.doc(), open, 'text')?.toString()).toBe('open');
    // `first` was applied (it was allowed); the rewrite never was.
    expect(snapshot(h.doc())).not.toBe(before);
    expect(cardText(await h.stored(), open, 'text')?.toString()).toBe('open');
    expect(h.doc().store.pendingStructs).toBeNull();
  });

  it('a status written as a multi-value entry or as JSON cannot agree an item', async () => {
    const { eve, open } = await agreedBoard();
    const before = snapshot(h.doc());
    const card = (h.doc().getMap('cards').get(open) as Y.Map<unknown>)._item as Y.Item;
    const clock = Y.getState(h.doc().store, eve.doc.clientID);
    // The old rule read the first value ('proposed'); Y.Map keeps the last ('agreed').
    const multi = mapEntry(
      { client: eve.doc.clientID, clock },
      card.id,
      'status',
      new Y.ContentAny(['proposed', 'agreed']),
    );
    await h.send(eve.tc, encodeUpdate([{ client: eve.doc.clientID, clock, structs: [multi] }]));
    expect(eve.tc.closedWith()).toBe(CLOSE.conflict);
    const eve2 = await client('participant', 'person-eve-2');
    const json = mapEntry({ client: eve2.doc.clientID, clock: 0 }, card.id, 'status', new Y.ContentJSON(['agreed']));
    await h.send(eve2.tc, encodeUpdate([{ client: eve2.doc.clientID, clock: 0, structs: [json] }]));
    expect(eve2.tc.closedWith()).toBe(CLOSE.conflict);
    expect(getCard(h.doc(), open)?.status).toBe('proposed');
    await expectUnchanged(before);
  });

  it('another person’s client id cannot be used: the facilitator’s offline edits are stored when she returns', async () => {
    const { fac, eve, open } = await agreedBoard();
    // The facilitator goes offline and keeps working.
    const offline = updateOf(fac.doc, () => updateCard(fac.doc, open, { fields: { text: 'her offline edit' } }));
    // Eve writes under the facilitator's client id, at the clocks her offline edit uses.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(h.doc()));
    // Set after loading: Yjs would pick a new id on seeing its own in a remote update.
    forged.clientID = fac.doc.clientID;
    const before = snapshot(h.doc());
    await h.send(
      eve.tc,
      updateOf(forged, () => addCard(forged, { kind: 'note', x: 1, y: 1, author: who })),
    );
    expect(eve.tc.closedWith()).toBe(CLOSE.conflict);
    await expectUnchanged(before);
    const back = await h.connect('facilitator', 'person-fatima');
    await h.send(back, offline);
    expect(cardText(h.doc(), open, 'text')?.toString()).toBe('her offline edit');
    expect(cardText(await h.stored(), open, 'text')?.toString()).toBe('her offline edit');
  });

  it('cannot put dots under invented or other people’s names, as a multi-value entry, or take others’ dots away', async () => {
    const { fac, open } = await agreedBoard();
    await fac.edit((doc) => {
      startVote(doc, { id: 'v1', title: 'Priorities', items: [{ type: 'card', id: open }], perPerson: 3 });
      // A revealed dot of someone else's, as the reveal writes it.
      castVotes(doc, { type: 'card', id: open }, 'v1:person-ana', 2);
    });
    const before = snapshot(h.doc());
    const attempts: Array<(doc: Y.Doc) => void> = [
      (doc) => castVotes(doc, { type: 'card', id: open }, 'v1:invented', 3),
      (doc) => castVotes(doc, { type: 'card', id: open }, 'v1:person-ana', 3),
      (doc) => castVotes(doc, { type: 'card', id: open }, 'v1:person-ana', 0),
    ];
    for (const [i, attempt] of attempts.entries()) {
      const eve = await client('participant', `person-eve-${i}`);
      await eve.edit(attempt);
      expect(eve.tc.closedWith()).toBe(CLOSE.conflict);
    }
    const eve = await client('participant', 'person-eve-multi');
    const votes = (h.doc().getMap('cards').get(open) as Y.Map<unknown>).get('votes') as Y.Map<unknown>;
    const entry = mapEntry(
      { client: eve.doc.clientID, clock: 0 },
      (votes._item as Y.Item).id,
      'v1:person-eve-multi',
      new Y.ContentAny([1, 99]),
    );
    await h.send(eve.tc, encodeUpdate([{ client: eve.doc.clientID, clock: 0, structs: [entry] }]));
    expect(eve.tc.closedWith()).toBe(CLOSE.conflict);
    await expectUnchanged(before);
  });

  it('cannot write outside the board’s roots, nor nest deeper than the model does', async () => {
    const { eve } = await agreedBoard();
    const before = snapshot(h.doc());
    const junk = mapEntry({ client: eve.doc.clientID, clock: 0 }, 'junk', 'x', new Y.ContentAny(['1 MB later']));
    await h.send(eve.tc, encodeUpdate([{ client: eve.doc.clientID, clock: 0, structs: [junk] }]));
    expect(eve.tc.closedWith()).toBe(CLOSE.conflict);

    // 2,000 maps, each inside the previous one, under a new card: refused at once.
    const deep = await client('participant', 'person-deep');
    const c = deep.doc.clientID;
    const structs: Y.Item[] = [mapEntry({ client: c, clock: 0 }, 'cards', 'deep', new Y.ContentType(new Y.Map()))];
    for (let i = 1; i < 2000; i++) {
      structs.push(mapEntry({ client: c, clock: i }, Y.createID(c, i - 1), 'k', new Y.ContentType(new Y.Map())));
    }
    const update = encodeUpdate([{ client: c, clock: 0, structs }]);
    const started = performance.now();
    await h.send(deep.tc, update);
    expect(performance.now() - started).toBeLessThan(200);
    expect(deep.tc.closedWith()).toBe(CLOSE.conflict);
    await expectUnchanged(before);
  });

  it('a struct whose neighbour sits elsewhere cannot be used to reach into the workshop settings', async () => {
    const { fac, eve } = await agreedBoard();
    await fac.edit((doc) => setPhase(doc, 'map'));
    const before = snapshot(h.doc());
    // The phase's current value, as the origin of an item that names no parent: Yjs puts it in
    // the same map under the same key, replacing the phase.
    const meta = h.doc().getMap('meta');
    const phaseItem = (meta as unknown as { _map: Map<string, Y.Item> })._map.get('phase') as Y.Item;
    const sneaky = new Y.Item(
      Y.createID(eve.doc.clientID, 0),
      null,
      phaseItem.lastId,
      null,
      null,
      null,
      null,
      new Y.ContentAny(['brainstorm']),
    );
    await h.send(eve.tc, encodeUpdate([{ client: eve.doc.clientID, clock: 0, structs: [sneaky] }]));
    expect(eve.tc.closedWith()).toBe(CLOSE.conflict);
    expect(readFacilitation(h.doc()).phase).toBe('map');
    await expectUnchanged(before);
  });

  it('a struct overlapping what the server holds cannot land its remainder inside an agreed item', async () => {
    const { fac, eve, open } = await agreedBoard();
    // Eve types into the note while it is open (allowed), then the facilitator agrees it.
    await eve.edit((doc) => cardText(doc, open, 'text')?.insert(4, '!'));
    await fac.edit((doc) => updateCard(doc, open, { status: 'agreed' }));
    const before = snapshot(h.doc());
    const held = Y.getState(h.doc().store, eve.doc.clientID);
    // Declared as a new card; Yjs integrates only the part after `held`, right after her '!'.
    const overlap = mapEntry(
      { client: eve.doc.clientID, clock: held - 1 },
      'cards',
      'fresh',
      new Y.ContentString('!hello'),
    );
    await h.send(eve.tc, encodeUpdate([{ client: eve.doc.clientID, clock: held - 1, structs: [overlap] }]));
    expect(eve.tc.closedWith()).not.toBeNull();
    expect(cardText(h.doc(), open, 'text')?.toString()).toBe('open!');
    await expectUnchanged(before);
  });

  it('cannot take away or move what an agreed intervention stands on: its links and the cards they join', async () => {
    h = await roomHarness();
    const fac = await client('facilitator', 'person-fatima');
    let centre = '';
    let target = '';
    let objective = '';
    let link = '';
    let open = '';
    await fac.edit((doc) => {
      centre = addCard(doc, { kind: 'intervention', x: 0, y: 0, author: who, fields: { title: 'Resource centre' } });
      target = addCard(doc, { kind: 'target', x: 0, y: 300, author: who, fields: { code: '10.7' } });
      objective = addCard(doc, { kind: 'objective', x: 300, y: 0, author: who });
      link = addLink(doc, { kind: 'contributes', from: centre, to: target, author: who });
      open = addLink(doc, { kind: 'contributes', from: objective, to: target, author: who });
    });
    await fac.edit((doc) => updateCard(doc, centre, { status: 'agreed' }));
    const before = snapshot(h.doc());
    const itemOf = (root: string, id: string) => (h.doc().getMap(root).get(id) as Y.Map<unknown>)._item as Y.Item;
    const valueItem = (root: string, id: string, key: string) =>
      (h.doc().getMap(root).get(id) as Y.Map<unknown> as unknown as { _map: Map<string, Y.Item> })._map.get(
        key,
      ) as Y.Item;
    const attempts: Array<[string, (eve: Client) => Promise<unknown>]> = [
      [
        'a link made and moved onto the agreed card in one update',
        (eve) =>
          eve.edit((doc) => {
            const id = addLink(doc, { kind: 'contributes', from: objective, to: target, author: who });
            retargetLink(doc, id, 'from', centre);
          }),
      ],
      [
        'an open link’s end rewritten by hand to the agreed card',
        (eve) => eve.edit((doc) => (doc.getMap('links').get(open) as Y.Map<unknown>).set('from', centre)),
      ],
      [
        'an open link’s end replaced through a struct that names only its left neighbour',
        async (eve) => {
          const sneaky = new Y.Item(
            Y.createID(eve.doc.clientID, 0),
            null,
            valueItem('links', open, 'from').lastId,
            null,
            null,
            null,
            null,
            new Y.ContentAny([centre]),
          );
          await h.send(eve.tc, encodeUpdate([{ client: eve.doc.clientID, clock: 0, structs: [sneaky] }]));
        },
      ],
      [
        'the target and the agreed link to it deleted in one update',
        (eve) =>
          eve.edit((doc) =>
            doc.transact(() => {
              doc.getMap('links').delete(link);
              doc.getMap('cards').delete(target);
            }),
          ),
      ],
      [
        'the target deleted by a delete set naming only its map',
        async (eve) => {
          const id = itemOf('cards', target).id;
          await h.send(eve.tc, encodeUpdate([], [{ client: id.client, clock: id.clock, len: 1 }]));
        },
      ],
      [
        'the link’s end deleted by a delete set',
        async (eve) => {
          const id = valueItem('links', link, 'to').id;
          await h.send(eve.tc, encodeUpdate([], [{ client: id.client, clock: id.clock, len: 1 }]));
        },
      ],
      [
        'the target turned into a note',
        (eve) => eve.edit((doc) => (doc.getMap('cards').get(target) as Y.Map<unknown>).set('kind', 'note')),
      ],
      [
        'the link’s end as a multi-value entry (Y.Map keeps the last value)',
        async (eve) => {
          const entry = mapEntry(
            { client: eve.doc.clientID, clock: 0 },
            itemOf('links', open).id,
            'to',
            new Y.ContentAny([target, centre]),
          );
          await h.send(eve.tc, encodeUpdate([{ client: eve.doc.clientID, clock: 0, structs: [entry] }]));
        },
      ],
    ];
    for (const [i, [what, attempt]] of attempts.entries()) {
      const eve = await client('participant', `person-eve-${i}`);
      await attempt(eve);
      expect(eve.tc.closedWith(), what).toBe(CLOSE.conflict);
      expect(snapshot(h.doc()), what).toBe(before);
    }
    expect(getLink(h.doc(), link)?.to).toBe(target);
    expect(getLink(h.doc(), open)?.from).toBe(objective);
    await expectUnchanged(before);
  });

  it('an update that names a client twice is refused whole (Yjs would keep only the last section)', async () => {
    const { eve } = await agreedBoard();
    const before = snapshot(h.doc());
    const first = updateOf(eve.doc, () => addCard(eve.doc, { kind: 'note', x: 0, y: 0, author: who }));
    const second = updateOf(eve.doc, () => addCard(eve.doc, { kind: 'note', x: 9, y: 0, author: who }));
    const [a] = sectionsOf(first);
    const [b] = sectionsOf(second);
    if (!a || !b) throw new Error('no sections');
    await h.send(eve.tc, encodeUpdate([a, b]));
    expect(eve.tc.closedWith()).toBe(CLOSE.malformed);
    await expectUnchanged(before);
  });
});

describe("the walk-through's records, written by facilitators only", () => {
  it('a participant cannot add, rewrite or delete a record, by the model or by a crafted struct', async () => {
    const { fac, agreed, open } = await agreedBoard();
    let other = '';
    await fac.edit((doc) => {
      other = addCard(doc, { kind: 'intervention', x: 400, y: 300, author: who, fields: { title: 'Labour rights' } });
      decideIntervention(doc, agreed, { decision: 'agreed', by: 'Fatima' }, undefined, 10);
      decideIntervention(doc, other, { decision: 'sent-back', by: 'Fatima', comment: 'Who pays?' }, undefined, 11);
    });
    expect(fac.tc.closedWith()).toBeNull();
    expect(Object.keys(readValidation(h.doc())).sort()).toEqual([agreed, other].sort());
    const before = snapshot(h.doc());
    const forged = { checks: {}, decision: 'set-aside', by: 'Fatima', at: 12, comment: '' } as const;
    const attempts: Array<(doc: Y.Doc) => void> = [
      (doc) => recordValidation(doc, other, forged),
      (doc) => recordValidation(doc, open, forged),
      (doc) => doc.getMap('validation').delete(agreed),
      (doc) =>
        doc.transact(() => {
          addCard(doc, { kind: 'note', x: 5, y: 5, author: who, fields: { text: 'fine' } });
          doc.getMap('validation').set(other, forged);
        }),
    ];
    for (const [i, attempt] of attempts.entries()) {
      const eve = await client('participant', `person-eve-${i}`);
      await eve.edit(attempt);
      expect(eve.tc.closedWith()).toBe(CLOSE.conflict);
    }
    // A struct written by hand straight under the root, as JSON or as a plain value.
    for (const content of [new Y.ContentAny([forged]), new Y.ContentJSON([JSON.stringify(forged)])]) {
      const eve = await client('participant', `person-crafted-${content.constructor.name}`);
      const struct = mapEntry({ client: eve.doc.clientID, clock: 0 }, 'validation', other, content);
      await h.send(eve.tc, encodeUpdate([{ client: eve.doc.clientID, clock: 0, structs: [struct] }]));
      expect(eve.tc.closedWith()).toBe(CLOSE.conflict);
    }
    // A viewer neither (a viewer's updates are not applied).
    const viewer = await client('viewer', 'person-vic');
    await viewer.edit((doc) => recordValidation(doc, other, forged));
    await expectUnchanged(before);
    expect(readValidation(h.doc())[other]).toMatchObject({ decision: 'sent-back', by: 'Fatima' });
  });
});

describe('the attendance, written by the server only', () => {
  /** The attendance as the room holds it and as a newcomer would load it. */
  const attendanceOf = (doc: Y.Doc) => JSON.stringify(doc.getMap('attendance').toJSON());

  async function expectAttendanceUnchanged(before: string) {
    expect(attendanceOf(h.doc())).toBe(before);
    expect(attendanceOf(await h.stored())).toBe(before);
  }

  it('a facilitator cannot add, rewrite or delete anyone’s record', async () => {
    const { fac } = await agreedBoard();
    const board = snapshot(h.doc());
    const before = attendanceOf(h.doc());
    // The server recorded both people when they connected.
    expect(Object.keys(h.doc().getMap('attendance').toJSON()).sort()).toEqual(['person-eve', 'person-fatima']);
    const invented = {
      name: 'Someone who was never here',
      group: 'civil-society',
      groupDetail: '',
      role: 'participant',
      firstJoined: 1,
      lastSeen: 2,
      secondsConnected: 36_000,
      connectedSince: null,
    };
    const attempts: Array<(doc: Y.Doc) => void> = [
      (doc) => doc.getMap('attendance').set('person-ghost', invented),
      (doc) => doc.getMap('attendance').set('person-fatima', { ...invented, name: 'Fatima', role: 'facilitator' }),
      (doc) => doc.getMap('attendance').delete('person-eve'),
    ];
    for (const attempt of attempts) {
      const tc = await h.connect('facilitator', 'person-fatima', { name: 'person-fatima', group: 'academia' });
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(h.doc()));
      const update = updateOf(doc, () => attempt(doc));
      await h.send(tc, update);
      expect(tc.closedWith()).toBe(CLOSE.conflict);
    }
    await expectAttendanceUnchanged(before);
    expect(snapshot(h.doc())).toBe(board);
    // The facilitator can still change the rest of the board.
    await fac.edit((doc) => setPhase(doc, 'validate'));
    expect(fac.tc.closedWith()).toBeNull();
    expect(readFacilitation(h.doc()).phase).toBe('validate');
  });

  it('nor can a participant, even inside an edit the rules allow', async () => {
    const { eve } = await agreedBoard();
    const before = attendanceOf(h.doc());
    const board = snapshot(h.doc());
    await eve.edit((doc) => {
      doc.transact(() => {
        addCard(doc, { kind: 'note', x: 5, y: 5, author: who, fields: { text: 'fine' } });
        doc.getMap('attendance').set('person-eve', { name: 'Eve', role: 'facilitator', firstJoined: 0 });
      });
    });
    expect(eve.tc.closedWith()).toBe(CLOSE.conflict);
    await expectAttendanceUnchanged(before);
    expect(snapshot(h.doc())).toBe(board);
  });
});
