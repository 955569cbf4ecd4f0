import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { resizedRect } from '../../client/canvas/gesture.ts';
import { SceneIndex } from '../../client/canvas/scene/sceneIndex.ts';
import { applyChanges, type BoardItems } from '../../client/canvas/useBoardItems.ts';
import { flattenRows, groupItems } from '../../client/panels/outlineRows.ts';
import { cursorIntervalMs, MAX_PUBLISHED_SELECTION } from '../../client/sync/presence.ts';
import {
  addCard,
  addLink,
  type BoardChanges,
  deleteCards,
  listCards,
  listLinks,
  moveCards,
  observeBoard,
} from '../../shared/model/index.ts';

const author = { id: 'author-1', name: 'Ada', group: 'academia' };

/** A document, its snapshot cache and a scene index kept in step, as the canvas keeps them. */
function scene() {
  const doc = new Y.Doc();
  const index = new SceneIndex();
  let items: BoardItems = { cards: new Map(), links: new Map() };
  observeBoard(doc, (changes: BoardChanges) => {
    items = applyChanges(doc, items, changes);
    index.update(items);
  });
  return { doc, index, items: () => items };
}

const view = (minX: number, minY: number, maxX: number, maxY: number) => ({ minX, minY, maxX, maxY });

describe('the scene index', () => {
  it('finds only the cards that meet the view, frames first, then by creation', () => {
    const { doc, index } = scene();
    const near = addCard(doc, { kind: 'note', x: 0, y: 0, author }, undefined, 2);
    const frame = addCard(doc, { kind: 'frame', x: -100, y: -100, w: 600, h: 400, author }, undefined, 3);
    addCard(doc, { kind: 'note', x: 50_000, y: 50_000, author }, undefined, 1);
    expect(index.cardsIn(view(-50, -50, 400, 300)).map((c) => c.id)).toEqual([frame, near]);
    expect(index.cardsIn(view(49_000, 49_000, 49_500, 49_500))).toEqual([]);
  });

  it('follows moves and deletions, and re-places the links of a moved card', () => {
    const { doc, index } = scene();
    const a = addCard(doc, { kind: 'intervention', x: 0, y: 0, author });
    const b = addCard(doc, { kind: 'target', x: 400, y: 0, author, fields: { code: '10.7' } });
    const link = addLink(doc, { kind: 'contributes', from: a, to: b, author });
    expect(index.linksIn(view(300, 50, 320, 60)).map((l) => l.id)).toEqual([link]);
    moveCards(doc, [{ id: b, x: 400, y: 5000 }]);
    expect(index.linksIn(view(300, 50, 320, 60))).toEqual([]);
    expect(index.linksIn(view(300, 2500, 330, 2600)).map((l) => l.id)).toEqual([link]);
    deleteCards(doc, [b]);
    expect(index.cards.size).toBe(1);
    expect(index.linksIn(view(-10_000, -10_000, 10_000, 10_000))).toEqual([]);
  });

  it('shifts a link sideways when its reverse twin exists', () => {
    const { doc, index } = scene();
    const a = addCard(doc, { kind: 'target', x: 0, y: 0, author, fields: { code: '10.7' } });
    const b = addCard(doc, { kind: 'target', x: 400, y: 0, author, fields: { code: '8.8' } });
    const ab = addLink(doc, { kind: 'interaction', from: a, to: b, author });
    expect(index.linkOffset(ab)).toBe(0);
    addLink(doc, { kind: 'interaction', from: b, to: a, author });
    expect(index.linkOffset(ab)).toBe(9);
  });

  it('lists the cards wholly inside a box (marquee, frame contents) and counts what a view holds', () => {
    const { doc, index } = scene();
    const inside = addCard(doc, { kind: 'note', x: 10, y: 10, author });
    addCard(doc, { kind: 'note', x: 150, y: 10, author });
    expect(index.cardsWithin(view(0, 0, 300, 300))).toEqual([inside]);
    expect(index.countIn(view(0, 0, 1000, 1000), 1)).toBe(true);
    expect(index.countIn(view(0, 0, 1000, 1000), 2)).toBe(false);
  });

  it('keeps up with a 100-card move on a 5,000-card board within 200 ms', () => {
    const { doc, index } = scene();
    doc.transact(() => {
      for (let i = 0; i < 5000; i++)
        addCard(doc, { kind: 'note', x: (i % 100) * 300, y: Math.floor(i / 100) * 250, author });
    });
    const ids = listCards(doc)
      .slice(0, 100)
      .map((c) => c.id);
    const t0 = performance.now();
    moveCards(
      doc,
      ids.map((id, i) => ({ id, x: i * 7, y: -500 })),
    );
    expect(performance.now() - t0).toBeLessThan(200);
    expect(index.cardsIn(view(0, -600, 800, -400)).length).toBeGreaterThan(50);
  });
});

describe('resizing', () => {
  it('keeps the opposite corner fixed and a minimum size', () => {
    const start = { x: 100, y: 100, w: 200, h: 100 };
    expect(resizedRect(start, 'se', 50, 20)).toEqual({ x: 100, y: 100, w: 250, h: 120 });
    expect(resizedRect(start, 'nw', 50, 20)).toEqual({ x: 150, y: 120, w: 150, h: 80 });
    expect(resizedRect(start, 'nw', 500, 500)).toEqual({ x: 260, y: 170, w: 40, h: 30 });
  });
});

describe('the outline rows', () => {
  it('group cards and links by kind, targets in code order, and hide closed groups’ items', () => {
    const doc = new Y.Doc();
    const t2 = addCard(doc, { kind: 'target', x: 0, y: 0, author, fields: { code: '10.10' } });
    const t1 = addCard(doc, { kind: 'target', x: 0, y: 0, author, fields: { code: '10.2' } });
    const i = addCard(doc, { kind: 'intervention', x: 0, y: 0, author, fields: { title: 'Centre' } });
    addLink(doc, { kind: 'contributes', from: i, to: t1, author });
    const items = {
      cards: new Map(listCards(doc).map((c) => [c.id, c])),
      links: new Map(listLinks(doc).map((l) => [l.id, l])),
    };
    const rows = flattenRows(groupItems(items), new Set());
    expect(rows.map((r) => (r.kind === 'group' ? `#${r.label}` : r.item.label.split(' ·')[0]))).toEqual([
      '#SDG targets',
      '10.2',
      '10.10',
      '#Interventions',
      'Centre',
      '#Links: contributes',
      'Centre → 10.2',
    ]);
    expect(rows[1]?.kind === 'item' && rows[1].item.id).toBe(t1);
    expect(rows[2]?.kind === 'item' && rows[2].item.id).toBe(t2);
    expect(flattenRows(groupItems(items), new Set(['target'])).length).toBe(5);
  });
});

describe('presence throttling', () => {
  it('sends cursors less often as the room fills, and caps the published selection', () => {
    expect(cursorIntervalMs(1)).toBe(80);
    expect(cursorIntervalMs(100)).toBe(250);
    expect(cursorIntervalMs(50)).toBeGreaterThan(cursorIntervalMs(10));
    expect(MAX_PUBLISHED_SELECTION * 23).toBeLessThan(16 * 1024);
  });
});
