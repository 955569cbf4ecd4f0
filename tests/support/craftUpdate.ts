// Hand-made Yjs updates, for tests that play a participant sending bytes the model never writes:
// any structs (taken from a real update and changed, or made here), in any client sections, with
// any delete set. The encoding is Yjs's own (v1), written struct by struct.
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export type AnyStruct = Y.Item | Y.GC | Y.Skip;

export interface Section {
  client: number;
  clock: number;
  structs: AnyStruct[];
}

export interface DeleteRange {
  client: number;
  clock: number;
  len: number;
}

/** Writes sections and deletions as one v1 update, exactly as given (gaps, repeats and all). */
export function encodeUpdate(sections: readonly Section[], deletions: readonly DeleteRange[] = []): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, sections.length);
  for (const section of sections) {
    encoding.writeVarUint(encoder.restEncoder, section.structs.length);
    encoder.writeClient(section.client);
    encoding.writeVarUint(encoder.restEncoder, section.clock);
    for (const struct of section.structs) struct.write(encoder, 0);
  }
  const byClient = new Map<number, DeleteRange[]>();
  for (const d of deletions) byClient.set(d.client, [...(byClient.get(d.client) ?? []), d]);
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, ranges] of byClient) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const r of ranges) {
      encoder.writeDsClock(r.clock);
      encoder.writeDsLen(r.len);
    }
  }
  return encoder.toUint8Array();
}

/** A map entry `parentSub` = content, inserted into a root by name or into the type made by `parent`. */
export function mapEntry(
  id: { client: number; clock: number },
  parent: string | Y.ID,
  parentSub: string,
  content: Y.Item['content'],
): Y.Item {
  return new Y.Item(
    Y.createID(id.client, id.clock),
    null,
    null,
    null,
    null,
    parent as unknown as Y.AbstractType<unknown>,
    parentSub,
    content,
  );
}

/** The structs of an update, by client, as a decoder reads them (parents by name or id). */
export function sectionsOf(update: Uint8Array): Section[] {
  const { structs } = Y.decodeUpdate(update);
  const sections: Section[] = [];
  for (const s of structs) {
    const last = sections[sections.length - 1];
    if (last && last.client === s.id.client) last.structs.push(s);
    else sections.push({ client: s.id.client, clock: s.id.clock, structs: [s] });
  }
  return sections;
}

/** The update a document emits while `edit` runs (what a provider would send). */
export function updateOf(doc: Y.Doc, edit: () => void): Uint8Array {
  const emitted: Uint8Array[] = [];
  const capture = (u: Uint8Array) => emitted.push(u);
  doc.on('update', capture);
  edit();
  doc.off('update', capture);
  return emitted.length === 1 ? (emitted[0] as Uint8Array) : Y.mergeUpdates(emitted);
}
