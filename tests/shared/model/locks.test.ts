import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addLink,
  cardLock,
  deleteCard,
  docLockView,
  getCard,
  heldCards,
  itemsLockView,
  linkLockOf,
  listCards,
  listLinks,
  newLinkLock,
  retargetLink,
  updateCard,
  updateLink,
} from '../../../shared/model/index.ts';
import { ANA, replica, sync } from './support.ts';

/** An agreed intervention contributing to a target, an open objective, and an agreed actor link. */
function board() {
  const doc = new Y.Doc();
  const agreed = addCard(doc, { kind: 'intervention', x: 0, y: 0, author: ANA, status: 'agreed' });
  const target = addCard(doc, { kind: 'target', x: 0, y: 300, author: ANA, fields: { code: '10.7' } });
  const other = addCard(doc, { kind: 'target', x: 300, y: 300, author: ANA, fields: { code: '8.8' } });
  const objective = addCard(doc, { kind: 'objective', x: 300, y: 0, author: ANA });
  const actor = addCard(doc, { kind: 'actor', x: 600, y: 0, author: ANA });
  const plain = addCard(doc, { kind: 'intervention', x: 600, y: 300, author: ANA });
  const link = addLink(doc, { kind: 'contributes', from: agreed, to: target, author: ANA });
  const open = addLink(doc, { kind: 'contributes', from: objective, to: other, author: ANA });
  const agreedLink = addLink(doc, { kind: 'implements', from: actor, to: plain, author: ANA, status: 'agreed' });
  return { doc, agreed, target, other, objective, actor, plain, link, open, agreedLink };
}

describe('the locks of an agreed item', () => {
  it('lock the agreed item, its links, and hold the cards at their other ends', () => {
    const b = board();
    const view = docLockView(b.doc);
    expect(cardLock(view, b.agreed)).toEqual({ reason: 'agreed', by: null });
    expect(linkLockOf(view, b.link)).toEqual({ reason: 'linked-to-agreed', by: { type: 'card', id: b.agreed } });
    expect(cardLock(view, b.target)).toEqual({ reason: 'held', by: { type: 'card', id: b.agreed }, link: b.link });
    // The ends of an agreed link between unagreed cards are held by the link.
    expect(linkLockOf(view, b.agreedLink)).toEqual({ reason: 'agreed', by: null });
    expect(cardLock(view, b.actor)?.by).toEqual({ type: 'link', id: b.agreedLink });
    expect(cardLock(view, b.plain)?.reason).toBe('held');
    // Nothing agreed stands on these.
    expect(linkLockOf(view, b.open)).toBeNull();
    expect(cardLock(view, b.objective)).toBeNull();
    expect(cardLock(view, b.other)).toBeNull();
    expect(newLinkLock(view, b.objective, b.target)).toBeNull();
    expect(newLinkLock(view, b.agreed, b.other)?.reason).toBe('linked-to-agreed');
  });

  it('read the same from the document and from a browser’s snapshots', () => {
    const b = board();
    const snapshots = itemsLockView(
      new Map(listCards(b.doc).map((c) => [c.id, c])),
      new Map(listLinks(b.doc).map((l) => [l.id, l])),
    );
    const view = docLockView(b.doc);
    for (const card of listCards(b.doc)) expect(cardLock(snapshots, card.id)).toEqual(cardLock(view, card.id));
    for (const link of listLinks(b.doc)) expect(linkLockOf(snapshots, link.id)).toEqual(linkLockOf(view, link.id));
    expect(heldCards(snapshots)).toEqual(heldCards(view));
  });

  it('follow the board as it changes, through the link-end index as through a scan', () => {
    const b = board();
    const indexed = docLockView(b.doc, { indexed: true });
    const scanned = docLockView(b.doc);
    const remote = replica(b.doc);
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let heldSeen = 0;
    for (let step = 0; step < 300; step++) {
      const cards = listCards(b.doc).map((c) => c.id);
      const links = [...b.doc.getMap('links').keys()];
      const pick = <T>(items: T[]) => items[next(items.length)] as T;
      // Some edits arrive from another copy, as a room receives them.
      const doc = next(3) === 0 ? remote : b.doc;
      try {
        switch (next(7)) {
          case 0:
            addCard(doc, { kind: pick(['target', 'intervention', 'objective'] as const), x: 0, y: 0, author: ANA });
            break;
          case 1:
            if (cards.length > 4) deleteCard(doc, pick(cards));
            break;
          case 2:
            addLink(doc, { kind: 'interaction', from: pick(cards), to: pick(cards), author: ANA });
            break;
          case 3:
            if (links.length) retargetLink(doc, pick(links), pick(['from', 'to'] as const), pick(cards));
            break;
          case 4:
            updateCard(doc, pick(cards), { status: pick(['agreed', 'discussed', 'proposed'] as const) });
            break;
          case 5:
            if (links.length) updateLink(doc, pick(links), { status: pick(['agreed', 'proposed'] as const) });
            break;
          default:
            // A card deleted alone, leaving its links dangling.
            if (cards.length > 4) doc.getMap('cards').delete(pick(cards));
        }
      } catch {
        // The model refused it (a link between kinds it may not join).
      }
      sync(b.doc, remote);
      const ids = new Set([...listCards(b.doc).map((c) => c.id), 'missing', ...links]);
      // Which cards are held (by which link, when several hold one, may differ).
      const held = (view: typeof indexed) => [...heldCards(view, ids).keys()].sort();
      expect(held(indexed)).toEqual(held(scanned));
      heldSeen += held(indexed).length;
    }
    expect(heldSeen).toBeGreaterThan(100);
    expect(listCards(b.doc).some((c) => getCard(b.doc, c.id)?.status === 'agreed')).toBe(true);
  });
});
