// The edit rules hold for every update a participant can send, not for a few examples: a seeded
// generator makes real edits (of everything, allowed or not) and then corrupts them the ways a
// crafted client can (gaps, repeated or shifted sections, another person's client id, deletions
// over collected or missing clocks, neighbours elsewhere, multi-value, JSON and foreign content,
// parents anywhere). Each update goes through the gate the rooms use; what passes is applied.
// After every one, the agreed items (but for their comments), the workshop settings and the
// walk-through's records are exactly as they were, so is what the agreed cards stand on (their
// links, but for comments, and the cards at those links' other ends, which may be edited but not
// removed: docs/edit-rules.md), nothing is pending, and nobody wrote under the facilitator's client id.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type ClientOwnerStore, ClientOwners } from '../../server/auth/clientOwners.ts';
import { boardStateOf, checkParticipantEdit } from '../../server/auth/editRules.ts';
import { decodeUpdate } from '../../server/auth/updateScope.ts';
import { applyGated, gateUpdate } from '../../server/rooms/updateGate.ts';
import {
  addCard,
  addComment,
  addLink,
  BOARD_ROOT_ENTRIES,
  castVotes,
  decideIntervention,
  deleteCard,
  getCard,
  moveCards,
  recordValidation,
  retargetLink,
  setPhase,
  startVote,
  updateCard,
  updateLink,
  updateMeta,
} from '../../shared/model/index.ts';
import { type AnyStruct, encodeUpdate, type Section, sectionsOf, updateOf } from '../support/craftUpdate.ts';

const UPDATES = Number(process.env.PROPERTY_UPDATES ?? 10_000);
const who = { id: 'fac', name: 'Fatima', group: 'government-national' };

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof random>;

/** Client-id owners in memory, as storage keeps them. */
function memoryOwners(): ClientOwnerStore {
  const owners = new Map<number, string>();
  return {
    async clientOwners(_w, ids) {
      return new Map(ids.filter((id) => owners.has(id)).map((id) => [id, owners.get(id) as string]));
    },
    async claimClients(_w, person, ids) {
      for (const id of ids) if (!owners.has(id)) owners.set(id, person);
      return new Map(ids.map((id) => [id, owners.get(id) as string]));
    },
    async countClients(_w, person) {
      return [...owners.values()].filter((p) => p === person).length;
    },
  };
}

/** The board: agreed and open cards and links, settings, an open vote, and garbage-collected runs. */
function board() {
  const fac = new Y.Doc();
  const agreed: string[] = [];
  const open: string[] = [];
  for (let i = 0; i < 3; i++) {
    const scratch = addCard(fac, { kind: 'note', x: i, y: -200, author: who, fields: { text: 'scratch' } });
    agreed.push(
      addCard(fac, {
        kind: 'intervention',
        x: i * 300,
        y: 0,
        author: who,
        status: 'agreed',
        fields: {
          title: `Agreed ${i}`,
          funding: [{ amount: 10, currency: 'USD', source: 'domestic-budget', arrangement: 'annual' }],
        },
      }),
    );
    deleteCard(fac, scratch);
  }
  for (let i = 0; i < 4; i++) {
    open.push(addCard(fac, { kind: 'target', x: i * 300, y: 400, author: who, fields: { code: `10.${i + 1}` } }));
  }
  agreed.push(
    addLink(fac, {
      kind: 'contributes',
      from: agreed[0] as string,
      to: open[0] as string,
      author: who,
      status: 'agreed',
    }),
  );
  open.push(addLink(fac, { kind: 'contributes', from: agreed[1] as string, to: open[1] as string, author: who }));
  // An interaction into an agreed intervention, and a link that no agreed card stands on.
  open.push(
    addLink(fac, { kind: 'interaction', from: open[2] as string, to: agreed[2] as string, author: who }),
    addLink(fac, { kind: 'interaction', from: open[2] as string, to: open[3] as string, author: who }),
  );
  updateMeta(fac, { title: 'Provincial plan' });
  setPhase(fac, 'map');
  // The walk-through's records: one agreed intervention decided, one record of ticked checks.
  decideIntervention(fac, agreed[0] as string, { decision: 'agreed', by: 'Fatima' }, undefined, 1);
  recordValidation(fac, agreed[1] as string, {
    checks: { targets: true },
    decision: null,
    by: 'Fatima',
    at: 2,
    comment: '',
  });
  startVote(fac, {
    id: 'v1',
    title: 'Priorities',
    items: open.slice(0, 2).map((id) => ({ type: 'card', id })),
    perPerson: 3,
  });
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(fac));
  return { server, facClient: fac.clientID, agreed, open };
}

