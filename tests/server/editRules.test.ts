import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardStateOf, checkParticipantEdit } from '../../server/auth/editRules.ts';
import { readUpdate } from '../../server/auth/updateReader.ts';
import { analyseUpdate } from '../../server/auth/updateScope.ts';
import {
  addCard,
  addComment,
  addLink,
  BOARD_ROOT_ENTRIES,
  castVotes,
  decideIntervention,
  deleteCard,
  deleteLink,
  getCard,
  moveCards,
  recordValidation,
  retargetLink,
  startVote,
  updateCard,
  updateLink,
  updateMeta,
} from '../../shared/model/index.ts';

/** What an update touches on the server's copy (it must pass the soundness checks). */
function touchesOf(server: Y.Doc, update: Uint8Array) {
  const analysis = analyseUpdate(server, readUpdate(update), { roots: BOARD_ROOT_ENTRIES });
  if (!analysis.ok) throw new Error(`${analysis.reason}: ${analysis.detail}`);
  return analysis.touches;
}

const who = { id: 'p', name: 'P', group: 'academia' };

/** A server copy with one agreed and one proposed card, and a client copy of it. */
function setup() {
  const server = new Y.Doc();
  const agreed = addCard(server, {
    kind: 'intervention',
    x: 0,
    y: 0,
    author: who,
    status: 'agreed',
    fields: { title: 'Locked' },
  });
  const open = addCard(server, { kind: 'target', x: 0, y: 300, author: who, fields: { code: '10.7' } });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client, agreed, open };
}

/** The update a client edit produces, and the verdict a participant gets for it. */
function verdictFor(server: Y.Doc, client: Y.Doc, edit: () => void) {
  // The update the provider would send: exactly what the edit's transactions emitted.
  const emitted: Uint8Array[] = [];
  const capture = (u: Uint8Array) => emitted.push(u);
  client.on('update', capture);
  edit();
  client.off('update', capture);
  const update = Y.mergeUpdates(emitted);
  const touches = touchesOf(server, update);
  const verdict = checkParticipantEdit(touches, boardStateOf(server));
  // As the room does: an allowed update is applied, so the next one can build on it.
  if (verdict.ok) Y.applyUpdate(server, update);
  return { touches, verdict };
}

describe('which items an update touches', () => {
  it('traces a field edit, a move, a new card and a deletion to their cards', () => {
    const { server, client, agreed, open } = setup();
    expect(
      verdictFor(server, client, () => updateCard(client, open, { fields: { crossCuttingNote: 'why' } })).touches.map(
        (t) => t.id,
      ),
    ).toContain(open);
    const moved = verdictFor(server, client, () => moveCards(client, [{ id: agreed, x: 5, y: 5 }])).touches;
    expect(new Set(moved.map((t) => t.id))).toEqual(new Set([agreed]));
    // The move was refused (the card is agreed): a new client, since this one's next edit follows it.
    const c2 = new Y.Doc();
    Y.applyUpdate(c2, Y.encodeStateAsUpdate(server));
    let fresh = '';
    const created = verdictFor(server, c2, () => {
      fresh = addCard(c2, { kind: 'note', x: 1, y: 1, author: who, fields: { text: 'new' } });
    }).touches;
    expect(new Set(created.map((t) => t.id))).toEqual(new Set([fresh]));
  });
});

describe('an update carrying what the server already has', () => {
  it('touches nothing: a participant re-sending the facilitator’s settings and an agreement is not refused', () => {
    const { server, agreed } = setup();
    // The facilitator changes the settings and an agreed card; the participant's offline copy
    // holds those changes and sends them again when it loads after the socket opened.
    const facilitator = new Y.Doc();
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(server));
    const changes: Uint8Array[] = [];
    facilitator.on('update', (u: Uint8Array) => changes.push(u));
    updateMeta(facilitator, { title: 'Renamed' });
    updateCard(facilitator, agreed, { fields: { title: 'Changed by the facilitator' } });
    deleteCard(facilitator, agreed);
    for (const u of changes) Y.applyUpdate(server, u);
    const resent = Y.encodeStateAsUpdate(facilitator);
    const touches = touchesOf(server, resent);
    expect(touches).toEqual([]);
  });

  it('still sees the new part of an update that repeats some of what the server has', () => {
    const { server, client, open } = setup();
    const before = Y.encodeStateVector(server);
    updateCard(client, open, { fields: { crossCuttingNote: 'new' } });
    // The whole client state: old structs (known) plus the new edit.
    const touches = touchesOf(server, Y.encodeStateAsUpdate(client, new Uint8Array([0])));
    expect(new Set(touches.map((t) => t.id))).toEqual(new Set([open]));
    expect(Y.encodeStateVector(server)).toEqual(before);
  });
});

