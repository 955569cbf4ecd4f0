import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveToken, newWorkshopId, roleOfToken, tokensFor } from '../../server/auth/tokens.ts';

const secret = randomBytes(32);
const epochs = { facilitator: 0, participant: 0, viewer: 0 };

describe('join tokens', () => {
  it('grant the role they were made for, and no other', () => {
    const id = newWorkshopId();
    const tokens = tokensFor(secret, id, epochs);
    expect(roleOfToken(secret, id, epochs, tokens.facilitator)).toBe('facilitator');
    expect(roleOfToken(secret, id, epochs, tokens.participant)).toBe('participant');
    expect(roleOfToken(secret, id, epochs, tokens.viewer)).toBe('viewer');
    expect(new Set(Object.values(tokens)).size).toBe(3);
  });

  it('are refused for another workshop, another secret, or a tampered value', () => {
    const id = newWorkshopId();
    const token = tokensFor(secret, id, epochs).facilitator;
    expect(roleOfToken(secret, newWorkshopId(), epochs, token)).toBeNull();
    expect(roleOfToken(randomBytes(32), id, epochs, token)).toBeNull();
    expect(roleOfToken(secret, id, epochs, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(roleOfToken(secret, id, epochs, '')).toBeNull();
  });

  it('stop working when their role’s epoch is bumped (rotation)', () => {
    const id = newWorkshopId();
    const old = tokensFor(secret, id, epochs).participant;
    const rotated = { ...epochs, participant: 1 };
    expect(roleOfToken(secret, id, rotated, old)).toBeNull();
    expect(roleOfToken(secret, id, rotated, deriveToken(secret, id, 'participant', 1))).toBe('participant');
    expect(roleOfToken(secret, id, rotated, tokensFor(secret, id, epochs).viewer)).toBe('viewer');
  });

  it('and workshop ids carry at least 128 random bits', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newWorkshopId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    expect(Buffer.from(tokensFor(secret, newWorkshopId(), epochs).viewer, 'base64url')).toHaveLength(32);
  });
});