/** What must never change: the agreed items without their comments, the settings and the walk-through's records. */
function protectedState(doc: Y.Doc, agreed: readonly string[]): string {
  const items = agreed.map((id) => {
    const item = (doc.getMap('cards').get(id) ?? doc.getMap('links').get(id)) as Y.Map<unknown> | undefined;
    const json = item?.toJSON() as Record<string, unknown> | undefined;
    if (json) delete json.comments;
    return json ?? null;
  });
  return JSON.stringify({ items, meta: doc.getMap('meta').toJSON(), validation: doc.getMap('validation').toJSON() });
}

/**
 * What the agreed cards stand on, which must not change either: every link with an agreed card
 * at an end (without its comments), and the cards at those links' ends, by kind (they may be
 * edited, not removed). Read from the document's maps, dangling links too.
 */
function standingState(doc: Y.Doc, agreedCards: readonly string[]): string {
  const links: Record<string, unknown> = {};
  const ends = new Set<string>();
  for (const [id, item] of doc.getMap('links').entries()) {
    if (!(item instanceof Y.Map)) continue;
    const from = item.get('from');
    const to = item.get('to');
    if (!agreedCards.includes(from as string) && !agreedCards.includes(to as string)) continue;
    const json = item.toJSON() as Record<string, unknown>;
    delete json.comments;
    links[id] = json;
    for (const end of [from, to]) if (typeof end === 'string') ends.add(end);
  }
  const cards = [...ends].sort().map((id) => [id, getCard(doc, id)?.kind ?? null]);
  return JSON.stringify({ links, cards });
}

/** A real edit through the model: anything a participant's screen (or console) could do. */
function honestEdit(rng: Random, doc: Y.Doc, agreed: readonly string[], open: readonly string[]): void {
  const cards = [...doc.getMap('cards').keys()];
  const links = [...doc.getMap('links').keys()];
  const anyCard = () => rng.pick(cards.length > 0 ? cards : agreed);
  const target = () => (rng.chance(0.5) ? rng.pick(agreed) : anyCard());
  const isCard = (id: string) => doc.getMap('cards').has(id);
  switch (rng.int(14)) {
    case 0: {
      const id = target();
      if (isCard(id)) updateCard(doc, id, { fields: { title: `t${rng.int(1000)}` } });
      break;
    }
    case 1:
      moveCards(doc, [{ id: anyCard(), x: rng.int(900), y: rng.int(900) }]);
      break;
    case 2: {
      const id = target();
      if (isCard(id)) updateCard(doc, id, { status: rng.pick(['agreed', 'discussed', 'proposed'] as const) });
      break;
    }
    case 3: {
      const id = target();
      // Through the model (with its links), or the card alone (a console's Y.Map delete).
      if (isCard(id) && rng.chance(0.5)) deleteCard(doc, id);
      else if (isCard(id)) doc.getMap('cards').delete(id);
      break;
    }
    case 4:
      // The board stays small, so that each update costs the same from the first to the last.
      if (cards.length > 40) deleteCard(doc, anyCard());
      else addCard(doc, { kind: 'note', x: rng.int(900), y: rng.int(900), author: who, fields: { text: 'idea' } });
      break;
    case 5: {
      const id = target();
      const comments = (doc.getMap('cards').get(id) ?? doc.getMap('links').get(id)) as Y.Map<unknown> | undefined;
      if (((comments?.get('comments') as Y.Array<unknown> | undefined)?.length ?? 0) < 3) {
        addComment(doc, { type: isCard(id) ? 'card' : 'link', id }, { author: who, text: 'why?' });
      }
      break;
    }
    case 6:
      updateMeta(doc, { title: `renamed ${rng.int(99)}` });
      break;
    case 7:
      setPhase(doc, rng.pick(['brainstorm', 'validate'] as const));
      break;
    case 8: {
      const id = target();
      castVotes(doc, { type: isCard(id) ? 'card' : 'link', id }, `v1:${rng.pick(['me', 'fac', 'x'])}`, rng.int(5));
      break;
    }
    case 9:
      if (links.length > 0 && rng.chance(0.5)) (doc.getMap('links') as Y.Map<unknown>).delete(rng.pick(links));
      else
        addLink(doc, {
          kind: 'contributes',
          from: rng.pick(agreed.slice(0, 3)),
          to: rng.pick(open.slice(0, 4)),
          author: who,
        });
      break;
    case 10:
      // Moving an end of a link anywhere (the model refuses ends of the wrong kind).
      if (links.length > 0) retargetLink(doc, rng.pick(links), rng.pick(['from', 'to'] as const), target());
      break;
    case 11:
      if (links.length > 0) {
        const id = rng.pick(links);
        if (rng.chance(0.5)) updateLink(doc, id, { fields: { rationale: `r${rng.int(99)}` } });
        else (doc.getMap('links').get(id) as Y.Map<unknown> | undefined)?.set(rng.pick(['from', 'to']), target());
      }
      break;
    case 12: {
      // The walk-through's records: a new one, a rewritten one, a deleted one.
      const id = target();
      const validation = doc.getMap('validation');
      if (validation.size > 0 && rng.chance(0.3)) validation.delete(rng.pick([...validation.keys()]));
      else recordValidation(doc, id, { checks: {}, decision: 'set-aside', by: 'Eve', at: rng.int(99), comment: '' });
      break;
    }
    default: {
      const id = target();
      if (isCard(id)) updateCard(doc, id, { fields: { description: 'x'.repeat(rng.int(20)) } });
    }
  }
}

