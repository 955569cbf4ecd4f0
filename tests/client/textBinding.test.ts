import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindTextField, mapEdit, mapIndex, type TextField } from '../../client/panels/inspector/textBinding.ts';
import { addCard, cardText, getCard, type ItemRef, spliceText } from '../../shared/model/index.ts';

const author = { id: 'author-1', name: 'Ada', group: 'academia' };

describe('mapIndex', () => {
  it('moves a position past text inserted before or at it, and keeps it before text inserted after', () => {
    expect(mapIndex(5, [{ insert: 'abc' }])).toBe(8);
    expect(mapIndex(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(8);
    expect(mapIndex(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5);
  });

  it('moves a position back over deleted text, and into a deletion’s start when inside it', () => {
    expect(mapIndex(5, [{ delete: 2 }])).toBe(3);
    expect(mapIndex(5, [{ retain: 4 }, { delete: 3 }])).toBe(4);
    expect(mapIndex(5, [{ retain: 5 }, { delete: 3 }])).toBe(5);
  });

  it('follows a replacement', () => {
    expect(mapIndex(10, [{ retain: 2 }, { delete: 3 }, { insert: 'abcdef' }])).toBe(13);
  });
});

describe('mapEdit', () => {
  it('moves a local edit onto the text others changed meanwhile', () => {
    expect(mapEdit({ index: 4, remove: 2, insert: 'X' }, [{ insert: 'Hello ' }])).toEqual({
      index: 10,
      remove: 2,
      insert: 'X',
    });
  });
});

/** Enough of an <input> for the binding: value, selection, events, focus. */
class FakeField {
  value = '';
  selectionStart = 0;
  selectionEnd = 0;
  selectionDirection: 'forward' | 'backward' | 'none' = 'none';
  readonly ownerDocument: { activeElement: unknown } = { activeElement: null };
  private readonly listeners = new Map<string, Set<(e: unknown) => void>>();

  addEventListener(type: string, fn: (e: unknown) => void): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(fn);
    this.listeners.set(type, set);
  }
  removeEventListener(type: string, fn: (e: unknown) => void): void {
    this.listeners.get(type)?.delete(fn);
  }
  setSelectionRange(start: number, end: number): void {
    this.selectionStart = start;
    this.selectionEnd = end;
  }
  fire(type: string, event: Record<string, unknown> = {}): void {
    for (const fn of this.listeners.get(type) ?? []) fn({ isComposing: false, ...event });
  }
  focus(caret: number): void {
    this.ownerDocument.activeElement = this;
    this.setSelectionRange(caret, caret);
  }
  /** Types like a person: each character replaces the selection and fires `input`. */
  type(text: string, composing = false): void {
    for (const ch of text) {
      const at = this.selectionStart;
      this.value = this.value.slice(0, at) + ch + this.value.slice(this.selectionEnd);
      this.setSelectionRange(at + 1, at + 1);
      this.fire('input', { isComposing: composing });
    }
  }
  backspace(): void {
    const at = this.selectionStart;
    this.value = this.value.slice(0, at - 1) + this.value.slice(at);
    this.setSelectionRange(at - 1, at - 1);
    this.fire('input');
  }
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function twoClients(rationale: string) {
  const a = new Y.Doc();
  const id = addCard(a, { kind: 'intervention', x: 0, y: 0, author, fields: { rationale } });
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const ref: ItemRef = { type: 'card', id };
  const bind = (doc: Y.Doc) => {
    const field = new FakeField();
    const text = cardText(doc, id, 'rationale');
    if (!text) throw new Error('no text');
    bindTextField(field as unknown as TextField, text, (edit) => spliceText(doc, ref, 'rationale', edit));
    return field;
  };
  return { a, b, id, fieldA: bind(a), fieldB: bind(b) };
}

describe('bindTextField', () => {
  it('shows the text and writes each keystroke as one small edit', () => {
    const { a, id, fieldA } = twoClients('Newcomers lose months.');
    expect(fieldA.value).toBe('Newcomers lose months.');
    const deltas: unknown[] = [];
    cardText(a, id, 'rationale')?.observe((e) => deltas.push(e.delta));
    fieldA.focus(9);
    fieldA.type(' often');
    fieldA.backspace();
    expect(getCard(a, id)?.fields).toMatchObject({ rationale: 'Newcomers ofte lose months.' });
    expect(deltas[0]).toEqual([{ retain: 9 }, { insert: ' ' }]);
    expect(deltas.at(-1)).toEqual([{ retain: 14 }, { delete: 1 }]);
  });

  it('keeps both people’s text when two clients type into the same field at once', () => {
    const { a, b, id, fieldA, fieldB } = twoClients('Newcomers lose months.');
    fieldA.focus(0);
    fieldB.focus(fieldB.value.length);
    const first = 'One door: ';
    const second = ' Staff speak 12 languages.';
    // Interleaved keystrokes, with the network delivering every few characters.
    for (let i = 0; i < Math.max(first.length, second.length); i++) {
      if (first[i]) fieldA.type(first[i] as string);
      if (second[i]) fieldB.type(second[i] as string);
      if (i % 3 === 2) sync(a, b);
    }
    sync(a, b);
    const expected = 'One door: Newcomers lose months. Staff speak 12 languages.';
    for (const doc of [a, b]) expect(getCard(doc, id)?.fields).toMatchObject({ rationale: expected });
    expect(fieldA.value).toBe(expected);
    expect(fieldB.value).toBe(expected);
    // Each caret stayed after its own typing.
    expect(fieldA.selectionStart).toBe(first.length);
    expect(fieldB.selectionStart).toBe(expected.length);
  });

  it('keeps a selection on the same words when others type before it', () => {
    const { a, b, fieldA, fieldB } = twoClients('lose months');
    fieldA.focus(0);
    fieldA.setSelectionRange(5, 11); // "months"
    fieldB.focus(0);
    fieldB.type('Newcomers ');
    sync(a, b);
    expect(fieldA.value.slice(fieldA.selectionStart, fieldA.selectionEnd)).toBe('months');
  });

  it('holds remote changes while an input method composes, then merges them', () => {
    const { a, b, id, fieldA, fieldB } = twoClients('Centre');
    fieldA.focus(fieldA.value.length);
    fieldA.fire('compositionstart');
    fieldA.type(' 中心', true);
    fieldB.focus(0);
    fieldB.type('The ');
    sync(a, b);
    // The field is left alone mid-composition.
    expect(fieldA.value).toBe('Centre 中心');
    fieldA.fire('compositionend');
    sync(a, b);
    for (const doc of [a, b]) expect(getCard(doc, id)?.fields).toMatchObject({ rationale: 'The Centre 中心' });
    expect(fieldA.value).toBe('The Centre 中心');
    expect(fieldA.selectionStart).toBe('The Centre 中心'.length);
  });
});