describe('a participant', () => {
  it('may edit, move, link and comment on items that are not agreed', () => {
    const { server, client, open, agreed } = setup();
    expect(verdictFor(server, client, () => updateCard(client, open, { status: 'discussed' })).verdict).toEqual({
      ok: true,
    });
    expect(verdictFor(server, client, () => moveCards(client, [{ id: open, x: 9, y: 9 }])).verdict).toEqual({
      ok: true,
    });
    const objective = addCard(server, { kind: 'objective', x: 0, y: 600, author: who });
    const c2 = new Y.Doc();
    Y.applyUpdate(c2, Y.encodeStateAsUpdate(server));
    expect(
      verdictFor(server, c2, () => addLink(c2, { kind: 'contributes', from: objective, to: open, author: who }))
        .verdict,
    ).toEqual({ ok: true });
    // A link to the agreed card would pull the target into the agreed plan.
    const c3 = new Y.Doc();
    Y.applyUpdate(c3, Y.encodeStateAsUpdate(server));
    expect(
      verdictFor(server, c3, () => addLink(c3, { kind: 'contributes', from: agreed, to: open, author: who })).verdict,
    ).toEqual({ ok: false, reason: 'locked-link' });
  });

  it('may not change, move or delete an agreed item, but may comment on it', () => {
    const { server, client, agreed } = setup();
    expect(
      verdictFor(server, client, () => updateCard(client, agreed, { fields: { title: 'Changed' } })).verdict,
    ).toEqual({ ok: false, reason: 'locked' });
    const c2 = new Y.Doc();
    Y.applyUpdate(c2, Y.encodeStateAsUpdate(server));
    expect(verdictFor(server, c2, () => moveCards(c2, [{ id: agreed, x: 1, y: 1 }])).verdict).toEqual({
      ok: false,
      reason: 'locked',
    });
    const c3 = new Y.Doc();
    Y.applyUpdate(c3, Y.encodeStateAsUpdate(server));
    expect(verdictFor(server, c3, () => deleteCard(c3, agreed)).verdict).toEqual({ ok: false, reason: 'locked' });
    const c4 = new Y.Doc();
    Y.applyUpdate(c4, Y.encodeStateAsUpdate(server));
    expect(
      verdictFor(server, c4, () => addComment(c4, { type: 'card', id: agreed }, { author: who, text: 'Why?' })).verdict,
    ).toEqual({ ok: true });
  });

  it('may not agree an item, nor create one already agreed, nor change the workshop settings', () => {
    const { server, client, open } = setup();
    expect(verdictFor(server, client, () => updateCard(client, open, { status: 'agreed' })).verdict).toEqual({
      ok: false,
      reason: 'agreeing',
    });
    const c2 = new Y.Doc();
    Y.applyUpdate(c2, Y.encodeStateAsUpdate(server));
    expect(
      verdictFor(server, c2, () => addCard(c2, { kind: 'note', x: 0, y: 0, author: who, status: 'agreed' })).verdict,
    ).toEqual({ ok: false, reason: 'agreeing' });
    const c3 = new Y.Doc();
    Y.applyUpdate(c3, Y.encodeStateAsUpdate(server));
    expect(verdictFor(server, c3, () => updateMeta(c3, { title: 'Renamed' })).verdict).toEqual({
      ok: false,
      reason: 'workshop-settings',
    });
  });
});

