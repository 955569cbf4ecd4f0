// A person: whoever holds one browser's secret. The secret never leaves that browser except to
// authenticate a socket; what others see (author ids, voter ids) is the person id derived from
// it, so that an id read off the board cannot be used to speak as its owner. The same secret
// opens the person's private board.
import { digest } from 'lib0/hash/sha256';

/** A person's secret: random, URL-safe, long enough not to be guessed. */
export const PERSON_SECRET_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export function isPersonSecret(value: unknown): value is string {
  return typeof value === 'string' && PERSON_SECRET_PATTERN.test(value);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** 132 bits of the hash: as hard to guess as a card id, as short as one. */
const PERSON_ID_CHARS = 22;

/** The public id of the person holding `secret` (the same in the browser and on the server). */
export function personIdOf(secret: string): string {
  const hash = digest(new TextEncoder().encode(`sdg-board person\u0000${secret}`));
  let out = '';
  for (let i = 0; out.length < PERSON_ID_CHARS; i++) out += ALPHABET[(hash[i] as number) & 63];
  return out;
}
