// The server reads updates with its own reader (no Y types made, no long text decoded); it must
// read exactly what Yjs's decoder reads, struct for struct, or the rules would judge another update.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readUpdate } from '../../server/auth/updateReader.ts';

function yjsView(update: Uint8Array) {
  const { structs, ds } = Y.decodeUpdate(update);
  const id = (i: Y.ID | null) => (i ? { client: i.client, clock: i.clock } : null);
  return {
    structs: structs.map((s) =>
      s instanceof Y.Item
        ? {
            kind: 'item',
            id: id(s.id),
            length: s.length,
            origin: id(s.origin),
            rightOrigin: id(s.rightOrigin),
            parent: typeof s.parent === 'string' ? s.parent : id(s.parent as Y.ID | null),
            parentSub: s.parentSub,
            content: s.content.constructor.name,
          }
        : { kind: s instanceof Y.GC ? 'gc' : 'skip', id: id(s.id), length: s.length },
    ),
    ds: [...ds.clients].map(([client, ranges]) => [client, ranges.map((r) => [r.clock, r.len])]),
  };
}

const CONTENT_NAMES: Record<string, string> = {
  deleted: 'ContentDeleted',
  json: 'ContentJSON',
  binary: 'ContentBinary',
  string: 'ContentString',
  embed: 'ContentEmbed',
  format: 'ContentFormat',
  type: 'ContentType',
  any: 'ContentAny',
  doc: 'ContentDoc',
};

function ourView(update: Uint8Array) {
  const { sections, ds } = readUpdate(update);
  return {
    structs: sections.flatMap((section) =>
      section.structs.map((s) =>
        s.kind === 'item'
          ? {
              kind: 'item',
              id: s.id,
              length: s.length,
              origin: s.origin,
              rightOrigin: s.rightOrigin,
              parent: s.parent,
              parentSub: s.parentSub,
              content: CONTENT_NAMES[s.content],
            }
          : { kind: s.kind, id: s.id, length: s.length },
      ),
    ),
    ds: [...ds].map(([client, ranges]) => [client, ranges.map((r) => [r.clock, r.len])]),
  };
}

describe('the update reader', () => {
  it('reads every kind of struct and content as Yjs does, emoji and deletions included', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const map = doc.getMap('cards');
    const card = new Y.Map<unknown>();
    map.set('a', card);
    const text = new Y.Text('héllo 🌍 wörld');
    card.set('text', text);
    card.set('n', 3);
    card.set('obj', { deep: [1, 'two', null, true, { x: 1.5 }] });
    const list = new Y.Array<unknown>();
    card.set('list', list);
    list.push([new Y.Map(), new Y.Map()]);
    text.insert(3, '𝄞♫');
    text.delete(1, 4);
    text.format(0, 2, { bold: true });
    text.insertEmbed(1, { image: 'x' });
    card.set('bin', new Uint8Array([1, 2, 3]));
    card.set('xml', new Y.XmlText('x'));
    map.delete('gone');
    map.set('b', 'temp');
    map.delete('b');
    list.delete(0, 1);
    for (const update of [...updates, Y.encodeStateAsUpdate(doc), Y.mergeUpdates(updates)]) {
      expect(ourView(update)).toEqual(yjsView(update));
    }
  });

  it('refuses what Yjs cannot read either: unknown content, an unknown type, truncation', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('k', 'v');
    const update = Y.encodeStateAsUpdate(doc);
    for (let cut = 1; cut < update.length - 1; cut++) {
      const truncated = update.slice(0, cut);
      let yjs = true;
      try {
        Y.decodeUpdate(truncated);
      } catch {
        yjs = false;
      }
      let ours = true;
      try {
        readUpdate(truncated);
      } catch {
        ours = false;
      }
      if (!yjs) expect(ours).toBe(false);
    }
  });
});