describe("the walk-through's records", () => {
  it('are refused to a participant, as walk-through, whether new, rewritten or deleted', () => {
    const { server, open, agreed } = setup();
    const proposed = addCard(server, { kind: 'intervention', x: 0, y: 600, author: who, fields: { title: 'Open' } });
    decideIntervention(server, agreed, { decision: 'agreed', by: 'Fatima' });
    const fresh = () => {
      const c = new Y.Doc();
      Y.applyUpdate(c, Y.encodeStateAsUpdate(server));
      return c;
    };
    const record = { checks: {}, decision: 'set-aside' as const, by: 'Eve', at: 1, comment: '' };
    const attempts: Array<(c: Y.Doc) => void> = [
      (c) => recordValidation(c, proposed, record),
      (c) => recordValidation(c, agreed, { ...record, by: 'Eve' }),
      (c) => c.getMap('validation').delete(agreed),
      // Hidden inside an edit the rules allow.
      (c) =>
        c.transact(() => {
          updateCard(c, open, { fields: { crossCuttingNote: 'fine' } });
          c.getMap('validation').set(open, record);
        }),
    ];
    for (const attempt of attempts) {
      const c = fresh();
      expect(verdictFor(server, c, () => attempt(c)).verdict).toEqual({ ok: false, reason: 'walk-through' });
    }
  });

  it("go through the facilitator's decision, which the server applies as it is", () => {
    const { server, client } = setup();
    const proposed = addCard(server, { kind: 'intervention', x: 0, y: 600, author: who, fields: { title: 'Open' } });
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const update = (() => {
      const emitted: Uint8Array[] = [];
      client.on('update', (u: Uint8Array) => emitted.push(u));
      decideIntervention(client, proposed, { decision: 'set-aside', by: 'Fatima' }, undefined, 7);
      return Y.mergeUpdates(emitted);
    })();
    // The analysis reads it as touches of the validation root (a facilitator has no rules to pass).
    const touches = touchesOf(server, update);
    expect(touches.some((t) => t.root === 'validation' && t.id === proposed)).toBe(true);
    Y.applyUpdate(server, update);
    expect(server.getMap('validation').get(proposed)).toMatchObject({ decision: 'set-aside', by: 'Fatima', at: 7 });
  });
});

describe('a participant voting on the shared board', () => {
  function voting() {
    const { server, open } = setup();
    const items = [{ type: 'card' as const, id: open }];
    startVote(server, { id: 'v1', title: 'Priorities', items, perPerson: 3 });
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    return { server, client, open };
  }

  it('is refused: dots go on the private ballot, and only the reveal writes them here', () => {
    const { server, client, open } = voting();
    const { verdict } = verdictFor(server, client, () => castVotes(client, { type: 'card', id: open }, 'p', 1));
    expect(verdict).toEqual({ ok: false, reason: 'votes' });
  });

  it('may still delete a card that holds revealed dots (they go with it)', () => {
    const { server, open } = voting();
    castVotes(server, { type: 'card', id: open }, 'someone', 2);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    expect(verdictFor(server, client, () => deleteCard(client, open)).verdict).toEqual({ ok: true });
  });
});

