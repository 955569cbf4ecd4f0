// What server processes tell each other about a workshop, as bytes: a stored update with its
// sequence number, or an awareness update. Pure encode/decode, tested without Redis.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const FANOUT_KIND = { update: 0, awareness: 1, revoke: 2 } as const;

export type FanoutMessage =
  | { kind: 'update'; seq: number; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  /** A role's link was rotated: close the connections that used the old one. */
  | { kind: 'revoke'; role: string };

export interface FanoutEnvelope {
  /** The process that published it, so a process ignores its own messages. */
  from: string;
  message: FanoutMessage;
}

export function encodeFanout(from: string, message: FanoutMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, from);
  if (message.kind === 'update') {
    encoding.writeVarUint(encoder, FANOUT_KIND.update);
    encoding.writeVarUint(encoder, message.seq);
    encoding.writeVarUint8Array(encoder, message.update);
  } else if (message.kind === 'awareness') {
    encoding.writeVarUint(encoder, FANOUT_KIND.awareness);
    encoding.writeVarUint8Array(encoder, message.update);
  } else {
    encoding.writeVarUint(encoder, FANOUT_KIND.revoke);
    encoding.writeVarString(encoder, message.role);
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes a fan-out message; returns null for anything malformed (it is dropped, not fatal). */
export function decodeFanout(bytes: Uint8Array): FanoutEnvelope | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const from = decoding.readVarString(decoder);
    const kind = decoding.readVarUint(decoder);
    let message: FanoutMessage;
    if (kind === FANOUT_KIND.update) {
      const seq = decoding.readVarUint(decoder);
      message = { kind: 'update', seq, update: decoding.readVarUint8Array(decoder) };
    } else if (kind === FANOUT_KIND.awareness) {
      message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else if (kind === FANOUT_KIND.revoke) {
      message = { kind: 'revoke', role: decoding.readVarString(decoder) };
    } else {
      return null;
    }
    return decoding.hasContent(decoder) ? null : { from, message };
  } catch {
    return null;
  }
}
