import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replaceText } from '../../../shared/model/index.ts';

function textWith(content: string): { doc: Y.Doc; text: Y.Text } {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, content);
  return { doc, text };
}

/** The deltas `change` makes to `text`, one per transaction. */
function deltasOf(text: Y.Text, change: () => void): unknown[][] {
  const deltas: unknown[][] = [];
  const observer = (event: Y.YTextEvent) => deltas.push(event.delta);
  text.observe(observer);
  change();
  text.unobserve(observer);
  return deltas;
}

describe('replaceText', () => {
  it('edits only the changed middle of the text', () => {
    const { text } = textWith('abcdef');
    expect(deltasOf(text, () => replaceText(text, 'abXYef'))).toEqual([
      [{ retain: 2 }, { delete: 2 }],
      [{ retain: 2 }, { insert: 'XY' }],
    ]);
    expect(text.toString()).toBe('abXYef');
  });

  it('appends, prepends, deletes and clears', () => {
    const { text } = textWith('middle');
    replaceText(text, 'middle end');
    expect(text.toString()).toBe('middle end');
    replaceText(text, 'start middle end');
    expect(text.toString()).toBe('start middle end');
    replaceText(text, 'start end');
    expect(text.toString()).toBe('start end');
    replaceText(text, '');
    expect(text.toString()).toBe('');
  });

  it('does nothing when the text is unchanged', () => {
    const { doc, text } = textWith('same');
    let updates = 0;
    doc.on('update', () => updates++);
    replaceText(text, 'same');
    expect(updates).toBe(0);
  });

  it('handles repeated characters at the edit point', () => {
    const { text } = textWith('aaa');
    replaceText(text, 'aaaa');
    expect(text.toString()).toBe('aaaa');
    replaceText(text, 'aa');
    expect(text.toString()).toBe('aa');
  });

  it('never splits an emoji, even when it shares a half with the new one', () => {
    for (const [before, after] of [
      ['a😀b', 'a😁b'],
      ['😀', '😁'],
      ['x😀', 'x🙂'],
      ['😀x', '🙂x'],
      ['a😀b', 'ab'],
      ['ab', 'a😀b'],
      ['a😀😀b', 'a😀b'],
    ]) {
      const { doc, text } = textWith(before as string);
      replaceText(text, after as string);
      expect(text.toString()).toBe(after);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      expect(copy.getText('t').toString()).toBe(after);
    }
  });
});
