// @mentions in comments: what is being typed after an "@", the people it may name, and which
// people a finished comment mentions (stored as their author ids).

export interface Mentionable {
  id: string;
  name: string;
}

const MAX_QUERY = 40;

/** The "@…" being typed just before the caret, or null. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/\s/.test(before[at - 1] as string)) return null;
  const query = before.slice(at + 1);
  if (query.length > MAX_QUERY || /[\n@]/.test(query) || /\s\s/.test(query)) return null;
  return { start: at, query };
}

/** People whose name matches what is typed: names starting with it first, then containing it. */
export function suggestMentions<P extends Mentionable>(people: readonly P[], query: string, limit = 6): P[] {
  const q = query.trim().toLowerCase();
  const named = people.filter((p) => p.name.trim() !== '');
  const starts = named.filter((p) => p.name.toLowerCase().startsWith(q));
  const contains = named.filter((p) => !p.name.toLowerCase().startsWith(q) && p.name.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, limit);
}

/** Replaces the "@query" at `start…caret` with "@Name ", returning the new text and caret. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

function mentionAt(text: string, index: number, name: string): boolean {
  if (text[index] !== '@') return false;
  if (index > 0 && !/\s/.test(text[index - 1] as string)) return false;
  const end = index + 1 + name.length;
  if (text.slice(index + 1, end).toLowerCase() !== name.toLowerCase()) return false;
  return end === text.length || !/[\p{L}\p{N}_]/u.test(text[end] as string);
}

/** The parts of a text, with each "@Name" of a known person marked (longest names win). */
export function splitMentions<P extends Mentionable>(
  text: string,
  people: readonly P[],
): Array<{ text: string; person?: P }> {
  const byLength = people.filter((p) => p.name.trim() !== '').sort((a, b) => b.name.length - a.name.length);
  const parts: Array<{ text: string; person?: P }> = [];
  let plain = '';
  for (let i = 0; i < text.length; ) {
    const person = text[i] === '@' ? byLength.find((p) => mentionAt(text, i, p.name)) : undefined;
    if (person) {
      if (plain) parts.push({ text: plain });
      plain = '';
      parts.push({ text: text.slice(i, i + 1 + person.name.length), person });
      i += 1 + person.name.length;
    } else {
      plain += text[i];
      i++;
    }
  }
  if (plain) parts.push({ text: plain });
  return parts;
}

/** The ids of the people a comment mentions, once each, in order. */
export function findMentions(text: string, people: readonly Mentionable[]): string[] {
  const ids = splitMentions(text, people)
    .map((p) => p.person?.id)
    .filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}
