// The first message of every sync socket: who is connecting. It carries the workshop link's
// token and the person's secret in the socket's first frame, never in its URL, so that proxies'
// access logs hold neither. The server answers nothing else on a socket until it has read one.
//
//   frame = varUint MESSAGE.auth, varUint AUTH.hello,
//           varString JSON {v, token, secret, board, name?, group?, groupDetail?}
//
// The name, stakeholder group and own words for "Other" are what the person entered: the server
// records them in the workshop's attendance. They are optional (older clients send none; the
// server then takes them from the person's presence), and a server that does not know them
// ignores them, so the version stays 1.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MAX_ATTENDEE_NAME } from '../model/attendance.ts';
import { isPersonSecret } from '../model/person.ts';
import { MAX_GROUP_DETAIL } from '../model/vocabulary.ts';
import { MESSAGE, ProtocolError } from './messages.ts';

export const AUTH = { hello: 1 } as const;
export const HELLO_VERSION = 1;
/** A token is a few dozen characters; this leaves room without inviting abuse. */
const MAX_TOKEN_CHARS = 512;
const MAX_HELLO_BYTES = 2048;
/** A stakeholder group id is a short kebab-case word. */
const MAX_GROUP_CHARS = 64;

export type BoardChannel = 'shared' | 'private';

export interface Hello {
  token: string;
  /** The person's secret: their identity on the board and the key of their private board. */
  secret: string;
  /** The workshop's shared board, or this person's private board. */
  board: BoardChannel;
  /** The display name the person entered (at most MAX_ATTENDEE_NAME characters). */
  name?: string;
  /** The stakeholder group id they chose. */
  group?: string;
  /** Their own words when the group is "Other" (at most MAX_GROUP_DETAIL characters). */
  groupDetail?: string;
}

/** An optional string field of the hello: absent, or a string of at most `max` characters. */
function optionalText(value: unknown, max: number, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > max) {
    throw new ProtocolError(`hello: ${field} must be a string of at most ${max} characters`);
  }
  return value;
}

export function encodeHello(hello: Hello): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.auth);
  encoding.writeVarUint(encoder, AUTH.hello);
  encoding.writeVarString(encoder, JSON.stringify({ v: HELLO_VERSION, ...hello }));
  return encoding.toUint8Array(encoder);
}

/** Reads a hello frame; throws ProtocolError on anything else or on a malformed one. */
export function decodeHello(frame: Uint8Array): Hello {
  if (frame.length > MAX_HELLO_BYTES) throw new ProtocolError('the hello message is too large');
  let parsed: unknown;
  try {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MESSAGE.auth) throw new ProtocolError('authenticate first');
    if (decoding.readVarUint(decoder) !== AUTH.hello) throw new ProtocolError('authenticate first');
    const text = decoding.readVarString(decoder);
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the hello message');
    parsed = JSON.parse(text);
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError('malformed hello message');
  }
  if (typeof parsed !== 'object' || parsed === null) throw new ProtocolError('malformed hello message');
  const fields = parsed as Record<string, unknown>;
  const { v, token, secret, board } = fields;
  if (v !== HELLO_VERSION) throw new ProtocolError(`hello version ${String(v)} is not supported; reload the page`);
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_CHARS) {
    throw new ProtocolError('hello: missing or malformed token');
  }
  if (!isPersonSecret(secret)) throw new ProtocolError('hello: missing or malformed person secret');
  if (board !== 'shared' && board !== 'private') throw new ProtocolError('hello: board must be shared or private');
  const name = optionalText(fields.name, MAX_ATTENDEE_NAME, 'name');
  const group = optionalText(fields.group, MAX_GROUP_CHARS, 'group');
  const groupDetail = optionalText(fields.groupDetail, MAX_GROUP_DETAIL, 'groupDetail');
  return {
    token,
    secret,
    board,
    ...(name === undefined ? {} : { name }),
    ...(group === undefined ? {} : { group }),
    ...(groupDetail === undefined ? {} : { groupDetail }),
  };
}