/** An id somewhere in the document: in an agreed item, the settings, a collected run, anywhere. */
function someId(rng: Random, doc: Y.Doc): Y.ID {
  const clients = [...doc.store.clients.keys()];
  const client = rng.pick(clients);
  return Y.createID(client, rng.int(Y.getState(doc.store, client) + 3));
}

function strangeContent(rng: Random): Y.Item['content'] {
  switch (rng.int(11)) {
    case 0:
      return new Y.ContentAny(['proposed', 'agreed']);
    case 1:
      return new Y.ContentAny(['agreed']);
    case 2:
      return new Y.ContentJSON(['"agreed"', '"x"']);
    case 3:
      return new Y.ContentString('agreed');
    case 4:
      return new Y.ContentType(new Y.XmlText());
    case 5:
      return new Y.ContentType(rng.chance(0.5) ? new Y.Map() : new Y.Array());
    case 6:
      return new Y.ContentDeleted(1 + rng.int(3));
    case 7:
      return new Y.ContentBinary(new Uint8Array([1, 2, 3]));
    case 8:
      return new Y.ContentAny([]);
    case 9:
      return new Y.ContentFormat('bold', true);
    default:
      return new Y.ContentAny([99, 1]);
  }
}

/** Corrupts an update the ways a crafted client can. */
function corrupt(rng: Random, doc: Y.Doc, update: Uint8Array, facClient: number): Uint8Array {
  const sections: Section[] = sectionsOf(update);
  const { ds } = Y.decodeUpdate(update);
  const deletions: Array<{ client: number; clock: number; len: number }> = [];
  for (const [client, ranges] of ds.clients)
    for (const r of ranges) deletions.push({ client, clock: r.clock, len: r.len });
  const items = () => sections.flatMap((s) => s.structs).filter((s): s is Y.Item => s instanceof Y.Item);
  const rounds = 1 + rng.int(3);
  for (let i = 0; i < rounds; i++) {
    switch (rng.int(9)) {
      case 0: {
        // Another client id: the facilitator's, the server's, anyone's.
        const section = sections.length > 0 ? rng.pick(sections) : null;
        if (section) section.client = rng.chance(0.5) ? facClient : rng.pick([...doc.store.clients.keys()]);
        break;
      }
      case 1: {
        const section = sections.length > 0 ? rng.pick(sections) : null;
        if (section) section.clock = Math.max(0, section.clock + rng.int(7) - 3);
        break;
      }
      case 2: {
        const section = sections.length > 0 ? rng.pick(sections) : null;
        if (section && section.structs.length > 1) {
          section.structs.shift();
          section.clock += 1;
        } else if (section) section.structs.unshift(new Y.Skip(Y.createID(section.client, section.clock), 2));
        break;
      }
      case 3: {
        const section = sections.length > 0 ? rng.pick(sections) : null;
        if (section) sections.push({ ...section, structs: [...section.structs] });
        break;
      }
      case 4: {
        const list = items();
        if (list.length > 0) {
          const item = rng.pick(list);
          item.content = strangeContent(rng);
          item.length = item.content.getLength();
        }
        break;
      }
      case 5: {
        const list = items();
        if (list.length > 0) {
          const item = rng.pick(list);
          item.origin = null;
          item.rightOrigin = null;
          item.parent = (rng.chance(0.4)
            ? rng.pick(['meta', 'cards', 'links', 'validation', 'junk'])
            : someId(rng, doc)) as unknown as Y.AbstractType<unknown>;
          item.parentSub = rng.pick(['status', 'phase', 'title', 'votes', 'v1:me', null, 'x', 'from', 'to', 'kind']);
        }
        break;
      }
      case 6: {
        const list = items();
        if (list.length > 0) {
          const item = rng.pick(list);
          if (item.origin || item.rightOrigin || rng.chance(0.5)) {
            item.origin = rng.chance(0.7) ? someId(rng, doc) : null;
            item.rightOrigin = rng.chance(0.5) ? someId(rng, doc) : null;
            if (!item.origin && !item.rightOrigin) item.origin = someId(rng, doc);
          }
        }
        break;
      }
      case 7: {
        const id = someId(rng, doc);
        deletions.push({ client: id.client, clock: id.clock, len: 1 + rng.int(rng.chance(0.2) ? 500 : 20) });
        break;
      }
      default:
        // The agreed items' whole range, from the first collected run on.
        deletions.push({ client: facClient, clock: 0, len: Y.getState(doc.store, facClient) + rng.int(3) });
    }
  }
  return encodeUpdate(
    sections.map((s) => ({ ...s, structs: s.structs as AnyStruct[] })),
    deletions,
  );
}