describe('the lock covers what an agreed item stands on', () => {
  /**
   * An agreed intervention contributing to a target (a proposed link), a second target, an
   * objective with an open link, and an agreed link between two unagreed cards.
   */
  function standing() {
    const { server, agreed, open: target } = setup();
    const other = addCard(server, { kind: 'target', x: 300, y: 300, author: who, fields: { code: '10.c' } });
    const objective = addCard(server, { kind: 'objective', x: 600, y: 0, author: who });
    const link = addLink(server, { kind: 'contributes', from: agreed, to: target, author: who });
    const openLink = addLink(server, { kind: 'contributes', from: objective, to: other, author: who });
    const actor = addCard(server, { kind: 'actor', x: 900, y: 0, author: who });
    const unagreed = addCard(server, { kind: 'intervention', x: 900, y: 300, author: who });
    const agreedLink = addLink(server, {
      kind: 'implements',
      from: actor,
      to: unagreed,
      author: who,
      status: 'agreed',
    });
    return { server, agreed, target, other, objective, link, openLink, actor, unagreed, agreedLink };
  }
  /** A participant's copy of the server's board, as it is now. */
  function copy(server: Y.Doc): Y.Doc {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    return doc;
  }
  /** The verdict on an edit made on a fresh copy (an edit of a refused client does not follow). */
  const judge = (server: Y.Doc, edit: (doc: Y.Doc) => void) => {
    const doc = copy(server);
    return verdictFor(server, doc, () => edit(doc)).verdict;
  };
  const refused = (reason: string) => ({ ok: false, reason });
  const cards = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('cards');
  const links = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('links');

  it('refuses deleting, retargeting or editing a link of an agreed card, but not commenting on it', () => {
    const b = standing();
    expect(judge(b.server, (d) => deleteLink(d, b.link))).toEqual(refused('locked-link'));
    expect(judge(b.server, (d) => retargetLink(d, b.link, 'to', b.other))).toEqual(refused('locked-link'));
    expect(judge(b.server, (d) => updateLink(d, b.link, { fields: { note: 'changed' } }))).toEqual(
      refused('locked-link'),
    );
    expect(judge(b.server, (d) => updateLink(d, b.link, { status: 'discussed' }))).toEqual(refused('locked-link'));
    expect(
      judge(b.server, (d) => addComment(d, { type: 'link', id: b.link }, { author: who, text: 'Why this target?' })),
    ).toEqual({ ok: true });
  });

  it('refuses a new link to an agreed card, and moving an end of any link onto one', () => {
    const b = standing();
    expect(
      judge(b.server, (d) => addLink(d, { kind: 'contributes', from: b.agreed, to: b.other, author: who })),
    ).toEqual(refused('locked-link'));
    expect(judge(b.server, (d) => retargetLink(d, b.openLink, 'from', b.agreed))).toEqual(refused('locked-link'));
    // Made and moved in one update: every end written counts.
    expect(
      judge(b.server, (d) => {
        const id = addLink(d, { kind: 'contributes', from: b.objective, to: b.target, author: who });
        retargetLink(d, id, 'from', b.agreed);
      }),
    ).toEqual(refused('locked-link'));
    // Rewritten by hand rather than through the model.
    expect(judge(b.server, (d) => links(d).get(b.openLink)?.set('from', b.agreed))).toEqual(refused('locked-link'));
    // Moving an open link's end onto a held (unagreed) card is an ordinary edit.
    expect(judge(b.server, (d) => retargetLink(d, b.openLink, 'to', b.target))).toEqual({ ok: true });
  });

  it('refuses deleting, replacing or re-kinding a card an agreed item is linked to, but not editing it', () => {
    const b = standing();
    // Through the model the card's links go with it: the lock on the link refuses it first.
    expect(judge(b.server, (d) => deleteCard(d, b.target)).ok).toBe(false);
    // By hand, the card alone (its link left dangling), or the card and its link in one update.
    expect(judge(b.server, (d) => cards(d).delete(b.target))).toEqual(refused('held'));
    expect(
      judge(b.server, (d) =>
        d.transact(() => {
          cards(d).delete(b.target);
          links(d).delete(b.link);
        }),
      ).ok,
    ).toBe(false);
    expect(judge(b.server, (d) => cards(d).set(b.target, new Y.Map()))).toEqual(refused('held'));
    expect(judge(b.server, (d) => cards(d).get(b.target)?.set('kind', 'note'))).toEqual(refused('held'));
    // The ends of an agreed link are held too.
    expect(judge(b.server, (d) => cards(d).delete(b.actor))).toEqual(refused('held'));
    expect(judge(b.server, (d) => cards(d).delete(b.unagreed))).toEqual(refused('held'));
    // Edited, moved and commented on: allowed.
    expect(judge(b.server, (d) => updateCard(d, b.target, { fields: { crossCuttingNote: 'why' } }))).toEqual({
      ok: true,
    });
    expect(judge(b.server, (d) => moveCards(d, [{ id: b.target, x: 50, y: 50 }]))).toEqual({ ok: true });
    expect(getCard(b.server, b.target)?.x).toBe(50);
    // A card nothing agreed stands on may still be deleted, with its links.
    expect(judge(b.server, (d) => deleteCard(d, b.objective))).toEqual({ ok: true });
  });

  it('refuses bringing back a missing end of a link to an agreed card', () => {
    const b = standing();
    // Deleted while the link was being made elsewhere: the link is left dangling.
    cards(b.server).delete(b.target);
    expect(links(b.server).has(b.link)).toBe(true);
    expect(
      judge(b.server, (d) =>
        addCard(d, { id: b.target, kind: 'target', x: 0, y: 0, author: who, fields: { code: '1.1' } }),
      ),
    ).toEqual(refused('held'));
    expect(judge(b.server, (d) => addCard(d, { kind: 'note', x: 0, y: 0, author: who }))).toEqual({ ok: true });
  });
});