describe('the update gate, under random crafted updates from participants', () => {
  it(`keeps agreed items, what they stand on and the workshop settings unchanged across ${UPDATES} updates`, {
    timeout: 120_000,
  }, async () => {
    const rng = random(20261207);
    const { server, facClient, agreed, open } = board();
    const owners = new ClientOwners('w', memoryOwners());
    // The facilitator wrote the board: her client id is hers.
    await owners.check('person-fatima', [facClient]);
    const protectedBefore = protectedState(server, agreed);
    const agreedCards = agreed.filter((id) => server.getMap('cards').has(id));
    const standingBefore = standingState(server, agreedCards);
    const facClock = Y.getState(server.store, facClient);
    const people = Array.from({ length: 20 }, (_, i) => `person-${i}`);
    let person = 0;
    // The board as a newcomer loads it, encoded again only when an update was applied.
    let serverState = Y.encodeStateAsUpdate(server);
    let attacker = new Y.Doc();
    Y.applyUpdate(attacker, serverState);
    const verdicts = new Map<string, number>();

    for (let i = 0; i < UPDATES; i++) {
      let update = updateOf(attacker, () => {
        try {
          honestEdit(rng, attacker, agreed, open);
        } catch {
          // The model refused the edit on this copy (a field this kind lacks): nothing to send.
        }
      });
      if (update.length <= 2 || rng.chance(0.6)) update = corrupt(rng, server, update, facClient);
      const decoded = decodeUpdate(update);
      let reason = 'malformed';
      if (decoded) {
        const verdict = await gateUpdate(server, decoded, {
          roots: BOARD_ROOT_ENTRIES,
          person: people[person] as string,
          owners,
          rules: (touches) => checkParticipantEdit(touches, boardStateOf(server)),
        });
        reason = verdict.ok ? 'applied' : verdict.reason;
        if (verdict.ok) expect(applyGated(server, update, 'participant')).toBe(true);
      }
      verdicts.set(reason, (verdicts.get(reason) ?? 0) + 1);

      expect(protectedState(server, agreed)).toBe(protectedBefore);
      expect(standingState(server, agreedCards)).toBe(standingBefore);
      expect(server.store.pendingStructs).toBeNull();
      expect(server.store.pendingDs).toBeNull();
      expect(Y.getState(server.store, facClient)).toBe(facClock);

      // A refused client drops its copy and starts again from the board (a new client id).
      if (reason === 'applied') {
        Y.applyUpdate(attacker, Y.encodeStateAsUpdate(server, Y.encodeStateVector(attacker)));
        serverState = Y.encodeStateAsUpdate(server);
      } else {
        attacker.destroy();
        attacker = new Y.Doc();
        Y.applyUpdate(attacker, serverState);
        person = (person + 1) % people.length;
      }
    }
    console.info(`update gate: ${UPDATES} updates, verdicts ${JSON.stringify(Object.fromEntries(verdicts))}`);
    // The generator reaches every kind of verdict, and honest edits do get through.
    expect(verdicts.get('applied') ?? 0).toBeGreaterThan(UPDATES / 20);
    for (const reason of [
      'locked',
      'locked-link',
      'held',
      'agreeing',
      'workshop-settings',
      'walk-through',
      'votes',
      'gap',
      'shape',
      'foreign-client-id',
    ]) {
      expect(verdicts.get(reason) ?? 0, reason).toBeGreaterThan(0);
    }
  });
});
